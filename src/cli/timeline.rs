//! `sitrep timeline --entity NAME | --story ID`: linked events across the library.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{print, print_json};
use super::table::one_line;
use crate::library::Library;

/// Arguments of `sitrep timeline`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("of").required(true).args(["entity", "story"])))]
pub struct TimelineArgs {
    /// Every event involving this entity: its name (any case), or whole words of it as in
    /// a search's `entity:` (`Prabowo` for "Prabowo Subianto"; the most mentioned when
    /// several entities fit).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// The events related to this story; its own are marked.
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// Print a JSON array of {date, summary, entities, sources: [{id, title, published}]}.
    #[arg(long)]
    pub json: bool,
}

/// The entity `typed` means (see [`Library::entity_matches`]); when several fit, the
/// most mentioned, and stderr names the others.
fn entity_meant(library: &Library, typed: &str) -> anyhow::Result<String> {
    let matches = library.entity_matches(typed)?;
    let Some(first) = matches.first() else {
        return Ok(typed.to_string());
    };
    if matches.len() > 1 {
        let others: Vec<&str> = matches[1..]
            .iter()
            .take(5)
            .map(|m| m.name.as_str())
            .collect();
        let more = if matches.len() > 6 { ", …" } else { "" };
        eprintln!(
            "sitrep: {typed:?} fits {} entities; showing {} (also: {}{more})",
            matches.len(),
            first.name,
            others.join(", ")
        );
    }
    Ok(first.name.clone())
}

/// Prints a timeline in date order.
pub fn run(library: Option<PathBuf>, args: &TimelineArgs) -> anyhow::Result<ExitCode> {
    let library = open_existing_library(library)?;
    let events = match (&args.entity, args.story) {
        (Some(name), _) => library.entity_timeline(&entity_meant(&library, name)?)?,
        (None, Some(id)) => {
            library.story(id)?;
            library.story_timeline(id)?
        }
        (None, None) => anyhow::bail!("give --entity NAME or --story ID"),
    };
    if args.json {
        print_json(&events)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for event in &events {
        let mark = if event.this_story { "▸" } else { " " };
        text.push_str(&format!(
            "{mark} {:<10}  {}\n",
            event.date,
            one_line(&event.summary)
        ));
        for source in &event.sources {
            let day = source
                .published
                .as_deref()
                .and_then(|p| p.get(..10))
                .unwrap_or("----------");
            text.push_str(&format!(
                "      ← {}  {day}  {}\n",
                source.id,
                one_line(&source.title)
            ));
        }
    }
    if events.is_empty() {
        text.push_str("no dated events\n");
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
