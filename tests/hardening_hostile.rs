//! Hostile text through the real `sitrep` binary: every file of the hostile corpus
//! imports or fails with one line, within bounded memory, and no command that prints
//! stories (import, list, show, show --json, search, extract --json, timeline) ever
//! writes a byte that could change the terminal.

mod cli_support;
#[path = "hostile/support.rs"]
mod hostile_support;

use std::path::Path;
use std::process::Command;

use hostile_support::{
    Measured, all_hostile_files, assert_clean_exit, assert_terminal_safe, run_measured,
};

/// The `sitrep` command on the library in `dir`.
fn sitrep(dir: &Path, args: &[&str]) -> Command {
    let mut command = cli_support::library_command(dir, args);
    command.env("NO_COLOR", "1");
    command
}

/// Runs a command, checks its exit, memory and output, and returns the run.
fn checked(dir: &Path, args: &[&str]) -> Measured {
    let what = format!("sitrep {args:?}");
    let run = run_measured(sitrep(dir, args));
    assert_clean_exit(&what, &run);
    assert_terminal_safe(&what, &run.stdout);
    run
}

#[test]
fn every_hostile_file_imports_or_fails_with_one_line() {
    let library = tempfile::tempdir().unwrap();
    let generated = tempfile::tempdir().unwrap();
    for file in all_hostile_files(generated.path()) {
        let path = file.to_str().unwrap();
        let run = checked(library.path(), &["import", path]);
        let failed = String::from_utf8_lossy(&run.stdout).contains("failed 1 ");
        let lines: Vec<&str> = run.stderr.lines().collect();
        for line in &lines {
            assert!(line.starts_with(&format!("{path}: ")), "{path}: {line}");
        }
        if failed {
            assert_eq!(lines.len(), 1, "{path}: {}", run.stderr);
            assert_eq!(run.status.code(), Some(1), "{path}");
        }
    }
}

#[test]
fn extract_json_of_every_hostile_file_is_terminal_safe() {
    let library = tempfile::tempdir().unwrap();
    let generated = tempfile::tempdir().unwrap();
    for file in all_hostile_files(generated.path()) {
        let path = file.to_str().unwrap();
        let run = checked(library.path(), &["extract", path, "--json"]);
        if run.status.success() {
            // One object for one story; one object per line for a file of several.
            let extracts = serde_json::Deserializer::from_slice(&run.stdout).into_iter();
            for extract in extracts {
                let extract: serde_json::Value = extract.unwrap();
                assert_strings_safe(path, &extract);
            }
        } else {
            assert_eq!(run.stderr.lines().count(), 1, "{path}: {}", run.stderr);
        }
    }
}

/// Every string inside `value` (a story as JSON) is free of terminal hazards, even
/// when the JSON escapes would turn back into control characters once decoded.
fn assert_strings_safe(what: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::String(text) => assert_terminal_safe(what, text.as_bytes()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| assert_strings_safe(what, v)),
        serde_json::Value::Object(fields) => {
            fields.values().for_each(|v| assert_strings_safe(what, v))
        }
        _ => {}
    }
}

#[test]
fn reading_a_library_of_hostile_stories_is_terminal_safe() {
    let library = tempfile::tempdir().unwrap();
    let generated = tempfile::tempdir().unwrap();
    let dir = library.path();
    let files = all_hostile_files(generated.path());
    let mut import = vec!["import"];
    import.extend(files.iter().map(|file| file.to_str().unwrap()));
    let imported = checked(dir, &import);
    assert!(imported.status.success(), "{}", imported.stderr);

    checked(dir, &["list"]);
    let listed = checked(dir, &["list", "--json", "--limit", "1000"]);
    let stories: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).unwrap();
    assert!(!stories.is_empty(), "no hostile story was imported");
    for story in &stories {
        let id = story["id"].to_string();
        checked(dir, &["show", &id]);
        let shown = checked(dir, &["show", &id, "--json"]);
        let extract: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        assert_strings_safe(&format!("show {id} --json"), &extract);
        checked(dir, &["timeline", "--story", &id]);
        checked(dir, &["timeline", "--story", &id, "--json"]);
    }
    let hostile_queries = [
        "talks",
        "\u{1b}[2J\u{1b}]0;x\u{7}",
        "\u{202e}talks \u{9b}31m",
        "\"unclosed",
        "source:\u{1b}[31m",
        "delegates*",
    ];
    for query in hostile_queries {
        checked(dir, &["search", query]);
        checked(dir, &["search", query, "--json"]);
        checked(dir, &["search", "--fuzzy", query]);
        checked(dir, &["timeline", "--entity", query]);
    }
}
