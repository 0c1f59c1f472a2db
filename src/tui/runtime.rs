//! The reader's event loop: terminal set-up and restore, input, a worker thread for
//! library requests, signals. Everything else lives in `App` and `view`.

use std::cell::Cell;
use std::io;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::fetcher::FetchEvent;
use crate::tui::input::to_action;
use crate::tui::outside::{self, Outside};
use crate::tui::request::{Request, Response, SearchPage};
use crate::tui::view;

/// Set in the environment, this makes the reader panic after its first frame: the tests
/// use it to prove the terminal is restored after a panic.
pub const PANIC_TRIGGER: &str = "SITREP_TEST_PANIC";

/// How long the loop waits for input before looking at the worker and signals again.
const POLL: Duration = Duration::from_millis(40);

/// How long it waits while the worker owes answers: an answer (a search's results) is on
/// screen at most this long after the worker sends it, not a whole [`POLL`] later.
const POLL_WHILE_WAITING: Duration = Duration::from_millis(3);

/// Runs the reader until the user quits or a signal ends it; the terminal is restored
/// on every path (quit, error, SIGTERM/SIGINT/SIGHUP, and panics through ratatui's hook).
/// `handle` answers requests on a worker thread; `start` is the first action;
/// `fetches` brings news from background fetches.
pub fn run<H>(
    mut app: App,
    handle: H,
    start: Action,
    fetches: Receiver<FetchEvent>,
) -> io::Result<()>
where
    H: FnMut(Request) -> Response + Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let panic_after_first_frame = std::env::var_os(PANIC_TRIGGER).is_some();
    let mut terminal = ratatui::try_init()?;
    keep_terminal_on_worker_panic();
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|_| {
        let size = terminal.size()?;
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        let (requests, responses) = spawn_worker(handle);
        let channels = Channels {
            requests,
            responses,
            fetches,
            owed: Cell::new(0),
        };
        for request in app.update(start) {
            channels.send(request);
        }
        event_loop(
            &mut terminal,
            &mut app,
            &channels,
            &stop,
            panic_after_first_frame,
        )
    });
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Where requests go and answers and fetch news come from.
struct Channels {
    requests: Sender<Request>,
    responses: Receiver<WorkerAnswer>,
    fetches: Receiver<FetchEvent>,
    /// Requests sent and not yet answered (the worker answers every one).
    owed: Cell<usize>,
}

impl Channels {
    fn send(&self, request: Request) {
        if self.requests.send(request).is_ok() {
            self.owed.set(self.owed.get() + 1);
        }
    }

    /// The worker's answers that are waiting, counted off what it owes; a stopped
    /// worker owes nothing more.
    fn answers(&self) -> Vec<WorkerAnswer> {
        let answers: Vec<WorkerAnswer> = self.responses.try_iter().collect();
        let owed = if answers
            .iter()
            .any(|a| matches!(a, WorkerAnswer::Stopped(_)))
        {
            0
        } else {
            self.owed.get().saturating_sub(answers.len())
        };
        self.owed.set(owed);
        answers
    }

    /// How long to wait for input: briefly while answers are owed.
    fn poll_timeout(&self) -> Duration {
        if self.owed.get() > 0 {
            POLL_WHILE_WAITING
        } else {
            POLL
        }
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    channels: &Channels,
    stop: &AtomicBool,
    panic_after_first_frame: bool,
) -> io::Result<()> {
    let mut drawn = None;
    loop {
        if drawn != Some(app.revision()) {
            terminal.draw(|frame| view::draw(app, frame))?;
            drawn = Some(app.revision());
        }
        if panic_after_first_frame {
            panic!("{PANIC_TRIGGER} is set: panicking to test terminal restore");
        }
        // Take every input that is waiting before drawing again, so bursts cost one frame.
        // Each event is mapped against the state its predecessors left ("/" then "grain"
        // types into the search line it opened).
        let update = |app: &mut App, action: Action| {
            for request in app.update(action) {
                channels.send(request);
            }
        };
        if event::poll(channels.poll_timeout())? {
            loop {
                let event = event::read()?;
                if let Some(action) = to_action(app, &event) {
                    update(app, action);
                }
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        for response in channels.answers() {
            let action = match response {
                WorkerAnswer::Response(response) => Action::Loaded(response),
                WorkerAnswer::Stopped(reason) => Action::WorkerStopped(reason),
            };
            update(app, action);
        }
        for event in channels.fetches.try_iter() {
            update(app, Action::Fetch(event));
        }
        // Time passing redraws nothing unless it leaves work waiting (see App::revision).
        for request in app.update(Action::Tick(Instant::now())) {
            channels.send(request);
        }
        if let Some(text) = app.external_edit() {
            let result =
                edit_externally(terminal, &text).map_err(|e| format!("external editor: {e}"));
            app.update(Action::ExternalEdited(result))
                .into_iter()
                .for_each(|request| channels.send(request));
        }
        if let Some(work) = app.outside().cloned() {
            let result = carry_out(&work);
            app.update(Action::OutsideDone(result));
        }
        if app.should_quit() || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
    }
}

/// Opens or copies a URL; the answer is a line for the status bar.
fn carry_out(work: &Outside) -> Result<String, String> {
    match work {
        Outside::OpenUrl(url) => {
            let browser = std::env::var("BROWSER").ok();
            let mut child = outside::open_url(browser.as_deref(), url)
                .map_err(|e| format!("cannot start the browser: {e}"))?;
            // Reaped in the background, so a browser that stays open blocks nothing.
            thread::spawn(move || child.wait());
            Ok(format!("opened {url}"))
        }
        Outside::CopyUrl(url) => {
            use std::io::Write;
            let mut out = io::stdout();
            out.write_all(outside::osc52(url).as_bytes())
                .and_then(|_| out.flush())
                .map_err(|e| format!("cannot copy: {e}"))?;
            Ok(format!("copied {url}"))
        }
    }
}

/// What the worker thread sends back.
#[derive(Debug)]
enum WorkerAnswer {
    Response(Response),
    /// The worker panicked while answering; the message says why. It answers no more.
    Stopped(String),
}

/// The name of the worker thread, so its panic does not restore the terminal.
const WORKER_THREAD: &str = "sitrep-library";

/// Wraps the panic hook (ratatui's, which restores the terminal) so that a panic on the
/// worker thread leaves the reader's screen alone: the worker reports it instead.
fn keep_terminal_on_worker_panic() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().name() != Some(WORKER_THREAD) {
            hook(info);
        }
    }));
}

/// Starts the thread that answers requests in order. A search superseded by a newer one
/// still waiting in the queue is skipped, so typing never queues up stale work.
/// A panic while answering is caught: the worker reports it as `Stopped` and ends.
fn spawn_worker<H>(mut handle: H) -> (Sender<Request>, Receiver<WorkerAnswer>)
where
    H: FnMut(Request) -> Response + Send + 'static,
{
    let (request_tx, request_rx) = mpsc::channel::<Request>();
    let (response_tx, response_rx) = mpsc::channel();
    let worker = thread::Builder::new().name(WORKER_THREAD.to_string());
    let spawned = worker.spawn(move || {
        while let Ok(first) = request_rx.recv() {
            let mut batch = vec![first];
            batch.extend(request_rx.try_iter());
            let last_search = batch
                .iter()
                .rposition(|r| matches!(r, Request::Search { .. }));
            for (i, request) in batch.into_iter().enumerate() {
                let response = match request {
                    // Still answered, so the busy count stays right; the app drops it by generation.
                    Request::Search { generation, .. } if Some(i) != last_search => {
                        Response::Search {
                            generation,
                            page: SearchPage::default(),
                        }
                    }
                    request => {
                        match std::panic::catch_unwind(AssertUnwindSafe(|| handle(request))) {
                            Ok(response) => response,
                            Err(payload) => {
                                let reason = panic_message(payload.as_ref());
                                let _ = response_tx.send(WorkerAnswer::Stopped(reason));
                                return;
                            }
                        }
                    }
                };
                if response_tx.send(WorkerAnswer::Response(response)).is_err() {
                    return;
                }
            }
        }
    });
    if let Err(error) = spawned {
        let (dead_tx, dead_rx) = mpsc::channel();
        let _ = dead_tx.send(WorkerAnswer::Stopped(format!(
            "cannot start the library worker: {error}"
        )));
        return (request_tx, dead_rx);
    }
    (request_tx, response_rx)
}

/// The text a panic was raised with.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_string())
}

/// Hands the terminal to $VISUAL (or $EDITOR, or vi) on a temporary file holding `text`,
/// then takes it back; returns the file's text.
fn edit_externally(terminal: &mut ratatui::DefaultTerminal, text: &str) -> io::Result<String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let file = crate::library::editor_file(text)?;
    let path = file.path();
    execute!(io::stdout(), DisableMouseCapture)?;
    ratatui::restore();
    // Through the shell, so an editor with arguments ("code --wait") works.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sitrep")
        .arg(path)
        .status();
    *terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableMouseCapture)?;
    terminal.clear()?;
    let edited = std::fs::read_to_string(path);
    drop(file);
    match status {
        Ok(status) if status.success() => edited,
        Ok(status) => Err(io::Error::other(format!(
            "{editor} exited with {status}; note kept in the editor"
        ))),
        Err(error) => Err(io::Error::other(format!("cannot run {editor}: {error}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_panic_is_reported_and_the_worker_stops() {
        let (requests, answers) = spawn_worker(|request| match request {
            Request::LoadStories => Response::Done,
            _ => panic!("broken index"),
        });
        requests.send(Request::LoadStories).unwrap();
        requests.send(Request::AllNotes).unwrap();
        let first = answers.recv().unwrap();
        assert!(matches!(first, WorkerAnswer::Response(Response::Done)));
        let Ok(WorkerAnswer::Stopped(reason)) = answers.recv() else {
            panic!("the panic is reported")
        };
        assert_eq!(reason, "broken index");
        assert!(answers.recv().is_err(), "the worker ended");
    }
}
