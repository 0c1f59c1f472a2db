//! Command-line subcommands, one file each; `main.rs` only parses and dispatches.
//!
//! Every subcommand returns `anyhow::Result<ExitCode>`; [`exit`] turns an error into
//! one line on stderr (`sitrep: what failed: why`) and treats a closed stdout pipe
//! (`sitrep list | head -1`) as success.

pub mod backup;
pub mod check;
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

use crate::library::{Library, library_dir};

/// Opens the library named by `--library`, `$SITREP_LIBRARY` or the user's data dir.
pub fn open_library(flag: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = library_dir(flag).context("cannot open library")?;
    Library::open(&dir).context("cannot open library")
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
