//! The query's filters as SQL conditions on `articles a`, and the stories that pass them.
//!
//! Filter values are loose: `source:` and `entity:` match a whole name or whole words of
//! one, case-insensitively (`source:washington` finds "The Washington Post",
//! `entity:Mugabe` finds "Robert Mugabe"); tags compare case-insensitively. Sources,
//! days and entity names are those the analyst's corrections give (`filters_corrected.rs`).

use std::collections::HashSet;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::filters_corrected::CorrectedFilters;
use super::query::Query;
use super::typed_name::{TypedName, loosely_names};
use super::{Library, LibraryError, StorySummary};

/// SQL conditions (on `articles a`) and the values they bind, in order.
#[derive(Debug, Default)]
pub struct Conditions {
    pub sql: Vec<String>,
    pub values: Vec<Value>,
}

impl Conditions {
    /// The conditions of the query's filters as `corrected` changes them, and with
    /// `excluding`, of its excluded words.
    pub fn of(query: &Query, excluding: bool, corrected: &CorrectedFilters) -> Conditions {
        let mut conditions = Conditions::default();
        if let Some(source) = &query.source {
            let stored =
                "(a.source = ? COLLATE NOCASE OR ' ' || a.source || ' ' LIKE ? ESCAPE '\\')";
            let values = [text(source), text(&whole_words(source))];
            let fixed = &corrected.sources;
            if fixed.is_empty() {
                conditions.add(stored, values);
            } else {
                let ids = fixed.iter().map(|(id, _)| *id);
                let passing = fixed
                    .iter()
                    .filter(|(_, now)| loosely_names(now, source))
                    .map(|(id, _)| *id);
                conditions.add_overridden(stored, values, ids, passing);
            }
        }
        let mut days = Vec::new();
        let mut day_values = Vec::new();
        if let Some(from) = &query.from {
            days.push("a.published_day >= ?");
            day_values.push(text(from));
        }
        if let Some(to) = &query.to {
            days.push("a.published_day <= ?");
            day_values.push(text(to));
        }
        if !days.is_empty() {
            let stored = format!("({})", days.join(" AND "));
            let fixed = &corrected.days;
            let passing = fixed
                .iter()
                .filter(|(_, day)| {
                    day.as_deref().is_some_and(|day| {
                        query.from.as_deref().is_none_or(|from| day >= from)
                            && query.to.as_deref().is_none_or(|to| day <= to)
                    })
                })
                .map(|(id, _)| *id);
            let ids = fixed.iter().map(|(id, _)| *id);
            conditions.add_overridden(&stored, day_values, ids, passing);
        }
        for tag in &query.tags {
            conditions.add(
                "EXISTS (SELECT 1 FROM story_tags t WHERE t.article_id = a.id
                         AND t.tag = ? COLLATE NOCASE)",
                [text(tag.trim_start_matches('#'))],
            );
        }
        for (entity, stories) in query.entities.iter().zip(&corrected.entities) {
            if let Some(stories) = stories {
                conditions.add(
                    "a.id IN (SELECT value FROM json_each(?))",
                    [ids_json(stories.iter().copied())],
                );
                continue;
            }
            let known_as = serde_json::to_string(TypedName::new(entity).known_as())
                .unwrap_or_else(|_| "[]".to_string());
            conditions.add(
                "EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id
                         AND ae.entity_id IN (SELECT id FROM entities
                             WHERE name = ? OR ' ' || name || ' ' LIKE ? ESCAPE '\\'
                                 OR name IN (SELECT value FROM json_each(?))))",
                [text(entity), text(&whole_words(entity)), text(&known_as)],
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

    fn add(&mut self, condition: &str, values: impl IntoIterator<Item = Value>) {
        self.sql.push(condition.to_string());
        self.values.extend(values);
    }

    /// `stored` for the stories outside `fixed`; of those in it, the `passing` ones.
    fn add_overridden(
        &mut self,
        stored: &str,
        values: impl IntoIterator<Item = Value>,
        fixed: impl Iterator<Item = i64>,
        passing: impl Iterator<Item = i64>,
    ) {
        let fixed: Vec<i64> = fixed.collect();
        if fixed.is_empty() {
            return self.add(stored, values);
        }
        let mut values: Vec<Value> = values.into_iter().collect();
        values.extend([ids_json(fixed.into_iter()), ids_json(passing)]);
        self.add(
            &format!(
                "(({stored}) AND a.id NOT IN (SELECT value FROM json_each(?))
                  OR a.id IN (SELECT value FROM json_each(?)))"
            ),
            values,
        );
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

/// Story ids as a JSON array, for `json_each`.
fn ids_json(ids: impl Iterator<Item = i64>) -> Value {
    let ids: Vec<String> = ids.map(|id| id.to_string()).collect();
    Value::Text(format!("[{}]", ids.join(",")))
}

/// A LIKE pattern matching `value` as whole words of a name padded with spaces.
pub(super) fn whole_words(value: &str) -> String {
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
    /// The SQL conditions of the query's filters, as the analyst's corrections make them.
    pub(super) fn conditions(
        &self,
        query: &Query,
        excluding: bool,
    ) -> Result<Conditions, LibraryError> {
        let corrected = self.corrected_filters(query)?;
        Ok(Conditions::of(query, excluding, &corrected))
    }

    /// The stories that pass the query's filters and hold none of its excluded words (its
    /// other words are ignored), newest first.
    pub fn filtered(&self, query: &Query, limit: usize) -> Result<Vec<StorySummary>, LibraryError> {
        let conditions = self.conditions(query, true)?;
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
        let conditions = self.conditions(query, true)?;
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
