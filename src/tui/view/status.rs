//! The status line: key hints or the latest message, a busy indicator or a fetch's
//! progress, library size.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::fit;
use crate::tui::action::Command;
use crate::tui::app::App;

const HINTS: [(Command, &str); 6] = [
    (Command::Search, "search"),
    (Command::EntityStories, "entity's stories"),
    (Command::Timeline, "timeline"),
    (Command::NextPane, "pane"),
    (Command::Help, "help"),
    (Command::Quit, "quit"),
];

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let right = match (app.fetching(), app.pending()) {
        (Some(progress), _) => format!(" fetching {}/{} ", progress.done, progress.total),
        (None, 0) => format!(" library: {} stories ", app.stories().rows.len()),
        (None, _) => " working… ".to_string(),
    };
    let width = (area.width as usize).saturating_sub(right.chars().count());
    let left = if app.status().text.is_empty() {
        HINTS
            .iter()
            .filter_map(|(command, label)| {
                app.keymap()
                    .key_for(*command)
                    .map(|key| format!("{key} {label}"))
            })
            .collect::<Vec<_>>()
            .join("  ")
    } else {
        app.status().text.clone()
    };
    let left_style = if app.status().is_error {
        app.theme().error
    } else {
        app.theme().status
    };
    let left = fit(&format!(" {left}"), width);
    let padding = width.saturating_sub(unicode_width::UnicodeWidthStr::width(left.as_str()));
    let line = Line::from(vec![
        Span::styled(left, left_style),
        Span::styled(" ".repeat(padding), app.theme().status),
        Span::styled(fit(&right, area.width as usize), app.theme().status),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
