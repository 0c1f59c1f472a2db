//! Fuzzes the search language: any text parses unless it holds a malformed `from:`/`to:`
//! day, and whatever parses also runs as a search of a real library (so nothing typed
//! can become FTS5 syntax).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep::library::{Library, Query};
use sitrep::model::{Analysis, Article};
use sitrep::sanitize::clean_text;
use tempfile::TempDir;

/// A library of two stories, in a directory removed when the fuzzer exits.
fn small_library() -> (TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let stories: Vec<(Article, Analysis)> = [
        "Ministers met in Brussels on Monday.",
        "Wang Yi said talks will resume in June.",
    ]
    .iter()
    .map(|body| {
        let article = Article {
            title: body.to_string(),
            source: Some("Meridian Desk".to_string()),
            body: body.to_string(),
            ..Article::default()
        };
        (article, Analysis::default())
    })
    .collect();
    library.store("fuzz:stories", &stories).unwrap();
    (dir, library)
}

thread_local! {
    static LIBRARY: (TempDir, Library) = small_library();
}

fuzz_target!(|text: &str| {
    let parsed = Query::parse(text);
    let searched = LIBRARY.with(|(_, library)| library.search(text, 10));
    match (&parsed, &searched) {
        (Ok(_), Ok(_)) => {}
        (Err(_), Err(_)) => {
            let typed = clean_text(text).to_lowercase();
            assert!(
                typed.contains("from:") || typed.contains("to:"),
                "{parsed:?}"
            );
        }
        _ => panic!("parse {parsed:?} but search {searched:?}"),
    }
});
