//! The speaker of a participial or coordinated cue that follows a clause: "Vos attacked
//! Berg on Monday, calling the plan …", "“…,” said Vos, a trader, explaining that …",
//! "“…,” she said, adding that …", "Vos is a trader but concedes that …". The cue's
//! subject is the main clause's: a pronoun opening it, the name or pronoun next to its
//! own speech verb, else the first speakable name outside quotation marks.

use super::gazetteer::Gender;
use super::pronouns::pronoun_gender;
use super::speakers::{is_party_tag, speakable};
use super::speech_verbs::is_speech_verb;
use super::story_entities::Story;
use crate::text::words::{Word, words_in};
use crate::text::{QuoteMarks, Span};

/// Who a main clause names as its subject.
pub enum Subject {
    Entity(usize),
    /// A he/she at this byte, to resolve.
    Pronoun(Gender, usize),
}

/// The subject of the main clause `clause` (sentence start to the participle), if any.
pub fn participle_subject(
    text: &str,
    words: &[Word],
    story: &Story,
    clause: Span,
) -> Option<Subject> {
    let ws = words_in(words, clause);
    let word = |w: &Word| &text[w.span.start..w.span.end];
    // "She went on to attack X, saying …": the pronoun opening the sentence speaks.
    if let Some(first) = ws.first()
        && let Some(gender) = pronoun_gender(word(first))
    {
        return Some(Subject::Pronoun(gender, first.span.start));
    }
    let outside_quotes = |at: usize| {
        let marks = QuoteMarks::of(&text[clause.start..at]);
        marks.opening <= marks.closing && marks.straight.is_multiple_of(2)
    };
    let candidates: Vec<_> = story
        .mentions_in(clause)
        .iter()
        .filter(|m| speakable(story, m) && !is_party_tag(text, m.span))
        .filter(|m| outside_quotes(m.span.start) && !owns(text, m.span.end))
        .collect();
    let speech = |w: &Word| is_speech_verb(word(w));
    // "said X" or "X said": the name next to the clause's own speech verb.
    let next_to_speech_verb = |span: Span| {
        let i = ws.partition_point(|w| w.span.start < span.start);
        let j = ws.partition_point(|w| w.span.start < span.end);
        i.checked_sub(1).is_some_and(|p| speech(&ws[p])) || ws.get(j).is_some_and(speech)
    };
    if let Some(m) = candidates.iter().find(|m| next_to_speech_verb(m.span)) {
        return Some(Subject::Entity(m.entity));
    }
    // "“…,” she said, adding …": the pronoun before the clause's speech verb.
    let pronoun = ws.windows(2).find_map(|pair| {
        let gender = pronoun_gender(word(&pair[0]))?;
        (speech(&pair[1]) && outside_quotes(pair[0].span.start))
            .then_some(Subject::Pronoun(gender, pair[0].span.start))
    });
    pronoun.or(candidates.first().map(|m| Subject::Entity(m.entity)))
}

/// True when the name ending at byte `end` owns what follows ("Vos's adviser").
fn owns(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with("'s ") || after.starts_with("’s ") || after.starts_with("' ")
}
