//! Counts of units: durations ("three years", "more than a decade", "a two-week
//! ceasefire"), offsets ("two weeks ago") and "in three days", which is a date only when
//! its clause looks ahead.

use super::expr::{Expr, Found};
use super::lexicon::{self, Unit};
use super::parse::Parser;

/// Words that make a following "a year"/"a month" a rate ("$5bn a year"), not a duration.
const RATE_WORDS: &[&str] = &["per", "once", "twice", "times", "each", "every"];

/// Words before "a week", "an hour" that make it a length of time.
const DURATION_CUES: &[&str] = &[
    "for", "in", "over", "within", "after", "during", "of", "than", "nearly", "almost", "about",
];

impl Parser<'_, '_> {
    /// How many units a count names at `i` ("three", "18", "a", "a few", "several") and the
    /// index after it; `None` as the count when it is vague.
    fn amount(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let token = self.token(i)?;
        if self.is_any(i, &["a", "an"]) {
            if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                return Some((Some(2), i + 3));
            }
            if self.is_any(i + 1, &["few", "dozen"]) {
                return Some((None, i + 2));
            }
        }
        if lexicon::is_vague_count(token) {
            let after = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
            return Some((None, after));
        }
        if let Some(n) = lexicon::number_word(token) {
            // "twenty four", "twenty-four": tens and units.
            let units_at = if self.token(i + 1).is_some_and(|t| t.is_punct('-')) {
                i + 2
            } else {
                i + 1
            };
            let units = self
                .token(units_at)
                .and_then(lexicon::number_word)
                .filter(|u| (1..10).contains(u) && !self.is_any(units_at, &["a", "an"]));
            return match units {
                Some(u) if (20..100).contains(&n) && n % 10 == 0 => {
                    Some((Some(n + u), units_at + 1))
                }
                _ => Some((Some(n), i + 1)),
            };
        }
        match token.number() {
            // Not "$5", nor the "2" of a fraction ("1/2").
            Some(n)
                if (1..1000).contains(&n)
                    && !self.previous_is_any(i, &["$", "€", "£", "#"])
                    && !(i > 0 && self.tokens[i - 1].is_punct('/')) =>
            {
                Some((Some(n), i + 1))
            }
            _ => None,
        }
    }

    /// "2 1/2 years", "two and a half years", "a year and a half", "five and a half hours".
    fn half_count(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        let whole = lexicon::number_word(token)
            .or_else(|| token.number())
            .filter(|&n| n < 1000)?;
        let fraction = |k: usize| {
            self.is(k, "1")
                && self.token(k + 1).is_some_and(|t| t.is_punct('/'))
                && self.is(k + 2, "2")
                && self.touches_next(k)
                && self.touches_next(k + 1)
        };
        let and_a_half =
            |k: usize| self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half");
        let (unit_at, last) = if fraction(i + 1) || and_a_half(i + 1) {
            (i + 4, i + 4)
        } else if and_a_half(i + 2) && self.is_any(i, &["a", "an", "one"]) {
            (i + 1, i + 4)
        } else {
            return None;
        };
        let (unit, per_unit, _) = lexicon::unit(self.token(unit_at)?)?;
        let whole = if self.is_any(i, &["a", "an"]) {
            1
        } else {
            whole
        };
        Self::found(
            i,
            last,
            Expr::HalfDuration {
                unit,
                whole: whole * per_unit,
            },
        )
    }

    /// Counts of units: durations ("three years", "more than a decade", "a two-week
    /// ceasefire", "the past five years", "decades-long"), "two weeks ago", "in three days".
    pub(super) fn count_of_units(&self, i: usize) -> Option<Found> {
        if let Some(half) = self.half_count(i) {
            return Some(half);
        }
        // "a week-long strike": the article belongs to the strike; "week-long" is read on
        // its own.
        let hyphen = self.token(i + 2).is_some_and(|t| t.is_punct('-'));
        if self.is_any(i, &["a", "an"]) && hyphen && self.is(i + 3, "long") {
            return None;
        }
        let window = self.is(i, "the")
            && self.is_any(i + 1, &["past", "last", "next", "coming", "previous"]);
        let count_at = if window { i + 2 } else { i };
        let qualifier = lexicon::qualifier_len(self.tokens.get(count_at..).unwrap_or_default());
        let (count, unit_at, qualified) = match self.amount(count_at + qualifier) {
            Some((count, after)) => (count, after, qualifier > 0),
            None if qualifier > 0 => {
                let (count, after) = self.amount(count_at)?;
                (count, after, false)
            }
            None if window => (Some(1), count_at, false),
            None => return self.bare_units(i),
        };
        let hyphenated =
            self.token(unit_at).is_some_and(|t| t.is_punct('-')) && self.touches_next(unit_at - 1);
        let unit_at = if hyphenated { unit_at + 1 } else { unit_at };
        // "two more weeks", "an additional year": more of the same unit.
        let unit_at = if self.is_any(unit_at, &["more", "additional", "extra"])
            && self.token(unit_at + 1).and_then(lexicon::unit).is_some()
        {
            unit_at + 1
        } else {
            unit_at
        };
        let (unit, per_unit, plural) = lexicon::unit(self.token(unit_at)?)?;
        // "the coming years": a window of no given length.
        let count = if window && plural && unit_at == count_at {
            None
        } else {
            count
        };
        // "a generation" is a length of time; "the next generation (of machines)" and
        // "the past generation" are the people or things of one.
        if unit == Unit::Generation && (count != Some(1) || window) {
            return None;
        }
        let after = unit_at + 1;
        // "three-quarters of the vote", "more than a quarter of them": fractions; "the
        // last-minute deal": an adjective.
        let fraction = unit == Unit::Quarter && (self.is(after, "of") || hyphenated && plural);
        if fraction || (window && hyphenated) {
            return None;
        }
        if self.is_any(after, &["earlier", "later", "old", "from", "into"])
            || (self.token(after).is_some_and(|t| t.is_punct('-')) && self.is(after + 1, "old"))
        {
            return None;
        }
        // "two days after the vote", "a month before the election": the length of time
        // between the two, a duration in TimeML (not a date: the event is unnamed).
        let between_events = self.is_any(after, &["before", "after"]);
        if self.is(after, "ago") && !window {
            let n = count? as i32 * per_unit as i32;
            let (unit, n) = if unit == Unit::Decade {
                (Unit::Year, n * 10)
            } else {
                (unit, n)
            };
            return matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year).then_some(
                Found {
                    first: i,
                    last: after,
                    expr: Expr::Ago { unit, count: -n },
                },
            );
        }
        let long = self.token(after).is_some_and(|t| t.is_punct('-')) && self.is(after + 1, "long");
        let last = if long { after + 1 } else { unit_at };
        let duration = Expr::Duration {
            unit,
            count: count.map(|n| n * per_unit),
        };
        if window || hyphenated || long || qualified {
            return Self::found(i, last, duration);
        }
        let article = self.is_any(count_at, &["a", "an", "one"]);
        let after_number = i > 0 && self.tokens[i - 1].number().is_some();
        if after_number || self.previous_is_any(i, RATE_WORDS) {
            return None;
        }
        if article
            && !plural
            && !between_events
            && !self.previous_is_any(i, DURATION_CUES)
            && !self.is(after, "of")
        {
            return None;
        }
        let within = self.previous_is_any(i, &["in"]) && count.is_some();
        if within && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
            let n = (count? * per_unit) as i32;
            return Self::found(i, last, Expr::Within { unit, count: n });
        }
        Self::found(i, last, duration)
    }

    /// "for decades", "years of talks", "decades-long": a plural unit with no count;
    /// "a day-long meeting", "a week-long strike": one unit.
    fn bare_units(&self, i: usize) -> Option<Found> {
        let (unit, per_unit, plural) = lexicon::unit(self.token(i)?)?;
        if matches!(unit, Unit::Quarter | Unit::Generation) {
            return None;
        }
        let long = self.token(i + 1).is_some_and(|t| t.is_punct('-')) && self.is(i + 2, "long");
        if long {
            let count = (!plural).then_some(per_unit);
            return Self::found(i, i + 2, Expr::Duration { unit, count });
        }
        if !plural {
            return None;
        }
        let cued = self.previous_is_any(i, &["for", "in", "over"]) || self.is(i + 1, "of");
        let determined =
            self.previous_is_any(i, &["the", "those", "these", "recent", "many", "of"]);
        (cued && !determined).then_some(Found {
            first: i,
            last: i,
            expr: Expr::Duration { unit, count: None },
        })
    }
}
