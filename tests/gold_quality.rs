//! The team's hand-annotated gold set (tests/gold/) and the quality bar it sets.

use std::path::{Path, PathBuf};

use sitrep::eval::{load_gold, score_gold_dir};

/// Every metric must reach this on the team's gold set.
const QUALITY_BAR: f64 = 0.92;

fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold")
}

#[test]
fn gold_set_is_complete() {
    let stories = load_gold(&gold_dir().join("gold.jsonl")).expect("gold.jsonl readable");
    assert!(stories.len() >= 22, "only {} gold stories", stories.len());
    for story in &stories {
        assert!(
            gold_dir().join(&story.file).is_file(),
            "missing {}",
            story.file
        );
    }
}

#[test]
fn analysis_meets_the_quality_bar_on_the_gold_set() {
    let scores = score_gold_dir(&gold_dir()).expect("gold set readable");
    println!("{scores}");
    let below: Vec<&str> = scores
        .metrics()
        .into_iter()
        .filter(|(_, ratio)| ratio.value().is_none_or(|value| value < QUALITY_BAR))
        .map(|(name, _)| name)
        .collect();
    assert!(below.is_empty(), "below {QUALITY_BAR}: {below:?}\n{scores}");
}
