//! Out-of-gazetteer people, found from the words around a capitalised run: a title or
//! role before it ("Foreign Minister Anna Novak", "spokeswoman Mei Lin"), a reporting
//! verb after or before it ("Anna Novak said", "said Anna Novak"), or an apposition
//! ("Anna Novak, an analyst at …, said", "Anna Novak, speaking to reporters, said").

use super::gazetteer::{Gazetteer, Gender};
use super::given_names::gender_of_name;
use super::name_cue::{Cue, CueKind, is_name_word, joined};
use super::tagger::is_organisation_word;
use crate::text::Span;
use crate::text::WordSet;
use crate::text::words::{Word, is_capitalised};

/// True for a title or role word ("Mr", "President", "spokeswoman"), in any case.
pub fn is_title_word(word: &str) -> bool {
    TITLE_WORDS.contains_lowered(word)
}

/// True for a title that names a person's office and nothing else ("President",
/// "Economist", "Governor"), in any case: unlike "State" or "General", it never starts
/// or ends the name of a body, so it splits "Security Council President X".
pub fn is_office_title(word: &str) -> bool {
    OFFICE_TITLES.contains_lowered(word)
}

/// Offices (lower case) written before a person's name, as in "Bank Governor X".
static OFFICE_TITLES: WordSet = WordSet::new(&[
    "president",
    "chairman",
    "chairwoman",
    "chairperson",
    "director",
    "director-general",
    "secretary-general",
    "economist",
    "analyst",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "minister",
    "ambassador",
    "envoy",
    "commissioner",
    "mayor",
    "senator",
    "professor",
    "researcher",
    "adviser",
    "advisor",
    "correspondent",
]);

/// Titles and role words (lower case) that announce a person's name after them.
static TITLE_WORDS: WordSet = WordSet::new(&[
    "president",
    "minister",
    "chancellor",
    "secretary-general",
    "secretary",
    "director-general",
    "director",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "senator",
    "sen",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "commissioner",
    "speaker",
    "pope",
    "admiral",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "commander",
    "lieutenant",
    "judge",
    "chief",
    "analyst",
    "fellow",
    "economist",
    "scholar",
    "researcher",
    "leader",
    "lawmaker",
    "rep",
    "representative",
    "deputy",
    "vice",
    "foreign",
    "defence",
    "defense",
    "prime",
    "state",
    "affairs",
    "external",
    "finance",
    "interior",
    "home",
    "managing",
    "head",
    "adviser",
    "advisor",
    "correspondent",
    "marshal",
    "crown",
    "supreme",
    "counterpart",
    "madam",
    "sir",
    "lord",
    "lady",
    "bishop",
    "cardinal",
]);

/// Title words that are part of a title but never the role itself.
static TITLE_MODIFIERS: WordSet = WordSet::new(&[
    "foreign",
    "defence",
    "defense",
    "prime",
    "affairs",
    "external",
    "finance",
    "interior",
    "home",
    "managing",
    "deputy",
    "vice",
    "crown",
    "supreme",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "madam",
    "sir",
    "lord",
    "lady",
    "counterpart",
]);

/// Nouns of an apposition that make its subject a person ("an analyst at …").
static ROLE_NOUNS: WordSet = WordSet::new(&[
    "analyst",
    "fellow",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "director",
    "secretary",
    "chief",
    "official",
    "professor",
    "researcher",
    "scholar",
    "economist",
    "envoy",
    "ambassador",
    "adviser",
    "advisor",
    "head",
    "leader",
    "chairperson",
    "chairman",
    "chairwoman",
    "commissioner",
    "governor",
    "correspondent",
    "expert",
    "lecturer",
    "chancellor",
    "premier",
    "secretary-general",
    "director-general",
    "diplomat",
    "negotiator",
    "lawmaker",
    "senator",
    "general",
    "commander",
    "mayor",
    "founder",
    "editor",
    "member",
    "lawyer",
    "executive",
    "officer",
    "manager",
    "engineer",
    "farmer",
    "trader",
    "teacher",
    "campaigner",
    "mediator",
    "consultant",
    "owner",
    "worker",
]);

/// Endings of person nouns not listed in [`ROLE_NOUNS`] ("hydrologist", "historian").
const ROLE_NOUN_ENDINGS: &[&str] = &["ist", "ian"];

/// Verbs that, right after a name, make it the subject of a statement or an act.
static SUBJECT_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "warned",
    "warns",
    "stressed",
    "insisted",
    "noted",
    "argued",
    "described",
    "urged",
    "called",
    "announced",
    "declared",
    "explained",
    "replied",
    "responded",
    "later",
    "also",
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "met",
    "visited",
    "spoke",
    "acknowledged",
    "admitted",
    "believes",
    "believed",
    "hopes",
    "hoped",
    "expects",
    "welcomed",
    "rejected",
    "praised",
    "criticised",
    "criticized",
    "accused",
    "denied",
    "confirmed",
    "travelled",
    "traveled",
    "arrived",
    "declined",
    "refused",
    "could",
    "should",
    "may",
    "must",
    "hailed",
    "posted",
    "tweeted",
]);

/// Verbs and phrases after which a name is a speaker ("said Anna Novak", "according to …").
static OBJECT_CUES: WordSet = WordSet::new(&[
    "said",
    "says",
    "added",
    "wrote",
    "told",
    "quoted",
    "to",
    "counterpart",
]);

/// A person's name inside the run `from..to`, when a cue says it is one.
pub fn find_person(
    gaz: &Gazetteer,
    text: &str,
    words: &[Word],
    gazetteer_words: &[bool],
    from: usize,
    to: usize,
    cues: &mut Vec<Cue>,
) {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let lower = |i: usize| word(i).to_lowercase();
    // Gazetteer words (countries, organisations) split runs: "Chinese Foreign Minister X".
    let start = (from..to)
        .rev()
        .find(|&k| gazetteer_words[k])
        .map_or(from, |k| k + 1);
    if start >= to {
        return;
    }
    // The last title word splits "Foreign Minister" from the name.
    let title_at = (start..to)
        .rev()
        .find(|&k| TITLE_WORDS.contains_lowered(word(k)));
    let (name_from, role, gender, titled) = match title_at {
        Some(t) => {
            let title: Vec<String> = (start..=t)
                .map(lower)
                .filter(|w| !gaz.is_stopname(w))
                .collect();
            (t + 1, role_of(&title), gender_of(&title), true)
        }
        None => {
            let before = start
                .checked_sub(1)
                .filter(|_| !words[start].starts_clause && joined(text, words, start));
            match before.map(|b| (b, lower(b))) {
                Some((b, w)) if TITLE_WORDS.contains(w.as_str()) => {
                    let title = lowercase_title_before(text, words, b);
                    (start, role_of(&title), gender_of(&title), true)
                }
                _ => (start, None, None, false),
            }
        }
    };
    let mut name_from = name_from;
    while name_from < to && (gaz.is_stopname(word(name_from)) || !is_capitalised(word(name_from))) {
        name_from += 1;
    }
    let mut name_to = to;
    while name_to > name_from && !is_name_word(word(name_to - 1)) {
        name_to -= 1;
    }
    let count = name_to.saturating_sub(name_from);
    if count == 0 || count > 4 || (1..count).any(|k| gaz.is_stopname(word(name_from + k))) {
        return;
    }
    if names_a_body(text, words, name_from, name_to) {
        return;
    }
    let role_before = (count >= 2 && name_from == start)
        .then(|| role_before_comma(text, words, name_from, name_to))
        .flatten();
    let cued = titled
        || role_before.is_some()
        || (count >= 2
            && (subject_cue(text, words, name_to)
                || object_cue(text, words, name_from)
                || parenthetical_subject(text, words, name_from, name_to)
                || leads_a_government(text, words, name_to)));
    if !cued {
        return;
    }
    let role = role
        .or(role_before)
        .or_else(|| apposition_role(text, words, name_to));
    let span = Span {
        start: words[name_from].span.start,
        end: words[name_to - 1].span.end,
    };
    cues.push(Cue {
        span,
        kind: CueKind::Person { role, gender },
    });
}

/// True when the run `from..to` ends in a company or organisation word and does not
/// open with a known given name: "Apic Yamada Corp said" is a firm speaking, while
/// "Anna Steel said" is a person.
fn names_a_body(text: &str, words: &[Word], from: usize, to: usize) -> bool {
    let last = &text[words[to - 1].span.start..words[to - 1].span.end];
    is_organisation_word(last)
        && gender_of_name(&text[words[from].span.start..words[from].span.end]).is_none()
}

/// Lower-case words that may open a role before its title word ("foreign policy chief").
static ROLE_MODIFIERS: WordSet = WordSet::new(&[
    "policy",
    "senior",
    "research",
    "programme",
    "program",
    "visiting",
    "commission",
    "press",
    "security",
    "national",
    "chief",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "finance",
]);

/// Lower-case role words ending at word `last` ("foreign policy chief").
fn lowercase_title_before(text: &str, words: &[Word], last: usize) -> Vec<String> {
    let mut first = last;
    while first > 0 && last - first < 3 && joined(text, words, first) && !words[first].starts_clause
    {
        let w = &text[words[first - 1].span.start..words[first - 1].span.end];
        if !ROLE_MODIFIERS.contains(w) {
            break;
        }
        first -= 1;
    }
    (first..=last)
        .map(|k| text[words[k].span.start..words[k].span.end].to_lowercase())
        .collect()
}

/// The role named by title words, without honorifics ("Mr") or a bare modifier.
fn role_of(title: &[String]) -> Option<String> {
    let last = title.last()?;
    if TITLE_MODIFIERS.contains(last.as_str()) {
        return None;
    }
    let first = title
        .iter()
        .position(|w| !matches!(w.as_str(), "mr" | "mrs" | "ms" | "dr" | "prof"))?;
    Some(title[first..].join(" "))
}

/// Gender implied by an honorific or a gendered role word.
fn gender_of(title: &[String]) -> Option<Gender> {
    title.iter().find_map(|w| match w.as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman" => Some(Gender::Male),
        "mrs" | "ms" | "madam" | "lady" | "queen" | "princess" | "spokeswoman" | "chairwoman" => {
            Some(Gender::Female)
        }
        _ => None,
    })
}

/// True when the name ending before word `next` is followed by a verb ("… said") or by an
/// apposition closed before a reporting verb ("…, a senior fellow at X, said").
fn subject_cue(text: &str, words: &[Word], next: usize) -> bool {
    if next >= words.len() {
        return false;
    }
    let gap = &text[words[next - 1].span.end..words[next].span.start];
    let w = &text[words[next].span.start..words[next].span.end];
    if gap == " " && SUBJECT_VERBS.contains(w) {
        return true;
    }
    gap == ", "
        && (apposition_role(text, words, next).is_some() || aside_then_verb(text, words, next))
}

/// True for ", speaking to reporters on Monday, said" and ", who runs a shop in X,
/// said": a participle or relative clause between commas, then a reporting verb.
fn aside_then_verb(text: &str, words: &[Word], next: usize) -> bool {
    let first = &text[words[next].span.start..words[next].span.end];
    let participle = first.ends_with("ing") && first.starts_with(char::is_lowercase);
    if !participle && first != "who" {
        return false;
    }
    (next + 1..(next + 16).min(words.len())).any(|k| {
        text[words[k - 1].span.end..words[k].span.start].trim() == ","
            && SUBJECT_VERBS.contains(&text[words[k].span.start..words[k].span.end])
    })
}

/// The role of a name set off after it by a comma: "Tuvalu's prime minister, Kausea
/// Natano," or "the company's chief executive, Anna Berg." give the role before the comma.
fn role_before_comma(text: &str, words: &[Word], first: usize, next: usize) -> Option<String> {
    let before = first.checked_sub(1)?;
    let gap = &text[words[before].span.end..words[first].span.start];
    let closes =
        next >= words.len() || text[words[next - 1].span.end..].starts_with([',', '.', ';']);
    let role = &text[words[before].span.start..words[before].span.end];
    let is_role = role.starts_with(char::is_lowercase)
        && (TITLE_WORDS.contains(role) || ROLE_NOUNS.contains(role))
        && !TITLE_MODIFIERS.contains(role);
    if gap != ", " || !closes || !is_role {
        return None;
    }
    role_of(&lowercase_title_before(text, words, before))
}

/// Nouns after a possessive that only a person's name takes ("Ana Ruiz's government").
static LED_BY_A_PERSON: WordSet = WordSet::new(&[
    "government",
    "administration",
    "cabinet",
    "predecessor",
    "successor",
    "wife",
    "husband",
]);

/// True for a name followed by "'s government" and the like.
fn leads_a_government(text: &str, words: &[Word], next: usize) -> bool {
    let after = &text[words[next - 1].span.end..];
    let possessive = after.starts_with("'s ") || after.starts_with("’s ");
    possessive
        && words
            .get(next + 1)
            .is_some_and(|w| LED_BY_A_PERSON.contains(&text[w.span.start..w.span.end]))
}

/// True for a name between commas followed by a verb: "A senior official at the
/// ministry, Anna Berg, said" — the commas set off the name of the subject before them.
fn parenthetical_subject(text: &str, words: &[Word], first: usize, next: usize) -> bool {
    if first == 0 || next >= words.len() {
        return false;
    }
    let opened = &text[words[first - 1].span.end..words[first].span.start] == ", ";
    let closed = &text[words[next - 1].span.end..words[next].span.start] == ", ";
    let verb = &text[words[next].span.start..words[next].span.end];
    opened && closed && SUBJECT_VERBS.contains(verb)
}

/// True when the name starting at word `first` follows "said", "according to", "counterpart".
fn object_cue(text: &str, words: &[Word], first: usize) -> bool {
    if first == 0 || words[first].starts_clause {
        return false;
    }
    let w = &text[words[first - 1].span.start..words[first - 1].span.end];
    let gap = &text[words[first - 1].span.end..words[first].span.start];
    if gap != " " || !OBJECT_CUES.contains(w) {
        return false;
    }
    w != "to"
        || (first >= 2
            && text[words[first - 2].span.start..words[first - 2].span.end]
                .eq_ignore_ascii_case("according"))
}

/// The role in an apposition after a name ending before word `next`: ", an analyst at …,"
/// gives "analyst"; ", the Chinese foreign minister," gives "chinese foreign minister".
fn apposition_role(text: &str, words: &[Word], next: usize) -> Option<String> {
    let role = apposition(text, words, next)?;
    let head = role.last()?;
    let person_noun =
        ROLE_NOUNS.contains(head.as_str()) || ROLE_NOUN_ENDINGS.iter().any(|e| head.ends_with(e));
    person_noun.then(|| role.join(" "))
}

/// The lower-case noun phrase of an apposition after a name ending before word `next`,
/// up to its first preposition or clause word: ", a container operator based in X" gives
/// ["container", "operator"].
pub fn apposition(text: &str, words: &[Word], next: usize) -> Option<Vec<String>> {
    if next >= words.len() || &text[words[next - 1].span.end..words[next].span.start] != ", " {
        return None;
    }
    // "a", "the", "its" … or a possessive name ("Peru's president").
    let article = &text[words[next].span.start..words[next].span.end];
    let after = &text[words[next].span.end..];
    let possessive =
        is_capitalised(article) && (after.starts_with("'s ") || after.starts_with("’s "));
    if !matches!(article, "a" | "an" | "the" | "its" | "his" | "her") && !possessive {
        return None;
    }
    let mut role = Vec::new();
    let first = if possessive { next + 2 } else { next + 1 };
    for k in first..(first + 8).min(words.len()) {
        let w = &text[words[k].span.start..words[k].span.end];
        if matches!(
            w,
            "at" | "of"
                | "for"
                | "with"
                | "in"
                | "who"
                | "and"
                | "from"
                | "that"
                | "which"
                | "based"
        ) {
            break;
        }
        role.push(w.to_lowercase());
        let gap = &text[words[k].span.end..words.get(k + 1).map_or(text.len(), |n| n.span.start)];
        if gap != " " {
            break;
        }
    }
    Some(role)
}
