//! Keeping the full-text index in step with the stories.
//!
//! `story_index` is an FTS5 table with external content: it stores only the index,
//! and reads text (for `snippet()`) from the `story_text` view over articles, their
//! entity names and their notes. SQLite does not update such an index by itself, so
//! every change to a story's indexed text runs, in the same transaction,
//! [`unindex`] *before* the change (FTS5 must be given the exact old text to remove)
//! and [`index`] after it; a story stored for the first time goes in through
//! [`index_new`], with the text the writer already holds.

use rusqlite::{Connection, OptionalExtension, ToSql};

/// Removes story `id` from the index; call before its text, entities or notes change.
///
/// The text is read first and the delete written as one row, as [`index`] does: an
/// `INSERT … SELECT` would make FTS5 flush its pending terms for every story.
pub fn unindex(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    let Some([title, body, source, entities, notes]) = indexed_text(conn, id).optional()? else {
        return Ok(());
    };
    conn.prepare_cached(
        "INSERT INTO story_index (story_index, rowid, title, body, source, entities, notes)
         VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(rusqlite::params![id, title, body, source, entities, notes])?;
    Ok(())
}

/// Adds story `id` to the index as it now stands.
///
/// The text is read first and inserted as one row: an `INSERT … SELECT` may write
/// several rows, so SQLite wraps it in a statement savepoint, and FTS5 flushes its
/// pending terms to disk at every savepoint — per story, instead of per transaction.
pub fn index(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    let [title, body, source, entities, notes] = indexed_text(conn, id)?;
    insert(conn, id, [&title, &body, &source, &entities, &notes])
}

/// Story `id`'s indexed text as `story_text` gives it: title, body, source, entities
/// and notes.
fn indexed_text(conn: &Connection, id: i64) -> rusqlite::Result<[Option<String>; 5]> {
    conn.prepare_cached(
        "SELECT title, body, source, entities, notes FROM story_text WHERE id = ?1",
    )?
    .query_row([id], |row| {
        Ok([
            row.get(0)?,
            row.get(1)?,
            row.get(2)?,
            row.get(3)?,
            row.get(4)?,
        ])
    })
}

/// Adds story `id`, stored just now, to the index from the text the writer has in hand:
/// the same text `story_text` would give back for it (a new story has no notes, and
/// `entities` are the names linked to it, in order, as its `entities` column joins them).
pub fn index_new(
    conn: &Connection,
    id: i64,
    title: &str,
    body: &str,
    source: Option<&str>,
    entities: &str,
) -> rusqlite::Result<()> {
    let entities = (!entities.is_empty()).then_some(entities);
    insert(conn, id, [&title, &body, &source, &entities, &None::<&str>])
}

/// Inserts one row of indexed text: title, body, source, entities and notes.
fn insert(conn: &Connection, id: i64, text: [&dyn ToSql; 5]) -> rusqlite::Result<()> {
    let [title, body, source, entities, notes] = text;
    conn.prepare_cached(
        "INSERT INTO story_index (rowid, title, body, source, entities, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(rusqlite::params![id, title, body, source, entities, notes])?;
    Ok(())
}
