//! What a fetch run says: one line per feed and a summary, the same in `sitrep fetch`
//! and in the reader.

use crate::library::FeedStored;
use crate::sanitize::clean_text;

/// How fetching one feed ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedResult {
    /// The feed came in; its items were stored.
    Stored(FeedStored),
    /// The server said nothing changed.
    NotModified,
    /// Not fetched this time (gone, or waiting after failures), and why.
    Skipped(String),
    /// The fetch failed, and why; nothing stored was touched.
    Failed(String),
}

/// One feed's outcome in a fetch run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    pub id: i64,
    /// The feed's URL without credentials.
    pub name: String,
    pub result: FeedResult,
    /// Things worth telling that did not stop the feed (an item's page not fetched).
    pub warnings: Vec<String>,
}

impl FeedReport {
    /// "NAME: 3 new, 1 updated, 10 unchanged", "NAME: not modified", "NAME: skipped:
    /// why", or for a failure "NAME: why" — sanitised, on one line.
    pub fn line(&self) -> String {
        let name = clean_text(&self.name);
        match &self.result {
            FeedResult::Stored(stored) => format!(
                "{name}: {} new, {} updated, {} unchanged",
                stored.imported, stored.updated, stored.unchanged
            ),
            FeedResult::NotModified => format!("{name}: not modified"),
            FeedResult::Skipped(reason) => format!("{name}: skipped: {}", clean_text(reason)),
            FeedResult::Failed(reason) => format!("{name}: {}", clean_text(reason)),
        }
    }

    pub fn failed(&self) -> bool {
        matches!(self.result, FeedResult::Failed(_))
    }
}

/// What a whole run did, in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunTotals {
    /// Feeds fetched (skipped ones are not).
    pub feeds: usize,
    pub new: usize,
    pub updated: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl RunTotals {
    pub fn of(reports: &[FeedReport]) -> RunTotals {
        let mut totals = RunTotals::default();
        for report in reports {
            match &report.result {
                FeedResult::Stored(stored) => {
                    totals.new += stored.imported;
                    totals.updated += stored.updated;
                }
                FeedResult::NotModified => {}
                FeedResult::Skipped(_) => totals.skipped += 1,
                FeedResult::Failed(_) => totals.failed += 1,
            }
        }
        totals.feeds = reports.len() - totals.skipped;
        totals
    }

    /// "fetched N feeds: X new stories, Y updated; F failed, S skipped".
    pub fn line(&self) -> String {
        format!(
            "fetched {} feeds: {} new stories, {} updated; {} failed, {} skipped",
            self.feeds, self.new, self.updated, self.failed, self.skipped
        )
    }
}
