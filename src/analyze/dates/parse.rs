//! Recognises temporal expressions in the tokens of one sentence, left to right.
//!
//! Each position is tried against a handful of hand-written patterns (weekday, month first,
//! number first, quarter or half, relative word, count of units); the first that fits wins
//! and parsing resumes after it, so a sentence is read once without backtracking.

use super::expr::{Expr, Found, YearRef};
use super::lexicon::{self, MONTH_CUES, Unit};
use super::tokens::{Token, TokenKind};

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
            let listed = || out.last().and_then(|previous| self.listed_day(previous, i));
            match self.at(i).or_else(listed) {
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
            .or_else(|| self.compared_period(i))
            .or_else(|| self.core(i))
    }

    pub(super) fn core(&self, i: usize) -> Option<Found> {
        // Callers look a few tokens ahead ("5 p.m. EST, Nov. 6"): past the last token there
        // is nothing to find.
        if i >= self.tokens.len() {
            return None;
        }
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

    /// A bare year between 1900 and 2099 that is not a label, a price or a count; an
    /// earlier one only after "in", "since" or "until" and before no word of its own
    /// ("independence from Spain in 1898", not "in 1500 cases").
    fn year(&self, i: usize) -> Option<Found> {
        let year = lexicon::year(self.token(i)?)?;
        let historic = year < 1900
            && self.previous_is_any(i, &["in", "since", "until"])
            && self
                .token(i + 1)
                .is_none_or(|t| t.kind == TokenKind::Punct || t.is("and"));
        if !(1900..=2099).contains(&year) && !historic {
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
