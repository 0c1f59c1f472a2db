//! Names the gazetteer does not know, found from the words around them: a title or
//! role before a name ("Foreign Minister Anna Novak", "spokeswoman Mei Lin"), a name as
//! subject or object of a reporting verb ("Anna Novak said", "said Anna Novak"), an
//! apposition ("Anna Novak, an analyst at …, said"), organisation heads ("… Institute",
//! "Ministry of …"), geographic heads ("… Valley", "… Strait") and photo or wire credits.

use super::gazetteer::{Gazetteer, Gender};
use super::text::Span;
use super::words::{Word, is_capitalised};

/// What a cue says a span is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CueKind {
    Person {
        role: Option<String>,
        gender: Option<Gender>,
    },
    Organization,
    Place,
}

/// A name found from cues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub kind: CueKind,
}

/// Words that end an organisation's name ("Lindqvist Institute") or start one ("Bank of …").
const ORG_HEADS: &[&str] = &[
    "Institute",
    "Institution",
    "Centre",
    "Center",
    "Foundation",
    "Forum",
    "Council",
    "Bank",
    "Agency",
    "Party",
    "Commission",
    "Ministry",
    "University",
    "Organisation",
    "Organization",
    "Association",
    "Authority",
    "Department",
    "Committee",
    "Fund",
    "Federation",
    "Coalition",
    "Alliance",
    "Front",
    "Movement",
    "Court",
    "Tribunal",
    "Parliament",
    "Assembly",
    "Congress",
    "Bureau",
    "Corporation",
    "Trust",
    "Society",
    "Network",
    "Secretariat",
    "League",
    "Union",
    "Army",
    "Navy",
    "Board",
    "Office",
    "Service",
    "Academy",
    "School",
    "Observatory",
    "Watch",
];

/// Words that end a geographic name ("Veldra Pass", "Sulen River").
const PLACE_HEADS: &[&str] = &[
    "Pass",
    "Valley",
    "Ridge",
    "Plateau",
    "Heights",
    "Basin",
    "Flats",
    "Gap",
    "Highlands",
    "Mountains",
    "Hills",
    "River",
    "Sea",
    "Strait",
    "Straits",
    "Gulf",
    "Bay",
    "Lake",
    "Desert",
    "Peninsula",
    "Island",
    "Islands",
    "Corridor",
    "Delta",
    "Canal",
    "Coast",
    "Province",
    "Region",
    "Steppe",
    "Archipelago",
    "Reef",
    "Atoll",
];

/// Lower-case geographic words that may close a place name ("Sulen River delta").
const PLACE_TAILS: &[&str] = &["delta", "basin", "valley", "estuary"];

/// Titles and role words (lower case) that announce a person's name after them.
const TITLE_WORDS: &[&str] = &[
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
];

/// Title words that are part of a title but never the role itself.
const TITLE_MODIFIERS: &[&str] = &[
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
];

/// Nouns of an apposition that make its subject a person ("an analyst at …").
const ROLE_NOUNS: &[&str] = &[
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
];

/// Verbs that, right after a name, make it the subject of a statement or an act.
const SUBJECT_VERBS: &[&str] = &[
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
];

/// Verbs and phrases after which a name is a speaker ("said Anna Novak", "according to …").
const OBJECT_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "wrote",
    "told",
    "quoted",
    "to",
    "counterpart",
];

/// Lower-case particles inside names ("Ursula von der Leyen", "Khalid bin Salman").
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "de", "da", "di", "du", "bin", "ibn", "bint", "la", "le",
];

/// Finds persons, organisations and places from cues. `gazetteer_words[i]` is true when
/// word `i` lies inside a gazetteer match that is not a person.
pub fn find_cues(
    gaz: &Gazetteer,
    text: &str,
    words: &[Word],
    gazetteer_words: &[bool],
) -> Vec<Cue> {
    let mut cues = Vec::new();
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let mut i = 0;
    while i < words.len() {
        if !is_name_word(word(i)) {
            i += 1;
            continue;
        }
        // A run of capitalised words separated by single spaces (or name particles).
        let mut end = i + 1;
        while end < words.len() && joined(text, words, end) && continues_name(text, words, end) {
            end += 1;
        }
        find_org_or_place(gaz, text, words, i, end, &mut cues);
        if cues
            .last()
            .is_none_or(|c| c.span.end <= words[i].span.start)
        {
            find_person(gaz, text, words, gazetteer_words, i, end, &mut cues);
        }
        i = end;
    }
    find_credits(text, &mut cues);
    cues
}

/// True when word `k` follows word `k - 1` after exactly one space.
fn joined(text: &str, words: &[Word], k: usize) -> bool {
    &text[words[k - 1].span.end..words[k].span.start] == " "
}

/// True when word `k` can continue a capitalised run.
fn continues_name(text: &str, words: &[Word], k: usize) -> bool {
    let w = &text[words[k].span.start..words[k].span.end];
    if is_name_word(w) {
        return true;
    }
    // Connectors inside organisation and place names, and particles inside personal names.
    let connector = matches!(w, "of" | "for" | "on" | "the") || NAME_PARTICLES.contains(&w);
    connector
        && k + 1 < words.len()
        && joined(text, words, k + 1)
        && is_name_word(&text[words[k + 1].span.start..words[k + 1].span.end])
}

/// Capitalised words, and "al-"/"el-" prefixed surnames.
fn is_name_word(w: &str) -> bool {
    is_capitalised(w) || ((w.starts_with("al-") || w.starts_with("el-")) && w.len() > 3)
}

fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "the")
}

/// An organisation ("Lindqvist Institute for Strategic Studies", "Central Bank of Kenya")
/// or place ("Veldra Pass") inside the run `from..to`, if one of its words is a head.
fn find_org_or_place(
    gaz: &Gazetteer,
    text: &str,
    words: &[Word],
    from: usize,
    to: usize,
    cues: &mut Vec<Cue>,
) {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let Some(head) =
        (from..to).find(|&k| ORG_HEADS.contains(&word(k)) || PLACE_HEADS.contains(&word(k)))
    else {
        return;
    };
    let is_org = ORG_HEADS.contains(&word(head));
    // Leading stop words ("The", "However") and connectors are not part of the name.
    // Leading articles, connectors and stop words ("The", "Monday the", "However The")
    // are not part of the name; "Central" in "Central Bank of Kenya" is.
    let mut start = from;
    while start < head {
        let w = word(start);
        let next = word(start + 1);
        let stop = gaz.is_stopname(w)
            && (matches!(w, "The" | "A" | "An") || is_connector(next) || gaz.is_stopname(next));
        if !stop && !is_connector(w) {
            break;
        }
        start += 1;
    }
    // A trailing "of …" belongs to the name only after a head ("Bank of Thailand"), and
    // never a date or stop word ("Veldra Pass on Monday").
    let mut end = to;
    while end > head + 1 && (is_connector(word(end - 1)) || gaz.is_stopname(word(end - 1))) {
        end -= 1;
    }
    if !is_org
        && end == head + 1
        && end < words.len()
        && joined(text, words, end)
        && PLACE_TAILS.contains(&word(end))
    {
        end += 1;
    }
    let named_words = (start..end).filter(|&k| !is_connector(word(k))).count();
    if named_words < 2 {
        return;
    }
    let span = Span {
        start: words[start].span.start,
        end: words[end - 1].span.end,
    };
    let kind = if is_org {
        CueKind::Organization
    } else {
        CueKind::Place
    };
    cues.push(Cue { span, kind });
}

/// A person's name inside the run `from..to`, when a cue says it is one.
fn find_person(
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
        .find(|&k| TITLE_WORDS.contains(&lower(k).as_str()));
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
                Some((b, w)) if TITLE_WORDS.contains(&w.as_str()) => {
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
    let cued = titled
        || (count >= 2
            && (subject_cue(text, words, name_to) || object_cue(text, words, name_from)));
    if !cued {
        return;
    }
    let role = role.or_else(|| apposition_role(text, words, name_to));
    let span = Span {
        start: words[name_from].span.start,
        end: words[name_to - 1].span.end,
    };
    cues.push(Cue {
        span,
        kind: CueKind::Person { role, gender },
    });
}

/// Lower-case words that may open a role before its title word ("foreign policy chief").
const ROLE_MODIFIERS: &[&str] = &[
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
];

/// Lower-case role words ending at word `last` ("foreign policy chief").
fn lowercase_title_before(text: &str, words: &[Word], last: usize) -> Vec<String> {
    let mut first = last;
    while first > 0 && last - first < 3 && joined(text, words, first) && !words[first].starts_clause
    {
        let w = &text[words[first - 1].span.start..words[first - 1].span.end];
        if !ROLE_MODIFIERS.contains(&w) {
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
    if TITLE_MODIFIERS.contains(&last.as_str()) {
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
    if gap == " " && SUBJECT_VERBS.contains(&w) {
        return true;
    }
    gap == ", "
        && (apposition_role(text, words, next).is_some() || participle_aside(text, words, next))
}

/// True for ", speaking to reporters on Monday, said": a participle clause between
/// commas, then a reporting verb.
fn participle_aside(text: &str, words: &[Word], next: usize) -> bool {
    let first = &text[words[next].span.start..words[next].span.end];
    if !first.ends_with("ing") || !first.starts_with(char::is_lowercase) {
        return false;
    }
    (next + 1..(next + 12).min(words.len())).any(|k| {
        text[words[k - 1].span.end..words[k].span.start].trim() == ","
            && SUBJECT_VERBS.contains(&&text[words[k].span.start..words[k].span.end])
    })
}

/// True when the name starting at word `first` follows "said", "according to", "counterpart".
fn object_cue(text: &str, words: &[Word], first: usize) -> bool {
    if first == 0 || words[first].starts_clause {
        return false;
    }
    let w = &text[words[first - 1].span.start..words[first - 1].span.end];
    let gap = &text[words[first - 1].span.end..words[first].span.start];
    if gap != " " || !OBJECT_CUES.contains(&w) {
        return false;
    }
    w != "to"
        || (first >= 2
            && text[words[first - 2].span.start..words[first - 2].span.end]
                .eq_ignore_ascii_case("according"))
}

/// The role in an apposition after a name ending before word `next`: ", an analyst at …,"
/// gives "analyst"; ", the Chinese foreign minister," gives "chinese foreign minister".
pub fn apposition_role(text: &str, words: &[Word], next: usize) -> Option<String> {
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
            "at" | "of" | "for" | "with" | "in" | "who" | "and" | "from"
        ) {
            break;
        }
        role.push(w.to_lowercase());
        let gap = &text[words[k].span.end..words.get(k + 1).map_or(text.len(), |n| n.span.start)];
        if gap != " " {
            break;
        }
    }
    let head = role.last()?;
    ROLE_NOUNS.contains(&head.as_str()).then(|| role.join(" "))
}

/// Photo and wire credits: "Photo: AP", "Photograph:(Reuters)", "BEIJING (Reuters) —".
fn find_credits(text: &str, cues: &mut Vec<Cue>) {
    let mut offset = 0;
    for line in text.split('\n') {
        let credit = [
            "Photograph:(",
            "Photograph: ",
            "Photo: ",
            "Photo:(",
            "Photo credit: ",
        ]
        .iter()
        .find_map(|p| line.strip_prefix(p).map(|rest| (p.len(), rest)));
        if let Some((skip, rest)) = credit {
            let name = rest.trim_end_matches(')').trim_end();
            if is_credit_name(name) {
                let start = offset + skip;
                cues.push(Cue {
                    span: Span {
                        start,
                        end: start + name.len(),
                    },
                    kind: CueKind::Organization,
                });
            }
        } else if let Some(open) = line.find(" (") {
            // A wire dateline: an upper-case place, then the agency in brackets, then a dash.
            let place = &line[..open];
            let rest = &line[open + 2..];
            if let Some(close) = rest.find(')') {
                let agency = &rest[..close];
                let dash = rest[close + 1..].trim_start().starts_with(['—', '-', '–']);
                let upper = !place.is_empty()
                    && place
                        .chars()
                        .all(|c| c.is_uppercase() || c == ' ' || c == ',');
                if dash && upper && is_credit_name(agency) {
                    let start = offset + open + 2;
                    cues.push(Cue {
                        span: Span {
                            start,
                            end: start + agency.len(),
                        },
                        kind: CueKind::Organization,
                    });
                }
            }
        }
        offset += line.len() + 1;
    }
}

/// A short capitalised name such as an agency ("AP", "Reuters", "Getty Images").
fn is_credit_name(name: &str) -> bool {
    let words = name.split(' ').count();
    (1..=4).contains(&words) && name.split(' ').all(is_capitalised) && !name.contains(['/', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::words::words;

    fn cues(text: &str) -> Vec<(String, CueKind)> {
        let gaz = crate::analyze::gazetteer::shared();
        let w = words(text);
        let covered: Vec<bool> = w
            .iter()
            .map(|w| {
                gaz.find(text).iter().any(|m| {
                    m.start < w.span.end
                        && w.span.start < m.end
                        && matches!(
                            m.term,
                            super::super::gazetteer::Term::Name(_)
                                | super::super::gazetteer::Term::Modifier(_)
                        )
                })
            })
            .collect();
        find_cues(gaz, text, &w, &covered)
            .into_iter()
            .map(|c| (text[c.span.start..c.span.end].to_string(), c.kind))
            .collect()
    }

    fn person(role: Option<&str>, gender: Option<Gender>) -> CueKind {
        CueKind::Person {
            role: role.map(String::from),
            gender,
        }
    }

    #[test]
    fn titles_and_roles_announce_names() {
        assert_eq!(
            cues("Chinese Foreign Minister Zhao Haolin met spokeswoman Mei Lin."),
            [
                ("Zhao Haolin".into(), person(Some("foreign minister"), None)),
                (
                    "Mei Lin".into(),
                    person(Some("spokeswoman"), Some(Gender::Female))
                )
            ]
        );
        assert_eq!(
            cues("Mr Novak left."),
            [("Novak".into(), person(None, Some(Gender::Male)))]
        );
    }

    #[test]
    fn reporting_verbs_and_appositions_announce_names() {
        assert_eq!(
            cues("Anna Novak said so."),
            [("Anna Novak".into(), person(None, None))]
        );
        assert_eq!(
            cues("“Yes,” said Anna Novak, an analyst at the Halden Foundation."),
            [
                ("Anna Novak".into(), person(Some("analyst"), None)),
                ("Halden Foundation".into(), CueKind::Organization)
            ]
        );
        assert!(cues("However Many Things happened.").is_empty());
    }

    #[test]
    fn organisation_and_place_heads() {
        assert_eq!(
            cues(
                "The Central Bank of Kenya and the Lindqvist Institute for Strategic Studies met near the Veldra Pass and the Sulen River delta."
            ),
            [
                ("Central Bank of Kenya".into(), CueKind::Organization),
                (
                    "Lindqvist Institute for Strategic Studies".into(),
                    CueKind::Organization
                ),
                ("Veldra Pass".into(), CueKind::Place),
                ("Sulen River delta".into(), CueKind::Place)
            ]
        );
    }

    #[test]
    fn credits_are_organisations() {
        assert_eq!(
            cues("Photo: AP\n\nPhotograph:(Reuters)"),
            [
                ("AP".into(), CueKind::Organization),
                ("Reuters".into(), CueKind::Organization)
            ]
        );
        assert_eq!(
            cues("GENEVA (AFP) — Talks"),
            [("AFP".into(), CueKind::Organization)]
        );
    }
}
