//! Bare `sitrep`: the full-screen reader on a terminal, a library summary otherwise.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::library::library_dir;

/// Opens the reader when stdin and stdout are a terminal; else prints the summary.
pub fn run(library: Option<PathBuf>, no_sample: bool) -> anyhow::Result<ExitCode> {
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return super::summary::run(library, no_sample);
    }
    let dir = library_dir(library).context("cannot open library")?;
    super::warn_if_exposed(&dir);
    crate::tui::open(&dir, !no_sample)?;
    Ok(ExitCode::SUCCESS)
}
