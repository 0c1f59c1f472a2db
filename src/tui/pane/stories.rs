//! The stories pane: every story, the order and filter they are shown in, and which are
//! read.

use std::collections::HashSet;

use crate::tui::cursor::Cursor;
use crate::tui::request::StoryRow;

/// How the stories pane is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    Newest,
    Oldest,
    Source,
    Title,
}

impl SortOrder {
    pub(crate) fn next(self) -> SortOrder {
        match self {
            SortOrder::Newest => SortOrder::Oldest,
            SortOrder::Oldest => SortOrder::Source,
            SortOrder::Source => SortOrder::Title,
            SortOrder::Title => SortOrder::Newest,
        }
    }

    /// The name shown in the stories pane's title.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
            SortOrder::Source => "source",
            SortOrder::Title => "title",
        }
    }
}

/// The stories pane's state.
#[derive(Debug, Clone, Default)]
pub struct StoriesPane {
    /// Every story, newest first, as loaded.
    pub(crate) rows: Vec<StoryRow>,
    /// Indexes into `rows` after sorting and the unread filter.
    pub(crate) visible: Vec<usize>,
    pub(crate) cursor: Cursor,
    pub(crate) sort: SortOrder,
    pub(crate) unread_only: bool,
    pub(crate) read: HashSet<i64>,
}

impl StoriesPane {
    /// Every story, newest first.
    pub fn rows(&self) -> &[StoryRow] {
        &self.rows
    }

    /// The stories shown, in the order shown.
    pub fn visible(&self) -> impl Iterator<Item = &StoryRow> {
        self.visible.iter().map(|&i| &self.rows[i])
    }

    /// The selected row's position among the shown stories.
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// Has the story been opened or marked read?
    pub fn is_read(&self, id: i64) -> bool {
        self.read.contains(&id)
    }

    /// The selected story.
    pub fn selected(&self) -> Option<&StoryRow> {
        self.visible.get(self.cursor.index).map(|&i| &self.rows[i])
    }

    /// The title of story `id`, if it is loaded.
    pub fn title_of(&self, id: i64) -> Option<&str> {
        self.rows
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.as_str())
    }

    /// Takes a new list of stories and keeps the selection on the same story.
    pub(crate) fn set_rows(&mut self, rows: Vec<StoryRow>) {
        let selected = self.selected().map(|s| s.id);
        self.rows = rows;
        self.refresh();
        if let Some(id) = selected {
            self.select(id);
        }
    }

    /// Moves the selection to story `id` if it is shown.
    pub(crate) fn select(&mut self, id: i64) {
        if let Some(pos) = self.visible.iter().position(|&i| self.rows[i].id == id) {
            self.cursor.index = pos;
        }
    }

    /// Recomputes the shown stories after a change of order, filter or read marks.
    pub(crate) fn refresh(&mut self) {
        let mut visible: Vec<usize> = (0..self.rows.len())
            .filter(|&i| !self.unread_only || !self.read.contains(&self.rows[i].id))
            .collect();
        let rows = &self.rows;
        match self.sort {
            SortOrder::Newest => {}
            SortOrder::Oldest => visible.reverse(),
            SortOrder::Source => visible.sort_by(|&a, &b| rows[a].source.cmp(&rows[b].source)),
            SortOrder::Title => visible.sort_by_key(|&i| rows[i].title.to_lowercase()),
        }
        self.visible = visible;
        self.cursor.clamp(self.visible.len());
    }
}
