//! `sitrep show ID`: one story with its analysis, readable or as JSON; with
//! `--versions`, the earlier texts an import replaced.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{print, print_json};
use super::table::one_line;
use super::{open_existing_library, render};
use crate::library::{Anchor, Note, NoteFilter, StoryVersion};
use crate::model::Extract;
use crate::sanitize::clean_text;

/// Arguments of `sitrep show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The story's id, as `list` and `search` print it.
    pub id: i64,
    /// Print the `extract` JSON object plus "id" (with --versions, a JSON array of
    /// {version, title, ..., tags, stored, replaced}).
    #[arg(long)]
    pub json: bool,
    /// Show the story's earlier texts, oldest first, instead of the current one.
    #[arg(long)]
    pub versions: bool,
}

/// Shows one story, or its earlier versions.
pub fn run(library: Option<PathBuf>, args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let library = open_existing_library(library)?;
    if args.versions {
        let versions = library.story_versions(args.id)?;
        if args.json {
            print_json(&versions)?;
        } else {
            print(&render_versions(args.id, &versions))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let extract = library.story(args.id)?;
    if args.json {
        print_json(&extract)?;
    } else {
        let mut text = render::story(&extract);
        text.push_str(&render_notes(&library.notes(&NoteFilter {
            story: Some(args.id),
            ..NoteFilter::default()
        })?));
        let earlier = library.story_versions(args.id)?.len();
        if earlier > 0 {
            let plural = if earlier == 1 { "" } else { "s" };
            let _ = write!(
                text,
                "\n{earlier} earlier version{plural}: sitrep show {} --versions\n",
                args.id
            );
        }
        print(&text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The story's live notes under a "Notes" heading: id, last update day and tags, then
/// the text indented; nothing when there are none.
fn render_notes(notes: &[Note]) -> String {
    let mut out = String::new();
    if notes.is_empty() {
        return out;
    }
    out.push_str("\nNotes\n");
    for note in notes {
        let mut header = vec![
            format!("note {}", note.id),
            note.updated.get(..10).unwrap_or(&note.updated).to_string(),
        ];
        match &note.anchor {
            Some(Anchor::Passage { detached: true, .. }) => {
                header.push("on a passage no longer in the story".to_string())
            }
            Some(Anchor::Passage { text, .. }) => header.push(format!("on “{}”", one_line(text))),
            Some(Anchor::Entity { name }) => header.push(format!("about {}", one_line(name))),
            Some(Anchor::Event { date, .. }) => {
                header.push(format!("on the event {}", one_line(date)))
            }
            None => {}
        }
        let _ = writeln!(out, "  {}", header.join(" · "));
        for line in clean_text(&note.text).lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

/// Each version under a header with its number and times, as `show` prints a story.
fn render_versions(id: i64, versions: &[StoryVersion]) -> String {
    if versions.is_empty() {
        return format!("story {id} has no earlier versions\n");
    }
    let mut out = String::new();
    for version in versions {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "── version {} of story {id} · stored {} · replaced {}",
            version.version, version.stored, version.replaced
        );
        out.push_str(&render::story(&Extract {
            id: None,
            article: version.article.clone(),
            analysis: Default::default(),
        }));
    }
    out
}
