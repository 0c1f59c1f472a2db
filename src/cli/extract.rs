//! `sitrep extract FILE`: parse and analyse one file without touching the library.
//!
//! With `--json`, a file holding one story prints one indented JSON object (DESIGN.md's
//! schema); a file holding several (a JSON array, JSON Lines, a feed) prints one compact
//! JSON object per line, in file order.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::output::{print, print_json};
use super::render;
use crate::analyze::Analyzer;
use crate::ingest;
use crate::model::Extract;

/// Arguments of `sitrep extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// A story file in any supported format.
    pub file: PathBuf,
    /// Print JSON (one object per story) instead of readable text.
    #[arg(long)]
    pub json: bool,
}

/// Prints what sitrep finds in one file.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let parsed = ingest::parse_file(&args.file)
        .with_context(|| format!("cannot extract {}", args.file.display()))?;
    for warning in &parsed.warnings {
        eprintln!("{}: warning: {warning}", args.file.display());
    }
    let analyzer = Analyzer::new();
    let extracts: Vec<Extract> = parsed
        .articles
        .into_iter()
        .map(|article| Extract {
            id: None,
            analysis: analyzer.analyze(&article),
            article,
        })
        .collect();
    match extracts.as_slice() {
        [] => anyhow::bail!("cannot extract {}: no stories found", args.file.display()),
        [one] if args.json => print_json(one)?,
        several if args.json => {
            let mut lines = String::new();
            for extract in several {
                lines.push_str(&serde_json::to_string(extract)?);
                lines.push('\n');
            }
            print(&lines)?;
        }
        several => {
            let text: Vec<String> = several.iter().map(render::story).collect();
            print(&text.join("\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
