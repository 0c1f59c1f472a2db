//! Command-line subcommands, one file each; `main.rs` only parses and dispatches.
//!
//! Every subcommand returns `anyhow::Result<ExitCode>`; [`exit`] turns an error into
//! one line on stderr (`sitrep: what failed: why`) and treats a closed stdout pipe
//! (`sitrep list | head -1`) as success.

pub mod backup;
pub mod check;
pub mod completions;
pub mod correct;
pub mod eval;
pub mod extract;
pub mod feeds;
pub mod fetch;
pub mod import;
pub mod list;
pub mod notes;
pub mod output;
pub mod reader;
pub mod render;
pub mod search;
pub mod show;
pub mod summary;
pub mod table;
pub mod timeline;
pub mod train_tagger;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::library::{Library, exposure_warning, library_dir};

/// Opens (creating if needed) the library named by `--library`, `$SITREP_LIBRARY` or
/// the user's data dir, warning on stderr when other users can read it.
pub fn open_library(flag: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = library_dir(flag).context("cannot open library")?;
    let library = Library::open(&dir).context("cannot open library")?;
    warn_if_exposed(&dir);
    Ok(library)
}

/// Opens the library for a command that only reads it: a library that is not there is
/// an error rather than a new, empty one.
pub fn open_existing_library(flag: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = library_dir(flag).context("cannot open library")?;
    let library = Library::open_existing(&dir).context("cannot open library")?;
    warn_if_exposed(&dir);
    Ok(library)
}

/// One line on stderr when other users of the machine can read the library in `dir`.
pub fn warn_if_exposed(dir: &std::path::Path) {
    if let Some(warning) = exposure_warning(dir) {
        eprintln!("sitrep: {warning}");
    }
}

/// The process exit code for a subcommand's result, reporting any error on stderr.
pub fn exit(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(error) if output::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let message = crate::sanitize::clean_text(&format!("{error:#}"));
            eprintln!("sitrep: {}", message.replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}
