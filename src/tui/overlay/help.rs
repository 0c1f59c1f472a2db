//! The help window: every key binding, scrolled line by line.

use crate::tui::action::Command;
use crate::tui::overlay::{Context, Outcome};

/// The help window and how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct Help {
    pub(crate) scroll: usize,
}

impl Help {
    /// Lines scrolled off the top.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub(crate) fn command(&mut self, command: Command, context: &Context) -> Outcome {
        let last = context.help_lines.saturating_sub(1);
        match command {
            Command::Help | Command::Back | Command::Quit => return Outcome::close(),
            Command::Down => self.scroll = (self.scroll + 1).min(last),
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::Top => self.scroll = 0,
            Command::Bottom => self.scroll = last,
            _ => {}
        }
        Outcome::stay()
    }
}
