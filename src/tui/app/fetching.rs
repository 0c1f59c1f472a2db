//! `r` in the reader: subscriptions fetched in the background, progress on the status
//! line, and the stories list reloaded when new stories came in.

use crate::tui::app::App;
use crate::tui::fetcher::FetchEvent;
use crate::tui::request::Request;
use crate::tui::status::Status;

/// A fetch running in the background: feeds done out of all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FetchProgress {
    pub done: usize,
    pub total: usize,
}

impl App {
    /// Asks for a fetch of every subscription, unless one is running.
    pub(crate) fn start_fetch(&mut self) -> Vec<Request> {
        if self.fetching.is_some() {
            return self.hint("already fetching feeds");
        }
        self.status = Status::hint("fetching feeds…");
        vec![Request::FetchFeeds]
    }

    /// The worker started fetching `total` feeds.
    pub(crate) fn fetch_started(&mut self, total: usize) -> Vec<Request> {
        self.fetching = Some(FetchProgress { done: 0, total });
        self.status = Status::hint(&format!("fetching {total} feeds…"));
        Vec::new()
    }

    /// A feed finished, or the whole fetch did.
    pub(crate) fn fetch_event(&mut self, event: FetchEvent) -> Vec<Request> {
        match event {
            FetchEvent::Feed {
                done,
                total,
                line,
                failed,
            } => {
                self.fetching = Some(FetchProgress { done, total });
                let text = format!("fetching feeds {done}/{total} · {line}");
                self.status = if failed {
                    Status::error(text)
                } else {
                    Status::hint(&text)
                };
                Vec::new()
            }
            FetchEvent::Finished {
                summary,
                failed,
                changed,
            } => {
                self.fetching = None;
                self.status = if failed {
                    Status::error(summary)
                } else {
                    Status::hint(&summary)
                };
                if changed {
                    vec![Request::ReloadStories]
                } else {
                    Vec::new()
                }
            }
        }
    }
}
