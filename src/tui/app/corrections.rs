//! The analyst's corrections from the reader: the menu for what is selected in the focused
//! pane, the list of corrections to undo, and the library's answers, after which the
//! story, the list and the timeline are read again so the correction shows at once.

use crate::library::{Correction, StoredCorrection};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::correction_choice::Target;
use crate::tui::overlay::prompt::Purpose;
use crate::tui::overlay::{CorrectMenu, Corrections, Overlay};
use crate::tui::pane::Story;
use crate::tui::panes::Pane;
use crate::tui::request::{Request, Response};
use crate::tui::status::Status;

impl App {
    /// What a correction made now would apply to: the selected entity, quote or event of
    /// the open story, or the selected (or open) story itself.
    fn correction_target(&self) -> Option<Target> {
        let story = self.story.open.as_ref();
        match self.focus {
            Pane::Stories => self.selected_story().map(|s| Target::Story {
                story: s.id,
                published: s.published.clone(),
                source: s.source.clone(),
            }),
            Pane::Entities => Some(Target::Entity {
                story: story?.id,
                name: self.entity_under_cursor()?,
            }),
            Pane::Quotes => {
                let story = story?;
                let quote = story.analysis.quotes.get(self.quotes.cursor.index)?;
                Some(Target::Quote {
                    story: story.id,
                    text: quote.text.clone(),
                    speaker: quote.speaker.clone(),
                })
            }
            Pane::Timeline => {
                let story = story?;
                let event = self.timeline.events.get(self.timeline.cursor.index)?;
                let source = event.sources.iter().find(|s| s.id == story.id)?;
                let own = story
                    .analysis
                    .events
                    .iter()
                    .find(|e| e.start == source.start)?;
                Some(Target::Event {
                    story: story.id,
                    date: own.date.clone(),
                    summary: own.summary.clone(),
                })
            }
            Pane::Story | Pane::Notes => story.map(|s| Target::Story {
                story: s.id,
                published: s.article.published.clone(),
                source: s.article.source.clone(),
            }),
        }
    }

    /// The correction commands of the main screen.
    pub(crate) fn correction_command(&mut self, command: Command) -> Vec<Request> {
        match command {
            Command::Correct => match self.correction_target() {
                Some(target) => {
                    self.overlay = Some(Overlay::CorrectMenu(CorrectMenu::new(target)));
                    Vec::new()
                }
                None => self.hint(match self.focus {
                    Pane::Timeline => "select an event of the open story first",
                    Pane::Entities | Pane::Quotes => "select an entity or a quote first",
                    _ => "select or open a story first",
                }),
            },
            Command::Corrections => vec![Request::Corrections],
            _ => Vec::new(),
        }
    }

    /// Answers to correction requests.
    pub(crate) fn corrections_loaded(&mut self, response: Response) -> Vec<Request> {
        match response {
            Response::Corrections(corrections) => {
                match &mut self.overlay {
                    Some(Overlay::Corrections(list)) => list.set(corrections),
                    _ => self.overlay = Some(Overlay::Corrections(Corrections::new(corrections))),
                }
                Vec::new()
            }
            Response::Corrected(stored) => self.correction_changed(&stored, false),
            Response::CorrectionUndone(stored) => self.correction_changed(&stored, true),
            Response::StoryRefreshed(story) => {
                self.refresh_story(*story);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// A correction was made or undone: the windows that led to it close, the status line
    /// says what changed, and what shows it is read again.
    fn correction_changed(&mut self, stored: &StoredCorrection, undone: bool) -> Vec<Request> {
        let mut requests = Vec::new();
        match &self.overlay {
            Some(Overlay::CorrectMenu(_)) => self.overlay = None,
            Some(Overlay::Prompt(prompt))
                if matches!(prompt.purpose(), Purpose::Correct { .. }) =>
            {
                self.overlay = None
            }
            Some(Overlay::Corrections(_)) => requests.push(Request::Corrections),
            _ => {}
        }
        let what = stored.correction.describe();
        self.status = if undone {
            Status::hint(&format!("undone: {what}"))
        } else {
            if let Some(selected) = &self.entities.selected {
                self.entities.selected = renamed(&stored.correction, selected, self.story.id());
            }
            let list = self
                .keymap
                .key_for(Command::Corrections)
                .map(|key| format!(" — {key} lists corrections to undo"))
                .unwrap_or_default();
            Status::hint(&format!("corrected: {what}{list}"))
        };
        requests.push(Request::ReloadStories);
        if let Some(id) = self.story.id() {
            requests.extend([
                Request::RefreshStory(id),
                Request::StoryTimeline(id),
                Request::StoryNotes(id),
            ]);
        }
        requests
    }

    /// The open story read again after a correction: the same place in it, the cursors
    /// kept within its entities and quotes.
    fn refresh_story(&mut self, story: Story) {
        if self.story.id() != Some(story.id) {
            return;
        }
        if let Some(name) = &self.entities.selected
            && !story.analysis.entities.iter().any(|e| &e.name == name)
        {
            self.entities.selected = None;
        }
        self.story.open = Some(story);
        let entities = self.entity_order().len();
        self.entities.cursor.clamp(entities);
        self.quotes.cursor.clamp(self.quote_count());
        self.relayout_story();
    }
}

/// The name the selected entity `name` goes by after `correction`; `None` once hidden.
fn renamed(correction: &Correction, name: &str, open: Option<i64>) -> Option<String> {
    match correction {
        Correction::Rename { from, to: into } | Correction::Merge { from, into }
            if from.eq_ignore_ascii_case(name) =>
        {
            Some(into.clone())
        }
        Correction::Split {
            story,
            entity,
            into,
        } if Some(*story) == open && entity.eq_ignore_ascii_case(name) => Some(into.clone()),
        Correction::HideEntity { story, entity }
            if entity.eq_ignore_ascii_case(name) && story.is_none_or(|s| Some(s) == open) =>
        {
            None
        }
        _ => Some(name.to_string()),
    }
}
