//! Expressions anchored to the time the story last named rather than to publication:
//! "a year earlier", "two days later", "the day before", "the following week", "the next
//! morning", "later that year", "later in the day", "the year-ago quarter", and in results
//! reporting "the quarter" or "the latest period".

use super::expr::{Expr, Found};
use super::lexicon::{self, Unit};
use super::parse::Parser;
use super::tokens::TokenKind;

/// Calendar units an anchored expression may count in.
fn calendar_unit(unit: Unit) -> bool {
    matches!(
        unit,
        Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year
    )
}

impl Parser<'_, '_> {
    /// The anchored expression starting at token `i`, if any.
    pub(super) fn anchored(&self, i: usize) -> Option<Found> {
        self.counted_shift(i)
            .or_else(|| self.neighbour(i))
            .or_else(|| self.year_earlier(i))
            .or_else(|| self.that_period(i))
            .or_else(|| self.later_in(i))
            .or_else(|| self.reported_quarter(i))
    }

    /// True when token `i` ends a clause: punctuation or the end of the sentence.
    fn clause_ends(&self, i: usize) -> bool {
        self.token(i).is_none_or(|t| t.kind == TokenKind::Punct)
    }

    /// "a year earlier", "two days later", "three weeks before," (not "three weeks before
    /// the vote", where "three weeks" is a length of time before an event).
    fn counted_shift(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        let count = lexicon::number_word(token).or_else(|| token.number())?;
        let (unit, per_unit, _) = self.token(i + 1).and_then(lexicon::unit)?;
        if !calendar_unit(unit) || !(1..=100).contains(&count) {
            return None;
        }
        let sign = if self.is(i + 2, "earlier") || self.is(i + 2, "before") {
            -1
        } else if self.is(i + 2, "later") || self.is(i + 2, "after") {
            1
        } else {
            return None;
        };
        if self.is_any(i + 2, &["before", "after"]) && !self.clause_ends(i + 3) {
            return None;
        }
        let count = sign * (count * per_unit) as i32;
        Self::found(
            i,
            i + 2,
            Expr::Anchored {
                unit,
                count,
                at: None,
            },
        )
    }

    /// "the day before", "the year after", "the previous week", "the following month",
    /// "the next day", "the next morning", "the previous Friday".
    fn neighbour(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the") {
            return None;
        }
        let before = self.is_any(i + 1, &["previous", "preceding", "prior"]);
        let after = self.is_any(i + 1, &["following", "next", "subsequent"]);
        if (before || after) && self.is_any(i + 2, &["morning", "afternoon", "evening", "night"]) {
            // "the next morning": the day after the one last named.
            return Self::found(
                i,
                i + 2,
                Expr::Anchored {
                    unit: Unit::Day,
                    count: if before { -1 } else { 1 },
                    at: Some(Unit::Day),
                },
            );
        }
        if let Some(weekday) = self
            .token(i + 2)
            .and_then(lexicon::weekday)
            .filter(|_| before || after)
        {
            return Self::found(
                i,
                i + 2,
                Expr::NeighbourWeekday {
                    weekday,
                    later: after,
                },
            );
        }
        if before || after {
            let (unit, per_unit, plural) = self.token(i + 2).and_then(lexicon::unit)?;
            if plural || !calendar_unit(unit) {
                return None;
            }
            let count = if before { -1 } else { 1 } * per_unit as i32;
            // "the following year" is a year, "the previous week" a week, whatever time
            // they count from.
            return Self::found(
                i,
                i + 2,
                Expr::Anchored {
                    unit,
                    count,
                    at: Some(unit),
                },
            );
        }
        let (unit, per_unit, false) = self.token(i + 1).and_then(lexicon::unit)? else {
            return None;
        };
        let count = if self.is(i + 2, "before") {
            -1
        } else if self.is(i + 2, "after") {
            1
        } else {
            return None;
        };
        (calendar_unit(unit) && self.clause_ends(i + 3)).then_some(Found {
            first: i,
            last: i + 2,
            expr: Expr::Anchored {
                unit,
                count: count * per_unit as i32,
                at: Some(unit),
            },
        })
    }

    /// "year-earlier", "the year-ago quarter", "the comparable year-earlier period", "the
    /// year-ago third quarter": the same period a year before the one the story reports.
    fn year_earlier(&self, i: usize) -> Option<Found> {
        let mut at = i;
        if self.is(at, "the") {
            at += 1;
        }
        if self.is(at, "comparable") {
            at += 1;
        }
        let hyphen = self.token(at + 1).is_some_and(|t| t.is_punct('-'));
        if !(self.is(at, "year") && hyphen && self.is_any(at + 2, &["earlier", "ago"])) {
            return None;
        }
        let mut last = at + 2;
        let mut precision = None;
        if lexicon::ordinal(self.token(last + 1)?).is_some() && self.is(last + 2, "quarter") {
            last += 2;
            precision = Some(Unit::Quarter);
        } else if self.is(last + 1, "quarter") {
            last += 1;
            precision = Some(Unit::Quarter);
        } else if self.is(last + 1, "period") {
            last += 1;
        }
        // "the year-earlier" alone is not an expression; "year-earlier" before a number
        // ("year-earlier $4.5 million") or a noun is.
        if i < at && last == at + 2 {
            return None;
        }
        Self::found(
            i,
            last,
            Expr::Anchored {
                unit: Unit::Year,
                count: -1,
                at: precision,
            },
        )
    }

    /// "that day", "that week", "that month", "that year".
    fn that_period(&self, i: usize) -> Option<Found> {
        if !self.is(i, "that") {
            return None;
        }
        let (unit, 1, false) = self.token(i + 1).and_then(lexicon::unit)? else {
            return None;
        };
        calendar_unit(unit).then_some(Found {
            first: i,
            last: i + 1,
            expr: Expr::ThatPeriod(unit),
        })
    }

    /// "later in the day", "earlier in the week": the period of the time the story named
    /// last.
    fn later_in(&self, i: usize) -> Option<Found> {
        if !(self.is_any(i, &["earlier", "later"]) && self.is(i + 1, "in") && self.is(i + 2, "the"))
        {
            return None;
        }
        let (unit, 1, false) = self.token(i + 3).and_then(lexicon::unit)? else {
            return None;
        };
        calendar_unit(unit).then_some(Found {
            first: i,
            last: i + 3,
            expr: Expr::ThatPeriod(unit),
        })
    }

    /// "the quarter", "the latest quarter", "the latest period", "the fiscal quarter": in
    /// results reporting, the quarter being reported.
    fn reported_quarter(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the") {
            return None;
        }
        let mut at = i + 1;
        let latest = self.is_any(at, &["latest", "recent"]);
        if latest || self.is(at, "fiscal") {
            at += 1;
        }
        let noun = self.is(at, "quarter") || (at > i + 1 && self.is(at, "period"));
        // "the quarter of the vote counted", "the quarter-final": not a quarter of a year.
        let fraction = self.is(at + 1, "of")
            || self.token(at + 1).is_some_and(|t| t.is_punct('-'))
            || self.previous_is_any(i, &["than", "about", "nearly", "almost", "only"]);
        (noun && !fraction).then_some(Found {
            first: i,
            last: at,
            expr: Expr::ReportedQuarter { latest },
        })
    }
}
