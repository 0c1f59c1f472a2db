//! `sitrep eval [DIR] [--generated]` (hidden): analysis quality against gold annotations.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::print;

/// Arguments of `sitrep eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The gold directory: the team's set (default tests/gold) or, with --generated, a
    /// corpus written by gen_corpus.py.
    #[arg(default_value = "tests/gold")]
    pub dir: PathBuf,
    /// DIR is generator output (gold.jsonl beside txt/ and json/).
    #[arg(long)]
    pub generated: bool,
}

/// Prints the quality table.
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let table = crate::eval::run_eval(&args.dir, args.generated)?;
    print(&format!("{table}\n"))?;
    Ok(ExitCode::SUCCESS)
}
