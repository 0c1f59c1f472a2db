//! Write transactions that wait for other processes instead of failing.
//!
//! Each write takes the database's write lock when it begins (`BEGIN IMMEDIATE`), so it
//! never fails half-way because another process wrote first; while the lock is held
//! elsewhere, SQLite waits up to the busy timeout (see `schema.rs`). A library kept busy
//! for longer than that (a long import on a slow disk) is tried again a few times.

use rusqlite::{Transaction, TransactionBehavior};

use super::{Library, LibraryError};

/// How many busy timeouts a write waits through before reporting the library locked.
const WRITE_ATTEMPTS: usize = 6;

impl Library {
    /// Runs `work` in one committed write transaction; nothing is written if it fails.
    pub(super) fn write<T>(
        &mut self,
        mut work: impl FnMut(&Transaction) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let mut attempt = 1;
        loop {
            let result = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(LibraryError::from)
                .and_then(|tx| {
                    let value = work(&tx)?;
                    tx.commit()?;
                    Ok(value)
                });
            match result {
                Err(LibraryError::Locked) if attempt < WRITE_ATTEMPTS => attempt += 1,
                result => return result,
            }
        }
    }
}
