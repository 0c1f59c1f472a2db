//! `sitrep fetch [FEED...]`: fetches subscriptions (all, or the ones named) and stores
//! their new stories. One line per feed; a failure's line names the feed and the reason
//! on stderr, and the other feeds go on.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::feeds::select;
use super::open_library;
use super::output::{print, print_json};
use crate::fetch::{Client, ClientOptions, FeedReport, FeedResult, RunTotals, refresh};
use crate::sanitize::clean_text;

/// Arguments of `sitrep fetch`.
#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// Subscriptions to fetch, by id, URL, title or tag [default: all].
    #[arg(value_name = "FEED")]
    pub feeds: Vec<String>,
    /// Seconds to wait for a connection, and for a response, before a feed fails.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Print a JSON summary on stdout.
    #[arg(long)]
    pub json: bool,
}

/// The `--json` summary: one entry per feed.
#[derive(Serialize)]
struct FeedJson {
    id: i64,
    url: String,
    /// stored | not-modified | skipped | failed
    result: &'static str,
    imported: usize,
    updated: usize,
    unchanged: usize,
    error: Option<String>,
    warnings: Vec<String>,
}

/// Fetches the chosen subscriptions; fails (exit 1) when every feed fetched failed.
pub fn run(library: Option<PathBuf>, args: &FetchArgs) -> anyhow::Result<ExitCode> {
    let mut library = open_library(library)?;
    let subscriptions = select(&library, &args.feeds)?;
    if subscriptions.is_empty() {
        print("no subscriptions (add one with `sitrep feeds add URL`)\n")?;
        return Ok(ExitCode::SUCCESS);
    }
    let timeout = Duration::from_secs(args.timeout.max(1));
    let client = Client::new(ClientOptions {
        connect_timeout: timeout,
        read_timeout: timeout,
        ..ClientOptions::default()
    });
    let bar = progress_bar(subscriptions.len());
    let json = args.json;
    let reports = refresh(&mut library, &subscriptions, &client, |report, done, _| {
        bar.suspend(|| tell(report, json));
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    if json {
        let feeds: Vec<FeedJson> = reports.iter().map(feed_json).collect();
        print_json(&feeds)?;
    } else {
        print(&format!("{}\n", RunTotals::of(&reports).line()))?;
    }
    let totals = RunTotals::of(&reports);
    Ok(if totals.feeds > 0 && totals.failed == totals.feeds {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints one feed's line: failures and warnings on stderr, the rest on stdout (which
/// `--json` keeps for the summary).
fn tell(report: &FeedReport, json: bool) {
    let name = clean_text(&report.name);
    for warning in &report.warnings {
        eprintln!("{name}: warning: {}", clean_text(warning));
    }
    if report.failed() {
        eprintln!("{}", report.line());
    } else if !json {
        // A closed stdout must not stop the fetch: the stories are still stored.
        let _ = print(&format!("{}\n", report.line()));
    }
}

fn feed_json(report: &FeedReport) -> FeedJson {
    let (result, stored, error) = match &report.result {
        FeedResult::Stored(stored) => ("stored", *stored, None),
        FeedResult::NotModified => ("not-modified", Default::default(), None),
        FeedResult::Skipped(reason) => ("skipped", Default::default(), Some(reason)),
        FeedResult::Failed(reason) => ("failed", Default::default(), Some(reason)),
    };
    FeedJson {
        id: report.id,
        url: clean_text(&report.name),
        result,
        imported: stored.imported,
        updated: stored.updated,
        unchanged: stored.unchanged,
        error: error.map(|reason| clean_text(reason)),
        warnings: report.warnings.iter().map(|w| clean_text(w)).collect(),
    }
}

/// A bar on stderr when it is a terminal; hidden otherwise.
fn progress_bar(feeds: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(feeds as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} feeds {elapsed}") {
        bar.set_style(style);
    }
    bar
}
