//! "Delete this note?": y deletes it, anything else keeps it.

use crate::tui::overlay::Outcome;
use crate::tui::request::Request;

/// The note asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfirmDelete {
    pub(crate) note: i64,
}

impl ConfirmDelete {
    pub fn new(note: i64) -> ConfirmDelete {
        ConfirmDelete { note }
    }

    pub(crate) fn answer(&self, yes: bool) -> Outcome {
        if yes {
            Outcome::close().request(Request::DeleteNote(self.note))
        } else {
            Outcome::close()
        }
    }
}
