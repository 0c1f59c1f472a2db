//! Results compare the period reported with the same period of another year: "the 1988
//! period", "the comparable 1988 quarter", "last year's quarter", "the corresponding period
//! last year", "the quarter a year ago".

use super::expr::{Expr, Found, YearRef};
use super::lexicon::{self, Unit};
use super::parse::Parser;

/// Words that say a period matches the one reported ("the *corresponding* period").
const SAME: &[&str] = &["comparable", "corresponding", "same", "equivalent"];

/// Nouns of a reporting period.
const PERIODS: &[&str] = &["period", "quarter"];

impl Parser<'_, '_> {
    /// The compared period starting at token `i`, if any.
    pub(super) fn compared_period(&self, i: usize) -> Option<Found> {
        self.period_of_year(i).or_else(|| self.same_period(i))
    }

    /// True when token `i` is a period noun that is not a fraction or part of a compound
    /// ("the quarter-final", "a quarter of").
    fn period_noun(&self, i: usize) -> bool {
        self.is_any(i, PERIODS)
            && !self.is(i + 1, "of")
            && !self.token(i + 1).is_some_and(|t| t.is_punct('-'))
    }

    /// "the 1988 period", "the comparable 1988 quarter", "last year's quarter", "1988's
    /// period".
    fn period_of_year(&self, i: usize) -> Option<Found> {
        if let Some((year, year_last)) = self.year_phrase(i) {
            let apostrophe = self
                .token(year_last + 1)
                .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'));
            let at = year_last + 3;
            let owned = apostrophe && self.is(year_last + 2, "s") && self.period_noun(at);
            return owned.then_some(Found {
                first: i,
                last: at,
                expr: Expr::ReportedQuarterIn(year),
            });
        }
        if !self.is(i, "the") {
            return None;
        }
        let at = if self.is_any(i + 1, SAME) {
            i + 2
        } else {
            i + 1
        };
        let year = lexicon::year(self.token(at)?)?;
        self.period_noun(at + 1).then_some(Found {
            first: i,
            last: at + 1,
            expr: Expr::ReportedQuarterIn(YearRef::Absolute(year)),
        })
    }

    /// "the corresponding period last year", "the same quarter a year ago", "the quarter a
    /// year earlier", "the comparable period of 1988".
    fn same_period(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the") {
            return None;
        }
        let same = self.is_any(i + 1, SAME);
        let noun = if same { i + 2 } else { i + 1 };
        if !self.is_any(noun, PERIODS) {
            return None;
        }
        let year_ago = Expr::Ago {
            unit: Unit::Year,
            count: -1,
        };
        if self.is(noun + 1, "last") && self.is(noun + 2, "year") {
            return Self::found(i, noun + 2, year_ago);
        }
        if self.is_any(noun + 1, &["a", "one"])
            && self.is(noun + 2, "year")
            && self.is_any(noun + 3, &["ago", "earlier"])
        {
            return Self::found(i, noun + 3, year_ago);
        }
        let year = self
            .token(noun + 2)
            .and_then(lexicon::year)
            .filter(|_| same && self.is_any(noun + 1, &["of", "in"]))?;
        Self::found(
            i,
            noun + 2,
            Expr::ReportedQuarterIn(YearRef::Absolute(year)),
        )
    }
}
