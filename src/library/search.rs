//! Full-text search with filters, ranked by bm25 with matches marked in a snippet.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use super::query::Query;
use super::{Library, LibraryError, StorySummary};

/// bm25 weights of the indexed columns: title, body, source, entities, notes.
const RANK: &str = "bm25(story_index, 10.0, 1.0, 2.0, 5.0, 3.0)";

/// Characters of the body shown for a filter-only search, which has no match to mark.
const PLAIN_SNIPPET_CHARS: i64 = 160;

/// Longest body given a marked snippet: FTS5's `snippet()` takes time quadratic in the
/// matches, so a hostile multi-megabyte story would stall every search; longer bodies
/// show their opening instead.
const SNIPPET_MAX_BODY_CHARS: i64 = 100_000;

/// One story found by a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<String>,
    /// A few words around the matches, each match as `[word]`.
    pub snippet: String,
    /// Relevance, higher is better; 0 for a filter-only search.
    pub score: f64,
}

impl Library {
    /// Runs a search typed in the [`Query`] language. With words: best matches first.
    /// With filters alone: the matching stories, newest first.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>, LibraryError> {
        let query = Query::parse(text)?;
        let mut conditions = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        let fts_match = query.fts_match();
        if let Some(expression) = &fts_match {
            conditions.push("story_index MATCH ?".to_string());
            values.push(Value::Text(expression.clone()));
        }
        filter_conditions(&query, &mut conditions, &mut values);
        let filters = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let sql = match fts_match {
            Some(_) => format!(
                "SELECT a.id, a.title, a.source, a.published,
                        CASE WHEN length(a.body) <= {SNIPPET_MAX_BODY_CHARS}
                             THEN snippet(story_index, -1, '[', ']', '…', 16)
                             ELSE substr(a.body, 1, {PLAIN_SNIPPET_CHARS}) END,
                        -{RANK}
                 FROM story_index JOIN articles a ON a.id = story_index.rowid
                 {filters} ORDER BY {RANK} LIMIT ?"
            ),
            None => format!(
                "SELECT a.id, a.title, a.source, a.published,
                        substr(a.body, 1, {PLAIN_SNIPPET_CHARS}), 0.0
                 FROM articles a
                 {filters} ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC LIMIT ?"
            ),
        };
        values.push(Value::Integer(limit as i64));
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(values), |row| {
            Ok(SearchHit {
                id: row.get(0)?,
                title: row.get(1)?,
                source: row.get(2)?,
                published: row.get(3)?,
                snippet: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
                score: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// SQL conditions (on `articles a`) and their values for the query's filters.
fn filter_conditions(query: &Query, conditions: &mut Vec<String>, values: &mut Vec<Value>) {
    let mut add = |condition: &str, value: &str| {
        conditions.push(condition.to_string());
        values.push(Value::Text(value.to_string()));
    };
    if let Some(source) = &query.source {
        add("a.source = ? COLLATE NOCASE", source);
    }
    if let Some(from) = &query.from {
        add("a.published_day >= ?", from);
    }
    if let Some(to) = &query.to {
        add("a.published_day <= ?", to);
    }
    for tag in &query.tags {
        add(
            "EXISTS (SELECT 1 FROM story_tags t WHERE t.article_id = a.id
                     AND t.tag = ? COLLATE NOCASE)",
            tag.trim_start_matches('#'),
        );
    }
    for entity in &query.entities {
        add(
            "EXISTS (SELECT 1 FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                     WHERE ae.article_id = a.id AND e.name = ?)",
            entity,
        );
    }
}

impl Library {
    /// The stories that pass the query's filters (its words are ignored), newest first.
    pub fn filtered(&self, query: &Query, limit: usize) -> Result<Vec<StorySummary>, LibraryError> {
        let mut conditions = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        filter_conditions(query, &mut conditions, &mut values);
        let filters = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        values.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        let sql = format!(
            "SELECT a.id, a.title, a.source, a.published FROM articles a {filters}
             ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC LIMIT ?"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(values), |row| {
            Ok(StorySummary {
                id: row.get(0)?,
                title: row.get(1)?,
                source: row.get(2)?,
                published: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
