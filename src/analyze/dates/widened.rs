//! Modifiers that narrow an expression without changing its value: "earlier this year",
//! "late 2020", "mid-December", "the end of next month", "the week of March 6".

use super::expr::{Expr, Found};
use super::lexicon::{self, Unit};
use super::parse::Parser;

impl Parser<'_, '_> {
    /// "earlier this year", "late 2020", "mid-December", "the end of next month": a modifier
    /// that narrows an expression without changing its normalised value.
    pub(super) fn widened(&self, i: usize) -> Option<Found> {
        if self.is_any(i, &["earlier", "later"]) {
            let inner = self.core(i + 1)?;
            let this_period = matches!(
                inner.expr,
                Expr::Offset { count: 0, .. } | Expr::ThatPeriod(_)
            );
            return this_period.then_some(Found { first: i, ..inner });
        }
        if self.is_any(i, &["early", "late", "mid"]) {
            let next = if self.token(i + 1).is_some_and(|t| t.is_punct('-')) {
                i + 2
            } else {
                i + 1
            };
            let inner = self.core(next)?;
            let point = !matches!(
                inner.expr,
                Expr::Duration { .. } | Expr::HalfDuration { .. } | Expr::Within { .. }
            );
            return point.then_some(Found { first: i, ..inner });
        }
        // "the week of March 6": the week holding that day.
        let week_of = self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of");
        if week_of
            && let Some(Found {
                last,
                expr: Expr::Day {
                    year, month, day, ..
                },
                ..
            }) = self.core(i + 3)
        {
            return Self::found(i, last, Expr::WeekOf { year, month, day });
        }
        if self.is(i, "the")
            && self.is_any(i + 1, &["end", "start", "beginning", "middle"])
            && self.is(i + 2, "of")
        {
            if self.is(i + 3, "the") {
                let unit = self.token(i + 4).and_then(lexicon::unit)?;
                let (Unit::Week | Unit::Month | Unit::Year, 1, false) = unit else {
                    return None;
                };
                return Self::found(
                    i,
                    i + 4,
                    Expr::Offset {
                        unit: unit.0,
                        count: 0,
                    },
                );
            }
            let inner = self.core(i + 3)?;
            let point = !matches!(
                inner.expr,
                Expr::Duration { .. } | Expr::HalfDuration { .. } | Expr::Within { .. }
            );
            return point.then_some(Found { first: i, ..inner });
        }
        None
    }
}
