//! The story pane: the open story, laid out for the pane's width, its scroll, and the
//! last search's matches inside it.

use crate::model::{Analysis, Article};
use crate::tui::story_text::StoryLayout;

/// A story of the library as the reader shows it: its id, text and analysis, and its
/// sentences as the library splits them (character spans of the body, in order).
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: i64,
    pub article: Article,
    pub analysis: Analysis,
    pub sentences: Vec<(usize, usize)>,
}

/// The open story and how it is shown.
#[derive(Debug, Clone, Default)]
pub struct StoryPane {
    pub(crate) open: Option<Story>,
    pub(crate) layout: StoryLayout,
    pub(crate) scroll: usize,
    /// Words of the last search, found again inside the open story.
    pub(crate) terms: Vec<String>,
    /// Character spans of those words in the body.
    pub(crate) matches: Vec<(usize, usize)>,
    pub(crate) match_index: usize,
}

impl StoryPane {
    /// The open story.
    pub fn open(&self) -> Option<&Story> {
        self.open.as_ref()
    }

    /// The open story's library id.
    pub fn id(&self) -> Option<i64> {
        self.open.as_ref().map(|s| s.id)
    }

    /// The wrapped text.
    pub fn layout(&self) -> &StoryLayout {
        &self.layout
    }

    /// Lines scrolled off the top.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The search matches in the body, as character spans.
    pub fn matches(&self) -> &[(usize, usize)] {
        &self.matches
    }

    /// The match shown last (n / N).
    pub fn match_index(&self) -> usize {
        self.match_index
    }
}
