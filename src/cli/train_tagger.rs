//! `sitrep train-tagger TRAIN [--dev DEV]` (hidden): trains the learned name tagger on a
//! CoNLL-2003 file and writes its weights (by default to assets/models/names.bin),
//! printing the development scores after each pass.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use super::output::print;
use crate::analyze::gazetteer;
use crate::analyze::tagger::train::{Options, train};
use crate::eval::conll::read_conll;
use crate::eval::score_tagger;

/// Arguments of `sitrep train-tagger`.
#[derive(Debug, clap::Args)]
pub struct TrainTaggerArgs {
    /// The training file (CoNLL-2003 eng.train).
    pub train: PathBuf,
    /// A development file scored after each pass (CoNLL-2003 eng.testa).
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Passes over the training stories.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Features seen fewer times in training are left out.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// Where the weights go.
    #[arg(long, default_value = "assets/models/names.bin")]
    pub out: PathBuf,
}

/// Trains, reports and writes the model.
pub fn run(args: &TrainTaggerArgs) -> anyhow::Result<ExitCode> {
    let stories = read_conll(&args.train)?;
    let dev = args.dev.as_deref().map(read_conll).transpose()?;
    let options = Options {
        epochs: args.epochs,
        min_count: args.min_count,
    };
    print(&format!("training on {} stories\n", stories.len()))?;
    let model = train(gazetteer::shared(), &stories, options, |epoch, model| {
        if let Some(dev) = &dev {
            let (p, r, f) = score_tagger(model, dev).exact_all().prf();
            eprintln!("pass {epoch}: dev exact P {p:.3} R {r:.3} F1 {f:.3}");
        }
    });
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    print(&format!(
        "{} features, {} bytes written to {}\n",
        model.len(),
        bytes.len(),
        args.out.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
