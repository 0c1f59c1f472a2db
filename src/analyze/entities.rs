//! Entity recognition: gazetteer forms and cue-found names become mentions of one
//! entity each; capitals are told apart as places or governments; short aliases and
//! role nouns ("the minister") are resolved to the full names of the story.

use foldhash::HashSet;

use super::affiliations;
use super::company_names;
use super::coref;
use super::cues::find_cues;
use super::document_names::is_document_name;
use super::gazetteer::{EntityId, Gazetteer, Gender, Term, TermMatch};
use super::name_cue::CueKind;
use super::story_entities::{Form, Found, Story, Taken};
use super::tagger::{NameType, TaggedName, Tagger};
use crate::model::EntityKind;
use crate::text::Span;
use crate::text::WordSet;
use crate::text::words::Word;

/// A span some source claims is a name, before overlaps are settled.
enum Claim {
    Gazetteer(Term),
    Cue(CueKind),
    /// A name the tagger found, as sitrep's kind: person, place or organisation.
    Tagged(EntityKind),
    /// Another name the tagger found (an event, a work, a nationality): no entity of
    /// sitrep's kinds, but it keeps shorter claims out of its span ("World Cup").
    OtherName,
}

/// Finds every entity mention in `text`.
pub fn find_entities(gaz: &Gazetteer, tagger: &Tagger, text: &str, words: &[Word]) -> Story {
    let mut matches: Vec<TermMatch> = Vec::new();
    let mut short_aliases: Vec<TermMatch> = Vec::new();
    let listed = gaz.find(text, words);
    let tagged = tagger.tag(gaz, text, words, &listed);
    // A gazetteer person's short alias ("Wang") counts only when the story names the
    // person in full; the tagger's reading of it waits for that too.
    let short_alias_spans: HashSet<(usize, usize)> = listed
        .iter()
        .filter(|m| {
            matches!(
                m.term,
                Term::PersonAlias {
                    standalone: false,
                    ..
                }
            )
        })
        .map(|m| (m.start, m.end))
        .collect();
    let tagged: Vec<TaggedName> = tagged
        .into_iter()
        .filter(|t| !short_alias_spans.contains(&(t.span.start, t.span.end)))
        .collect();
    let tagged_at = TaggedSpans::of(&tagged);
    for m in listed {
        match m.term {
            Term::PersonAlias {
                standalone: false, ..
            } => short_aliases.push(m),
            // A city in capitals stands for itself only opening a wire dateline, or
            // where the tagger reads it as a place.
            Term::DatelineCity(_)
                if !opens_line(text, m.start)
                    && !tagged_at
                        .kinds(m.start, m.end)
                        .any(|kind| kind == NameType::Location) => {}
            _ => matches.push(m),
        }
    }
    let gazetteer_words = covered_words(gaz, words, &matches);
    let cues = find_cues(gaz, text, words, &gazetteer_words);
    // A city that is also the surname of a person named in full ("Ignacio Mendoza") is
    // that person's alias in this story, not the city.
    let name_parts: HashSet<&str> = cues
        .iter()
        .filter(|c| matches!(c.kind, CueKind::Person { .. }))
        .flat_map(|c| text[c.span.start..c.span.end].split(' ').skip(1))
        .collect();
    matches.retain(|m| !(is_place_term(gaz, m.term) && name_parts.contains(&text[m.start..m.end])));
    // Where the tagger reads a listed name as another type, it read the context: a city
    // is a sports club in "CHICAGO 5 Houston 2", a country is a person in "Jordan said".
    // Reading it as an other name (an event, a nationality) overrides nothing.
    // A wire dateline ("BEIJING (Reuters) —") is the gazetteer's own context.
    matches.retain(|m| {
        opens_dateline(text, m)
            || !tagged_at
                .kinds(m.start, m.end)
                .any(|kind| kind != NameType::Misc && kind != name_type(gaz, m.term))
    });

    // The gazetteer, the tagger and the organisation and place cues (a name with a head
    // word such as "Institute" or "Strait") settle their overlaps first, the longest claim
    // winning; people found by cues only fill the gaps they leave, unless they confirm a
    // name the tagger found (see `confirms_a_tagged_name`).
    let mut claims: Vec<(Span, Claim)> = matches
        .iter()
        .map(|m| {
            (
                Span {
                    start: m.start,
                    end: m.end,
                },
                Claim::Gazetteer(m.term),
            )
        })
        .chain(cues.into_iter().map(|c| (c.span, Claim::Cue(c.kind))))
        .chain(
            tagged
                .into_iter()
                .filter(|t| !is_compound_modifier(text, t) && !spans_a_quotation_mark(text, t))
                .map(|t| (t.span, tagged_claim(t.kind))),
        )
        .filter_map(|(span, claim)| match claim {
            Claim::Gazetteer(_) | Claim::OtherName => Some((span, claim)),
            // A social-media handle ("@TimKaine") names an account, not a new entity.
            Claim::Cue(_) | Claim::Tagged(_) if text[..span.start].ends_with('@') => None,
            Claim::Cue(_) | Claim::Tagged(_) => {
                let person = matches!(
                    claim,
                    Claim::Cue(CueKind::Person { .. }) | Claim::Tagged(EntityKind::Person)
                );
                let span = affiliations::name_part(text, span, person)?;
                let name = &text[span.start..span.end];
                if is_document_name(name) {
                    return Some((span, Claim::OtherName));
                }
                if person && company_names::ends_in_legal_form(name) {
                    return Some((span, Claim::Tagged(EntityKind::Organization)));
                }
                Some((span, claim))
            }
        })
        .collect();
    let mut tagged_names: Vec<(Span, bool)> = claims
        .iter()
        .filter_map(|(span, c)| match c {
            Claim::Tagged(kind) => Some((*span, *kind == EntityKind::Person)),
            _ => None,
        })
        .collect();
    tagged_names.sort_by_key(|(span, _)| span.end);
    claims.sort_by_cached_key(|(span, claim)| {
        (
            matches!(claim, Claim::Cue(CueKind::Person { .. }))
                && !confirms_a_tagged_name(text, words, span, &tagged_names),
            std::cmp::Reverse(span.end - span.start),
            claim_rank(claim),
            span.start,
        )
    });
    let mut taken = Taken::default();
    let mut accepted: Vec<(Span, Claim)> = Vec::with_capacity(claims.len());
    for (span, claim) in claims {
        if taken.insert(span) {
            accepted.push((span, claim));
        }
    }
    accepted.sort_by_key(|(span, _)| span.start);

    let named_orgs: HashSet<EntityId> = accepted
        .iter()
        .filter_map(|(_, c)| match c {
            Claim::Gazetteer(Term::Name(id)) => Some(*id),
            _ => None,
        })
        .collect();
    let mut story = Story::default();
    let mut single_names: Vec<(Span, Option<String>, Option<Gender>)> = Vec::new();
    for (span, claim) in accepted {
        let (entity, form) = match claim {
            Claim::Gazetteer(Term::Name(id))
            | Claim::Gazetteer(Term::PersonAlias { person: id, .. }) => {
                (story.add_known(gaz, id), Form::Name)
            }
            Claim::Gazetteer(Term::Modifier(id)) => (story.add_known(gaz, id), Form::Modifier),
            Claim::Gazetteer(Term::DatelineCity(id)) => (story.add_known(gaz, id), Form::Name),
            Claim::Gazetteer(Term::Capital {
                place,
                country,
                org,
            }) => {
                if is_literal_place(text, span.start, span.end) {
                    (story.add_known(gaz, place), Form::Name)
                } else {
                    let government = org.filter(|o| named_orgs.contains(o)).unwrap_or(country);
                    (story.add_known(gaz, government), Form::Metonym)
                }
            }
            Claim::Cue(CueKind::Person { role, gender }) => {
                if !text[span.start..span.end].contains(' ') {
                    single_names.push((span, role, gender));
                    continue;
                }
                let i = story.add(&text[span.start..span.end], EntityKind::Person, None);
                let person = &mut story.entities[i];
                person.gender = person.gender.or(gender);
                person.roles.extend(role);
                (i, Form::Name)
            }
            Claim::Cue(CueKind::Organization) => (
                story.add(&text[span.start..span.end], EntityKind::Organization, None),
                Form::Name,
            ),
            Claim::Cue(CueKind::Place) => (
                story.add(&text[span.start..span.end], EntityKind::Place, None),
                Form::Name,
            ),
            Claim::Tagged(EntityKind::Person) => {
                if !text[span.start..span.end].contains(' ') {
                    single_names.push((span, None, None));
                    continue;
                }
                (
                    story.add(&text[span.start..span.end], EntityKind::Person, None),
                    Form::Name,
                )
            }
            Claim::Tagged(kind) => (
                story.add(&text[span.start..span.end], kind, None),
                Form::Name,
            ),
            Claim::OtherName => continue,
        };
        story.mentions.push(Found { span, entity, form });
    }
    coref::resolve(
        gaz,
        text,
        words,
        &mut story,
        &mut taken,
        short_aliases,
        single_names,
    );
    story.mentions.sort_by_key(|m| m.span.start);
    company_names::add_short_names(text, &mut story);
    story
}

/// Which claim wins on equal spans: the gazetteer, then cues (a head word, a role),
/// then the tagger. A name the tagger reads as none of sitrep's kinds outranks the cues
/// of head words: it read the context a head word does not tell ("American League" is
/// a competition, "Gulf War" an event).
fn claim_rank(claim: &Claim) -> u8 {
    match claim {
        Claim::Gazetteer(_) => 0,
        Claim::OtherName => 1,
        Claim::Cue(CueKind::Organization) => 2,
        Claim::Cue(CueKind::Place) => 3,
        Claim::Cue(CueKind::Person { .. }) => 4,
        Claim::Tagged(_) => 5,
    }
}

/// True when the person cue at `span` confirms a name the tagger found (`tagged`: span,
/// and whether it is a person, sorted by end): the same span, whatever the tagger's type (the cue read a
/// title, a role or a speech verb around it); or a person that ends there and starts
/// later, away from a clause start (the cue adds a part of the name, not a
/// sentence-opening word: "Le Minh Dung" for "Minh Dung").
fn confirms_a_tagged_name(
    text: &str,
    words: &[Word],
    span: &Span,
    tagged: &[(Span, bool)],
) -> bool {
    let opens_clause = words
        .binary_search_by_key(&span.start, |w| w.span.start)
        .is_ok_and(|k| words[k].starts_clause || k == 0);
    // Either way the tagged name ends where the cue ends.
    let from = tagged.partition_point(|(t, _)| t.end < span.end);
    let to = tagged.partition_point(|(t, _)| t.end <= span.end);
    tagged[from..to].iter().any(|&(t, person)| {
        t == *span
            || (person
                && t.end == span.end
                && t.start > span.start
                && !opens_clause
                && !text[span.start..span.end].contains('\n'))
    })
}

/// The tagger's names by span, to ask which types it gave an exact span.
struct TaggedSpans(Vec<(usize, usize, NameType)>);

impl TaggedSpans {
    fn of(tagged: &[TaggedName]) -> Self {
        let mut spans: Vec<(usize, usize, NameType)> = tagged
            .iter()
            .map(|t| (t.span.start, t.span.end, t.kind))
            .collect();
        spans.sort_by_key(|&(start, end, _)| (start, end));
        TaggedSpans(spans)
    }

    /// The types of the names tagged at exactly `start..end`.
    fn kinds(&self, start: usize, end: usize) -> impl Iterator<Item = NameType> + '_ {
        let from = self.0.partition_point(|&(s, e, _)| (s, e) < (start, end));
        self.0[from..]
            .iter()
            .take_while(move |&&(s, e, _)| (s, e) == (start, end))
            .map(|&(_, _, kind)| kind)
    }
}

/// The claim of a tagged name, in sitrep's kinds.
/// True when a tagged name runs across a quotation mark ("Flint,” Brockovich" in
/// `“… beyond Flint,” Brockovich said`): the end of a quotation and the name of its
/// speaker, no one name. Cues find the speaker.
fn spans_a_quotation_mark(text: &str, name: &TaggedName) -> bool {
    text[name.span.start..name.span.end].contains(['“', '”', '"', '«', '»', '„'])
}

fn tagged_claim(kind: NameType) -> Claim {
    match kind {
        NameType::Person => Claim::Tagged(EntityKind::Person),
        NameType::Location => Claim::Tagged(EntityKind::Place),
        NameType::Organization => Claim::Tagged(EntityKind::Organization),
        NameType::Misc => Claim::OtherName,
    }
}

/// True for an other name that is one hyphenated word ("Beijing-based", "U.S.-led"):
/// the name inside it is the gazetteer's to read.
fn is_compound_modifier(text: &str, name: &TaggedName) -> bool {
    let word = &text[name.span.start..name.span.end];
    name.kind == NameType::Misc && word.contains('-') && !word.contains(' ')
}

/// The tagger's type for what a gazetteer form stands for.
fn name_type(gaz: &Gazetteer, term: Term) -> NameType {
    match term {
        Term::Name(id) => match gaz.entity(id).kind {
            EntityKind::Person => NameType::Person,
            EntityKind::Country | EntityKind::Place => NameType::Location,
            EntityKind::Organization | EntityKind::Group => NameType::Organization,
            EntityKind::Other => NameType::Misc,
        },
        Term::Modifier(_) => NameType::Misc,
        Term::Capital { .. } | Term::DatelineCity(_) => NameType::Location,
        Term::PersonAlias { .. } => NameType::Person,
    }
}

/// For each word, true when it lies inside a gazetteer match of a country, organisation
/// or adjective: such words split a capitalised run ("Chinese Foreign Minister X"),
/// while a city may be a surname ("Ignacio Mendoza").
fn covered_words(gaz: &Gazetteer, words: &[Word], matches: &[TermMatch]) -> Vec<bool> {
    let mut covered = vec![false; words.len()];
    let mut k = 0;
    for m in matches
        .iter()
        .filter(|m| !is_person_term(m.term) && !is_place_term(gaz, m.term))
    {
        while k < words.len() && words[k].span.end <= m.start {
            k += 1;
        }
        let mut j = k;
        while j < words.len() && words[j].span.start < m.end {
            covered[j] = true;
            j += 1;
        }
    }
    covered
}

fn is_person_term(term: Term) -> bool {
    matches!(term, Term::PersonAlias { .. })
}

/// True for a city, capital or other place form.
fn is_place_term(gaz: &Gazetteer, term: Term) -> bool {
    match term {
        Term::Name(id) => gaz.entity(id).kind == EntityKind::Place,
        Term::Capital { .. } | Term::DatelineCity(_) => true,
        Term::Modifier(_) | Term::PersonAlias { .. } => false,
    }
}

/// True for a city in capitals followed by a wire credit or a dash ("BEIJING (Reuters) —",
/// "KYIV, March 3 —"), not by a score ("CHICAGO 5 Houston 2").
fn opens_dateline(text: &str, m: &TermMatch) -> bool {
    matches!(m.term, Term::DatelineCity(_))
        && text[m.end..]
            .trim_start_matches(' ')
            .starts_with(['(', ',', '—', '–', '-'])
}

/// True when byte `at` starts a line.
fn opens_line(text: &str, at: usize) -> bool {
    at == 0 || text[..at].ends_with('\n')
}

/// Words before a capital that make it the place itself ("in Beijing", "to Paris").
static LOCATIVES: WordSet = WordSet::new(&[
    "in",
    "at",
    "to",
    "from",
    "near",
    "into",
    "outside",
    "inside",
    "across",
    "around",
    "via",
    "toward",
    "towards",
    "visit",
    "visits",
    "visited",
    "visiting",
    "throughout",
    "within",
    "through",
    "the",
    "reached",
    "leaving",
    "left",
    "arrive",
    "arrived",
    "arrives",
    "reach",
]);

/// Nouns after which "in <capital>" still means its government ("policy in Beijing").
static GOVERNMENT_NOUNS: WordSet = WordSet::new(&[
    "policy",
    "policymakers",
    "debate",
    "opinion",
    "thinking",
    "mood",
    "circles",
    "friends",
    "allies",
    "partners",
    "counterparts",
]);

/// True when the capital at `start..end` names the city, not its government:
/// after a locative preposition, or used as a modifier ("Beijing-based").
fn is_literal_place(text: &str, start: usize, end: usize) -> bool {
    if text[end..].starts_with('-') {
        return true;
    }
    let before = text[..start].trim_end_matches(' ');
    if !before.ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let mut previous = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty());
    let word = previous.next().unwrap_or("");
    match word.to_lowercase().as_str() {
        "and" | "or" => {
            // "in Beijing and Tokyo": the second capital shares the first one's reading.
            let head = before[..before.len() - word.len()].trim_end();
            let first_start = head.rfind(' ').map_or(0, |i| i + 1);
            first_start < head.len()
                && head[first_start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && is_literal_place(text, first_start, head.len())
        }
        w if LOCATIVES.contains(w) => {
            let noun = previous.next().unwrap_or("");
            !(w == "in" && GOVERNMENT_NOUNS.contains(noun))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::words;

    fn found(text: &str) -> Vec<(String, String, EntityKind)> {
        let gaz = crate::analyze::gazetteer::shared();
        let w = words(text);
        let story = find_entities(gaz, Tagger::bundled(), text, &w);
        story
            .mentions
            .iter()
            .map(|m| {
                let e = &story.entities[m.entity];
                (
                    text[m.span.start..m.span.end].to_string(),
                    e.name.clone(),
                    e.kind,
                )
            })
            .collect()
    }

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        found(text).into_iter().map(|(_, n, k)| (n, k)).collect()
    }

    #[test]
    fn capitals_are_governments_unless_literal() {
        use EntityKind::*;
        assert_eq!(
            names("Beijing said talks in Beijing and Tokyo were useful, officials in Tokyo said."),
            [
                ("China".into(), Country),
                ("Beijing".into(), Place),
                ("Tokyo".into(), Place),
                ("Tokyo".into(), Place)
            ]
        );
        assert_eq!(
            names("Relations between Beijing and Tokyo, and policy in Moscow."),
            [
                ("China".into(), Country),
                ("Japan".into(), Country),
                ("Russia".into(), Country)
            ]
        );
        assert_eq!(names("The Beijing-based bank"), [("Beijing".into(), Place)]);
    }

    #[test]
    fn brussels_is_the_eu_only_when_the_story_names_it() {
        use EntityKind::*;
        assert_eq!(names("Brussels wants more."), [("Belgium".into(), Country)]);
        assert_eq!(
            names("The European Union met. Brussels wants more."),
            [
                ("European Union".into(), Organization),
                ("European Union".into(), Organization)
            ]
        );
    }

    #[test]
    fn adjectives_ministries_and_organisations() {
        let got = found(
            "The Chinese foreign ministry and French diplomats met the Central Bank of Kenya.",
        );
        let names: Vec<&str> = got.iter().map(|(_, n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Chinese foreign ministry",
                "France",
                "Central Bank of Kenya"
            ]
        );
    }

    #[test]
    fn capital_city_opening_a_dateline() {
        let got = names("BEIJING (Reuters) — China met.");
        assert_eq!(
            got,
            [
                ("Beijing".into(), EntityKind::Place),
                ("Reuters".into(), EntityKind::Organization),
                ("China".into(), EntityKind::Country)
            ]
        );
    }

    #[test]
    fn no_name_runs_across_a_quotation_mark() {
        let text = "The water crisis reached the town in March. “It is a national crisis that reaches far beyond Harbourton,” Lindqvist said in a statement. “Nobody in the Senate,” Okafor said, “wants this.”";
        for (mention, _, _) in found(text) {
            assert!(!mention.contains(['“', '”']), "{mention:?}");
        }
    }
}
