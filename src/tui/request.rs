//! Work the reader asks of the library, and what comes back. Requests are data: the
//! runtime runs them on a worker thread (tests run them inline), so input never waits.

use crate::library::{
    AnchorTarget, Correction, Draft, Note, NoteVersion, SavedSearch, StoredCorrection, StoryMarks,
    StorySummary, StoryVersion, TimelineEvent,
};
use crate::tui::pane::Story;

/// One search result: a snippet of the story's text, or its title or a name that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRow {
    pub story: StorySummary,
    /// What matched: the title, the source, an entity or speaker name, or a text snippet.
    pub matched: String,
    /// Character indices of `matched` to highlight.
    pub highlight: Vec<usize>,
}

/// A page of search results, with the count of all of them and the words to highlight.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPage {
    pub offset: usize,
    pub total: usize,
    pub rows: Vec<SearchRow>,
    /// The query's words and phrases, lowercase (none of its filters).
    pub terms: Vec<String>,
}

/// Something the reader wants from the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Import the bundled sample into an empty library.
    ImportSample,
    /// The newest stories, a screenful, so the list shows before the whole of it loads.
    LoadFirstStories,
    /// Every story, newest first.
    LoadStories,
    /// Every story again after the library changed underneath (a fetch stored stories);
    /// the search index is built anew.
    ReloadStories,
    /// Has another process changed the library since the last look? (Answered with
    /// `Changed`; not counted as work the user waits for.)
    CheckForChanges,
    /// Every saved search with the stories it finds.
    SavedSearches,
    /// Saves a query under a name (answered with `SavedSearches`).
    SaveSearch {
        name: String,
        query: String,
    },
    /// Forgets a saved search (answered with `SavedSearches`).
    DeleteSavedSearch(i64),
    /// Which stories are read and starred.
    LoadMarks,
    /// Marks stories read or unread (answered with `Done`).
    SetRead {
        stories: Vec<i64>,
        read: bool,
    },
    /// Stars or unstars a story (answered with `Done`).
    SetStarred {
        story: i64,
        starred: bool,
    },
    /// Fetch every subscription in the background (answered with `FetchStarted`).
    FetchFeeds,
    /// One story with its analysis; `at` is a body offset to scroll to.
    OpenStory {
        id: i64,
        at: Option<usize>,
    },
    /// The open story read again (after a correction), answered with `StoryRefreshed`.
    RefreshStory(i64),
    /// Events related to a story.
    StoryTimeline(i64),
    /// Events of one entity across the library.
    EntityTimeline(String),
    /// Every story that mentions an entity.
    EntityStories(String),
    /// Builds the fuzzy search index ahead of the first search (answered with `Done`).
    PrepareSearch,
    /// The page of search results from `offset`; `generation` lets stale answers be dropped.
    Search {
        query: String,
        generation: u64,
        offset: usize,
    },
    /// The live notes of a story.
    StoryNotes(i64),
    /// Every live note in the library.
    AllNotes,
    /// Saves a note: a new one on `story` (anchored to `anchor`), or new text for `note`.
    SaveNote(NoteEdit),
    /// Writes the editor's unsaved text as a draft.
    SaveDraft(NoteEdit),
    /// Drafts left by an editor that did not close (offered back at start).
    Drafts,
    DiscardDraft(i64),
    DeleteNote(i64),
    UndeleteNote(i64),
    NoteHistory(i64),
    /// The earlier texts of a story.
    StoryVersions(i64),
    RestoreNote {
        id: i64,
        version: usize,
    },
    /// Stores an analyst's correction (answered with `Corrected`).
    Correct(Correction),
    /// Undoes a correction (answered with `CorrectionUndone`).
    UndoCorrection(i64),
    /// The corrections in force.
    Corrections,
    /// A file to write a briefing to, in the folder the reader was started in (answered
    /// with `ExportSuggested`).
    SuggestExport(BriefingOf),
    /// Writes a briefing to a Markdown file at `path` (`~/` is the home folder; a relative
    /// path is taken from the folder the reader was started in; in a folder, under the
    /// name offered). An existing file is replaced only with `replace`; otherwise the
    /// answer is `ExportExists`.
    ExportBriefing {
        of: BriefingOf,
        path: String,
        replace: bool,
    },
}

/// Whose briefing: a story's notes, or the notes of a tag (or every note).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefingOf {
    pub story: Option<i64>,
    pub tag: Option<String>,
}

/// Note text from the editor and what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEdit {
    pub story: i64,
    pub anchor: Option<AnchorTarget>,
    /// The note being edited; `None` for a new note.
    pub note: Option<i64>,
    pub text: String,
}

/// What the library sent back.
#[derive(Debug, Clone)]
pub enum Response {
    SampleImported(String),
    Stories(Vec<StorySummary>),
    Marks(StoryMarks),
    /// The saved searches, by name, each with the ids of the stories it finds.
    SavedSearches(Vec<(SavedSearch, Vec<i64>)>),
    /// Whether another process changed the library since the last check.
    Changed(bool),
    Story {
        story: Box<Story>,
        at: Option<usize>,
    },
    /// The open story as read again.
    StoryRefreshed(Box<Story>),
    Timeline {
        title: String,
        events: Vec<TimelineEvent>,
    },
    EntityStories {
        name: String,
        stories: Vec<StorySummary>,
    },
    Search {
        generation: u64,
        page: SearchPage,
    },
    Notes {
        story: i64,
        notes: Vec<Note>,
    },
    AllNotes(Vec<Note>),
    NoteSaved(Note),
    /// The draft was written; its id lets a dropped edit discard it.
    DraftSaved(i64),
    Drafts(Vec<Draft>),
    /// A note was deleted (or undeleted: `deleted` is then `None`).
    NoteChanged(Note),
    History {
        note: i64,
        versions: Vec<NoteVersion>,
    },
    StoryVersions {
        story: i64,
        versions: Vec<StoryVersion>,
    },
    /// A correction was stored.
    Corrected(StoredCorrection),
    /// A correction was undone.
    CorrectionUndone(StoredCorrection),
    /// The corrections in force, in the order made.
    Corrections(Vec<StoredCorrection>),
    /// A file to offer for a briefing.
    ExportSuggested {
        of: BriefingOf,
        path: String,
    },
    /// The file named for a briefing exists; replacing it needs a yes.
    ExportExists {
        of: BriefingOf,
        path: String,
    },
    /// The full path a briefing was written to.
    Exported(String),
    /// A background fetch of this many feeds started; it reports as `Action::Fetch`.
    FetchStarted(usize),
    /// Nothing to show (a draft was discarded).
    Done,
    /// The request failed; the message is one line for the status bar.
    Failed(String),
}
