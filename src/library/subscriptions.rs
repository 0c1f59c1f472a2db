//! Subscriptions: the feeds `sitrep fetch` reads, how their last fetch went, and
//! storing what a fetch brought in.
//!
//! A fetch's stories and the feed's new validators (ETag, Last-Modified) are written in
//! one transaction: a fetch that fails or stops half way leaves the library as it was,
//! and a validator is never saved for stories that were not.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::entity_ids::EntityIds;
use super::identity::title_key;
use super::import::{Origin, Storing, StoryOutcome, StoryValues, store_story};
use super::{Library, LibraryError, correction};
use crate::analyze::Analyzer;
use crate::model::Article;

/// How a subscription's last fetch went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedStatus {
    /// Never fetched yet.
    New,
    /// The last fetch brought the feed in.
    Ok,
    /// The server said the feed had not changed since the fetch before.
    NotModified,
    /// The last fetch failed (see the subscription's error).
    Failed,
    /// The server said the feed is gone for good (HTTP 410); it is not fetched again.
    Gone,
}

impl FeedStatus {
    /// The name stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedStatus::New => "new",
            FeedStatus::Ok => "ok",
            FeedStatus::NotModified => "not-modified",
            FeedStatus::Failed => "failed",
            FeedStatus::Gone => "gone",
        }
    }

    fn parse(name: &str) -> FeedStatus {
        match name {
            "ok" => FeedStatus::Ok,
            "not-modified" => FeedStatus::NotModified,
            "failed" => FeedStatus::Failed,
            "gone" => FeedStatus::Gone,
            _ => FeedStatus::New,
        }
    }
}

/// One subscribed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: i64,
    /// The URL as subscribed: it may hold credentials, so show it only redacted.
    pub url: String,
    /// The feed's own title, once fetched.
    pub title: Option<String>,
    /// Tags given to every story of the feed.
    pub tags: Vec<String>,
    /// Whether each item's linked page is fetched for the story's full text.
    pub full_text: bool,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// RFC 3339 time of the last attempt.
    pub last_fetch: Option<String>,
    pub status: FeedStatus,
    /// Stories the last successful fetch added.
    pub new_items: usize,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Attempts failed in a row.
    pub failures: u32,
    /// Unix seconds before which the feed is not fetched again.
    pub retry_at: Option<i64>,
}

/// What a fetch brought in for one feed, to be stored at once.
#[derive(Debug, Clone, Default)]
pub struct FeedItems {
    /// The feed's title, if it has one.
    pub title: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The feed's name stored as its stories' origin (a URL without credentials).
    pub origin: String,
    pub articles: Vec<Article>,
}

/// What storing a feed's items did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeedStored {
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Why a fetch failed, as recorded on the subscription.
#[derive(Debug, Clone)]
pub struct FeedFailure {
    pub error: String,
    /// HTTP 410: the feed is marked gone.
    pub gone: bool,
    /// Unix seconds before which the feed is not tried again.
    pub retry_at: Option<i64>,
}

const COLUMNS: &str = "id, url, title, tags, full_text, etag, last_modified, last_fetch,
     status, new_items, error, failures, retry_at";

impl Library {
    /// Subscribes to `url` (`title` is shown until the feed gives its own); false when
    /// it was already subscribed (nothing changes then).
    pub fn subscribe(
        &mut self,
        url: &str,
        title: Option<&str>,
        tags: &[String],
        full_text: bool,
    ) -> Result<bool, LibraryError> {
        let tags = serde_json::to_string(tags).unwrap_or_else(|_| "[]".to_string());
        let added = self.conn.execute(
            "INSERT OR IGNORE INTO subscriptions
                 (url, title, tags, full_text, added_at, status, new_items, failures)
             VALUES (?1, ?2, ?3, ?4, ?5, 'new', 0, 0)",
            params![
                url,
                title,
                tags,
                full_text,
                jiff::Timestamp::now().to_string()
            ],
        )?;
        Ok(added > 0)
    }

    /// Every subscription, oldest first.
    pub fn subscriptions(&self) -> Result<Vec<Subscription>, LibraryError> {
        let mut statement = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM subscriptions ORDER BY id"))?;
        let rows = statement.query_map([], subscription)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One subscription by id.
    pub fn subscription(&self, id: i64) -> Result<Subscription, LibraryError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM subscriptions WHERE id = ?1"),
                [id],
                subscription,
            )
            .optional()?
            .ok_or(LibraryError::NoSuchSubscription(id.to_string()))
    }

    /// Ends a subscription; the stories it brought in stay.
    pub fn unsubscribe(&mut self, id: i64) -> Result<(), LibraryError> {
        match self
            .conn
            .execute("DELETE FROM subscriptions WHERE id = ?1", [id])?
        {
            0 => Err(LibraryError::NoSuchSubscription(id.to_string())),
            _ => Ok(()),
        }
    }

    /// The URL of every stored story (to skip pages already fetched in full).
    pub fn story_urls(&self) -> Result<HashSet<String>, LibraryError> {
        let mut statement = self
            .conn
            .prepare("SELECT url FROM articles WHERE url IS NOT NULL")?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Records that the server answered "not modified": nothing new, nothing failed.
    pub fn record_not_modified(&mut self, id: i64) -> Result<(), LibraryError> {
        self.conn.execute(
            "UPDATE subscriptions SET last_fetch = ?2, status = 'not-modified', new_items = 0,
                 error = NULL, failures = 0, retry_at = NULL
             WHERE id = ?1",
            params![id, jiff::Timestamp::now().to_string()],
        )?;
        Ok(())
    }

    /// Records a failed fetch; the feed's stories and validators are left as they were.
    pub fn record_feed_failure(
        &mut self,
        id: i64,
        failure: &FeedFailure,
    ) -> Result<(), LibraryError> {
        let status = if failure.gone {
            FeedStatus::Gone
        } else {
            FeedStatus::Failed
        };
        self.conn.execute(
            "UPDATE subscriptions SET last_fetch = ?2, status = ?3, new_items = 0, error = ?4,
                 failures = failures + 1, retry_at = ?5
             WHERE id = ?1",
            params![
                id,
                jiff::Timestamp::now().to_string(),
                status.as_str(),
                failure.error,
                failure.retry_at
            ],
        )?;
        Ok(())
    }

    /// Analyses and stores a feed's items with its new validators, in one transaction.
    /// An item is the same story as a stored one by URL, else by title, day and body,
    /// else by its title within this feed (see `library/import.rs`).
    pub fn store_feed_items(
        &mut self,
        id: i64,
        items: &FeedItems,
        analyzer: &Analyzer,
    ) -> Result<FeedStored, LibraryError> {
        let now = jiff::Timestamp::now().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let analyze = |article: &Article| analyzer.analyze(article);
        let mut storing = Storing {
            entity_ids: EntityIds::default(),
            analyze: &analyze,
            now: &now,
            corrections: correction::in_force(&tx)?,
        };
        let mut stored = FeedStored::default();
        for article in &items.articles {
            let analysis = analyzer.analyze(article);
            let values = StoryValues::of(article, &analysis);
            let origin_path = item_origin(&items.origin, article);
            let origin = Origin {
                path: &origin_path,
                index: 0,
            };
            let (_, outcome) = store_story(&tx, &mut storing, article, &analysis, &values, origin)?;
            match outcome {
                StoryOutcome::Imported => stored.imported += 1,
                StoryOutcome::Updated => stored.updated += 1,
                StoryOutcome::Unchanged => stored.unchanged += 1,
            }
        }
        tx.execute(
            "UPDATE subscriptions SET title = coalesce(?2, title), etag = ?3, last_modified = ?4,
                 last_fetch = ?5, status = 'ok', new_items = ?6, error = NULL, failures = 0,
                 retry_at = NULL
             WHERE id = ?1",
            params![
                id,
                items.title,
                items.etag,
                items.last_modified,
                now,
                stored.imported
            ],
        )?;
        tx.commit()?;
        Ok(stored)
    }
}

/// The origin stored for one feed item: the feed, then the item's link or title. Feed
/// items move down the feed as new ones arrive, so their position identifies nothing.
fn item_origin(feed: &str, article: &Article) -> String {
    match &article.url {
        Some(url) => format!("{feed}#{url}"),
        None => format!("{feed}#{}", title_key(&article.title)),
    }
}

fn subscription(row: &Row) -> rusqlite::Result<Subscription> {
    let tags: String = row.get(3)?;
    let status: String = row.get(8)?;
    Ok(Subscription {
        id: row.get(0)?,
        url: row.get(1)?,
        title: row.get(2)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        full_text: row.get(4)?,
        etag: row.get(5)?,
        last_modified: row.get(6)?,
        last_fetch: row.get(7)?,
        status: FeedStatus::parse(&status),
        new_items: row.get(9)?,
        error: row.get(10)?,
        failures: row.get(11)?,
        retry_at: row.get(12)?,
    })
}
