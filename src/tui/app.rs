//! The reader's whole state and `App::update`, the one place it changes.

use std::collections::HashSet;

use crate::model::{Extract, QuoteKind};
use crate::tui::action::{Action, Command, MouseAction};
use crate::tui::cursor::Cursor;
use crate::tui::keymap::Keymap;
use crate::tui::panes::{self, Pane};
use crate::tui::request::{Request, Response, SearchRow, StoryRow, TimelineRow};
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

/// The search line and its live results.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub input: String,
    pub results: Vec<SearchRow>,
    pub cursor: Cursor,
    pub generation: u64,
    pub waiting: bool,
    /// The focus to go back to on Esc.
    previous_focus: Option<Pane>,
}

/// A window drawn over the panes.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Search(SearchState),
    EntityStories {
        name: String,
        stories: Vec<StoryRow>,
        cursor: Cursor,
    },
}

/// The events shown in the timeline pane and what they relate to.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// "related to this story" or the entity's name.
    pub title: String,
    pub events: Vec<TimelineRow>,
    pub cursor: Cursor,
}

/// A line of text for the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub is_error: bool,
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
    pub overlay: Option<Overlay>,
    pub status: Status,
    /// Requests sent and not answered yet: the busy indicator shows while it is above 0.
    pub pending: usize,
    pub should_quit: bool,
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
            overlay: None,
            status: Status::default(),
            pending: 0,
            should_quit: false,
        }
    }

    /// Changes state for one action; returns the library work it needs.
    pub fn update(&mut self, action: Action) -> Vec<Request> {
        let requests = match action {
            Action::Command(command) => self.command(command),
            Action::Input(c) => self.type_char(c),
            Action::DeleteChar => self.delete_char(),
            Action::Mouse(mouse) => self.mouse(mouse),
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.relayout_story();
                Vec::new()
            }
            Action::Loaded(response) => {
                self.pending = self.pending.saturating_sub(1);
                self.loaded(response)
            }
        };
        self.pending += requests.len();
        requests
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
        let screen = panes::screen(self.width, self.height, Pane::Story);
        let area = screen
            .area(Pane::Story)
            .or_else(|| screen.panes.first().map(|(_, a)| *a))
            .unwrap_or_default();
        (area.width.saturating_sub(2), area.height.saturating_sub(2))
    }

    fn command(&mut self, command: Command) -> Vec<Request> {
        match self.overlay.take() {
            Some(Overlay::Help { scroll }) => return self.help_command(command, scroll),
            Some(Overlay::Search(search)) => return self.search_command(command, search),
            Some(Overlay::EntityStories {
                name,
                stories,
                cursor,
            }) => {
                return self.entity_stories_command(command, name, stories, cursor);
            }
            None => {}
        }
        match command {
            Command::Quit => {
                self.should_quit = true;
                Vec::new()
            }
            Command::Help => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                Vec::new()
            }
            Command::Search => {
                self.overlay = Some(Overlay::Search(SearchState {
                    previous_focus: Some(self.focus),
                    ..SearchState::default()
                }));
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
        }
    }

    fn hint(&mut self, text: &str) -> Vec<Request> {
        self.status = Status {
            text: text.to_string(),
            is_error: false,
        };
        Vec::new()
    }

    /// Rows a page or half page moves in the focused pane.
    fn page_rows(&self, command: Command) -> isize {
        let screen = panes::screen(self.width, self.height, self.focus);
        let rows = screen
            .area(self.focus)
            .map_or(1, |a| a.height.saturating_sub(2).max(1)) as isize;
        match command {
            Command::HalfPageDown => (rows / 2).max(1),
            Command::HalfPageUp => -(rows / 2).max(1),
            Command::PageDown => rows,
            Command::PageUp => -rows,
            Command::Down => 1,
            Command::Up => -1,
            _ => 0,
        }
    }

    fn move_in_focus(&mut self, command: Command) -> Vec<Request> {
        let delta = self.page_rows(command);
        let apply = |cursor: &mut Cursor, len: usize| match command {
            Command::Top => cursor.top(),
            Command::Bottom => cursor.bottom(len),
            _ => cursor.step(delta, len),
        };
        match self.focus {
            Pane::Stories => apply(&mut self.stories_cursor, self.visible.len()),
            Pane::Story => {
                let max = self.max_scroll();
                self.story_scroll = match command {
                    Command::Top => 0,
                    Command::Bottom => max,
                    _ => (self.story_scroll as isize + delta).clamp(0, max as isize) as usize,
                };
            }
            Pane::Entities => {
                let len = self.entity_order().len();
                apply(&mut self.entity_cursor, len);
                self.select_entity_under_cursor();
            }
            Pane::Quotes => {
                let len = self.quote_count();
                apply(&mut self.quote_cursor, len);
                self.scroll_to_selected_quote();
            }
            Pane::Timeline => apply(&mut self.timeline.cursor, self.timeline.events.len()),
        }
        Vec::new()
    }

    fn max_scroll(&self) -> usize {
        let (_, rows) = self.story_viewport();
        self.story_layout.lines.len().saturating_sub(rows as usize)
    }

    fn scroll_to_offset(&mut self, offset: usize) {
        let line = self.story_layout.line_of(offset);
        let (_, rows) = self.story_viewport();
        // Leave a little context above the target.
        self.story_scroll = line
            .saturating_sub((rows as usize) / 4)
            .min(self.max_scroll());
    }

    fn on_focus_change(&mut self) {
        match self.focus {
            Pane::Entities => self.select_entity_under_cursor(),
            Pane::Quotes => self.scroll_to_selected_quote(),
            _ => {}
        }
    }

    fn entity_under_cursor(&self) -> Option<String> {
        let story = self.story.as_ref()?;
        let order = self.entity_order();
        let i = *order.get(self.entity_cursor.index)?;
        Some(story.analysis.entities[i].name.clone())
    }

    fn select_entity_under_cursor(&mut self) {
        let name = self.entity_under_cursor();
        if name != self.selected_entity {
            self.selected_entity = name;
            self.relayout_story();
        }
    }

    fn scroll_to_selected_quote(&mut self) {
        let start = self
            .story
            .as_ref()
            .and_then(|s| s.analysis.quotes.get(self.quote_cursor.index))
            .map(|q| q.start);
        if let Some(start) = start {
            self.scroll_to_offset(start);
        }
    }

    fn open_selected(&mut self) -> Vec<Request> {
        match self.focus {
            Pane::Stories => match self.selected_story() {
                Some(row) => vec![Request::OpenStory {
                    id: row.id,
                    at: None,
                }],
                None => Vec::new(),
            },
            Pane::Entities => {
                let first = self.entity_under_cursor().and_then(|name| {
                    let story = self.story.as_ref()?;
                    let entity = story.analysis.entities.iter().find(|e| e.name == name)?;
                    entity.mentions.first().map(|m| m.start)
                });
                if let Some(start) = first {
                    self.scroll_to_offset(start);
                    self.focus = Pane::Story;
                }
                Vec::new()
            }
            Pane::Quotes => {
                self.scroll_to_selected_quote();
                self.focus = Pane::Story;
                Vec::new()
            }
            Pane::Timeline => {
                let current = self.story.as_ref().and_then(|s| s.id);
                let Some(event) = self.timeline.events.get(self.timeline.cursor.index) else {
                    return Vec::new();
                };
                let source = event
                    .sources
                    .iter()
                    .find(|s| Some(s.story.id) != current)
                    .or_else(|| event.sources.first());
                match source {
                    Some(source) => {
                        self.focus = Pane::Story;
                        vec![Request::OpenStory {
                            id: source.story.id,
                            at: Some(source.start),
                        }]
                    }
                    None => Vec::new(),
                }
            }
            Pane::Story => Vec::new(),
        }
    }

    fn jump_match(&mut self, forward: bool) {
        if self.matches.is_empty() {
            self.hint("no search matches in this story");
            return;
        }
        let n = self.matches.len();
        self.match_index = if forward {
            (self.match_index + 1) % n
        } else {
            (self.match_index + n - 1) % n
        };
        let (start, _) = self.matches[self.match_index];
        self.scroll_to_offset(start);
        self.status = Status {
            text: format!("match {}/{}", self.match_index + 1, n),
            is_error: false,
        };
    }

    fn help_command(&mut self, command: Command, scroll: usize) -> Vec<Request> {
        let lines = self.keymap.bindings().len();
        let scroll = match command {
            Command::Help | Command::Back | Command::Quit => return Vec::new(),
            Command::Down => (scroll + 1).min(lines.saturating_sub(1)),
            Command::Up => scroll.saturating_sub(1),
            Command::Top => 0,
            Command::Bottom => lines.saturating_sub(1),
            _ => scroll,
        };
        self.overlay = Some(Overlay::Help { scroll });
        Vec::new()
    }

    fn search_command(&mut self, command: Command, mut search: SearchState) -> Vec<Request> {
        match command {
            Command::Back => {
                if let Some(focus) = search.previous_focus {
                    self.focus = focus;
                }
                Vec::new()
            }
            Command::Open => {
                let Some(row) = search.results.get(search.cursor.index) else {
                    self.overlay = Some(Overlay::Search(search));
                    return Vec::new();
                };
                let id = row.story.id;
                self.search_terms = query_words(&search.input);
                self.focus = Pane::Story;
                vec![Request::OpenStory { id, at: None }]
            }
            Command::Down | Command::Up => {
                search.cursor.step(
                    if command == Command::Down { 1 } else { -1 },
                    search.results.len(),
                );
                self.overlay = Some(Overlay::Search(search));
                Vec::new()
            }
            _ => {
                self.overlay = Some(Overlay::Search(search));
                Vec::new()
            }
        }
    }

    fn entity_stories_command(
        &mut self,
        command: Command,
        name: String,
        stories: Vec<StoryRow>,
        mut cursor: Cursor,
    ) -> Vec<Request> {
        match command {
            Command::Back | Command::Quit => Vec::new(),
            Command::Open => match stories.get(cursor.index) {
                Some(row) => {
                    let id = row.id;
                    self.selected_entity = Some(name);
                    self.focus = Pane::Story;
                    vec![Request::OpenStory { id, at: None }]
                }
                None => Vec::new(),
            },
            _ => {
                match command {
                    Command::Top => cursor.top(),
                    Command::Bottom => cursor.bottom(stories.len()),
                    Command::Down => cursor.step(1, stories.len()),
                    Command::Up => cursor.step(-1, stories.len()),
                    _ => {}
                }
                self.overlay = Some(Overlay::EntityStories {
                    name,
                    stories,
                    cursor,
                });
                Vec::new()
            }
        }
    }

    fn type_char(&mut self, c: char) -> Vec<Request> {
        match &mut self.overlay {
            Some(Overlay::Search(search)) => {
                search.input.push(c);
                search_request(search)
            }
            _ => Vec::new(),
        }
    }

    fn delete_char(&mut self) -> Vec<Request> {
        match &mut self.overlay {
            Some(Overlay::Search(search)) => {
                search.input.pop();
                search_request(search)
            }
            _ => Vec::new(),
        }
    }

    fn mouse(&mut self, mouse: MouseAction) -> Vec<Request> {
        if self.overlay.is_some() {
            return Vec::new();
        }
        let screen = panes::screen(self.width, self.height, self.focus);
        let (column, row, command) = match mouse {
            MouseAction::ScrollUp { column, row } => (column, row, Some(Command::Up)),
            MouseAction::ScrollDown { column, row } => (column, row, Some(Command::Down)),
            MouseAction::Click { column, row } => (column, row, None),
        };
        let Some((pane, area)) = screen.pane_at(column, row) else {
            return Vec::new();
        };
        let previous = self.focus;
        self.focus = pane;
        let requests = match command {
            Some(command) => {
                let steps = if pane == Pane::Story { 3 } else { 1 };
                (0..steps)
                    .flat_map(|_| self.move_in_focus(command))
                    .collect()
            }
            None => {
                // A click on a list row selects it; rows start inside the border.
                let clicked = (row.saturating_sub(area.y + 1)) as usize;
                self.click_row(pane, clicked, area.height.saturating_sub(2) as usize)
            }
        };
        if command.is_some() {
            self.focus = previous;
        }
        requests
    }

    fn click_row(&mut self, pane: Pane, row: usize, height: usize) -> Vec<Request> {
        let pick = |cursor: &mut Cursor, len: usize| {
            let index = cursor.window_start(height) + row;
            if index < len {
                cursor.index = index;
            }
        };
        match pane {
            Pane::Stories => {
                pick(&mut self.stories_cursor, self.visible.len());
                self.open_selected()
            }
            Pane::Quotes => {
                let len = self.quote_count();
                pick(&mut self.quote_cursor, len);
                self.scroll_to_selected_quote();
                Vec::new()
            }
            Pane::Timeline => {
                pick(&mut self.timeline.cursor, self.timeline.events.len());
                Vec::new()
            }
            Pane::Entities => {
                // Entity rows are interleaved with kind headings; map the row to an entity.
                let order = self.entity_order();
                if let Some(index) =
                    crate::tui::view::entities::entity_at_row(self, row, height, &order)
                {
                    self.entity_cursor.index = index;
                    self.select_entity_under_cursor();
                }
                Vec::new()
            }
            Pane::Story => Vec::new(),
        }
    }

    fn loaded(&mut self, response: Response) -> Vec<Request> {
        match response {
            Response::SampleImported(message) => {
                self.status = Status {
                    text: message,
                    is_error: false,
                };
                vec![Request::LoadStories]
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
                self.overlay = Some(Overlay::EntityStories {
                    name,
                    stories,
                    cursor: Cursor::default(),
                });
                Vec::new()
            }
            Response::Search {
                generation,
                results,
            } => {
                if let Some(Overlay::Search(search)) = &mut self.overlay
                    && search.generation == generation
                {
                    search.results = results;
                    search.cursor.clamp(search.results.len());
                    search.waiting = false;
                }
                Vec::new()
            }
            Response::Failed(message) => {
                self.status = Status {
                    text: message,
                    is_error: true,
                };
                Vec::new()
            }
        }
    }

    fn show_story(&mut self, story: Extract, at: Option<usize>) -> Vec<Request> {
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
            (false, Some(id)) => vec![Request::StoryTimeline(id)],
            _ => Vec::new(),
        }
    }

    /// Recomputes the wrapped story text after a change of story, width or highlight.
    fn relayout_story(&mut self) {
        let (width, _) = self.story_viewport();
        self.story_layout = match &self.story {
            Some(story) => story_text::layout(
                story,
                &Highlights {
                    entity: self.selected_entity.as_deref(),
                    matches: &self.matches,
                },
                &self.theme,
                width.saturating_sub(1),
            ),
            None => StoryLayout::default(),
        };
        self.story_scroll = self.story_scroll.min(self.max_scroll());
    }

    fn refresh_visible(&mut self) {
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

fn search_request(search: &mut SearchState) -> Vec<Request> {
    search.generation += 1;
    search.cursor = Cursor::default();
    if search.input.trim().is_empty() {
        search.results.clear();
        search.waiting = false;
        return Vec::new();
    }
    search.waiting = true;
    vec![Request::Search {
        query: search.input.clone(),
        generation: search.generation,
    }]
}

/// The free words of a search query (filters such as `source:` left out).
pub fn query_words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .filter(|w| !w.contains(':'))
        .map(|w| w.trim_matches('"').to_lowercase())
        .filter(|w| w.chars().count() >= 2)
        .collect()
}

/// Character ranges where any of `terms` occurs in `body`, case-insensitively, in order.
pub fn find_terms(body: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    let lower: Vec<char> = body.chars().flat_map(|c| c.to_lowercase().next()).collect();
    let mut out = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - needle.len() {
            if lower[start..start + needle.len()] == needle[..] {
                out.push((start, start + needle.len()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_case_insensitively_by_char_offset() {
        let body = "Zoë met the EU envoy. The eu said no.";
        let m = find_terms(body, &["eu".to_string()]);
        assert_eq!(m, vec![(12, 14), (26, 28)]);
        assert_eq!(
            query_words("source:\"Gulf\" Grain deal x"),
            vec!["grain", "deal"]
        );
    }
}
