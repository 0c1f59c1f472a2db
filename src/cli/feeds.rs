//! `sitrep feeds add|list|remove|import|export`: the subscriptions `sitrep fetch` reads.
//!
//! A subscription's URL may hold credentials (`https://user:pass@host/feed`): they are
//! stored to be sent, but every line printed shows the URL without them.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use serde::Serialize;

use super::open_library;
use super::output::{print, print_json};
use super::table::one_line;
use crate::fetch::address::{http_url, redacted, redacted_text};
use crate::fetch::opml;
use crate::library::{Library, Subscription};
use crate::sanitize::clean_text;

/// Arguments of `sitrep feeds`.
#[derive(Debug, clap::Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub command: FeedsCommand,
}

/// What `sitrep feeds` does.
#[derive(Debug, clap::Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to a feed (RSS, Atom, RDF or JSON) at an http or https URL.
    Add {
        url: String,
        /// A tag given to every story of the feed (repeat for more).
        #[arg(long = "tag", value_name = "T")]
        tags: Vec<String>,
        /// Fetch each item's linked page and read the whole story from it.
        #[arg(long)]
        full_text: bool,
    },
    /// List subscriptions: last fetch, status, new items and errors.
    List {
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
    },
    /// End subscriptions (by id, URL, title or tag); their stories stay in the library.
    Remove {
        #[arg(value_name = "FEED")]
        feed: String,
    },
    /// Subscribe to every feed of an OPML file.
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// Print the subscriptions as OPML 2.0 (URLs without credentials).
    Export,
}

/// Runs one `sitrep feeds` command.
pub fn run(library: Option<PathBuf>, args: &FeedsArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        FeedsCommand::Add {
            url,
            tags,
            full_text,
        } => add(library, url, tags, *full_text),
        FeedsCommand::List { json } => list(library, *json),
        FeedsCommand::Remove { feed } => remove(library, feed),
        FeedsCommand::Import { file } => import_opml(library, file),
        FeedsCommand::Export => export(library),
    }
}

fn add(
    library: Option<PathBuf>,
    url: &str,
    tags: &[String],
    full_text: bool,
) -> anyhow::Result<ExitCode> {
    let parsed =
        http_url(url).with_context(|| format!("cannot subscribe to {}", redacted_text(url)))?;
    let mut library = open_library(library)?;
    let shown = redacted(&parsed);
    if library.subscribe(parsed.as_str(), None, tags, full_text)? {
        print(&format!("subscribed to {shown}\n"))?;
    } else {
        print(&format!("already subscribed to {shown}\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A subscription as `feeds list --json` shows it.
#[derive(Serialize)]
struct FeedJson {
    id: i64,
    url: String,
    title: Option<String>,
    tags: Vec<String>,
    full_text: bool,
    status: &'static str,
    last_fetch: Option<String>,
    new_items: usize,
    error: Option<String>,
    failures: u32,
    /// RFC 3339 time before which the feed is not fetched again.
    retry_at: Option<String>,
}

fn list(library: Option<PathBuf>, json: bool) -> anyhow::Result<ExitCode> {
    let library = open_library(library)?;
    let feeds: Vec<FeedJson> = library
        .subscriptions()?
        .into_iter()
        .map(|subscription| FeedJson {
            id: subscription.id,
            url: redacted_text(&subscription.url),
            title: subscription.title.as_deref().map(one_line),
            tags: subscription.tags.iter().map(|tag| one_line(tag)).collect(),
            full_text: subscription.full_text,
            status: subscription.status.as_str(),
            last_fetch: subscription.last_fetch.clone(),
            new_items: subscription.new_items,
            error: subscription.error.as_deref().map(one_line),
            failures: subscription.failures,
            retry_at: subscription
                .retry_at
                .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
                .map(|time| time.to_string()),
        })
        .collect();
    if json {
        print_json(&feeds)?;
        return Ok(ExitCode::SUCCESS);
    }
    if feeds.is_empty() {
        print("no subscriptions (add one with `sitrep feeds add URL`)\n")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for feed in &feeds {
        text.push_str(&feed_line(feed));
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `id  status  last fetch  N new  title <url> [tags]`, then the error and the next
/// try on lines of their own.
fn feed_line(feed: &FeedJson) -> String {
    let last = feed
        .last_fetch
        .as_deref()
        .map_or("never".to_string(), minute);
    let title = feed.title.as_deref().unwrap_or("(untitled)");
    let mut line = format!(
        "{:>3}  {:<12}  {last:<16}  {:>3} new  {title} <{}>",
        feed.id, feed.status, feed.new_items, feed.url
    );
    if !feed.tags.is_empty() {
        line.push_str(&format!(" [{}]", feed.tags.join(", ")));
    }
    if feed.full_text {
        line.push_str(" full-text");
    }
    line.push('\n');
    if let Some(error) = &feed.error {
        line.push_str(&format!("     error: {error}\n"));
    }
    if let Some(retry_at) = &feed.retry_at {
        line.push_str(&format!("     next try after {} UTC\n", minute(retry_at)));
    }
    line
}

/// An RFC 3339 time cut to the minute ("2026-03-01 12:05").
fn minute(time: &str) -> String {
    time.get(..16).unwrap_or(time).replace('T', " ")
}

fn remove(library: Option<PathBuf>, feed: &str) -> anyhow::Result<ExitCode> {
    let mut library = open_library(library)?;
    let chosen = select(&library, &[feed.to_string()])?;
    for subscription in chosen {
        library.unsubscribe(subscription.id)?;
        print(&format!(
            "unsubscribed from {} (its stories stay)\n",
            redacted_text(&subscription.url)
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The subscriptions named by id, URL (with or without credentials), title or tag;
/// every subscription when `names` is empty. A name that matches none is an error.
pub fn select(library: &Library, names: &[String]) -> anyhow::Result<Vec<Subscription>> {
    let all = library.subscriptions()?;
    if names.is_empty() {
        return Ok(all);
    }
    let mut chosen: Vec<Subscription> = Vec::new();
    for name in names {
        let name = name.trim();
        let found: Vec<&Subscription> = all
            .iter()
            .filter(|subscription| {
                name.parse::<i64>().ok() == Some(subscription.id)
                    || subscription.url == name
                    || redacted_text(&subscription.url) == redacted_text(name)
                    || subscription
                        .title
                        .as_deref()
                        .is_some_and(|title| title.eq_ignore_ascii_case(name))
                    || subscription
                        .tags
                        .iter()
                        .any(|tag| tag.eq_ignore_ascii_case(name))
            })
            .collect();
        if found.is_empty() {
            bail!("no subscription {}", one_line(&redacted_text(name)));
        }
        for subscription in found {
            if !chosen.iter().any(|known| known.id == subscription.id) {
                chosen.push(subscription.clone());
            }
        }
    }
    Ok(chosen)
}

/// Subscribes to the feeds of an OPML file: one line per feed that cannot be added,
/// then a summary.
pub fn import_opml(library: Option<PathBuf>, file: &Path) -> anyhow::Result<ExitCode> {
    let shown = file.display().to_string();
    let text = std::fs::read(file).with_context(|| format!("cannot read {shown}"))?;
    let feeds = opml::read(&String::from_utf8_lossy(&text))
        .map_err(|reason| anyhow::anyhow!("{shown}: {reason}"))?;
    let mut library = open_library(library)?;
    let (mut added, mut known, mut failed) = (0, 0, 0);
    for feed in feeds {
        match http_url(&feed.url) {
            Ok(url) => {
                if library.subscribe(url.as_str(), feed.title.as_deref(), &feed.tags, false)? {
                    added += 1;
                } else {
                    known += 1;
                }
            }
            Err(error) => {
                failed += 1;
                eprintln!(
                    "{}: {}: {}",
                    clean_text(&shown),
                    one_line(&redacted_text(&feed.url)),
                    error
                );
            }
        }
    }
    print(&format!(
        "{}: subscribed to {added} feeds, {known} already subscribed, {failed} failed\n",
        clean_text(&shown)
    ))?;
    Ok(if failed > 0 && added + known == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn export(library: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let library = open_library(library)?;
    let xml = opml::write(&library.subscriptions()?).map_err(anyhow::Error::msg)?;
    print(&xml)?;
    Ok(ExitCode::SUCCESS)
}

/// True for a file whose content is an OPML subscription list.
pub fn is_opml_file(path: &Path) -> bool {
    let mut head = Vec::new();
    path.is_file()
        && std::fs::File::open(path)
            .and_then(|file| file.take(1024).read_to_end(&mut head))
            .is_ok()
        && opml::is_opml(&head)
}
