//! The earlier texts of a story (kept when an import changed it), laid out one after
//! another as the story pane lays out a story, each under a line saying when it was
//! stored and replaced. Computed in `App::update` for the story pane's width.

use ratatui::text::Line;

use crate::library::StoryVersion;
use crate::model::Extract;
use crate::tui::story_text::{self, Highlights};
use crate::tui::theme::Theme;

/// The lines of `versions`, oldest first, wrapped to `width` columns.
pub fn layout(versions: &[StoryVersion], theme: &Theme, width: u16) -> Vec<Line<'static>> {
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
        let story = Extract {
            id: None,
            article: version.article.clone(),
            analysis: Default::default(),
        };
        let text = story_text::layout(&story, &Highlights::default(), theme, width);
        lines.extend(text.lines);
    }
    lines
}

/// "2026-12-07T01:40:12.5Z" as "2026-12-07 01:40" (UTC, as the library stores it).
fn minute(time: &str) -> String {
    time.get(..16).unwrap_or(time).replace('T', " ")
}
