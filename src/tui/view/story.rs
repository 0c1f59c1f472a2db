//! The story pane: the wrapped, highlighted text with a scroll position indicator.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::fit::fit;
use super::pane_block;
use crate::tui::app::App;
use crate::tui::story_text::shown_title;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let width = area.width.saturating_sub(4) as usize;
    let title = match &app.story().open {
        Some(story) => format!(" {} ", fit(shown_title(&story.article.title), width)),
        None => " Story ".to_string(),
    };
    let mut block = pane_block(app, title, focused);
    let inner = block.inner(area);
    let total = app.story().layout.lines.len();
    let height = inner.height as usize;
    if total > height {
        let max = total - height;
        let percent = app.story().scroll.min(max) * 100 / max.max(1);
        block = block.title_bottom(Line::from(format!(" {percent}% ")).right_aligned());
    }
    let paragraph = if app.story().open.is_none() {
        let open = app
            .keymap()
            .key_for(crate::tui::action::Command::Open)
            .map(|key| format!(" and press {key}"))
            .unwrap_or_default();
        Paragraph::new(fit(&format!("Select a story{open}."), inner.width as usize))
            .style(app.theme().muted)
    } else {
        let lines: Vec<Line> = app
            .story()
            .layout
            .lines
            .iter()
            .skip(app.story().scroll)
            .take(height)
            .cloned()
            .collect();
        Paragraph::new(lines)
    };
    frame.render_widget(paragraph.block(block), area);
}
