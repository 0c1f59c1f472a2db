//! People in subject position, one per sentence, and the person a "he" or "she" refers
//! to: the latest speaker or subject before it whose gender fits.

use super::{LABEL_VERBS, clause_start, is_party_tag, past_apposition, sentence_end, verb_after};
use crate::analyze::gazetteer::Gender;
use crate::analyze::pronouns::pronoun_gender;
use crate::analyze::speech_verbs::is_speech_verb;
use crate::analyze::story_entities::{Found, Story};
use crate::model::EntityKind;
use crate::text::Span;
use crate::text::words::Word;

/// People in subject position, one per sentence with its position: the person whose
/// name a speech verb follows or precedes ("X, an analyst, said", "said X"), else the
/// first person named in the sentence who owns nothing there
/// ("Trump's adviser" has no subject "Trump"). Names inside quotation marks (`quoted`,
/// in order) are the speaker's words, never a subject a later pronoun refers to.
pub fn subject_people(
    text: &str,
    words: &[Word],
    story: &Story,
    sentences: &[Span],
    quoted: &[Span],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut sentence: Vec<&Found> = Vec::new();
    let mut sentence_start = usize::MAX;
    for m in &story.mentions {
        let at = m.span.start;
        let start = clause_start(sentences, at, None);
        if start != sentence_start {
            out.extend(sentence_subject(text, words, sentences, &sentence));
            sentence.clear();
            sentence_start = start;
        }
        let in_quote = {
            let i = quoted.partition_point(|q| q.end <= at);
            quoted.get(i).is_some_and(|q| q.start <= at)
        };
        if !in_quote
            && story.entities[m.entity].kind == EntityKind::Person
            && !is_party_tag(text, m.span)
        {
            sentence.push(m);
        }
    }
    out.extend(sentence_subject(text, words, sentences, &sentence));
    out
}

/// The subject among the people named in one sentence (see [`subject_people`]).
fn sentence_subject(
    text: &str,
    words: &[Word],
    sentences: &[Span],
    people: &[&Found],
) -> Option<(usize, usize)> {
    let first = people.first()?;
    let start = clause_start(sentences, first.span.start, None);
    let end = sentence_end(text, sentences, first.span.start, false);
    // The verb follows before the next person is named ("In describing X, Y said").
    let says = |k: usize| {
        let m = people[k];
        let limit = people
            .get(k + 1)
            .map_or(end, |n| n.span.start)
            .max(m.span.end);
        // An apposition may name others ("X, who represents the Denver suburbs, said").
        let apposition = text[m.span.end..]
            .strip_prefix(", ")
            .is_some_and(|rest| rest.starts_with(char::is_lowercase));
        let (from, to) = if apposition {
            (past_apposition(text, m.span.end, end), end)
        } else {
            (m.span.end, limit)
        };
        let verb_follows =
            verb_after(text, words, from, to.max(from)).is_some_and(|v| !LABEL_VERBS.contains(v));
        let w = words.partition_point(|w| w.span.start < m.span.start);
        let verb_precedes = w
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|w| {
                w.span.start >= start && is_speech_verb(&text[w.span.start..w.span.end])
            });
        verb_follows || verb_precedes
    };
    let owns = |m: &&&Found| {
        let after = &text[m.span.end..];
        after.starts_with("'s ") || after.starts_with("’s ")
    };
    // "He added that his son Beau …": a sentence opening with he/she keeps that subject.
    let opening_pronoun = words
        .get(words.partition_point(|w| w.span.start < start))
        .is_some_and(|w| pronoun_gender(&text[w.span.start..w.span.end]).is_some());
    // "Asked whether X would run, she replied": a he/she speaks, not the people named.
    let pronoun_speaks = || {
        let from = words.partition_point(|w| w.span.start < start);
        let to = words.partition_point(|w| w.span.start < end);
        words[from..to].windows(2).any(|p| {
            pronoun_gender(&text[p[0].span.start..p[0].span.end]).is_some()
                && is_speech_verb(&text[p[1].span.start..p[1].span.end])
        })
    };
    (0..people.len())
        .find(|&k| says(k))
        .map(|k| people[k])
        .or_else(|| {
            if opening_pronoun || pronoun_speaks() {
                None
            } else {
                people.iter().find(|m| !owns(m)).copied()
            }
        })
        .map(|m| (m.span.start, m.entity))
}

/// The person a pronoun at byte `at` refers to: the latest speaker or sentence subject
/// before it whose gender fits. Learns the gender when it was unknown.
pub fn resolve_pronoun(
    story: &mut Story,
    subjects: &[(usize, usize)],
    speakers: &[(usize, usize)],
    gender: Gender,
    at: usize,
) -> Option<usize> {
    let fits = |e: usize| {
        story.entities[e].kind == EntityKind::Person
            && story.entities[e].gender.is_none_or(|g| g == gender)
    };
    let latest = |list: &[(usize, usize)]| {
        list[..list.partition_point(|&(s, _)| s < at)]
            .iter()
            .rev()
            .find(|&&(_, e)| fits(e))
            .copied()
    };
    let best = match (latest(subjects), latest(speakers)) {
        (Some(a), Some(b)) => Some(if a.0 > b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    let (_, e) = best?;
    story.entities[e].gender = Some(gender);
    Some(e)
}
