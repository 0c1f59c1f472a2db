//! Names the gazetteer does not know, found from cues: capitalised runs with an
//! organisation head ("… Institute", "Bank of …"), a geographic head ("… Valley",
//! "… Strait"), photo and wire credits, and people (see [`super::people`]).

use super::gazetteer::Gazetteer;
use super::name_cue::{Cue, CueKind, is_name_word, joined};
use super::people::{apposition, find_person, is_office_title};
use crate::text::WordSet;
use crate::text::is_weekday_name;
use crate::text::words::{Word, is_capitalised};
use crate::text::{Span, lines};

/// Words that end an organisation's name ("Lindqvist Institute") or start one ("Bank of …").
static ORG_HEADS: WordSet = WordSet::new(&[
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
    "Unit",
    "Group",
    "Lab",
    "Laboratory",
    "Laboratories",
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
]);

/// True for a word that ends an organisation's name or starts one ("Institute", "Bank").
pub fn is_org_head(word: &str) -> bool {
    ORG_HEADS.contains(word)
}

/// Nouns heading an apposition that make its subject a company or other body
/// ("Kestrel Line, a container operator based in …").
static BODY_NOUNS: WordSet = WordSet::new(&[
    "company",
    "firm",
    "group",
    "operator",
    "carrier",
    "maker",
    "manufacturer",
    "producer",
    "supplier",
    "exporter",
    "lender",
    "insurer",
    "airline",
    "conglomerate",
    "giant",
    "miner",
    "shipper",
    "broadcaster",
    "newspaper",
    "charity",
    "startup",
    "think-tank",
    "tank",
    "ngo",
]);

/// Words that end a geographic name ("Veldra Pass", "Sulen River").
static PLACE_HEADS: WordSet = WordSet::new(&[
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
]);

/// Words that open a geographic name ("Port Bell", "Mount Elgon", "Lake Kivu").
const PLACE_OPENERS: &[&str] = &["Port", "Mount", "Lake", "Cape"];

/// Lower-case geographic words that may close a place name ("Sulen River delta").
const PLACE_TAILS: &[&str] = &["delta", "basin", "valley", "estuary"];

/// Lower-case particles inside names ("Ursula von der Leyen", "Khalid bin Salman").
static NAME_PARTICLES: WordSet = WordSet::new(&[
    "von", "van", "der", "de", "da", "di", "du", "bin", "ibn", "bint", "la", "le",
]);

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
        end = place_name_end(text, words, i, end);
        find_org_or_place(gaz, text, words, i, end, &mut cues);
        find_body_by_apposition(gaz, text, words, gazetteer_words, i, end, &mut cues);
        find_outlet_by_noun(text, words, gazetteer_words, i, end, &mut cues);
        if !claims_past(&cues, words[i].span.start) {
            find_person(gaz, text, words, gazetteer_words, i, end, &mut cues);
        }
        i = end;
    }
    find_credits(text, &mut cues);
    cues
}

/// True when the last cue found reaches past byte `start`: a run starting there is
/// already claimed.
fn claims_past(cues: &[Cue], start: usize) -> bool {
    cues.last().is_some_and(|c| c.span.end > start)
}

/// True when word `k` can continue a capitalised run.
fn continues_name(text: &str, words: &[Word], k: usize) -> bool {
    let w = &text[words[k].span.start..words[k].span.end];
    if is_name_word(w) {
        return true;
    }
    // Connectors inside organisation and place names, and particles inside personal names.
    let connector = matches!(w, "of" | "for" | "on" | "the") || NAME_PARTICLES.contains(w);
    connector
        && k + 1 < words.len()
        && joined(text, words, k + 1)
        && is_name_word(&text[words[k + 1].span.start..words[k + 1].span.end])
}

/// Where a run that starts as a place name ends: places take "of" ("Gulf of Aden") but not
/// "for" or "on", so "Port Arlen for Mount Seska" is two places. Organisation names keep
/// theirs ("Institute for Strategic Studies").
fn place_name_end(text: &str, words: &[Word], from: usize, to: usize) -> usize {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let Some(connector) = (from + 1..to).find(|&k| matches!(word(k), "for" | "on")) else {
        return to;
    };
    let names_a_place = (from..connector)
        .any(|k| PLACE_HEADS.contains(word(k)) || PLACE_OPENERS.contains(&word(k)));
    let names_a_body = (from..connector).any(|k| ORG_HEADS.contains(word(k)));
    if names_a_place && !names_a_body {
        connector
    } else {
        to
    }
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
    // An organisation head wins over a place head: bodies are often named after places
    // ("Suez Canal Authority", "Nile Basin Research Network"), places rarely after bodies.
    let Some(head) = (from..to)
        .find(|&k| ORG_HEADS.contains(word(k)))
        .or_else(|| (from..to).find(|&k| PLACE_HEADS.contains(word(k))))
        .or_else(|| (from..to.saturating_sub(1)).find(|&k| PLACE_OPENERS.contains(&word(k))))
    else {
        return;
    };
    let is_org = ORG_HEADS.contains(word(head));
    let (from, to) = if is_org {
        around_office_titles(text, words, from, head, to)
    } else {
        (from, to)
    };
    // Leading stop words ("The", "However") and connectors are not part of the name.
    // Leading articles, connectors and stop words ("The", "Monday the", "However The")
    // are not part of the name; "Central" in "Central Bank of Kenya" is.
    let mut start = from;
    while start < head {
        let w = word(start);
        let next = word(start + 1);
        let stop = gaz.is_stopname(w)
            && (matches!(w, "The" | "A" | "An")
                || is_connector(next)
                || (words[start].starts_clause && gaz.is_stopname(next)));
        if !stop && !is_connector(w) {
            break;
        }
        start += 1;
    }
    // A trailing "of …" belongs to the name only after a head ("Bank of Thailand"), but a
    // single stop word after a connector is a date ("Veldra Pass on Monday").
    let mut end = to;
    if end >= head + 3 && is_connector(word(end - 2)) && gaz.is_stopname(word(end - 1)) {
        end -= 1;
    }
    while end > head + 1 && is_connector(word(end - 1)) {
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

/// The part of the run `from..to` that an organisation with its head at `head` may
/// take, where an office title inside the run belongs to a person: a title after the
/// head ends the name ("Boxing Association President X"); one before it starts the name
/// after the person it titles, who is joined to the body by "of" ("Economist X of
/// First Union").
fn around_office_titles(
    text: &str,
    words: &[Word],
    from: usize,
    head: usize,
    to: usize,
) -> (usize, usize) {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let to = (head + 1..to)
        .find(|&k| is_office_title(word(k)))
        .unwrap_or(to);
    let Some(title) = (from..head).rev().find(|&k| is_office_title(word(k))) else {
        return (from, to);
    };
    let from = (title + 1..head)
        .rev()
        .find(|&k| word(k) == "of")
        .map_or(title + 1, |k| k + 1);
    (from, to)
}

/// A company or body the gazetteer does not know, named by the apposition after it:
/// "ASML, the Dutch company that …", "Kestrel Line, a container operator …".
fn find_body_by_apposition(
    gaz: &Gazetteer,
    text: &str,
    words: &[Word],
    gazetteer_words: &[bool],
    from: usize,
    to: usize,
    cues: &mut Vec<Cue>,
) {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let start = (from..to)
        .find(|&k| !(gaz.is_stopname(word(k)) || is_connector(word(k))))
        .unwrap_or(to);
    let claimed = claims_past(cues, words[from].span.start);
    if claimed || start == to || (start..to).any(|k| gazetteer_words[k]) {
        return;
    }
    let head = apposition(text, words, to).and_then(|phrase| phrase.last().cloned());
    if head.is_some_and(|h| BODY_NOUNS.contains(h.as_str())) {
        cues.push(Cue {
            span: Span {
                start: words[start].span.start,
                end: words[to - 1].span.end,
            },
            kind: CueKind::Organization,
        });
    }
}

/// Nouns for a kind of news outlet, written right before its name ("the daily X").
static OUTLET_NOUNS: WordSet = WordSet::new(&[
    "daily",
    "newspaper",
    "weekly",
    "magazine",
    "tabloid",
    "broadcaster",
]);

/// A newspaper or broadcaster the gazetteer does not know, named right after the noun
/// for its kind: "the Polish daily Zycie Warszawy", "the weekly Der Spiegel".
fn find_outlet_by_noun(
    text: &str,
    words: &[Word],
    gazetteer_words: &[bool],
    from: usize,
    to: usize,
    cues: &mut Vec<Cue>,
) {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let claimed = claims_past(cues, words[from].span.start);
    if from == 0
        || claimed
        || !OUTLET_NOUNS.contains(word(from - 1))
        || !joined(text, words, from)
        || (from..to).any(|k| gazetteer_words[k] || is_weekday_name(word(k)))
    {
        return;
    }
    cues.push(Cue {
        span: Span {
            start: words[from].span.start,
            end: words[to - 1].span.end,
        },
        kind: CueKind::Organization,
    });
}

/// Photo and wire credits: "Photo: AP", "Photograph:(Reuters)", "BEIJING (Reuters) —".
fn find_credits(text: &str, cues: &mut Vec<Cue>) {
    for (offset, line) in lines(text) {
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
        } else if let Some(open) = wire_agency_start(line) {
            // A wire dateline: an upper-case place, then the agency in brackets, then a dash.
            let rest = &line[open + 2..];
            if let Some(close) = rest.find(')') {
                let agency = &rest[..close];
                let dash = rest[close + 1..].trim_start().starts_with(['—', '-', '–']);
                if dash && is_credit_name(agency) {
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
    }
}

/// Where " (" follows the upper-case place opening a wire dateline ("GENEVA (Agency) -"),
/// found without scanning the rest of the paragraph.
fn wire_agency_start(line: &str) -> Option<usize> {
    let bracket = line.find(|c: char| !(c.is_uppercase() || c == ' ' || c == ','))?;
    let place = line[..bracket].strip_suffix(' ')?;
    (!place.is_empty() && line[bracket..].starts_with('(')).then_some(place.len())
}

/// A short capitalised name such as an agency ("AP", "Reuters", "Getty Images").
fn is_credit_name(name: &str) -> bool {
    let words = name.split(' ').count();
    (1..=4).contains(&words) && name.split(' ').all(is_capitalised) && !name.contains(['/', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::gazetteer::Gender;
    use crate::text::words::words;

    fn cues(text: &str) -> Vec<(String, CueKind)> {
        let gaz = crate::analyze::gazetteer::shared();
        let w = words(text);
        let matches = gaz.find(text, &w);
        let covered: Vec<bool> = w
            .iter()
            .map(|w| {
                matches.iter().any(|m| {
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
    fn organisation_heads_win_and_openers_make_places() {
        assert_eq!(
            cues("The Orvane Canal Authority and the Kessel Basin Research Network met."),
            [
                ("Orvane Canal Authority".into(), CueKind::Organization),
                (
                    "Kessel Basin Research Network".into(),
                    CueKind::Organization
                )
            ]
        );
        assert_eq!(
            cues("Ferries leave Port Arlen for Mount Seska."),
            [
                ("Port Arlen".into(), CueKind::Place),
                ("Mount Seska".into(), CueKind::Place)
            ]
        );
        assert_eq!(
            cues("She heads the Tamsin River Policy Unit."),
            [("Tamsin River Policy Unit".into(), CueKind::Organization)]
        );
        assert_eq!(
            cues("She joined the Tarsel Valley Climate Lab."),
            [("Tarsel Valley Climate Lab".into(), CueKind::Organization)]
        );
    }

    #[test]
    fn an_office_title_splits_a_body_from_the_person_it_titles() {
        assert_eq!(
            cues("Halden Rowing Association President Mira Oskarsen opened the regatta."),
            [("Halden Rowing Association".into(), CueKind::Organization)]
        );
        assert_eq!(
            cues("Economist Tarik Vell of Orvane Bank expects a cut."),
            [("Orvane Bank".into(), CueKind::Organization)]
        );
        assert_eq!(
            cues("The Orvane Bank of Kessel raised rates."),
            [("Orvane Bank of Kessel".into(), CueKind::Organization)]
        );
    }

    #[test]
    fn a_firm_speaking_is_no_person() {
        assert!(cues("Velmar Data Services said profits rose.").is_empty());
        assert!(cues("Kestrel Shipping Corp said it would appeal.").is_empty());
        assert_eq!(
            cues("Anna Steel said she would appeal."),
            [("Anna Steel".into(), person(None, None))]
        );
    }

    #[test]
    fn a_relative_clause_before_a_verb_announces_a_name() {
        assert_eq!(
            cues("Jonas Pelt, who runs a ferry company in the port, said prices rose."),
            [("Jonas Pelt".into(), person(None, None))]
        );
        assert!(cues("Grain Prices, who knows why, rose.").is_empty());
    }

    #[test]
    fn a_name_set_off_by_commas_after_a_role_or_before_a_verb() {
        assert_eq!(
            cues("Norway's deputy minister, Ingrid Solvang, opened the talks."),
            [(
                "Ingrid Solvang".into(),
                person(Some("deputy minister"), None)
            )]
        );
        assert_eq!(
            cues("A senior engineer at the port, Tomas Reyes, said the cranes were idle."),
            [("Tomas Reyes".into(), person(None, None))]
        );
        assert!(cues("Along the coast, Grand Harbour, ferries ran late.").is_empty());
    }

    #[test]
    fn an_apposition_headed_by_a_person_noun_announces_a_name() {
        assert_eq!(
            cues("Odile Marchand, a hydrologist at the basin authority, warned of floods."),
            [("Odile Marchand".into(), person(Some("hydrologist"), None))]
        );
        assert_eq!(
            cues("Piet Smeets, a trade lawyer in Antwerp, said so."),
            [("Piet Smeets".into(), person(Some("trade lawyer"), None))]
        );
    }

    #[test]
    fn an_apposition_naming_a_company_makes_an_organisation() {
        assert_eq!(
            cues("Marlow Freight, a container operator based in Hull, said rates rose."),
            [("Marlow Freight".into(), CueKind::Organization)]
        );
        assert_eq!(
            cues("Velstra, the Finnish company that makes the turbines, declined to comment."),
            [("Velstra".into(), CueKind::Organization)]
        );
        assert!(cues("However, the company said nothing.").is_empty());
    }

    #[test]
    fn a_possessive_government_makes_a_person() {
        assert_eq!(
            cues("Ana Ruiz's government proposed a new reservoir."),
            [("Ana Ruiz".into(), person(None, None))]
        );
        assert!(cues("Ana Ruiz's plan failed.").is_empty());
    }

    #[test]
    fn wire_datelines_need_an_upper_case_place_before_the_bracket() {
        assert_eq!(wire_agency_start("GENEVA (Agency) - Talks"), Some(6));
        assert_eq!(wire_agency_start("NEW DELHI, INDIA (Agency) -"), Some(16));
        assert_eq!(wire_agency_start("Geneva (Agency) -"), None);
        assert_eq!(wire_agency_start(" (Agency) -"), None);
        assert_eq!(wire_agency_start("ϒ!"), None);
        assert_eq!(wire_agency_start("ΣΥ (Agency) -"), Some(4));
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
