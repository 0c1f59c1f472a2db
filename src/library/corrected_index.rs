//! The full-text index as the analyst corrected it.
//!
//! A plain-word search must not find a story by an entity name the analyst renamed,
//! merged away or hid there, nor by a source they fixed, and must find it by the names
//! and source the corrections give. The index reads a story's text from the
//! `story_text` view, which takes entity names and source from `story_index_corrected`
//! when the story has a row there. This module keeps those rows: a story whose corrected
//! names or source differ from the stored ones has a row; a story whose row changes is
//! taken out of the index before and put back after (see `fts.rs`).
//!
//! Rows are written when a correction is made or undone (for every story it may touch),
//! when a story is stored or updated (the corrections in force apply to its new
//! analysis), and once when a library made before this index gains it.

use rusqlite::{Connection, OptionalExtension, params};

use super::correction::{Correction, in_force};
use super::corrections_apply::{StoryCorrections, names_becoming};
use super::fts;

/// What a story's index entry reads in place of its stored entity names and source;
/// `None` where it reads the stored one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct IndexedInstead {
    entities: Option<String>,
    source: Option<String>,
}

impl IndexedInstead {
    /// What `corrections` (all in force, in order) change for story `id`, whose stored
    /// entity names are `names` (in order) and stored source `source`.
    pub fn of(
        corrections: &[Correction],
        id: i64,
        names: &[String],
        source: Option<&str>,
    ) -> IndexedInstead {
        if corrections.is_empty() {
            return IndexedInstead::default();
        }
        let fixed = StoryCorrections::of(corrections, id);
        let corrected = fixed.entity_names(names);
        IndexedInstead {
            entities: (corrected != names).then(|| corrected.join(" ")),
            source: fixed
                .source()
                .filter(|fixed| Some(*fixed) != source)
                .map(str::to_string),
        }
    }

    /// The entity names the index reads, given the stored ones joined by spaces.
    pub fn entities<'a>(&'a self, stored: &'a str) -> &'a str {
        self.entities.as_deref().unwrap_or(stored)
    }

    /// The source the index reads, given the stored one.
    pub fn source<'a>(&'a self, stored: Option<&'a str>) -> Option<&'a str> {
        self.source.as_deref().or(stored)
    }

    /// True when the index reads the stored names and source.
    pub fn is_plain(&self) -> bool {
        *self == IndexedInstead::default()
    }

    /// Stores this as story `id`'s row (none when nothing differs). The story must be out
    /// of the index, or be put in it only after.
    pub fn write(&self, conn: &Connection, id: i64) -> rusqlite::Result<()> {
        if self.is_plain() {
            conn.prepare_cached("DELETE FROM story_index_corrected WHERE article_id = ?1")?
                .execute([id])?;
        } else {
            conn.prepare_cached(
                "INSERT INTO story_index_corrected (article_id, entities, source)
                 VALUES (?1, ?2, ?3)
                 ON CONFLICT (article_id) DO UPDATE
                 SET entities = excluded.entities, source = excluded.source",
            )?
            .execute(params![id, self.entities, self.source])?;
        }
        Ok(())
    }

    /// Story `id`'s stored row.
    fn stored(conn: &Connection, id: i64) -> rusqlite::Result<IndexedInstead> {
        Ok(conn
            .prepare_cached(
                "SELECT entities, source FROM story_index_corrected WHERE article_id = ?1",
            )?
            .query_row([id], |row| {
                Ok(IndexedInstead {
                    entities: row.get(0)?,
                    source: row.get(1)?,
                })
            })
            .optional()?
            .unwrap_or_default())
    }
}

/// Brings the index entries of the stories `changed` may touch up to date with the
/// corrections now in force; `changed` was just made or undone.
pub(super) fn follow_correction(conn: &Connection, changed: &Correction) -> rusqlite::Result<()> {
    let corrections = in_force(conn)?;
    let stories = touched_stories(conn, &corrections, std::slice::from_ref(changed))?;
    refresh(conn, &corrections, &stories)
}

/// Indexes every story some correction in force touches as corrected: for a library
/// whose index was built before it saw corrections.
pub(super) fn follow_all_corrections(conn: &Connection) -> rusqlite::Result<()> {
    let corrections = in_force(conn)?;
    let stories = touched_stories(conn, &corrections, &corrections)?;
    refresh(conn, &corrections, &stories)
}

/// Every story that one of `changed` may concern: its own story, or for a library-wide
/// correction, every story mentioning an entity stored under a name that `in_force`
/// and `changed` together may turn into one it names. Sorted, each once.
fn touched_stories(
    conn: &Connection,
    in_force: &[Correction],
    changed: &[Correction],
) -> rusqlite::Result<Vec<i64>> {
    let mut stories = Vec::new();
    let mut named = Vec::new();
    for correction in changed {
        match (correction.story(), correction) {
            (Some(story), _) => stories.push(story),
            (None, Correction::Rename { from, to: other })
            | (None, Correction::Merge { from, into: other }) => {
                named.extend([from.clone(), other.clone()]);
            }
            (None, Correction::HideEntity { entity, .. }) => named.push(entity.clone()),
            (None, _) => {}
        }
    }
    if !named.is_empty() {
        let all: Vec<Correction> = in_force.iter().chain(changed).cloned().collect();
        let mut names: Vec<String> = named
            .iter()
            .flat_map(|name| names_becoming(&all, name))
            .collect();
        names.sort_unstable();
        names.dedup();
        let names = serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_string());
        // `entities.name` compares without case, as corrections name entities.
        let mut statement = conn.prepare_cached(
            "SELECT DISTINCT ae.article_id FROM article_entities ae
             JOIN entities e ON e.id = ae.entity_id
             WHERE e.name IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = statement.query_map([names], |row| row.get(0))?;
        for row in rows {
            stories.push(row?);
        }
    }
    stories.sort_unstable();
    stories.dedup();
    Ok(stories)
}

/// Rewrites the rows of `stories` under `corrections`, indexing again each whose row
/// changes.
fn refresh(conn: &Connection, corrections: &[Correction], stories: &[i64]) -> rusqlite::Result<()> {
    for &id in stories {
        let Some(source) = conn
            .prepare_cached("SELECT source FROM articles WHERE id = ?1")?
            .query_row([id], |row| row.get::<_, Option<String>>(0))
            .optional()?
        else {
            continue;
        };
        let names: Vec<String> = conn
            .prepare_cached(
                "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                 WHERE ae.article_id = ?1 ORDER BY ae.position",
            )?
            .query_map([id], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let wanted = IndexedInstead::of(corrections, id, &names, source.as_deref());
        if wanted == IndexedInstead::stored(conn, id)? {
            continue;
        }
        fts::unindex(conn, id)?;
        wanted.write(conn, id)?;
        fts::index(conn, id)?;
    }
    Ok(())
}
