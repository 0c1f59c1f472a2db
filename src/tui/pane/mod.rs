//! The state of each pane of the main screen, with the updates that concern only that
//! pane. `App` composes them and carries out what crosses panes (opening a story moves
//! the list, selecting an entity highlights the story).

mod entities;
mod notes;
mod stories;
mod story;
mod timeline;

pub use entities::{EntitiesPane, EntityRow};
pub use notes::NotesPane;
pub use stories::{SortOrder, StoriesPane};
pub use story::{Story, StoryPane};
pub use timeline::Timeline;

use crate::tui::cursor::Cursor;

/// The quotes pane: its cursor.
#[derive(Debug, Clone, Default)]
pub struct QuotesPane {
    pub(crate) cursor: Cursor,
}

impl QuotesPane {
    /// The selected quote's index.
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }
}
