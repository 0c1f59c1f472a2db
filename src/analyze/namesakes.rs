//! A bare surname that several people of the story share ("Clinton" where Bill and
//! Hillary Clinton are both named). The entity finder names neither, but a speaker cue
//! needs one: an honorific's gender ("Mrs. Clinton") picks among them, else the one the
//! story named first, its main subject.

use super::gazetteer::Gender;
use super::speech_verbs::is_speech_verb;
use super::story_entities::{Form, Found, Story};
use crate::model::EntityKind;
use crate::text::words::Word;

/// Adds a mention for every capitalised word of `words` that is a surname of the story's
/// people and not yet part of a mention: the entity finder leaves out a surname two
/// people share. Possessives ("Clinton's") are left out: they name an owner, never a
/// speaker. For attribution only: the story's entity list is already written.
pub fn add_namesake_mentions(text: &str, words: &[Word], story: &mut Story) {
    let surnames: Vec<(&str, usize)> = story
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .filter_map(|(i, e)| {
            let surname = e.name.rsplit_once(' ').map_or(e.name.as_str(), |(_, s)| s);
            (surname.chars().count() > 1).then_some((surname, i))
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let mut found = Vec::new();
    let mut next_mention = 0;
    for (k, w) in words.iter().enumerate() {
        while next_mention < story.mentions.len()
            && story.mentions[next_mention].span.end <= w.span.start
        {
            next_mention += 1;
        }
        let inside = story
            .mentions
            .get(next_mention)
            .is_some_and(|m| m.span.start < w.span.end);
        let word = &text[w.span.start..w.span.end];
        if inside
            || !word.starts_with(char::is_uppercase)
            || !surnames.iter().any(|(s, _)| *s == word)
            || owned(text, w.span.end)
        {
            continue;
        }
        // A person the finder named by one word ("Ash") is that word again only before a
        // speech verb ("“…,” Ash wrote"): a lone capitalised word is too often no one.
        let speaks = words.get(k + 1).is_some_and(|n| {
            text[w.span.end..n.span.start] == *" "
                && is_speech_verb(&text[n.span.start..n.span.end])
        });
        let sharers: Vec<usize> = surnames
            .iter()
            .filter(|&&(s, i)| s == word && (speaks || story.entities[i].name.contains(' ')))
            .map(|&(_, i)| i)
            .collect();
        if sharers.is_empty() {
            continue;
        }
        if let Some(entity) = pick(text, story, w.span.start, &sharers) {
            found.push(Found {
                span: w.span,
                entity,
                form: Form::Name,
            });
        }
    }
    if !found.is_empty() {
        story.mentions.extend(found);
        story.mentions.sort_by_key(|m| m.span.start);
    }
}

/// True when a possessive follows byte `end` ("Clinton's").
fn owned(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with("’s") || after.starts_with("'s")
}

/// The sharer a surname at byte `at` names: the one of the honorific's gender, else the
/// one named first.
fn pick(text: &str, story: &Story, at: usize, sharers: &[usize]) -> Option<usize> {
    let gender = honorific_gender(&text[..at]);
    let fits =
        |&&e: &&usize| gender.is_none_or(|g| story.entities[e].gender.is_none_or(|h| h == g));
    let first_mention = |e: usize| {
        story
            .mentions
            .iter()
            .position(|m| m.entity == e)
            .unwrap_or(usize::MAX)
    };
    let fitting: Vec<usize> = sharers.iter().filter(fits).copied().collect();
    let pool = if fitting.is_empty() {
        sharers
    } else {
        &fitting
    };
    // Of the same gender, one whose gender is known beats one whose gender is not.
    let known = |e: usize| gender.is_some() && story.entities[e].gender == gender;
    pool.iter()
        .copied()
        .min_by_key(|&e| (!known(e), first_mention(e)))
}

/// The gender of an honorific right before a name ("Mr. ", "Mrs ", "Ms. ").
pub fn honorific_gender(before: &str) -> Option<Gender> {
    let word = before
        .trim_end()
        .trim_end_matches('.')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?;
    match word {
        "Mr" | "MR" => Some(Gender::Male),
        "Mrs" | "Ms" | "MRS" | "MS" | "Miss" => Some(Gender::Female),
        _ => None,
    }
}
