//! Import throughput: `cargo bench --bench import -- DIR` imports every file under DIR
//! into a fresh temporary library, then imports it again unchanged, and prints
//! stories/s, MB/s, wall time and peak memory (VmHWM) for each pass.

use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep::library::{ImportReport, Library};

/// The allocator of the `sitrep` binary, so the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // cargo passes `--bench`; the first other argument is the corpus.
    let Some(corpus) = std::env::args().skip(1).find(|arg| !arg.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench import -- DIR");
        std::process::exit(2);
    };
    let corpus = PathBuf::from(corpus);
    let megabytes = total_bytes(&corpus) as f64 / 1e6;
    let library_dir = tempfile::tempdir().expect("temporary directory");
    let mut library = Library::open(library_dir.path()).expect("open library");
    for pass in ["import", "re-import"] {
        let start = Instant::now();
        let report = library
            .import_paths(std::slice::from_ref(&corpus), |_, _| {})
            .expect("import");
        print_pass(pass, &report, start.elapsed().as_secs_f64(), megabytes);
    }
    let database = std::fs::metadata(library_dir.path().join("sitrep.db")).map_or(0, |m| m.len());
    println!("library file: {:.0} MB", database as f64 / 1e6);
}

fn print_pass(pass: &str, report: &ImportReport, seconds: f64, megabytes: f64) {
    let stories = report.imported + report.updated + report.unchanged;
    println!(
        "{pass}: {stories} stories (imported {}, updated {}, unchanged {}), {} files, {} failed",
        report.imported,
        report.updated,
        report.unchanged,
        report.files,
        report.failures.len()
    );
    println!(
        "  {seconds:.1} s wall, {:.0} stories/s, {:.1} MB/s of {megabytes:.0} MB, peak RSS {}",
        stories as f64 / seconds,
        megabytes / seconds,
        peak_rss().unwrap_or_else(|| "unknown".to_string())
    );
}

/// Bytes of all files under `path`.
fn total_bytes(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| total_bytes(&entry.path()))
        .sum()
}

/// The process's peak resident set size, from /proc/self/status.
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    Some(line.trim_start_matches("VmHWM:").trim().to_string())
}
