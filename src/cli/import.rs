//! `sitrep import PATH...`: files and folders into the library, with a progress bar
//! on a terminal and a one-line summary (or JSON) at the end.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::feeds::{import_opml, is_opml_file};
use super::open_library;
use super::output::{print, print_json};
use crate::library::{FileFailure, ImportReport};
use crate::sanitize::clean_text;

/// Arguments of `sitrep import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Files or folders (walked recursively; hidden entries skipped).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// The `--json` summary.
#[derive(Serialize)]
struct JsonSummary<'a> {
    imported: usize,
    updated: usize,
    unchanged: usize,
    failed: usize,
    files: usize,
    errors: &'a [FileFailure],
}

/// Imports the paths; fails (exit 1) only when every file failed. An OPML file given
/// by name is a subscription list: its feeds are subscribed to (see `sitrep feeds`).
pub fn run(library: Option<PathBuf>, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let (lists, paths): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|path| is_opml_file(path));
    let mut lists_code = ExitCode::SUCCESS;
    for list in &lists {
        if import_opml(library.clone(), list)? == ExitCode::FAILURE {
            lists_code = ExitCode::FAILURE;
        }
    }
    if paths.is_empty() {
        return Ok(lists_code);
    }
    let mut library = open_library(library)?;
    let bar = progress_bar();
    let report = library.import_paths(&paths, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    for failure in &report.failures {
        eprintln!(
            "{}: {}",
            clean_text(&failure.path),
            clean_text(&failure.reason)
        );
    }
    for warning in &report.warnings {
        eprintln!(
            "{}: warning: {}",
            clean_text(&warning.path),
            clean_text(&warning.reason)
        );
    }
    if args.json {
        print_json(&JsonSummary {
            imported: report.imported,
            updated: report.updated,
            unchanged: report.unchanged,
            failed: report.failures.len(),
            files: report.files,
            errors: &report.failures,
        })?;
    } else {
        print(&format!("{}\n", summary_line(&report)))?;
    }
    let all_failed = report.files > 0 && report.failures.len() == report.files;
    Ok(if all_failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// "imported N, updated N, unchanged N, failed N (M files)".
fn summary_line(report: &ImportReport) -> String {
    format!(
        "imported {}, updated {}, unchanged {}, failed {} ({} files)",
        report.imported,
        report.updated,
        report.unchanged,
        report.failures.len(),
        report.files
    )
}

/// A bar on stderr when it is a terminal; hidden otherwise.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}
