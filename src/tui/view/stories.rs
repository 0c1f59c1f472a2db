//! The stories pane: date, source and title, newest first, with read marks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::{day, fit, pad};
use super::{pane_block, row_style};
use crate::tui::app::App;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let unread = app
        .stories()
        .rows
        .iter()
        .filter(|s| !app.stories().read.contains(&s.id))
        .count();
    let mut title = format!(
        " Stories {}/{} ",
        app.stories().visible.len(),
        app.stories().rows.len()
    );
    if unread > 0 {
        title.push_str(&format!("· {unread} unread "));
    }
    title.push_str(&format!(
        "· {}{} ",
        app.stories().sort.label(),
        if app.stories().unread_only {
            " · unread only"
        } else {
            ""
        }
    ));
    let block = pane_block(app, title, focused);
    let inner = block.inner(area);
    let height = inner.height as usize;
    let width = inner.width as usize;
    let start = app.stories().cursor.window_start(height);
    let source_width = (width / 5).clamp(4, 14);
    let lines: Vec<Line> = app
        .stories()
        .visible
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(row, &i)| {
            let story = &app.stories().rows[i];
            let selected = row == app.stories().cursor.index;
            let mark = match (selected, app.stories().read.contains(&story.id)) {
                (true, _) => "▸",
                (false, false) => "•",
                (false, true) => " ",
            };
            let date = pad(day(&story.published), 10);
            let source = pad(&story.source, source_width);
            let used = 1 + 11 + source_width + 1;
            let style = row_style(app, selected, focused);
            Line::from(vec![
                Span::styled(mark, style),
                Span::styled(format!("{date} "), style.patch(app.theme().muted)),
                Span::styled(format!("{source} "), style.patch(app.theme().muted)),
                Span::styled(pad(&story.title, width.saturating_sub(used)), style),
            ])
        })
        .collect();
    let body = if app.stories().rows.is_empty() {
        Paragraph::new(fit(
            if app.pending() > 0 {
                "loading…"
            } else {
                "no stories yet — sitrep import PATH"
            },
            width,
        ))
        .style(app.theme().muted)
    } else {
        Paragraph::new(lines)
    };
    frame.render_widget(body.block(block), area);
}
