//! `sitrep show ID`: one story with its analysis, readable or as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{print, print_json};
use super::{open_library, render};

/// Arguments of `sitrep show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The story's id, as `list` and `search` print it.
    pub id: i64,
    /// Print the `extract` JSON object plus "id".
    #[arg(long)]
    pub json: bool,
}

/// Shows one story.
pub fn run(library: Option<PathBuf>, args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let library = open_library(library)?;
    let extract = library.story(args.id)?;
    if args.json {
        print_json(&extract)?;
    } else {
        print(&render::story(&extract))?;
    }
    Ok(ExitCode::SUCCESS)
}
