//! The speaker of a participial cue that follows a clause: "Vos attacked Berg on Monday,
//! calling the plan …", "“…,” said Vos, a trader, explaining that …". The participle's
//! subject is the main clause's: the person named after an inverted speech verb, else
//! the first speakable name outside quotation marks.

use super::speakers::{is_party_tag, speakable};
use super::speech_verbs::is_speech_verb;
use super::story_entities::Story;
use crate::text::words::{Word, words_in};
use crate::text::{QuoteMarks, Span};

/// The speaker of a participle whose main clause is `clause` (sentence start to the
/// participle), if the clause names one.
pub fn participle_subject(
    text: &str,
    words: &[Word],
    story: &Story,
    clause: Span,
) -> Option<usize> {
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
    let ws = words_in(words, clause);
    let speech = |w: &Word| is_speech_verb(&text[w.span.start..w.span.end]);
    // "said X" or "X said": the name next to the clause's own speech verb.
    let next_to_speech_verb = |span: Span| {
        let i = ws.partition_point(|w| w.span.start < span.start);
        let j = ws.partition_point(|w| w.span.start < span.end);
        i.checked_sub(1).is_some_and(|p| speech(&ws[p])) || ws.get(j).is_some_and(speech)
    };
    candidates
        .iter()
        .find(|m| next_to_speech_verb(m.span))
        .or(candidates.first())
        .map(|m| m.entity)
}

/// True when the name ending at byte `end` owns what follows ("Vos's adviser").
fn owns(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with("'s ") || after.starts_with("’s ") || after.starts_with("' ")
}
