//! Earlier texts of a story: when an import really changes a story's title or body, the
//! story as it stood (text, metadata and tags) is kept as a version the analyst can read.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::stories::damaged;
use super::{Library, LibraryError};
use crate::model::Article;

/// One earlier text of a story; versions count from 1, oldest first. The story's
/// current text is not among them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryVersion {
    pub version: usize,
    #[serde(flatten)]
    pub article: Article,
    /// RFC 3339 times this text was stored, and replaced by a newer one.
    pub stored: String,
    pub replaced: String,
}

/// Keeps story `id` as it now stands as its newest earlier version; call in the
/// transaction that is about to replace its text, before its tags are rewritten.
pub(super) fn keep_current(conn: &Connection, id: i64, now: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO article_versions (article_id, title, source, byline, dateline,
             published, highlights, body, url, tags, stored_at, replaced_at)
         SELECT id, title, source, byline, dateline, published, highlights, body, url,
             (SELECT json_group_array(tag) FROM
                 (SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY position)),
             updated_at, ?2
         FROM articles WHERE id = ?1",
    )?
    .execute(params![id, now])?;
    Ok(())
}

impl Library {
    /// The earlier texts of story `id`, oldest first (empty when it never changed).
    pub fn story_versions(&self, id: i64) -> Result<Vec<StoryVersion>, LibraryError> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
            [id],
            |row| row.get(0),
        )?;
        if !exists {
            return Err(LibraryError::NoSuchStory(id));
        }
        let mut statement = self.conn.prepare_cached(
            "SELECT title, source, byline, dateline, published, highlights, body, url, tags,
                    stored_at, replaced_at
             FROM article_versions WHERE article_id = ?1 ORDER BY id",
        )?;
        let mut rows = statement.query([id])?;
        let mut versions = Vec::new();
        while let Some(row) = rows.next()? {
            let highlights: String = row.get(5)?;
            let tags: String = row.get(8)?;
            versions.push(StoryVersion {
                version: versions.len() + 1,
                article: Article {
                    title: row.get(0)?,
                    source: row.get(1)?,
                    byline: row.get(2)?,
                    dateline: row.get(3)?,
                    published: row.get(4)?,
                    highlights: serde_json::from_str(&highlights)
                        .map_err(|_| damaged("version highlights", &highlights))?,
                    body: row.get(6)?,
                    url: row.get(7)?,
                    tags: serde_json::from_str(&tags)
                        .map_err(|_| damaged("version tags", &tags))?,
                },
                stored: row.get(9)?,
                replaced: row.get(10)?,
            });
        }
        Ok(versions)
    }
}
