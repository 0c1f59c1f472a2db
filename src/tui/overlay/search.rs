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

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        match command {
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

    /// Changes the query line and asks for its results.
    pub(crate) fn edit(&mut self, change: impl FnOnce(&mut String)) -> Outcome {
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
