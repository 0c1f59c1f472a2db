//! `sitrep backup FILE`: a consistent copy of the library, safe while it is in use.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{count, print};

/// Arguments of `sitrep backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy (an SQLite file; replaced if it exists).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Writes the copy and says where it went.
pub fn run(library: Option<PathBuf>, args: &BackupArgs) -> anyhow::Result<ExitCode> {
    let library = open_existing_library(library)?;
    library.backup(&args.file)?;
    let stories = library.summary()?.stories;
    print(&format!(
        "backed up {} to {}\n",
        count(stories, "story", "stories"),
        crate::sanitize::clean_text(&args.file.display().to_string())
    ))?;
    Ok(ExitCode::SUCCESS)
}
