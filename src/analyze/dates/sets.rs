//! Recurring times (TimeML sets): "daily", "weekly", "every Monday", "each July", "each
//! day", "every two weeks", "twice a year", "Tuesday nights".

use jiff::civil::Weekday;

use super::expr::{Expr, Found};
use super::lexicon::{self, Unit};
use super::parse::Parser;
use super::tokens::TokenKind;

/// Adverbs and adjectives of frequency, with the period they repeat at.
const FREQUENCIES: &[(&str, Unit, u32)] = &[
    ("annually", Unit::Year, 1),
    ("daily", Unit::Day, 1),
    ("hourly", Unit::Hour, 1),
    ("monthly", Unit::Month, 1),
    ("nightly", Unit::Day, 1),
    ("quarterly", Unit::Month, 3),
    ("weekly", Unit::Week, 1),
    ("yearly", Unit::Year, 1),
];

impl Parser<'_, '_> {
    /// True when an amount stands a few words before token `i`: "to rise 8.5% annually",
    /// "10,000 units annually", "average daily volume" give a rate, which TimeML leaves
    /// untagged, as it does "$5 billion a year".
    fn after_amount(&self, i: usize) -> bool {
        self.previous_is_any(i, &["average"])
            || (i.saturating_sub(4)..i).any(|k| {
                self.token(k).is_some_and(|t| {
                    matches!(t.kind, TokenKind::Number | TokenKind::Quantity) || t.is_punct('%')
                })
            })
    }

    /// A recurring time at token `i`, if any.
    pub(super) fn set(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        // "daily", not "the Daily Telegraph" (a capital inside a sentence names something).
        let lowercase_or_first = !token.is_capitalized() || i == 0;
        if let Some(&(_, unit, count)) = FREQUENCIES.iter().find(|(w, _, _)| token.is(w)) {
            // "the quarterly dividend", "its first quarterly loss": the name of a periodic
            // report or payment, not a time it recurs at ("dividends are paid quarterly").
            let report = token.is("quarterly")
                && self
                    .token(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized());
            // "the Communist Party daily Granma", "the German weekly Der Spiegel": a
            // newspaper, named after it.
            let paper = self
                .token(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && t.is_capitalized());
            let named = lowercase_or_first && !report && !paper;
            return (named && !self.after_amount(i)).then_some(Found {
                first: i,
                last: i,
                expr: Expr::Set { unit, count },
            });
        }
        if let Some(weekday) = plural_weekday(token.text) {
            return Self::found(i, self.with_part_of_day(i), Expr::SetWeekday(weekday));
        }
        if self.is_any(i, &["every", "each"]) {
            return self.every(i);
        }
        // "twice a year", "once a week", "three times a month".
        let times = if self.is_any(i, &["once", "twice"]) {
            Some(i + 1)
        } else if self.is(i + 1, "times") && lexicon::number_word(token).is_some() {
            Some(i + 2)
        } else {
            None
        };
        let rate_at = times?;
        if !self.is_any(rate_at, &["a", "an", "per", "every", "each"]) {
            return None;
        }
        let (unit, per_unit, false) = self.token(rate_at + 1).and_then(lexicon::unit)? else {
            return None;
        };
        Self::found(
            i,
            rate_at + 1,
            Expr::Set {
                unit,
                count: per_unit,
            },
        )
    }

    /// "every day", "each Thursday", "every two weeks", "every Monday night".
    fn every(&self, i: usize) -> Option<Found> {
        let next = self.token(i + 1)?;
        if let Some(weekday) = lexicon::weekday(next) {
            return Self::found(i, self.with_part_of_day(i + 1), Expr::SetWeekday(weekday));
        }
        // "each July", not "every May Day" (a holiday).
        let named = self.token(i + 2).is_some_and(|t| t.is_capitalized());
        if let Some((month, false)) = lexicon::month(next).filter(|_| !named) {
            return Self::found(i, i + 1, Expr::SetMonth(month));
        }
        let (count, unit_at) = match lexicon::number_word(next).or_else(|| next.number()) {
            Some(n) if n > 1 => (n, i + 2),
            _ => (1, i + 1),
        };
        let (unit, per_unit, plural) = self.token(unit_at).and_then(lexicon::unit)?;
        // "every year" but not "every years"; "every two years" but not "every two year".
        if plural != (count > 1) {
            return None;
        }
        Self::found(
            i,
            unit_at,
            Expr::Set {
                unit,
                count: count * per_unit,
            },
        )
    }

    /// The last token of a weekday at `i` with a following part of the day ("Monday night").
    fn with_part_of_day(&self, i: usize) -> usize {
        let part = [
            "morning",
            "mornings",
            "afternoon",
            "afternoons",
            "evening",
            "evenings",
        ]
        .iter()
        .chain(&["night", "nights"])
        .any(|w| self.is(i + 1, w));
        if part { i + 1 } else { i }
    }
}

/// The weekday of a capitalised plural weekday name ("Mondays").
fn plural_weekday(word: &str) -> Option<Weekday> {
    let single = word.strip_suffix('s')?;
    let token = super::tokens::Token {
        text: single,
        start: 0,
        end: single.len(),
        kind: TokenKind::Word,
    };
    lexicon::weekday(&token)
}

/// The TIMEX3 value of "every Monday": `XXXX-WXX-1`.
pub fn weekday_value(weekday: Weekday) -> String {
    format!("XXXX-WXX-{}", weekday.to_monday_one_offset())
}
