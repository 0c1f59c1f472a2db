//! The `sitrep` command: argument parsing and dispatch; the work is in `sitrep::cli`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use sitrep::cli;

/// mimalloc: analysis allocates many short-lived vectors and strings, and glibc's
/// allocator spent ~8 % of analysis time on them (BENCHMARKS.md, analysis throughput).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A terminal reader for geopolitical news briefings.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version)]
struct Cli {
    /// Library directory [default: $SITREP_LIBRARY, else the user's data directory]
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,
    /// Bare `sitrep` only: do not import the bundled sample into an empty library.
    #[arg(long)]
    no_sample: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import story files and folders into the library.
    Import(cli::import::ImportArgs),
    /// List the newest stories.
    List(cli::list::ListArgs),
    /// Show one story with its entities, quotes and events.
    Show(cli::show::ShowArgs),
    /// Parse and analyse one file without touching the library.
    Extract(cli::extract::ExtractArgs),
    /// Search stories by words, phrases and filters.
    Search(cli::search::SearchArgs),
    /// Analysis quality against gold annotations (for development).
    #[command(hide = true)]
    Eval(cli::eval::EvalArgs),
    /// Train the learned name tagger on CoNLL-2003 data (for development).
    #[command(hide = true)]
    TrainTagger(cli::train_tagger::TrainTaggerArgs),
    /// Events of an entity or related to a story, across the library, in date order.
    Timeline(cli::timeline::TimelineArgs),
    /// Check the library file and its invariants; exit 1 if anything is wrong.
    Check(cli::check::CheckArgs),
    /// Write a consistent copy of the library to FILE, even while it is in use.
    Backup(cli::backup::BackupArgs),
    /// Add, list, edit and export analyst notes on stories.
    Notes(cli::notes::NotesArgs),
    /// Correct entities, quotes, events and story details; list and undo corrections.
    Correct(cli::correct::CorrectArgs),
    /// Subscribe to feeds over HTTP; list, remove, import and export subscriptions.
    Feeds(cli::feeds::FeedsArgs),
    /// Fetch subscribed feeds (all, or the ones named) and store their new stories.
    Fetch(cli::fetch::FetchArgs),
    /// Print the shell completion script for SHELL.
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (roff); e.g. `sitrep man > ~/.local/share/man/man1/sitrep.1`.
    Man,
}

fn main() -> ExitCode {
    let Cli {
        library,
        no_sample,
        command,
    } = Cli::parse();
    cli::exit(match command {
        None => cli::reader::run(library, no_sample),
        Some(Command::Import(args)) => cli::import::run(library, &args),
        Some(Command::List(args)) => cli::list::run(library, &args),
        Some(Command::Show(args)) => cli::show::run(library, &args),
        Some(Command::Extract(args)) => cli::extract::run(&args),
        Some(Command::Search(args)) => cli::search::run(library, &args),
        Some(Command::Timeline(args)) => cli::timeline::run(library, &args),
        Some(Command::Eval(args)) => cli::eval::run(&args),
        Some(Command::TrainTagger(args)) => cli::train_tagger::run(&args),
        Some(Command::Check(args)) => cli::check::run(library, &args),
        Some(Command::Backup(args)) => cli::backup::run(library, &args),
        Some(Command::Notes(args)) => cli::notes::run(library, &args),
        Some(Command::Correct(args)) => cli::correct::run(library, &args),
        Some(Command::Feeds(args)) => cli::feeds::run(library, &args),
        Some(Command::Fetch(args)) => cli::fetch::run(library, &args),
        Some(Command::Completions(args)) => cli::completions::completions(Cli::command(), &args),
        Some(Command::Man) => cli::completions::man(Cli::command()),
    })
}
