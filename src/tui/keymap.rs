//! Keys to commands, one layer per mode (panes, search line, notes list, editor, yes/no).
//! The default map is data (assets/keymap.toml); a keymap.toml in the config directory
//! overrides single keys. The help overlay and the key hints are generated from it.

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

/// A set of bindings that is active in one mode of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// The panes, with no window open (and the windows that take no text).
    Normal,
    /// The search line: unbound characters are typed into the query.
    SearchLine,
    /// The list of all notes: unbound characters are typed into the filter.
    NotesList,
    /// A question answered with a line of text: unbound characters are typed into it.
    Prompt,
    /// The note editor: unbound keys edit the text.
    Editor,
    /// A yes/no question.
    Confirm,
    /// A window listing things (saved searches, drafts, note versions, an entity's
    /// stories, corrections).
    List,
}

impl Layer {
    /// Every layer, in the order the help shows them.
    pub const ALL: [Layer; 7] = [
        Layer::Normal,
        Layer::List,
        Layer::SearchLine,
        Layer::NotesList,
        Layer::Prompt,
        Layer::Editor,
        Layer::Confirm,
    ];

    /// The heading of the layer in the help.
    pub fn title(self) -> &'static str {
        match self {
            Layer::Normal => "Panes",
            Layer::SearchLine => "Search line",
            Layer::NotesList => "All notes",
            Layer::Prompt => "Questions answered with a line (a file, a name)",
            Layer::Editor => "Note editor",
            Layer::Confirm => "Questions",
            Layer::List => "Lists (saved searches, drafts, versions, corrections)",
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

/// Why a keymap file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeymapError {
    #[error("{0}")]
    Syntax(String),
    #[error("unknown key \"{0}\" (use a character, a key name such as Enter or PageDown, or C-x)")]
    UnknownKey(String),
}

/// The bindings of one layer.
#[derive(Debug, Clone, Default)]
struct Bindings {
    map: HashMap<Key, Command>,
    list: Vec<Binding>,
}

/// The active key bindings, layer by layer.
#[derive(Debug, Clone)]
pub struct Keymap {
    layers: HashMap<Layer, Bindings>,
}

/// A keymap file: entries per layer.
type KeymapFile = HashMap<Layer, Vec<Entry>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    keys: Vec<String>,
    run: Command,
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
    pub fn from_toml(text: &str) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap {
            layers: HashMap::new(),
        };
        keymap.apply(text)?;
        Ok(keymap)
    }

    /// The default keymap with the user's file (if any) laid over it.
    pub fn with_overrides(user: Option<&str>) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        if let Some(text) = user {
            keymap.apply(text)?;
        }
        Ok(keymap)
    }

    /// Adds the entries of `text`; a key bound again leaves its earlier binding.
    fn apply(&mut self, text: &str) -> Result<(), KeymapError> {
        let file: KeymapFile =
            toml::from_str(text).map_err(|e| KeymapError::Syntax(e.message().to_string()))?;
        for layer in Layer::ALL {
            let Some(entries) = file.get(&layer) else {
                continue;
            };
            let bindings = self.layers.entry(layer).or_default();
            for entry in entries {
                let mut names = Vec::new();
                for name in &entry.keys {
                    let key =
                        parse_key(name).ok_or_else(|| KeymapError::UnknownKey(name.clone()))?;
                    for binding in &mut bindings.list {
                        binding.keys.retain(|k| parse_key(k) != Some(key));
                    }
                    bindings.map.insert(key, entry.run);
                    names.push(name.clone());
                }
                bindings.list.retain(|b| !b.keys.is_empty());
                bindings.list.push(Binding {
                    keys: names,
                    command: entry.run,
                    desc: entry.desc.clone(),
                });
            }
        }
        Ok(())
    }

    /// The command bound to `key` in `layer`, if any.
    pub fn command_in(&self, layer: Layer, key: Key) -> Option<Command> {
        self.layers.get(&layer)?.map.get(&key).copied()
    }

    /// The command bound to `key` on the panes, if any.
    pub fn command(&self, key: Key) -> Option<Command> {
        self.command_in(Layer::Normal, key)
    }

    /// Every binding of `layer`, in file order, for the help overlay.
    pub fn bindings_in(&self, layer: Layer) -> &[Binding] {
        self.layers.get(&layer).map_or(&[], |b| b.list.as_slice())
    }

    /// Every binding on the panes.
    pub fn bindings(&self) -> &[Binding] {
        self.bindings_in(Layer::Normal)
    }

    /// The first key bound to `command` in `layer`, as shown to the user ("Ctrl-s").
    pub fn hint_in(&self, layer: Layer, command: Command) -> Option<String> {
        self.bindings_in(layer)
            .iter()
            .find(|b| b.command == command)
            .and_then(|b| b.keys.first())
            .map(|key| display_key(key))
    }

    /// The first key bound to `command` on the panes, for hints in the status line.
    pub fn key_for(&self, command: Command) -> Option<String> {
        self.hint_in(Layer::Normal, command)
    }
}

/// A key in keymap notation as the user reads it: "C-s" is "Ctrl-s".
pub fn display_key(name: &str) -> String {
    match name.strip_prefix("C-") {
        Some(rest) if !rest.is_empty() => format!("Ctrl-{rest}"),
        _ => name.to_string(),
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
        "Delete" => KeyCode::Delete,
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
        let unknown = Keymap::with_overrides(Some("[[normal]]\nkeys=[\"x\"]\nrun=\"fly\""));
        let Err(KeymapError::Syntax(message)) = unknown else {
            panic!("{unknown:?}")
        };
        assert!(message.contains("fly"), "{message}");
        assert_eq!(
            Keymap::with_overrides(Some("[[normal]]\nkeys=[\"Hyper\"]\nrun=\"quit\"")).err(),
            Some(KeymapError::UnknownKey("Hyper".to_string()))
        );
        assert!(Keymap::with_overrides(Some("[[sideways]]\nkeys=[\"x\"]\nrun=\"quit\"")).is_err());
        assert!(Keymap::with_overrides(Some("not toml [")).is_err());
    }

    #[test]
    fn every_mode_has_its_layer_and_hints_come_from_it() {
        let keymap = Keymap::default();
        let key = |name| parse_key(name).unwrap();
        assert_eq!(
            keymap.command_in(Layer::Editor, key("C-s")),
            Some(Command::SaveNote)
        );
        assert_eq!(
            keymap.command_in(Layer::Confirm, key("y")),
            Some(Command::Yes)
        );
        assert_eq!(
            keymap.command_in(Layer::SearchLine, key("Backspace")),
            Some(Command::DeleteChar)
        );
        assert_eq!(
            keymap.command_in(Layer::NotesList, key("C-x")),
            Some(Command::ExportBriefing)
        );
        assert_eq!(keymap.command_in(Layer::SearchLine, key("j")), None);
        assert_eq!(
            keymap.command_in(Layer::List, key("d")),
            Some(Command::Remove)
        );
        assert_eq!(
            keymap.command_in(Layer::Prompt, key("C-w")),
            Some(Command::DeleteWordBack)
        );
        assert_eq!(
            keymap.hint_in(Layer::Editor, Command::SaveNote).as_deref(),
            Some("Ctrl-s")
        );
        let user = "[[editor]]\nkeys = [\"C-w\"]\nrun = \"save_note\"\n";
        let keymap = Keymap::with_overrides(Some(user)).unwrap();
        assert_eq!(
            keymap.hint_in(Layer::Editor, Command::SaveNote).as_deref(),
            Some("Ctrl-s"),
            "the first binding in file order"
        );
        assert_eq!(
            keymap.command_in(Layer::Editor, key("C-w")),
            Some(Command::SaveNote)
        );
        let defaults = Keymap::default();
        for layer in Layer::ALL {
            let bindings = defaults.bindings_in(layer);
            assert!(!bindings.is_empty() && bindings.iter().all(|b| !b.desc.is_empty()));
        }
    }
}
