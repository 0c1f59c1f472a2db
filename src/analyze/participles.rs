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
    let clause = Span {
        start: after_dateline(text, clause),
        ..clause
    };
    let ws = words_in(words, clause);
    let word = |w: &Word| &text[w.span.start..w.span.end];
    // "She went on to attack X, saying …", "Yet he is facing …, after saying": the
    // pronoun opening the sentence, or after one conjunction or adverb, speaks.
    if let Some(first) = ws
        .iter()
        .take(2)
        .find(|w| pronoun_gender(word(w)).is_some())
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
        .filter(|m| !in_brackets(text, clause.start, m.span))
        .collect();
    let speech = |w: &Word| is_speech_verb(word(w));
    // "said X" or "X said": the name next to the clause's own speech verb.
    let next_to_speech_verb = |span: Span| {
        let mut i = ws.partition_point(|w| w.span.start < span.start);
        // "said Mr. Vos": past an abbreviated title.
        if i > 0 && is_abbreviated_title(text, &ws[i - 1]) {
            i -= 1;
        }
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

/// Where a clause starts past a dateline ("ORLANDO, Fla. (Reuters) - ", "Washington
/// (AFP) – "): the agency's bracket and its dash.
fn after_dateline(text: &str, clause: Span) -> usize {
    let head_end = (clause.start + 80).min(clause.end);
    let head_end = (head_end..=clause.end)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(clause.end);
    let head = &text[clause.start..head_end];
    [") - ", ") – ", ") — "]
        .iter()
        .find_map(|dash| head.find(dash).map(|i| clause.start + i + dash.len()))
        .unwrap_or(clause.start)
}

/// True when the name at `span` stands in brackets opened after `from` ("(Reuters)"):
/// an aside, not the subject.
fn in_brackets(text: &str, from: usize, span: Span) -> bool {
    let before = &text[from..span.start];
    before
        .rfind('(')
        .is_some_and(|open| !before[open..].contains(')'))
}

/// True for a short capitalised word with a stop, a title before a name ("Mr.", "Sen.").
fn is_abbreviated_title(text: &str, w: &Word) -> bool {
    let word = &text[w.span.start..w.span.end];
    word.len() <= 4
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && text[w.span.end..].starts_with('.')
}

/// True when the name ending at byte `end` owns what follows ("Vos's adviser").
fn owns(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with("'s ")
        || after.starts_with("’s ")
        || after.starts_with("' ")
        || after.starts_with("’ ")
}
