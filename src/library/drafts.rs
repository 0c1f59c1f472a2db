//! Drafts: what the note editor holds but has not saved, written every few seconds so
//! a crash or a killed terminal loses at most those seconds. A library keeps one draft
//! per subject (a note being edited, or a new note's story and anchor); saving the note
//! removes its draft in the same transaction, and drafts left behind are offered back.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::anchors::{self, Anchor, AnchorTarget};
use super::draft_subject::Subject;
use super::notes::{load_note, now, require_story};
use super::{Library, LibraryError};

/// Unsaved note text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: i64,
    pub story: i64,
    /// The note being edited; `None` for a new note.
    pub note: Option<i64>,
    /// The anchor of the note being edited, or of the new note.
    pub anchor: Option<Anchor>,
    pub text: String,
    /// RFC 3339 time of the latest save.
    pub saved: String,
}

impl Library {
    /// Saves the editor's text (replacing the previous draft of the same subject) and
    /// returns the draft. With `note`, the draft is an edit of that note of `story` and
    /// keeps the note's anchor; without, it is a new note anchored to `anchor`.
    pub fn save_draft(
        &mut self,
        story: i64,
        anchor: Option<&AnchorTarget>,
        note: Option<i64>,
        text: &str,
    ) -> Result<Draft, LibraryError> {
        let text = crate::sanitize::clean_text(text);
        let now = now();
        let id = self.write(|tx| {
            let anchor = match (note, anchor) {
                (Some(note), _) => {
                    let current = load_note(tx, note)?;
                    if current.story != story {
                        return Err(LibraryError::InvalidNote(format!(
                            "note {note} belongs to story {}, not story {story}",
                            current.story
                        )));
                    }
                    current.anchor
                }
                (None, Some(target)) => Some(anchors::resolve(tx, story, target)?),
                (None, None) => {
                    require_story(tx, story)?;
                    None
                }
            };
            let subject = match note {
                Some(note) => Subject::Note(note),
                None => Subject::new_note(story, anchor.as_ref()),
            };
            let anchor_json = anchor.as_ref().map(serde_json::to_string).transpose();
            let anchor_json =
                anchor_json.map_err(|error| LibraryError::Damaged(error.to_string()))?;
            let id = tx
                .prepare_cached(
                    "INSERT INTO drafts (subject, article_id, note_id, anchor, text, saved_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (subject) DO UPDATE SET text = excluded.text,
                         saved_at = excluded.saved_at
                     RETURNING id",
                )?
                .query_row(
                    params![subject.key(), story, note, anchor_json, text, now],
                    |row| row.get(0),
                )?;
            Ok(id)
        })?;
        self.draft(id)
    }

    /// Every draft left unsaved, newest first.
    pub fn drafts(&self) -> Result<Vec<Draft>, LibraryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, article_id, note_id, anchor, text, saved_at FROM drafts
             ORDER BY saved_at DESC, id DESC",
        )?;
        let rows = statement.query_map([], draft_from_row)?;
        rows.map(|row| row?.into_draft()).collect()
    }

    /// Throws a draft away.
    pub fn discard_draft(&mut self, id: i64) -> Result<(), LibraryError> {
        self.write(|tx| {
            let removed = tx
                .prepare_cached("DELETE FROM drafts WHERE id = ?1")?
                .execute([id])?;
            if removed == 0 {
                return Err(LibraryError::NoSuchDraft(id));
            }
            Ok(())
        })
    }

    fn draft(&self, id: i64) -> Result<Draft, LibraryError> {
        self.conn
            .prepare_cached(
                "SELECT id, article_id, note_id, anchor, text, saved_at FROM drafts WHERE id = ?1",
            )?
            .query_row([id], draft_from_row)
            .optional()?
            .ok_or(LibraryError::NoSuchDraft(id))?
            .into_draft()
    }
}

/// A draft as stored, its anchor still JSON.
struct StoredDraft {
    draft: Draft,
    anchor: Option<String>,
}

impl StoredDraft {
    fn into_draft(self) -> Result<Draft, LibraryError> {
        let anchor = match self.anchor {
            Some(json) => Some(serde_json::from_str(&json).map_err(|_| {
                LibraryError::Damaged(format!("draft {} has an unreadable anchor", self.draft.id))
            })?),
            None => None,
        };
        Ok(Draft {
            anchor,
            ..self.draft
        })
    }
}

fn draft_from_row(row: &Row) -> rusqlite::Result<StoredDraft> {
    Ok(StoredDraft {
        draft: Draft {
            id: row.get(0)?,
            story: row.get(1)?,
            note: row.get(2)?,
            anchor: None,
            text: row.get(4)?,
            saved: row.get(5)?,
        },
        anchor: row.get(3)?,
    })
}
