//! The one error type of the library, with one-line messages a user can act on.

use std::path::PathBuf;

/// Why a library operation failed.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("cannot create library directory {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no sitrep library in {0} (check --library, or import stories first)")]
    NoLibrary(PathBuf),
    #[error("library directory {0} is read-only")]
    ReadOnly(PathBuf),
    #[error("{0} is not a sitrep library (corrupt or foreign database file)")]
    Corrupt(PathBuf),
    #[error(
        "{path} was written by a newer sitrep (schema version {found}, this build knows {known}); \
         upgrade sitrep to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("library is locked by another sitrep process; try again")]
    Locked,
    #[error("no story with id {0}")]
    NoSuchStory(i64),
    #[error("no note with id {0}")]
    NoSuchNote(i64),
    #[error("note {0} is deleted; undelete it first")]
    NoteDeleted(i64),
    #[error("note {note} has no version {version}")]
    NoSuchVersion { note: i64, version: usize },
    #[error("no correction with id {0}")]
    NoSuchCorrection(i64),
    #[error("invalid correction: {0}")]
    InvalidCorrection(String),
    #[error("no subscription {0}")]
    NoSuchSubscription(String),
    #[error("no draft with id {0}")]
    NoSuchDraft(i64),
    #[error("invalid note: {0}")]
    InvalidNote(String),
    #[error("{0}")]
    InvalidSavedSearch(String),
    #[error("no data directory for this user; pass --library DIR or set SITREP_LIBRARY")]
    NoDataDir,
    #[error("invalid query: {0}")]
    Query(String),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("stored data is damaged: {0}")]
    Damaged(String),
    #[error("cannot write the library file (is the disk full?): {0}")]
    Disk(rusqlite::Error),
    #[error("cannot write the briefing to {path}: {reason}")]
    Export { path: PathBuf, reason: String },
    #[error("cannot back up to {path}: {reason}")]
    Backup { path: PathBuf, reason: String },
}

impl From<rusqlite::Error> for LibraryError {
    /// Busy and locked databases become [`LibraryError::Locked`], full disks and failed
    /// writes [`LibraryError::Disk`]; the rest stay SQLite errors.
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => LibraryError::Locked,
            Some(ErrorCode::DiskFull | ErrorCode::SystemIoFailure) => LibraryError::Disk(error),
            _ => LibraryError::Sqlite(error),
        }
    }
}
