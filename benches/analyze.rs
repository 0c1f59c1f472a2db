//! Analysis throughput on one core: entities, quotes, dates and events of already
//! imported articles (parsing is done first and not timed).
//!
//! Run: `cargo bench --bench analyze -- CORPUS_DIR [MAX_FILES]` on a folder written by
//! `python3 ../shared/corpus/gen_corpus.py CORPUS_DIR --count N` (see BENCHMARKS.md).

use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep::analyze::Analyzer;

/// The allocator of the `sitrep` binary, so the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use sitrep::model::Article;

/// Analysis passes over the same articles; the fastest is reported.
const PASSES: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let dump = std::env::args().find_map(|a| a.strip_prefix("--dump=").map(PathBuf::from));
    let Some(dir) = args.first() else {
        eprintln!("usage: cargo bench --bench analyze -- CORPUS_DIR [MAX_FILES]");
        std::process::exit(2);
    };
    let max_files: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let mut files = Vec::new();
    collect(Path::new(dir), &mut files);
    files.sort();
    files.truncate(max_files);
    let articles: Vec<Article> = files
        .iter()
        .filter_map(|path| sitrep::ingest::parse_file(path).ok())
        .flat_map(|parsed| parsed.articles)
        .collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();

    let start = Instant::now();
    sitrep::analyze::tagger::Tagger::bundled();
    let model_load = start.elapsed();
    let start = Instant::now();
    let analyzer = Analyzer::new();
    let setup = start.elapsed();
    // The best of several passes: on a shared machine the slower ones measured waiting.
    let mut took = f64::INFINITY;
    let mut cpu: Option<f64> = None;
    let mut found = [0usize; 4];
    if let Some(dump) = dump {
        write_dump(&analyzer, &articles, &dump);
    }
    for _ in 0..PASSES {
        let start = Instant::now();
        let cpu_before = thread_cpu_seconds();
        found = [0; 4];
        for article in &articles {
            let analysis = analyzer.analyze(article);
            found[0] += analysis.entities.len();
            found[1] += analysis.quotes.len();
            found[2] += analysis.dates.len();
            found[3] += analysis.events.len();
        }
        took = took.min(start.elapsed().as_secs_f64());
        let pass_cpu = thread_cpu_seconds()
            .zip(cpu_before)
            .map(|(now, before)| now - before);
        cpu = match (cpu, pass_cpu) {
            (Some(best), Some(this)) => Some(best.min(this)),
            (best, this) => this.or(best),
        };
    }
    let mb = bytes as f64 / 1_000_000.0;
    println!("articles analysed:   {}", articles.len());
    println!("body text:           {mb:.1} MB");
    println!(
        "name model load:     {:.0} ms (assets/models/names.bin, once)",
        model_load.as_secs_f64() * 1000.0
    );
    println!(
        "analyser set-up:     {:.0} ms (gazetteer automata, once)",
        setup.as_secs_f64() * 1000.0
    );
    println!(
        "analysis, one core:  best of {PASSES} passes {took:.2} s = {:.1} MB/s, {:.0} articles/s",
        mb / took,
        articles.len() as f64 / took
    );
    // On a shared machine the wall clock also counts time spent waiting for a core.
    if let Some(cpu) = cpu {
        println!(
            "analysis, CPU time:  {cpu:.2} s = {:.1} MB/s per CPU second",
            mb / cpu
        );
    }
    println!(
        "found: {} entities, {} quotes, {} dates, {} events",
        found[0], found[1], found[2], found[3]
    );
}

/// Writes each article's analysis to `path` as one JSON line.
fn write_dump(analyzer: &Analyzer, articles: &[Article], path: &Path) {
    let mut lines = String::new();
    for article in articles {
        let analysis = analyzer.analyze(article);
        lines.push_str(&serde_json::to_string(&analysis).unwrap_or_default());
        lines.push('\n');
    }
    if let Err(e) = std::fs::write(path, lines) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || name == "gold.jsonl" {
            continue;
        }
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// CPU time this thread has run so far, from Linux's `/proc/thread-self/schedstat`.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e9)
}
