//! The earlier texts of a story, oldest first, laid out over the story pane as the story
//! pane lays out a story, each under a line saying when it was stored and replaced.

use ratatui::text::Line;

use crate::library::StoryVersion;
use crate::model::Analysis;
use crate::tui::action::Command;
use crate::tui::overlay::{Context, Outcome};
use crate::tui::story_text::{self, Highlights};
use crate::tui::theme::Theme;

/// A story's earlier texts and how far they are scrolled.
#[derive(Debug, Clone)]
pub struct StoryVersions {
    pub(crate) story: i64,
    pub(crate) versions: Vec<StoryVersion>,
    pub(crate) lines: Vec<Line<'static>>,
    pub(crate) scroll: usize,
}

impl StoryVersions {
    /// The versions of `story`, laid out `width` columns wide.
    pub fn new(
        story: i64,
        versions: Vec<StoryVersion>,
        theme: &Theme,
        width: u16,
    ) -> StoryVersions {
        let lines = layout(&versions, theme, width);
        StoryVersions {
            story,
            versions,
            lines,
            scroll: 0,
        }
    }

    /// The earlier texts, oldest first.
    pub fn versions(&self) -> &[StoryVersion] {
        &self.versions
    }

    /// The laid-out lines.
    pub fn lines(&self) -> &[Line<'static>] {
        &self.lines
    }

    /// Lines scrolled off the top.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Lays the texts out again for a new width.
    pub(crate) fn relayout(&mut self, theme: &Theme, width: u16) {
        self.lines = layout(&self.versions, theme, width);
    }

    /// Scrolls; Esc, q or V closes.
    pub(crate) fn command(&mut self, command: Command, context: &Context) -> Outcome {
        let height = context.story_rows;
        let last = self.lines.len().saturating_sub(height);
        let page = (height / 2).max(1);
        self.scroll = match command {
            Command::StoryVersions | Command::Back | Command::Quit => return Outcome::close(),
            Command::Down => self.scroll + 1,
            Command::Up => self.scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => self.scroll + page,
            Command::PageUp | Command::HalfPageUp => self.scroll.saturating_sub(page),
            Command::Top => 0,
            Command::Bottom => last,
            _ => self.scroll,
        }
        .min(last);
        Outcome::stay()
    }
}

/// The lines of `versions`, oldest first, wrapped to `width` columns.
fn layout(versions: &[StoryVersion], theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for version in versions {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            format!(
                "── version {} · stored {} · replaced {}",
                version.version,
                minute(&version.stored),
                minute(&version.replaced)
            ),
            theme.muted,
        ));
        let text = story_text::layout(
            &version.article,
            &Analysis::default(),
            &Highlights::default(),
            theme,
            width,
        );
        lines.extend(text.lines);
    }
    lines
}

/// "2026-12-07T01:40:12.5Z" as "2026-12-07 01:40" (UTC, as the library stores it).
fn minute(time: &str) -> String {
    time.get(..16).unwrap_or(time).replace('T', " ")
}
