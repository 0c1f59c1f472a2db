//! `sitrep check`: verifies the library file and sitrep's invariants; exit 1 on any problem.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{count, print, print_json};

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
            "ok: {}, no problems found\n",
            count(report.stories, "story", "stories")
        ))?;
    } else {
        let mut text = String::new();
        for problem in &report.problems {
            text.push_str(&format!("problem: {problem}\n"));
        }
        text.push_str(&format!(
            "{} found in a library of {}\n",
            count(report.problems.len() as i64, "problem", "problems"),
            count(report.stories, "story", "stories")
        ));
        print(&text)?;
    }
    Ok(if report.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
