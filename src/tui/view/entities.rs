//! The entities pane: the story's entities grouped by kind, with mention counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::pad;
use super::{pane_block, row_style};
use crate::model::Entity;
use crate::tui::app::App;

/// One row of the pane: a kind heading or an entity (its index in the display order).
enum Row<'a> {
    Heading(&'static str),
    Entity(usize, &'a Entity),
}

fn rows<'a>(app: &'a App, order: &[usize]) -> Vec<Row<'a>> {
    let Some(story) = &app.story().open else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut kind = None;
    for (position, &i) in order.iter().enumerate() {
        let entity = &story.analysis.entities[i];
        if kind != Some(entity.kind) {
            kind = Some(entity.kind);
            out.push(Row::Heading(entity.kind.as_str()));
        }
        out.push(Row::Entity(position, entity));
    }
    out
}

/// The first row to show so the selected entity is visible.
fn window_start(rows: &[Row], selected: usize, height: usize) -> usize {
    let row = rows
        .iter()
        .position(|r| matches!(r, Row::Entity(p, _) if *p == selected))
        .unwrap_or(0);
    // Keep the kind heading above the first entity in view.
    if height == 0 {
        0
    } else {
        row.saturating_sub(height - 1)
    }
}

/// The display index of the entity drawn at `row` (inside the border), if any.
pub fn entity_at_row(app: &App, row: usize, height: usize, order: &[usize]) -> Option<usize> {
    let rows = rows(app, order);
    let start = window_start(&rows, app.entities().cursor.index, height);
    match rows.get(start + row)? {
        Row::Entity(position, _) => Some(*position),
        Row::Heading(_) => None,
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let order = app.entity_order();
    let block = pane_block(app, format!(" Entities {} ", order.len()), focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    let rows = rows(app, &order);
    let start = window_start(&rows, app.entities().cursor.index, inner.height as usize);
    let lines: Vec<Line> = rows
        .iter()
        .skip(start)
        .take(inner.height as usize)
        .map(|row| match row {
            Row::Heading(kind) => Line::from(Span::styled(pad(kind, width), app.theme().muted)),
            Row::Entity(position, entity) => {
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
