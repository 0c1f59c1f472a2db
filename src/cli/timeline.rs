//! `sitrep timeline --entity NAME | --story ID`: linked events across the library.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{print, print_json};
use super::table::one_line;

/// Arguments of `sitrep timeline`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("of").required(true).args(["entity", "story"])))]
pub struct TimelineArgs {
    /// Every event involving this entity (canonical name, any case).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// The events related to this story; its own are marked.
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// Print a JSON array of {date, summary, entities, sources: [{id, title, published}]}.
    #[arg(long)]
    pub json: bool,
}

/// Prints a timeline in date order.
pub fn run(library: Option<PathBuf>, args: &TimelineArgs) -> anyhow::Result<ExitCode> {
    let library = open_existing_library(library)?;
    let events = match (&args.entity, args.story) {
        (Some(name), _) => library.entity_timeline(name)?,
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
