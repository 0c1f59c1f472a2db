//! References to the present, the past or the future as a whole ("now", "currently",
//! "recently", "the past", "at the time", "the near future"): TimeML's `PRESENT_REF`,
//! `PAST_REF` and `FUTURE_REF`.

use super::expr::{Expr, Found, Reference};
use super::parse::Parser;
use super::tokens::TokenKind;

/// Single words that name the present or the recent past.
const WORDS: &[(&str, Reference)] = &[
    ("now", Reference::Present),
    ("currently", Reference::Present),
    ("nowadays", Reference::Present),
    ("recently", Reference::Past),
    ("lately", Reference::Past),
    ("formerly", Reference::Past),
];

/// Nouns after "the" that name a stretch of time around publication ("the past", "the
/// near future").
const NOUNS: &[(&str, Reference)] = &[("past", Reference::Past), ("future", Reference::Future)];

/// Nouns that "today's" or "of tomorrow" make the present or coming age rather than a day:
/// "today's youth", "in today's world", "the leaders of tomorrow".
#[rustfmt::skip]
const AGE_NOUNS: &[&str] = &[
    "children", "computers", "consumers", "culture", "economy", "families", "generation",
    "generations", "kids", "leaders", "parents", "people", "society", "standards", "students",
    "technology", "voters", "women", "workers", "world", "youngsters", "youth",
];

impl Parser<'_, '_> {
    /// True when "today" or "tomorrow" at `i` names an age, not a day: "today's youth",
    /// "many of today's personal computers", "the people of tomorrow".
    pub(super) fn generic_day(&self, i: usize) -> bool {
        let age_noun = |at: usize| self.is_any(at, AGE_NOUNS);
        let possessive = self
            .token(i + 1)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
            && self.is(i + 2, "s");
        if possessive {
            // The noun may follow one adjective ("today's personal computers"), not a
            // phrase ("today's meeting of world leaders").
            let adjective = !self.is_any(i + 3, &["of", "by", "in", "for", "with", "and", "on"]);
            return age_noun(i + 3) || (adjective && age_noun(i + 4));
        }
        self.previous_is_any(i, &["of"]) && i >= 2 && age_noun(i - 2)
    }

    /// "now", "currently", "these days", "recently", "the past", "the (near) future", "the
    /// near term", "at the time", also in "for now" and "right now"; and "recent years", a
    /// duration of no given length. Not "the past two years" (a length of time, found by
    /// the counts).
    pub(super) fn reference(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        if let Some(&(_, reference)) = WORDS.iter().find(|(w, _)| token.is(w)) {
            // "Now, he says, …" opens a sentence as a turn of the argument, not a time.
            let opening = i == 0 || (i == 1 && self.is_any(0, &["and", "but"]));
            let marker =
                token.is("now") && opening && self.token(i + 1).is_some_and(|t| t.is_punct(','));
            return (!marker).then_some(Found {
                first: i,
                last: i,
                expr: Expr::Reference(reference),
            });
        }
        if token.is("these") && self.is(i + 1, "days") {
            return Self::found(i, i + 1, Expr::Reference(Reference::Present));
        }
        // "in recent years", "in past decades", "in coming weeks": a stretch of no given
        // length.
        let plural_unit = self
            .token(i + 1)
            .and_then(super::lexicon::unit)
            .filter(|&(_, _, plural)| plural);
        if let Some((unit, _, _)) = plural_unit
            && (token.is("recent")
                || token.is("coming")
                || (token.is("past") && !self.previous_is_any(i, &["the"])))
        {
            return Self::found(i, i + 1, Expr::Duration { unit, count: None });
        }
        if !token.is("the") {
            return None;
        }
        // "in the weeks ahead", "the months ahead": a stretch to come of no given length.
        if let Some((unit, _, _)) = plural_unit
            && self.is(i + 2, "ahead")
        {
            return Self::found(i, i + 2, Expr::Duration { unit, count: None });
        }
        if self.is(i + 1, "time") && self.previous_is_any(i, &["at"]) {
            // "at the time of the attack", "At the time Howes was captured, …" name the time
            // of another event, not the story's past. Inside a sentence a subject after "at
            // the time" may open the clause it qualifies ("saying at the time he was
            // willing"), so only an opening "At the time" takes one.
            let opening = i == 1 || (i == 2 && self.is_any(0, &["and", "but"]));
            let subject = self.is_any(i + 2, &["he", "she", "they", "we", "i", "you", "it"])
                || (self.token(i + 2).is_some_and(|t| t.is_capitalized())
                    && self
                        .token(i + 3)
                        .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized()));
            let clause = opening && subject;
            return (!self.is(i + 2, "of") && !clause).then_some(Found {
                first: i,
                last: i + 1,
                expr: Expr::Reference(Reference::Past),
            });
        }
        let near = self.is_any(i + 1, &["near", "foreseeable", "distant", "recent"]);
        let noun_at = if near { i + 2 } else { i + 1 };
        if self.is_any(i + 1, &["near", "short"]) && self.is(i + 2, "term") {
            return Self::found(i, i + 2, Expr::Reference(Reference::Future));
        }
        let &(_, reference) = NOUNS.iter().find(|(w, _)| self.is(noun_at, w))?;
        // "the past two years", "the past decade", "the future president": not the past or
        // the future as such.
        let next = self.token(noun_at + 1);
        let qualifies = next.is_some_and(|t| {
            t.number().is_some()
                || super::lexicon::number_word(t).is_some()
                || super::lexicon::unit(t).is_some()
                || super::lexicon::is_vague_count(t)
                || (t.kind == super::tokens::TokenKind::Word && !self.ends_phrase(noun_at + 1))
        });
        (!qualifies).then_some(Found {
            first: i,
            last: noun_at,
            expr: Expr::Reference(reference),
        })
    }

    /// True when token `i` cannot continue a noun phrase: punctuation, a preposition, a
    /// conjunction or a verb-like word that follows "the past" in "in the past, they …".
    fn ends_phrase(&self, i: usize) -> bool {
        const AFTER_NOUN: &[&str] = &[
            "and", "or", "but", "in", "on", "at", "for", "to", "with", "by", "as", "than", "is",
            "was", "are", "were", "has", "had", "have", "will", "would", "could", "may", "might",
            "can", "when", "that", "which", "who", "where", "if", "because", "it", "he", "she",
            "they", "we", "i", "you", "there", "this", "these", "those", "the", "a", "an", "its",
            "their", "his", "her", "our", "some", "many", "several", "most", "been", "so", "not",
            "also", "still", "only",
        ];
        self.is_any(i, AFTER_NOUN)
    }
}
