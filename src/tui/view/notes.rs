//! The notes pane: the open story's notes, their anchors and tags.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::fit;
use super::{pane_block, row_style};
use crate::tui::app::App;
use crate::tui::overlay::editor::anchor_label;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let block = pane_block(app, format!(" Notes {} ", app.notes().list.len()), focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    let start = app.notes().cursor.window_start(inner.height as usize);
    let lines: Vec<Line> = app
        .notes()
        .list
        .iter()
        .enumerate()
        .skip(start)
        .take(inner.height as usize)
        .map(|(i, note)| {
            let selected = i == app.notes().cursor.index;
            let style = row_style(app, selected, focused);
            let first_line = note
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            let anchor = note
                .anchor
                .as_ref()
                .map(anchor_label)
                .map(|a| format!(" · {a}"))
                .unwrap_or_default();
            Line::from(vec![
                Span::styled(if selected { "▸ " } else { "  " }, style),
                Span::styled(
                    fit(&format!("{first_line}{anchor}"), width.saturating_sub(2)),
                    style,
                ),
            ])
        })
        .collect();
    let paragraph = if app.notes().list.is_empty() {
        let hint = match app.keymap().key_for(crate::tui::action::Command::AddNote) {
            Some(key) if app.story().open.is_some() => format!("no notes — {key} adds one"),
            _ => String::new(),
        };
        Paragraph::new(fit(&hint, width)).style(app.theme().muted)
    } else {
        Paragraph::new(lines)
    };
    frame.render_widget(paragraph.block(block), area);
}
