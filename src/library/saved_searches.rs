//! Saved searches: queries the analyst named, like newsboat's query feeds. Saving under
//! a name that exists replaces that search's query.

use rusqlite::params;

use super::notes::now;
use super::{Library, LibraryError};

/// A named query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    pub id: i64,
    pub name: String,
    pub query: String,
}

impl Library {
    /// Saves `query` under `name` (replacing the query of a search of that name).
    pub fn save_search(&mut self, name: &str, query: &str) -> Result<SavedSearch, LibraryError> {
        let (name, query) = (name.trim(), query.trim());
        if name.is_empty() || query.is_empty() {
            return Err(LibraryError::InvalidSavedSearch(
                "a saved search needs a name and a query".to_string(),
            ));
        }
        let saved_at = now();
        let id = self.write(|tx| {
            Ok(tx.query_row(
                "INSERT INTO saved_searches (name, query, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET query = excluded.query,
                                                  saved_at = excluded.saved_at
                 RETURNING id",
                params![name, query, saved_at],
                |row| row.get(0),
            )?)
        })?;
        Ok(SavedSearch {
            id,
            name: name.to_string(),
            query: query.to_string(),
        })
    }

    /// Every saved search, by name.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>, LibraryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(SavedSearch {
                id: row.get(0)?,
                name: row.get(1)?,
                query: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Forgets a saved search.
    pub fn delete_saved_search(&mut self, id: i64) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute("DELETE FROM saved_searches WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::library::Library;

    #[test]
    fn searches_are_saved_by_name_replaced_and_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let grain = library
            .save_search("Grain", "grain source:\"Gulf Post\"")
            .unwrap();
        library.save_search("ASEAN talks", "asean").unwrap();
        library.save_search("Grain", "grain corridor").unwrap();
        let saved = library.saved_searches().unwrap();
        let names: Vec<(&str, &str)> = saved
            .iter()
            .map(|s| (s.name.as_str(), s.query.as_str()))
            .collect();
        assert_eq!(
            names,
            [("ASEAN talks", "asean"), ("Grain", "grain corridor")]
        );
        assert_eq!(saved[1].id, grain.id);
        assert!(library.save_search(" ", "x").is_err());
        library.delete_saved_search(grain.id).unwrap();
        assert_eq!(library.saved_searches().unwrap().len(), 1);
    }
}
