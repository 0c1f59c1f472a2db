//! A one-line text field edited like a shell line: the cursor moves left and right, to
//! the start and the end; Backspace and Delete remove at the cursor; Ctrl-u and Ctrl-w
//! (as the keymap binds them) delete to the start and the word before the cursor.

use crate::tui::action::Command;

/// The text of a line and where the cursor is, in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// Characters before the cursor.
    cursor: usize,
}

impl LineEdit {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> LineEdit {
        LineEdit {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, as the number of characters before it.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Byte index of the character at `chars`.
    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Types `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Types `text` at the cursor.
    pub fn insert_str(&mut self, text: &str) {
        for c in text.chars() {
            self.insert(c);
        }
    }

    /// Deletes the character before the cursor (Backspace).
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.remove(self.cursor, self.cursor + 1);
        }
    }

    /// Removes characters `start..end`; the cursor goes to `start`.
    fn remove(&mut self, start: usize, end: usize) {
        let (from, to) = (self.byte(start), self.byte(end));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    /// Carries out a line-editing command. `None` when `command` does not edit lines;
    /// otherwise whether the text changed (a cursor move leaves it as it was).
    pub fn command(&mut self, command: Command) -> Option<bool> {
        let before = self.text.len();
        let len = self.text.chars().count();
        match command {
            Command::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            Command::CursorRight => self.cursor = (self.cursor + 1).min(len),
            Command::LineStart => self.cursor = 0,
            Command::LineEnd => self.cursor = len,
            Command::DeleteChar => self.backspace(),
            Command::DeleteCharForward if self.cursor < len => {
                self.remove(self.cursor, self.cursor + 1)
            }
            Command::DeleteCharForward => {}
            Command::DeleteToStart => self.remove(0, self.cursor),
            Command::DeleteWordBack => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                self.remove(start, self.cursor);
            }
            _ => return None,
        }
        Some(self.text.len() != before)
    }

    /// The line as shown in `width` cells after `prefix`: the cursor drawn as `▏` before
    /// the character it stands on, and the text scrolled so the cursor stays in view.
    pub fn shown(&self, prefix: &str, width: usize) -> String {
        let mut chars: Vec<char> = prefix.chars().collect();
        let cursor = chars.len() + self.cursor;
        chars.extend(self.text.chars());
        chars.insert(cursor, '▏');
        let start = (cursor + 1).saturating_sub(width);
        chars.iter().skip(start).take(width).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_like_a_shell_line() {
        let mut line = LineEdit::new("grain corridor");
        assert_eq!(line.command(Command::DeleteWordBack), Some(true));
        assert_eq!(line.text(), "grain ");
        line.command(Command::LineStart);
        line.insert_str("black sea ");
        assert_eq!((line.text(), line.cursor()), ("black sea grain ", 10));
        assert_eq!(line.command(Command::CursorRight), Some(false));
        line.command(Command::DeleteChar);
        line.insert('G');
        assert_eq!(line.text(), "black sea Grain ");
        line.command(Command::LineEnd);
        line.command(Command::CursorLeft);
        line.command(Command::DeleteCharForward);
        assert_eq!(
            line.command(Command::DeleteCharForward),
            Some(false),
            "nothing after the cursor"
        );
        assert_eq!(line.text(), "black sea Grain");
        line.command(Command::CursorLeft);
        line.command(Command::DeleteToStart);
        assert_eq!((line.text(), line.cursor()), ("n", 0));
        assert_eq!(line.command(Command::Open), None);
    }

    #[test]
    fn wide_characters_and_an_empty_line_are_safe() {
        let mut line = LineEdit::new("港口🌾");
        line.command(Command::CursorLeft);
        line.command(Command::DeleteChar);
        assert_eq!(line.text(), "港🌾");
        let mut empty = LineEdit::default();
        for command in [
            Command::DeleteChar,
            Command::DeleteCharForward,
            Command::DeleteWordBack,
            Command::DeleteToStart,
            Command::CursorLeft,
            Command::CursorRight,
        ] {
            assert_eq!(empty.command(command), Some(false));
        }
    }

    #[test]
    fn the_cursor_is_drawn_and_kept_in_view() {
        let mut line = LineEdit::new("abcdef");
        line.command(Command::LineStart);
        line.command(Command::CursorRight);
        assert_eq!(line.shown("/", 20), "/a▏bcdef");
        line.command(Command::LineEnd);
        assert_eq!(line.shown("/", 4), "def▏");
    }
}
