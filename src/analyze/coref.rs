//! One entity, one name: short aliases ("Wang", "Novak") and role nouns ("the minister")
//! become mentions of the full name the story introduced.

use super::affiliations::is_party_member;
use super::alias_table::AliasTable;
use super::gazetteer::{Gazetteer, Gender, Term, TermMatch};
use super::speakers::is_party_tag;
use super::story_entities::{Form, Found, Story, Taken};
use crate::model::EntityKind;
use crate::text::Span;
use crate::text::WordSet;
use crate::text::words::{Word, is_capitalised};

/// Role nouns that, after "the", can stand for the one person holding the role.
const ROLE_PHRASES: &[&str] = &[
    "external affairs minister",
    "foreign policy chief",
    "commission chairperson",
    "secretary of state",
    "foreign secretary",
    "foreign minister",
    "defence minister",
    "defense minister",
    "finance minister",
    "prime minister",
    "vice president",
    "secretary-general",
    "secretary general",
    "director-general",
    "director general",
    "managing director",
    "crown prince",
    "president",
    "chancellor",
    "minister",
    "premier",
    "spokeswoman",
    "spokesman",
    "spokesperson",
    "chairperson",
    "chairman",
    "chairwoman",
    "ambassador",
    "envoy",
    "governor",
    "king",
    "queen",
    "emir",
    "commissioner",
    "mayor",
    "senator",
    "analyst",
];

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
    resolve_roles(text, words, story, taken);
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

/// Marks "the minister", "the president" … as mentions of the person holding that role:
/// the only holder in the story, or else the holder mentioned last.
fn resolve_roles(text: &str, words: &[Word], story: &mut Story, taken: &mut Taken) {
    let mut people: Vec<(usize, usize)> = story
        .mentions
        .iter()
        .filter(|m| story.entities[m.entity].kind == EntityKind::Person)
        .map(|m| (m.span.start, m.entity))
        .collect();
    people.sort_unstable();
    if people.is_empty() {
        return;
    }
    let role_holders: Vec<usize> = (0..story.entities.len())
        .filter(|&i| {
            story.entities[i].kind == EntityKind::Person && !story.entities[i].roles.is_empty()
        })
        .collect();
    let mut found = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !text.as_bytes()[w.span.start..w.span.end].eq_ignore_ascii_case(b"the") {
            continue;
        }
        let at = w.span.end + 1;
        let Some(phrase) = ROLE_PHRASES.iter().find(|p| phrase_at(text, at, p)) else {
            continue;
        };
        let end = at + phrase.len();
        // "the president Emmanuel Macron" is a title, not a reference.
        let next = words[k + 1..].iter().find(|n| n.span.start >= end);
        if next.is_some_and(|n| {
            n.span.start == end + 1 && is_capitalised(&text[n.span.start..n.span.end])
        }) {
            continue;
        }
        let holders: Vec<usize> = role_holders
            .iter()
            .filter(|&&i| story.entities[i].roles.iter().any(|r| same_role(r, phrase)))
            .copied()
            .collect();
        let last = people[..people.partition_point(|&(s, _)| s < w.span.start)]
            .last()
            .map(|&(_, e)| e);
        // Several holders: the one mentioned last before the role noun.
        let recent_holder = || {
            people[..people.partition_point(|&(s, _)| s < w.span.start)]
                .iter()
                .rev()
                .find(|(_, e)| holders.contains(e))
                .map(|&(_, e)| e)
        };
        let holder = match holders.as_slice() {
            [only] => Some(*only),
            _ => last.filter(|e| holders.contains(e)).or_else(recent_holder),
        };
        if let Some(entity) = holder {
            found.push(Found {
                span: Span {
                    start: w.span.start,
                    end,
                },
                entity,
                form: Form::Role,
            });
        }
    }
    for m in found {
        if taken.insert(m.span) {
            story.mentions.push(m);
        }
    }
}

/// True when `phrase` stands at byte `at` of `text` as whole words (any letter case).
fn phrase_at(text: &str, at: usize, phrase: &str) -> bool {
    // Most words after "the" share no first letter with the phrase: no slicing for them.
    let first = text.as_bytes().get(at).map(u8::to_ascii_lowercase);
    if first != phrase.as_bytes().first().copied() {
        return false;
    }
    let Some(candidate) = text.get(at..at + phrase.len()) else {
        return false;
    };
    candidate.eq_ignore_ascii_case(phrase)
        && !text[at + phrase.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        && text[..at].ends_with(' ')
}

/// True when a role ("chinese foreign minister") and a role noun ("minister") name the
/// same office: one ends with the other, word for word.
fn same_role(role: &str, noun: &str) -> bool {
    let role: Vec<&str> = role.split([' ', '-']).collect();
    let noun: Vec<&str> = noun.split([' ', '-']).collect();
    role.ends_with(&noun) || noun.ends_with(&role)
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
