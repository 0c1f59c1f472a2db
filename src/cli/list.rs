//! `sitrep list`: the newest stories, as an aligned table or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{print, print_json};
use super::table::{self, one_line};
use crate::library::StorySummary;

/// Arguments of `sitrep list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Print a JSON array of {id, title, source, published}.
    #[arg(long)]
    pub json: bool,
    /// Show at most N stories.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
}

/// Lists the newest stories.
pub fn run(library: Option<PathBuf>, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let library = open_existing_library(library)?;
    let stories: Vec<StorySummary> = library
        .stories(args.limit)?
        .into_iter()
        .map(|story| StorySummary {
            title: one_line(&story.title),
            source: story.source.as_deref().map(one_line),
            ..story
        })
        .collect();
    if args.json {
        print_json(&stories)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<table::Row> = stories
        .iter()
        .map(|story| table::Row {
            id: story.id,
            published: story.published.as_deref(),
            source: story.source.as_deref(),
            title: &story.title,
        })
        .collect();
    let mut text = String::new();
    for line in table::render(&rows) {
        text.push_str(&line);
        text.push('\n');
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
