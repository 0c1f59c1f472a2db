//! `sitrep search QUERY`: ranked matches with marked snippets, as text or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_library;
use super::output::{print, print_json};
use super::table::{self, one_line};
use crate::library::SearchHit;

/// Arguments of `sitrep search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words, "phrases" and filters: source:NAME from:YYYY-MM-DD to:YYYY-MM-DD tag:T
    /// entity:NAME (quote values with spaces: source:"Gulf Meridian").
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Print a JSON array of {id, title, source, published, snippet, score}.
    #[arg(long)]
    pub json: bool,
    /// Show at most N stories.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

/// Searches the library.
pub fn run(library: Option<PathBuf>, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let library = open_library(library)?;
    let hits: Vec<SearchHit> = library
        .search(&args.query.join(" "), args.limit)?
        .into_iter()
        .map(|hit| SearchHit {
            title: one_line(&hit.title),
            source: hit.source.as_deref().map(one_line),
            snippet: one_line(&hit.snippet),
            ..hit
        })
        .collect();
    if args.json {
        print_json(&hits)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<table::Row> = hits
        .iter()
        .map(|hit| table::Row {
            id: hit.id,
            published: hit.published.as_deref(),
            source: hit.source.as_deref(),
            title: &hit.title,
        })
        .collect();
    let mut text = String::new();
    for (line, hit) in table::render(&rows).iter().zip(&hits) {
        text.push_str(&format!("{line}\n      {}\n", hit.snippet));
    }
    if hits.is_empty() {
        text.push_str("no matching stories\n");
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
