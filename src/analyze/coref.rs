//! One entity, one name: short aliases ("Wang", "Novak") and role nouns ("the minister")
//! become mentions of the full name the story introduced.

use super::affiliations::is_party_member;
use super::alias_table::AliasTable;
use super::gazetteer::{Gazetteer, Gender, Term, TermMatch};
use super::role_nouns::{Reach, add_role_mentions};
use super::speakers::is_party_tag;
use super::story_entities::{Form, Found, Story, Taken};
use crate::model::EntityKind;
use crate::text::Span;
use crate::text::WordSet;
use crate::text::words::{Word, is_capitalised};

/// Lower-case particles that are never an alias on their own.
static PARTICLES: WordSet = WordSet::new(&[
    "al", "el", "von", "van", "der", "de", "da", "di", "du", "bin", "ibn", "la", "le",
]);

/// Adds alias and role mentions to `story`. `short_aliases` are gazetteer aliases that
/// count only when the story names the person in full; `single_names` are one-word
/// names found from cues ("Mr Novak"), which join a fuller name when one matches.
pub fn resolve(
    gaz: &Gazetteer,
    text: &str,
    words: &[Word],
    story: &mut Story,
    taken: &mut Taken,
    short_aliases: Vec<TermMatch>,
    single_names: Vec<(Span, Option<String>, Option<Gender>)>,
) {
    for m in short_aliases {
        let Term::PersonAlias { person, .. } = m.term else {
            continue;
        };
        let Some(entity) = story.entities.iter().position(|e| e.known == Some(person)) else {
            continue;
        };
        let span = Span {
            start: m.start,
            end: m.end,
        };
        if taken.insert(span) {
            story.mentions.push(Found {
                span,
                entity,
                form: Form::Name,
            });
        }
    }

    merge_prefixed_names(story);
    let aliases = alias_table(gaz, story);
    for (span, role, gender) in single_names {
        let name = &text[span.start..span.end];
        let alias = aliases
            .get(name)
            .or_else(|| lower_particle(name).and_then(|lower| aliases.get(&lower)));
        let entity = match alias {
            Some(Some(i)) => i,
            // A name two people of the story share ("Anna") names neither.
            Some(None) => continue,
            None => match known_person_named(story, name) {
                Some(i) => i,
                None if names_no_one(gaz, text, span) => continue,
                None => story.add(name, EntityKind::Person, None),
            },
        };
        let person = &mut story.entities[entity];
        person.gender = person.gender.or(gender);
        person.roles.extend(role);
        story.mentions.push(Found {
            span,
            entity,
            form: Form::Name,
        });
    }
    if !aliases.is_empty() {
        for w in words {
            let word = &text[w.span.start..w.span.end];
            let alias = aliases
                .get(word)
                .or_else(|| lower_particle(word).and_then(|lower| aliases.get(&lower)));
            if let Some(Some(entity)) = alias
                && taken.insert(w.span)
            {
                story.mentions.push(Found {
                    span: w.span,
                    entity,
                    form: Form::Name,
                });
            }
        }
    }
    drop_shared_surnames(text, story);
    add_role_mentions(text, words, story, taken, Reach::Holders);
}

/// A person named with a leading word ("Republican Donald Trump", "City Attorney Anna
/// Novak") is the person the story also names without it: mentions move to the shorter
/// name (their spans losing the leading words), which takes the longer one's roles.
fn merge_prefixed_names(story: &mut Story) {
    let people: Vec<usize> = (0..story.entities.len())
        .filter(|&i| story.entities[i].kind == EntityKind::Person)
        .collect();
    let mut into: Vec<Option<(usize, usize)>> = vec![None; story.entities.len()];
    for &long in &people {
        let name = &story.entities[long].name;
        into[long] = people.iter().find_map(|&short| {
            let other = &story.entities[short].name;
            let prefix = name.len().checked_sub(other.len())?;
            // "Le Maire" is a surname with its particle, not a full name.
            let full = other
                .split_once(' ')
                .is_some_and(|(first, _)| !PARTICLES.contains_lowered(first));
            (short != long
                && full
                && name.ends_with(other.as_str())
                && name[..prefix].ends_with(' '))
            .then_some((short, prefix))
        });
    }
    if into.iter().all(Option::is_none) {
        return;
    }
    for m in &mut story.mentions {
        if let Some((short, prefix)) = into[m.entity]
            && m.span.end - m.span.start > prefix
        {
            m.span.start += prefix;
            m.entity = short;
        }
    }
    for (long, target) in into.iter().enumerate() {
        if let Some((short, _)) = *target {
            let roles = std::mem::take(&mut story.entities[long].roles);
            let gender = story.entities[long].gender;
            let person = &mut story.entities[short];
            person.roles.extend(roles);
            person.gender = person.gender.or(gender);
        }
    }
}

/// Removes short-name mentions of a person that another person of the story shares
/// ("Le Maire" when both Bruno and Jacob Le Maire are named): they name neither.
fn drop_shared_surnames(text: &str, story: &mut Story) {
    let people: Vec<(usize, &str)> = story
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .map(|(i, e)| (i, e.name.as_str()))
        .collect();
    let shared = |m: &Found| {
        let said = &text[m.span.start..m.span.end];
        let owner = &story.entities[m.entity];
        owner.kind == EntityKind::Person
            && said != owner.name
            && people.iter().any(|&(i, name)| {
                i != m.entity && name.len() > said.len() && name.ends_with(said) && {
                    let before = &name[..name.len() - said.len()];
                    before.ends_with(' ')
                }
            })
    };
    let keep: Vec<bool> = story.mentions.iter().map(|m| !shared(m)).collect();
    let mut k = keep.iter();
    story.mentions.retain(|_| *k.next().unwrap_or(&true));
}

/// The one person of the story the gazetteer knows whose full name begins or ends with
/// `word` ("Xi" or "Jinping" for Xi Jinping); none when two such people are named.
fn known_person_named(story: &Story, word: &str) -> Option<usize> {
    let mut found = story.entities.iter().enumerate().filter(|(_, e)| {
        e.kind == EntityKind::Person && e.known.is_some() && {
            let mut parts = e.name.split(' ');
            let first = parts.next();
            let last = parts.next_back();
            last.is_some() && (first == Some(word) || last == Some(word))
        }
    });
    let (i, _) = found.next()?;
    found.next().is_none().then_some(i)
}

/// True when the one word at `span`, which no fuller name of the story explains, names
/// no person: a word that is never a name alone ("Senate", "Muslims", "Christmas"), a
/// contracted pronoun ("I'm"), an initial ("D."), a party tag ("R-Wis") or a party
/// member ("Republican").
fn names_no_one(gaz: &Gazetteer, text: &str, span: Span) -> bool {
    let word = &text[span.start..span.end];
    gaz.is_stopname(word)
        || word.starts_with("I'")
        || word.starts_with("I’")
        || word.trim_end_matches('.').chars().count() == 1
        || is_party_tag(text, span)
        || is_party_member(word)
}

/// "Al-Rashid" opening a sentence is the alias "al-Rashid".
fn lower_particle(word: &str) -> Option<String> {
    word.strip_prefix("Al-")
        .or_else(|| word.strip_prefix("El-"))
        .map(|rest| format!("{}-{rest}", word[..2].to_lowercase()))
}

/// Single-word aliases of the story's multi-word people the gazetteer does not know:
/// first and last name ("Anna", "Novak"), where one person holds them.
fn alias_table(gaz: &Gazetteer, story: &Story) -> AliasTable {
    let mut table = AliasTable::default();
    for (i, e) in story.entities.iter().enumerate() {
        if e.kind != EntityKind::Person || e.known.is_some() {
            continue;
        }
        let parts: Vec<&str> = e.name.split(' ').collect();
        if parts.len() < 2 {
            continue;
        }
        for part in [parts[0], parts[parts.len() - 1]] {
            let usable = part.chars().count() > 1
                && !PARTICLES.contains(part)
                && (is_capitalised(part) || part.contains('-'))
                && !gaz.is_stopname(part);
            if usable {
                table.insert(part, i);
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use crate::analyze::entities::find_entities;
    use crate::text::words::words;

    fn mentions(text: &str) -> Vec<(String, String)> {
        let gaz = crate::analyze::gazetteer::shared();
        let w = words(text);
        let story = find_entities(gaz, crate::analyze::tagger::Tagger::bundled(), text, &w);
        story
            .mentions
            .iter()
            .map(|m| {
                (
                    text[m.span.start..m.span.end].to_string(),
                    story.entities[m.entity].name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn surnames_and_given_names_resolve_to_the_full_name() {
        let got = mentions("Anna Novak said it. Later Novak left, and Mr Novak returned.");
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|(_, n)| n == "Anna Novak"));
    }

    #[test]
    fn short_gazetteer_aliases_need_the_full_name() {
        assert!(mentions("Wang left.").is_empty());
        let got = mentions("Wang Yi arrived. Wang left.");
        assert_eq!(
            got,
            [
                ("Wang Yi".into(), "Wang Yi".into()),
                ("Wang".into(), "Wang Yi".into())
            ]
        );
    }

    #[test]
    fn role_nouns_resolve_to_the_single_holder() {
        let got = mentions("Foreign Minister Anna Novak met Lars Dahl. The minister said no.");
        assert_eq!(
            got.last().unwrap(),
            &("The minister".to_string(), "Anna Novak".to_string())
        );
        let none = mentions("Anna Novak said no. The minister left.");
        assert_eq!(none.len(), 1);
    }

    #[test]
    fn shared_given_names_are_ambiguous() {
        let got = mentions("Anna Novak said yes. Anna Dahl said no. Anna left.");
        assert_eq!(got.len(), 2);
    }
}
