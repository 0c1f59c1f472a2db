//! A question answered with a line of text, such as where to write a briefing or an
//! entity's right name: the line comes filled with a default the analyst may edit; Enter
//! answers, Esc cancels.

use crate::tui::action::Command;
use crate::tui::correction_choice::{Choice, Target};
use crate::tui::line_edit::LineEdit;
use crate::tui::overlay::{Effect, Outcome};
use crate::tui::request::{BriefingOf, Request};
use crate::tui::status::Status;

/// What the answer is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The file to write this briefing to.
    Export(BriefingOf),
    /// The value of a correction (a name, a speaker, a date, a source).
    Correct { target: Target, choice: Choice },
}

/// The question, the line typed in answer, and what the answer is for.
#[derive(Debug, Clone)]
pub struct Prompt {
    question: String,
    line: LineEdit,
    purpose: Purpose,
}

impl Prompt {
    /// Asks `question`, the answer line holding `answer`.
    pub fn new(question: &str, answer: &str, purpose: Purpose) -> Prompt {
        Prompt {
            question: question.to_string(),
            line: LineEdit::new(answer),
            purpose,
        }
    }

    /// Asks where to write a briefing, offering `path`.
    pub fn export(of: BriefingOf, path: &str) -> Prompt {
        Prompt::new("Write the briefing to", path, Purpose::Export(of))
    }

    /// The question asked.
    pub fn question(&self) -> &str {
        &self.question
    }

    /// The answer line with its cursor.
    pub fn line(&self) -> &LineEdit {
        &self.line
    }

    /// What the answer is for.
    pub fn purpose(&self) -> &Purpose {
        &self.purpose
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        if self.line.command(command).is_some() {
            return Outcome::stay();
        }
        match command {
            Command::Back | Command::Quit => Outcome::close(),
            Command::Open => self.answer(),
            _ => Outcome::stay(),
        }
    }

    /// A character typed into the answer.
    pub(crate) fn input(&mut self, c: char) -> Outcome {
        self.line.insert(c);
        Outcome::stay()
    }

    /// Backspace in the answer.
    pub(crate) fn delete_char(&mut self) -> Outcome {
        self.line.backspace();
        Outcome::stay()
    }

    /// Enter: the request the answer makes. The window stays until the library answers
    /// (a failure can then be corrected in place).
    fn answer(&self) -> Outcome {
        let answer = self.line.text().trim();
        if answer.is_empty() {
            return Outcome::stay().with(Effect::Status(Status::hint("type an answer first")));
        }
        match &self.purpose {
            Purpose::Export(of) => Outcome::stay().request(Request::ExportBriefing {
                of: of.clone(),
                path: answer.to_string(),
                replace: false,
            }),
            Purpose::Correct { target, choice } => match choice.correction(target, answer) {
                Some(correction) => Outcome::stay().request(Request::Correct(correction)),
                None => Outcome::close(),
            },
        }
    }
}
