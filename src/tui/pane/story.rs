//! The story pane: the open story, laid out for the pane's width, its scroll, and the
//! last search's matches inside it.

use crate::model::Extract;
use crate::tui::story_text::StoryLayout;

/// The open story and how it is shown.
#[derive(Debug, Clone, Default)]
pub struct StoryPane {
    pub(crate) open: Option<Extract>,
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
    pub fn open(&self) -> Option<&Extract> {
        self.open.as_ref()
    }

    /// The open story's library id.
    pub fn id(&self) -> Option<i64> {
        self.open.as_ref().and_then(|s| s.id)
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
