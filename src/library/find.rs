//! The one search the CLI and the reader share: [`Library::find`].
//!
//! A query with words finds, first, the stories whose text matches (titles, bodies,
//! sources, entity names and notes, ranked: see `search.rs`); then, with fuzzy matching
//! on, the stories whose title, source, entities or speakers match the words tightly
//! (see `fuzzy.rs`) that the text did not find. A query of filters alone finds the
//! stories that pass them, newest first. Every hit carries the text to show and the
//! character ranges that matched in it; the total counts every story found.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use super::fuzzy::{FuzzyIndex, FuzzyMatch};
use super::hit::{Field, Hit};
use super::query::Query;
use super::search::FullText;
use super::{Library, LibraryError};

/// Which hits of a search to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
}

/// One page of a search's hits, and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    pub total: usize,
    pub hits: Vec<Hit>,
}

impl Found {
    /// A count of results as people write it: "no results", "1 result", "2,413 results".
    pub fn count_phrase(total: usize) -> String {
        let digits = total.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        match total {
            0 => "no results".to_string(),
            1 => "1 result".to_string(),
            _ => format!("{grouped} results"),
        }
    }
}

impl Library {
    /// Parses `text` in the query language and returns its first `limit` full-text hits.
    pub fn search(&self, text: &str, limit: usize) -> Result<Found, LibraryError> {
        let page = Page { offset: 0, limit };
        self.find(&Query::parse(text)?, None, page)
    }

    /// Searches the library (see the module's doc). With `fuzzy`, fuzzy matches follow the
    /// full-text ones.
    pub fn find(
        &self,
        query: &Query,
        fuzzy: Option<&FuzzyIndex>,
        page: Page,
    ) -> Result<Found, LibraryError> {
        let search = match query.has_words() {
            true => FullText::of(query, self.conditions(query, false)?),
            false => None,
        };
        let Some(search) = search else {
            return self.find_filtered(query, page);
        };
        let text_total = self.full_text_count(&search)?;
        let mut hits = Vec::new();
        for (id, score) in self.full_text_page(&search, text_total, page.offset, page.limit)? {
            let (text, ranges) = self.snippet(&search, id)?;
            hits.push(Hit {
                story: self.summary_of(id)?,
                field: Field::Text,
                text,
                ranges,
                score,
            });
        }
        let (Some(index), Some(pattern)) = (fuzzy, query.fuzzy_pattern()) else {
            return Ok(Found {
                total: text_total,
                hits,
            });
        };
        let fuzzy = self.fuzzy_matches(query, &search, index, &pattern)?;
        let skip = page.offset.saturating_sub(text_total);
        for found in fuzzy.iter().skip(skip).take(page.limit - hits.len()) {
            hits.push(index.placed(self, found, &pattern)?);
        }
        Ok(Found {
            total: text_total + fuzzy.len(),
            hits,
        })
    }

    /// Fuzzy matches of `pattern` that pass the query's filters and that the full-text
    /// search did not find.
    fn fuzzy_matches(
        &self,
        query: &Query,
        search: &FullText,
        index: &FuzzyIndex,
        pattern: &str,
    ) -> Result<Vec<FuzzyMatch>, LibraryError> {
        let allowed = self.filtered_ids(query)?;
        let passes = |id: i64| allowed.as_ref().is_none_or(|ids| ids.contains(&id));
        let found = index.matches(self, pattern, &passes)?;
        if found.is_empty() {
            return Ok(found);
        }
        // Sorted ids searched by halves: no hashing of a frequent word's many matches.
        let mut by_text = self.full_text_ids(search)?;
        by_text.sort_unstable();
        Ok(found
            .into_iter()
            .filter(|m| by_text.binary_search(&index.story_id(m)).is_err())
            .collect())
    }

    /// The stories that pass the query's filters, newest first, with their openings.
    fn find_filtered(&self, query: &Query, page: Page) -> Result<Found, LibraryError> {
        let conditions = self.conditions(query, true)?;
        let total: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM articles a WHERE 1{}",
                conditions.and_clause()
            ))?
            .query_row(params_from_iter(conditions.values.iter()), |row| row.get(0))?;
        let mut values = conditions.values.clone();
        values.extend([page.limit, page.offset].map(|n| Value::Integer(n as i64)));
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT a.id FROM articles a WHERE 1{}
             ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?",
            conditions.and_clause()
        ))?;
        let ids: Vec<i64> = statement
            .query_map(params_from_iter(values), |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut hits = Vec::new();
        for id in ids {
            hits.push(Hit {
                story: self.summary_of(id)?,
                field: Field::Text,
                text: self.opening(id)?,
                ranges: Vec::new(),
                score: 0.0,
            });
        }
        Ok(Found {
            total: total as usize,
            hits,
        })
    }
}
