//! A company's short name. A story names "Magna International Inc" once and "Magna"
//! everywhere else, the headline included: every mention of the short name is the
//! company, whatever the one word looked like on its own (a person, a place).

use super::story_entities::{Form, Found, Story};
use crate::model::EntityKind;
use crate::text::Span;
use crate::text::WordSet;

/// Legal forms that end a company's formal name ("Inc", "AG"); a name ends in one of
/// them before it is shortened.
static LEGAL_FORMS: WordSet = WordSet::new(&[
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "Plc",
    "PLC",
    "LLC",
    "Llc",
    "AG",
    "SA",
    "AB",
    "NV",
    "BV",
    "SpA",
    "ASA",
    "GmbH",
    "Bhd",
    "Tbk",
    "Corporation",
    "Company",
    "Limited",
]);

/// True when `name` ends in a company's legal form ("Pirelli SpA", "Velto Holdings Ltd"):
/// a firm's name, whatever the words before it look like.
pub fn ends_in_legal_form(name: &str) -> bool {
    name.rsplit_once(' ')
        .is_some_and(|(_, last)| LEGAL_FORMS.contains(last.trim_end_matches('.')))
}

/// Words before the legal form that the short name leaves out as well
/// ("Mercantile Bancorp Inc" is "Mercantile").
static FORMAL_WORDS: WordSet = WordSet::new(&[
    "International",
    "Holdings",
    "Group",
    "Bancorp",
    "Bancshares",
    "Corp",
    "Co",
    "&",
    "and",
]);

/// Makes every mention of a company's short name in `text` a mention of the company:
/// unnamed words become mentions, and names found there for entities the gazetteer
/// does not know (one word read as a person) move to it. `story.mentions` is sorted by
/// start, before and after.
pub fn add_short_names(text: &str, story: &mut Story) {
    // Short name → the one company it names, `None` where two companies share it.
    let mut shorts: Vec<(String, Option<usize>)> = Vec::new();
    for (i, entity) in story.entities.iter().enumerate() {
        if entity.kind == EntityKind::Organization
            && let Some(short) = short_name(&entity.name)
        {
            match shorts.iter_mut().find(|(s, _)| s == short) {
                Some(owner) => owner.1 = None,
                None => shorts.push((short.to_string(), Some(i))),
            }
        }
    }
    let mut changed = false;
    for (short, company) in shorts
        .into_iter()
        .filter_map(|(short, owner)| Some((short, owner?)))
    {
        for (start, _) in text.match_indices(short.as_str()) {
            let span = Span {
                start,
                end: start + short.len(),
            };
            if is_whole_words(text, span) && claim(story, span, company) {
                changed = true;
            }
        }
    }
    if changed {
        story.mentions.sort_by_key(|m| m.span.start);
    }
}

/// The company's name without its legal form and the formal words before it, when
/// something capitalised is left: "Magna International Inc" → "Magna".
fn short_name(name: &str) -> Option<&str> {
    let (rest, last) = name.rsplit_once(' ')?;
    if !LEGAL_FORMS.contains(last.trim_end_matches('.')) {
        return None;
    }
    let mut short = rest;
    while let Some((before, word)) = short.rsplit_once(' ')
        && FORMAL_WORDS.contains(word.trim_end_matches('.'))
    {
        short = before;
    }
    let short = short.trim_end_matches([' ', ',']);
    (short.chars().count() > 1 && short.starts_with(char::is_uppercase)).then_some(short)
}

/// True when `span` of `text` starts and ends at word boundaries.
fn is_whole_words(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Gives `span` to `company` unless a mention reaching past it, or one of an entity
/// the gazetteer knows, stands there; true when something changed.
fn claim(story: &mut Story, span: Span, company: usize) -> bool {
    let overlapping: Vec<usize> = (0..story.mentions.len())
        .filter(|&k| story.mentions[k].span.overlaps(&span))
        .collect();
    let movable = overlapping.iter().all(|&k| {
        let m = &story.mentions[k];
        m.entity != company
            && m.span.start >= span.start
            && m.span.end <= span.end
            && story.entities[m.entity].known.is_none()
    });
    if !movable {
        return false;
    }
    for k in overlapping.into_iter().rev() {
        story.mentions.remove(k);
    }
    story.mentions.push(Found {
        span,
        entity: company,
        form: Form::Name,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legal_form_ends_a_firms_name() {
        assert!(ends_in_legal_form("Ferrucci SpA"));
        assert!(ends_in_legal_form("Velto Holdings Ltd."));
        assert!(!ends_in_legal_form("SpA"));
        assert!(!ends_in_legal_form("Anna Corpi"));
    }

    #[test]
    fn short_names_drop_legal_forms_and_formal_words() {
        assert_eq!(short_name("Magna International Inc"), Some("Magna"));
        assert_eq!(short_name("Mercantile Bancorp Inc."), Some("Mercantile"));
        assert_eq!(
            short_name("Douglas & Lomason Co"),
            Some("Douglas & Lomason")
        );
        assert_eq!(short_name("Pirelli SpA"), Some("Pirelli"));
        assert_eq!(short_name("Halden Foundation"), None);
        assert_eq!(short_name("Inc"), None);
    }
}
