//! Keys to commands. The default map is data (assets/keymap.toml); a keymap.toml in the
//! config directory overrides single keys. The help overlay is generated from it.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::tui::action::Command;

const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// A key as the keymap sees it: the code and whether Ctrl was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// The keymap key for a terminal key event (Shift is part of the character).
    pub fn from_event(event: KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

/// One line of the help overlay: the keys, in keymap notation, and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<String>,
    pub command: Command,
    pub desc: String,
}

/// The active key bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    map: HashMap<Key, Command>,
    bindings: Vec<Binding>,
}

#[derive(Deserialize)]
struct KeymapFile {
    #[serde(default)]
    normal: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    keys: Vec<String>,
    run: String,
    #[serde(default)]
    desc: String,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::from_toml(DEFAULT_KEYMAP).expect("the bundled keymap is valid")
    }
}

impl Keymap {
    /// Parses a keymap file.
    pub fn from_toml(text: &str) -> Result<Keymap, String> {
        let mut keymap = Keymap {
            map: HashMap::new(),
            bindings: Vec::new(),
        };
        keymap.apply(text)?;
        Ok(keymap)
    }

    /// The default keymap with the user's file (if any) laid over it.
    pub fn with_overrides(user: Option<&str>) -> Result<Keymap, String> {
        let mut keymap = Keymap::default();
        if let Some(text) = user {
            keymap.apply(text)?;
        }
        Ok(keymap)
    }

    /// Adds the entries of `text`; a key bound again leaves its earlier binding.
    fn apply(&mut self, text: &str) -> Result<(), String> {
        let file: KeymapFile = toml::from_str(text).map_err(|e| e.message().to_string())?;
        for entry in file.normal {
            let command = Command::from_name(&entry.run)
                .ok_or_else(|| format!("unknown command \"{}\"", entry.run))?;
            let mut names = Vec::new();
            for name in &entry.keys {
                let key = parse_key(name).ok_or_else(|| format!("unknown key \"{name}\""))?;
                for binding in &mut self.bindings {
                    binding.keys.retain(|k| parse_key(k) != Some(key));
                }
                self.map.insert(key, command);
                names.push(name.clone());
            }
            self.bindings.retain(|b| !b.keys.is_empty());
            self.bindings.push(Binding {
                keys: names,
                command,
                desc: entry.desc,
            });
        }
        Ok(())
    }

    /// The command bound to `key`, if any.
    pub fn command(&self, key: Key) -> Option<Command> {
        self.map.get(&key).copied()
    }

    /// Every binding, in file order, for the help overlay.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The first key bound to `command`, for hints in the status line.
    pub fn key_for(&self, command: Command) -> Option<&str> {
        self.bindings
            .iter()
            .find(|b| b.command == command)
            .and_then(|b| b.keys.first())
            .map(String::as_str)
    }
}

/// Parses keymap notation: "j", "?", "C-d", "PageDown", "Enter".
pub fn parse_key(name: &str) -> Option<Key> {
    if let Some(rest) = name.strip_prefix("C-") {
        let mut chars = rest.chars();
        let c = chars.next()?;
        return chars.next().is_none().then_some(Key {
            code: KeyCode::Char(c),
            ctrl: true,
        });
    }
    let code = match name {
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PageUp" => KeyCode::PageUp,
        "PageDown" => KeyCode::PageDown,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Backspace" => KeyCode::Backspace,
        _ => {
            let mut chars = name.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some(Key { code, ctrl: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keymap_binds_vim_and_arrow_keys() {
        let keymap = Keymap::default();
        let j = parse_key("j").unwrap();
        let down = parse_key("Down").unwrap();
        assert_eq!(keymap.command(j), Some(Command::Down));
        assert_eq!(keymap.command(down), Some(Command::Down));
        assert_eq!(
            keymap.command(parse_key("C-d").unwrap()),
            Some(Command::HalfPageDown)
        );
        assert_eq!(keymap.command(parse_key("?").unwrap()), Some(Command::Help));
        assert!(keymap.bindings().iter().all(|b| !b.desc.is_empty()));
    }

    #[test]
    fn user_file_rebinds_a_key() {
        let user = "[[normal]]\nkeys = [\"x\", \"q\"]\nrun = \"help\"\ndesc = \"help\"\n";
        let keymap = Keymap::with_overrides(Some(user)).unwrap();
        assert_eq!(keymap.command(parse_key("x").unwrap()), Some(Command::Help));
        assert_eq!(keymap.command(parse_key("q").unwrap()), Some(Command::Help));
        // Quit keeps its other key, and the help lists q only once.
        assert_eq!(
            keymap.command(parse_key("C-c").unwrap()),
            Some(Command::Quit)
        );
        let q_count = keymap
            .bindings()
            .iter()
            .filter(|b| b.keys.contains(&"q".to_string()))
            .count();
        assert_eq!(q_count, 1);
    }

    #[test]
    fn bad_user_files_are_reported() {
        assert!(Keymap::with_overrides(Some("[[normal]]\nkeys=[\"x\"]\nrun=\"fly\"")).is_err());
        assert!(
            Keymap::with_overrides(Some("[[normal]]\nkeys=[\"Hyper\"]\nrun=\"quit\"")).is_err()
        );
        assert!(Keymap::with_overrides(Some("not toml [")).is_err());
    }
}
