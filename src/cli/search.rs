//! `sitrep search QUERY`: ranked matches with marked snippets, as text or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{print, print_json};
use super::table::{self, one_line};
use crate::library::{FuzzyHit, Library, Query, SearchHit};

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
    /// Fuzzy-match titles, sources, entity names and speakers instead of full text;
    /// the snippet shows the matched text with each matched character in [brackets].
    #[arg(long)]
    pub fuzzy: bool,
    /// Show at most N stories.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

/// Searches the library.
pub fn run(library: Option<PathBuf>, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let library = open_existing_library(library)?;
    let text = args.query.join(" ");
    let found = if args.fuzzy {
        fuzzy_hits(&library, &text, args.limit)?
    } else {
        library.search(&text, args.limit)?
    };
    let hits: Vec<SearchHit> = found
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

/// Fuzzy matches in the shape of full-text hits: the snippet marks matched characters.
fn fuzzy_hits(library: &Library, text: &str, limit: usize) -> anyhow::Result<Vec<SearchHit>> {
    let query = Query::parse(text)?;
    let allowed = library.filtered_ids(&query)?;
    let index = library.fuzzy_index()?;
    Ok(index
        .search(&query, allowed.as_ref(), limit)
        .into_iter()
        .map(fuzzy_hit)
        .collect())
}

fn fuzzy_hit(hit: FuzzyHit) -> SearchHit {
    let mut snippet = String::new();
    for (i, c) in hit.matched.chars().enumerate() {
        if hit.indices.contains(&i) {
            snippet.push('[');
            snippet.push(c);
            snippet.push(']');
        } else {
            snippet.push(c);
        }
    }
    SearchHit {
        id: hit.story.id,
        title: hit.story.title,
        source: hit.story.source,
        published: hit.story.published,
        snippet: snippet.replace("][", ""),
        score: hit.score as f64,
    }
}
