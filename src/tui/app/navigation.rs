//! Moving around the reader: cursors, scrolling, pages, opening what is selected,
//! search matches in the story, and the mouse.

use crate::tui::action::{Command, MouseAction};
use crate::tui::app::App;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::Overlay;
use crate::tui::panes::{self, Pane};
use crate::tui::request::Request;
use crate::tui::status::Status;

impl App {
    /// Rows a page or half page moves in the focused pane.
    pub(crate) fn page_rows(&self, command: Command) -> isize {
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

    pub(crate) fn move_in_focus(&mut self, command: Command) -> Vec<Request> {
        let delta = self.page_rows(command);
        let apply = |cursor: &mut Cursor, len: usize| match command {
            Command::Top => cursor.top(),
            Command::Bottom => cursor.bottom(len),
            _ => cursor.step(delta, len),
        };
        match self.focus {
            Pane::Stories => apply(&mut self.stories.cursor, self.stories.visible.len()),
            Pane::Story => {
                let max = self.max_scroll();
                self.story.scroll = match command {
                    Command::Top => 0,
                    Command::Bottom => max,
                    _ => (self.story.scroll as isize + delta).clamp(0, max as isize) as usize,
                };
            }
            Pane::Entities => {
                let len = self.entity_order().len();
                apply(&mut self.entities.cursor, len);
                self.select_entity_under_cursor();
            }
            Pane::Quotes => {
                let len = self.quote_count();
                apply(&mut self.quotes.cursor, len);
                self.scroll_to_selected_quote();
            }
            Pane::Timeline => apply(&mut self.timeline.cursor, self.timeline.events.len()),
            Pane::Notes => apply(&mut self.notes.cursor, self.notes.list.len()),
        }
        Vec::new()
    }

    pub(crate) fn max_scroll(&self) -> usize {
        let (_, rows) = self.story_viewport();
        self.story.layout.lines.len().saturating_sub(rows as usize)
    }

    pub(crate) fn scroll_to_offset(&mut self, offset: usize) {
        let line = self.story.layout.line_of(offset);
        let (_, rows) = self.story_viewport();
        // Leave a little context above the target.
        self.story.scroll = line
            .saturating_sub((rows as usize) / 4)
            .min(self.max_scroll());
    }

    pub(crate) fn on_focus_change(&mut self) {
        match self.focus {
            Pane::Entities => self.select_entity_under_cursor(),
            Pane::Quotes => self.scroll_to_selected_quote(),
            _ => {}
        }
    }

    pub(crate) fn entity_under_cursor(&self) -> Option<String> {
        let story = self.story.open.as_ref()?;
        let order = self.entity_order();
        let i = *order.get(self.entities.cursor.index)?;
        Some(story.analysis.entities[i].name.clone())
    }

    pub(crate) fn select_entity_under_cursor(&mut self) {
        let name = self.entity_under_cursor();
        if name != self.entities.selected {
            self.entities.selected = name;
            self.relayout_story();
        }
    }

    pub(crate) fn scroll_to_selected_quote(&mut self) {
        let start = self
            .story
            .open
            .as_ref()
            .and_then(|s| s.analysis.quotes.get(self.quotes.cursor.index))
            .map(|q| q.start);
        if let Some(start) = start {
            self.scroll_to_offset(start);
        }
    }

    pub(crate) fn open_selected(&mut self) -> Vec<Request> {
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
                    let story = self.story.open.as_ref()?;
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
                let current = self.story.id();
                let Some(event) = self.timeline.events.get(self.timeline.cursor.index) else {
                    return Vec::new();
                };
                let source = event
                    .sources
                    .iter()
                    .find(|s| Some(s.id) != current)
                    .or_else(|| event.sources.first());
                match source {
                    Some(source) => {
                        self.focus = Pane::Story;
                        vec![Request::OpenStory {
                            id: source.id,
                            at: Some(source.start),
                        }]
                    }
                    None => Vec::new(),
                }
            }
            Pane::Notes => {
                if let Some(editor) = self.start_note() {
                    self.overlay = Some(Overlay::Editor(Box::new(editor)));
                }
                Vec::new()
            }
            Pane::Story => Vec::new(),
        }
    }

    pub(crate) fn jump_match(&mut self, forward: bool) {
        if self.story.matches.is_empty() {
            self.hint("no search matches in this story");
            return;
        }
        let n = self.story.matches.len();
        self.story.match_index = if forward {
            (self.story.match_index + 1) % n
        } else {
            (self.story.match_index + n - 1) % n
        };
        let (start, _) = self.story.matches[self.story.match_index];
        self.scroll_to_offset(start);
        self.status = Status {
            text: format!("match {}/{}", self.story.match_index + 1, n),
            is_error: false,
        };
    }

    pub(crate) fn mouse(&mut self, mouse: MouseAction) -> Vec<Request> {
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

    pub(crate) fn click_row(&mut self, pane: Pane, row: usize, height: usize) -> Vec<Request> {
        let pick = |cursor: &mut Cursor, len: usize| {
            let index = cursor.window_start(height) + row;
            if index < len {
                cursor.index = index;
            }
        };
        match pane {
            Pane::Stories => {
                pick(&mut self.stories.cursor, self.stories.visible.len());
                self.open_selected()
            }
            Pane::Quotes => {
                let len = self.quote_count();
                pick(&mut self.quotes.cursor, len);
                self.scroll_to_selected_quote();
                Vec::new()
            }
            Pane::Timeline => {
                pick(&mut self.timeline.cursor, self.timeline.events.len());
                Vec::new()
            }
            Pane::Entities => {
                // Entity rows are interleaved with kind headings; map the row to an entity.
                let story = self.story.open.as_ref();
                if let Some(index) = self.entities.entity_at_row(story, row, height) {
                    self.entities.cursor.index = index;
                    self.select_entity_under_cursor();
                }
                Vec::new()
            }
            Pane::Notes => {
                pick(&mut self.notes.cursor, self.notes.list.len());
                Vec::new()
            }
            Pane::Story => Vec::new(),
        }
    }
}
