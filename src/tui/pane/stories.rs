//! The stories pane: every story, the order and filter they are shown in, and which are
//! read or starred (marks kept in the library).

use std::collections::HashSet;

use crate::library::StoryMarks;
use crate::library::StorySummary;
use crate::tui::cursor::Cursor;

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
    pub(crate) rows: Vec<StorySummary>,
    /// Indexes into `rows` after sorting and the unread filter.
    pub(crate) visible: Vec<usize>,
    pub(crate) cursor: Cursor,
    pub(crate) sort: SortOrder,
    pub(crate) unread_only: bool,
    pub(crate) read: HashSet<i64>,
    pub(crate) starred: HashSet<i64>,
    /// How many of `rows` are unread, kept as marks change so a frame never counts them.
    unread: usize,
}

impl StoriesPane {
    /// Every story, newest first.
    pub fn rows(&self) -> &[StorySummary] {
        &self.rows
    }

    /// The stories shown, in the order shown.
    pub fn visible(&self) -> impl Iterator<Item = &StorySummary> {
        self.visible.iter().map(|&i| &self.rows[i])
    }

    /// The selected row's position among the shown stories.
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// How many stories are unread.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// Has the story been opened or marked read?
    pub fn is_read(&self, id: i64) -> bool {
        self.read.contains(&id)
    }

    /// Is the story starred?
    pub fn is_starred(&self, id: i64) -> bool {
        self.starred.contains(&id)
    }

    /// The selected story.
    pub fn selected(&self) -> Option<&StorySummary> {
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
    pub(crate) fn set_rows(&mut self, rows: Vec<StorySummary>) {
        let selected = self.selected().map(|s| s.id);
        self.rows = rows;
        self.refresh();
        if let Some(id) = selected {
            self.select(id);
        }
    }

    /// Takes the read and starred marks kept in the library.
    pub(crate) fn set_marks(&mut self, marks: StoryMarks) {
        self.read = marks.read;
        self.starred = marks.starred;
        self.refresh();
    }

    /// Marks a story read or unread; true when that changed it.
    pub(crate) fn mark_read(&mut self, id: i64, read: bool) -> bool {
        let changed = if read {
            self.read.insert(id)
        } else {
            self.read.remove(&id)
        };
        if changed && self.rows.iter().any(|s| s.id == id) {
            if read {
                self.unread -= 1;
            } else {
                self.unread += 1;
            }
        }
        changed
    }

    /// Marks every shown story read; returns the ones that were unread.
    pub(crate) fn mark_shown_read(&mut self) -> Vec<i64> {
        let unread: Vec<i64> = self
            .visible()
            .map(|s| s.id)
            .filter(|id| !self.read.contains(id))
            .collect();
        self.read.extend(&unread);
        self.unread -= unread.len();
        unread
    }

    /// Stars or unstars a story; returns whether it is starred now.
    pub(crate) fn toggle_star(&mut self, id: i64) -> bool {
        if self.starred.remove(&id) {
            false
        } else {
            self.starred.insert(id);
            true
        }
    }

    /// The first unread story shown after the selection (wrapping round), if any.
    pub(crate) fn next_unread(&self) -> Option<i64> {
        let n = self.visible.len();
        (1..=n)
            .map(|step| &self.rows[self.visible[(self.cursor.index + step) % n]])
            .find(|s| !self.read.contains(&s.id))
            .map(|s| s.id)
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
        // Rows come newest first with undated ones last; unknown dates and sources stay
        // last in every order.
        match self.sort {
            SortOrder::Newest => {}
            SortOrder::Oldest => {
                visible.reverse();
                visible.sort_by_key(|&i| rows[i].published.is_none());
            }
            SortOrder::Source => visible.sort_by_key(|&i| {
                let source = rows[i].source.as_deref().unwrap_or_default().trim();
                (source.is_empty(), source.to_string())
            }),
            SortOrder::Title => visible.sort_by_key(|&i| {
                let title = rows[i].title.trim();
                (title.is_empty(), title.to_lowercase())
            }),
        }
        self.visible = visible;
        self.cursor.clamp(self.visible.len());
        self.unread = rows.iter().filter(|s| !self.read.contains(&s.id)).count();
    }
}
