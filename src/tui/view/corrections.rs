//! The corrections menu of what is selected, and the list of corrections to undo.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::fit::fit;

use super::row_style;
use super::window::{centered, hints, window_block};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::keymap::Layer;
use crate::tui::overlay::{CorrectMenu, Corrections};

/// The corrections that apply to the menu's target, one a line.
pub fn menu(app: &App, frame: &mut Frame, area: Rect, menu: &CorrectMenu) {
    let target = menu.target();
    let choices = target.choices();
    let window = centered(area, 70, 50);
    let keys = hints(
        app,
        Layer::List,
        &[(Command::Open, "chooses"), (Command::Back, "cancels")],
    );
    let block = window_block(app, format!(" Correct the {} — {keys} ", target.label()));
    let width = block.inner(window).width as usize;
    let lines: Vec<Line> = choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let selected = i == menu.cursor().index;
            let style = row_style(app, selected, true);
            let mark = if selected { "▸ " } else { "  " };
            Line::styled(
                format!(
                    "{mark}{}",
                    fit(&choice.label(target), width.saturating_sub(2))
                ),
                style,
            )
        })
        .collect();
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}

/// The corrections in force, newest first: id, day made, and what each does.
pub fn list(app: &App, frame: &mut Frame, area: Rect, list: &Corrections) {
    let window = centered(area, 90, 70);
    let keys = hints(
        app,
        Layer::List,
        &[(Command::Remove, "undoes"), (Command::Back, "closes")],
    );
    let count = list.corrections().len();
    let block = window_block(app, format!(" Corrections {count} — {keys} "));
    let inner = block.inner(window);
    let width = inner.width as usize;
    let height = inner.height as usize;
    let mut lines: Vec<Line> = list
        .corrections()
        .iter()
        .enumerate()
        .skip(list.cursor().window_start(height))
        .take(height)
        .map(|(i, stored)| {
            let selected = i == list.cursor().index;
            let style = row_style(app, selected, true);
            let head = format!(
                "{}{:>4}  {}  ",
                if selected { "▸ " } else { "  " },
                stored.id,
                stored.created.get(..10).unwrap_or(&stored.created)
            );
            let what = fit(
                &stored.correction.describe(),
                width.saturating_sub(head.chars().count()),
            );
            Line::from(vec![
                Span::styled(head, style.patch(app.theme().muted)),
                Span::styled(what, style),
            ])
        })
        .collect();
    if count == 0 {
        let correct = app.keymap().key_for(Command::Correct).unwrap_or_default();
        lines.push(Line::styled(
            format!("no corrections yet — {correct} corrects what is selected"),
            app.theme().muted,
        ));
    }
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}
