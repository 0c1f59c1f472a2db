//! Commands inside the windows over the panes: help, the search line, an entity's
//! stories, a story's earlier texts; and the search line's text.

use ratatui::text::Line;

use crate::library::StoryVersion;
use crate::tui::action::Command;
use crate::tui::app::{App, Overlay, SearchState};
use crate::tui::cursor::Cursor;
use crate::tui::panes::Pane;
use crate::tui::request::{Request, SearchPage, StoryRow};

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
                self.search_terms = search.terms.clone();
                self.focus = Pane::Story;
                vec![Request::OpenStory { id, at: None }]
            }
            Command::Down | Command::Up => {
                search.cursor.step(
                    if command == Command::Down { 1 } else { -1 },
                    search.results.len(),
                );
                let requests = next_page_request(&mut search);
                self.overlay = Some(Overlay::Search(search));
                requests
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
        search.total = 0;
        search.waiting = false;
        return Vec::new();
    }
    search.waiting = true;
    vec![Request::Search {
        query: search.input.clone(),
        generation: search.generation,
        offset: 0,
    }]
}

/// The next page of results, once the cursor is on the last one loaded and more match.
fn next_page_request(search: &mut SearchState) -> Vec<Request> {
    let loaded = search.results.len();
    if search.waiting || loaded >= search.total || search.cursor.index + 1 < loaded {
        return Vec::new();
    }
    search.waiting = true;
    vec![Request::Search {
        query: search.input.clone(),
        generation: search.generation,
        offset: loaded,
    }]
}

impl SearchState {
    /// Takes in a page of results: the first replaces the results, the next extends them.
    pub(crate) fn add_page(&mut self, page: SearchPage) {
        if page.offset == 0 {
            self.results = page.rows;
        } else if page.offset == self.results.len() {
            self.results.extend(page.rows);
        }
        self.total = page.total;
        self.terms = page.terms;
        self.cursor.clamp(self.results.len());
        self.waiting = false;
    }
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
    use crate::tui::request::{SearchRow, StoryRow};

    fn page(offset: usize, count: usize, total: usize) -> SearchPage {
        let row = |i: usize| SearchRow {
            story: StoryRow {
                id: i as i64,
                title: format!("Story {i}"),
                source: String::new(),
                published: String::new(),
            },
            matched: String::new(),
            highlight: Vec::new(),
        };
        SearchPage {
            offset,
            total,
            rows: (offset..offset + count).map(row).collect(),
            terms: vec!["grain".to_string()],
        }
    }

    #[test]
    fn the_next_page_is_asked_for_at_the_last_result_and_appended() {
        let mut search = SearchState {
            input: "grain".to_string(),
            ..SearchState::default()
        };
        assert_eq!(search_request(&mut search).len(), 1);
        search.add_page(page(0, 50, 120));
        assert_eq!((search.results.len(), search.total), (50, 120));
        search.cursor.index = 48;
        assert!(next_page_request(&mut search).is_empty());
        search.cursor.index = 49;
        let asked = next_page_request(&mut search);
        assert_eq!(
            asked,
            [Request::Search {
                query: "grain".to_string(),
                generation: search.generation,
                offset: 50,
            }]
        );
        assert!(
            next_page_request(&mut search).is_empty(),
            "one request at a time"
        );
        search.add_page(page(50, 50, 120));
        search.add_page(page(50, 50, 120));
        assert_eq!(
            search.results.len(),
            100,
            "a page already taken in is not added twice"
        );
        search.cursor.index = 99;
        search.add_page(page(100, 20, 120));
        search.cursor.index = 119;
        assert!(next_page_request(&mut search).is_empty(), "all 120 loaded");
        assert_eq!(search.results[119].story.id, 119);
    }

    #[test]
    pub(crate) fn finds_terms_case_insensitively_by_char_offset() {
        let body = "Zoë met the EU envoy. The eu said no.";
        let m = find_terms(body, &["eu".to_string()]);
        assert_eq!(m, vec![(12, 14), (26, 28)]);
    }
}
