//! What every window over the panes is drawn with: its place, its frame and its key hints.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Block;

use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Layer;

/// A rectangle of `percent_x`×`percent_y` of `area`, centred.
pub(super) fn centered(area: Rect, percent_x: u16, percent_y: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Percentage(percent_y)])
        .flex(Flex::Center)
        .areas(area);
    let [window] = Layout::horizontal([Constraint::Percentage(percent_x)])
        .flex(Flex::Center)
        .areas(row);
    window
}

/// A window's frame, in the focused border's style, with `title`.
pub(super) fn window_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme().border_focused)
        .title(Span::styled(title, app.theme().title))
}

/// "Ctrl-s save · Esc close": the keys bound to `commands` in `layer` with what they do
/// (a command without a key is left out).
pub(super) fn hints(app: &App, layer: Layer, commands: &[(Command, &str)]) -> String {
    commands
        .iter()
        .filter_map(|(command, what)| {
            app.keymap()
                .hint_in(layer, *command)
                .map(|key| format!("{key} {what}"))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
