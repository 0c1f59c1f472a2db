//! `sitrep backup FILE`: a consistent copy of the library made with SQLite's online
//! backup API, so it can run while readers and writers use the library.
//!
//! The copy is written to a hidden file beside `FILE` and renamed into place when
//! complete: an interrupted backup never leaves a half-written `FILE`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use super::{Library, LibraryError};

impl Library {
    /// Copies the whole library, as of one moment, into the SQLite file `destination`
    /// (replacing it if it exists). The copy is itself a library that `sitrep` opens.
    pub fn backup(&self, destination: &Path) -> Result<(), LibraryError> {
        let failed = |reason: String| LibraryError::Backup {
            path: destination.to_path_buf(),
            reason,
        };
        if self.is_library_file(destination) {
            return Err(failed("that is the library itself".to_string()));
        }
        let partial = partial_path(destination);
        let copied = copy_into(&self.conn, &partial)
            .map_err(|error| failed(error.to_string()))
            .and_then(|()| {
                std::fs::rename(&partial, destination).map_err(|error| failed(error.to_string()))
            });
        if copied.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        copied
    }

    /// True when `path` names this library's own database file.
    fn is_library_file(&self, path: &Path) -> bool {
        let ours = self
            .conn
            .path()
            .map(Path::new)
            .and_then(|p| p.canonicalize().ok());
        ours.is_some() && ours == path.canonicalize().ok()
    }
}

/// Copies every page of `source`'s main database into a new file at `path` in one
/// step (as many pages as there can be), so the copy is one consistent snapshot even
/// while other connections write; a busy step is retried after a pause.
fn copy_into(source: &Connection, path: &Path) -> rusqlite::Result<()> {
    let _ = std::fs::remove_file(path);
    let _ = super::private::touch_private_file(path);
    let mut copy = Connection::open(path)?;
    Backup::new(source, &mut copy)?.run_to_completion(i32::MAX, Duration::from_millis(50), None)?;
    copy.close().map_err(|(_, error)| error)
}

/// `.NAME.partial` beside `destination`.
fn partial_path(destination: &Path) -> PathBuf {
    let name = destination
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup".to_string());
    destination.with_file_name(format!(".{name}.partial"))
}
