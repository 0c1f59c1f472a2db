//! Reader speed on a large library: time to first frame, per-keystroke redraw while
//! scrolling and searching, search latency on the worker, and peak memory.
//!
//! Run: `cargo bench --bench reader -- LIBRARY_DIR` (a library built with `sitrep import`;
//! see BENCHMARKS.md for the 100,000-story corpus).

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sitrep::library::Library;
use sitrep::tui::action::{Action, Command};
use sitrep::tui::app::App;
use sitrep::tui::keymap::Keymap;
use sitrep::tui::library_worker::LibraryWorker;
use sitrep::tui::request::{Request, Response};
use sitrep::tui::theme::Theme;
use sitrep::tui::view;

/// The allocator of the `sitrep` binary, so the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with('-')) else {
        eprintln!("usage: cargo bench --bench reader -- LIBRARY_DIR");
        std::process::exit(2);
    };
    let start = Instant::now();
    let library = Library::open(std::path::Path::new(&dir)).expect("library opens");
    let mut app = App::new(Keymap::default(), Theme::default(), 160, 45);
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    terminal.draw(|frame| view::draw(&app, frame)).unwrap();
    let first_frame = start.elapsed();

    let mut worker = LibraryWorker::new(library);
    let (loaded, took) = timed(|| worker.handle(Request::LoadStories));
    app.update(Action::Loaded(loaded));
    terminal.draw(|frame| view::draw(&app, frame)).unwrap();
    let stories_shown = start.elapsed();
    println!("stories in library:         {}", app.stories().rows().len());
    println!(
        "first frame:                {:>8.1} ms (library opened, reader drawn)",
        ms(first_frame)
    );
    println!(
        "story list (worker):        {:>8.1} ms, on screen {:.1} ms after start",
        ms(took),
        ms(stories_shown)
    );

    // The reader asks for the fuzzy index next, in the background, before any search.
    let (_, took) = timed(|| worker.handle(Request::PrepareSearch));
    println!(
        "search index (worker):      {:>8.1} ms, built in the background after the list",
        ms(took)
    );

    // Open the newest story (body and analysis load lazily, one story at a time).
    let requests = app.update(Action::Command(Command::Open));
    let (open_ms, timeline_ms) = run_all(&mut app, &mut worker, requests);
    println!("open a story (worker):      {open_ms:>8.1} ms (+ its timeline {timeline_ms:.1} ms)");

    // Scrolling the story: each key is one update and one frame on the UI thread.
    app.update(Action::Command(Command::NextPane));
    let mut frames = Vec::new();
    for i in 0..200 {
        let command = if i % 50 < 25 {
            Command::Down
        } else {
            Command::Up
        };
        frames.push(frame_after(&mut app, &mut terminal, Action::Command(command)).1);
    }
    report("scroll key → frame", &frames);

    // Moving through the story list.
    app.update(Action::Command(Command::PrevPane));
    let frames: Vec<Duration> = (0..200)
        .map(|_| frame_after(&mut app, &mut terminal, Action::Command(Command::Down)).1)
        .collect();
    report("list key → frame", &frames);

    // Search: the UI thread redraws at once; results arrive from the worker.
    app.update(Action::Command(Command::Search));
    let mut frames = Vec::new();
    let mut latencies = Vec::new();
    for c in "nato summit".chars() {
        let (requests, took) = frame_after(&mut app, &mut terminal, Action::Input(c));
        frames.push(took);
        for request in requests {
            let (response, took) = timed(|| worker.handle(request));
            latencies.push(took);
            frames.push(frame_after(&mut app, &mut terminal, Action::Loaded(response)).1);
        }
    }
    report("search key → frame", &frames);
    report("search results (worker)", &latencies);
    let per_key: Vec<String> = latencies.iter().map(|d| format!("{:.1}", ms(*d))).collect();
    println!("search results, per key:    {} ms", per_key.join(", "));
    println!("peak memory (VmHWM):        {:>8.1} MB", peak_rss_mb());
}

/// Applies one action and draws one frame, timing both.
fn frame_after(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    action: Action,
) -> (Vec<Request>, Duration) {
    let t = Instant::now();
    let requests = app.update(action);
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    (requests, t.elapsed())
}

/// Runs requests and the ones their answers lead to; returns the first two timings.
fn run_all(app: &mut App, worker: &mut LibraryWorker, requests: Vec<Request>) -> (f64, f64) {
    let mut times = Vec::new();
    let mut queue = requests;
    while let Some(request) = queue.pop() {
        let (response, took): (Response, Duration) = timed(|| worker.handle(request));
        times.push(ms(took));
        queue.extend(app.update(Action::Loaded(response)));
    }
    (
        times.first().copied().unwrap_or(0.0),
        times.get(1).copied().unwrap_or(0.0),
    )
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let value = f();
    (value, t.elapsed())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, times: &[Duration]) {
    let mut sorted: Vec<f64> = times.iter().map(|d| ms(*d)).collect();
    sorted.sort_by(f64::total_cmp);
    let mean = sorted.iter().sum::<f64>() / sorted.len().max(1) as f64;
    let p99 = sorted[(sorted.len() * 99 / 100).min(sorted.len() - 1)];
    let max = sorted.last().copied().unwrap_or(0.0);
    println!(
        "{what:<27} mean {mean:>6.2} ms   p99 {p99:>6.2} ms   max {max:>6.2} ms   (n={})",
        sorted.len()
    );
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
