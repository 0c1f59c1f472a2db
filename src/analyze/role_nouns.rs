//! Role nouns that stand for a person the story named before: "the senator said", "the
//! former president", "the Florida Republican", "the actress". Each becomes a mention of
//! that person, so speaker cues and a later "he" or "she" find them. For attribution
//! only: the story's entity list is already written.

use super::gazetteer::Gender;
use super::story_entities::{Form, Found, Story};
use crate::model::EntityKind;
use crate::text::words::{Word, is_capitalised};
use crate::text::{Span, WordSet};

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

/// Adds a mention at the head of every role noun phrase ("the former president") outside the
/// quotations (`quoted`, in order) that stands for a person: the latest subject before
/// it (`subjects`, in order) whose gender fits, unless people of the story hold that
/// role, when it is the holder mentioned last.
pub fn add_role_mentions(
    text: &str,
    words: &[Word],
    story: &mut Story,
    subjects: &[(usize, usize)],
    quoted: &[Span],
) {
    let titled = titled_people(text, words, story);
    let mut found = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !matches!(&text[w.span.start..w.span.end], "the" | "The") {
            continue;
        }
        let Some((span, head)) = role_phrase(text, words, k) else {
            continue;
        };
        let in_quote = {
            let i = quoted.partition_point(|q| q.end <= span.start);
            quoted.get(i).is_some_and(|q| q.start <= span.start)
        };
        let named = story.mentions[..story.mentions.partition_point(|m| m.span.start < span.end)]
            .last()
            .is_some_and(|m| m.span.end > span.start);
        if in_quote || named {
            continue;
        }
        if let Some(entity) = holder(story, subjects, &titled, span.start, &head) {
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

/// The head of the role noun phrase opened by "the" at word `k` (its span, and the noun
/// in lower case; modifiers may be names of their own, "the Ohio senator"): up to
/// [`MAX_MODIFIERS`] modifiers, then a role noun not followed by a name ("the former
/// president Bill Clinton" is a title) or by "of" ("the president of the club" names
/// someone new).
fn role_phrase(text: &str, words: &[Word], k: usize) -> Option<(Span, String)> {
    let mut prev_end = words[k].span.end;
    for (i, w) in words.iter().enumerate().skip(k + 1).take(MAX_MODIFIERS + 1) {
        if text[prev_end..w.span.start] != *" " {
            return None;
        }
        let word = &text[w.span.start..w.span.end];
        if ROLE_HEADS.contains_lowered(word) {
            let next = words.get(i + 1);
            let glued = next.is_some_and(|n| text[w.span.end..n.span.start] == *" ");
            let next_word = next.map_or("", |n| &text[n.span.start..n.span.end]);
            if glued && (is_capitalised(next_word) || next_word == "of") {
                return None;
            }
            return Some((w.span, word.to_lowercase()));
        }
        let modifier = is_capitalised(word)
            || ROLE_ADJECTIVES.contains_lowered(word)
            || (word.contains('-') && word.starts_with(char::is_lowercase))
            || w.has_digit;
        if !modifier {
            return None;
        }
        prev_end = w.span.end;
    }
    None
}

/// The person a role noun with head `head` at byte `at` stands for (see
/// [`add_role_mentions`]); `titled` lists the roles the story itself puts next to names.
fn holder(
    story: &Story,
    subjects: &[(usize, usize)],
    titled: &[(usize, String)],
    at: usize,
    head: &str,
) -> Option<usize> {
    let gender = head_gender(head);
    let fits = |e: usize| {
        let person = &story.entities[e];
        person.kind == EntityKind::Person
            && gender.is_none_or(|g| person.gender.is_none_or(|h| h == g))
    };
    let holds = |e: usize| {
        story.entities[e]
            .roles
            .iter()
            .any(|r| r.rsplit(' ').next() == Some(head))
            || titled.iter().any(|(t, role)| *t == e && role == head)
    };
    let before = &story.mentions[..story.mentions.partition_point(|m| m.span.start < at)];
    let any_holder =
        (0..story.entities.len()).any(|e| story.entities[e].kind == EntityKind::Person && holds(e));
    if any_holder {
        return before
            .iter()
            .rev()
            .map(|m| m.entity)
            .find(|&e| fits(e) && holds(e));
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
    fn a_role_noun_before_a_name_is_a_title() {
        let got =
            speakers("Tom Harlan spoke on Monday. The senator Anna Berg said the plan would fail.");
        assert_eq!(got, [Some("Anna Berg".to_string())]);
    }
}
