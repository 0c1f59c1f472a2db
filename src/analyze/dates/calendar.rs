//! Calendar days and months: "Monday", "last Friday", "Tuesday, March 14, 2023",
//! "Dec. 29", "December 2020", "January this year", "2020-12-29", "the 4th of July", and a
//! bare month after a cue ("in September") or qualifying a noun ("the October attack").

use super::expr::{Expr, Found, Shift, YearRef};
use super::lexicon::{self, MONTH_CUES};
use super::parse::Parser;
use super::tokens::{Token, TokenKind};

pub(super) const TIMES_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

impl Parser<'_, '_> {
    /// "Monday", "last Friday", "Tuesday, March 14, 2023", "Monday night".
    pub(super) fn weekday(&self, i: usize) -> Option<Found> {
        let (day_at, shift) = if self.is(i, "last") {
            (i + 1, Shift::Last)
        } else if self.is(i, "next") {
            (i + 1, Shift::Next)
        } else if self.is(i, "this") {
            (i + 1, Shift::Tense)
        } else {
            (i, Shift::Tense)
        };
        let weekday = lexicon::weekday(self.token(day_at)?)?;
        if shift == Shift::Tense && day_at == i {
            let date_at = if self.token(i + 1).is_some_and(|t| t.is_punct(',')) {
                i + 2
            } else {
                i + 1
            };
            let full = self
                .month_first(date_at)
                .or_else(|| self.day_first(date_at));
            if let Some(Found {
                last,
                expr: Expr::Day {
                    year, month, day, ..
                },
                ..
            }) = full
            {
                let shift = Shift::OnWeekday(weekday);
                return Self::found(
                    i,
                    last,
                    Expr::Day {
                        year,
                        month,
                        day,
                        shift,
                    },
                );
            }
        }
        let last = if self.is_any(day_at + 1, TIMES_OF_DAY) {
            day_at + 1
        } else {
            day_at
        };
        Self::found(i, last, Expr::Weekday { weekday, shift })
    }

    /// Index after an abbreviated month's optional full stop.
    pub(super) fn after_month(&self, i: usize, abbreviated: bool) -> usize {
        if abbreviated && self.token(i + 1).is_some_and(|t| t.is_punct('.')) {
            i + 1
        } else {
            i
        }
    }

    /// "December 29, 2020", "Dec. 29", "Sept. 6", "December 2020", "March of 2021", and a bare
    /// month after a cue ("in September").
    pub(super) fn month_first(&self, i: usize) -> Option<Found> {
        let (month, abbreviated) = lexicon::month(self.token(i)?)?;
        let m = self.after_month(i, abbreviated);
        if let Some(day) = self.token(m + 1).and_then(lexicon::day_of_month) {
            // "Dec. 29 10:30" is not a day; "Oct. 26:" ending a clause is.
            let clock = self.token(m + 2).is_some_and(|t| t.is_punct(':'))
                && self.touches_next(m + 1)
                && self.touches_next(m + 2);
            if !clock {
                if let Some((year_at, year)) = self.year_after(m + 2) {
                    return Self::found(
                        i,
                        year_at,
                        Expr::Day {
                            year: Some(year),
                            month,
                            day,
                            shift: Shift::Tense,
                        },
                    );
                }
                return Self::found(
                    i,
                    m + 1,
                    Expr::Day {
                        year: None,
                        month,
                        day,
                        shift: Shift::Tense,
                    },
                );
            }
        }
        // "January this year", "March last year".
        if self.is(m + 2, "year") {
            let shift = if self.is(m + 1, "this") {
                Some(0)
            } else if self.is(m + 1, "last") {
                Some(-1)
            } else if self.is(m + 1, "next") {
                Some(1)
            } else {
                None
            };
            if let Some(shift) = shift {
                let year = Some(YearRef::Relative(shift));
                let shift = Shift::Tense;
                return Self::found(i, m + 2, Expr::Month { year, month, shift });
            }
        }
        // "December 2020", "March of 2021", "January nineteen ninety-seven".
        let year_at = if self.is(m + 1, "of") { m + 2 } else { m + 1 };
        if let Some((year, last)) = self.year_token(year_at) {
            let year = Some(YearRef::Absolute(year));
            return Self::found(
                i,
                last,
                Expr::Month {
                    year,
                    month,
                    shift: Shift::Tense,
                },
            );
        }
        // "the October attack", "a June agreement": a month qualifying a noun.
        let qualifies = self.previous_is_any(i, &["the", "a", "an", "its", "their", "this"])
            && self.token(i + 1).is_some_and(|t| {
                t.kind == TokenKind::Word && !t.is_capitalized() && !MONTH_CUES.contains(&t.text)
            });
        let cued = self.previous_is_any(i, MONTH_CUES) || qualifies;
        (cued && !abbreviated).then_some(Found {
            first: i,
            last: i,
            expr: Expr::Month {
                year: None,
                month,
                shift: Shift::Tense,
            },
        })
    }

    /// The day after `previous` in a list of days of one month: the 25 of "April 24 and
    /// 25", "May 5-6", "June 3 or 4", "March 1 to 3".
    pub(super) fn listed_day(&self, previous: &Found, i: usize) -> Option<Found> {
        let Expr::Day {
            year,
            month,
            day,
            shift,
        } = previous.expr
        else {
            return None;
        };
        let joined = previous.last + 2 == i
            && (self.is_any(previous.last + 1, &["and", "or", "to", "through"])
                || self
                    .token(previous.last + 1)
                    .is_some_and(|t| t.is_punct('-')));
        let next = lexicon::day_of_month(self.token(i)?).filter(|&next| joined && next > day)?;
        // "June 3 and 4 percent", "May 5 and 6 others": a count, not a day.
        let counted = self.token(i + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && !t.is_capitalized() && !MONTH_CUES.contains(&t.text)
                || t.is_punct('%')
                || t.is_punct('$')
        });
        let month_follows = self.token(i + 1).and_then(lexicon::month).is_some();
        (!counted && !month_follows).then_some(Found {
            first: i,
            last: i,
            expr: Expr::Day {
                year,
                month,
                day: next,
                shift,
            },
        })
    }

    /// "2020-12-29".
    pub(super) fn iso_date(&self, i: usize) -> Option<Found> {
        let year = lexicon::year(self.token(i)?)?;
        let dash =
            |k: usize| self.token(k).is_some_and(|t| t.is_punct('-')) && self.touches_next(k - 1);
        let two_digits = |k: usize| {
            self.token(k)
                .filter(|t| {
                    t.kind == TokenKind::Number && t.text.len() == 2 && self.touches_next(k - 1)
                })
                .and_then(Token::number)
        };
        if !(dash(i + 1) && dash(i + 3)) {
            return None;
        }
        let month = two_digits(i + 2)?;
        let day = two_digits(i + 4)?;
        if self
            .token(i + 5)
            .is_some_and(|t| t.is_punct('-') && self.touches_next(i + 4))
        {
            return None;
        }
        Self::found(
            i,
            i + 4,
            Expr::Day {
                year: Some(year),
                month: month as i8,
                day: day as i8,
                shift: Shift::Tense,
            },
        )
    }

    /// The year at token `at`, or after a comma there ("Dec. 29, 2020"), with its position.
    fn year_after(&self, at: usize) -> Option<(usize, i16)> {
        let year_at = match self.token(at).is_some_and(|t| t.is_punct(',')) {
            true => at + 1,
            false => at,
        };
        Some((year_at, lexicon::year(self.token(year_at)?)?))
    }

    /// "29 December 2020", "6 Oct.", "the 4th of July".
    pub(super) fn day_first(&self, i: usize) -> Option<Found> {
        let day = lexicon::day_of_month(self.token(i)?)?;
        if self.previous_is_any(i, &["$", "€", "£", "#"]) {
            return None;
        }
        let month_at = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        let (month, abbreviated) = lexicon::month(self.token(month_at)?)?;
        let m = self.after_month(month_at, abbreviated);
        if let Some((year_at, year)) = self.year_after(m + 1) {
            return Self::found(
                i,
                year_at,
                Expr::Day {
                    year: Some(year),
                    month,
                    day,
                    shift: Shift::Tense,
                },
            );
        }
        Self::found(
            i,
            m,
            Expr::Day {
                year: None,
                month,
                day,
                shift: Shift::Tense,
            },
        )
    }
}
