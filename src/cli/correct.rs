//! `sitrep correct ...`: the analyst's corrections to entities, quotes, events and story
//! details, listed and undone. The work is in the library; this file parses and prints.
//! Quotes and events are named by their number in `sitrep show ID`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::Subcommand;

use super::open_existing_library;
use super::output::{print, print_json};
use crate::library::{Correction, Library, StoredCorrection};

/// Arguments of `sitrep correct`.
#[derive(Debug, clap::Args)]
pub struct CorrectArgs {
    #[command(subcommand)]
    pub command: CorrectCommand,
}

/// The `correct` subcommands.
#[derive(Debug, Subcommand)]
pub enum CorrectCommand {
    #[command(flatten)]
    Make(MakeCommand),
    /// List the corrections in force (with --all, the undone ones too).
    List {
        #[arg(long)]
        all: bool,
        /// Print a JSON array of {id, kind, ..., created, undone}.
        #[arg(long)]
        json: bool,
    },
    /// Undo a correction (it stays listed with --all).
    Undo { id: i64 },
}

/// The subcommands that make a correction.
#[derive(Debug, Subcommand)]
pub enum MakeCommand {
    /// Call an entity by another name everywhere.
    Rename {
        /// The entity's name now.
        name: String,
        /// Its right name (no entity may have it yet; else use `merge`).
        new_name: String,
    },
    /// Make one entity part of another everywhere (their mentions join).
    Merge {
        /// The entity to merge away.
        name: String,
        /// The entity it is.
        into: String,
    },
    /// In one story, take an entity for another one (a different person of the same name).
    Split {
        /// The entity as the story names it now.
        name: String,
        #[arg(long, value_name = "ID")]
        story: i64,
        /// The entity it is in that story.
        #[arg(long = "as", value_name = "NAME")]
        into: String,
    },
    /// Set who said a quote.
    Speaker {
        #[arg(long, value_name = "ID")]
        story: i64,
        /// The quote's number in `sitrep show ID`.
        #[arg(long, value_name = "N")]
        quote: usize,
        /// The speaker's name.
        speaker: String,
    },
    /// Hide a wrong quote, entity or event.
    Hide {
        #[command(subcommand)]
        what: HideCommand,
    },
    /// Fix a story's publication date.
    Date {
        #[arg(long, value_name = "ID")]
        story: i64,
        /// YYYY-MM-DD, or an RFC 3339 time.
        date: String,
    },
    /// Fix a story's source.
    Source {
        #[arg(long, value_name = "ID")]
        story: i64,
        source: String,
    },
}

/// What `correct hide` hides.
#[derive(Debug, Subcommand)]
pub enum HideCommand {
    /// A quote that is not one.
    Quote {
        #[arg(long, value_name = "ID")]
        story: i64,
        /// Its number in `sitrep show ID`.
        number: usize,
    },
    /// An entity that is not one: everywhere, or only in one story.
    Entity {
        name: String,
        #[arg(long, value_name = "ID")]
        story: Option<i64>,
    },
    /// A wrong event.
    Event {
        #[arg(long, value_name = "ID")]
        story: i64,
        /// Its number in `sitrep show ID`.
        number: usize,
    },
}

/// Runs one `correct` subcommand.
pub fn run(library: Option<PathBuf>, args: &CorrectArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        CorrectCommand::List { all, json } => {
            let corrections = open_existing_library(library)?.corrections(*all)?;
            if *json {
                print_json(&corrections)?;
            } else {
                print(&corrections_table(&corrections))?;
            }
        }
        CorrectCommand::Undo { id } => {
            let undone = open_existing_library(library)?.undo_correction(*id)?;
            print(&format!("undone: {}\n", undone.correction.describe()))?;
        }
        CorrectCommand::Make(command) => {
            let mut library = open_existing_library(library)?;
            let correction = correction(&library, command)?;
            let stored = library.correct(&correction)?;
            print(&format!(
                "correction {id}: {} (undo: sitrep correct undo {id})\n",
                stored.correction.describe(),
                id = stored.id
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The correction a subcommand asks for, with quote and event numbers resolved.
fn correction(library: &Library, command: &MakeCommand) -> anyhow::Result<Correction> {
    Ok(match command {
        MakeCommand::Rename { name, new_name } => Correction::Rename {
            from: name.clone(),
            to: new_name.clone(),
        },
        MakeCommand::Merge { name, into } => Correction::Merge {
            from: name.clone(),
            into: into.clone(),
        },
        MakeCommand::Split { name, story, into } => Correction::Split {
            story: *story,
            entity: name.clone(),
            into: into.clone(),
        },
        MakeCommand::Speaker {
            story,
            quote,
            speaker,
        } => Correction::Speaker {
            story: *story,
            quote: quote_text(library, *story, *quote)?,
            speaker: speaker.clone(),
        },
        MakeCommand::Hide {
            what: HideCommand::Quote { story, number },
        } => Correction::HideQuote {
            story: *story,
            quote: quote_text(library, *story, *number)?,
        },
        MakeCommand::Hide {
            what: HideCommand::Entity { name, story },
        } => Correction::HideEntity {
            story: *story,
            entity: name.clone(),
        },
        MakeCommand::Hide {
            what: HideCommand::Event { story, number },
        } => {
            let events = library.story(*story)?.analysis.events;
            let Some(event) = number.checked_sub(1).and_then(|index| events.get(index)) else {
                bail!("story {story} has no event {number} (see sitrep show {story})");
            };
            Correction::HideEvent {
                story: *story,
                date: event.date.clone(),
                summary: event.summary.clone(),
            }
        }
        MakeCommand::Date { story, date } => Correction::Date {
            story: *story,
            published: date.clone(),
        },
        MakeCommand::Source { story, source } => Correction::Source {
            story: *story,
            source: source.clone(),
        },
    })
}

/// The text of quote `number` (from 1) of `story`, as `show` numbers them.
fn quote_text(library: &Library, story: i64, number: usize) -> anyhow::Result<String> {
    let quotes = library.story(story)?.analysis.quotes;
    match number.checked_sub(1).and_then(|index| quotes.get(index)) {
        Some(quote) => Ok(quote.text.clone()),
        None => bail!("story {story} has no quote {number} (see sitrep show {story})"),
    }
}

/// One line per correction: id, day made, what it does, and whether it is undone.
fn corrections_table(corrections: &[StoredCorrection]) -> String {
    if corrections.is_empty() {
        return "no corrections\n".to_string();
    }
    let mut text = String::new();
    for stored in corrections {
        let undone = match &stored.undone {
            Some(time) => format!("  (undone {})", time.get(..10).unwrap_or(time)),
            None => String::new(),
        };
        text.push_str(&format!(
            "{:>4}  {}  {}{undone}\n",
            stored.id,
            stored.created.get(..10).unwrap_or(&stored.created),
            stored.correction.describe()
        ));
    }
    text
}
