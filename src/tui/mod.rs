//! The full-screen reader (Elm shape): [`app::App`] holds state, the [`keymap`] turns keys
//! into [`action::Action`]s, `App::update` changes state and returns [`request::Request`]s
//! for the library, and [`view::draw`] is a pure function of state.

pub mod action;
pub mod app;
pub mod config;
pub mod correction_choice;
pub mod cursor;
pub mod fetcher;
pub mod input;
pub mod keymap;
pub mod library_worker;
pub mod line_edit;
pub mod outside;
pub mod overlay;
pub mod pane;
pub mod panes;
pub mod request;
pub mod runtime;
pub mod search_terms;
pub mod status;
pub mod story_text;
pub mod theme;
pub mod view;

use std::path::Path;

use anyhow::Result;

use crate::fetch::ClientOptions;
use crate::library::Library;
use action::Action;
use app::App;
use fetcher::Fetcher;
use library_worker::LibraryWorker;

/// Opens the reader on the library in `dir`. An empty library first gets the bundled
/// sample (unless `with_sample` is false), imported off the UI thread.
pub fn open(dir: &Path, with_sample: bool) -> Result<()> {
    let library = Library::open(dir)?;
    let (keymap, theme) = config::load(config::config_dir().as_deref())?;
    let start = Action::Start {
        import_sample: with_sample && library.is_empty()?,
    };
    let app = App::new(keymap, theme, 80, 24);
    let (fetch_events, fetches) = std::sync::mpsc::channel();
    let fetcher = Fetcher::new(dir.to_path_buf(), ClientOptions::default(), fetch_events);
    let mut worker = LibraryWorker::new(library).with_fetcher(fetcher);
    runtime::run(app, move |request| worker.handle(request), start, fetches)?;
    Ok(())
}
