//! The period publication falls in, named without a date: "the current quarter", "the
//! current fiscal year", "for the full year", "a high for the year", "by year-end"; and
//! "current" before a noun ("current market conditions"), TimeML's present reference.

use super::expr::{Expr, Found, Reference};
use super::lexicon::{self, Unit};
use super::parse::Parser;
use super::tokens::TokenKind;

/// Words before "the year" that make it the year under way ("a high for the year", "sales
/// in the year").
const YEAR_CUES: &[&str] = &["for", "of", "in", "during", "through", "throughout"];

/// Words after "the year" that make it another year: "the year before", "the year of the
/// flood", "the year that followed", "the year he was born", "the year 2000".
#[rustfmt::skip]
const OTHER_YEAR: &[&str] = &[
    "before", "after", "earlier", "later", "ago", "of", "that", "when", "which", "in",
    "following", "since", "he", "she", "it", "they", "we", "i", "you", "the", "a", "an",
    "his", "her", "its", "their",
];

/// Nouns after "current" that name no time: "current account" is a balance.
const NOT_TIMED: &[&str] = &["account", "accounts", "affairs", "events"];

impl Parser<'_, '_> {
    /// "the current year", "the current fiscal quarter", "the full year", "for the year";
    /// "current" or "then current" before a noun.
    pub(super) fn current(&self, i: usize) -> Option<Found> {
        if self.is(i, "then") && self.is(i + 1, "current") {
            return self.current_noun(i + 2).then_some(Found {
                first: i,
                last: i + 1,
                expr: Expr::Reference(Reference::Past),
            });
        }
        if self.is(i, "current") {
            return self.current_noun(i + 1).then_some(Found {
                first: i,
                last: i,
                expr: Expr::Reference(Reference::Present),
            });
        }
        if self.is(i, "year") {
            return self.year_end(i);
        }
        if !self.is(i, "the") {
            return None;
        }
        let mut at = i + 1;
        let current = self.is(at, "current");
        if current || self.is(at, "full") {
            at += 1;
        }
        let fiscal = self.is(at, "fiscal");
        if fiscal {
            at += 1;
        }
        let (unit, 1, false) = self.token(at).and_then(lexicon::unit)? else {
            return None;
        };
        let named = match unit {
            // "the fiscal quarter", "the quarter" are the one being reported; a bare "the
            // year" only after "for", "in" … and before nothing that names another year.
            Unit::Year if at == i + 1 => {
                self.previous_is_any(i, YEAR_CUES) && !self.other_year(at + 1)
            }
            Unit::Year => !self.token(at + 1).is_some_and(|t| t.is_punct('-')),
            Unit::Quarter | Unit::Month | Unit::Week => current,
            _ => false,
        };
        if !named {
            return None;
        }
        // "the year ended Sept. 30", "the fiscal year ending in June": a reporting year,
        // twelve months long, that need not be the calendar's.
        let reporting = unit == Unit::Year && self.is_any(at + 1, &["ended", "ending"]);
        let expr = if reporting {
            Expr::Duration {
                unit,
                count: Some(1),
            }
        } else {
            Expr::Offset { unit, count: 0 }
        };
        Self::found(i, at, expr)
    }

    /// "year-end", "year end", "year's end": the end of the year under way.
    fn year_end(&self, i: usize) -> Option<Found> {
        let apostrophe = |t: &super::tokens::Token| t.is_punct('\'') || t.is_punct('’');
        let end_at = match self.token(i + 1)? {
            t if t.is("end") => i + 1,
            t if t.is_punct('-') && self.touches_next(i) => i + 2,
            t if apostrophe(t) && self.is(i + 2, "s") => i + 3,
            _ => return None,
        };
        self.is(end_at, "end").then_some(Found {
            first: i,
            last: end_at,
            expr: Expr::Offset {
                unit: Unit::Year,
                count: 0,
            },
        })
    }

    /// True when the token at `i` is a lowercase noun "current" may qualify.
    fn current_noun(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !t.is_capitalized()
                && lexicon::unit(t).is_none()
                && !NOT_TIMED.iter().any(|w| t.is(w))
                && !["and", "or", "of", "to", "in", "is", "was"]
                    .iter()
                    .any(|w| t.is(w))
        })
    }

    /// True when "the year" is followed by words that make it some other year; not "of"
    /// before an amount ("a high for the year of $42.875").
    fn other_year(&self, i: usize) -> bool {
        let amount = self.is(i, "of")
            && self
                .token(i + 1)
                .is_some_and(|t| t.number().is_some() || ["$", "€", "£"].iter().any(|c| t.is(c)));
        !amount
            && self.token(i).is_some_and(|t| {
                t.is_punct('-')
                    || t.number().is_some()
                    || lexicon::number_word(t).is_some()
                    || OTHER_YEAR.iter().any(|w| t.is(w))
            })
    }
}
