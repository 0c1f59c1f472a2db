//! `sitrep check`: verifies the library file and sitrep's invariants; exit 1 on any problem.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{print, print_json};

/// Arguments of `sitrep check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Print {stories, problems} as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Checks the library and prints each problem on its own line.
pub fn run(library: Option<PathBuf>, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let report = open_existing_library(library)?.check()?;
    if args.json {
        print_json(&report)?;
    } else if report.is_ok() {
        print(&format!(
            "ok: {} stories, no problems found\n",
            report.stories
        ))?;
    } else {
        let mut text = String::new();
        for problem in &report.problems {
            text.push_str(&format!("problem: {problem}\n"));
        }
        text.push_str(&format!(
            "{} problems found in a library of {} stories\n",
            report.problems.len(),
            report.stories
        ));
        print(&text)?;
    }
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
