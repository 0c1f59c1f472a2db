//! Commands inside the windows over the panes: help, the search line, an entity's
//! stories, a story's earlier texts; and the search line's text.

use ratatui::text::Line;

use crate::library::StoryVersion;
use crate::tui::action::Command;
use crate::tui::app::{App, Overlay, SearchState};
use crate::tui::cursor::Cursor;
use crate::tui::panes::Pane;
use crate::tui::request::{Request, StoryRow};

impl App {
    pub(crate) fn help_command(&mut self, command: Command, scroll: usize) -> Vec<Request> {
        let lines = self.keymap.bindings().len();
        let scroll = match command {
            Command::Help | Command::Back | Command::Quit => return Vec::new(),
            Command::Down => (scroll + 1).min(lines.saturating_sub(1)),
            Command::Up => scroll.saturating_sub(1),
            Command::Top => 0,
            Command::Bottom => lines.saturating_sub(1),
            _ => scroll,
        };
        self.overlay = Some(Overlay::Help { scroll });
        Vec::new()
    }

    /// Scrolls the earlier texts of a story; Esc, q or V closes them.
    pub(crate) fn story_versions_command(
        &mut self,
        command: Command,
        story: i64,
        versions: Vec<StoryVersion>,
        lines: Vec<Line<'static>>,
        scroll: usize,
    ) -> Vec<Request> {
        let (_, height) = self.story_viewport();
        let height = height as usize;
        let last = lines.len().saturating_sub(height);
        let page = (height / 2).max(1);
        let scroll = match command {
            Command::StoryVersions | Command::Back | Command::Quit => return Vec::new(),
            Command::Down => scroll + 1,
            Command::Up => scroll.saturating_sub(1),
            Command::PageDown | Command::HalfPageDown => scroll + page,
            Command::PageUp | Command::HalfPageUp => scroll.saturating_sub(page),
            Command::Top => 0,
            Command::Bottom => last,
            _ => scroll,
        };
        self.overlay = Some(Overlay::StoryVersions {
            story,
            versions,
            lines,
            scroll: scroll.min(last),
        });
        Vec::new()
    }

    pub(crate) fn search_command(
        &mut self,
        command: Command,
        mut search: SearchState,
    ) -> Vec<Request> {
        match command {
            Command::Back => {
                if let Some(focus) = search.previous_focus {
                    self.focus = focus;
                }
                Vec::new()
            }
            Command::Open => {
                let Some(row) = search.results.get(search.cursor.index) else {
                    self.overlay = Some(Overlay::Search(search));
                    return Vec::new();
                };
                let id = row.story.id;
                self.search_terms = query_words(&search.input);
                self.focus = Pane::Story;
                vec![Request::OpenStory { id, at: None }]
            }
            Command::Down | Command::Up => {
                search.cursor.step(
                    if command == Command::Down { 1 } else { -1 },
                    search.results.len(),
                );
                self.overlay = Some(Overlay::Search(search));
                Vec::new()
            }
            _ => {
                self.overlay = Some(Overlay::Search(search));
                Vec::new()
            }
        }
    }

    pub(crate) fn entity_stories_command(
        &mut self,
        command: Command,
        name: String,
        stories: Vec<StoryRow>,
        mut cursor: Cursor,
    ) -> Vec<Request> {
        match command {
            Command::Back | Command::Quit => Vec::new(),
            Command::Open => match stories.get(cursor.index) {
                Some(row) => {
                    let id = row.id;
                    self.selected_entity = Some(name);
                    self.focus = Pane::Story;
                    vec![Request::OpenStory { id, at: None }]
                }
                None => Vec::new(),
            },
            _ => {
                match command {
                    Command::Top => cursor.top(),
                    Command::Bottom => cursor.bottom(stories.len()),
                    Command::Down => cursor.step(1, stories.len()),
                    Command::Up => cursor.step(-1, stories.len()),
                    _ => {}
                }
                self.overlay = Some(Overlay::EntityStories {
                    name,
                    stories,
                    cursor,
                });
                Vec::new()
            }
        }
    }

    pub(crate) fn type_char(&mut self, c: char) -> Vec<Request> {
        match &mut self.overlay {
            Some(Overlay::Search(search)) => {
                search.input.push(c);
                search_request(search)
            }
            Some(Overlay::AllNotes { input, cursor, .. }) => {
                input.push(c);
                *cursor = Cursor::default();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    pub(crate) fn delete_char(&mut self) -> Vec<Request> {
        match &mut self.overlay {
            Some(Overlay::Search(search)) => {
                search.input.pop();
                search_request(search)
            }
            Some(Overlay::AllNotes { input, cursor, .. }) => {
                input.pop();
                *cursor = Cursor::default();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

fn search_request(search: &mut SearchState) -> Vec<Request> {
    search.generation += 1;
    search.cursor = Cursor::default();
    if search.input.trim().is_empty() {
        search.results.clear();
        search.waiting = false;
        return Vec::new();
    }
    search.waiting = true;
    vec![Request::Search {
        query: search.input.clone(),
        generation: search.generation,
    }]
}

/// The free words of a search query (filters such as `source:` left out).
pub fn query_words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .filter(|w| !w.contains(':'))
        .map(|w| w.trim_matches('"').to_lowercase())
        .filter(|w| w.chars().count() >= 2)
        .collect()
}

/// Character ranges where any of `terms` occurs in `body`, case-insensitively, in order.
pub fn find_terms(body: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    let lower: Vec<char> = body.chars().flat_map(|c| c.to_lowercase().next()).collect();
    let mut out = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - needle.len() {
            if lower[start..start + needle.len()] == needle[..] {
                out.push((start, start + needle.len()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(crate) fn finds_terms_case_insensitively_by_char_offset() {
        let body = "Zoë met the EU envoy. The eu said no.";
        let m = find_terms(body, &["eu".to_string()]);
        assert_eq!(m, vec![(12, 14), (26, 28)]);
        assert_eq!(
            query_words("source:\"Gulf\" Grain deal x"),
            vec!["grain", "deal"]
        );
    }
}
