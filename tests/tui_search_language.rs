//! The search line speaks the library's query language: OR, NOT and "phrases" find what
//! the CLI finds, an incomplete date is said to be incomplete while it is typed, and a
//! story opened from the results marks the query's words, never its filter values.

mod support;

use sitrep::tui::overlay::Overlay;
use support::Harness;

/// Titles of the results the search line shows for `query`, and the status line.
fn searched(query: &str) -> (Vec<String>, String) {
    let mut h = Harness::new(160, 45);
    h.keys(&["/"]);
    h.type_text(query);
    let Some(Overlay::Search(search)) = h.app.overlay() else {
        panic!("search open")
    };
    let titles = search
        .results()
        .iter()
        .map(|row| row.story.title.clone())
        .collect();
    (titles, h.app.status().text.clone())
}

#[test]
fn or_not_and_phrases_in_the_search_line() {
    let (titles, _) = searched("corridor OR carmakers");
    assert_eq!(titles.len(), 2, "{titles:?}");
    let (titles, _) = searched("grain NOT corridor");
    assert!(titles.iter().all(|t| !t.contains("corridor")), "{titles:?}");
    let (titles, _) = searched("\"grain corridor\"");
    assert_eq!(titles, ["Black Sea grain corridor extended for 120 days"]);
}

#[test]
fn an_incomplete_date_is_said_to_be_incomplete() {
    let (titles, status) = searched("from:2024-0");
    assert!(titles.is_empty());
    assert!(status.contains("\"2024-0\" is incomplete"), "{status}");
}

#[test]
fn a_story_opened_from_a_search_marks_its_words_not_its_filter_values() {
    let mut h = Harness::new(160, 45);
    h.keys(&["/"]);
    // "United Nations" is in the story's text too: as a filter value it is not marked.
    h.type_text("entity:\"United Nations\" grain");
    h.keys(&["Enter"]);
    let story = h.app.story().open().expect("a story opened").clone();
    let body: Vec<char> = story.article.body.chars().collect();
    let marked: Vec<String> = h
        .app
        .story()
        .matches()
        .iter()
        .map(|&(start, end)| body[start..end].iter().collect())
        .collect();
    assert!(story.article.body.contains("United Nations"));
    assert_eq!(marked, ["grain"]);
}
