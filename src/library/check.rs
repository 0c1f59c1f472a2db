//! `sitrep check`: SQLite's own integrity check, then sitrep's invariants — the
//! full-text index in step with the stories, every stored span (mention, quote, date,
//! event, note anchor) inside its story's body, every earlier version of a story
//! readable, and no row pointing at nothing.

use rusqlite::Connection;
use serde::Serialize;

use super::{Library, LibraryError, check_lists};

/// Most lines of `PRAGMA integrity_check` output reported.
const INTEGRITY_LINES: i64 = 20;

/// What `check` found: the library's size and every problem, one line each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub stories: i64,
    pub problems: Vec<String>,
}

impl CheckReport {
    /// True when nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Stored spans that must lie in their story's body: the table, what is wrong with a
/// bad row, and the SQL condition that makes a row bad (`s` is the row, `a` its story).
const SPAN_RULES: [(&str, &str, &str); 2] = [
    (
        "events",
        "events lie outside their story's body",
        "s.start < 0 OR s.start > s.end OR s.end > length(a.body)",
    ),
    (
        "notes",
        "note anchors lie outside their story's body or name another story's event",
        "(s.anchor_start IS NULL) <> (s.anchor_end IS NULL)
         OR s.anchor_start < 0 OR s.anchor_start > s.anchor_end
         OR s.anchor_end > length(a.body)
         OR (s.event_id IS NOT NULL AND NOT EXISTS
             (SELECT 1 FROM events e WHERE e.id = s.event_id AND e.article_id = s.article_id))",
    ),
];

/// Earlier versions of stories (see `versions.rs`) whose lists `show --versions` could
/// not read: what is wrong, and the SQL condition that makes a row bad (`s` is the row).
const VERSION_RULE: (&str, &str) = (
    "story versions have unreadable highlights or tags",
    "NOT (CASE WHEN json_valid(s.highlights) AND json_valid(s.tags)
          THEN json_type(s.highlights) = 'array' AND json_type(s.tags) = 'array' ELSE 0 END)",
);

impl Library {
    /// Checks the library file and sitrep's invariants; problems are reported, not fixed.
    pub fn check(&self) -> Result<CheckReport, LibraryError> {
        let mut problems = integrity(&self.conn)?;
        if problems.is_empty() {
            problems.extend(orphans(&self.conn)?);
            problems.extend(full_text_index(&self.conn)?);
            problems.extend(check_lists::analysis_lists(&self.conn)?);
            for (table, problem, wrong) in SPAN_RULES {
                problems.extend(spans(&self.conn, table, problem, wrong)?);
            }
            let (problem, wrong) = VERSION_RULE;
            problems.extend(spans(&self.conn, "article_versions", problem, wrong)?);
        }
        let stories = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))?;
        Ok(CheckReport { stories, problems })
    }
}

/// SQLite's `PRAGMA integrity_check`: page structure, indexes, constraints.
fn integrity(conn: &Connection) -> Result<Vec<String>, LibraryError> {
    let mut statement = conn.prepare(&format!("PRAGMA integrity_check({INTEGRITY_LINES})"))?;
    let lines: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(lines
        .into_iter()
        .filter(|line| line != "ok")
        .map(|line| format!("database file: {}", line.replace('\n', " ")))
        .collect())
}

/// Rows whose foreign key points at a row that does not exist, counted per relation.
fn orphans(conn: &Connection) -> Result<Vec<String>, LibraryError> {
    let mut statement = conn.prepare(
        "SELECT \"table\", parent, count(*) FROM pragma_foreign_key_check
         GROUP BY \"table\", parent ORDER BY \"table\", parent",
    )?;
    let rows = statement.query_map([], |row| {
        let (table, parent, count): (String, String, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
        Ok(format!("{count} {table} rows point at missing {parent}"))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// FTS5's own check of the index against the stories, and one index entry per story.
fn full_text_index(conn: &Connection) -> Result<Vec<String>, LibraryError> {
    let mut problems = Vec::new();
    let verified = conn.execute(
        "INSERT INTO story_index (story_index, rank) VALUES ('integrity-check', 1)",
        [],
    );
    if let Err(error) = verified {
        problems.push(format!(
            "full-text index does not match the stories: {error}"
        ));
    }
    let (stories, indexed): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_index_docsize)",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if stories != indexed {
        problems.push(format!(
            "full-text index holds {indexed} stories, the library {stories}"
        ));
    }
    Ok(problems)
}

/// Rows of `table` meeting `wrong`, reported with a count and the first story affected.
fn spans(
    conn: &Connection,
    table: &str,
    problem: &str,
    wrong: &str,
) -> Result<Option<String>, LibraryError> {
    let (count, first): (i64, Option<i64>) = conn.query_row(
        &format!(
            "SELECT count(*), min(a.id) FROM {table} s JOIN articles a ON a.id = s.article_id
             WHERE {wrong}"
        ),
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    Ok(first.map(|story| format!("{count} {problem} (first in story {story})")))
}
