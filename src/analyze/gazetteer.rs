//! The gazetteer: countries, places, organisations, government bodies and people
//! compiled into the binary (`assets/gazetteer/*.json`), parsed once and turned into
//! one aho-corasick automaton over every surface form.

use foldhash::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;

use crate::model::EntityKind;
use crate::text::words::Word;

const COUNTRIES: &str = include_str!("../../assets/gazetteer/countries.json");
const PLACES: &str = include_str!("../../assets/gazetteer/places.json");
const ORGANIZATIONS: &str = include_str!("../../assets/gazetteer/organizations.json");
const BODIES: &str = include_str!("../../assets/gazetteer/bodies.json");
const PEOPLE: &str = include_str!("../../assets/gazetteer/people.json");
const STOPNAMES: &str = include_str!("../../assets/gazetteer/stopnames.json");

#[derive(Deserialize)]
struct CountryRecord {
    name: String,
    aliases: Vec<String>,
    adjectives: Vec<String>,
    demonyms: Vec<String>,
    capital: Option<String>,
    #[serde(default)]
    capital_aliases: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
}

#[derive(Deserialize)]
struct PlaceRecord {
    name: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct OrganizationRecord {
    name: String,
    kind: String,
    aliases: Vec<String>,
    #[serde(default)]
    metonyms: Vec<String>,
}

#[derive(Deserialize)]
struct BodyRecord {
    name: String,
    kind: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct RoleRecord {
    title: String,
}

#[derive(Deserialize)]
struct PersonRecord {
    name: String,
    aliases: Vec<String>,
    roles: Vec<RoleRecord>,
    gender: Option<String>,
    #[serde(default)]
    standalone: bool,
}

/// Grammatical gender, for resolving "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Index of an entity in [`Gazetteer::entities`].
pub type EntityId = u32;

/// A known entity under its canonical name.
#[derive(Debug, Clone)]
pub struct KnownEntity {
    pub name: String,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
    /// Lowercase office titles ("foreign minister"), for "the minister".
    pub roles: Vec<String>,
}

/// What one surface form in the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// A name, alias or acronym of the entity.
    Name(EntityId),
    /// An adjective or demonym of a country ("French", "Peruvians", "Sino-").
    Modifier(EntityId),
    /// A seat of government: the place itself, the country it stands for, and an
    /// organisation it may stand for ("Brussels" for the European Union).
    Capital {
        place: EntityId,
        country: EntityId,
        org: Option<EntityId>,
    },
    /// A person's short alias ("Wang"); `standalone` ones count without the full name.
    PersonAlias { person: EntityId, standalone: bool },
    /// An upper-case city name, valid only opening a wire dateline ("BEIJING (Reuters) —").
    DatelineCity(EntityId),
}

/// The compiled gazetteer. Build once with [`Gazetteer::new`].
pub struct Gazetteer {
    pub entities: Vec<KnownEntity>,
    terms: Vec<Term>,
    /// Searched anchored, only where a form may start (see [`Gazetteer::find`]).
    automaton: AhoCorasick,
    /// `first_bytes[b]` is true when some form starts with byte `b`.
    first_bytes: [bool; 256],
    stopnames: HashSet<String>,
}

/// One automaton hit: byte span in the searched text and what it stands for.
#[derive(Debug, Clone, Copy)]
pub struct TermMatch {
    pub start: usize,
    pub end: usize,
    pub term: Term,
}

impl Gazetteer {
    /// Parses the bundled JSON files and builds the automaton.
    ///
    /// # Panics
    /// Only if the bundled data (compiled into the binary and tested) is malformed.
    pub fn new() -> Self {
        let mut builder = Builder::default();
        let countries: Vec<CountryRecord> = parse(COUNTRIES, "countries.json");
        let organizations: Vec<OrganizationRecord> = parse(ORGANIZATIONS, "organizations.json");
        let bodies: Vec<BodyRecord> = parse(BODIES, "bodies.json");
        let places: Vec<PlaceRecord> = parse(PLACES, "places.json");
        let people: Vec<PersonRecord> = parse(PEOPLE, "people.json");
        let stopnames: Vec<String> = parse(STOPNAMES, "stopnames.json");

        // Earlier forms win when two records share a surface form.
        let country_ids: Vec<EntityId> = countries
            .iter()
            .map(|c| builder.entity(&c.name, EntityKind::Country))
            .collect();
        for (c, &id) in countries.iter().zip(&country_ids) {
            builder.form(&c.name, Term::Name(id));
            for alias in &c.aliases {
                builder.form(alias, Term::Name(id));
            }
        }
        let mut org_by_metonym: HashMap<&str, EntityId> = HashMap::default();
        for o in &organizations {
            let kind = EntityKind::parse(&o.kind).unwrap_or(EntityKind::Organization);
            let id = builder.entity(&o.name, kind);
            builder.form(&o.name, Term::Name(id));
            for alias in &o.aliases {
                builder.form(alias, Term::Name(id));
            }
            for seat in &o.metonyms {
                org_by_metonym.insert(seat, id);
            }
        }
        for b in &bodies {
            let kind = EntityKind::parse(&b.kind).unwrap_or(EntityKind::Organization);
            let id = builder.entity(&b.name, kind);
            builder.form(&b.name, Term::Name(id));
            for alias in &b.aliases {
                builder.form(alias, Term::Name(id));
            }
        }
        for (c, &id) in countries.iter().zip(&country_ids) {
            add_ministries(&mut builder, c);
            for form in c.adjectives.iter().chain(&c.demonyms) {
                builder.form(form, Term::Modifier(id));
            }
        }
        let person_ids: Vec<EntityId> = people
            .iter()
            .map(|p| {
                let id = builder.entity(&p.name, EntityKind::Person);
                let known = &mut builder.entities[id as usize];
                known.gender = match p.gender.as_deref() {
                    Some("m") => Some(Gender::Male),
                    Some("f") => Some(Gender::Female),
                    _ => None,
                };
                known.roles = p.roles.iter().map(|r| r.title.to_lowercase()).collect();
                builder.form(&p.name, Term::Name(id));
                id
            })
            .collect();
        for (c, &country) in countries.iter().zip(&country_ids) {
            let Some(capital) = &c.capital else { continue };
            let place = builder.entity(capital, EntityKind::Place);
            let org = org_by_metonym.get(capital.as_str()).copied();
            for form in std::iter::once(capital).chain(&c.capital_aliases) {
                builder.form(
                    form,
                    Term::Capital {
                        place,
                        country,
                        org,
                    },
                );
            }
            builder.form(&capital.to_uppercase(), Term::DatelineCity(place));
        }
        for c in &countries {
            for city in c.cities.iter().chain(&c.regions) {
                let id = builder.entity(city, EntityKind::Place);
                builder.form(city, Term::Name(id));
                builder.form(&city.to_uppercase(), Term::DatelineCity(id));
            }
        }
        for p in &places {
            let id = builder.entity(&p.name, EntityKind::Place);
            builder.form(&p.name, Term::Name(id));
            for alias in &p.aliases {
                builder.form(alias, Term::Name(id));
            }
        }
        for (p, &person) in people.iter().zip(&person_ids) {
            for alias in &p.aliases {
                let standalone = p.standalone || alias.contains(' ');
                builder.form(alias, Term::PersonAlias { person, standalone });
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&builder.patterns)
            .expect("gazetteer automaton builds");
        let mut first_bytes = [false; 256];
        for pattern in &builder.patterns {
            first_bytes[usize::from(pattern.as_bytes()[0])] = true;
        }
        Gazetteer {
            entities: builder.entities,
            terms: builder.terms,
            automaton,
            first_bytes,
            stopnames: stopnames.into_iter().collect(),
        }
    }

    /// Every whole-word gazetteer form in `text`, leftmost-longest, in order. A form
    /// glued to a letter ("China" in "Chinatown") is skipped and the search resumes at
    /// the next run of letters, so a whole word inside it can still be found.
    ///
    /// Forms start with a letter or digit, so the automaton is only run, anchored, where
    /// a run of them starts: at each of the `words` of `text`, and after a hyphen or an
    /// apostrophe inside one ("pro-Russian"). The longest form starting at the first
    /// such place that has one is the leftmost-longest match.
    pub fn find(&self, text: &str, words: &[Word]) -> Vec<TermMatch> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        for word in words {
            let mut candidate = word.span.start;
            loop {
                if candidate >= at
                    && self.first_bytes[usize::from(bytes[candidate])]
                    && let Some(m) = self.match_at(text, candidate)
                {
                    at = m.end;
                    out.push(m);
                }
                if word.plain {
                    break;
                }
                // The next run of letters inside the word starts after a joiner.
                let Some(offset) = text[candidate..word.span.end].find(['-', '\'', '’']) else {
                    break;
                };
                let joiner = candidate + offset;
                candidate = joiner + text[joiner..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }

    /// The longest form starting at byte `start` that ends a word (or ends open, as
    /// "Indo-" does).
    fn match_at(&self, text: &str, start: usize) -> Option<TermMatch> {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        let m = self.automaton.find(input)?;
        let end = m.end();
        (text[start..end].ends_with('-') || !glued_after(text, end)).then(|| TermMatch {
            start,
            end,
            term: self.terms[m.pattern().as_usize()],
        })
    }

    /// The entity behind an id.
    pub fn entity(&self, id: EntityId) -> &KnownEntity {
        &self.entities[id as usize]
    }

    /// True for capitalised words that look like names but are not ("However", "Monday").
    pub fn is_stopname(&self, word: &str) -> bool {
        self.stopnames.contains(word)
    }
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

/// True when a letter or digit follows byte `end` of `text`.
fn glued_after(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// "<Adj> foreign ministry" and friends, generated from a country's first adjective.
fn add_ministries(builder: &mut Builder, country: &CountryRecord) {
    let Some(adjective) = country.adjectives.iter().find(|a| !a.ends_with('-')) else {
        return;
    };
    let offices: [(&str, &[&str]); 3] = [
        (
            "foreign ministry",
            &["foreign ministry", "Foreign Ministry"],
        ),
        (
            "defence ministry",
            &[
                "defence ministry",
                "defense ministry",
                "Defence Ministry",
                "Defense Ministry",
            ],
        ),
        ("embassy", &["embassy", "Embassy"]),
    ];
    for (canonical, variants) in offices {
        let id = builder.entity(
            &format!("{adjective} {canonical}"),
            EntityKind::Organization,
        );
        for variant in variants {
            builder.form(&format!("{adjective} {variant}"), Term::Name(id));
            for apostrophe in ["'s", "’s"] {
                builder.form(
                    &format!("{}{apostrophe} {variant}", country.name),
                    Term::Name(id),
                );
            }
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(json: &str, file: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("bundled gazetteer {file}: {e}"))
}

/// Collects entities and unique surface forms while the gazetteer is built.
#[derive(Default)]
struct Builder {
    entities: Vec<KnownEntity>,
    entity_ids: HashMap<(String, EntityKind), EntityId>,
    patterns: Vec<String>,
    terms: Vec<Term>,
    seen: HashSet<String>,
}

impl Builder {
    /// The id of the entity with this name and kind, created on first use.
    fn entity(&mut self, name: &str, kind: EntityKind) -> EntityId {
        let next = self.entities.len() as EntityId;
        *self
            .entity_ids
            .entry((name.to_string(), kind))
            .or_insert_with(|| {
                self.entities.push(KnownEntity {
                    name: name.to_string(),
                    kind,
                    gender: None,
                    roles: Vec::new(),
                });
                next
            })
    }

    /// Adds a surface form unless an earlier record already claimed it. A leading
    /// "the" is dropped: mentions never include it ("the US" is the mention "US").
    fn form(&mut self, text: &str, term: Term) {
        let text = text.trim();
        let text = text
            .strip_prefix("the ")
            .or_else(|| text.strip_prefix("The "))
            .unwrap_or(text);
        if text.chars().count() < 2 || !self.seen.insert(text.to_string()) {
            return;
        }
        self.patterns.push(text.to_string());
        self.terms.push(term);
    }
}

/// One gazetteer for the whole process, built on first use (building it is the slow
/// part): for the unit tests, evaluation and training.
pub fn shared() -> &'static Gazetteer {
    static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text, &crate::text::words::words(text))
            .into_iter()
            .map(|m| match m.term {
                Term::Name(id) | Term::Modifier(id) | Term::DatelineCity(id) => {
                    g.entity(id).name.clone()
                }
                Term::Capital { place, .. } => g.entity(place).name.clone(),
                Term::PersonAlias { person, .. } => g.entity(person).name.clone(),
            })
            .collect()
    }

    #[test]
    fn longest_forms_win_and_words_are_whole() {
        let g = shared();
        assert_eq!(
            names(
                g,
                "The Chinese foreign ministry and the USA met in Beijing."
            ),
            ["Chinese foreign ministry", "United States", "Beijing"]
        );
        assert!(names(g, "Chinatown and Frenchness").is_empty());
        assert_eq!(names(g, "Sino-Indian ties"), ["China", "India"]);
    }

    #[test]
    fn possessive_ministry_is_the_ministry() {
        let g = shared();
        assert_eq!(
            names(g, "France's foreign ministry"),
            ["French foreign ministry"]
        );
    }
}
