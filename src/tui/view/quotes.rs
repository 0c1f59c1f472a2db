//! The quotes pane: who said what in the open story.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::fit;
use super::{pane_block, row_style};
use crate::model::QuoteKind;
use crate::tui::app::App;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let quotes = app
        .story()
        .open()
        .map(|s| s.analysis.quotes.as_slice())
        .unwrap_or_default();
    let block = pane_block(app, format!(" Quotes {} ", quotes.len()), focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    let start = app.quotes().cursor.window_start(inner.height as usize);
    let lines: Vec<Line> = quotes
        .iter()
        .enumerate()
        .skip(start)
        .take(inner.height as usize)
        .map(|(i, quote)| {
            let selected = i == app.quotes().cursor.index;
            let style = row_style(app, selected, focused);
            let speaker = quote.speaker.as_deref().unwrap_or("—");
            let label = App::quote_label(quote.kind);
            let speaker_text = fit(speaker, width / 2);
            let used = speaker_text.chars().count() + 2;
            let text = match quote.kind {
                QuoteKind::Reported => format!("{label}: {}", quote.text),
                QuoteKind::Direct => format!("“{}”", quote.text),
                _ => format!("{label} “{}”", quote.text),
            };
            Line::from(vec![
                Span::styled(speaker_text, style.patch(app.theme().speaker)),
                Span::styled(": ", style),
                Span::styled(
                    fit(&text, width.saturating_sub(used)),
                    style.patch(app.theme().quote),
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
