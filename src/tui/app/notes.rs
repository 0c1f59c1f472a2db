//! The reader's note commands on the main screen: starting a note (inline or in $EDITOR),
//! deletion with undo, history, all notes, briefing export, and the library's answers.

use crate::library::{AnchorTarget, Note};
use crate::tui::action::Command;
use crate::tui::app::App;
use crate::tui::overlay::editor::{anchor_label, target_of};
use crate::tui::overlay::{
    AllNotes, ConfirmDelete, ConfirmReplace, Drafts, Editor, History, Overlay, Prompt,
};
use crate::tui::panes::Pane;
use crate::tui::request::{BriefingOf, Request, Response};
use crate::tui::status::Status;

impl App {
    /// The note selected in the notes pane.
    pub fn selected_note(&self) -> Option<&Note> {
        self.notes.selected()
    }

    /// Starts a note on the open story, anchored to what is selected in the focused pane.
    pub(crate) fn start_note(&mut self) -> Option<Editor> {
        let Some(story) = &self.story.open else {
            self.status = Status::hint("open a story first");
            return None;
        };
        let id = story.id;
        if self.focus == Pane::Notes
            && let Some(note) = self.selected_note()
        {
            let label = note.anchor.as_ref().map(anchor_label).unwrap_or_default();
            let anchor = note.anchor.as_ref().map(target_of);
            return Some(Editor::new(id, anchor, Some(note.id), label, &note.text));
        }
        let analysis = &story.analysis;
        let (anchor, label) = match self.focus {
            Pane::Quotes => match analysis.quotes.get(self.quotes.cursor.index) {
                Some(q) => (
                    Some(AnchorTarget::Passage {
                        start: q.start,
                        end: q.end,
                    }),
                    // Reported speech is the writer's paraphrase: never inside marks.
                    if q.kind == crate::model::QuoteKind::Reported {
                        q.text.clone()
                    } else {
                        format!("“{}”", q.text)
                    },
                ),
                None => (None, String::new()),
            },
            Pane::Entities => match self.entities.selected.clone() {
                Some(name) => (
                    Some(AnchorTarget::Entity { name: name.clone() }),
                    format!("entity: {name}"),
                ),
                None => (None, String::new()),
            },
            Pane::Timeline => {
                let own = self
                    .timeline
                    .events
                    .get(self.timeline.cursor.index)
                    .and_then(|event| {
                        let source = event.sources.iter().find(|s| s.id == id)?;
                        analysis.events.iter().find(|e| e.start == source.start)
                    });
                match own {
                    Some(e) => (
                        Some(AnchorTarget::Event {
                            date: e.date.clone(),
                            summary: e.summary.clone(),
                        }),
                        format!("event: {} {}", e.date, e.summary),
                    ),
                    None => (None, String::new()),
                }
            }
            Pane::Story => match self.sentence_in_view() {
                Some((start, end, text)) => (
                    Some(AnchorTarget::Passage { start, end }),
                    format!("“{text}”"),
                ),
                None => (None, String::new()),
            },
            _ => (None, String::new()),
        };
        Some(Editor::new(id, anchor, None, label, ""))
    }

    /// The first sentence that starts in view in the story pane (character span and text).
    fn sentence_in_view(&self) -> Option<(usize, usize, String)> {
        let story = self.story.open.as_ref()?;
        let first_visible = *self.story.layout.line_starts.get(self.story.scroll)?;
        let &(start, end) = story
            .sentences
            .iter()
            .find(|(_, end)| *end > first_visible)?;
        let text = story.article.body.chars().skip(start).take(end - start);
        Some((start, end, text.collect()))
    }

    /// Note commands of the main screen.
    pub(crate) fn note_command(&mut self, command: Command) -> Vec<Request> {
        match command {
            Command::AddNote => {
                if let Some(editor) = self.start_note() {
                    self.overlay = Some(Overlay::Editor(Box::new(editor)));
                }
                Vec::new()
            }
            Command::ExternalEdit => match self.start_note() {
                Some(editor) => self.edit_externally(Box::new(editor)),
                None => Vec::new(),
            },
            Command::AllNotes => vec![Request::AllNotes],
            Command::ExportBriefing => {
                let story = self.story.id();
                match story {
                    Some(id) => vec![Request::SuggestExport(BriefingOf {
                        story: Some(id),
                        tag: None,
                    })],
                    None => {
                        self.status = Status::hint(
                            "open a story to export its briefing (or x in the notes list for a #tag)",
                        );
                        Vec::new()
                    }
                }
            }
            Command::DeleteNote => {
                match self.selected_note() {
                    Some(note) if self.focus == Pane::Notes => {
                        self.overlay = Some(Overlay::ConfirmDelete(ConfirmDelete::new(note.id)))
                    }
                    _ => self.status = Status::hint("select a note in the Notes pane first"),
                }
                Vec::new()
            }
            Command::UndoDelete => match self.notes.last_deleted.take() {
                Some(id) => vec![Request::UndeleteNote(id)],
                None => {
                    self.status = Status::hint("nothing to undo");
                    Vec::new()
                }
            },
            Command::NoteHistory => match self.selected_note() {
                Some(note) if self.focus == Pane::Notes => vec![Request::NoteHistory(note.id)],
                _ => {
                    self.status = Status::hint("select a note in the Notes pane first");
                    Vec::new()
                }
            },
            _ => Vec::new(),
        }
    }

    /// Text back from $EDITOR: into the inline editor, saved at once when it changed.
    /// Hands `editor`'s note to $VISUAL/$EDITOR: the runtime sees it waiting
    /// ([`App::external_edit`]), runs the editor and answers with `Action::ExternalEdited`.
    pub(crate) fn edit_externally(&mut self, editor: Box<Editor>) -> Vec<Request> {
        self.external_edit = Some(editor);
        Vec::new()
    }

    /// The note text waiting for $VISUAL/$EDITOR, if any.
    pub fn external_edit(&self) -> Option<String> {
        self.external_edit.as_ref().map(|editor| editor.text())
    }

    pub(crate) fn external_edited(&mut self, result: Result<String, String>) -> Vec<Request> {
        let Some(editor) = self.external_edit.take() else {
            return Vec::new();
        };
        match result {
            Ok(text) if text.trim().is_empty() => {
                self.status = Status::hint("the editor left the note empty: nothing saved");
                Vec::new()
            }
            Ok(text) => {
                let mut editor = editor;
                editor.set_text(text.trim_end_matches('\n'));
                vec![Request::SaveNote(editor.edit())]
            }
            Err(message) => {
                self.status = Status::error(message);
                self.overlay = Some(Overlay::Editor(editor));
                Vec::new()
            }
        }
    }

    /// Answers to note requests.
    pub(crate) fn notes_loaded(&mut self, response: Response) -> Vec<Request> {
        match response {
            Response::Notes { story, notes } => {
                if self.story.id() == Some(story) {
                    self.notes.set(notes);
                    self.relayout_story();
                }
                Vec::new()
            }
            Response::AllNotes(notes) => {
                self.overlay = Some(Overlay::AllNotes(AllNotes::new(notes)));
                Vec::new()
            }
            Response::NoteSaved(note) => {
                if matches!(self.overlay, Some(Overlay::Editor(_))) {
                    self.overlay = None;
                }
                self.status = Status::hint(&format!("note {} saved", note.id));
                vec![Request::StoryNotes(note.story)]
            }
            Response::DraftSaved(id) => {
                if let Some(Overlay::Editor(editor)) = &mut self.overlay {
                    editor.draft = Some(id);
                }
                Vec::new()
            }
            Response::Drafts(drafts) => {
                if !drafts.is_empty() && self.overlay.is_none() {
                    self.overlay = Some(Overlay::Drafts(Drafts::new(drafts)));
                }
                Vec::new()
            }
            Response::NoteChanged(note) => {
                self.status = if note.deleted.is_some() {
                    self.notes.last_deleted = Some(note.id);
                    let undo = self
                        .keymap
                        .key_for(Command::UndoDelete)
                        .map(|key| format!(" — {key} undoes"))
                        .unwrap_or_default();
                    Status::hint(&format!("note {} deleted{undo}", note.id))
                } else {
                    Status::hint(&format!("note {} restored", note.id))
                };
                vec![Request::StoryNotes(note.story)]
            }
            Response::History { note, versions } => {
                self.overlay = Some(Overlay::History(History::new(note, versions)));
                Vec::new()
            }
            Response::ExportSuggested { of, path } => {
                self.overlay = Some(Overlay::Prompt(Prompt::export(of, &path)));
                Vec::new()
            }
            Response::ExportExists { of, path } => {
                self.overlay = Some(Overlay::ConfirmReplace(ConfirmReplace::new(of, path)));
                Vec::new()
            }
            Response::Exported(path) => {
                if matches!(
                    self.overlay,
                    Some(Overlay::Prompt(_) | Overlay::ConfirmReplace(_))
                ) {
                    self.overlay = None;
                }
                self.status = Status::hint(&format!("briefing written to {path}"));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}
