//! A quarter or half owned by its year: "this year's third quarter", "last year's fourth
//! quarter", "1988's second half" are one expression, the period of that year.

use super::expr::{Expr, Found};
use super::lexicon;
use super::parse::Parser;

impl Parser<'_, '_> {
    /// "this year's third quarter", "next year's first half", "1988's fourth quarter".
    pub(super) fn possessive_period(&self, i: usize) -> Option<Found> {
        let (year, year_last) = self.year_phrase(i)?;
        let apostrophe = self
            .token(year_last + 1)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'));
        if !apostrophe || !self.is(year_last + 2, "s") {
            return None;
        }
        let at = year_last + 3;
        // "second half" alone is no period (a match's), so it is read here.
        let half = self
            .token(at)
            .and_then(lexicon::ordinal)
            .filter(|&n| (1..=2).contains(&n) && self.is(at + 1, "half"));
        if let Some(half) = half {
            let year = Some(year);
            return Self::found(i, at + 1, Expr::Half { year, half });
        }
        let period = self.quarter_or_half(at)?;
        let expr = match period.expr {
            Expr::Quarter {
                year: None,
                quarter,
            } => Expr::Quarter {
                year: Some(year),
                quarter,
            },
            Expr::Half { year: None, half } => Expr::Half {
                year: Some(year),
                half,
            },
            _ => return None,
        };
        Self::found(i, period.last, expr)
    }
}
