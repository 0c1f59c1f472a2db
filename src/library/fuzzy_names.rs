//! The names fuzzy search finds stories by: entity names, quote speakers and the names
//! the analyst's corrections give, and which stories carry each one.
//!
//! A one-off search looks up the stories of the few names it matches
//! ([`Library::stories_named`]); the reader looks up every name's stories at once, in
//! two scans on a thread of its own after start ([`NamesToLoad::look_up`]), so no
//! keystroke waits for a frequent name's thousands of stories.

use std::collections::{BTreeMap, HashSet};

use foldhash::HashMap;
use rusqlite::Error::FromSqlConversionFailure;
use rusqlite::types::{Value, ValueRef};

use super::correction::Correction;
use super::corrections_apply::names_becoming;
use super::hit::Field;
use super::{Library, LibraryError};

/// A name stories can be found by.
#[derive(Clone)]
pub(super) struct Name {
    pub(super) text: String,
    /// The name lowercase, as patterns are matched against it.
    pub(super) folded: String,
    pub(super) owner: NameOwner,
}

/// Where a name comes from, which says how to find its stories.
#[derive(Clone)]
pub(super) enum NameOwner {
    Entity(i64),
    Speaker,
    /// A name the analyst's corrections give an entity or a quote's speaker, with the
    /// stories that show it.
    Corrected(Field, Vec<i64>),
}

/// A fuzzy index's names, with what turns their stories into the index's positions: to
/// look them all up on another thread ([`NamesToLoad::look_up`]).
pub struct NamesToLoad {
    pub(super) names: Vec<Name>,
    /// Story ids by position.
    pub(super) ids: Vec<i64>,
    /// See `FuzzyIndex::taken_away`.
    pub(super) taken_away: HashMap<String, HashSet<i64>>,
}

/// The positions of each name's stories, by the name's index.
pub struct NamedStories(pub(super) Vec<Vec<u32>>);

impl NamesToLoad {
    /// Looks up the stories of every name in `library`, as positions.
    pub fn look_up(&self, library: &Library) -> Result<NamedStories, LibraryError> {
        let by_id = positions_by_id(&self.ids);
        let stories = library.stories_of_names(&self.names)?;
        let positions = (self.names.iter().zip(stories))
            .map(|(name, ids)| positions_of(name, ids, &by_id, &self.taken_away))
            .collect();
        Ok(NamedStories(positions))
    }
}

/// Each story's position, by id, from the ids in position order.
pub(super) fn positions_by_id(ids: &[i64]) -> HashMap<i64, u32> {
    (0u32..)
        .zip(ids)
        .map(|(position, &id)| (id, position))
        .collect()
}

/// The positions of `ids`, the stories of `name`: those `by_id` holds, less those the
/// analyst took the name away from (`taken_away`, by lowercase entity name).
pub(super) fn positions_of(
    name: &Name,
    ids: Vec<i64>,
    by_id: &HashMap<i64, u32>,
    taken_away: &HashMap<String, HashSet<i64>>,
) -> Vec<u32> {
    let taken_away = match name.owner {
        NameOwner::Entity(_) => taken_away.get(&name.folded),
        _ => None,
    };
    ids.into_iter()
        .filter(|id| taken_away.is_none_or(|stories| !stories.contains(id)))
        .filter_map(|id| by_id.get(&id).copied())
        .collect()
}

impl Name {
    fn new(text: String, owner: NameOwner) -> Name {
        Name {
            folded: text.to_lowercase(),
            text,
            owner,
        }
    }

    /// The field a match of this name is shown under.
    pub(super) fn field(&self) -> Field {
        match self.owner {
            NameOwner::Entity(_) => Field::Entity,
            NameOwner::Speaker => Field::Speaker,
            NameOwner::Corrected(field, _) => field,
        }
    }
}

impl Library {
    /// Every name fuzzy search looks at: stored entity names (but those in `gone`,
    /// lowercase: renamed, merged away or hidden everywhere), the names `corrections`
    /// give, and every distinct speaker.
    pub(super) fn fuzzy_names(
        &self,
        gone: &HashSet<String>,
        corrections: &[Correction],
    ) -> Result<Vec<Name>, LibraryError> {
        let mut names = Vec::new();
        let mut statement = self.conn.prepare("SELECT id, name FROM entities")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let name: String = row.get(1)?;
            if !gone.contains(&name.to_lowercase()) {
                names.push(Name::new(name, NameOwner::Entity(row.get(0)?)));
            }
        }
        names.extend(self.corrected_names(corrections)?);
        // Each distinct speaker by one seek in the speakers' index, not a scan of it.
        let mut statement = self.conn.prepare(
            "WITH RECURSIVE speaker (name) AS (
                 SELECT min(speaker) FROM article_speakers
                 UNION ALL
                 SELECT (SELECT min(speaker) FROM article_speakers WHERE speaker > name)
                 FROM speaker WHERE name IS NOT NULL)
             SELECT name FROM speaker WHERE name IS NOT NULL",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            names.push(Name::new(row.get(0)?, NameOwner::Speaker));
        }
        Ok(names)
    }

    /// The names corrections give entities and speakers, each with the stories that
    /// show it.
    fn corrected_names(&self, corrections: &[Correction]) -> Result<Vec<Name>, LibraryError> {
        let mut entities: Vec<&String> = Vec::new();
        let mut speakers: BTreeMap<&str, Vec<i64>> = Default::default();
        for correction in corrections {
            match correction {
                Correction::Rename { to: name, .. }
                | Correction::Merge { into: name, .. }
                | Correction::Split { into: name, .. } => entities.push(name),
                Correction::Speaker { story, speaker, .. } => {
                    speakers.entry(speaker).or_default().push(*story)
                }
                _ => {}
            }
        }
        entities.sort_unstable_by_key(|name| name.to_lowercase());
        entities.dedup_by_key(|name| name.to_lowercase());
        let mut names = Vec::new();
        for name in entities {
            let shown = self.entities_as_shown(corrections, names_becoming(corrections, name))?;
            let stories: Vec<i64> = shown
                .into_iter()
                .filter(|(_, shown)| shown.eq_ignore_ascii_case(name))
                .map(|(story, _)| story)
                .collect();
            names.push(Name::new(
                name.clone(),
                NameOwner::Corrected(Field::Entity, stories),
            ));
        }
        for (speaker, stories) in speakers {
            names.push(Name::new(
                speaker.to_string(),
                NameOwner::Corrected(Field::Speaker, stories),
            ));
        }
        Ok(names)
    }

    /// The stories that carry `name` (an entity linked to them, or a speaker quoted).
    pub(super) fn stories_named(&self, name: &Name) -> Result<Vec<i64>, LibraryError> {
        let (sql, value) = match &name.owner {
            NameOwner::Corrected(_, stories) => return Ok(stories.clone()),
            NameOwner::Entity(id) => (
                "SELECT article_id FROM article_entities WHERE entity_id = ?1",
                rusqlite::types::Value::Integer(*id),
            ),
            NameOwner::Speaker => (
                "SELECT article_id FROM article_speakers WHERE speaker = ?1",
                rusqlite::types::Value::Text(name.text.clone()),
            ),
        };
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map([value], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The stories of each of `names`: what [`Library::stories_named`] gives for every
    /// name, in one scan of the entity links and one of the speakers.
    fn stories_of_names(&self, names: &[Name]) -> Result<Vec<Vec<i64>>, LibraryError> {
        let mut stories: Vec<Vec<i64>> = Vec::with_capacity(names.len());
        let mut by_entity: HashMap<i64, usize> = HashMap::default();
        let mut by_speaker: HashMap<&str, usize> = HashMap::default();
        for (index, name) in names.iter().enumerate() {
            stories.push(match &name.owner {
                NameOwner::Corrected(_, ids) => ids.clone(),
                NameOwner::Entity(id) => {
                    by_entity.insert(*id, index);
                    Vec::new()
                }
                NameOwner::Speaker => {
                    by_speaker.insert(name.text.as_str(), index);
                    Vec::new()
                }
            });
        }
        let mut found = |index: usize, story: i64| stories[index].push(story);
        // Both in their index's order, name by name: one look-up per name, not per row.
        self.for_grouped_rows(
            "SELECT entity_id, article_id FROM article_entities
             INDEXED BY article_entities_by_entity ORDER BY entity_id",
            |key| key.as_i64().ok().and_then(|id| by_entity.get(&id).copied()),
            &mut found,
        )?;
        self.for_grouped_rows(
            "SELECT speaker, article_id FROM article_speakers ORDER BY speaker",
            |key| {
                key.as_str()
                    .ok()
                    .and_then(|name| by_speaker.get(name).copied())
            },
            &mut found,
        )?;
        Ok(stories)
    }

    /// Runs `sql`, whose rows are a key and a story id in key order, and calls
    /// `found(index, story)` with the index `index_of` gives the key (asked once per key).
    fn for_grouped_rows(
        &self,
        sql: &str,
        index_of: impl Fn(ValueRef) -> Option<usize>,
        found: &mut dyn FnMut(usize, i64),
    ) -> Result<(), LibraryError> {
        let mut statement = self.conn.prepare(sql)?;
        let mut rows = statement.query([])?;
        let mut current: Option<(Value, Option<usize>)> = None;
        while let Some(row) = rows.next()? {
            let key = row.get_ref(0)?;
            let index = match &current {
                Some((seen, index)) if ValueRef::from(seen) == key => *index,
                _ => {
                    let index = index_of(key);
                    let owned = Value::try_from(key).map_err(|error| {
                        FromSqlConversionFailure(0, key.data_type(), Box::new(error))
                    })?;
                    current = Some((owned, index));
                    index
                }
            };
            if let Some(index) = index {
                found(index, row.get(1)?);
            }
        }
        Ok(())
    }
}
