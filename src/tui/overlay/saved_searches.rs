//! The saved searches, with how many unread stories each finds: Enter runs one in the
//! search window, d forgets it.

use crate::library::SavedSearch;
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::{Effect, Outcome, move_cursor};
use crate::tui::request::Request;

/// The list of saved searches.
#[derive(Debug, Clone)]
pub struct SavedSearches {
    /// Each search with the ids of the stories it finds.
    pub(crate) searches: Vec<(SavedSearch, Vec<i64>)>,
    pub(crate) cursor: Cursor,
}

impl SavedSearches {
    pub fn new(searches: Vec<(SavedSearch, Vec<i64>)>) -> SavedSearches {
        SavedSearches {
            searches,
            cursor: Cursor::default(),
        }
    }

    /// The saved searches with the stories each finds.
    pub fn searches(&self) -> &[(SavedSearch, Vec<i64>)] {
        &self.searches
    }

    /// Takes a fresh list (after a save or delete), keeping the selection in range.
    pub(crate) fn set(&mut self, searches: Vec<(SavedSearch, Vec<i64>)>) {
        self.searches = searches;
        self.cursor.clamp(self.searches.len());
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        let selected = self.searches.get(self.cursor.index).map(|(s, _)| s);
        match command {
            Command::Open => match selected {
                Some(search) => Outcome::close().with(Effect::Search(search.query.clone())),
                None => Outcome::stay(),
            },
            Command::Remove => match selected {
                Some(search) => Outcome::stay().request(Request::DeleteSavedSearch(search.id)),
                None => Outcome::stay(),
            },
            Command::Back | Command::Quit => Outcome::close(),
            _ => {
                move_cursor(&mut self.cursor, command, self.searches.len());
                Outcome::stay()
            }
        }
    }
}
