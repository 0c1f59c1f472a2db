//! Role nouns that stand for a person the story named before: "the minister", "the
//! senator said", "the former president", "the Florida Republican", "the actress". Each
//! becomes a mention of that person. One resolver serves two stages: the entity finder
//! takes only people who hold the role ([`Reach::Holders`]: their gazetteer or cue roles,
//! or a role noun the story puts before their name), and attribution, after the entity
//! list is written, also the latest subject whose gender fits ([`Reach::Subjects`]), so
//! speaker cues and a later "he" or "she" find them.

use super::gazetteer::Gender;
use super::story_entities::{Form, Found, Story, Taken};
use crate::model::EntityKind;
use crate::text::words::{Word, is_capitalised};
use crate::text::{Span, WordSet};

/// Offices of more than one word (lower case), read whole after "the" and its modifiers.
const OFFICES: &[&str] = &[
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
];

/// Nouns (lower case) for an office that "the" turns into a reference to its holder
/// only: they are as often said of people the story never names ("the analyst").
static HOLDER_HEADS: WordSet = WordSet::new(&[
    "ambassador",
    "analyst",
    "chairperson",
    "chancellor",
    "commissioner",
    "emir",
    "envoy",
    "king",
    "minister",
    "premier",
    "queen",
]);

/// Nouns (lower case) for one person by office, trade or party, that "the" turns into a
/// reference to someone named before. Nouns as often said of unnamed people ("the
/// official", "the man") are left out.
static ROLE_HEADS: WordSet = WordSet::new(&[
    "actor",
    "actress",
    "anchor",
    "attorney",
    "author",
    "billionaire",
    "businessman",
    "businesswoman",
    "candidate",
    "chairman",
    "chairwoman",
    "columnist",
    "comedian",
    "commentator",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "democrat",
    "developer",
    "economist",
    "entrepreneur",
    "executive",
    "front-runner",
    "frontrunner",
    "governor",
    "host",
    "lawmaker",
    "legislator",
    "libertarian",
    "mayor",
    "mogul",
    "neurosurgeon",
    "nominee",
    "pastor",
    "pollster",
    "president",
    "president-elect",
    "professor",
    "prosecutor",
    "republican",
    "senator",
    "sheriff",
    "singer",
    "socialist",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "star",
    "strategist",
    "surgeon",
    "tycoon",
]);

/// Role nouns that give the holder's gender.
fn head_gender(head: &str) -> Option<Gender> {
    match head {
        "actress" | "businesswoman" | "chairwoman" | "congresswoman" | "councilwoman"
        | "spokeswoman" => Some(Gender::Female),
        "businessman" | "chairman" | "congressman" | "councilman" | "spokesman" => {
            Some(Gender::Male)
        }
        _ => None,
    }
}

/// Lower-case words that may stand between "the" and a role noun ("the former
/// president", "the presidential candidate").
static ROLE_ADJECTIVES: WordSet = WordSet::new(&[
    "former",
    "current",
    "outgoing",
    "incoming",
    "presidential",
    "retired",
    "longtime",
    "veteran",
    "junior",
    "senior",
    "freshman",
    "embattled",
    "billionaire",
    "real",
    "estate",
    "reality",
    "television",
    "tv",
    "republican",
    "democratic",
    "conservative",
    "liberal",
    "progressive",
    "independent",
    "gop",
    "state",
    "party",
    "campaign",
    "likely",
    "presumptive",
    "leading",
]);

/// Most words between "the" and its role noun.
const MAX_MODIFIERS: usize = 4;

/// Who a role noun may stand for.
pub enum Reach<'a> {
    /// Only a person whose gazetteer or cue roles hold the role: the one mentioned last
    /// before it, else the only one in the story (entity finding).
    Holders,
    /// Also a person the story titles so ("actress X"), the one mentioned last before it;
    /// when nobody in the story holds the role, the latest of `subjects` (sentence
    /// subjects in order) whose gender fits. Role nouns inside `quoted` are left alone
    /// (attribution).
    Subjects {
        subjects: &'a [(usize, usize)],
        quoted: &'a [Span],
    },
}

/// A role noun phrase after "the": the span of its role words and the office they name
/// ("foreign minister", "governor", in lower case).
struct RolePhrase {
    span: Span,
    office: String,
    /// A role noun of [`ROLE_HEADS`] alone, which may stand for the latest subject.
    bound_to_subjects: bool,
}

/// Adds a mention of the person every role noun phrase ("the former president", "the
/// foreign minister") stands for, over the phrase or else its role words, where no
/// mention is `taken`: a holder of that role, or a subject, as `reach` allows.
pub fn add_role_mentions(
    text: &str,
    words: &[Word],
    story: &mut Story,
    taken: &mut Taken,
    reach: Reach,
) {
    let titled = match reach {
        Reach::Holders => Vec::new(),
        Reach::Subjects { .. } => titled_people(text, words, story),
    };
    let mut people: Vec<(usize, usize)> = story
        .mentions
        .iter()
        .filter(|m| story.entities[m.entity].kind == EntityKind::Person)
        .map(|m| (m.span.start, m.entity))
        .collect();
    people.sort_unstable();
    let mut found = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !text.as_bytes()[w.span.start..w.span.end].eq_ignore_ascii_case(b"the") {
            continue;
        }
        let Some(phrase) = role_phrase(text, words, k) else {
            continue;
        };
        if let Reach::Subjects { quoted, .. } = reach {
            let i = quoted.partition_point(|q| q.end <= phrase.span.start);
            if quoted.get(i).is_some_and(|q| q.start <= phrase.span.start) {
                continue;
            }
        }
        let Some(entity) = holder(story, &people, &titled, &reach, w.span.start, &phrase) else {
            continue;
        };
        // "The minister", or "senator" alone when a name stands inside ("the Ohio senator").
        let whole = Span {
            start: w.span.start,
            end: phrase.span.end,
        };
        let span = [whole, phrase.span].into_iter().find(|&s| taken.insert(s));
        if let Some(span) = span {
            found.push(Found {
                span,
                entity,
                form: Form::Role,
            });
        }
    }
    if !found.is_empty() {
        story.mentions.extend(found);
        story.mentions.sort_by_key(|m| m.span.start);
    }
}

/// The role noun phrase opened by "the" at word `k` (modifiers may be names of their
/// own, "the Ohio senator"): up to [`MAX_MODIFIERS`] modifiers, then an office or a role
/// noun not followed by a name ("the former president Bill Clinton" is a title), nor a
/// role noun by "of" ("the president of the club" names someone new).
fn role_phrase(text: &str, words: &[Word], k: usize) -> Option<RolePhrase> {
    let mut prev_end = words[k].span.end;
    for (i, w) in words.iter().enumerate().skip(k + 1).take(MAX_MODIFIERS + 1) {
        if text[prev_end..w.span.start] != *" " {
            return None;
        }
        let word = &text[w.span.start..w.span.end];
        let office = OFFICES.iter().find(|o| phrase_at(text, w.span.start, o));
        let (end, office, single) = match office {
            Some(o) => (w.span.start + o.len(), o.to_string(), false),
            None if ROLE_HEADS.contains_lowered(word) || HOLDER_HEADS.contains_lowered(word) => {
                (w.span.end, word.to_lowercase(), true)
            }
            None => {
                let modifier = is_capitalised(word)
                    || ROLE_ADJECTIVES.contains_lowered(word)
                    || (word.contains('-') && word.starts_with(char::is_lowercase))
                    || w.has_digit;
                if !modifier {
                    return None;
                }
                prev_end = w.span.end;
                continue;
            }
        };
        let next = words[i + 1..].iter().find(|n| n.span.start >= end);
        let glued = next.is_some_and(|n| n.span.start == end + 1 && text[end..].starts_with(' '));
        let next_word = next.map_or("", |n| &text[n.span.start..n.span.end]);
        if glued && (is_capitalised(next_word) || (single && next_word == "of")) {
            return None;
        }
        let bound_to_subjects = single && ROLE_HEADS.contains(&office);
        return Some(RolePhrase {
            span: Span {
                start: w.span.start,
                end,
            },
            office,
            bound_to_subjects,
        });
    }
    None
}

/// True when `phrase` stands at byte `at` of `text` as whole words (any letter case).
fn phrase_at(text: &str, at: usize, phrase: &str) -> bool {
    // Most words share no first letter with the phrase: no slicing for them.
    let first = text.as_bytes().get(at).map(u8::to_ascii_lowercase);
    if first != phrase.as_bytes().first().copied() {
        return false;
    }
    let Some(candidate) = text.get(at..at + phrase.len()) else {
        return false;
    };
    candidate.eq_ignore_ascii_case(phrase)
        && !text[at + phrase.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
}

/// True when a role ("chinese foreign minister") and an office ("minister") name the
/// same office: one ends with the other, word for word.
fn same_role(role: &str, office: &str) -> bool {
    let role: Vec<&str> = role.split([' ', '-']).collect();
    let office: Vec<&str> = office.split([' ', '-']).collect();
    role.ends_with(&office) || office.ends_with(&role)
}

/// The person the role noun `phrase` after "the" at byte `at` stands for (see
/// [`add_role_mentions`]); `people` are the person mentions (start, entity) in order,
/// `titled` the roles the story itself puts next to names.
fn holder(
    story: &Story,
    people: &[(usize, usize)],
    titled: &[(usize, String)],
    reach: &Reach,
    at: usize,
    phrase: &RolePhrase,
) -> Option<usize> {
    let gender = head_gender(&phrase.office);
    let fits = |e: usize| {
        let person = &story.entities[e];
        person.kind == EntityKind::Person
            && gender.is_none_or(|g| person.gender.is_none_or(|h| h == g))
    };
    let holds = |e: usize| {
        story.entities[e]
            .roles
            .iter()
            .any(|r| same_role(r, &phrase.office))
            || titled
                .iter()
                .any(|(t, role)| *t == e && *role == phrase.office)
    };
    let holders: Vec<usize> = (0..story.entities.len())
        .filter(|&e| story.entities[e].kind == EntityKind::Person && holds(e))
        .collect();
    let before = &people[..people.partition_point(|&(s, _)| s < at)];
    if !holders.is_empty() {
        let recent = before
            .iter()
            .rev()
            .map(|&(_, e)| e)
            .find(|&e| fits(e) && holders.contains(&e));
        return match (holders.as_slice(), reach) {
            ([only], Reach::Holders) => recent.or(Some(*only)),
            _ => recent,
        };
    }
    let Reach::Subjects { subjects, .. } = reach else {
        return None;
    };
    if !phrase.bound_to_subjects {
        return None;
    }
    subjects[..subjects.partition_point(|&(s, _)| s < at)]
        .iter()
        .rev()
        .map(|&(_, e)| e)
        .find(|&e| fits(e))
}

/// Role nouns the story puts right before a person's name ("actress Anna Novak",
/// "the Ohio senator, Anna Novak" is not read): (entity, role noun in lower case).
fn titled_people(text: &str, words: &[Word], story: &Story) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for m in &story.mentions {
        if story.entities[m.entity].kind != EntityKind::Person || m.form != Form::Name {
            continue;
        }
        let k = words.partition_point(|w| w.span.start < m.span.start);
        let Some(before) = k.checked_sub(1).map(|p| words[p]) else {
            continue;
        };
        if text.get(before.span.end..m.span.start) != Some(" ") {
            continue;
        }
        let role = &text[before.span.start..before.span.end];
        if ROLE_HEADS.contains_lowered(role) {
            let role = role.to_lowercase();
            if !out.iter().any(|(e, r)| *e == m.entity && *r == role) {
                out.push((m.entity, role));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analyze::Analyzer;
    use crate::model::Article;

    fn speakers(body: &str) -> Vec<Option<String>> {
        let article = Article {
            title: "Test".into(),
            body: body.into(),
            ..Article::default()
        };
        Analyzer::new()
            .analyze(&article)
            .quotes
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn a_role_noun_speaks_for_the_person_titled_so() {
        let got = speakers(
            "Award-winning actress Mara Lindqvist met Governor Tom Harlan on Monday. \
             The actress said she was tired of the campaign.",
        );
        assert_eq!(got, [Some("Mara Lindqvist".to_string())]);
    }

    #[test]
    fn a_role_noun_with_modifiers_takes_the_latest_subject() {
        let got = speakers(
            "Tom Harlan spoke in Ohio on Monday. Later the former Ohio governor said \
             the plan would fail. “We will see,” he added.",
        );
        assert!(
            got.iter().all(|s| s.as_deref() == Some("Tom Harlan")),
            "{got:?}"
        );
    }

    #[test]
    fn an_office_said_of_unnamed_people_stands_for_its_holder_only() {
        let got = speakers("Tom Harlan spoke on Monday. The analyst said the plan would fail.");
        assert_eq!(got, [None]);
    }

    #[test]
    fn a_role_noun_before_a_name_is_a_title() {
        let got =
            speakers("Tom Harlan spoke on Monday. The senator Anna Berg said the plan would fail.");
        assert_eq!(got, [Some("Anna Berg".to_string())]);
    }
}
