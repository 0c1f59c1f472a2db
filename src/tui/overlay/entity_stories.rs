//! Every story that mentions an entity; Enter opens one with the entity highlighted.

use crate::library::StorySummary;
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::{Effect, Outcome, move_cursor};

/// The stories of one entity.
#[derive(Debug, Clone)]
pub struct EntityStories {
    pub(crate) name: String,
    pub(crate) stories: Vec<StorySummary>,
    pub(crate) cursor: Cursor,
}

impl EntityStories {
    pub fn new(name: String, stories: Vec<StorySummary>) -> EntityStories {
        EntityStories {
            name,
            stories,
            cursor: Cursor::default(),
        }
    }

    /// The entity's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its stories, newest first.
    pub fn stories(&self) -> &[StorySummary] {
        &self.stories
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        match command {
            Command::Back | Command::Quit => Outcome::close(),
            Command::Open => match self.stories.get(self.cursor.index) {
                Some(row) => Outcome::close().with(Effect::OpenStory {
                    id: row.id,
                    at: None,
                    entity: Some(self.name.clone()),
                    terms: None,
                }),
                None => Outcome::close(),
            },
            _ => {
                move_cursor(&mut self.cursor, command, self.stories.len());
                Outcome::stay()
            }
        }
    }
}
