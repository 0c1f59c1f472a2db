//! Every user intent and every outside event the reader reacts to, as one enum.

use std::time::Instant;

use crossterm::event::KeyEvent;

use crate::tui::fetcher::FetchEvent;
use crate::tui::overlay::Editor;
use crate::tui::request::Response;

/// A command the keymap can bind: one user intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    NextPane,
    PrevPane,
    Open,
    Back,
    Search,
    NextMatch,
    PrevMatch,
    EntityStories,
    Timeline,
    CycleSort,
    ToggleUnreadOnly,
    ToggleRead,
    Help,
    Quit,
    AddNote,
    ExternalEdit,
    AllNotes,
    ExportBriefing,
    DeleteNote,
    UndoDelete,
    NoteHistory,
    SaveNote,
    StoryVersions,
    FetchFeeds,
}

impl Command {
    /// Every command with the name used for it in keymap files.
    pub const ALL: [(Command, &'static str); 32] = [
        (Command::Up, "up"),
        (Command::Down, "down"),
        (Command::Top, "top"),
        (Command::Bottom, "bottom"),
        (Command::HalfPageDown, "half_page_down"),
        (Command::HalfPageUp, "half_page_up"),
        (Command::PageDown, "page_down"),
        (Command::PageUp, "page_up"),
        (Command::NextPane, "next_pane"),
        (Command::PrevPane, "prev_pane"),
        (Command::Open, "open"),
        (Command::Back, "back"),
        (Command::Search, "search"),
        (Command::NextMatch, "next_match"),
        (Command::PrevMatch, "prev_match"),
        (Command::EntityStories, "entity_stories"),
        (Command::Timeline, "timeline"),
        (Command::CycleSort, "cycle_sort"),
        (Command::ToggleUnreadOnly, "toggle_unread_only"),
        (Command::ToggleRead, "toggle_read"),
        (Command::Help, "help"),
        (Command::Quit, "quit"),
        (Command::AddNote, "add_note"),
        (Command::ExternalEdit, "edit_in_editor"),
        (Command::AllNotes, "all_notes"),
        (Command::ExportBriefing, "export_briefing"),
        (Command::DeleteNote, "delete_note"),
        (Command::UndoDelete, "undo_delete"),
        (Command::NoteHistory, "note_history"),
        (Command::SaveNote, "save_note"),
        (Command::StoryVersions, "story_versions"),
        (Command::FetchFeeds, "fetch_feeds"),
    ];

    /// Looks a command up by its keymap name.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(c, _)| *c)
    }
}

/// What the mouse did, in terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseAction {
    ScrollUp { column: u16, row: u16 },
    ScrollDown { column: u16, row: u16 },
    Click { column: u16, row: u16 },
}

/// Everything that can change the reader's state.
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound key.
    Command(Command),
    /// A character typed into the search line.
    Input(char),
    /// Backspace in the search line.
    DeleteChar,
    Mouse(MouseAction),
    /// The terminal changed size.
    Resize {
        width: u16,
        height: u16,
    },
    /// Data the library sent back for an earlier request.
    Loaded(Response),
    /// A key typed into the note editor.
    EditorKey(KeyEvent),
    /// The answer to a yes/no question (drop changes? delete?).
    Confirm(bool),
    /// Time passes (drafts are written every two seconds).
    Tick(Instant),
    /// $VISUAL/$EDITOR closed: the note's new text, or why it failed.
    ExternalEdited {
        editor: Box<Editor>,
        result: Result<String, String>,
    },
    /// News from the fetch running in the background.
    Fetch(FetchEvent),
}
