//! `sitrep completions SHELL` and `sitrep man`: shell completions and the man page,
//! generated from the command-line definition so they never drift from it.

use std::process::ExitCode;

use clap_complete::Shell;

use super::output::print;

/// Arguments of `sitrep completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for (bash, zsh, fish, elvish, powershell).
    pub shell: Shell,
}

/// Prints the completion script for `args.shell` on stdout.
pub fn completions(mut command: clap::Command, args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "sitrep", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the man page (roff, section 1) on stdout.
pub fn man(command: clap::Command) -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    print(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::SUCCESS)
}
