//! The reader's event loop: terminal set-up and restore, input, a worker thread for
//! library requests, signals. Everything else lives in `App` and `view`.

use std::io;
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
use crate::tui::request::{Request, Response, SearchPage};
use crate::tui::view;

/// Set in the environment, this makes the reader panic after its first frame: the tests
/// use it to prove the terminal is restored after a panic.
pub const PANIC_TRIGGER: &str = "SITREP_TEST_PANIC";

/// How long the loop waits for input before looking at the worker and signals again.
const POLL: Duration = Duration::from_millis(40);

/// Runs the reader until the user quits or a signal ends it; the terminal is restored
/// on every path (quit, error, SIGTERM/SIGINT/SIGHUP, and panics through ratatui's hook).
/// `handle` answers requests on a worker thread; `first` are the requests sent at start;
/// `fetches` brings news from background fetches.
pub fn run<H>(
    mut app: App,
    handle: H,
    first: Vec<Request>,
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
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|_| {
        let size = terminal.size()?;
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        let (requests, responses) = spawn_worker(handle);
        app.pending += first.len();
        for request in first {
            let _ = requests.send(request);
        }
        let channels = Channels {
            requests,
            responses,
            fetches,
        };
        event_loop(&mut terminal, &mut app, &channels, &stop)
    });
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Where requests go and answers and fetch news come from.
struct Channels {
    requests: Sender<Request>,
    responses: Receiver<Response>,
    fetches: Receiver<FetchEvent>,
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    channels: &Channels,
    stop: &AtomicBool,
) -> io::Result<()> {
    loop {
        terminal.draw(|frame| view::draw(app, frame))?;
        if std::env::var_os(PANIC_TRIGGER).is_some() {
            panic!("{PANIC_TRIGGER} is set: panicking to test terminal restore");
        }
        // Take every input that is waiting before drawing again, so bursts cost one frame.
        // Each event is mapped against the state its predecessors left ("/" then "grain"
        // types into the search line it opened).
        let update = |app: &mut App, action: Action| {
            for request in app.update(action) {
                let _ = channels.requests.send(request);
            }
        };
        if event::poll(POLL)? {
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
        for response in channels.responses.try_iter() {
            update(app, Action::Loaded(response));
        }
        for event in channels.fetches.try_iter() {
            update(app, Action::Fetch(event));
        }
        update(app, Action::Tick(Instant::now()));
        if let Some(editor) = app.external_edit.take() {
            let result = edit_externally(terminal, &editor.text())
                .map_err(|e| format!("external editor: {e}"));
            update(app, Action::ExternalEdited { editor, result });
        }
        if app.should_quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
    }
}

/// Starts the thread that answers requests in order. A search superseded by a newer one
/// still waiting in the queue is skipped, so typing never queues up stale work.
fn spawn_worker<H>(mut handle: H) -> (Sender<Request>, Receiver<Response>)
where
    H: FnMut(Request) -> Response + Send + 'static,
{
    let (request_tx, request_rx) = mpsc::channel::<Request>();
    let (response_tx, response_rx) = mpsc::channel();
    thread::spawn(move || {
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
                    request => handle(request),
                };
                if response_tx.send(response).is_err() {
                    return;
                }
            }
        }
    });
    (request_tx, response_rx)
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
