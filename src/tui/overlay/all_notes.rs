//! Every note in the library, filtered by typed words and #tags; Enter opens a note's
//! story at its passage, Ctrl-x exports the briefing of the typed #tag.

use fuzzy_matcher::FuzzyMatcher;

use crate::library::StorySummary;
use crate::library::{Anchor, Note};
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::line_edit::LineEdit;
use crate::tui::overlay::{Context, Effect, Outcome, move_cursor};
use crate::tui::request::{BriefingOf, Request};

/// The notes window: every live note and the filter line.
#[derive(Debug, Clone)]
pub struct AllNotes {
    pub(crate) notes: Vec<Note>,
    pub(crate) input: LineEdit,
    pub(crate) cursor: Cursor,
}

impl AllNotes {
    pub fn new(notes: Vec<Note>) -> AllNotes {
        AllNotes {
            notes,
            input: LineEdit::default(),
            cursor: Cursor::default(),
        }
    }

    /// Every note, unfiltered.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// The filter line.
    pub fn input(&self) -> &str {
        self.input.text()
    }

    /// The filter line with its cursor.
    pub fn line(&self) -> &LineEdit {
        &self.input
    }

    /// Notes whose text or story title fuzzy-matches the words of the filter and that
    /// carry every `#tag` in it.
    pub fn shown<'a>(&'a self, stories: &[StorySummary]) -> Vec<&'a Note> {
        let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
        let tags: Vec<String> = self
            .input
            .text()
            .split_whitespace()
            .filter_map(|w| w.strip_prefix('#'))
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = self
            .input
            .text()
            .split_whitespace()
            .filter(|w| !w.starts_with('#'))
            .collect();
        let pattern = words.join(" ");
        self.notes
            .iter()
            .filter(|note| tags.iter().all(|t| note.tags.contains(t)))
            .filter(|note| {
                pattern.is_empty() || {
                    let title = stories
                        .iter()
                        .find(|s| s.id == note.story)
                        .map_or("", |s| s.title.as_str());
                    matcher
                        .fuzzy_match(&format!("{} {title}", note.text), &pattern)
                        .is_some()
                }
            })
            .collect()
    }

    pub(crate) fn command(&mut self, command: Command, context: &Context) -> Outcome {
        if let Some(changed) = self.input.command(command) {
            if changed {
                self.cursor = Cursor::default();
            }
            return Outcome::stay();
        }
        let shown = self.shown(context.stories);
        match command {
            Command::Open => match shown.get(self.cursor.index) {
                Some(note) => {
                    let at = match &note.anchor {
                        Some(Anchor::Passage {
                            start,
                            detached: false,
                            ..
                        }) => Some(*start),
                        _ => None,
                    };
                    Outcome::close().with(Effect::OpenStory {
                        id: note.story,
                        at,
                        entity: None,
                        terms: None,
                    })
                }
                None => Outcome::close(),
            },
            Command::ExportBriefing => {
                let tag = self
                    .input
                    .text()
                    .split_whitespace()
                    .find_map(|w| w.strip_prefix('#'))
                    .map(str::to_string);
                Outcome::stay().request(Request::SuggestExport(BriefingOf { story: None, tag }))
            }
            Command::Back | Command::Quit => Outcome::close(),
            _ => {
                let len = shown.len();
                move_cursor(&mut self.cursor, command, len);
                Outcome::stay()
            }
        }
    }

    /// Changes the filter line; the selection goes back to the first note.
    pub(crate) fn edit(&mut self, change: impl FnOnce(&mut LineEdit)) -> Outcome {
        change(&mut self.input);
        self.cursor = Cursor::default();
        Outcome::stay()
    }
}
