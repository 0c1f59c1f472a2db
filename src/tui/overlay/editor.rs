//! The inline note editor (ratatui-textarea): its text, what the note belongs to, and
//! whether it has changes that are not yet in the library as a draft.

use std::time::{Duration, Instant};

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use crate::library::{Anchor, AnchorTarget};
use crate::tui::action::Command;
use crate::tui::overlay::{Effect, Outcome};
use crate::tui::request::{NoteEdit, Request};
use crate::tui::status::Status;

/// Unsaved typing is written to the library as a draft at least this often.
pub const DRAFT_EVERY: Duration = Duration::from_secs(2);

/// A note being written or edited.
#[derive(Debug, Clone)]
pub struct Editor {
    pub textarea: TextArea<'static>,
    pub story: i64,
    pub anchor: Option<AnchorTarget>,
    /// The note being edited; `None` for a new note.
    pub note: Option<i64>,
    /// What the note is anchored to, for the editor's title.
    pub label: String,
    /// Changed since it was opened: closing asks first.
    pub changed: bool,
    /// Changed since the last draft was written.
    pub unsaved: bool,
    pub last_draft: Option<Instant>,
    /// The draft's id once one is written, so dropping the edit can discard it.
    pub draft: Option<i64>,
    /// Asking "drop changes?" before closing.
    pub confirm_drop: bool,
}

impl Editor {
    /// An editor holding `text` for a note on `story`.
    pub fn new(
        story: i64,
        anchor: Option<AnchorTarget>,
        note: Option<i64>,
        label: String,
        text: &str,
    ) -> Editor {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut textarea = TextArea::new(lines);
        textarea.set_placeholder_text("Markdown; #tags are indexed.");
        Editor {
            textarea,
            story,
            anchor,
            note,
            label,
            changed: false,
            unsaved: false,
            last_draft: None,
            draft: None,
            confirm_drop: false,
        }
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// Replaces the text (after an external editor ran).
    pub fn set_text(&mut self, text: &str) {
        let anchor = (
            self.story,
            self.anchor.clone(),
            self.note,
            self.label.clone(),
        );
        let (draft, last_draft) = (self.draft, self.last_draft);
        *self = Editor::new(anchor.0, anchor.1, anchor.2, anchor.3, text);
        self.draft = draft;
        self.last_draft = last_draft;
        self.changed = true;
        self.unsaved = true;
    }

    /// Passes a key to the text area.
    pub fn input(&mut self, key: KeyEvent) {
        if self.textarea.input(key) {
            self.changed = true;
            self.unsaved = true;
        }
    }

    /// The note as the library takes it.
    pub fn edit(&self) -> NoteEdit {
        NoteEdit {
            story: self.story,
            anchor: self.anchor.clone(),
            note: self.note,
            text: self.text(),
        }
    }

    /// Save, close, or hand over to $EDITOR.
    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        match command {
            Command::SaveNote if self.text().trim().is_empty() => {
                Outcome::stay().with(Effect::Status(Status::hint("an empty note is not saved")))
            }
            Command::SaveNote => Outcome::close().request(Request::SaveNote(self.edit())),
            Command::Back if self.changed => {
                self.confirm_drop = true;
                Outcome::stay()
            }
            Command::Back => self.discard(Outcome::close()),
            Command::ExternalEdit => {
                Outcome::close().with(Effect::EditExternally(Box::new(self.clone())))
            }
            _ => Outcome::stay(),
        }
    }

    /// The answer to "drop changes?".
    pub(crate) fn confirm(&mut self, yes: bool) -> Outcome {
        if !self.confirm_drop {
            return Outcome::stay();
        }
        if yes {
            let dropped = Outcome::close().with(Effect::Status(Status::hint("changes dropped")));
            return self.discard(dropped);
        }
        self.confirm_drop = false;
        Outcome::stay()
    }

    /// Writes a draft when one is due.
    pub(crate) fn tick(&mut self, now: Instant) -> Outcome {
        if !self.draft_due(now) {
            return Outcome::stay();
        }
        self.unsaved = false;
        self.last_draft = Some(now);
        Outcome::stay().request(Request::SaveDraft(self.edit()))
    }

    /// `outcome`, discarding the draft written so far.
    fn discard(&self, outcome: Outcome) -> Outcome {
        match self.draft {
            Some(id) => outcome.request(Request::DiscardDraft(id)),
            None => outcome,
        }
    }

    /// True when a draft should be written now.
    pub fn draft_due(&self, now: Instant) -> bool {
        self.unsaved
            && self
                .last_draft
                .is_none_or(|last| now.duration_since(last) >= DRAFT_EVERY)
    }
}

/// The anchor a stored anchor can be pointed at again (for reopening a draft).
pub fn target_of(anchor: &Anchor) -> AnchorTarget {
    match anchor {
        Anchor::Passage { start, end, .. } => AnchorTarget::Passage {
            start: *start,
            end: *end,
        },
        Anchor::Entity { name } => AnchorTarget::Entity { name: name.clone() },
        Anchor::Event { date, summary } => AnchorTarget::Event {
            date: date.clone(),
            summary: summary.clone(),
        },
    }
}

/// A short description of an anchor: `“quoted passage”`, `entity: Wang Yi`, `event: 2023-06-03 …`.
pub fn anchor_label(anchor: &Anchor) -> String {
    match anchor {
        Anchor::Passage { text, detached, .. } => {
            let short: String = text.chars().take(60).collect();
            let more = if text.chars().count() > 60 { "…" } else { "" };
            let detached = if *detached { " (detached)" } else { "" };
            format!("“{short}{more}”{detached}")
        }
        Anchor::Entity { name } => format!("entity: {name}"),
        Anchor::Event { date, summary } => format!("event: {date} {summary}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn typing_marks_changes_and_drafts_come_due_every_two_seconds() {
        let mut editor = Editor::new(1, None, None, String::new(), "");
        let start = Instant::now();
        assert!(!editor.draft_due(start));
        editor.input(KeyEvent::new(KeyCode::Char('h'), KeyModifiers::NONE));
        editor.input(KeyEvent::new(KeyCode::Char('i'), KeyModifiers::NONE));
        assert_eq!(editor.text(), "hi");
        assert!(editor.changed && editor.draft_due(start));
        editor.unsaved = false;
        editor.last_draft = Some(start);
        editor.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert!(!editor.draft_due(start + Duration::from_millis(1500)));
        assert!(editor.draft_due(start + DRAFT_EVERY));
        assert_eq!(editor.text(), "hi\n");
    }
}
