//! Full-text search: the first tier of [`Library::find`](super::Library::find).
//!
//! Ranking by bm25 costs a read of every match's positions, which for a frequent word
//! is most of the index. So only a candidate set is ranked: when more than [`RANKED`]
//! stories match, the [`RANKED`] most recently stored of them (found in rowid order,
//! which costs nothing) are ranked by bm25, and the rest follow, most recently stored
//! first. Counting the matches reads only the document lists.

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::filters::Conditions;
use super::query::Query;
use super::{Library, LibraryError};

/// bm25 weights of the indexed columns: title, body, source, entities, notes.
const RANK: &str = "bm25(story_index, 10.0, 1.0, 2.0, 5.0, 3.0)";

/// Most matches ranked by bm25 for one search.
pub const RANKED: usize = 1000;

/// Characters of the body shown for a story found without a match to mark.
const PLAIN_SNIPPET_CHARS: i64 = 160;

/// Longest body given a marked snippet: FTS5's `snippet()` takes time quadratic in the
/// matches, so a hostile multi-megabyte story would stall every search; longer bodies
/// show their opening instead.
const SNIPPET_MAX_BODY_CHARS: i64 = 100_000;

/// Marks around matches in FTS5 snippets: control characters, which stored text never
/// holds (see `sanitize`), so no text can be mistaken for a mark.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

/// The full-text part of a query: its MATCH expression and its filters.
pub struct FullText {
    expression: String,
    conditions: Conditions,
}

impl FullText {
    /// The full-text search of a query with words, its filters as `conditions`; `None`
    /// without words.
    pub fn of(query: &Query, conditions: Conditions) -> Option<FullText> {
        Some(FullText {
            expression: query.fts_match()?,
            conditions,
        })
    }

    /// `FROM … WHERE …` selecting the matches, then `extra` conditions.
    fn from(&self, extra: &str) -> String {
        let join = if self.conditions.is_empty() {
            ""
        } else {
            "JOIN articles a ON a.id = story_index.rowid"
        };
        format!(
            "FROM story_index {join} WHERE story_index MATCH ?{}{extra}",
            self.conditions.and_clause()
        )
    }

    /// The expression and filter values, then `extra`.
    fn values(&self, extra: &[i64]) -> Vec<Value> {
        let mut values = vec![Value::Text(self.expression.clone())];
        values.extend(self.conditions.values.iter().cloned());
        values.extend(extra.iter().map(|&v| Value::Integer(v)));
        values
    }
}

impl Library {
    /// How many stories the full-text search matches.
    pub(super) fn full_text_count(&self, search: &FullText) -> Result<usize, LibraryError> {
        let sql = format!("SELECT count(*) {}", search.from(""));
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(search.values(&[])), |row| row.get(0))?;
        Ok(count as usize)
    }

    /// Ids of every story the full-text search matches.
    pub(super) fn full_text_ids(&self, search: &FullText) -> Result<Vec<i64>, LibraryError> {
        let sql = format!("SELECT story_index.rowid {}", search.from(""));
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(search.values(&[])), |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Ids and scores of matches `offset..offset + limit` in ranked order (see the
    /// module's doc), out of `total` matches; a score is 0 past the ranked ones.
    pub(super) fn full_text_page(
        &self,
        search: &FullText,
        total: usize,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<(i64, f64)>, LibraryError> {
        // The lowest rowid of the ranked candidates.
        let cutoff = if total > RANKED {
            let sql = format!(
                "SELECT story_index.rowid {} ORDER BY story_index.rowid DESC LIMIT 1 OFFSET ?",
                search.from("")
            );
            self.conn.prepare_cached(&sql)?.query_row(
                params_from_iter(search.values(&[RANKED as i64 - 1])),
                |row| row.get(0),
            )?
        } else {
            i64::MIN
        };
        let ranked = total.min(RANKED);
        let mut page = Vec::new();
        if offset < ranked {
            let sql = format!(
                "SELECT story_index.rowid, -{RANK} {} ORDER BY {RANK} LIMIT ? OFFSET ?",
                search.from(" AND story_index.rowid >= ?")
            );
            let values = search.values(&[cutoff, limit as i64, offset as i64]);
            page.extend(self.scored(&sql, values)?);
        }
        let rest = limit - page.len();
        if rest > 0 && total > ranked {
            let sql = format!(
                "SELECT story_index.rowid, 0.0 {}
                 ORDER BY story_index.rowid DESC LIMIT ? OFFSET ?",
                search.from(" AND story_index.rowid < ?")
            );
            let skip = offset.saturating_sub(ranked) as i64;
            page.extend(self.scored(&sql, search.values(&[cutoff, rest as i64, skip]))?);
        }
        Ok(page)
    }

    fn scored(&self, sql: &str, values: Vec<Value>) -> Result<Vec<(i64, f64)>, LibraryError> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map(params_from_iter(values), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A few words of story `id` around its matches, with the character ranges of the
    /// matches; the body's opening for a very long story.
    pub(super) fn snippet(
        &self,
        search: &FullText,
        id: i64,
    ) -> Result<(String, Vec<(usize, usize)>), LibraryError> {
        let length: i64 = self
            .conn
            .prepare_cached("SELECT length(body) FROM articles WHERE id = ?1")?
            .query_row([id], |row| row.get(0))?;
        if length > SNIPPET_MAX_BODY_CHARS {
            return Ok((self.opening(id)?, Vec::new()));
        }
        let marked: Option<String> = self
            .conn
            .prepare_cached(&format!(
                "SELECT snippet(story_index, -1, '{OPEN}', '{CLOSE}', '…', 16)
                 FROM story_index WHERE story_index MATCH ?1 AND rowid = ?2"
            ))?
            .query_row(rusqlite::params![search.expression, id], |row| row.get(0))?;
        Ok(unmark(&marked.unwrap_or_default()))
    }

    /// The first characters of story `id`'s body.
    pub(super) fn opening(&self, id: i64) -> Result<String, LibraryError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT substr(body, 1, {PLAIN_SNIPPET_CHARS}) FROM articles WHERE id = ?1"
            ))?
            .query_row([id], |row| row.get(0))?)
    }
}

/// A snippet with [`OPEN`]/[`CLOSE`] marks as plain text and the character ranges marked.
fn unmark(marked: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut count = 0;
    let mut start = None;
    for c in marked.chars() {
        match c {
            OPEN => start = Some(count),
            CLOSE => {
                if let Some(start) = start.take()
                    && start < count
                {
                    ranges.push((start, count));
                }
            }
            _ => {
                text.push(c);
                count += 1;
            }
        }
    }
    (text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_ranges_and_brackets_stay_text() {
        let (text, ranges) = unmark("a [b] \u{2}grain\u{3} deal \u{2}x\u{3}");
        assert_eq!(text, "a [b] grain deal x");
        assert_eq!(ranges, [(6, 11), (17, 18)]);
    }
}
