//! Windows drawn over the panes. Each overlay owns its state and its update; an update
//! answers with an [`Outcome`]: what becomes of the window ([`Transition`]) and what the
//! rest of the reader should do ([`Effect`]s, applied by `App::update`).

mod all_notes;
mod confirm_delete;
mod confirm_replace;
mod correct_menu;
mod corrections;
mod drafts;
pub mod editor;
mod entity_stories;
pub mod help;
mod history;
pub mod prompt;
mod saved_searches;
mod search;
mod story_versions;

use std::time::Instant;

use crossterm::event::KeyEvent;

pub use all_notes::AllNotes;
pub use confirm_delete::ConfirmDelete;
pub use confirm_replace::ConfirmReplace;
pub use correct_menu::CorrectMenu;
pub use corrections::Corrections;
pub use drafts::Drafts;
pub use editor::Editor;
pub use entity_stories::EntityStories;
pub use help::Help;
pub use history::History;
pub use prompt::Prompt;
pub use saved_searches::SavedSearches;
pub use search::Search;
pub use story_versions::StoryVersions;

use crate::library::StorySummary;
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::line_edit::LineEdit;
use crate::tui::panes::Pane;
use crate::tui::request::Request;
use crate::tui::status::Status;

/// A window over the panes.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help(Help),
    Search(Search),
    EntityStories(EntityStories),
    /// The inline note editor.
    Editor(Box<Editor>),
    /// "Delete this note?"
    ConfirmDelete(ConfirmDelete),
    /// Saved versions of a note; Enter restores one.
    History(History),
    /// Every note in the library, filtered by the typed words and #tags.
    AllNotes(AllNotes),
    /// Drafts an earlier session left unsaved, offered back.
    Drafts(Drafts),
    /// The earlier texts of a story, over the story pane.
    StoryVersions(StoryVersions),
    /// The named searches, with unread counts.
    SavedSearches(SavedSearches),
    /// A question answered with a line of text (where to write a briefing).
    Prompt(Prompt),
    /// "This file exists. Replace it?"
    ConfirmReplace(ConfirmReplace),
    /// The corrections the analyst can make to what is selected.
    CorrectMenu(CorrectMenu),
    /// The corrections in force, to undo.
    Corrections(Corrections),
}

/// What becomes of an overlay after an update.
#[derive(Debug)]
pub enum Transition {
    Stay,
    Close,
    /// Another window takes its place.
    Replace(Overlay),
}

/// Something an overlay asks of the rest of the reader.
#[derive(Debug)]
pub enum Effect {
    Request(Request),
    /// Open a story in the story pane (focused), scrolled to `at`; `entity` becomes the
    /// highlighted entity and `terms` the words found again inside the story.
    OpenStory {
        id: i64,
        at: Option<usize>,
        entity: Option<String>,
        terms: Option<Vec<String>>,
    },
    Focus(Pane),
    /// Open the search window running this query.
    Search(String),
    Status(Status),
    /// Hand this note to $VISUAL/$EDITOR.
    EditExternally(Box<Editor>),
}

/// An overlay's answer to one event.
#[derive(Debug)]
pub struct Outcome {
    pub transition: Transition,
    pub effects: Vec<Effect>,
}

impl Outcome {
    /// The window stays, nothing else happens.
    pub fn stay() -> Outcome {
        Outcome {
            transition: Transition::Stay,
            effects: Vec::new(),
        }
    }

    /// The window closes.
    pub fn close() -> Outcome {
        Outcome {
            transition: Transition::Close,
            effects: Vec::new(),
        }
    }

    /// Another window replaces this one.
    pub fn replace(overlay: Overlay) -> Outcome {
        Outcome {
            transition: Transition::Replace(overlay),
            effects: Vec::new(),
        }
    }

    /// Adds an effect.
    pub fn with(mut self, effect: Effect) -> Outcome {
        self.effects.push(effect);
        self
    }

    /// Adds a library request.
    pub fn request(self, request: Request) -> Outcome {
        self.with(Effect::Request(request))
    }
}

/// What overlays may read of the rest of the reader.
pub struct Context<'a> {
    /// Every story, for titles.
    pub stories: &'a [StorySummary],
    /// Text rows of the story pane.
    pub story_rows: usize,
    /// Lines of the help window.
    pub help_lines: usize,
}

impl Overlay {
    /// A bound command while this window is open.
    pub fn command(&mut self, command: Command, context: &Context) -> Outcome {
        match self {
            Overlay::Help(help) => help.command(command, context),
            Overlay::Search(search) => search.command(command),
            Overlay::EntityStories(list) => list.command(command),
            Overlay::Editor(editor) => editor.command(command),
            Overlay::ConfirmDelete(_) | Overlay::ConfirmReplace(_) => Outcome::stay(),
            Overlay::Prompt(prompt) => prompt.command(command),
            Overlay::CorrectMenu(menu) => menu.command(command),
            Overlay::Corrections(list) => list.command(command),
            Overlay::History(history) => history.command(command),
            Overlay::AllNotes(notes) => notes.command(command, context),
            Overlay::Drafts(drafts) => drafts.command(command),
            Overlay::StoryVersions(versions) => versions.command(command, context),
            Overlay::SavedSearches(searches) => searches.command(command),
        }
    }

    /// A character typed into the window's text line.
    pub fn input(&mut self, c: char) -> Outcome {
        match self {
            Overlay::Search(search) => search.edit(|line| line.insert(c)),
            Overlay::AllNotes(notes) => notes.edit(|line| line.insert(c)),
            Overlay::Prompt(prompt) => prompt.input(c),
            _ => Outcome::stay(),
        }
    }

    /// Backspace in the window's text line.
    pub fn delete_char(&mut self) -> Outcome {
        match self {
            Overlay::Search(search) => search.edit(LineEdit::backspace),
            Overlay::AllNotes(notes) => notes.edit(LineEdit::backspace),
            Overlay::Prompt(prompt) => prompt.delete_char(),
            _ => Outcome::stay(),
        }
    }

    /// A key typed into the note editor.
    pub fn editor_key(&mut self, key: KeyEvent) -> Outcome {
        if let Overlay::Editor(editor) = self {
            editor.input(key);
        }
        Outcome::stay()
    }

    /// The answer to the window's yes/no question.
    pub fn confirm(&mut self, yes: bool) -> Outcome {
        match self {
            Overlay::Editor(editor) => editor.confirm(yes),
            Overlay::ConfirmDelete(confirm) => confirm.answer(yes),
            Overlay::ConfirmReplace(confirm) => confirm.answer(yes),
            _ => Outcome::stay(),
        }
    }

    /// Time passes (the editor writes drafts).
    pub fn tick(&mut self, now: Instant) -> Outcome {
        match self {
            Overlay::Editor(editor) => editor.tick(now),
            _ => Outcome::stay(),
        }
    }
}

/// Moves a list cursor for the usual list commands.
pub(crate) fn move_cursor(cursor: &mut Cursor, command: Command, len: usize) {
    match command {
        Command::Down => cursor.step(1, len),
        Command::Up => cursor.step(-1, len),
        Command::Top => cursor.top(),
        Command::Bottom => cursor.bottom(len),
        _ => {}
    }
}
