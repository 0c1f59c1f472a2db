//! `sitrep notes ...`: add, list, edit, delete, undelete, history, restore and export
//! analyst notes. The work is in the library; this file parses and prints.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Subcommand, ValueEnum};

use super::output::{print, print_json};
use super::table::one_line;
use super::{open_existing_library, open_library};
use crate::library::{
    Anchor, AnchorTarget, BriefingFormat, BriefingRequest, Library, LibraryError, Note, NoteFilter,
};
use crate::sanitize::clean_text;

/// Arguments of `sitrep notes`.
#[derive(Debug, clap::Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub command: NotesCommand,
}

/// The `notes` subcommands.
#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// Add a note to a story and print its id.
    Add {
        /// The story's id.
        #[arg(long, value_name = "ID")]
        story: i64,
        /// Anchor to characters START..END of the body (as in `show --json` offsets).
        #[arg(long, value_name = "START:END", value_parser = parse_range,
              conflicts_with_all = ["entity", "event"])]
        at: Option<(usize, usize)>,
        /// Anchor to an entity the story mentions: its name, or whole words of it
        /// (`Yoon` for "Yoon Suk Yeol").
        #[arg(long, value_name = "NAME", conflicts_with = "event")]
        entity: Option<String>,
        /// Anchor to the story's event on DATE (its date value, e.g. 2023-06-03).
        #[arg(long, value_name = "DATE")]
        event: Option<String>,
        /// Markdown with #tags; `-` reads it from stdin.
        text: String,
    },
    /// List live notes (or deleted ones with --deleted).
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// List deleted notes instead.
        #[arg(long)]
        deleted: bool,
        /// Print a JSON array of {id, story, text, tags, anchor, created, updated, deleted}.
        #[arg(long)]
        json: bool,
    },
    /// Save new text for a note (a new version).
    Edit {
        id: i64,
        /// Markdown with #tags; `-` reads it from stdin.
        text: String,
    },
    /// Delete a note (it can be undeleted).
    Delete { id: i64 },
    /// Bring a deleted note back.
    Undelete { id: i64 },
    /// Show every saved version of a note.
    History {
        id: i64,
        /// Print a JSON array of {version, text, saved}.
        #[arg(long)]
        json: bool,
    },
    /// Make an earlier version the note's text again (as a new version).
    Restore { id: i64, version: usize },
    /// Export notes with their stories as an analyst's briefing, ready to send.
    Export(ExportArgs),
}

/// Which notes `list` and `export` take.
#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// Only notes on this story.
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// Only notes carrying this #tag.
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

/// Arguments of `notes export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Only notes on this story (the story is in the briefing even without notes).
    #[arg(long, value_name = "ID")]
    pub story: Option<i64>,
    /// Only notes carrying this #tag; repeat for notes carrying any of several.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only stories published on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<jiff::civil::Date>,
    /// Only stories published on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<jiff::civil::Date>,
    /// The briefing's heading [default: Analyst briefing].
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Write to FILE (created owner-only) instead of stdout; an existing FILE is an
    /// error unless --force.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The formats of `notes export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A Markdown briefing.
    Md,
    /// The same content as JSON.
    Json,
}

/// Runs one `notes` subcommand.
pub fn run(library: Option<PathBuf>, args: &NotesArgs) -> anyhow::Result<ExitCode> {
    let mut library = match &args.command {
        NotesCommand::List { .. } | NotesCommand::History { .. } | NotesCommand::Export(_) => {
            open_existing_library(library)?
        }
        _ => open_library(library)?,
    };
    match &args.command {
        NotesCommand::Add {
            story,
            at,
            entity,
            event,
            text,
        } => {
            let anchor = match (at, entity, event) {
                (Some((start, end)), _, _) => Some(AnchorTarget::Passage {
                    start: *start,
                    end: *end,
                }),
                (_, Some(name), _) => Some(AnchorTarget::Entity { name: name.clone() }),
                (_, _, Some(date)) => Some(event_target(&library, *story, date)?),
                _ => None,
            };
            let note = library.add_note(*story, anchor.as_ref(), &read_text(text)?)?;
            print(&format!("{}\n", note.id))?;
        }
        NotesCommand::List {
            filter,
            deleted,
            json,
        } => {
            let notes = library.notes(&NoteFilter {
                deleted: *deleted,
                ..note_filter(filter)
            })?;
            if *json {
                print_json(&notes)?;
            } else {
                print(&notes_table(&notes))?;
            }
        }
        NotesCommand::Edit { id, text } => {
            let note = library.edit_note(*id, &read_text(text)?)?;
            print(&format!(
                "note {id}: version {}\n",
                version_count(&library, note.id)?
            ))?;
        }
        NotesCommand::Delete { id } => {
            library.delete_note(*id)?;
            print(&format!(
                "note {id} deleted (undo: sitrep notes undelete {id})\n"
            ))?;
        }
        NotesCommand::Undelete { id } => {
            library.undelete_note(*id)?;
            print(&format!("note {id} undeleted\n"))?;
        }
        NotesCommand::History { id, json } => {
            let history = library.note_history(*id)?;
            if *json {
                print_json(&history)?;
            } else {
                let mut text = String::new();
                for version in &history {
                    text.push_str(&format!("version {}  {}\n", version.version, version.saved));
                    for line in version.text.lines() {
                        text.push_str(&format!("    {line}\n"));
                    }
                }
                print(&text)?;
            }
        }
        NotesCommand::Restore { id, version } => {
            library.restore_note(*id, *version)?;
            print(&format!(
                "note {id}: version {} (text of version {version})\n",
                version_count(&library, *id)?
            ))?;
        }
        NotesCommand::Export(export) => export_briefing(&library, export)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the briefing to stdout, or to `--output` and says the full path on stderr.
fn export_briefing(library: &Library, args: &ExportArgs) -> anyhow::Result<()> {
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        bail!("--from {from} is after --to {to}");
    }
    let briefing = library.briefing(&BriefingRequest {
        title: args.title.clone(),
        story: args.story,
        tags: args.tags.clone(),
        from: args.from,
        to: args.to,
    })?;
    if briefing.stories.is_empty() {
        bail!("no notes to export");
    }
    let format = match args.format {
        ExportFormat::Md => BriefingFormat::Markdown,
        ExportFormat::Json => BriefingFormat::Json,
    };
    match &args.output {
        Some(file) => {
            let written =
                briefing
                    .write_to(file, format, args.force)
                    .map_err(|error| match error {
                        LibraryError::Export { .. } if file.exists() && !args.force => {
                            anyhow::anyhow!(
                                "{} exists; pass --force to replace it",
                                clean_text(&file.display().to_string())
                            )
                        }
                        error => error.into(),
                    })?;
            eprintln!(
                "sitrep: briefing written to {}",
                clean_text(&written.display().to_string())
            );
        }
        None => match format {
            BriefingFormat::Markdown => print(&briefing.to_markdown())?,
            BriefingFormat::Json => print_json(&briefing)?,
        },
    }
    Ok(())
}

fn note_filter(args: &FilterArgs) -> NoteFilter {
    NoteFilter {
        story: args.story,
        tag: args.tag.clone(),
        deleted: false,
    }
}

/// The note text argument, or stdin for `-`.
fn read_text(text: &str) -> anyhow::Result<String> {
    if text != "-" {
        return Ok(text.to_string());
    }
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .context("cannot read note text from stdin")?;
    Ok(input)
}

/// Parses `START:END`.
fn parse_range(value: &str) -> Result<(usize, usize), String> {
    let parsed = value
        .split_once(':')
        .and_then(|(start, end)| Some((start.trim().parse().ok()?, end.trim().parse().ok()?)));
    parsed.ok_or_else(|| format!("expected START:END character offsets, got {value:?}"))
}

/// The one event of `story` dated `date`.
fn event_target(library: &Library, story: i64, date: &str) -> anyhow::Result<AnchorTarget> {
    let events = library.story(story)?.analysis.events;
    let mut matching = events.into_iter().filter(|event| event.date == date);
    match (matching.next(), matching.next()) {
        (Some(event), None) => Ok(AnchorTarget::Event {
            date: event.date,
            summary: event.summary,
        }),
        (None, _) => bail!("story {story} has no event dated {date}"),
        (Some(_), Some(_)) => {
            bail!("story {story} has several events dated {date}; anchor to a passage with --at")
        }
    }
}

fn version_count(library: &Library, id: i64) -> anyhow::Result<usize> {
    Ok(library.note_history(id)?.len())
}

/// One line per note: id, story, last update day, anchor and the text's first line.
fn notes_table(notes: &[Note]) -> String {
    if notes.is_empty() {
        return "no notes\n".to_string();
    }
    let mut text = String::new();
    for note in notes {
        let anchor = match &note.anchor {
            Some(Anchor::Passage {
                start,
                end,
                detached,
                ..
            }) if *detached => {
                format!("passage {start}:{end} (detached)")
            }
            Some(Anchor::Passage { start, end, .. }) => format!("passage {start}:{end}"),
            Some(Anchor::Entity { name }) => format!("entity {}", one_line(name)),
            Some(Anchor::Event { date, .. }) => format!("event {}", one_line(date)),
            None => "story".to_string(),
        };
        let first_line = note.text.lines().next().unwrap_or_default();
        text.push_str(&format!(
            "{:>4}  story {:<4} {}  {anchor}  {}\n",
            note.id,
            note.story,
            note.updated.get(..10).unwrap_or(&note.updated),
            one_line(first_line)
        ));
    }
    text
}
