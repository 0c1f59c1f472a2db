//! The library: one SQLite file holding stories, their analysis, a full-text index and notes.
//!
//! [`Library`] is the only way in; it hands out model types ([`crate::model::Extract`],
//! [`StorySummary`], [`Hit`], ...), never rows or SQL. Several processes may share
//! one library: it runs in WAL mode and waits for a busy writer (see `schema.rs`).

mod analysis_json;
mod anchors;
mod backup;
mod briefing;
mod briefing_file;
mod briefing_markdown;
mod changes;
mod char_spans;
mod check;
mod check_lists;
mod corrected_index;
mod correction;
mod corrections;
mod corrections_apply;
mod corrections_describe;
mod day_range;
mod draft_subject;
mod drafts;
mod entity_ids;
mod entity_lookup;
mod error;
mod excerpt;
mod filters;
mod filters_corrected;
mod find;
mod fts;
mod fuzzy;
mod fuzzy_names;
mod hit;
mod identity;
mod import;
mod location;
mod marks;
mod merge;
mod notes;
mod pipeline;
mod private;
mod query;
mod sample;
mod saved_searches;
mod schema;
mod search;
mod stories;
mod story_stream;
mod subscriptions;
mod tags;
mod tight_match;
mod timeline;
mod typed_name;
mod versions;
mod walk;
mod work_queue;
mod writer;

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

use entity_ids::EntityIds;
use import::{Origin, Storing, StoryValues};

pub use anchors::{Anchor, AnchorTarget};
pub use briefing::{Briefing, BriefingRequest, BriefingStory, TimelineEntry};
pub use briefing_file::BriefingFormat;
pub use check::CheckReport;
pub use correction::{Correction, StoredCorrection};
pub use drafts::Draft;
pub use entity_lookup::EntityMatch;
pub use error::LibraryError;
pub use excerpt::is_excerpt;
pub use find::{Found, Page};
pub use fuzzy::FuzzyIndex;
pub use fuzzy_names::{NamedStories, NamesToLoad};
pub use hit::{Field, Hit};
pub use import::StoryOutcome;
pub use location::{DATABASE_FILE, LIBRARY_ENV, library_dir};
pub use marks::StoryMarks;
pub use notes::{Note, NoteFilter, NoteVersion};
pub use pipeline::{ImportReport, Input};
pub use private::{
    PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, create_private_file, editor_file, exposure_warning,
};
pub use query::Query;
pub use saved_searches::SavedSearch;
pub use stories::{LibrarySummary, StorySummary};
pub use subscriptions::{FeedFailure, FeedItems, FeedStatus, FeedStored, Subscription};
pub use tags::parse_tags;
pub use timeline::{EventSource, TimelineEvent};
pub use versions::StoryVersion;
pub use walk::FileFailure;

use crate::analyze::Analyzer;
use crate::model::{Analysis, Article};

/// An open library.
pub struct Library {
    conn: Connection,
}

/// The page cache of a connection for a scan (negative: in KiB).
const SCAN_CACHE_KIB: i64 = -2048;

impl Library {
    /// Opens (creating if needed) the library in `dir`, bringing its schema up to date.
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        private::create_private_dir(dir).map_err(|source| match source.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                LibraryError::ReadOnly(dir.to_path_buf())
            }
            _ => LibraryError::CreateDir {
                path: dir.to_path_buf(),
                source,
            },
        })?;
        let path = dir.join(DATABASE_FILE);
        // A failure here (a read-only folder) is reported by the open below.
        let _ = private::touch_private_file(&path);
        let opened = Connection::open(&path).and_then(|conn| {
            schema::configure(&conn)?;
            Ok(conn)
        });
        let mut conn = opened.map_err(|error| classify(error, dir, &path))?;
        schema::migrate(&mut conn, &path).map_err(|error| match error {
            LibraryError::Sqlite(error) => classify(error, dir, &path),
            other => other,
        })?;
        Ok(Library { conn })
    }

    /// A second connection to this library, for a scan on another thread: its page
    /// cache is small, as a scan reads each page once. `None` for a library that is not
    /// in a file.
    pub fn reopen_for_scan(&self) -> Option<Library> {
        let path = self.conn.path().filter(|path| !path.is_empty())?;
        let conn = Connection::open(path).ok()?;
        schema::configure(&conn).ok()?;
        conn.pragma_update(None, "cache_size", SCAN_CACHE_KIB)
            .ok()?;
        Some(Library { conn })
    }

    /// Opens the library in `dir` only if one is there: a read-only command given a
    /// mistyped `--library` gets an error instead of a new, empty library.
    pub fn open_existing(dir: &Path) -> Result<Library, LibraryError> {
        if !dir.join(DATABASE_FILE).is_file() {
            return Err(LibraryError::NoLibrary(dir.to_path_buf()));
        }
        Library::open(dir)
    }

    /// Stores one file's worth of already parsed and analysed stories in one transaction.
    pub fn store(
        &mut self,
        origin_path: &str,
        stories: &[(Article, Analysis)],
    ) -> Result<Vec<(i64, StoryOutcome)>, LibraryError> {
        let now = jiff::Timestamp::now().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut outcomes = Vec::with_capacity(stories.len());
        // Built only if a merged story needs analysing again.
        let analyzer = OnceCell::new();
        let analyze = |article: &Article| analyzer.get_or_init(Analyzer::new).analyze(article);
        let mut storing = Storing {
            entity_ids: EntityIds::default(),
            analyze: &analyze,
            now: &now,
            corrections: correction::in_force(&tx)?,
        };
        for (index, (article, analysis)) in stories.iter().enumerate() {
            let origin = Origin {
                path: origin_path,
                index,
            };
            let values = StoryValues::of(article, analysis);
            outcomes.push(import::store_story(
                &tx,
                &mut storing,
                article,
                analysis,
                &values,
                origin,
            )?);
        }
        tx.commit()?;
        Ok(outcomes)
    }
}

/// Turns an SQLite error met while opening into the library error a user can act on.
fn classify(error: rusqlite::Error, dir: &Path, path: &Path) -> LibraryError {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            LibraryError::Corrupt(path.to_path_buf())
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            LibraryError::ReadOnly(PathBuf::from(dir))
        }
        _ => LibraryError::from(error),
    }
}

#[cfg(test)]
mod find_tests;
#[cfg(test)]
mod tests;
