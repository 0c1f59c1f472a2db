//! The versioned schema: connection settings and the ordered list of migrations.
//!
//! `PRAGMA user_version` holds the number of migrations applied. A library written by
//! a newer build (a higher version than [`MIGRATIONS`] knows) is refused untouched.
//! `PRAGMA application_id` marks the file as a sitrep library, so a foreign SQLite
//! database is refused instead of being written into.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, TransactionBehavior};

use super::{LibraryError, corrected_index};

/// "sitr" in ASCII: marks a database file as a sitrep library.
pub(super) const APPLICATION_ID: i64 = 0x7369_7472;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Each entry moves the schema from version `index` to `index + 1`. Append only.
const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
    include_str!("schema_subscriptions.sql"),
    include_str!("schema_corrections.sql"),
    include_str!("schema_lists.sql"),
    include_str!("schema_reader.sql"),
    include_str!("schema_corrected_index.sql"),
    include_str!("schema_unused_indexes.sql"),
    include_str!("schema_span_texts.sql"),
];

/// The version whose migration lets the full-text index read corrected names: a library
/// migrated to it from an older one has the stories its corrections touch indexed again.
const CORRECTED_INDEX_VERSION: i64 = 10;

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// How every library connection commits: waiting until the disk has the write.
pub const SYNCHRONOUS: &str = "FULL";

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

/// Applies the connection settings every library connection needs.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // An import cycles through more statements than rusqlite's default 16: evicted
    // statements would be parsed again for every story.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -65536;",
    )?;
    conn.pragma_update(None, "synchronous", SYNCHRONOUS)
}

/// Brings the schema up to date, or refuses a file that is not ours or is newer.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<(), LibraryError> {
    if check_version(conn, path)? == current_version() {
        return Ok(());
    }
    // Another process may be migrating too: decide again once holding the write lock.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version = check_version(&tx, path)?;
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(migration)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    if version < CORRECTED_INDEX_VERSION {
        corrected_index::follow_all_corrections(&tx)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

/// The schema version of a sitrep library (0 for a new, empty file); an error for a
/// foreign database or one written by a newer build.
fn check_version(conn: &Connection, path: &Path) -> Result<i64, LibraryError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let application_id: i64 = conn.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    let table_count: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let is_new = version == 0 && table_count == 0;
    if application_id != APPLICATION_ID && !is_new {
        return Err(LibraryError::Corrupt(path.to_path_buf()));
    }
    if version > current_version() {
        return Err(LibraryError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            known: current_version(),
        });
    }
    Ok(version)
}
