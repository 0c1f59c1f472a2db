//! The reader's whole state and `App::update`, the one place it changes.

use std::collections::HashSet;

use ratatui::layout::Rect;

use crate::library::Note;

use crate::model::{Extract, QuoteKind};
use crate::tui::action::{Action, Command};
use crate::tui::cursor::Cursor;
use crate::tui::fetching::FetchProgress;
use crate::tui::keymap::Keymap;
use crate::tui::overlay::{
    Context, Editor, Effect, EntityStories, Help, Outcome, Overlay, Search, StoryVersions,
    Transition,
};
use crate::tui::panes::{self, Pane};
use crate::tui::request::{Request, Response, StoryRow, TimelineRow};
use crate::tui::search_terms::find_terms;
pub use crate::tui::status::Status;
use crate::tui::story_text::{self, Highlights, StoryLayout};
use crate::tui::theme::Theme;

/// How the stories pane is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    Newest,
    Oldest,
    Source,
    Title,
}

impl SortOrder {
    fn next(self) -> SortOrder {
        match self {
            SortOrder::Newest => SortOrder::Oldest,
            SortOrder::Oldest => SortOrder::Source,
            SortOrder::Source => SortOrder::Title,
            SortOrder::Title => SortOrder::Newest,
        }
    }

    /// The name shown in the stories pane's title.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
            SortOrder::Source => "source",
            SortOrder::Title => "title",
        }
    }
}

/// The events shown in the timeline pane and what they relate to.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// "related to this story" or the entity's name.
    pub title: String,
    pub events: Vec<TimelineRow>,
    pub cursor: Cursor,
}

/// All state of the reader.
pub struct App {
    pub keymap: Keymap,
    pub theme: Theme,
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    /// Every story, newest first, as loaded.
    pub stories: Vec<StoryRow>,
    /// Indexes into `stories` after sorting and the unread filter.
    pub visible: Vec<usize>,
    pub stories_cursor: Cursor,
    pub sort: SortOrder,
    pub unread_only: bool,
    pub read: HashSet<i64>,
    pub story: Option<Extract>,
    pub story_layout: StoryLayout,
    pub story_scroll: usize,
    pub entity_cursor: Cursor,
    pub quote_cursor: Cursor,
    /// The entity whose mentions are highlighted.
    pub selected_entity: Option<String>,
    /// Words of the last search, found again inside the open story.
    pub search_terms: Vec<String>,
    pub matches: Vec<(usize, usize)>,
    pub match_index: usize,
    pub timeline: Timeline,
    /// The open story's live notes.
    pub notes: Vec<Note>,
    pub notes_cursor: Cursor,
    /// The note deleted last, for undo.
    pub last_deleted: Option<i64>,
    /// The note handed to $VISUAL/$EDITOR, waiting for [`Action::ExternalEdited`].
    pub(crate) external_edit: Option<Box<Editor>>,
    pub overlay: Option<Overlay>,
    pub status: Status,
    /// Requests sent and not answered yet: the busy indicator shows while it is above 0.
    pub pending: usize,
    /// The fetch running in the background, if any.
    pub fetching: Option<FetchProgress>,
    pub should_quit: bool,
    /// The library worker stopped: requests go nowhere, and the status line says so.
    worker_stopped: bool,
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
            stories: Vec::new(),
            visible: Vec::new(),
            stories_cursor: Cursor::default(),
            sort: SortOrder::default(),
            unread_only: false,
            read: HashSet::new(),
            story: None,
            story_layout: StoryLayout::default(),
            story_scroll: 0,
            entity_cursor: Cursor::default(),
            quote_cursor: Cursor::default(),
            selected_entity: None,
            search_terms: Vec::new(),
            matches: Vec::new(),
            match_index: 0,
            timeline: Timeline::default(),
            notes: Vec::new(),
            notes_cursor: Cursor::default(),
            last_deleted: None,
            external_edit: None,
            overlay: None,
            status: Status::default(),
            pending: 0,
            fetching: None,
            should_quit: false,
            worker_stopped: false,
        }
    }

    /// Changes state for one action; returns the library work it needs.
    pub fn update(&mut self, action: Action) -> Vec<Request> {
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
                self.pending = self.pending.saturating_sub(1);
                self.loaded(response)
            }
            Action::EditorKey(key) => self.in_overlay(|overlay| overlay.editor_key(key)),
            Action::Confirm(yes) => self.in_overlay(|overlay| overlay.confirm(yes)),
            Action::Tick(now) => self.in_overlay(|overlay| overlay.tick(now)),
            Action::Start { import_sample } => self.start(import_sample),
            Action::ExternalEdited(result) => self.external_edited(result),
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
        self.pending += requests.len();
        requests
    }

    /// The first requests: the sample import into an empty library, or the stories.
    fn start(&mut self, import_sample: bool) -> Vec<Request> {
        if import_sample {
            self.status = Status::hint("importing the bundled sample library…");
            vec![Request::ImportSample, Request::Drafts]
        } else {
            vec![
                Request::LoadStories,
                Request::Drafts,
                Request::PrepareSearch,
            ]
        }
    }

    /// The selected story row of the stories pane.
    pub fn selected_story(&self) -> Option<&StoryRow> {
        self.visible
            .get(self.stories_cursor.index)
            .map(|&i| &self.stories[i])
    }

    /// The story's entities in display order (grouped by kind, most mentioned first).
    pub fn entity_order(&self) -> Vec<usize> {
        let Some(story) = &self.story else {
            return Vec::new();
        };
        let mut order: Vec<usize> = (0..story.analysis.entities.len()).collect();
        let entities = &story.analysis.entities;
        order.sort_by(|&a, &b| {
            (
                entities[a].kind,
                std::cmp::Reverse(entities[a].mentions.len()),
                &entities[a].name,
            )
                .cmp(&(
                    entities[b].kind,
                    std::cmp::Reverse(entities[b].mentions.len()),
                    &entities[b].name,
                ))
        });
        order
    }

    /// The story's quotes shown in the quotes pane (reported speech included).
    pub fn quote_count(&self) -> usize {
        self.story.as_ref().map_or(0, |s| s.analysis.quotes.len())
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
                        self.selected_entity = Some(entity);
                    }
                    if let Some(terms) = terms {
                        self.search_terms = terms;
                    }
                    self.focus = Pane::Story;
                    requests.push(Request::OpenStory { id, at });
                }
                Effect::Focus(pane) => self.focus = pane,
                Effect::Status(status) => self.status = status,
                Effect::EditExternally(editor) => requests.extend(self.edit_externally(editor)),
            }
        }
        requests
    }

    fn command(&mut self, command: Command) -> Vec<Request> {
        if self.overlay.is_some() {
            let context = Context {
                stories: &self.stories,
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
                if self.selected_entity.take().is_some() {
                    self.relayout_story();
                } else if self.focus != Pane::Stories {
                    self.focus = Pane::Stories;
                }
                self.status = Status::default();
                Vec::new()
            }
            Command::Open => self.open_selected(),
            // N without a search in the story opens all notes (issue 5's key).
            Command::PrevMatch if self.matches.is_empty() => vec![Request::AllNotes],
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
                _ => match &self.story {
                    Some(story) => {
                        self.focus = Pane::Timeline;
                        story.id.map(Request::StoryTimeline).into_iter().collect()
                    }
                    None => self.hint("open a story first"),
                },
            },
            Command::StoryVersions => match self.story.as_ref().and_then(|story| story.id) {
                Some(id) => vec![Request::StoryVersions(id)],
                None => self.hint("open a story first"),
            },
            Command::CycleSort => {
                self.sort = self.sort.next();
                self.refresh_visible();
                Vec::new()
            }
            Command::ToggleUnreadOnly => {
                self.unread_only = !self.unread_only;
                self.refresh_visible();
                Vec::new()
            }
            Command::ToggleRead => {
                if let Some(id) = self.selected_story().map(|s| s.id)
                    && !self.read.remove(&id)
                {
                    self.read.insert(id);
                }
                Vec::new()
            }
            Command::Up | Command::Down | Command::Top | Command::Bottom => {
                self.move_in_focus(command)
            }
            Command::HalfPageDown | Command::HalfPageUp | Command::PageDown | Command::PageUp => {
                self.move_in_focus(command)
            }
            Command::FetchFeeds => self.start_fetch(),
            // Text-line and question keys mean nothing on the panes.
            Command::DeleteChar | Command::Yes | Command::No => Vec::new(),
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

    pub(crate) fn loaded(&mut self, response: Response) -> Vec<Request> {
        match response {
            Response::SampleImported(message) => {
                self.status = Status::hint(&message);
                vec![Request::LoadStories, Request::PrepareSearch]
            }
            Response::Stories(stories) => {
                let selected = self.selected_story().map(|s| s.id);
                self.stories = stories;
                self.refresh_visible();
                if let Some(id) = selected
                    && let Some(pos) = self.visible.iter().position(|&i| self.stories[i].id == id)
                {
                    self.stories_cursor.index = pos;
                }
                Vec::new()
            }
            Response::Story { story, at } => self.show_story(*story, at),
            Response::StoryVersions { story, versions } => {
                if versions.is_empty() {
                    return self.hint(&format!(
                        "story {story} has no earlier versions: no import has changed its text"
                    ));
                }
                let (width, _) = self.story_viewport();
                self.overlay = Some(Overlay::StoryVersions(StoryVersions::new(
                    story,
                    versions,
                    &self.theme,
                    width.saturating_sub(1),
                )));
                Vec::new()
            }
            Response::Timeline { title, events } => {
                let own = self.story.as_ref().and_then(|s| s.id);
                let cursor = Cursor {
                    index: events
                        .iter()
                        .position(|e| e.sources.iter().any(|s| Some(s.story.id) == own))
                        .unwrap_or(0),
                };
                self.timeline = Timeline {
                    title,
                    events,
                    cursor,
                };
                Vec::new()
            }
            Response::EntityStories { name, stories } => {
                self.overlay = Some(Overlay::EntityStories(EntityStories::new(name, stories)));
                Vec::new()
            }
            Response::Search {
                generation,
                results,
            } => {
                if let Some(Overlay::Search(search)) = &mut self.overlay {
                    search.answered(generation, results);
                }
                Vec::new()
            }
            Response::Failed(message) => {
                self.status = Status::error(message);
                Vec::new()
            }
            Response::FetchStarted(total) => self.fetch_started(total),
            Response::Done => Vec::new(),
            notes => self.notes_loaded(notes),
        }
    }

    pub(crate) fn show_story(&mut self, story: Extract, at: Option<usize>) -> Vec<Request> {
        let id = story.id;
        let same_story = self.story.as_ref().and_then(|s| s.id) == id && id.is_some();
        if let Some(id) = id {
            self.read.insert(id);
            if let Some(pos) = self.visible.iter().position(|&i| self.stories[i].id == id) {
                self.stories_cursor.index = pos;
            }
        }
        self.matches = find_terms(&story.article.body, &self.search_terms);
        self.match_index = 0;
        if !same_story {
            self.entity_cursor = Cursor::default();
            self.quote_cursor = Cursor::default();
            self.notes = Vec::new();
            self.notes_cursor = Cursor::default();
            if let Some(name) = &self.selected_entity
                && !story.analysis.entities.iter().any(|e| &e.name == name)
            {
                self.selected_entity = None;
            }
        }
        self.story = Some(story);
        self.relayout_story();
        self.story_scroll = 0;
        let target = at
            .or_else(|| self.matches.first().map(|m| m.0))
            .or_else(|| {
                let name = self.selected_entity.as_ref()?;
                let story = self.story.as_ref()?;
                story
                    .analysis
                    .entities
                    .iter()
                    .find(|e| &e.name == name)?
                    .mentions
                    .first()
                    .map(|m| m.start)
            });
        if let Some(offset) = target {
            self.scroll_to_offset(offset);
        }
        if self.focus == Pane::Stories && self.width >= panes::WIDE_MIN_WIDTH {
            // On a wide screen the list keeps focus; the story shows beside it.
        } else if self.focus == Pane::Stories {
            self.focus = Pane::Story;
        }
        match (same_story, id) {
            (false, Some(id)) => vec![Request::StoryTimeline(id), Request::StoryNotes(id)],
            _ => Vec::new(),
        }
    }

    /// Recomputes the wrapped story text after a change of story, width or highlight.
    pub(crate) fn relayout_story(&mut self) {
        let (width, _) = self.story_viewport();
        let noted: Vec<(usize, usize)> = self
            .notes
            .iter()
            .filter_map(|note| match &note.anchor {
                Some(crate::library::Anchor::Passage {
                    start,
                    end,
                    detached: false,
                    ..
                }) => Some((*start, *end)),
                _ => None,
            })
            .collect();
        self.story_layout = match &self.story {
            Some(story) => story_text::layout(
                story,
                &Highlights {
                    entity: self.selected_entity.as_deref(),
                    matches: &self.matches,
                    notes: &noted,
                },
                &self.theme,
                width.saturating_sub(1),
            ),
            None => StoryLayout::default(),
        };
        self.story_scroll = self.story_scroll.min(self.max_scroll());
    }

    pub(crate) fn refresh_visible(&mut self) {
        let mut visible: Vec<usize> = (0..self.stories.len())
            .filter(|&i| !self.unread_only || !self.read.contains(&self.stories[i].id))
            .collect();
        let stories = &self.stories;
        match self.sort {
            SortOrder::Newest => {}
            SortOrder::Oldest => visible.reverse(),
            SortOrder::Source => {
                visible.sort_by(|&a, &b| stories[a].source.cmp(&stories[b].source))
            }
            SortOrder::Title => {
                visible.sort_by_key(|&i| stories[i].title.to_lowercase());
            }
        }
        self.visible = visible;
        self.stories_cursor.clamp(self.visible.len());
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
