//! The timeline pane: related events in date order, each with its sources.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::pad;
use super::{pane_block, row_style};
use crate::tui::app::App;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let timeline = &app.timeline();
    let title = if timeline.title.is_empty() {
        " Timeline ".to_string()
    } else {
        format!(" Timeline · {} ", timeline.title)
    };
    let block = pane_block(app, title, focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    let own = app.story().id();
    let start = timeline.cursor.window_start(inner.height as usize);
    let lines: Vec<Line> = timeline
        .events
        .iter()
        .enumerate()
        .skip(start)
        .take(inner.height as usize)
        .map(|(i, event)| {
            let selected = i == timeline.cursor.index;
            let style = row_style(app, selected, focused);
            let is_own = event.sources.iter().any(|s| Some(s.id) == own);
            let others = event.sources.len() - usize::from(is_own);
            let sources = match (is_own, others) {
                (true, 0) => "← this story".to_string(),
                (true, n) => format!("← this story, +{n} source{}", if n == 1 { "" } else { "s" }),
                (false, 1) => format!(
                    "← {}",
                    event.sources[0].source.as_deref().unwrap_or_default()
                ),
                (false, n) => format!("← {n} sources"),
            };
            let source_width = (width / 3).min(36);
            let summary_width = width.saturating_sub(13 + source_width);
            let summary_style = if is_own {
                style.patch(app.theme().own_event)
            } else {
                style
            };
            Line::from(vec![
                Span::styled(if selected { "▸" } else { " " }, style),
                Span::styled(pad(&event.date, 11), style.patch(app.theme().date)),
                Span::styled(" ", style),
                Span::styled(pad(&event.summary, summary_width), summary_style),
                Span::styled(pad(&sources, source_width), style.patch(app.theme().muted)),
            ])
        })
        .collect();
    let paragraph = if timeline.events.is_empty() {
        Paragraph::new(pad("no dated events yet", width)).style(app.theme().muted)
    } else {
        Paragraph::new(lines)
    };
    frame.render_widget(paragraph.block(block), area);
}
