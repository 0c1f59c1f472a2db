//! Measures date finding against the corpus generator's gold annotations.
//!
//! Generate a corpus, then run the ignored test with its directory:
//! `python3 /work/shared/corpus/gen_corpus.py /tmp/gd --count 500`
//! `SITREP_GOLD_DIR=/tmp/gd cargo test --release --test analyze_dates_gold -- --ignored --nocapture`

use serde::Deserialize;
use sitrep::analyze::dates::{find_dates, publication_time};
use sitrep::analyze::text::Body;
use sitrep::model::DateMention;

#[derive(Deserialize)]
struct Gold {
    body: String,
    published: String,
    dates: Vec<GoldDate>,
}

#[derive(Deserialize)]
struct GoldDate {
    start: usize,
    end: usize,
    text: String,
    value: Option<String>,
    kind: String,
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    matched: usize,
    exact_span: usize,
    right_value: usize,
    gold_durations: usize,
    durations_found: usize,
    spurious: Vec<String>,
    wrong: Vec<String>,
    missed: Vec<String>,
}

impl Tally {
    fn add(&mut self, gold: &Gold, found: &[DateMention]) {
        self.gold += gold.dates.len();
        self.found += found.len();
        for g in &gold.dates {
            let hit = found.iter().find(|f| f.start < g.end && g.start < f.end);
            if g.kind == "duration" {
                self.gold_durations += 1;
            }
            let Some(f) = hit else {
                self.missed.push(format!(
                    "{:?} in {}",
                    g.text,
                    context(&gold.body, g.start, g.end)
                ));
                continue;
            };
            self.matched += 1;
            self.exact_span += usize::from((f.start, f.end) == (g.start, g.end));
            if g.kind == "duration" && f.kind.as_str() == "duration" {
                self.durations_found += 1;
            }
            if f.value == g.value && f.kind.as_str() == g.kind {
                self.right_value += 1;
            } else {
                self.wrong.push(format!(
                    "{:?}={:?} want {:?}={:?} pub {} in {}",
                    f.text,
                    f.value,
                    g.text,
                    g.value,
                    gold.published,
                    context(&gold.body, g.start, g.end)
                ));
            }
        }
        for f in found {
            if !gold
                .dates
                .iter()
                .any(|g| f.start < g.end && g.start < f.end)
            {
                self.spurious.push(format!(
                    "{:?} in {}",
                    f.text,
                    context(&gold.body, f.start, f.end)
                ));
            }
        }
    }
}

fn context(body: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = body.chars().collect();
    let from = start.saturating_sub(70);
    let to = (end + 40).min(chars.len());
    chars[from..to]
        .iter()
        .collect::<String>()
        .replace('\n', " ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
#[ignore = "needs a generated corpus in SITREP_GOLD_DIR"]
fn dates_match_generator_gold() {
    let dir = std::env::var("SITREP_GOLD_DIR").expect("set SITREP_GOLD_DIR to a generated corpus");
    let gold = std::fs::read_to_string(format!("{dir}/gold.jsonl")).expect("read gold.jsonl");
    let articles: Vec<Gold> = gold
        .lines()
        .map(|line| serde_json::from_str(line).expect("gold line"))
        .collect();
    let mut tally = Tally::default();
    let mut seconds = 0.0;
    let mut bytes = 0;
    for article in &articles {
        let published = publication_time(&article.published);
        assert!(
            published.is_some(),
            "unparsed publication time {}",
            article.published
        );
        let started = std::time::Instant::now();
        let body = Body::new(&article.body);
        let found = find_dates(&body, &body.sentences(), published.as_ref());
        seconds += started.elapsed().as_secs_f64();
        bytes += article.body.len();
        tally.add(article, &found);
    }
    let show = |name: &str, items: &[String]| {
        println!("-- {name}: {}", items.len());
        for item in items.iter().take(25) {
            println!("   {item}");
        }
    };
    show("wrong value", &tally.wrong);
    show("missed", &tally.missed);
    show("spurious", &tally.spurious);
    let accuracy = ratio(tally.right_value, tally.matched);
    println!(
        "gold {} found {} matched {}",
        tally.gold, tally.found, tally.matched
    );
    println!(
        "recall {:.3}  precision {:.3}",
        ratio(tally.matched, tally.gold),
        ratio(tally.found - tally.spurious.len(), tally.found)
    );
    println!(
        "exact spans {:.3}  value accuracy {:.3}",
        ratio(tally.exact_span, tally.matched),
        accuracy
    );
    println!(
        "durations found {}/{}",
        tally.durations_found, tally.gold_durations
    );
    println!(
        "speed {:.1} MB/s (sentence splitting and dates, wall clock)",
        bytes as f64 / seconds / 1e6
    );
    assert!(accuracy >= 0.92, "value accuracy {accuracy:.3} below 0.92");
}
