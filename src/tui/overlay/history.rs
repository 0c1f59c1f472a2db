//! The saved versions of a note; Enter restores one.

use crate::library::NoteVersion;
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::{Outcome, move_cursor};
use crate::tui::request::Request;

/// A note's versions, oldest first, the newest selected.
#[derive(Debug, Clone)]
pub struct History {
    pub(crate) note: i64,
    pub(crate) versions: Vec<NoteVersion>,
    pub(crate) cursor: Cursor,
}

impl History {
    pub fn new(note: i64, versions: Vec<NoteVersion>) -> History {
        let cursor = Cursor {
            index: versions.len().saturating_sub(1),
        };
        History {
            note,
            versions,
            cursor,
        }
    }

    /// The versions shown.
    pub fn versions(&self) -> &[NoteVersion] {
        &self.versions
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        match command {
            Command::Open => match self.versions.get(self.cursor.index) {
                Some(v) => Outcome::close().request(Request::RestoreNote {
                    id: self.note,
                    version: v.version,
                }),
                None => Outcome::close(),
            },
            Command::Back | Command::Quit => Outcome::close(),
            _ => {
                move_cursor(&mut self.cursor, command, self.versions.len());
                Outcome::stay()
            }
        }
    }
}
