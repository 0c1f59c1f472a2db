//! The reader's note commands: writing and editing notes (inline or in $EDITOR), drafts
//! written every two seconds, deletion with undo, history, all notes, briefing export.

use std::time::Instant;

use crate::library::{AnchorTarget, Note};
use crate::tui::action::Command;
use crate::tui::app::{App, Overlay, Status};
use crate::tui::cursor::Cursor;
use crate::tui::editor::{Editor, anchor_label, target_of};
use crate::tui::panes::Pane;
use crate::tui::request::{Request, Response};

impl App {
    /// The note selected in the notes pane.
    pub fn selected_note(&self) -> Option<&Note> {
        self.notes.get(self.notes_cursor.index)
    }

    /// Starts a note on the open story, anchored to what is selected in the focused pane.
    pub(crate) fn start_note(&mut self) -> Option<Editor> {
        let Some(story) = &self.story else {
            self.status = Status::hint("open a story first");
            return None;
        };
        let id = story.id?;
        if self.focus == Pane::Notes
            && let Some(note) = self.selected_note()
        {
            let label = note.anchor.as_ref().map(anchor_label).unwrap_or_default();
            let anchor = note.anchor.as_ref().map(target_of);
            return Some(Editor::new(id, anchor, Some(note.id), label, &note.text));
        }
        let analysis = &story.analysis;
        let (anchor, label) = match self.focus {
            Pane::Quotes => match analysis.quotes.get(self.quote_cursor.index) {
                Some(q) => (
                    Some(AnchorTarget::Passage {
                        start: q.start,
                        end: q.end,
                    }),
                    format!("“{}”", q.text),
                ),
                None => (None, String::new()),
            },
            Pane::Entities => match self.selected_entity.clone() {
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
                        let source = event.sources.iter().find(|s| s.story.id == id)?;
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
        let story = self.story.as_ref()?;
        let first_visible = *self.story_layout.line_starts.get(self.story_scroll)?;
        let body = crate::analyze::text::Body::new(&story.article.body);
        body.sentences().into_iter().find_map(|span| {
            let (start, end) = (body.char_offset(span.start), body.char_offset(span.end));
            (end > first_visible).then(|| (start, end, body.slice(span).to_string()))
        })
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
            Command::ExternalEdit => {
                let editor = match self.overlay.take() {
                    Some(Overlay::Editor(editor)) => Some(*editor),
                    other => {
                        self.overlay = other;
                        self.start_note()
                    }
                };
                self.external_edit = editor.map(Box::new);
                Vec::new()
            }
            Command::AllNotes => vec![Request::AllNotes],
            Command::ExportBriefing => {
                let story = self.story.as_ref().and_then(|s| s.id);
                match story {
                    Some(id) => vec![Request::ExportBriefing {
                        story: Some(id),
                        tag: None,
                    }],
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
                        self.overlay = Some(Overlay::ConfirmDelete(note.id))
                    }
                    _ => self.status = Status::hint("select a note in the Notes pane first"),
                }
                Vec::new()
            }
            Command::UndoDelete => match self.last_deleted.take() {
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

    /// A key for the inline editor, or its save / close commands.
    pub(crate) fn editor_command(
        &mut self,
        command: Command,
        mut editor: Box<Editor>,
    ) -> Vec<Request> {
        match command {
            Command::SaveNote => {
                if editor.text().trim().is_empty() {
                    self.status = Status::hint("an empty note is not saved; Esc closes");
                    self.overlay = Some(Overlay::Editor(editor));
                    return Vec::new();
                }
                vec![Request::SaveNote(editor.edit())]
            }
            Command::Back if editor.changed => {
                editor.confirm_drop = true;
                self.overlay = Some(Overlay::Editor(editor));
                Vec::new()
            }
            Command::Back => editor
                .draft
                .map(Request::DiscardDraft)
                .into_iter()
                .collect(),
            Command::ExternalEdit => {
                self.external_edit = Some(editor);
                Vec::new()
            }
            _ => {
                self.overlay = Some(Overlay::Editor(editor));
                Vec::new()
            }
        }
    }

    /// The answer to "drop changes?" or "delete this note?".
    pub(crate) fn confirm(&mut self, yes: bool) -> Vec<Request> {
        match self.overlay.take() {
            Some(Overlay::Editor(mut editor)) if editor.confirm_drop => {
                if yes {
                    self.status = Status::hint("changes dropped");
                    return editor
                        .draft
                        .map(Request::DiscardDraft)
                        .into_iter()
                        .collect();
                }
                editor.confirm_drop = false;
                self.overlay = Some(Overlay::Editor(editor));
                Vec::new()
            }
            Some(Overlay::ConfirmDelete(id)) if yes => vec![Request::DeleteNote(id)],
            other => {
                if !matches!(other, Some(Overlay::ConfirmDelete(_))) {
                    self.overlay = other;
                }
                Vec::new()
            }
        }
    }

    /// Time passes: write a draft of the open editor when one is due.
    pub(crate) fn tick(&mut self, now: Instant) -> Vec<Request> {
        match &mut self.overlay {
            Some(Overlay::Editor(editor)) if editor.draft_due(now) => {
                editor.unsaved = false;
                editor.last_draft = Some(now);
                vec![Request::SaveDraft(editor.edit())]
            }
            _ => Vec::new(),
        }
    }

    /// Text back from $EDITOR: into the inline editor, saved at once when it changed.
    pub(crate) fn external_edited(
        &mut self,
        editor: Box<Editor>,
        result: Result<String, String>,
    ) -> Vec<Request> {
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

    /// Note commands inside the history, all-notes and drafts windows.
    pub(crate) fn notes_overlay_command(
        &mut self,
        command: Command,
        overlay: Overlay,
    ) -> Vec<Request> {
        match overlay {
            Overlay::History {
                note,
                versions,
                mut cursor,
            } => match command {
                Command::Open => match versions.get(cursor.index) {
                    Some(v) => vec![Request::RestoreNote {
                        id: note,
                        version: v.version,
                    }],
                    None => Vec::new(),
                },
                Command::Back | Command::Quit | Command::NoteHistory => Vec::new(),
                _ => {
                    move_cursor(&mut cursor, command, versions.len());
                    self.overlay = Some(Overlay::History {
                        note,
                        versions,
                        cursor,
                    });
                    Vec::new()
                }
            },
            Overlay::AllNotes {
                notes,
                input,
                mut cursor,
            } => {
                let shown = self.filtered_notes(&notes, &input);
                match command {
                    Command::Open => match shown.get(cursor.index) {
                        Some(note) => {
                            let at = match &note.anchor {
                                Some(crate::library::Anchor::Passage {
                                    start,
                                    detached: false,
                                    ..
                                }) => Some(*start),
                                _ => None,
                            };
                            self.focus = Pane::Story;
                            vec![Request::OpenStory { id: note.story, at }]
                        }
                        None => Vec::new(),
                    },
                    Command::ExportBriefing => {
                        let tag = input
                            .split_whitespace()
                            .find_map(|w| w.strip_prefix('#'))
                            .map(str::to_string);
                        let request = Request::ExportBriefing { story: None, tag };
                        self.overlay = Some(Overlay::AllNotes {
                            notes,
                            input,
                            cursor,
                        });
                        vec![request]
                    }
                    Command::Back | Command::Quit => Vec::new(),
                    _ => {
                        move_cursor(&mut cursor, command, shown.len());
                        self.overlay = Some(Overlay::AllNotes {
                            notes,
                            input,
                            cursor,
                        });
                        Vec::new()
                    }
                }
            }
            Overlay::Drafts {
                mut drafts,
                mut cursor,
            } => match command {
                Command::Open => match drafts.get(cursor.index) {
                    Some(draft) => {
                        let anchor = draft.anchor.as_ref().map(target_of);
                        let label = draft.anchor.as_ref().map(anchor_label).unwrap_or_default();
                        let mut editor =
                            Editor::new(draft.story, anchor, draft.note, label, &draft.text);
                        editor.draft = Some(draft.id);
                        editor.changed = true;
                        self.overlay = Some(Overlay::Editor(Box::new(editor)));
                        vec![Request::OpenStory {
                            id: draft.story,
                            at: None,
                        }]
                    }
                    None => Vec::new(),
                },
                Command::DeleteNote => {
                    if cursor.index < drafts.len() {
                        let draft = drafts.remove(cursor.index);
                        cursor.clamp(drafts.len());
                        if !drafts.is_empty() {
                            self.overlay = Some(Overlay::Drafts { drafts, cursor });
                        }
                        return vec![Request::DiscardDraft(draft.id)];
                    }
                    Vec::new()
                }
                Command::Back | Command::Quit => Vec::new(),
                _ => {
                    move_cursor(&mut cursor, command, drafts.len());
                    self.overlay = Some(Overlay::Drafts { drafts, cursor });
                    Vec::new()
                }
            },
            other => {
                self.overlay = Some(other);
                Vec::new()
            }
        }
    }

    /// Notes whose text or story title fuzzy-matches the words of `filter` and that
    /// carry every `#tag` in it.
    pub fn filtered_notes<'a>(&self, notes: &'a [Note], filter: &str) -> Vec<&'a Note> {
        use fuzzy_matcher::FuzzyMatcher;
        let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
        let tags: Vec<String> = filter
            .split_whitespace()
            .filter_map(|w| w.strip_prefix('#'))
            .map(str::to_lowercase)
            .collect();
        let words: Vec<&str> = filter
            .split_whitespace()
            .filter(|w| !w.starts_with('#'))
            .collect();
        let pattern = words.join(" ");
        notes
            .iter()
            .filter(|note| tags.iter().all(|t| note.tags.contains(t)))
            .filter(|note| {
                pattern.is_empty() || {
                    let title = self
                        .stories
                        .iter()
                        .find(|s| s.id == note.story)
                        .map_or("", |s| s.title.as_str());
                    matcher
                        .fuzzy_match(&format!("{} {title}", note.text), &pattern)
                        .is_some()
                }
            })
            .collect()
    }

    /// Answers to note requests.
    pub(crate) fn notes_loaded(&mut self, response: Response) -> Vec<Request> {
        match response {
            Response::Notes { story, notes } => {
                if self.story.as_ref().and_then(|s| s.id) == Some(story) {
                    self.notes = notes;
                    self.notes_cursor.clamp(self.notes.len());
                    self.relayout_story();
                }
                Vec::new()
            }
            Response::AllNotes(notes) => {
                self.overlay = Some(Overlay::AllNotes {
                    notes,
                    input: String::new(),
                    cursor: Cursor::default(),
                });
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
                    self.overlay = Some(Overlay::Drafts {
                        drafts,
                        cursor: Cursor::default(),
                    });
                }
                Vec::new()
            }
            Response::NoteChanged(note) => {
                self.status = if note.deleted.is_some() {
                    self.last_deleted = Some(note.id);
                    let undo = self
                        .keymap
                        .key_for(Command::UndoDelete)
                        .unwrap_or("u")
                        .to_string();
                    Status::hint(&format!("note {} deleted — {undo} undoes", note.id))
                } else {
                    Status::hint(&format!("note {} restored", note.id))
                };
                vec![Request::StoryNotes(note.story)]
            }
            Response::History { note, versions } => {
                let cursor = Cursor {
                    index: versions.len().saturating_sub(1),
                };
                self.overlay = Some(Overlay::History {
                    note,
                    versions,
                    cursor,
                });
                Vec::new()
            }
            Response::Exported(path) => {
                self.status = Status::hint(&format!("briefing written to {path}"));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

fn move_cursor(cursor: &mut Cursor, command: Command, len: usize) {
    match command {
        Command::Down => cursor.step(1, len),
        Command::Up => cursor.step(-1, len),
        Command::Top => cursor.top(),
        Command::Bottom => cursor.bottom(len),
        _ => {}
    }
}
