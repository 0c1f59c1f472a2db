//! The analyst's corrections in force, newest first; the forget key undoes the selected
//! one.

use crate::library::StoredCorrection;
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::{Outcome, move_cursor};
use crate::tui::request::Request;

/// The list of corrections.
#[derive(Debug, Clone)]
pub struct Corrections {
    corrections: Vec<StoredCorrection>,
    cursor: Cursor,
}

impl Corrections {
    /// The list of `corrections` (in the order made), newest first.
    pub fn new(mut corrections: Vec<StoredCorrection>) -> Corrections {
        corrections.reverse();
        Corrections {
            corrections,
            cursor: Cursor::default(),
        }
    }

    /// Takes a fresh list (after an undo), keeping the selection in range.
    pub(crate) fn set(&mut self, corrections: Vec<StoredCorrection>) {
        let cursor = self.cursor;
        *self = Corrections::new(corrections);
        self.cursor = cursor;
        self.cursor.clamp(self.corrections.len());
    }

    /// The corrections shown, newest first.
    pub fn corrections(&self) -> &[StoredCorrection] {
        &self.corrections
    }

    /// The selected line.
    pub fn cursor(&self) -> &Cursor {
        &self.cursor
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        match command {
            Command::Back | Command::Quit => Outcome::close(),
            Command::Remove => match self.corrections.get(self.cursor.index) {
                Some(stored) => Outcome::stay().request(Request::UndoCorrection(stored.id)),
                None => Outcome::stay(),
            },
            _ => {
                move_cursor(&mut self.cursor, command, self.corrections.len());
                Outcome::stay()
            }
        }
    }
}
