//! Bare `sitrep`: a summary of the library; an empty library first gets the bundled sample.
//! Only bare `sitrep` does that: `list`, `search` and `show` never import anything, so
//! scripts see exactly what was imported.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::open_library;
use super::output::{count, print};

/// Prints what the library holds, importing the sample into an empty one unless `no_sample`.
pub fn run(library: Option<PathBuf>, no_sample: bool) -> anyhow::Result<ExitCode> {
    let mut library = open_library(library)?;
    if !no_sample && library.is_empty()? {
        eprintln!(
            "sitrep: empty library; importing the bundled sample briefings (--no-sample skips this)"
        );
        let report = library
            .import_sample(|_, _| {})
            .context("cannot import the sample")?;
        eprintln!(
            "sitrep: imported {} from the sample",
            count(report.imported as i64, "story", "stories")
        );
    }
    let summary = library.summary()?;
    let span = match (&summary.first_day, &summary.last_day) {
        (Some(first), Some(last)) => format!(", {first} to {last}"),
        _ => String::new(),
    };
    print(&format!(
        "{} from {}{span}; {}\n",
        count(summary.stories, "story", "stories"),
        count(summary.sources, "source", "sources"),
        count(summary.entities, "entity", "entities")
    ))?;
    Ok(ExitCode::SUCCESS)
}
