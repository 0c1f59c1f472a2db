//! Why fetching one URL failed, in one line that never holds a URL's credentials.

use std::time::Duration;

use crate::ingest::IngestError;

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("invalid URL: {0}")]
    BadUrl(String),
    #[error("{0}: URLs are not fetched, only http and https")]
    Scheme(String),
    #[error("{0} is not a public address (only a feed on a private host may reach one)")]
    NotPublic(String),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("redirect loop")]
    RedirectLoop,
    #[error("redirect ({0}) without a Location")]
    NoLocation(u16),
    #[error("gone (HTTP 410): the server says the feed was removed")]
    Gone,
    #[error("{}", retry_message(*.status, *.retry_after))]
    RetryLater {
        status: u16,
        retry_after: Option<Duration>,
    },
    #[error("server answered HTTP {0}")]
    Status(u16),
    #[error("timed out")]
    Timeout,
    #[error("response larger than {0} bytes")]
    TooLarge(u64),
    #[error("cannot connect: {0}")]
    Connection(String),
    #[error("{0}")]
    Ingest(#[from] IngestError),
    #[error("internal error while fetching")]
    Internal,
}

fn retry_message(status: u16, retry_after: Option<Duration>) -> String {
    let busy = if status == 429 {
        "too many requests (HTTP 429)"
    } else {
        "server unavailable (HTTP 503)"
    };
    match retry_after {
        Some(wait) => format!("{busy}; asked to wait {}s", wait.as_secs()),
        None => busy.to_string(),
    }
}

impl FetchError {
    /// How long the server asked to be left alone, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::RetryLater { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}
