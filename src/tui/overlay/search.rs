//! The search line and its live results.

use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::{Effect, Outcome};
use crate::tui::panes::Pane;
use crate::tui::request::{Request, SearchRow};
use crate::tui::search_terms::query_words;

/// The search window: what is typed, and the answer to the latest query.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub(crate) input: String,
    pub(crate) results: Vec<SearchRow>,
    pub(crate) cursor: Cursor,
    generation: u64,
    pub(crate) waiting: bool,
    /// The focus to go back to on Esc.
    previous_focus: Option<Pane>,
    /// The name being typed for the query, while saving it.
    pub(crate) naming: Option<String>,
}

impl Search {
    /// An empty search line; Esc goes back to `focus`.
    pub fn new(focus: Pane) -> Search {
        Search {
            previous_focus: Some(focus),
            ..Search::default()
        }
    }

    /// The typed query.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The results of the latest answered query.
    pub fn results(&self) -> &[SearchRow] {
        &self.results
    }

    /// Takes the answer to a query, unless a newer one was sent since.
    pub(crate) fn answered(&mut self, generation: u64, results: Vec<SearchRow>) {
        if generation == self.generation {
            self.results = results;
            self.cursor.clamp(self.results.len());
            self.waiting = false;
        }
    }

    /// A search window running `query`.
    pub fn with_query(focus: Pane, query: &str) -> (Search, Outcome) {
        let mut search = Search::new(focus);
        let outcome = search.edit(|line| line.push_str(query));
        (search, outcome)
    }

    /// The name being typed for the query, while saving it.
    pub fn naming(&self) -> Option<&str> {
        self.naming.as_deref()
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        if let Some(name) = &self.naming {
            return match command {
                Command::Open if !name.trim().is_empty() => {
                    let request = Request::SaveSearch {
                        name: name.trim().to_string(),
                        query: self.input.trim().to_string(),
                    };
                    self.naming = None;
                    Outcome::stay().request(request)
                }
                Command::Back => {
                    self.naming = None;
                    Outcome::stay()
                }
                _ => Outcome::stay(),
            };
        }
        match command {
            Command::SaveSearch if !self.input.trim().is_empty() => {
                self.naming = Some(String::new());
                Outcome::stay()
            }
            Command::Back => match self.previous_focus {
                Some(focus) => Outcome::close().with(Effect::Focus(focus)),
                None => Outcome::close(),
            },
            Command::Open => match self.results.get(self.cursor.index) {
                Some(row) => Outcome::close().with(Effect::OpenStory {
                    id: row.story.id,
                    at: None,
                    entity: None,
                    terms: Some(query_words(&self.input)),
                }),
                None => Outcome::stay(),
            },
            Command::Down => {
                self.cursor.step(1, self.results.len());
                Outcome::stay()
            }
            Command::Up => {
                self.cursor.step(-1, self.results.len());
                Outcome::stay()
            }
            _ => Outcome::stay(),
        }
    }

    /// Changes the query line (or the name being typed) and asks for its results.
    pub(crate) fn edit(&mut self, change: impl FnOnce(&mut String)) -> Outcome {
        if let Some(name) = &mut self.naming {
            change(name);
            return Outcome::stay();
        }
        change(&mut self.input);
        self.generation += 1;
        self.cursor = Cursor::default();
        if self.input.trim().is_empty() {
            self.results.clear();
            self.waiting = false;
            return Outcome::stay();
        }
        self.waiting = true;
        Outcome::stay().request(Request::Search {
            query: self.input.clone(),
            generation: self.generation,
        })
    }
}
