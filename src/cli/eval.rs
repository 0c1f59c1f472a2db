//! `sitrep eval [DIR] [--generated]` (hidden): analysis quality against gold annotations;
//! `--conll`, `--feeds`, `--excerpts`, `--pages`, `--timeml` and `--polnear` score other corpora.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::print;

/// Arguments of `sitrep eval`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("listing").args(["timeml", "pages", "polnear"])))]
pub struct EvalArgs {
    /// The gold directory: the team's set (default tests/gold) or, with --generated, a
    /// corpus written by gen_corpus.py.
    #[arg(default_value = "tests/gold")]
    pub dir: PathBuf,
    /// DIR is generator output (gold.jsonl beside txt/ and json/).
    #[arg(long)]
    pub generated: bool,
    /// Score name finding on a CoNLL-2003 file instead (e.g. eng.testa): exact and
    /// overlap P/R/F1 per type, MISC left out.
    #[arg(long, value_name = "FILE", conflicts_with = "generated")]
    pub conll: Option<PathBuf>,
    /// With --conll: score the learned tagger alone, without gazetteer and cues.
    #[arg(long, requires = "conll")]
    pub tagger_only: bool,
    /// With --conll: list each missed and spurious name before the scores.
    #[arg(long, requires = "conll")]
    pub errors: bool,
    /// Count the faults of the stories imported from the feed files under DIR instead.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["generated", "conll", "excerpts", "pages"])]
    pub feeds: Option<PathBuf>,
    /// Score how imports tell teasers from new texts on Readability's test pages in DIR.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["generated", "conll", "pages"])]
    pub excerpts: Option<PathBuf>,
    /// Score the HTML importer's titles and bodies on Readability's test pages in DIR.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["generated", "conll"])]
    pub pages: Option<PathBuf>,
    /// DIR holds TimeML documents (.tml, searched recursively): score the date finder the
    /// TempEval-3 way.
    #[arg(long, conflicts_with_all = ["generated", "conll"])]
    pub timeml: bool,
    /// Score quotes and reported speech on a PolNeAR split (DIR holding text/ and
    /// attributions/, e.g. /tmp/sitrep-dev/polnear/dev) instead.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["generated", "conll", "feeds", "excerpts", "timeml", "pages"])]
    pub polnear: Option<PathBuf>,
    /// With --timeml: list every missed, spurious or differing expression first; with
    /// --pages: the worst pages and the titles that differ; with --polnear: every missed
    /// or spurious quote and wrong speaker.
    #[arg(long, requires = "listing")]
    pub misses: bool,
    /// Import the pages under DIR (Readability's `*/source.html`, or with --generated a
    /// generated corpus) into a temporary library and score its related timelines.
    #[arg(long, conflicts_with_all = ["conll", "timeml"])]
    pub related: bool,
}

/// Prints the quality table.
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.polnear {
        let table = crate::eval::polnear::run_polnear(dir, args.misses)?;
        print(&format!("{table}\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let table = match (&args.conll, &args.feeds, &args.excerpts, &args.pages) {
        (Some(file), ..) => crate::eval::run_conll(file, args.tagger_only, args.errors)?,
        (_, Some(dir), ..) => crate::eval::feed_items::score_feeds(dir)?.to_string(),
        (_, _, Some(dir), _) => crate::eval::excerpts::score_excerpts(dir)?.to_string(),
        (.., Some(dir)) => crate::eval::pages::score_pages(dir, args.misses)?.to_string(),
        _ if args.timeml => crate::eval::run_timeml(&args.dir, args.misses)?,
        _ if args.related => {
            crate::eval::related::score_related(&args.dir, args.generated)?.to_string()
        }
        _ => crate::eval::run_eval(&args.dir, args.generated)?,
    };
    print(&format!("{table}\n"))?;
    Ok(ExitCode::SUCCESS)
}
