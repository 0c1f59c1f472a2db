//! The query's filters as SQL conditions on `articles a`, and the stories that pass them.
//!
//! Filter values are loose: `source:` and `entity:` match a whole name or whole words of
//! one, case-insensitively (`source:washington` finds "The Washington Post",
//! `entity:Mugabe` finds "Robert Mugabe"); tags compare case-insensitively.

use std::collections::HashSet;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::query::Query;
use super::{Library, LibraryError, StorySummary};

/// SQL conditions (on `articles a`) and the values they bind, in order.
#[derive(Debug, Default)]
pub struct Conditions {
    pub sql: Vec<String>,
    pub values: Vec<Value>,
}

impl Conditions {
    /// The conditions of the query's filters, and with `excluding`, of its excluded words.
    pub fn of(query: &Query, excluding: bool) -> Conditions {
        let mut conditions = Conditions::default();
        if let Some(source) = &query.source {
            conditions.add(
                "(a.source = ? COLLATE NOCASE OR ' ' || a.source || ' ' LIKE ? ESCAPE '\\')",
                [text(source), text(&whole_words(source))],
            );
        }
        if let Some(from) = &query.from {
            conditions.add("a.published_day >= ?", [text(from)]);
        }
        if let Some(to) = &query.to {
            conditions.add("a.published_day <= ?", [text(to)]);
        }
        for tag in &query.tags {
            conditions.add(
                "EXISTS (SELECT 1 FROM story_tags t WHERE t.article_id = a.id
                         AND t.tag = ? COLLATE NOCASE)",
                [text(tag.trim_start_matches('#'))],
            );
        }
        for entity in &query.entities {
            conditions.add(
                "EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id
                         AND ae.entity_id IN (SELECT id FROM entities
                             WHERE name = ? OR ' ' || name || ' ' LIKE ? ESCAPE '\\'))",
                [text(entity), text(&whole_words(entity))],
            );
        }
        if excluding && let Some(excluded) = query.fts_excluded() {
            conditions.add(
                "a.id NOT IN (SELECT rowid FROM story_index WHERE story_index MATCH ?)",
                [Value::Text(excluded)],
            );
        }
        conditions
    }

    fn add<const N: usize>(&mut self, condition: &str, values: [Value; N]) {
        self.sql.push(condition.to_string());
        self.values.extend(values);
    }

    pub fn is_empty(&self) -> bool {
        self.sql.is_empty()
    }

    /// `AND`-joined conditions, each after `AND` (empty when there are none).
    pub fn and_clause(&self) -> String {
        self.sql.iter().map(|c| format!(" AND {c}")).collect()
    }
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

/// A LIKE pattern matching `value` as whole words of a name padded with spaces.
fn whole_words(value: &str) -> String {
    let escaped: String = value
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    format!("% {escaped} %")
}

impl Library {
    /// The stories that pass the query's filters and hold none of its excluded words (its
    /// other words are ignored), newest first.
    pub fn filtered(&self, query: &Query, limit: usize) -> Result<Vec<StorySummary>, LibraryError> {
        let conditions = Conditions::of(query, true);
        let sql = format!(
            "SELECT a.id, a.title, a.source, a.published FROM articles a WHERE 1{}
             ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
            conditions.and_clause()
        );
        let mut values = conditions.values;
        values.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
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

    /// Ids of the stories that pass the query's filters and hold none of its excluded
    /// words, or `None` when it has neither.
    pub(super) fn filtered_ids(&self, query: &Query) -> Result<Option<HashSet<i64>>, LibraryError> {
        let conditions = Conditions::of(query, true);
        if conditions.is_empty() {
            return Ok(None);
        }
        let sql = format!(
            "SELECT a.id FROM articles a WHERE 1{}",
            conditions.and_clause()
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(conditions.values), |row| row.get(0))?;
        Ok(Some(rows.collect::<Result<_, _>>()?))
    }
}
