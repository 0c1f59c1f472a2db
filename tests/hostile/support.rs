//! Shared by the hardening tests: the hostile corpus (committed small files plus big
//! ones generated into a temp dir), running `sitrep` with its peak memory measured,
//! and the check that bytes bound for a terminal cannot change it.
// Each test binary uses only part of this module.
#![allow(dead_code)]

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

/// Peak resident memory any single `sitrep` run may reach.
pub const MEMORY_BOUND_KB: i64 = 400 * 1024;

/// The committed hostile files.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/corpus")
}

/// Writes the big hostile files into `dir` and returns their paths: a 10 MB single
/// line, HTML nested 100,000 deep, JSON nested 10,000 deep (object and array), and a
/// file whose NUL byte comes after the part sniffed for binary content.
pub fn generate_big_files(dir: &Path) -> Vec<PathBuf> {
    let sentence = "Delegates \u{1b}[31mmet\u{1b}[0m again \u{202e}on Monday\u{202c} and talked. ";
    let mut line = String::from("One very long line\n\n");
    while line.len() < 10 * 1024 * 1024 {
        line.push_str(sentence);
    }
    let deep_html = format!(
        "<html><body>{}Deep text.{}</body></html>",
        "<div><p><span>".repeat(100_000 / 3),
        "</span></p></div>".repeat(100_000 / 3)
    );
    let deep_object = format!(
        "{}\"x\"{}",
        "{\"title\":\"Deep\",\"body\":".repeat(10_000),
        "}".repeat(10_000)
    );
    let deep_array = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let late_nul = format!(
        "Talks resume\n\n{}\u{0}hidden\u{0} tail.\n",
        "Ministers met again on Monday. ".repeat(400)
    );
    let files = [
        ("long_line.txt", line),
        ("deep.html", deep_html),
        ("deep_object.json", deep_object),
        ("deep_array.json", deep_array),
        ("late_nul.txt", late_nul),
    ];
    files
        .into_iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

/// Every hostile file: the committed corpus and the generated big files.
pub fn all_hostile_files(generated_into: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files.extend(generate_big_files(generated_into));
    files
}

/// What one run of a child process gave, with its peak resident memory.
pub struct Measured {
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub peak_kb: i64,
}

/// Runs `command` to completion, reaping it with `wait4` to read its own peak RSS.
// Clippy cannot see that `wait4` reaps the child.
#[allow(clippy::zombie_processes)]
pub fn run_measured(mut command: Command) -> Measured {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout_pipe = child.stdout.take().unwrap();
    let mut stderr_pipe = child.stderr.take().unwrap();
    let stdout_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout_pipe.read_to_end(&mut bytes).unwrap();
        bytes
    });
    let mut stderr_bytes = Vec::new();
    stderr_pipe.read_to_end(&mut stderr_bytes).unwrap();
    let stdout = stdout_reader.join().unwrap();
    let mut raw_status = 0;
    // SAFETY: an all-zero rusage is valid, and wait4 writes only into the two locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let reaped = unsafe { libc::wait4(pid, &mut raw_status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4 failed");
    Measured {
        status: ExitStatus::from_raw(raw_status),
        stdout,
        stderr: String::from_utf8_lossy(&stderr_bytes).into_owned(),
        // Linux reports ru_maxrss in kilobytes.
        peak_kb: usage.ru_maxrss,
    }
}

/// Why `text` could change a terminal, if it could: any control character other than
/// newline and tab, C1 controls, bidi overrides and isolates, and invisible format
/// characters that the sanitizer removes.
pub fn terminal_hazard(text: &str) -> Option<String> {
    text.char_indices()
        .find(|&(_, c)| is_hazard(c))
        .map(|(at, c)| format!("{:?} at byte {at}: {:?}", c, context(text, at)))
}

fn is_hazard(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{180e}' | '\u{fff9}'..='\u{fffb}')
}

/// A few characters around byte `at`, for failure messages.
fn context(text: &str, at: usize) -> String {
    let start = text.floor_char_boundary(at.saturating_sub(30));
    let end = text.ceil_char_boundary((at + 30).min(text.len()));
    text[start..end].to_string()
}

/// Asserts `bytes` are UTF-8 with nothing that could change a terminal.
pub fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes)
        .unwrap_or_else(|error| panic!("{what}: output is not UTF-8: {error}"));
    if let Some(hazard) = terminal_hazard(text) {
        panic!("{what}: terminal hazard {hazard}");
    }
}

/// Asserts a finished run stayed within memory, did not crash, and reported any
/// failure on stderr in single lines naming a reason (never a panic).
pub fn assert_clean_exit(what: &str, run: &Measured) {
    assert!(
        run.peak_kb < MEMORY_BOUND_KB,
        "{what}: peak RSS {} kB over the bound",
        run.peak_kb
    );
    assert!(
        run.status.signal().is_none() && matches!(run.status.code(), Some(0 | 1)),
        "{what}: exit {:?}, stderr {}",
        run.status,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
    assert_terminal_safe(&format!("{what} (stderr)"), run.stderr.as_bytes());
    if run.status.code() == Some(1) {
        assert!(!run.stderr.trim().is_empty(), "{what}: failed silently");
    }
}
