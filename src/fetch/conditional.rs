//! Conditional GET: the validators of a feed's last full response are sent back, so a
//! server whose feed has not changed answers 304 with no body.

use ureq::http::HeaderMap;
use ureq::http::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};

/// A response's `ETag` and `Last-Modified`, kept for the next request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    /// The validators a response carries.
    pub fn of(headers: &HeaderMap) -> Validators {
        let text = |name| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_string)
        };
        Validators {
            etag: text(ETAG),
            last_modified: text(LAST_MODIFIED),
        }
    }

    /// The request headers that make a GET conditional on them.
    pub fn request_headers(&self) -> Vec<(&'static str, &str)> {
        let mut headers = Vec::new();
        if let Some(etag) = &self.etag {
            headers.push((IF_NONE_MATCH.as_str(), etag.as_str()));
        }
        if let Some(date) = &self.last_modified {
            headers.push((IF_MODIFIED_SINCE.as_str(), date.as_str()));
        }
        headers
    }
}
