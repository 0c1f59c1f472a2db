//! How the reader takes the library worker's answers: stories, marks, a story opened,
//! timelines, search pages and failures (notes and corrections have their own files).

use super::App;
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::{EntityStories, Overlay, SavedSearches, StoryVersions};
use crate::tui::pane::{Story, Timeline};
use crate::tui::panes::{self, Pane};
use crate::tui::request::{Request, Response};
use crate::tui::search_terms::find_terms;
use crate::tui::status::Status;
use crate::tui::story_text::{self, Highlights, StoryLayout};

impl App {
    pub(crate) fn loaded(&mut self, response: Response) -> Vec<Request> {
        match response {
            Response::SampleImported(message) => {
                self.status = Status::hint(&message);
                vec![Request::LoadStories, Request::PrepareSearch]
            }
            Response::Changed(false) => Vec::new(),
            // New stories show in the list with their unread marks (and the library's
            // count); the status line is left to what the user did.
            Response::Changed(true) => vec![Request::ReloadStories, Request::LoadMarks],
            Response::SavedSearches(searches) => {
                match &mut self.overlay {
                    Some(Overlay::SavedSearches(list)) => list.set(searches),
                    Some(Overlay::Search(_)) => {
                        let list = self
                            .keymap
                            .key_for(Command::SavedSearches)
                            .map(|key| format!(" — {key} lists saved searches"))
                            .unwrap_or_default();
                        self.status = Status::hint(&format!("search saved{list}"));
                    }
                    _ => self.overlay = Some(Overlay::SavedSearches(SavedSearches::new(searches))),
                }
                Vec::new()
            }
            Response::Marks(marks) => {
                self.stories.set_marks(marks);
                Vec::new()
            }
            Response::Stories(stories) => {
                self.stories.set_rows(stories);
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
                self.timeline = Timeline::new(title, events, self.story.id());
                Vec::new()
            }
            Response::EntityStories { name, stories } => {
                self.overlay = Some(Overlay::EntityStories(EntityStories::new(name, stories)));
                Vec::new()
            }
            Response::Search { generation, page } => {
                if let Some(Overlay::Search(search)) = &mut self.overlay {
                    search.answered(generation, page);
                }
                Vec::new()
            }
            Response::Failed(message) => {
                self.status = Status::error(message);
                Vec::new()
            }
            Response::FetchStarted(total) => self.fetch_started(total),
            Response::Done => Vec::new(),
            corrections @ (Response::Corrections(_)
            | Response::Corrected(_)
            | Response::CorrectionUndone(_)
            | Response::StoryRefreshed(_)) => self.corrections_loaded(corrections),
            notes => self.notes_loaded(notes),
        }
    }

    pub(crate) fn show_story(&mut self, story: Story, at: Option<usize>) -> Vec<Request> {
        let id = story.id;
        let same_story = self.story.id() == Some(id);
        let mut requests = Vec::new();
        if self.stories.mark_read(id, true) {
            requests.push(Request::SetRead {
                stories: vec![id],
                read: true,
            });
        }
        self.stories.select(id);
        self.story.matches = find_terms(&story.article.body, &self.story.terms);
        self.story.match_index = 0;
        if !same_story {
            self.entities.cursor = Cursor::default();
            self.quotes.cursor = Cursor::default();
            self.notes.list = Vec::new();
            self.notes.cursor = Cursor::default();
            if let Some(name) = &self.entities.selected
                && !story.analysis.entities.iter().any(|e| &e.name == name)
            {
                self.entities.selected = None;
            }
        }
        self.story.open = Some(story);
        self.relayout_story();
        self.story.scroll = 0;
        let target = at
            .or_else(|| self.story.matches.first().map(|m| m.0))
            .or_else(|| {
                let name = self.entities.selected.as_ref()?;
                let story = self.story.open.as_ref()?;
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
        if !same_story {
            requests.extend([Request::StoryTimeline(id), Request::StoryNotes(id)]);
        }
        requests
    }

    /// Recomputes the wrapped story text after a change of story, width or highlight.
    pub(crate) fn relayout_story(&mut self) {
        let (width, _) = self.story_viewport();
        let noted: Vec<(usize, usize)> = self
            .notes
            .list
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
        self.story.layout = match &self.story.open {
            Some(story) => story_text::layout(
                &story.article,
                &story.analysis,
                &Highlights {
                    entity: self.entities.selected.as_deref(),
                    matches: &self.story.matches,
                    notes: &noted,
                },
                &self.theme,
                width.saturating_sub(1),
            ),
            None => StoryLayout::default(),
        };
        self.story.scroll = self.story.scroll.min(self.max_scroll());
    }
}
