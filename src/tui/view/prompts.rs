//! Questions over the panes: one answered with a line of text, and "replace this file?".

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use super::fit::fit;

use super::window::{hints, window_block};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::overlay::{ConfirmReplace, Prompt};

/// A window of `height` rows, nine tenths of the screen wide, centred.
fn question_window(area: Rect, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [window] = Layout::horizontal([Constraint::Percentage(90)])
        .flex(Flex::Center)
        .areas(row);
    window
}

/// The question as the title, the answer line with its cursor inside.
pub fn prompt(app: &App, frame: &mut Frame, area: Rect, prompt: &Prompt) {
    let window = question_window(area, 3);
    let keys = hints(
        app,
        Layer::Prompt,
        &[(Command::Open, "answers"), (Command::Back, "cancels")],
    );
    let block = window_block(app, format!(" {} — {keys} ", prompt.question()));
    let inner = block.inner(window);
    frame.render_widget(Clear, window);
    frame.render_widget(
        Paragraph::new(prompt.line().shown("", inner.width as usize)).block(block),
        window,
    );
}

/// "This file exists. Replace it?", the full path on its own line.
pub fn confirm_replace(app: &App, frame: &mut Frame, area: Rect, confirm: &ConfirmReplace) {
    let window = question_window(area, 4);
    let block = window_block(app, " Replace the file? ".to_string());
    let width = block.inner(window).width as usize;
    let yes = hints(app, Layer::Confirm, &[(Command::Yes, "replaces it")]);
    let no = hints(app, Layer::Confirm, &[(Command::No, "names another file")]);
    let lines = vec![
        Line::raw(fit(confirm.path(), width)),
        Line::raw(fit(&format!("This file exists. {yes}, {no}."), width)),
    ];
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}
