//! Quarters and halves: "Q3", "H1 2021", "the third quarter of this year", "first-quarter",
//! "the 1988 third quarter", "the second half of next year", "the last half of 1989", "the
//! first two quarters of 1990". Halves are TimeML's `1989-H2`.

use super::expr::{Expr, Found, YearRef};
use super::lexicon;
use super::parse::Parser;
use super::tokens::TokenKind;

impl Parser<'_, '_> {
    /// A year that may follow "of" in a quarter or half: "2021", "this year", "the year".
    pub(super) fn year_phrase(&self, i: usize) -> Option<(YearRef, usize)> {
        if let Some(year) = self.token(i).and_then(lexicon::year) {
            return Some((YearRef::Absolute(year), i));
        }
        if !self.is(i + 1, "year") {
            return None;
        }
        let shift = if self.is_any(i, &["this", "the"]) {
            0
        } else if self.is(i, "last") {
            -1
        } else if self.is(i, "next") {
            1
        } else {
            return None;
        };
        Some((YearRef::Relative(shift), i + 1))
    }

    /// "Q3", "Q1 2021", "H1 2021", "the third quarter of this year", "first-quarter",
    /// "the second half of next year".
    pub(super) fn quarter_or_half(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        if token.kind == TokenKind::Mixed && token.text.len() == 2 {
            let (letter, digit) = token.text.split_at(1);
            let n: i8 = digit.parse().ok()?;
            let year_at = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
            let (year, last) = match self.token(year_at).and_then(lexicon::year) {
                Some(y) => (Some(YearRef::Absolute(y)), year_at),
                None => (None, i),
            };
            return match letter {
                "Q" if (1..=4).contains(&n) => {
                    Self::found(i, last, Expr::Quarter { year, quarter: n })
                }
                "H" if (1..=2).contains(&n) => Self::found(i, last, Expr::Half { year, half: n }),
                _ => None,
            };
        }
        // "the 1988 third quarter".
        if let Some(year) = lexicon::year(token) {
            let n = self.token(i + 1).and_then(lexicon::ordinal)?;
            let year = Some(YearRef::Absolute(year));
            return self.is(i + 2, "quarter").then_some(Found {
                first: i,
                last: i + 2,
                expr: Expr::Quarter { year, quarter: n },
            });
        }
        let ordinal_at = if token.is("the") { i + 1 } else { i };
        if let Some(found) = self.half_by_quarters(i, ordinal_at) {
            return Some(found);
        }
        // "the last half of 1989" is its second half.
        let last_half = self.is(ordinal_at, "last") && self.is(ordinal_at + 1, "half");
        let n = if last_half {
            2
        } else {
            lexicon::ordinal(self.token(ordinal_at)?)?
        };
        let hyphen = self.token(ordinal_at + 1).is_some_and(|t| t.is_punct('-'));
        let noun_at = if hyphen {
            ordinal_at + 2
        } else {
            ordinal_at + 1
        };
        let quarter = self.is(noun_at, "quarter");
        let half = self.is(noun_at, "half") && n <= 2;
        if !(quarter || half) {
            return None;
        }
        let of_year = if self.is(noun_at + 1, "of") {
            self.year_phrase(noun_at + 2)
        } else {
            None
        };
        let (year, last) = match of_year {
            Some((year, last)) => (Some(year), last),
            // "its fourth quarter", "the seasonally slow third quarter", "a third-quarter
            // loss"; not "a third quarter" (a fraction).
            None if quarter && (hyphen || !self.previous_is_any(ordinal_at, &["a"])) => {
                (None, noun_at)
            }
            None => return None,
        };
        let expr = if quarter {
            Expr::Quarter { year, quarter: n }
        } else {
            Expr::Half { year, half: n }
        };
        // "the third-quarter loss": the hyphenated quarter qualifies the noun, not "the".
        let first = if hyphen && of_year.is_none() {
            ordinal_at
        } else {
            i
        };
        Self::found(first, last, expr)
    }

    /// "the first two quarters of 1990" (a first half), "the last two quarters of next
    /// year" (a second half): two quarters of a named year are its half.
    fn half_by_quarters(&self, i: usize, ordinal_at: usize) -> Option<Found> {
        let half = if self.is(ordinal_at, "first") {
            1
        } else if self.is(ordinal_at, "last") {
            2
        } else {
            return None;
        };
        if !(self.is(ordinal_at + 1, "two")
            && self.is(ordinal_at + 2, "quarters")
            && self.is(ordinal_at + 3, "of"))
        {
            return None;
        }
        let (year, last) = self.year_phrase(ordinal_at + 4)?;
        let year = Some(year);
        Self::found(i, last, Expr::Half { year, half })
    }
}
