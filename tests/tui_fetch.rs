//! `r` in the reader: feeds fetched in the background from a server on 127.0.0.1,
//! progress on the status line, and the new stories in the list.

mod http_support;
mod support;

use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use http_support::{Reply, Request, Server, rss};
use sitrep::tui::action::Action;
use sitrep::tui::app::FetchProgress;
use sitrep::tui::fetcher::FetchEvent;
use support::Harness;

/// The next event of the background fetch (the bound only keeps a broken test from hanging).
fn next_event(events: &Receiver<FetchEvent>) -> FetchEvent {
    events.recv_timeout(Duration::from_secs(60)).unwrap()
}

fn status_line(h: &Harness) -> String {
    h.screen().lines().last().unwrap_or_default().to_string()
}

#[test]
fn r_fetches_in_the_background_shows_progress_and_new_stories_appear() {
    let server = Server::start(|request: &Request| match request.path.as_str() {
        "/world.xml" => Reply::ok(
            "application/rss+xml",
            rss(
                "Meridian World",
                &[
                    (
                        "Port talks resume in Mombasa",
                        "https://meridian.example/port",
                        "Talks resumed on Tuesday.",
                    ),
                    (
                        "Grain corridor extended",
                        "https://meridian.example/grain",
                        "The corridor was extended.",
                    ),
                ],
            ),
        ),
        _ => Reply::status(404),
    });
    let (sender, events) = channel();
    let mut h = Harness::fetching(160, 45, sender);
    let mut library = h.library();
    library
        .subscribe(&server.url("/world.xml"), None, &[], false)
        .unwrap();
    library
        .subscribe(&server.url("/missing.xml"), None, &[], false)
        .unwrap();
    assert_eq!(h.app.stories().rows().len(), 4);

    h.keys(&["r"]);
    assert_eq!(h.app.fetching(), Some(FetchProgress { done: 0, total: 2 }));
    let status = status_line(&h);
    assert!(status.contains("fetching 2 feeds…"), "{status}");
    assert!(status.contains("fetching 0/2"), "{status}");

    // A second `r` while the first fetch runs starts nothing.
    h.keys(&["r"]);
    assert!(status_line(&h).contains("already fetching feeds"));

    // Reading goes on meanwhile.
    h.keys(&["j", "Enter"]);
    assert!(h.app.story().open().is_some());

    let mut lines = Vec::new();
    loop {
        let event = next_event(&events);
        let finished = matches!(event, FetchEvent::Finished { .. });
        if let FetchEvent::Feed { done, .. } = &event {
            h.act(Action::Fetch(event.clone()));
            let status = status_line(&h);
            assert!(
                status.contains(&format!("fetching feeds {done}/2 · ")),
                "{status}"
            );
            assert!(status.contains(&format!("fetching {done}/2")), "{status}");
            lines.push(status);
        } else {
            h.act(Action::Fetch(event));
        }
        if finished {
            break;
        }
    }
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .any(|line| line.contains("/world.xml: 2 new, 0 updated")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.contains("/missing.xml: server answered HTTP 404")),
        "{lines:?}"
    );
    assert_eq!(h.app.fetching(), None);
    let status = status_line(&h);
    assert!(
        status.contains("fetched 2 feeds: 2 new stories, 0 updated; 1 failed, 0 skipped"),
        "{status}"
    );
    assert!(status.contains("library: 6 stories"), "{status}");
    assert_eq!(h.app.stories().rows().len(), 6);
    // The new stories are listed, and the selection stayed on the story being read.
    let screen = h.screen();
    assert!(screen.contains("Port talks resume in Mo"), "{screen}");
    assert!(screen.contains("Grain corridor extended"), "{screen}");
    assert_eq!(
        h.app.selected_story().map(|story| story.title.as_str()),
        h.app
            .story()
            .open()
            .map(|story| story.article.title.as_str())
    );

    // The new stories are found by search too (the search index was built anew).
    h.keys(&["/"]);
    h.type_text("Mombasa");
    let screen = h.screen();
    assert!(screen.contains("Port talks resume in Mombasa"), "{screen}");
}

#[test]
fn r_without_subscriptions_says_how_to_add_one() {
    let (sender, events) = channel();
    let mut h = Harness::fetching(160, 45, sender);
    h.keys(&["r"]);
    assert_eq!(h.app.fetching(), None);
    assert!(h.app.status().is_error);
    assert_eq!(
        h.app.status().text,
        "no subscriptions: add one with `sitrep feeds add URL`"
    );
    assert!(events.try_recv().is_err());
}
