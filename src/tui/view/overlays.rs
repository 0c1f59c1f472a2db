//! Windows over the panes: help, search, an entity's stories, and a story's earlier texts.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::fit::{day, fit, pad};
use super::window::{centered, window_block};
use super::{corrections, note_windows, prompts, row_style};
use crate::library::{Found, StorySummary};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::Layer;
use crate::tui::overlay::help::{self, HelpLine};
use crate::tui::overlay::{Overlay, SavedSearches, Search};
use crate::tui::story_text::shown_title;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    match app.overlay() {
        None => {}
        Some(Overlay::Help(help)) => help_window(app, frame, area, help.scroll),
        Some(Overlay::Search(search)) => search_box(app, frame, area, search),
        Some(Overlay::EntityStories(list)) => {
            let window = centered(area, 90, 70);
            let title = format!(
                " Stories mentioning {} ({}) ",
                fit(&list.name, 40),
                list.stories.len()
            );
            story_list(app, frame, window, &title, &list.stories, &list.cursor);
        }
        Some(Overlay::Editor(editor)) => note_windows::editor(app, frame, area, editor),
        Some(Overlay::ConfirmDelete(confirm)) => {
            note_windows::confirm_delete(app, frame, area, confirm.note)
        }
        Some(Overlay::History(history)) => note_windows::history(
            app,
            frame,
            area,
            history.note,
            &history.versions,
            &history.cursor,
        ),
        Some(Overlay::AllNotes(notes)) => note_windows::all_notes(app, frame, area, notes),
        Some(Overlay::Drafts(drafts)) => {
            note_windows::drafts(app, frame, area, &drafts.drafts, &drafts.cursor)
        }
        Some(Overlay::SavedSearches(list)) => saved_searches(app, frame, area, list),
        Some(Overlay::Prompt(prompt)) => prompts::prompt(app, frame, area, prompt),
        Some(Overlay::ConfirmReplace(confirm)) => {
            prompts::confirm_replace(app, frame, area, confirm)
        }
        Some(Overlay::CorrectMenu(menu)) => corrections::menu(app, frame, area, menu),
        Some(Overlay::Corrections(list)) => corrections::list(app, frame, area, list),
        Some(Overlay::StoryVersions(versions)) => story_versions(
            app,
            frame,
            versions.story,
            versions.versions.len(),
            &versions.lines,
            versions.scroll,
        ),
    }
}

/// A story's earlier texts, drawn over the story pane.
fn story_versions(
    app: &App,
    frame: &mut Frame,
    story: i64,
    count: usize,
    lines: &[Line<'static>],
    scroll: usize,
) {
    let area = app.story_area();
    let plural = if count == 1 { "" } else { "s" };
    let block = window_block(
        app,
        format!(
            " {count} earlier text{plural} of story {story} — {} closes ",
            app.keymap().key_for(Command::Back).unwrap_or_default()
        ),
    );
    let height = block.inner(area).height as usize;
    let shown: Vec<Line> = lines.iter().skip(scroll).take(height).cloned().collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// The saved searches: name, query, and unread stories out of those found.
fn saved_searches(app: &App, frame: &mut Frame, area: Rect, list: &SavedSearches) {
    let window = centered(area, 80, 60);
    let keys = |command| {
        app.keymap()
            .hint_in(Layer::List, command)
            .unwrap_or_default()
    };
    let save = app
        .keymap()
        .hint_in(Layer::SearchLine, Command::SaveSearch)
        .unwrap_or_default();
    let block = window_block(
        app,
        format!(
            " Saved searches — {} runs · {} forgets · {save} in the search line saves one ",
            keys(Command::Open),
            keys(Command::Remove)
        ),
    );
    let inner = block.inner(window);
    let width = inner.width as usize;
    let name_width = list
        .searches
        .iter()
        .map(|(s, _)| s.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    let mut lines: Vec<Line> = list
        .searches
        .iter()
        .enumerate()
        .skip(list.cursor.window_start(inner.height as usize))
        .take(inner.height as usize)
        .map(|(i, (search, stories))| {
            let style = row_style(app, i == list.cursor.index, true);
            let unread = stories
                .iter()
                .filter(|id| !app.stories().is_read(**id))
                .count();
            let count = format!(" {unread} unread / {}", stories.len());
            let query_width = width.saturating_sub(2 + name_width + 2 + count.chars().count());
            Line::from(vec![
                Span::styled(if i == list.cursor.index { "▸ " } else { "  " }, style),
                Span::styled(format!("{}  ", pad(&search.name, name_width)), style),
                Span::styled(
                    pad(&search.query, query_width),
                    style.patch(app.theme().muted),
                ),
                Span::styled(count, style),
            ])
        })
        .collect();
    if list.searches.is_empty() {
        lines.push(Line::styled(
            format!("no saved searches yet — in the search line, {save} names the query"),
            app.theme().muted,
        ));
    }
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}

fn help_window(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let window = centered(area, 80, 80);
    let keys: Vec<String> = [Command::Back, Command::Help]
        .into_iter()
        .filter_map(|command| app.keymap().key_for(command))
        .collect();
    let block = window_block(app, format!(" Keys — {} to close ", keys.join(" or ")));
    let inner = block.inner(window);
    let width = inner.width as usize;
    let help = help::lines(app.keymap());
    let key_width = help
        .iter()
        .filter_map(|line| match line {
            HelpLine::Binding(b) => Some(b.keys.join(" ").chars().count()),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        + 2;
    let lines: Vec<Line> = help
        .iter()
        .map(|line| match line {
            HelpLine::Heading(title) => Line::styled(fit(title, width), app.theme().title),
            HelpLine::Binding(binding) => Line::from(vec![
                Span::styled(pad(&binding.keys.join(" "), key_width), app.theme().speaker),
                Span::raw(fit(&binding.desc, width.saturating_sub(key_width))),
            ]),
            HelpLine::Note(text) => Line::styled(fit(text, width), app.theme().muted),
            HelpLine::Blank => Line::default(),
        })
        .collect();
    frame.render_widget(Clear, window);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(block),
        window,
    );
}

fn search_box(app: &App, frame: &mut Frame, area: Rect, search: &Search) {
    let window = centered(area, 90, 80);
    let title = if search.waiting {
        " Search — searching… ".to_string()
    } else {
        format!(" Search — {} ", Found::count_phrase(search.total()))
    };
    let block = window_block(app, title);
    let inner = block.inner(window);
    frame.render_widget(Clear, window);
    frame.render_widget(block, window);
    if inner.height == 0 {
        return;
    }
    let [input, results] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let width = input.width as usize;
    let prompt = match search.naming() {
        Some(name) => name.shown(&format!("save /{} as: ", search.input()), width),
        None => search.line().shown("/", width),
    };
    frame.render_widget(Paragraph::new(prompt), input);
    let width = results.width as usize;
    let height = (results.height as usize) / 2;
    let start = search.cursor.window_start(height);
    let mut lines = Vec::new();
    for (i, row) in search.results.iter().enumerate().skip(start).take(height) {
        let selected = i == search.cursor.index;
        let style = row_style(app, selected, true);
        let head = format!(
            "{} {} ",
            day(row.story.published.as_deref()),
            fit(row.story.source.as_deref().unwrap_or_default(), 16)
        );
        lines.push(Line::from(vec![
            Span::styled(if selected { "▸ " } else { "  " }, style),
            Span::styled(head.clone(), style.patch(app.theme().muted)),
            Span::styled(
                pad(
                    shown_title(&row.story.title),
                    width.saturating_sub(head.chars().count() + 2),
                ),
                style,
            ),
        ]));
        lines.push(highlighted(app, &row.matched, &row.highlight, width));
    }
    if search.results.is_empty() && !search.input().trim().is_empty() && !search.waiting {
        lines.push(Line::styled("no matches", app.theme().muted));
    }
    frame.render_widget(Paragraph::new(lines), results);
}

/// `text` indented, with the characters at `indices` in the match style.
fn highlighted<'a>(app: &App, text: &str, indices: &[usize], width: usize) -> Line<'a> {
    let text = fit(text, width.saturating_sub(4));
    let mut spans = vec![Span::raw("    ")];
    for (i, c) in text.chars().enumerate() {
        let style = if indices.contains(&i) {
            app.theme().search_match
        } else {
            app.theme().muted
        };
        match spans.last_mut() {
            Some(span) if span.style == style && i > 0 => span.content.to_mut().push(c),
            _ => spans.push(Span::styled(c.to_string(), style)),
        }
    }
    Line::from(spans)
}

fn story_list(
    app: &App,
    frame: &mut Frame,
    window: Rect,
    title: &str,
    stories: &[StorySummary],
    cursor: &Cursor,
) {
    let block = window_block(app, title.to_string());
    let inner = block.inner(window);
    let width = inner.width as usize;
    let start = cursor.window_start(inner.height as usize);
    let lines: Vec<Line> = stories
        .iter()
        .enumerate()
        .skip(start)
        .take(inner.height as usize)
        .map(|(i, story)| {
            let selected = i == cursor.index;
            let style = row_style(app, selected, true);
            let head = format!(
                "{} {} ",
                day(story.published.as_deref()),
                pad(story.source.as_deref().unwrap_or_default(), 16)
            );
            Line::from(vec![
                Span::styled(if selected { "▸ " } else { "  " }, style),
                Span::styled(head.clone(), style.patch(app.theme().muted)),
                Span::styled(
                    pad(
                        shown_title(&story.title),
                        width.saturating_sub(head.chars().count() + 2),
                    ),
                    style,
                ),
            ])
        })
        .collect();
    frame.render_widget(Clear, window);
    frame.render_widget(Paragraph::new(lines).block(block), window);
}
