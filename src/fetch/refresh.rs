//! Fetching subscriptions: a few feeds at once on worker threads, each a conditional
//! GET whose bytes `ingest` parses (and whose teasers are completed with full text where
//! asked), stored by the library on the calling thread. One feed's failure is one
//! report; the others go on.

use std::collections::{HashSet, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::channel;
use std::sync::{Mutex, PoisonError};

use jiff::Timestamp;
use url::Url;

use super::FetchError;
use super::address::{http_url, reach_of, redacted, redacted_text};
use super::backoff::retry_at;
use super::client::Client;
use super::conditional::Validators;
use super::full_text::with_full_text;
use super::get::Fetched;
use super::politeness::by_host_turns;
use super::report::{FeedReport, FeedResult};
use crate::analyze::Analyzer;
use crate::ingest::{self, IngestError, Parsed};
use crate::library::{FeedFailure, FeedItems, FeedStatus, Library, LibraryError, Subscription};
use crate::model::Article;
use crate::sanitize::clean_text;

/// Feeds fetched at once (each host still gets at most two requests at a time).
pub const WORKERS: usize = 4;

/// What a worker brought back for one feed.
enum FeedFetch {
    NotModified,
    Items {
        items: FeedItems,
        warnings: Vec<String>,
    },
}

/// Fetches `subscriptions` and stores what they bring; `progress(report, done, total)`
/// is called as each feed ends. Only a library error stops the run.
pub fn refresh(
    library: &mut Library,
    subscriptions: &[Subscription],
    client: &Client,
    mut progress: impl FnMut(&FeedReport, usize, usize),
) -> Result<Vec<FeedReport>, LibraryError> {
    let now = Timestamp::now();
    let total = subscriptions.len();
    let mut reports = Vec::with_capacity(total);
    let mut due = Vec::new();
    for subscription in subscriptions {
        match skip_reason(subscription, now) {
            Some(reason) => {
                let report = report(subscription, FeedResult::Skipped(reason), Vec::new());
                progress(&report, reports.len() + 1, total);
                reports.push(report);
            }
            None => due.push(subscription),
        }
    }
    if due.is_empty() {
        return Ok(reports);
    }
    let known_urls = if due.iter().any(|subscription| subscription.full_text) {
        library.story_urls()?
    } else {
        HashSet::new()
    };
    // Built on the first feed with items to store (a 304 needs none).
    let mut analyzer = None;
    let workers = WORKERS.min(due.len());
    let queue = Mutex::new(by_host_turns(due, |subscription| {
        http_url(&subscription.url)
            .ok()
            .and_then(|url| url.host_str().map(str::to_string))
            .unwrap_or_default()
    }));
    std::thread::scope(|scope| {
        let (sender, receiver) = channel();
        for _ in 0..workers {
            let (sender, queue, known_urls) = (sender.clone(), &queue, &known_urls);
            scope.spawn(move || {
                while let Some(subscription) = next(queue) {
                    let fetched = catch_unwind(AssertUnwindSafe(|| {
                        fetch_feed(client, subscription, known_urls)
                    }))
                    .unwrap_or(Err(FetchError::Internal));
                    if sender.send((subscription, fetched)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        for (subscription, fetched) in receiver {
            let stored = store(library, subscription, fetched, &mut analyzer);
            let report = match stored {
                Ok(report) => report,
                Err(error) => {
                    // Stop the workers after the feeds they are fetching now.
                    queue.lock().unwrap_or_else(PoisonError::into_inner).clear();
                    return Err(error);
                }
            };
            progress(&report, reports.len() + 1, total);
            reports.push(report);
        }
        Ok(())
    })?;
    Ok(reports)
}

fn next<'a>(queue: &Mutex<VecDeque<&'a Subscription>>) -> Option<&'a Subscription> {
    queue
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop_front()
}

/// Why a feed is not fetched now: gone, or waiting after failures or a `Retry-After`.
fn skip_reason(subscription: &Subscription, now: Timestamp) -> Option<String> {
    if subscription.status == FeedStatus::Gone {
        return Some(
            "gone (HTTP 410); not fetched again (to try anew: `sitrep feeds remove` it, then add it)"
                .to_string(),
        );
    }
    let retry_at = subscription.retry_at?;
    if retry_at <= now.as_second() {
        return None;
    }
    let when = Timestamp::from_second(retry_at)
        .map(|time| time.strftime("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_default();
    Some(format!(
        "waiting until {when} after {} failed fetch{}",
        subscription.failures,
        if subscription.failures == 1 { "" } else { "es" }
    ))
}

/// Records what one feed's fetch came to, and says it as a report.
fn store(
    library: &mut Library,
    subscription: &Subscription,
    fetched: Result<FeedFetch, FetchError>,
    analyzer: &mut Option<Analyzer>,
) -> Result<FeedReport, LibraryError> {
    Ok(match fetched {
        Ok(FeedFetch::NotModified) => {
            library.record_not_modified(subscription.id)?;
            report(subscription, FeedResult::NotModified, Vec::new())
        }
        Ok(FeedFetch::Items { items, warnings }) => {
            let analyzer = analyzer.get_or_insert_with(Analyzer::new);
            let stored = library.store_feed_items(subscription.id, &items, analyzer)?;
            report(subscription, FeedResult::Stored(stored), warnings)
        }
        Err(error) => {
            let failure = FeedFailure {
                error: clean_text(&error.to_string()),
                gone: matches!(error, FetchError::Gone),
                retry_at: retry_at(
                    Timestamp::now(),
                    subscription.failures + 1,
                    error.retry_after(),
                ),
            };
            library.record_feed_failure(subscription.id, &failure)?;
            report(subscription, FeedResult::Failed(failure.error), Vec::new())
        }
    })
}

fn report(subscription: &Subscription, result: FeedResult, warnings: Vec<String>) -> FeedReport {
    FeedReport {
        id: subscription.id,
        name: redacted_text(&subscription.url),
        result,
        warnings,
    }
}

/// GETs one feed and parses it; with full text, fetches each new item's page.
fn fetch_feed(
    client: &Client,
    subscription: &Subscription,
    known_urls: &HashSet<String>,
) -> Result<FeedFetch, FetchError> {
    let url = http_url(&subscription.url)?;
    let reach = reach_of(&url);
    let validators = Validators {
        etag: subscription.etag.clone(),
        last_modified: subscription.last_modified.clone(),
    };
    let page = match client.get(&url, &validators, reach)? {
        Fetched::NotModified => return Ok(FeedFetch::NotModified),
        Fetched::Page(page) => page,
    };
    let parsed =
        match ingest::parse_feed(page.url.as_str(), &page.bytes, page.content_type.as_deref()) {
            // A feed with no items now is a feed, not a failure.
            Err(IngestError::NoItems) => Parsed::default(),
            parsed => parsed?,
        };
    let title = parsed
        .articles
        .first()
        .and_then(|article| article.source.clone());
    let mut warnings = parsed.warnings;
    let mut articles = Vec::with_capacity(parsed.articles.len());
    for mut article in parsed.articles {
        article.url = article.url.map(|link| absolute(&page.url, &link));
        add_tags(&mut article, &subscription.tags);
        if subscription.full_text {
            if article
                .url
                .as_ref()
                .is_some_and(|url| known_urls.contains(url))
            {
                continue;
            }
            match with_full_text(client, &article, reach) {
                Ok(full) => article = full,
                Err(error) => warnings.push(clean_text(&format!(
                    "{}: full text not fetched: {error}",
                    article
                        .url
                        .as_deref()
                        .map(redacted_text)
                        .unwrap_or_default()
                ))),
            }
        }
        articles.push(article);
    }
    Ok(FeedFetch::Items {
        items: FeedItems {
            title,
            etag: page.validators.etag,
            last_modified: page.validators.last_modified,
            origin: redacted(&url),
            articles,
        },
        warnings,
    })
}

/// An item's link made absolute against the feed's own URL (a link that is no URL at
/// all is kept as it is: it is only ever stored, never fetched).
fn absolute(feed: &Url, link: &str) -> String {
    feed.join(link.trim())
        .map(|url| url.to_string())
        .unwrap_or_else(|_| link.to_string())
}

/// Adds the subscription's tags to a story's own, each once.
fn add_tags(article: &mut Article, tags: &[String]) {
    for tag in tags {
        if !article
            .tags
            .iter()
            .any(|known| known.eq_ignore_ascii_case(tag))
        {
            article.tags.push(tag.clone());
        }
    }
}
