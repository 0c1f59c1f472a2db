//! The reader's background fetch: subscriptions fetched on a thread of their own, with
//! a connection of their own, so reading goes on meanwhile; each finished feed and the
//! end of the run come back as [`FetchEvent`]s (turned into actions by the runtime).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use crate::fetch::{Client, ClientOptions, RunTotals, refresh};
use crate::library::{Library, Subscription};

/// News from a fetch running in the background.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchEvent {
    /// One feed is done: its line, as `sitrep fetch` prints it.
    Feed {
        done: usize,
        total: usize,
        line: String,
        failed: bool,
    },
    /// The run is over: its totals line (or why it could not run), and whether any
    /// story is new or changed.
    Finished {
        summary: String,
        failed: bool,
        changed: bool,
    },
}

/// Starts fetches for the library in `dir`, reporting on `events`.
pub struct Fetcher {
    dir: PathBuf,
    options: ClientOptions,
    events: Sender<FetchEvent>,
}

impl Fetcher {
    pub fn new(dir: PathBuf, options: ClientOptions, events: Sender<FetchEvent>) -> Fetcher {
        Fetcher {
            dir,
            options,
            events,
        }
    }

    /// Fetches `subscriptions` on a new thread; it always ends with `Finished`.
    pub fn start(&self, subscriptions: Vec<Subscription>) {
        let (dir, options, events) = (self.dir.clone(), self.options, self.events.clone());
        std::thread::spawn(move || {
            let run = || fetch(&dir, options, &subscriptions, &events);
            let finished = catch_unwind(AssertUnwindSafe(run))
                .unwrap_or_else(|_| failed_run("internal error while fetching"));
            let _ = events.send(finished);
        });
    }
}

/// Runs the fetch on a connection of its own; says how it ended.
fn fetch(
    dir: &Path,
    options: ClientOptions,
    subscriptions: &[Subscription],
    events: &Sender<FetchEvent>,
) -> FetchEvent {
    let mut library = match Library::open(dir) {
        Ok(library) => library,
        Err(error) => return failed_run(&error.to_string()),
    };
    let client = Client::new(options);
    let ran = refresh(
        &mut library,
        subscriptions,
        &client,
        |report, done, total| {
            let _ = events.send(FetchEvent::Feed {
                done,
                total,
                line: report.line(),
                failed: report.failed(),
            });
        },
    );
    match ran {
        Ok(reports) => {
            let totals = RunTotals::of(&reports);
            FetchEvent::Finished {
                summary: totals.line(),
                failed: totals.failed > 0,
                changed: totals.new + totals.updated > 0,
            }
        }
        Err(error) => failed_run(&error.to_string()),
    }
}

fn failed_run(reason: &str) -> FetchEvent {
    FetchEvent::Finished {
        summary: format!("fetch stopped: {reason}"),
        failed: true,
        // Feeds stored before the error are in the library.
        changed: true,
    }
}
