//! The reader draws a frame only when something may have changed on screen: time
//! passing and the library's "nothing changed" answer every second draw nothing; keys,
//! answers that bring data, and a draft being written (the busy sign) do.

mod support;

use std::time::{Duration, Instant};

use sitrep::tui::action::Action;
use sitrep::tui::request::Response;
use support::Harness;

#[test]
fn an_idle_reader_draws_nothing_and_a_change_draws_a_frame() {
    let mut h = Harness::new(160, 45);
    let start = Instant::now();
    let idle = h.app.revision();
    // A minute of ticks: the library is asked every second whether it changed.
    for second in 0..60 {
        h.act(Action::Tick(start + Duration::from_secs(second)));
    }
    h.act(Action::Loaded(Response::Changed(false)));
    assert_eq!(h.app.revision(), idle, "nothing to draw");

    h.keys(&["j"]);
    let moved = h.app.revision();
    assert_ne!(moved, idle, "the selection moved");

    // Another process imports a story: the answer brings it, and it is drawn.
    h.library()
        .store(
            "/elsewhere.json",
            &[(
                sitrep::model::Article {
                    title: "Pilots return to the strait".to_string(),
                    body: "Pilots returned to the strait on Friday.".to_string(),
                    ..Default::default()
                },
                sitrep::model::Analysis::default(),
            )],
        )
        .unwrap();
    h.act(Action::Tick(start + Duration::from_secs(61)));
    assert_ne!(h.app.revision(), moved, "the new story is drawn");
    assert!(
        h.app
            .stories()
            .rows()
            .iter()
            .any(|s| s.title == "Pilots return to the strait")
    );
}

#[test]
fn a_draft_written_as_time_passes_is_drawn() {
    let mut h = Harness::new(160, 45);
    h.keys(&["j", "Enter", "l", "a", "x"]);
    let typed = h.app.revision();
    let start = Instant::now();
    // The editor writes its draft when time passes: the busy sign shows until the
    // library answers.
    let requests = h.app.update(Action::Tick(start + Duration::from_secs(5)));
    assert!(!requests.is_empty(), "a draft is written");
    assert_ne!(h.app.revision(), typed);
}
