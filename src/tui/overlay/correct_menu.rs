//! The corrections the analyst can make to the selected entity, quote or event, or to
//! the story: Enter makes one at once (hiding) or asks for its value.

use crate::tui::action::Command;
use crate::tui::correction_choice::{Choice, Target};
use crate::tui::cursor::Cursor;
use crate::tui::overlay::prompt::{Prompt, Purpose};
use crate::tui::overlay::{Outcome, Overlay, move_cursor};
use crate::tui::request::Request;

/// The menu of corrections of one target.
#[derive(Debug, Clone)]
pub struct CorrectMenu {
    target: Target,
    cursor: Cursor,
}

impl CorrectMenu {
    pub fn new(target: Target) -> CorrectMenu {
        CorrectMenu {
            target,
            cursor: Cursor::default(),
        }
    }

    /// What is corrected.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The selected line.
    pub fn cursor(&self) -> &Cursor {
        &self.cursor
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        let choices = self.target.choices();
        match command {
            Command::Back | Command::Quit => Outcome::close(),
            Command::Open => match choices.get(self.cursor.index) {
                Some(choice) => self.choose(*choice),
                None => Outcome::close(),
            },
            _ => {
                move_cursor(&mut self.cursor, command, choices.len());
                Outcome::stay()
            }
        }
    }

    /// Asks for the choice's value, or makes it at once when it needs none.
    fn choose(&self, choice: Choice) -> Outcome {
        if let Some((question, offered)) = choice.question(&self.target) {
            let purpose = Purpose::Correct {
                target: self.target.clone(),
                choice,
            };
            return Outcome::replace(Overlay::Prompt(Prompt::new(&question, &offered, purpose)));
        }
        match choice.correction(&self.target, "") {
            Some(correction) => Outcome::close().request(Request::Correct(correction)),
            None => Outcome::close(),
        }
    }
}
