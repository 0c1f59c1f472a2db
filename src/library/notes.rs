//! Analyst notes: Markdown text with #tags on a story, optionally anchored to a passage,
//! an entity or an event, with every saved version kept and soft deletion.
//!
//! Every change is one committed write transaction (see `writer.rs`) that also keeps the
//! story's full-text index (which includes live note text) and the note's tags in step,
//! and removes the draft the change was saved from.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::anchors::{self, Anchor, AnchorTarget};
use super::correction::Correction;
use super::corrections_apply::StoryCorrections;
use super::draft_subject::{self, Subject};
use super::tags::parse_tags;
use super::typed_name::TypedName;
use super::{Library, LibraryError, fts};
use crate::sanitize::clean_text;

/// One note as it now stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: i64,
    /// The story's id.
    pub story: i64,
    /// Markdown.
    pub text: String,
    /// The #tags of `text`, lowercase, without `#`.
    pub tags: Vec<String>,
    pub anchor: Option<Anchor>,
    /// RFC 3339 times of the first and the latest save.
    pub created: String,
    pub updated: String,
    /// RFC 3339 time of deletion; `None` for a live note.
    pub deleted: Option<String>,
}

/// One saved version of a note's text; versions count from 1, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteVersion {
    pub version: usize,
    pub text: String,
    /// RFC 3339 time it was saved.
    pub saved: String,
}

/// Which notes to list: all filters must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteFilter {
    pub story: Option<i64>,
    /// A tag the note carries, any case, with or without `#`.
    pub tag: Option<String>,
    /// List deleted notes instead of live ones.
    pub deleted: bool,
}

const NOTE_COLUMNS: &str = "n.id, n.article_id, n.text, n.anchor_start, n.anchor_end,
    n.anchor_text, n.anchor_detached, (SELECT name FROM entities WHERE id = n.entity_id),
    n.event_date, n.event_summary, n.created_at, n.updated_at, n.deleted_at";

impl Library {
    /// Adds a note to story `story`, anchored to `anchor` if given, and returns it.
    pub fn add_note(
        &mut self,
        story: i64,
        anchor: Option<&AnchorTarget>,
        text: &str,
    ) -> Result<Note, LibraryError> {
        let text = checked_text(text)?;
        let now = now();
        let anchor = match anchor {
            Some(AnchorTarget::Entity { name }) => Some(AnchorTarget::Entity {
                name: self.stored_entity_name(story, name)?,
            }),
            other => other.cloned(),
        };
        let id = self.write(|tx| {
            let anchor = match &anchor {
                Some(target) => Some(anchors::resolve(tx, story, target)?),
                None => {
                    require_story(tx, story)?;
                    None
                }
            };
            fts::unindex(tx, story)?;
            let id = insert_note(tx, story, anchor.as_ref(), &text, &now)?;
            save_tags(tx, id, &text)?;
            fts::index(tx, story)?;
            draft_subject::discard_subject(tx, &Subject::new_note(story, anchor.as_ref()))?;
            Ok(id)
        })?;
        self.note(id)
    }

    /// Saves new text for a live note, as a new version unless the text is unchanged.
    pub fn edit_note(&mut self, id: i64, text: &str) -> Result<Note, LibraryError> {
        let text = checked_text(text)?;
        self.write(|tx| {
            save_version(tx, id, &text)?;
            draft_subject::discard_subject(tx, &Subject::Note(id))
        })?;
        self.note(id)
    }

    /// Makes version `version` (from [`Library::note_history`]) the note's text again,
    /// as a new version.
    pub fn restore_note(&mut self, id: i64, version: usize) -> Result<Note, LibraryError> {
        self.write(|tx| {
            note_story(tx, id)?;
            let missing = LibraryError::NoSuchVersion { note: id, version };
            let Some(offset) = version.checked_sub(1) else {
                return Err(missing);
            };
            let text: String = tx
                .prepare_cached(
                    "SELECT text FROM note_versions WHERE note_id = ?1
                     ORDER BY id LIMIT 1 OFFSET ?2",
                )?
                .query_row(params![id, offset], |row| row.get(0))
                .optional()?
                .ok_or(missing)?;
            save_version(tx, id, &text)
        })?;
        self.note(id)
    }

    /// Deletes a note softly: it leaves lists, search and exports until undeleted.
    pub fn delete_note(&mut self, id: i64) -> Result<Note, LibraryError> {
        self.set_deleted(id, Some(now()))
    }

    /// Brings a deleted note back as it was.
    pub fn undelete_note(&mut self, id: i64) -> Result<Note, LibraryError> {
        self.set_deleted(id, None)
    }

    fn set_deleted(&mut self, id: i64, deleted: Option<String>) -> Result<Note, LibraryError> {
        self.write(|tx| {
            let story = note_story(tx, id)?;
            fts::unindex(tx, story)?;
            tx.prepare_cached(
                "UPDATE notes SET deleted_at = CASE WHEN ?2 IS NULL THEN NULL
                     ELSE coalesce(deleted_at, ?2) END
                 WHERE id = ?1",
            )?
            .execute(params![id, deleted])?;
            fts::index(tx, story)?;
            Ok(())
        })?;
        self.note(id)
    }

    /// The name stored for the entity of `story` that `name` means, as the analyst's
    /// corrections name it: the one so called (any case), else the one `name` names
    /// loosely (whole words: `Yoon` for "Yoon Suk Yeol", or a name the gazetteer knows it
    /// by: `UN`); `name` itself when none does.
    /// A loose name that fits several of the story's entities is refused.
    fn stored_entity_name(&self, story: i64, name: &str) -> Result<String, LibraryError> {
        let corrections = self.active_corrections()?;
        let corrected = StoryCorrections::of(&corrections, story);
        let stored: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                 WHERE ae.article_id = ?1",
            )?
            .query_map([story], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let shown: Vec<(String, String)> = stored
            .into_iter()
            .filter_map(|stored| Some((corrected.entity_name(&stored)?, stored)))
            .collect();
        if let Some((_, stored)) = shown.iter().find(|(s, _)| s.eq_ignore_ascii_case(name)) {
            return Ok(stored.clone());
        }
        let typed = TypedName::new(name);
        let mut loose: Vec<&(String, String)> = shown
            .iter()
            .filter(|(shown, _)| typed.fits(shown))
            .collect();
        loose.sort_by(|a, b| a.0.cmp(&b.0));
        loose.dedup_by(|a, b| a.0 == b.0);
        match loose.as_slice() {
            [] => Ok(name.to_string()),
            [(_, stored)] => Ok(stored.clone()),
            several => Err(LibraryError::InvalidNote(format!(
                "{name:?} names several entities of story {story}: {}; give the whole name",
                several
                    .iter()
                    .map(|(shown, _)| shown.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// One note, live or deleted.
    pub fn note(&self, id: i64) -> Result<Note, LibraryError> {
        let corrections = self.active_corrections()?;
        Ok(corrected(load_note(&self.conn, id)?, &corrections))
    }

    /// The notes `filter` selects, by story (newest story first), then oldest note first.
    pub fn notes(&self, filter: &NoteFilter) -> Result<Vec<Note>, LibraryError> {
        let tag = filter
            .tag
            .as_deref()
            .map(|tag| tag.trim_start_matches('#').to_lowercase());
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {NOTE_COLUMNS} FROM notes n JOIN articles a ON a.id = n.article_id
             WHERE (?1 IS NULL OR n.article_id = ?1)
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM note_tags t
                                          WHERE t.note_id = n.id AND t.tag = ?2))
               AND (n.deleted_at IS NOT NULL) = ?3
             ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC, n.id"
        ))?;
        let rows =
            statement.query_map(params![filter.story, tag, filter.deleted], note_from_row)?;
        let corrections = self.active_corrections()?;
        rows.map(|row| Ok(corrected(row?, &corrections))).collect()
    }

    /// Every saved version of a note, oldest first.
    pub fn note_history(&self, id: i64) -> Result<Vec<NoteVersion>, LibraryError> {
        self.note(id)?;
        let mut statement = self.conn.prepare_cached(
            "SELECT text, created_at FROM note_versions WHERE note_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        rows.enumerate()
            .map(|(index, row)| {
                let (text, saved) = row?;
                Ok(NoteVersion {
                    version: index + 1,
                    text,
                    saved,
                })
            })
            .collect()
    }
}

/// `note` with the entity it is anchored to named as the analyst's corrections name it.
fn corrected(mut note: Note, corrections: &[Correction]) -> Note {
    if let Some(Anchor::Entity { name }) = &mut note.anchor
        && let Some(corrected) = StoryCorrections::of(corrections, note.story).entity_name(name)
    {
        *name = corrected;
    }
    note
}

/// The current time, RFC 3339 in UTC to the second.
pub(super) fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Note text made safe to store; empty text is refused.
pub(super) fn checked_text(text: &str) -> Result<String, LibraryError> {
    let text = clean_text(text).trim().to_string();
    if text.is_empty() {
        return Err(LibraryError::InvalidNote("note text is empty".to_string()));
    }
    Ok(text)
}

/// Note `id`, live or deleted, read through `conn`.
pub(super) fn load_note(conn: &Connection, id: i64) -> Result<Note, LibraryError> {
    conn.prepare_cached(&format!(
        "SELECT {NOTE_COLUMNS} FROM notes n WHERE n.id = ?1"
    ))?
    .query_row([id], note_from_row)
    .optional()?
    .ok_or(LibraryError::NoSuchNote(id))
}

/// Fails with [`LibraryError::NoSuchStory`] unless story `story` exists.
pub(super) fn require_story(conn: &Connection, story: i64) -> Result<(), LibraryError> {
    conn.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
        .query_row([story], |_| Ok(()))
        .optional()?
        .ok_or(LibraryError::NoSuchStory(story))
}

/// The story of note `id`.
fn note_story(conn: &Connection, id: i64) -> Result<i64, LibraryError> {
    conn.prepare_cached("SELECT article_id FROM notes WHERE id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?
        .ok_or(LibraryError::NoSuchNote(id))
}

fn insert_note(
    conn: &Connection,
    story: i64,
    anchor: Option<&Anchor>,
    text: &str,
    now: &str,
) -> Result<i64, LibraryError> {
    conn.prepare_cached(
        "INSERT INTO notes (article_id, text, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![story, text, now])?;
    let id = conn.last_insert_rowid();
    if let Some(anchor) = anchor {
        anchors::attach(conn, id, anchor)?;
    }
    insert_version(conn, id, text, now)?;
    Ok(id)
}

/// Makes `text` the live note's current text and keeps it as a new version.
fn save_version(conn: &Connection, id: i64, text: &str) -> Result<(), LibraryError> {
    let (story, current, deleted): (i64, String, Option<String>) = conn
        .prepare_cached("SELECT article_id, text, deleted_at FROM notes WHERE id = ?1")?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?
        .ok_or(LibraryError::NoSuchNote(id))?;
    if deleted.is_some() {
        return Err(LibraryError::NoteDeleted(id));
    }
    if current == text {
        return Ok(());
    }
    let now = now();
    fts::unindex(conn, story)?;
    conn.prepare_cached("UPDATE notes SET text = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, text, now])?;
    insert_version(conn, id, text, &now)?;
    save_tags(conn, id, text)?;
    fts::index(conn, story)?;
    Ok(())
}

fn insert_version(conn: &Connection, id: i64, text: &str, now: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO note_versions (note_id, text, created_at) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, text, now])?;
    Ok(())
}

/// Replaces the note's stored tags with those of `text`.
fn save_tags(conn: &Connection, id: i64, text: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM note_tags WHERE note_id = ?1")?
        .execute([id])?;
    let mut insert = conn.prepare_cached("INSERT INTO note_tags (note_id, tag) VALUES (?1, ?2)")?;
    for tag in parse_tags(text) {
        insert.execute(params![id, tag])?;
    }
    Ok(())
}

/// Reads the columns of [`NOTE_COLUMNS`] into a [`Note`].
fn note_from_row(row: &Row) -> rusqlite::Result<Note> {
    let text: String = row.get(2)?;
    let anchor = if let Some(quoted) = row.get::<_, Option<String>>(5)? {
        Some(Anchor::Passage {
            start: row.get(3)?,
            end: row.get(4)?,
            text: quoted,
            detached: row.get(6)?,
        })
    } else if let Some(name) = row.get::<_, Option<String>>(7)? {
        Some(Anchor::Entity { name })
    } else if let Some(date) = row.get::<_, Option<String>>(8)? {
        Some(Anchor::Event {
            date,
            summary: row.get(9)?,
        })
    } else {
        None
    };
    Ok(Note {
        id: row.get(0)?,
        story: row.get(1)?,
        tags: parse_tags(&text),
        text,
        anchor,
        created: row.get(10)?,
        updated: row.get(11)?,
        deleted: row.get(12)?,
    })
}
