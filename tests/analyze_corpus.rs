//! Development scorer against the corpus generator's gold (ignored by default):
//!
//! ```text
//! python3 /work/shared/corpus/gen_corpus.py /tmp/ge --count 500
//! SITREP_CORPUS=/tmp/ge cargo test --test analyze_corpus -- --ignored --nocapture
//! ```
//! Scores JSON/JSONL articles only (their bodies are clean): entity precision, recall and
//! F1 by (canonical name, kind); speaker accuracy of matched quotes; reported-speech recall.
//! `SITREP_SHOW=entities|quotes` prints the differences.

use std::collections::HashSet;

use serde_json::Value;
use sitrep::analyze::Analyzer;
use sitrep::model::{Article, EntityKind, QuoteKind};

#[derive(Default)]
struct Tally {
    entity_hits: usize,
    entity_predicted: usize,
    entity_gold: usize,
    quotes_gold: usize,
    quotes_found: usize,
    speakers_right: usize,
    reported_gold: usize,
    reported_found: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[test]
#[ignore = "needs a generated corpus in $SITREP_CORPUS"]
fn score_against_generator_gold() {
    let dir = std::env::var("SITREP_CORPUS").unwrap_or_else(|_| "/tmp/ge".into());
    let show = std::env::var("SITREP_SHOW").unwrap_or_default();
    let gold = std::fs::read_to_string(format!("{dir}/gold.jsonl")).expect("gold.jsonl");
    let analyzer = Analyzer::new();
    let mut t = Tally::default();
    let mut analysed_bytes = 0;
    let mut analysing = std::time::Duration::ZERO;
    for line in gold.lines() {
        let g: Value = serde_json::from_str(line).expect("gold line");
        if g["format"] == "txt" {
            continue;
        }
        let text = |k: &str| g[k].as_str().map(String::from);
        let article = Article {
            title: text("title").unwrap_or_default(),
            body: text("body").unwrap_or_default(),
            published: text("published"),
            ..Article::default()
        };
        let clock = std::time::Instant::now();
        let analysis = analyzer.analyze(&article);
        analysing += clock.elapsed();
        analysed_bytes += article.body.len();
        if std::env::var("SITREP_ID").is_ok_and(|id| g["id"] == id.as_str()) {
            println!(
                "{}\n{}",
                article.body,
                serde_json::to_string_pretty(&analysis).unwrap()
            );
        }

        let gold_entities: HashSet<(String, EntityKind)> = g["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["name"].as_str().unwrap().to_string(),
                    EntityKind::parse(e["kind"].as_str().unwrap()).unwrap(),
                )
            })
            .collect();
        let predicted: HashSet<(String, EntityKind)> = analysis
            .entities
            .iter()
            .map(|e| (e.name.clone(), e.kind))
            .collect();
        t.entity_gold += gold_entities.len();
        t.entity_predicted += predicted.len();
        t.entity_hits += gold_entities.intersection(&predicted).count();
        if show == "entities" {
            for e in gold_entities.difference(&predicted) {
                println!("{} MISSED {:?}", g["id"], e);
            }
            for e in predicted.difference(&gold_entities) {
                println!("{} EXTRA {:?}", g["id"], e);
            }
        }

        let body = article.body.as_str();
        for q in g["quotes"].as_array().unwrap() {
            let (start, end) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            let speaker = q["speaker"].as_str();
            let kind = QuoteKind::parse(q["kind"].as_str().unwrap()).unwrap();
            let found = analysis
                .quotes
                .iter()
                .find(|p| p.start < end && start < p.end);
            if kind == QuoteKind::Reported {
                t.reported_gold += 1;
                t.reported_found += found.is_some_and(|p| p.kind == QuoteKind::Reported) as usize;
            }
            t.quotes_gold += 1;
            if let Some(p) = found {
                t.quotes_found += 1;
                let right = p.speaker.as_deref() == speaker;
                t.speakers_right += right as usize;
                if show == "quotes" && !right {
                    let context: String = body
                        .chars()
                        .skip(start.saturating_sub(120))
                        .take(end - start.saturating_sub(120) + 60)
                        .collect();
                    println!(
                        "{} SPEAKER gold {:?} got {:?} ({:?})\n    {}",
                        g["id"],
                        speaker,
                        p.speaker,
                        kind,
                        context.replace('\n', " / ")
                    );
                }
            } else if show == "quotes" {
                let context: String = body
                    .chars()
                    .skip(start.saturating_sub(100))
                    .take(end - start.saturating_sub(100) + 40)
                    .collect();
                println!(
                    "{} MISSED {:?} {:?}\n    {}",
                    g["id"],
                    kind,
                    speaker,
                    context.replace('\n', " / ")
                );
            }
        }
    }
    let p = ratio(t.entity_hits, t.entity_predicted);
    let r = ratio(t.entity_hits, t.entity_gold);
    println!(
        "entities: precision {p:.3} recall {r:.3} F1 {:.3}",
        2.0 * p * r / (p + r).max(f64::EPSILON)
    );
    println!(
        "quotes: found {:.3} of {}, speaker accuracy {:.3}, reported recall {:.3}",
        ratio(t.quotes_found, t.quotes_gold),
        t.quotes_gold,
        ratio(t.speakers_right, t.quotes_found),
        ratio(t.reported_found, t.reported_gold)
    );
    println!(
        "throughput: {:.1} MB/s over {analysed_bytes} bytes (whole analysis, one core)",
        analysed_bytes as f64 / 1e6 / analysing.as_secs_f64().max(f64::EPSILON)
    );
    assert!(
        t.entity_gold > 0,
        "no JSON articles with gold found in {dir}"
    );
}
