//! The help window: every key binding of every layer, generated from the keymap and
//! scrolled line by line.

use crate::tui::action::Command;
use crate::tui::keymap::{Binding, Keymap, Layer};
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

/// One line of the help window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpLine<'a> {
    /// A layer's title.
    Heading(&'a str),
    Binding(&'a Binding),
    /// A line of prose.
    Note(&'a str),
    Blank,
}

/// The help's lines: each layer's bindings under its title, then notes on the mouse and
/// the search filters.
pub fn lines(keymap: &Keymap) -> Vec<HelpLine<'_>> {
    let mut lines = Vec::new();
    for layer in Layer::ALL {
        let bindings = keymap.bindings_in(layer);
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Heading(layer.title()));
        lines.extend(bindings.iter().map(HelpLine::Binding));
    }
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Note(
        "search: words, \"phrases\", OR, NOT; filters source: tag: entity: from: to: (dates as 2024-03-01)",
    ));
    lines.push(HelpLine::Note(
        "note editor: other keys edit as in Emacs (arrows, Home/End, Ctrl-a, Ctrl-k, Ctrl-w; Ctrl-u undoes, Ctrl-r redoes)",
    ));
    lines.push(HelpLine::Note(
        "mouse: wheel scrolls the pane under the pointer · click focuses and selects",
    ));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Command;

    #[test]
    fn every_layer_shows_in_the_help_with_its_keys() {
        let user = "[[list]]\nkeys = [\"x\"]\nrun = \"remove\"\ndesc = \"remove it\"\n";
        let keymap = Keymap::with_overrides(Some(user)).unwrap();
        let lines = lines(&keymap);
        for layer in Layer::ALL {
            assert!(
                lines.contains(&HelpLine::Heading(layer.title())),
                "{layer:?}"
            );
        }
        let removes: Vec<&Binding> = lines
            .iter()
            .filter_map(|line| match line {
                HelpLine::Binding(b) if b.command == Command::Remove => Some(*b),
                _ => None,
            })
            .collect();
        assert_eq!(removes.len(), 2, "the default d and the user's x");
        assert!(removes.iter().any(|b| b.keys == ["x"]));
        assert!(lines.iter().any(
            |line| matches!(line, HelpLine::Binding(b) if b.command == Command::DeleteWordBack)
        ));
    }
}
