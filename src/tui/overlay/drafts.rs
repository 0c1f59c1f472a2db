//! Drafts an earlier session left unsaved: Enter reopens one in the editor, d discards.

use crate::library::Draft;
use crate::tui::action::Command;
use crate::tui::cursor::Cursor;
use crate::tui::overlay::editor::{anchor_label, target_of};
use crate::tui::overlay::{Editor, Outcome, Overlay, move_cursor};
use crate::tui::request::Request;

/// The drafts offered back.
#[derive(Debug, Clone)]
pub struct Drafts {
    pub(crate) drafts: Vec<Draft>,
    pub(crate) cursor: Cursor,
}

impl Drafts {
    pub fn new(drafts: Vec<Draft>) -> Drafts {
        Drafts {
            drafts,
            cursor: Cursor::default(),
        }
    }

    /// The drafts still offered.
    pub fn drafts(&self) -> &[Draft] {
        &self.drafts
    }

    pub(crate) fn command(&mut self, command: Command) -> Outcome {
        match command {
            Command::Open => match self.drafts.get(self.cursor.index) {
                Some(draft) => {
                    let anchor = draft.anchor.as_ref().map(target_of);
                    let label = draft.anchor.as_ref().map(anchor_label).unwrap_or_default();
                    let mut editor =
                        Editor::new(draft.story, anchor, draft.note, label, &draft.text);
                    editor.draft = Some(draft.id);
                    editor.changed = true;
                    Outcome::replace(Overlay::Editor(Box::new(editor))).request(
                        Request::OpenStory {
                            id: draft.story,
                            at: None,
                        },
                    )
                }
                None => Outcome::close(),
            },
            Command::Remove if self.cursor.index < self.drafts.len() => {
                let draft = self.drafts.remove(self.cursor.index);
                self.cursor.clamp(self.drafts.len());
                let outcome = if self.drafts.is_empty() {
                    Outcome::close()
                } else {
                    Outcome::stay()
                };
                outcome.request(Request::DiscardDraft(draft.id))
            }
            Command::Remove => Outcome::close(),
            Command::Back | Command::Quit => Outcome::close(),
            _ => {
                move_cursor(&mut self.cursor, command, self.drafts.len());
                Outcome::stay()
            }
        }
    }
}
