//! Windows for notes: the inline editor, delete confirmation, version history, all notes
//! across the library, and drafts offered back after a crash.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::fit::{fit, pad};
use super::row_style;
use super::window::{centered, hints, window_block};
use crate::library::{Draft, NoteVersion};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::Layer;
use crate::tui::overlay::AllNotes;
use crate::tui::overlay::editor::{Editor, anchor_label};

pub fn editor(app: &App, frame: &mut Frame, area: Rect, editor: &Editor) {
    let window = centered(area, 80, 60);
    let what = if editor.note.is_some() {
        "Edit note"
    } else {
        "New note"
    };
    let mut title = format!(" {what} ");
    if !editor.label.is_empty() {
        title.push_str(&format!(
            "on {} ",
            fit(&editor.label, (window.width as usize).saturating_sub(20))
        ));
    }
    let block = window_block(app, title);
    let inner = block.inner(window);
    frame.render_widget(Clear, window);
    frame.render_widget(block, window);
    let [text, help] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
    frame.render_widget(&editor.textarea, text);
    let hint = if editor.confirm_drop {
        Span::styled(
            format!(
                "Drop your changes? {}",
                hints(
                    app,
                    Layer::Confirm,
                    &[(Command::Yes, "drops them"), (Command::No, "keeps editing")]
                )
            ),
            app.theme().error,
        )
    } else {
        Span::styled(
            format!(
                "{} · drafts are kept every 2 s",
                hints(
                    app,
                    Layer::Editor,
                    &[
                        (Command::SaveNote, "save"),
                        (Command::Back, "close"),
                        (Command::ExternalEdit, "edit in $EDITOR"),
                    ]
                )
            ),
            app.theme().muted,
        )
    };
    frame.render_widget(Paragraph::new(Line::from(hint)), help);
}

pub fn confirm_delete(app: &App, frame: &mut Frame, area: Rect, id: i64) {
    let window = centered(area, 50, 20);
    let block = window_block(app, " Delete note ".to_string());
    let undo = app
        .keymap()
        .key_for(Command::UndoDelete)
        .map(|key| format!(" (undo with {key})"))
        .unwrap_or_default();
    let yes = hints(app, Layer::Confirm, &[(Command::Yes, "deletes")]);
    let no = hints(app, Layer::Confirm, &[(Command::No, "keeps it")]);
    let text = format!("Delete note {id}? {yes}{undo}, {no}");
    frame.render_widget(Clear, window);
    frame.render_widget(
        Paragraph::new(fit(&text, window.width.saturating_sub(2) as usize)).block(block),
        window,
    );
}

pub fn history(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    note: i64,
    versions: &[NoteVersion],
    cursor: &Cursor,
) {
    let window = centered(area, 80, 70);
    let keys = hints(
        app,
        Layer::List,
        &[(Command::Open, "restores"), (Command::Back, "closes")],
    );
    let block = window_block(app, format!(" Versions of note {note} — {keys} "));
    let inner = block.inner(window);
    let width = inner.width as usize;
    let lines: Vec<Line> = versions
        .iter()
        .enumerate()
        .skip(cursor.window_start(inner.height as usize))
        .take(inner.height as usize)
        .map(|(i, v)| {
            let style = row_style(app, i == cursor.index, true);
            let head = format!(
                "{:>3}  {}  ",
                v.version,
                v.saved.get(..16).unwrap_or(&v.saved).replace('T', " ")
            );
            let text = v.text.replace('\n', " ⏎ ");
            Line::from(vec![
                Span::styled(head.clone(), style.patch(app.theme().muted)),
                Span::styled(
                    pad(&text, width.saturating_sub(head.chars().count())),
                    style,
                ),
            ])
        })
        .collect();
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}

pub fn all_notes(app: &App, frame: &mut Frame, area: Rect, window_state: &AllNotes) {
    let (notes, input, cursor) = (
        &window_state.notes,
        &window_state.input,
        &window_state.cursor,
    );
    let window = centered(area, 90, 80);
    let shown = window_state.shown(&app.stories().rows);
    let block = window_block(
        app,
        format!(
            " Notes {}/{} — {} ",
            shown.len(),
            notes.len(),
            hints(
                app,
                Layer::NotesList,
                &[
                    (Command::Open, "opens"),
                    (Command::ExportBriefing, "exports the #tag")
                ]
            )
        ),
    );
    let inner = block.inner(window);
    frame.render_widget(Clear, window);
    frame.render_widget(block, window);
    if inner.height == 0 {
        return;
    }
    let [line, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(input.shown("filter: ", line.width as usize)),
        line,
    );
    let width = list.width as usize;
    let height = (list.height / 2) as usize;
    let mut lines = Vec::new();
    for (i, note) in shown
        .iter()
        .enumerate()
        .skip(cursor.window_start(height))
        .take(height)
    {
        let style = row_style(app, i == cursor.index, true);
        let title = app
            .stories()
            .rows
            .iter()
            .find(|s| s.id == note.story)
            .map_or("", |s| s.title.as_str());
        // The #tags are written in the text itself: shown there once.
        lines.push(Line::from(Span::styled(
            pad(&note.text.replace('\n', " "), width),
            style,
        )));
        let anchor = note
            .anchor
            .as_ref()
            .map(anchor_label)
            .map(|a| format!(" · {a}"))
            .unwrap_or_default();
        lines.push(Line::styled(
            pad(&format!("    {title}{anchor}"), width),
            app.theme().muted,
        ));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

pub fn drafts(app: &App, frame: &mut Frame, area: Rect, drafts: &[Draft], cursor: &Cursor) {
    let window = centered(area, 80, 60);
    let block = window_block(
        app,
        format!(
            " Unsaved drafts — {} ",
            hints(
                app,
                Layer::List,
                &[
                    (Command::Open, "reopens"),
                    (Command::Remove, "discards"),
                    (Command::Back, "later")
                ]
            )
        ),
    );
    let inner = block.inner(window);
    let width = inner.width as usize;
    let lines: Vec<Line> = drafts
        .iter()
        .enumerate()
        .take(inner.height as usize)
        .map(|(i, d)| {
            let style = row_style(app, i == cursor.index, true);
            let title = app
                .stories()
                .rows
                .iter()
                .find(|s| s.id == d.story)
                .map_or("", |s| s.title.as_str());
            let text = format!(
                "{} · {} · {title}",
                d.saved.get(..16).unwrap_or(&d.saved),
                d.text.replace('\n', " ")
            );
            Line::from(Span::styled(pad(&text, width), style))
        })
        .collect();
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}
