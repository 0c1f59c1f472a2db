//! The reader's whole state and `App::update`, the one place it changes.

mod corrections;
mod fetching;
mod navigation;
mod notes;
mod responses;

use std::time::{Duration, Instant};

use ratatui::layout::Rect;

use crate::library::StorySummary;
use crate::model::QuoteKind;
use crate::tui::action::{Action, Command};
use crate::tui::keymap::Keymap;
use crate::tui::outside::{Outside, web_url};
use crate::tui::overlay::{Context, Editor, Effect, Help, Outcome, Overlay, Search, Transition};
use crate::tui::pane::{EntitiesPane, NotesPane, QuotesPane, StoriesPane, StoryPane, Timeline};
use crate::tui::panes::{self, Pane};
use crate::tui::request::{Request, Response};
pub use crate::tui::status::Status;
pub use fetching::FetchProgress;

use crate::tui::theme::Theme;

/// How often the reader looks for stories another process added to the library.
pub const CHANGES_EVERY: Duration = Duration::from_secs(1);

/// All state of the reader: the panes, the window over them, and what is shared.
pub struct App {
    keymap: Keymap,
    theme: Theme,
    width: u16,
    height: u16,
    focus: Pane,
    stories: StoriesPane,
    story: StoryPane,
    entities: EntitiesPane,
    quotes: QuotesPane,
    timeline: Timeline,
    notes: NotesPane,
    /// The note handed to $VISUAL/$EDITOR, waiting for [`Action::ExternalEdited`].
    external_edit: Option<Box<Editor>>,
    /// Work for the runtime outside the window, waiting for [`Action::OutsideDone`].
    outside: Option<Outside>,
    overlay: Option<Overlay>,
    status: Status,
    /// Requests sent and not answered yet: the busy indicator shows while it is above 0.
    pending: usize,
    /// The fetch running in the background, if any.
    fetching: Option<FetchProgress>,
    should_quit: bool,
    /// The library worker stopped: requests go nowhere, and the status line says so.
    worker_stopped: bool,
    /// When the library was last asked whether another process changed it.
    last_change_check: Option<Instant>,
    /// Counts the updates that may have changed what is on screen.
    revision: u64,
}

impl App {
    /// A reader with no data yet; it asks for the stories first.
    pub fn new(keymap: Keymap, theme: Theme, width: u16, height: u16) -> App {
        App {
            keymap,
            theme,
            width,
            height,
            focus: Pane::Stories,
            stories: StoriesPane::default(),
            story: StoryPane::default(),
            entities: EntitiesPane::default(),
            quotes: QuotesPane::default(),
            timeline: Timeline::default(),
            notes: NotesPane::default(),
            external_edit: None,
            outside: None,
            overlay: None,
            status: Status::default(),
            pending: 0,
            revision: 0,
            fetching: None,
            should_quit: false,
            worker_stopped: false,
            last_change_check: None,
        }
    }

    /// Changes state for one action; returns the library work it needs.
    pub fn update(&mut self, action: Action) -> Vec<Request> {
        // Time passing and a library nobody else changed leave the screen as it was,
        // unless they leave work waiting (the busy sign shows).
        let quiet = matches!(
            action,
            Action::Tick(_) | Action::Loaded(Response::Changed(false))
        );
        let pending = self.pending;
        let requests = self.apply_action(action);
        if !quiet || self.pending != pending {
            self.revision = self.revision.wrapping_add(1);
        }
        requests
    }

    /// Changes state for one action (see [`App::update`]).
    fn apply_action(&mut self, action: Action) -> Vec<Request> {
        let requests = match action {
            Action::Command(command) => self.command(command),
            Action::Input(c) => self.in_overlay(|overlay| overlay.input(c)),
            Action::DeleteChar => self.in_overlay(Overlay::delete_char),
            Action::Mouse(mouse) => self.mouse(mouse),
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.relayout_story();
                let (story_width, _) = self.story_viewport();
                if let Some(Overlay::StoryVersions(versions)) = &mut self.overlay {
                    versions.relayout(&self.theme, story_width.saturating_sub(1));
                }
                Vec::new()
            }
            Action::Loaded(response) => {
                if !matches!(response, Response::Changed(_)) {
                    self.pending = self.pending.saturating_sub(1);
                }
                self.loaded(response)
            }
            Action::EditorKey(key) => self.in_overlay(|overlay| overlay.editor_key(key)),
            Action::Confirm(yes) => self.in_overlay(|overlay| overlay.confirm(yes)),
            Action::Tick(now) => self.tick(now),
            Action::Start { import_sample } => self.start(import_sample),
            Action::ExternalEdited(result) => self.external_edited(result),
            Action::OutsideDone(result) => {
                self.outside = None;
                self.status = match result {
                    Ok(message) => Status::hint(&message),
                    Err(message) => Status::error(message),
                };
                Vec::new()
            }
            Action::WorkerStopped(reason) => {
                self.worker_stopped = true;
                self.pending = 0;
                self.status = Status::error(format!(
                    "the library worker stopped ({reason}); quit and start the reader again"
                ));
                Vec::new()
            }
            Action::Fetch(event) => self.fetch_event(event),
        };
        if self.worker_stopped {
            // Nobody would answer: no request is sent, and nothing waits for one.
            return Vec::new();
        }
        self.pending += requests
            .iter()
            .filter(|r| **r != Request::CheckForChanges)
            .count();
        requests
    }

    /// Time passes: the editor writes drafts, and every [`CHANGES_EVERY`] the library is
    /// asked whether another process changed it.
    fn tick(&mut self, now: Instant) -> Vec<Request> {
        let mut requests = self.in_overlay(|overlay| overlay.tick(now));
        if self
            .last_change_check
            .is_none_or(|last| now.saturating_duration_since(last) >= CHANGES_EVERY)
        {
            self.last_change_check = Some(now);
            requests.push(Request::CheckForChanges);
        }
        requests
    }

    /// The first requests: the sample import into an empty library, or the stories.
    fn start(&mut self, import_sample: bool) -> Vec<Request> {
        if import_sample {
            self.status = Status::hint("importing the bundled sample library…");
            vec![Request::ImportSample, Request::Drafts]
        } else {
            vec![
                Request::LoadFirstStories,
                Request::LoadMarks,
                Request::Drafts,
                Request::LoadStories,
                Request::PrepareSearch,
            ]
        }
    }

    /// A number that changes whenever an update may have changed what is drawn: the
    /// runtime draws a frame only when it differs from the last frame's.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The key bindings.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The styles things are drawn in.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The terminal's width in cells.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// The terminal's height in cells.
    pub fn height(&self) -> u16 {
        self.height
    }

    /// The focused pane.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The stories pane.
    pub fn stories(&self) -> &StoriesPane {
        &self.stories
    }

    /// The story pane.
    pub fn story(&self) -> &StoryPane {
        &self.story
    }

    /// The entities pane.
    pub fn entities(&self) -> &EntitiesPane {
        &self.entities
    }

    /// The quotes pane.
    pub fn quotes(&self) -> &QuotesPane {
        &self.quotes
    }

    /// The timeline pane.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The notes pane.
    pub fn notes(&self) -> &NotesPane {
        &self.notes
    }

    /// The window over the panes, if one is open.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The status line's message.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Requests sent and not answered yet.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// The background fetch's progress, while one runs.
    pub fn fetching(&self) -> Option<FetchProgress> {
        self.fetching
    }

    /// Has the user asked to quit?
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Work waiting for the runtime outside the window (a URL to open or copy).
    pub fn outside(&self) -> Option<&Outside> {
        self.outside.as_ref()
    }

    /// Asks the runtime to open or copy the open story's URL.
    fn hand_over_url(&mut self, command: Command) -> Vec<Request> {
        let Some(story) = &self.story.open else {
            return self.hint("open a story first");
        };
        let Some(url) = story.article.url.as_deref().and_then(web_url) else {
            return self.hint("this story has no web address");
        };
        self.outside = Some(if command == Command::OpenUrl {
            Outside::OpenUrl(url)
        } else {
            Outside::CopyUrl(url)
        });
        Vec::new()
    }

    /// The story a mark applies to: the selected one in the list, else the open one.
    fn marked_story(&self) -> Option<i64> {
        match self.focus {
            Pane::Stories => self.selected_story().map(|s| s.id),
            _ => self
                .story
                .id()
                .or_else(|| self.selected_story().map(|s| s.id)),
        }
    }

    /// The selected story row of the stories pane.
    pub fn selected_story(&self) -> Option<&StorySummary> {
        self.stories.selected()
    }

    /// The story's entities in display order (grouped by kind, most mentioned first).
    pub fn entity_order(&self) -> Vec<usize> {
        EntitiesPane::order(self.story.open.as_ref())
    }

    /// The story's quotes shown in the quotes pane (reported speech included).
    pub fn quote_count(&self) -> usize {
        self.story
            .open
            .as_ref()
            .map_or(0, |s| s.analysis.quotes.len())
    }

    /// Lines of the story pane's text area (inside the borders).
    pub fn story_viewport(&self) -> (u16, u16) {
        let area = self.story_area();
        (area.width.saturating_sub(2), area.height.saturating_sub(2))
    }

    /// Where the story pane is drawn (with its borders).
    pub fn story_area(&self) -> Rect {
        let screen = panes::screen(self.width, self.height, Pane::Story);
        screen
            .area(Pane::Story)
            .or_else(|| screen.panes.first().map(|(_, a)| *a))
            .unwrap_or_default()
    }

    /// Runs an event through the open overlay, if any, and applies its outcome.
    fn in_overlay(&mut self, event: impl FnOnce(&mut Overlay) -> Outcome) -> Vec<Request> {
        match &mut self.overlay {
            Some(overlay) => {
                let outcome = event(overlay);
                self.apply(outcome)
            }
            None => Vec::new(),
        }
    }

    /// Carries out an overlay's outcome: its transition, then its effects in order.
    fn apply(&mut self, outcome: Outcome) -> Vec<Request> {
        match outcome.transition {
            Transition::Stay => {}
            Transition::Close => self.overlay = None,
            Transition::Replace(overlay) => self.overlay = Some(overlay),
        }
        let mut requests = Vec::new();
        for effect in outcome.effects {
            match effect {
                Effect::Request(request) => requests.push(request),
                Effect::OpenStory {
                    id,
                    at,
                    entity,
                    terms,
                } => {
                    if let Some(entity) = entity {
                        self.entities.selected = Some(entity);
                    }
                    if let Some(terms) = terms {
                        self.story.terms = terms;
                    }
                    self.focus = Pane::Story;
                    requests.push(Request::OpenStory { id, at });
                }
                Effect::Focus(pane) => self.focus = pane,
                Effect::Search(query) => {
                    let (search, outcome) = Search::with_query(self.focus, &query);
                    self.overlay = Some(Overlay::Search(search));
                    requests.extend(self.apply(outcome));
                }
                Effect::Status(status) => self.status = status,
                Effect::EditExternally(editor) => requests.extend(self.edit_externally(editor)),
            }
        }
        requests
    }

    fn command(&mut self, command: Command) -> Vec<Request> {
        if self.overlay.is_some() {
            let context = Context {
                stories: &self.stories.rows,
                story_rows: self.story_viewport().1 as usize,
                help_lines: crate::tui::overlay::help::lines(&self.keymap).len(),
            };
            let Some(overlay) = &mut self.overlay else {
                return Vec::new();
            };
            let outcome = overlay.command(command, &context);
            return self.apply(outcome);
        }
        match command {
            Command::Quit => {
                self.should_quit = true;
                Vec::new()
            }
            Command::Help => {
                self.overlay = Some(Overlay::Help(Help::default()));
                Vec::new()
            }
            Command::Search => {
                self.overlay = Some(Overlay::Search(Search::new(self.focus)));
                Vec::new()
            }
            Command::NextPane | Command::PrevPane => {
                self.focus = self.focus.cycle(command == Command::PrevPane);
                self.on_focus_change();
                Vec::new()
            }
            Command::Back => {
                if self.entities.selected.take().is_some() {
                    self.relayout_story();
                } else if self.focus != Pane::Stories {
                    self.focus = Pane::Stories;
                }
                self.status = Status::default();
                Vec::new()
            }
            Command::Open => self.open_selected(),
            // N without a search in the story opens all notes (issue 5's key).
            Command::PrevMatch if self.story.matches.is_empty() => vec![Request::AllNotes],
            Command::NextMatch | Command::PrevMatch => {
                self.jump_match(command == Command::NextMatch);
                Vec::new()
            }
            Command::EntityStories => match self.entity_under_cursor() {
                Some(name) => vec![Request::EntityStories(name)],
                None => self.hint("select an entity in the Entities pane first"),
            },
            Command::Timeline => match (self.focus, self.entity_under_cursor()) {
                (Pane::Entities, Some(name)) => {
                    self.focus = Pane::Timeline;
                    vec![Request::EntityTimeline(name)]
                }
                _ => match &self.story.open {
                    Some(story) => {
                        self.focus = Pane::Timeline;
                        vec![Request::StoryTimeline(story.id)]
                    }
                    None => self.hint("open a story first"),
                },
            },
            Command::StoryVersions => match self.story.id() {
                Some(id) => vec![Request::StoryVersions(id)],
                None => self.hint("open a story first"),
            },
            Command::CycleSort => {
                self.stories.sort = self.stories.sort.next();
                self.stories.refresh();
                Vec::new()
            }
            Command::ToggleUnreadOnly => {
                self.stories.unread_only = !self.stories.unread_only;
                self.stories.refresh();
                Vec::new()
            }
            Command::ToggleRead => match self.selected_story().map(|s| s.id) {
                Some(id) => {
                    let read = !self.stories.is_read(id);
                    self.stories.mark_read(id, read);
                    vec![Request::SetRead {
                        stories: vec![id],
                        read,
                    }]
                }
                None => Vec::new(),
            },
            Command::MarkAllRead => {
                let marked = self.stories.mark_shown_read();
                self.stories.refresh();
                let plural = if marked.len() == 1 {
                    "story"
                } else {
                    "stories"
                };
                self.status = Status::hint(&format!("{} {plural} marked read", marked.len()));
                if marked.is_empty() {
                    return Vec::new();
                }
                vec![Request::SetRead {
                    stories: marked,
                    read: true,
                }]
            }
            Command::NextUnread => match self.stories.next_unread() {
                Some(id) => {
                    self.stories.select(id);
                    vec![Request::OpenStory { id, at: None }]
                }
                None => self.hint("no unread stories in the list"),
            },
            Command::ToggleStar => match self.marked_story() {
                Some(id) => {
                    let starred = self.stories.toggle_star(id);
                    vec![Request::SetStarred { story: id, starred }]
                }
                None => self.hint("select a story first"),
            },
            Command::OpenUrl | Command::CopyUrl => self.hand_over_url(command),
            Command::Correct | Command::Corrections => self.correction_command(command),
            Command::SavedSearches => vec![Request::SavedSearches],
            // Saving a search is done from the search line.
            Command::SaveSearch => Vec::new(),
            Command::Up | Command::Down | Command::Top | Command::Bottom => {
                self.move_in_focus(command)
            }
            Command::HalfPageDown | Command::HalfPageUp | Command::PageDown | Command::PageUp => {
                self.move_in_focus(command)
            }
            Command::FetchFeeds => self.start_fetch(),
            // Text-line, list-window and question keys mean nothing on the panes.
            Command::Remove
            | Command::DeleteChar
            | Command::DeleteCharForward
            | Command::DeleteToStart
            | Command::DeleteWordBack
            | Command::CursorLeft
            | Command::CursorRight
            | Command::LineStart
            | Command::LineEnd
            | Command::Yes
            | Command::No => Vec::new(),
            Command::AddNote
            | Command::ExternalEdit
            | Command::AllNotes
            | Command::ExportBriefing
            | Command::DeleteNote
            | Command::UndoDelete
            | Command::NoteHistory
            | Command::SaveNote => self.note_command(command),
        }
    }

    pub(crate) fn hint(&mut self, text: &str) -> Vec<Request> {
        self.status = Status::hint(text);
        Vec::new()
    }

    /// Is this quote's kind shown with its speaker?
    pub fn quote_label(kind: QuoteKind) -> &'static str {
        match kind {
            QuoteKind::Direct => "",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Reported => "reported",
        }
    }
}
