//! Days and periods counted from the publication date: "today", "yesterday morning",
//! "last night", "this week", "next month", "last March", "this fiscal year".

use super::calendar::TIMES_OF_DAY;
use super::expr::{Expr, Found, Shift};
use super::lexicon::{self, Unit};
use super::parse::Parser;

impl Parser<'_, '_> {
    /// "today", "yesterday morning", "last night", "this week", "next month", "last March"
    /// ("this weekend" is a period).
    pub(super) fn relative(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        let day = if token.is("today") || token.is("tonight") {
            Some(0)
        } else if token.is("yesterday") {
            Some(-1)
        } else if token.is("tomorrow") {
            Some(1)
        } else {
            None
        };
        if token.is("mid") {
            return self.mid_part_of_day(i);
        }
        if let Some(count) = day {
            if self.generic_day(i) {
                return None;
            }
            let last = if self.is_any(i + 1, TIMES_OF_DAY) {
                i + 1
            } else {
                i
            };
            return Self::found(
                i,
                last,
                Expr::Offset {
                    unit: Unit::Day,
                    count,
                },
            );
        }
        let (count, shift) = if token.is("last") {
            (-1, Shift::Last)
        } else if token.is("next") {
            (1, Shift::Next)
        } else if token.is("this") {
            (0, Shift::Tense)
        } else {
            return None;
        };
        if self.previous_is_any(i, &["the"]) {
            return None;
        }
        let next = self.token(i + 1)?;
        if next.is("night") && count == -1
            || self.is_any(i + 1, &["morning", "afternoon", "evening"]) && count == 0
        {
            return Self::found(
                i,
                i + 1,
                Expr::Offset {
                    unit: Unit::Day,
                    count,
                },
            );
        }
        if let Some((month, false)) = lexicon::month(next) {
            return Self::found(
                i,
                i + 1,
                Expr::Month {
                    year: None,
                    month,
                    shift,
                },
            );
        }
        // "this fiscal year", "next fiscal quarter".
        let unit_at = if next.is("fiscal") { i + 2 } else { i + 1 };
        match lexicon::unit(self.token(unit_at)?)? {
            (unit @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), 1, false)
                if unit_at == i + 1 || matches!(unit, Unit::Quarter | Unit::Year) =>
            {
                Self::found(i, unit_at, Expr::Offset { unit, count })
            }
            _ => None,
        }
    }

    /// "mid-afternoon", "by mid morning": that part of the day the story last named;
    /// "mid-afternoon yesterday", "mid-morning Monday": of the day named right after.
    fn mid_part_of_day(&self, i: usize) -> Option<Found> {
        let hyphen = self.token(i + 1).is_some_and(|t| t.is_punct('-'));
        let part_at = if hyphen { i + 2 } else { i + 1 };
        if !self.is_any(part_at, &["morning", "afternoon", "evening"]) {
            return None;
        }
        let day = self
            .relative(part_at + 1)
            .filter(|d| {
                matches!(
                    d.expr,
                    Expr::Offset {
                        unit: Unit::Day,
                        ..
                    }
                )
            })
            .or_else(|| {
                self.weekday(part_at + 1)
                    .filter(|d| d.first == d.last && matches!(d.expr, Expr::Weekday { .. }))
            });
        match day {
            Some(day) => Self::found(i, day.last, day.expr),
            None => Self::found(i, part_at, Expr::ThatPeriod(Unit::Day)),
        }
    }
}
