//! What a draft is a draft of, and how a saved note's draft is discarded (in the
//! transaction that saves the note).

use rusqlite::Connection;

use super::LibraryError;
use super::anchors::Anchor;

/// What a draft is a draft of; there is at most one draft per subject.
pub(super) enum Subject<'a> {
    /// Edits of an existing note.
    Note(i64),
    /// A new note on a story, with its anchor.
    NewNote {
        story: i64,
        anchor: Option<&'a Anchor>,
    },
}

impl<'a> Subject<'a> {
    pub(super) fn new_note(story: i64, anchor: Option<&'a Anchor>) -> Self {
        Subject::NewNote { story, anchor }
    }

    /// The stored key of the subject.
    pub(super) fn key(&self) -> String {
        match self {
            Subject::Note(id) => format!("note {id}"),
            Subject::NewNote { story, anchor } => {
                let anchor = serde_json::to_string(anchor).unwrap_or_default();
                format!("new note on story {story} at {anchor}")
            }
        }
    }
}

/// Removes the draft of `subject`, if any; call in the transaction that saves it.
pub(super) fn discard_subject(conn: &Connection, subject: &Subject) -> Result<(), LibraryError> {
    conn.prepare_cached("DELETE FROM drafts WHERE subject = ?1")?
        .execute([subject.key()])?;
    Ok(())
}
