//! Every user intent and every outside event the reader reacts to, as one enum.

use std::time::Instant;

use crossterm::event::KeyEvent;
use serde::Deserialize;

use crate::tui::fetcher::FetchEvent;
use crate::tui::request::Response;

/// A command the keymap can bind: one user intent, named in keymap files in snake case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// Marks every story shown in the list read.
    MarkAllRead,
    /// Opens the next unread story of the list.
    NextUnread,
    ToggleStar,
    /// Lists the saved searches.
    SavedSearches,
    /// Names the query in the search line and saves it.
    SaveSearch,
    /// Opens the story's URL in the browser.
    OpenUrl,
    /// Copies the story's URL to the clipboard (OSC 52).
    CopyUrl,
    /// Corrects the selected entity, quote or event, or the story's date or source.
    Correct,
    /// Lists the analyst's corrections, to undo them.
    Corrections,
    /// In a list window: forgets a saved search, discards a draft, undoes a correction.
    Remove,
    Help,
    Quit,
    AddNote,
    #[serde(rename = "edit_in_editor")]
    ExternalEdit,
    AllNotes,
    ExportBriefing,
    DeleteNote,
    UndoDelete,
    NoteHistory,
    SaveNote,
    StoryVersions,
    FetchFeeds,
    /// Backspace in a text line.
    DeleteChar,
    /// Delete in a text line: the character under the cursor.
    DeleteCharForward,
    /// Deletes from the start of a text line to the cursor.
    DeleteToStart,
    /// Deletes the word before the cursor.
    DeleteWordBack,
    /// Moves a text line's cursor one character left.
    CursorLeft,
    /// Moves a text line's cursor one character right.
    CursorRight,
    /// Moves a text line's cursor to its start.
    LineStart,
    /// Moves a text line's cursor to its end.
    LineEnd,
    /// The answers to a yes/no question.
    Yes,
    No,
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
    /// The reader starts; `import_sample` when the library is empty and the bundled
    /// sample should fill it.
    Start {
        import_sample: bool,
    },
    /// $VISUAL/$EDITOR closed: the note's new text, or why it failed.
    ExternalEdited(Result<String, String>),
    /// The runtime carried out `App::outside`: a message for the status line, or why
    /// it failed.
    OutsideDone(Result<String, String>),
    /// The library worker stopped (it panicked); it answers nothing any more.
    WorkerStopped(String),
    /// News from the fetch running in the background.
    Fetch(FetchEvent),
}
