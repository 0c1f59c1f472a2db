//! Recognises temporal expressions in the tokens of one sentence, left to right.
//!
//! Each position is tried against a handful of hand-written patterns (weekday, month first,
//! number first, quarter or half, relative word, count of units); the first that fits wins
//! and parsing resumes after it, so a sentence is read once without backtracking.

use super::expr::{Expr, Found, Shift, YearRef};
use super::lexicon::{self, Unit};
use super::tokens::{Token, TokenKind};

/// Words after which a bare month name ("in September") is taken as a date.
#[rustfmt::skip]
const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "through", "throughout", "from", "to", "during", "before",
    "after", "and", "or", "of", "between", "early", "late", "mid", "-", "around", "for",
];

/// Words before a number that make it a label rather than a year ("Resolution 2231").
#[rustfmt::skip]
const NOT_A_YEAR_AFTER: &[&str] = &[
    "resolution", "resolutions", "page", "pages", "p", "flight", "article", "section", "clause",
    "number", "no", "route", "room", "code", "item", "chapter", "paragraph", "model", "than",
    "least", "$", "€", "£", "#", "№", ":",
];

/// Words of a date that are written in lowercase, so that capitalised inside a sentence
/// they belong to a title.
const TITLE_WORDS: &[&str] = &[
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "noon",
    "midnight",
    "now",
    "this",
    "next",
];

/// Times of day that may follow a day ("Monday night", "yesterday morning").
const TIMES_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Pattern matcher over the tokens of one sentence.
pub struct Parser<'t, 'a> {
    pub(super) tokens: &'t [Token<'a>],
}

impl<'t, 'a> Parser<'t, 'a> {
    /// A parser over one sentence's tokens.
    pub fn new(tokens: &'t [Token<'a>]) -> Self {
        Parser { tokens }
    }

    /// Every temporal expression in the sentence, in order, never overlapping.
    pub fn all(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if !lexicon::may_start(&self.tokens[i]) {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some(found) => {
                    i = found.last + 1;
                    if !self.titled(&found) {
                        out.push(found);
                    }
                }
                None => i += 1,
            }
        }
        out
    }

    /// True when the expression is part of a title ("High Noon", CBS's "60 Minutes", ABC's
    /// "This Week"): a word written in lowercase in a date is capitalised, and it does not
    /// open the sentence or a quotation.
    fn titled(&self, found: &Found) -> bool {
        (found.first..=found.last).any(|k| {
            let token = &self.tokens[k];
            let opens = k == 0 || self.tokens[k - 1].kind == TokenKind::Punct;
            let lowercase_word = TITLE_WORDS.iter().any(|w| token.is(w))
                || lexicon::unit(token)
                    .is_some_and(|(unit, _, _)| !matches!(unit, Unit::Day | Unit::Year));
            token.is_capitalized() && lowercase_word && !(k == found.first && opens)
        })
    }

    pub(super) fn token(&self, i: usize) -> Option<&Token<'a>> {
        self.tokens.get(i)
    }

    pub(super) fn is(&self, i: usize, word: &str) -> bool {
        self.token(i).is_some_and(|t| t.is(word))
    }

    pub(super) fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.token(i).is_some_and(|t| words.iter().any(|w| t.is(w)))
    }

    pub(super) fn previous_is_any(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && self.is_any(i - 1, words)
    }

    /// True when tokens `i` and `i + 1` touch (no space between them).
    pub(super) fn touches_next(&self, i: usize) -> bool {
        match (self.token(i), self.token(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    pub(super) fn found(first: usize, last: usize, expr: Expr) -> Option<Found> {
        Some(Found { first, last, expr })
    }

    /// The expression starting at token `i`, if any.
    fn at(&self, i: usize) -> Option<Found> {
        self.widened(i)
            .or_else(|| self.possessive_period(i))
            .or_else(|| self.core(i))
    }

    pub(super) fn core(&self, i: usize) -> Option<Found> {
        self.clock(i)
            .or_else(|| self.weekday(i))
            .or_else(|| self.month_first(i))
            .or_else(|| self.iso_date(i))
            .or_else(|| self.day_first(i))
            .or_else(|| self.quarter_or_half(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.anchored(i))
            .or_else(|| self.current(i))
            .or_else(|| self.set(i))
            .or_else(|| self.count_of_units(i))
            .or_else(|| self.reference(i))
            .or_else(|| self.period(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.year(i))
    }

    /// "earlier this year", "late 2020", "mid-December", "the end of next month": a modifier
    /// that narrows an expression without changing its normalised value.
    fn widened(&self, i: usize) -> Option<Found> {
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

    /// "Monday", "last Friday", "Tuesday, March 14, 2023", "Monday night".
    fn weekday(&self, i: usize) -> Option<Found> {
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
    fn after_month(&self, i: usize, abbreviated: bool) -> usize {
        if abbreviated && self.token(i + 1).is_some_and(|t| t.is_punct('.')) {
            i + 1
        } else {
            i
        }
    }

    /// "December 29, 2020", "Dec. 29", "Sept. 6", "December 2020", "March of 2021", and a bare
    /// month after a cue ("in September").
    fn month_first(&self, i: usize) -> Option<Found> {
        let (month, abbreviated) = lexicon::month(self.token(i)?)?;
        let m = self.after_month(i, abbreviated);
        if let Some(day) = self.token(m + 1).and_then(lexicon::day_of_month) {
            // "Dec. 29 10:30" is not a day; "Oct. 26:" ending a clause is.
            let clock = self.token(m + 2).is_some_and(|t| t.is_punct(':'))
                && self.touches_next(m + 1)
                && self.touches_next(m + 2);
            if !clock {
                let comma = self.token(m + 2).is_some_and(|t| t.is_punct(','));
                let year_at = if comma { m + 3 } else { m + 2 };
                if let Some(year) = self.token(year_at).and_then(lexicon::year) {
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
        let year_at = if self.is(m + 1, "of") { m + 2 } else { m + 1 };
        if let Some(year) = self.token(year_at).and_then(lexicon::year) {
            let year = Some(YearRef::Absolute(year));
            return Self::found(
                i,
                year_at,
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

    /// "2020-12-29".
    fn iso_date(&self, i: usize) -> Option<Found> {
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

    /// "29 December 2020", "6 Oct.", "the 4th of July".
    fn day_first(&self, i: usize) -> Option<Found> {
        let day = lexicon::day_of_month(self.token(i)?)?;
        if self.previous_is_any(i, &["$", "€", "£", "#"]) {
            return None;
        }
        let month_at = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        let (month, abbreviated) = lexicon::month(self.token(month_at)?)?;
        let m = self.after_month(month_at, abbreviated);
        let comma = self.token(m + 1).is_some_and(|t| t.is_punct(','));
        let year_at = if comma { m + 2 } else { m + 1 };
        if let Some(year) = self.token(year_at).and_then(lexicon::year) {
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
        let n = lexicon::ordinal(self.token(ordinal_at)?)?;
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

    /// "today", "yesterday morning", "last night", "this week", "next month", "last March"
    /// ("this weekend" is a period).
    fn relative(&self, i: usize) -> Option<Found> {
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

    /// A bare year between 1900 and 2099 that is not a label, a price or a count.
    fn year(&self, i: usize) -> Option<Found> {
        let year = lexicon::year(self.token(i)?)?;
        if !(1900..=2099).contains(&year) {
            return None;
        }
        if self.previous_is_any(i, NOT_A_YEAR_AFTER)
            || self.is_any(i + 1, &["%", "percent", "per", ":"])
        {
            return None;
        }
        if i > 0 {
            let previous = &self.tokens[i - 1];
            // "Resolution 2231" is a label; "In 2019", also after an opening quotation mark
            // or bracket, is not.
            let opens_clause = i == 1 || self.tokens[i - 2].kind == TokenKind::Punct;
            let label = previous.kind == TokenKind::Word
                && previous.is_capitalized()
                && !opens_clause
                && !self.previous_is_any(i, MONTH_CUES);
            if label && lexicon::month(previous).is_none() || previous.number().is_some() {
                return None;
            }
        }
        Self::found(i, i, Expr::Year(YearRef::Absolute(year)))
    }
}
