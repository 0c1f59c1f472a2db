//! The search line and its live results.

use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::line_edit::LineEdit;
use crate::tui::overlay::{Effect, Outcome};
use crate::tui::panes::Pane;
use crate::tui::request::{Request, SearchPage, SearchRow};

/// The search window: what is typed, and the answer to the latest query.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub(crate) input: LineEdit,
    /// The results loaded so far (pages from the first), of `total`.
    pub(crate) results: Vec<SearchRow>,
    pub(crate) total: usize,
    /// The query's words, highlighted in a story opened from the results.
    terms: Vec<String>,
    pub(crate) cursor: Cursor,
    generation: u64,
    pub(crate) waiting: bool,
    /// The focus to go back to on Esc.
    previous_focus: Option<Pane>,
    /// The name being typed for the query, while saving it.
    pub(crate) naming: Option<LineEdit>,
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
        self.input.text()
    }

    /// The query line with its cursor.
    pub fn line(&self) -> &LineEdit {
        &self.input
    }

    /// The results of the latest answered query.
    pub fn results(&self) -> &[SearchRow] {
        &self.results
    }

    /// How many stories match the query, loaded or not.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Takes in a page of the answer to a query, unless a newer query was sent since:
    /// the first page replaces the results, the next extends them.
    pub(crate) fn answered(&mut self, generation: u64, page: SearchPage) {
        if generation != self.generation {
            return;
        }
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

    /// The next page of results, once the cursor is on the last one loaded and more match.
    fn next_page(&mut self) -> Outcome {
        let loaded = self.results.len();
        if self.waiting || loaded >= self.total || self.cursor.index + 1 < loaded {
            return Outcome::stay();
        }
        self.waiting = true;
        Outcome::stay().request(Request::Search {
            query: self.input.text().to_string(),
            generation: self.generation,
            offset: loaded,
        })
    }

    /// A search window running `query`.
    pub fn with_query(focus: Pane, query: &str) -> (Search, Outcome) {
        let mut search = Search::new(focus);
        let outcome = search.edit(|line| line.insert_str(query));
        (search, outcome)
    }

    /// The name being typed for the query, while saving it.
    pub fn naming(&self) -> Option<&LineEdit> {
        self.naming.as_ref()
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        if let Some(name) = &mut self.naming {
            if name.command(command).is_some() {
                return Outcome::stay();
            }
            return match command {
                Command::Open if !name.text().trim().is_empty() => {
                    let request = Request::SaveSearch {
                        name: name.text().trim().to_string(),
                        query: self.input.text().trim().to_string(),
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
        let mut line = self.input.clone();
        match line.command(command) {
            Some(true) => return self.edit(|input| *input = line),
            Some(false) => {
                self.input = line;
                return Outcome::stay();
            }
            None => {}
        }
        match command {
            Command::SaveSearch if !self.input.text().trim().is_empty() => {
                self.naming = Some(LineEdit::default());
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
                    terms: Some(self.terms.clone()),
                }),
                None => Outcome::stay(),
            },
            Command::Down => {
                self.cursor.step(1, self.results.len());
                self.next_page()
            }
            Command::Up => {
                self.cursor.step(-1, self.results.len());
                self.next_page()
            }
            _ => Outcome::stay(),
        }
    }

    /// Changes the query line (or the name being typed) and asks for its results.
    pub(crate) fn edit(&mut self, change: impl FnOnce(&mut LineEdit)) -> Outcome {
        if let Some(name) = &mut self.naming {
            change(name);
            return Outcome::stay();
        }
        change(&mut self.input);
        self.generation += 1;
        self.cursor = Cursor::default();
        if self.input.text().trim().is_empty() {
            self.results.clear();
            self.total = 0;
            self.waiting = false;
            return Outcome::stay();
        }
        self.waiting = true;
        Outcome::stay().request(Request::Search {
            query: self.input.text().to_string(),
            generation: self.generation,
            offset: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::StorySummary;
    use crate::tui::overlay::Effect;

    fn requests(outcome: Outcome) -> Vec<Request> {
        outcome
            .effects
            .into_iter()
            .filter_map(|effect| match effect {
                Effect::Request(request) => Some(request),
                _ => None,
            })
            .collect()
    }

    fn page(offset: usize, count: usize, total: usize) -> SearchPage {
        let row = |i: usize| SearchRow {
            story: StorySummary {
                id: i as i64,
                title: format!("Story {i}"),
                source: None,
                published: None,
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
        let (mut search, first) = Search::with_query(Pane::Stories, "grain");
        assert_eq!(requests(first).len(), 1);
        let generation = search.generation;
        search.answered(generation, page(0, 50, 120));
        assert_eq!((search.results.len(), search.total), (50, 120));
        search.cursor.index = 47;
        assert!(requests(search.command(Command::Down)).is_empty());
        assert_eq!(
            requests(search.command(Command::Down)),
            [Request::Search {
                query: "grain".to_string(),
                generation,
                offset: 50,
            }]
        );
        assert!(
            requests(search.next_page()).is_empty(),
            "one request at a time"
        );
        search.answered(generation, page(50, 50, 120));
        search.answered(generation, page(50, 50, 120));
        assert_eq!(
            search.results.len(),
            100,
            "a page already taken in is not added twice"
        );
        search.cursor.index = 99;
        search.answered(generation, page(100, 20, 120));
        search.cursor.index = 119;
        assert!(requests(search.next_page()).is_empty(), "all 120 loaded");
        assert_eq!(search.results[119].story.id, 119);
    }
}
