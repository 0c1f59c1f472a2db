//! The notes pane: the open story's live notes.

use crate::library::Note;
use crate::tui::cursor::Cursor;

/// The open story's notes, the selection, and the note deleted last (for undo).
#[derive(Debug, Clone, Default)]
pub struct NotesPane {
    pub(crate) list: Vec<Note>,
    pub(crate) cursor: Cursor,
    pub(crate) last_deleted: Option<i64>,
}

impl NotesPane {
    /// The open story's live notes.
    pub fn list(&self) -> &[Note] {
        &self.list
    }

    /// The selected note.
    pub fn selected(&self) -> Option<&Note> {
        self.list.get(self.cursor.index)
    }

    /// Takes the notes of the open story.
    pub(crate) fn set(&mut self, notes: Vec<Note>) {
        self.list = notes;
        self.cursor.clamp(self.list.len());
    }
}
