//! Drawing: pure functions from `&App` to a frame, one file per pane or overlay.

mod corrections;
pub mod entities;
pub mod fit;
mod note_windows;
mod notes;
mod overlays;
mod prompts;
mod quotes;
mod status;
mod stories;
mod story;
mod timeline;
mod window;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use crate::tui::app::App;
use crate::tui::panes::{self, Pane};

/// Draws the whole screen for the current state.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let screen = panes::screen(area.width, area.height, app.focus());
    if let Some(tabs) = screen.tabs {
        draw_tabs(app, frame, tabs);
    }
    for (pane, rect) in &screen.panes {
        let focused = *pane == app.focus();
        match pane {
            Pane::Stories => stories::draw(app, frame, *rect, focused),
            Pane::Story => story::draw(app, frame, *rect, focused),
            Pane::Entities => entities::draw(app, frame, *rect, focused),
            Pane::Quotes => quotes::draw(app, frame, *rect, focused),
            Pane::Notes => notes::draw(app, frame, *rect, focused),
            Pane::Timeline => timeline::draw(app, frame, *rect, focused),
        }
    }
    status::draw(app, frame, screen.status);
    overlays::draw(app, frame, area);
}

/// A bordered block whose border shows whether the pane has focus: in its colour, and
/// drawn thick, so the focus shows without colour too (NO_COLOR).
pub(crate) fn pane_block<'a>(app: &App, title: String, focused: bool) -> Block<'a> {
    let (style, border) = if focused {
        (app.theme().border_focused, BorderType::Thick)
    } else {
        (app.theme().border, BorderType::Plain)
    };
    Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(Span::styled(title, app.theme().title))
}

/// The row style of a list: the selection stands out only in the focused pane.
pub(crate) fn row_style(app: &App, selected: bool, focused: bool) -> Style {
    match (selected, focused) {
        (true, true) => app.theme().selection,
        (true, false) => app
            .theme()
            .muted
            .patch(Style::default().add_modifier(ratatui::style::Modifier::BOLD)),
        _ => Style::default(),
    }
}

fn draw_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let style = if pane == app.focus() {
            app.theme().selection
        } else {
            app.theme().muted
        };
        spans.push(Span::styled(format!(" {} ", pane.label()), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
