//! Quality evaluation: imports and analyses stories, then compares the analysis with
//! gold annotations — the team's hand-made set (`tests/gold/`) or a corpus generator
//! output directory. Annotations are matched by text, never by offset.
//!
//! Metrics, micro-averaged over all stories (see [`Scores`]):
//! - entity precision, recall and F1 over (canonical name, kind) pairs per story;
//! - quote speaker accuracy over gold direct and partial quotes that have a speaker;
//! - reported-speech recall over gold reported clauses;
//! - date value accuracy over all gold dates and durations.
//!
//! A story that fails to import counts all its gold as missed.
//!
//! TimeML corpora (TimeBank, AQUAINT) score the date finder alone, the TempEval-3 way
//! ([`run_timeml`], `tempeval.rs`). Related timelines are scored on an imported library
//! (`related.rs`). PolNeAR scores quotes and reported speech on real news (`polnear.rs`).

mod compare;
pub mod conll;
pub mod excerpts;
pub mod feed_items;
mod gold;
pub mod names;
mod overlap;
pub mod pages;
pub mod polnear;
pub mod related;
mod scores;
mod tempeval;
mod timeml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use compare::score_story;
pub use gold::{EvalError, GoldStory, load_gold};
pub use scores::{Ratio, Scores};
pub use tempeval::{Expression, Miss, TimexCounts, TimexScores};
pub use timeml::{TimemlDoc, parse_timeml};

use crate::analyze::Analyzer;
use crate::analyze::dates;
use crate::analyze::story_entities::Form;
use crate::analyze::tagger::train::Example;
use crate::analyze::tagger::{Model, NameType, Tagger};
use crate::ingest;
use crate::model::EntityKind;
use crate::model::{Analysis, Article};
use crate::text::Span;
use crate::text::{Body, words};
use names::NameScores;

/// Scores the stories of a hand-annotated gold set: `dir/gold.jsonl` plus the files it names.
pub fn score_gold_dir(dir: &Path) -> Result<Scores, EvalError> {
    let stories = load_gold(&dir.join("gold.jsonl"))?;
    Ok(score_stories(dir, &stories))
}

/// Scores a corpus generator output directory, leaving out gold annotations that lie in
/// page furniture (which sitrep removes on import).
pub fn score_generated(dir: &Path) -> Result<Scores, EvalError> {
    let mut stories = load_gold(&dir.join("gold.jsonl"))?;
    for story in &mut stories {
        story.drop_furniture();
    }
    Ok(score_stories(dir, &stories))
}

/// Evaluates the gold set (or, with `generated`, the generator output) in `dir` and
/// returns the table of scores.
pub fn run_eval(dir: &Path, generated: bool) -> anyhow::Result<String> {
    let scores = if generated {
        score_generated(dir)?
    } else {
        score_gold_dir(dir)?
    };
    Ok(scores.to_string())
}

/// Scores name finding on a CoNLL-2003 file: the whole entity finder, or with
/// `tagger_only` the learned tagger alone. Returns the table of scores, after the
/// missed and spurious names (exact match, MISC left out) when `errors` is set.
pub fn run_conll(path: &Path, tagger_only: bool, errors: bool) -> anyhow::Result<String> {
    let stories = conll::read_conll(path)?;
    let mut report = String::new();
    let scores = score_names(&stories, tagger_only, |story, predicted| {
        if errors {
            report.push_str(&names::differences(story, predicted));
        }
    });
    report.push_str(&scores.to_string());
    Ok(report)
}

/// Name scores of `stories` (see [`run_conll`]); `each` sees every story with its
/// predicted names.
pub fn score_names(
    stories: &[Example],
    tagger_only: bool,
    mut each: impl FnMut(&Example, &[(Span, NameType)]),
) -> NameScores {
    let analyzer = Analyzer::new();
    let mut scores = NameScores::default();
    for story in stories {
        let predicted = if tagger_only {
            tagged_names(Tagger::bundled(), &story.text)
        } else {
            analyzer
                .name_mentions(&story.text)
                .into_iter()
                .filter_map(|(span, kind, form)| Some((span, conll_type(kind, form)?)))
                .collect()
        };
        each(story, &predicted);
        scores.add_story(&story.names, &predicted);
    }
    scores
}

/// Name scores of the tagger with weights `model` alone, on `stories`.
pub fn score_tagger(model: &Model, stories: &[Example]) -> NameScores {
    let tagger = Tagger::new(model.clone());
    let mut scores = NameScores::default();
    for story in stories {
        scores.add_story(&story.names, &tagged_names(&tagger, &story.text));
    }
    scores
}

/// The names `tagger` alone finds in `text`.
fn tagged_names(tagger: &Tagger, text: &str) -> Vec<(Span, NameType)> {
    let gaz = crate::analyze::gazetteer::shared();
    let words = crate::text::words::words(text);
    tagger
        .tag(gaz, text, &words, &gaz.find(text, &words))
        .into_iter()
        .map(|n| (n.span, n.kind))
        .collect()
}

/// The CoNLL type of a mention: names only (not role nouns), and a country's adjective
/// is an other name, as CoNLL-2003 annotates it.
fn conll_type(kind: EntityKind, form: Form) -> Option<NameType> {
    match form {
        Form::Role => None,
        Form::Modifier => Some(NameType::Misc),
        Form::Name | Form::Metonym => Some(match kind {
            EntityKind::Person => NameType::Person,
            EntityKind::Country | EntityKind::Place => NameType::Location,
            EntityKind::Organization | EntityKind::Group => NameType::Organization,
            EntityKind::Other => NameType::Misc,
        }),
    }
}

/// Runs the date finder on every TimeML document under `dir` (its text, published on its
/// creation date) and returns the TempEval-3 table; with `misses`, first every gold
/// expression missed or read otherwise and every spurious one, a line each.
pub fn run_timeml(dir: &Path, misses: bool) -> anyhow::Result<String> {
    let files = timeml::timeml_files(dir)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?;
    if files.is_empty() {
        anyhow::bail!("{}: no .tml files", dir.display());
    }
    let mut scores = TimexScores::default();
    let mut report = String::new();
    for path in files {
        let doc = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|xml| parse_timeml(&xml));
        let doc = match doc {
            Ok(doc) => doc,
            Err(reason) => {
                scores
                    .failures
                    .push(format!("{}: {reason}", path.display()));
                continue;
            }
        };
        let body = Body::new(&doc.text);
        let found = find_dates_in(&body, doc.creation.as_deref());
        let gold: Vec<Expression> = doc
            .timexes
            .iter()
            .map(|t| Expression {
                start: body.char_offset(t.start),
                end: body.char_offset(t.end),
                kind: t.kind,
                value: Some(t.value.as_str()),
            })
            .collect();
        let predicted: Vec<Expression> = found
            .iter()
            .map(|d| Expression {
                start: d.start,
                end: d.end,
                kind: d.kind,
                value: d.value.as_deref(),
            })
            .collect();
        let found_misses = scores.add_document(&gold, &predicted);
        if misses {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            for miss in found_misses {
                report.push_str(&describe(&name, &doc.text, &gold, &predicted, &miss));
                report.push('\n');
            }
        }
    }
    Ok(format!("{report}{scores}"))
}

/// The date finder on `body` alone, published on `creation` (a TIMEX3 value).
fn find_dates_in(body: &Body, creation: Option<&str>) -> Vec<crate::model::DateMention> {
    let published = creation
        .and_then(|c| c.get(..10))
        .and_then(|day| dates::publication_time(&format!("{day}T12:00:00+00:00")));
    let words = words::words(body.text);
    dates::find_dates(body, &body.sentences(), &words, published.as_ref())
}

/// One line for a miss: document, kind of miss, gold and predicted text and value (either
/// empty when missing), and the words around it.
fn describe(
    name: &str,
    text: &str,
    gold: &[Expression],
    predicted: &[Expression],
    miss: &Miss,
) -> String {
    let show = |e: &Expression| {
        let piece: String = text.chars().skip(e.start).take(e.end - e.start).collect();
        format!(
            "«{piece}» {} {}",
            e.kind.as_str(),
            e.value.unwrap_or("null")
        )
    };
    // The words around the expression, on one line, to judge the miss by.
    let around = |e: &Expression| {
        let from = e.start.saturating_sub(70);
        let piece: String = text.chars().skip(from).take(e.end + 70 - from).collect();
        piece.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    match *miss {
        Miss::Missed { at } => format!(
            "{name}\tmissed\t{}\t\t{}",
            show(&gold[at]),
            around(&gold[at])
        ),
        Miss::Spurious { at } => format!(
            "{name}\tspurious\t\t{}\t{}",
            show(&predicted[at]),
            around(&predicted[at])
        ),
        Miss::Differs {
            gold: g,
            predicted: p,
        } => format!(
            "{name}\tdiffers\t{}\t{}\t{}",
            show(&gold[g]),
            show(&predicted[p]),
            around(&gold[g])
        ),
    }
}

fn score_stories(dir: &Path, stories: &[GoldStory]) -> Scores {
    let analyzer = Analyzer::new();
    let mut imported: HashMap<PathBuf, Result<Vec<Article>, String>> = HashMap::new();
    let mut total = Scores::default();
    for story in stories {
        let path = dir.join(&story.file);
        let articles = imported.entry(path.clone()).or_insert_with(|| {
            ingest::parse_file(&path)
                .map(|parsed| parsed.articles)
                .map_err(|error| error.to_string())
        });
        let scores = match pick_article(articles, story.line) {
            Ok(article) => score_story(story, &analyzer.analyze(article)),
            Err(reason) => {
                let mut missed = score_story(story, &Analysis::default());
                missed.failures.push(format!("{}: {reason}", story.file));
                missed
            }
        };
        total.add(scores);
    }
    total
}

/// The article a gold line describes: the `line`-th (1-based) when given, else the only one.
fn pick_article(
    articles: &Result<Vec<Article>, String>,
    line: Option<usize>,
) -> Result<&Article, String> {
    let articles = articles.as_ref().map_err(String::clone)?;
    match line {
        Some(n) => n
            .checked_sub(1)
            .and_then(|i| articles.get(i))
            .ok_or_else(|| format!("no article {n} (the file holds {})", articles.len())),
        None if articles.len() == 1 => Ok(&articles[0]),
        None => Err(format!(
            "the file holds {} articles and the gold gives no line",
            articles.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::pick_article;
    use crate::model::Article;

    fn articles(titles: &[&str]) -> Result<Vec<Article>, String> {
        Ok(titles
            .iter()
            .map(|title| Article {
                title: title.to_string(),
                ..Article::default()
            })
            .collect())
    }

    #[test]
    fn line_picks_the_nth_article() {
        let two = articles(&["first", "second"]);
        assert_eq!(pick_article(&two, Some(2)).unwrap().title, "second");
        assert!(pick_article(&two, Some(0)).is_err());
        assert!(pick_article(&two, Some(3)).is_err());
    }

    #[test]
    fn without_line_the_file_must_hold_one_article() {
        assert_eq!(
            pick_article(&articles(&["only"]), None).unwrap().title,
            "only"
        );
        let error = pick_article(&articles(&["a", "b"]), None).unwrap_err();
        assert_eq!(
            error,
            "the file holds 2 articles and the gold gives no line"
        );
    }

    #[test]
    fn an_import_error_is_passed_on() {
        let failed = Err("file is empty".to_string());
        assert_eq!(pick_article(&failed, None).unwrap_err(), "file is empty");
    }
}
