//! The entities pane: the story's entities grouped by kind, with mention counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::pad;
use super::{pane_block, row_style};
use crate::tui::app::App;
use crate::tui::pane::{EntitiesPane, EntityRow};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let order = app.entity_order();
    let block = pane_block(app, format!(" Entities {} ", order.len()), focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    let rows = EntitiesPane::rows(app.story().open(), &order);
    let start = app.entities().window_start(&rows, inner.height as usize);
    let lines: Vec<Line> = rows
        .iter()
        .skip(start)
        .take(inner.height as usize)
        .map(|row| match row {
            EntityRow::Heading(kind) => {
                Line::from(Span::styled(pad(kind, width), app.theme().muted))
            }
            EntityRow::Entity(position, entity) => {
                let selected = *position == app.entities().cursor.index;
                let count = entity.mentions.len().to_string();
                let name_width = width.saturating_sub(count.len() + 3);
                let style = row_style(app, selected, focused);
                Line::from(vec![
                    Span::styled(if selected { "▸ " } else { "  " }, style),
                    Span::styled(
                        pad(&entity.name, name_width),
                        style.patch(app.theme().kind(entity.kind)),
                    ),
                    Span::styled(format!(" {count}"), style.patch(app.theme().muted)),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
