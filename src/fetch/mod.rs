//! Subscriptions over HTTP: fetches feeds politely and safely, hands their bytes to
//! [`crate::ingest`] and their stories to [`crate::library`]. It parses no format
//! itself (OPML subscription lists aside) and touches no SQL.
//!
//! - [`client`]: the HTTP agents, timeouts, size cap, User-Agent and proxies;
//! - [`get`](mod@get): one GET — conditional ([`conditional`]), redirects checked hop by hop
//!   ([`redirect`]), at most two requests per host ([`politeness`]);
//! - [`address`]: which URLs and addresses may be fetched, and credentials kept out of sight;
//! - [`backoff`]: when a failing feed is tried again;
//! - [`full_text`]: an item's linked page read as its story;
//! - [`refresh`](mod@refresh): fetching many subscriptions at once, one [`FeedReport`] per feed;
//! - [`opml`]: subscription lists in and out.

pub mod address;
pub mod backoff;
pub mod client;
pub mod conditional;
mod error;
pub mod full_text;
pub mod get;
pub mod opml;
pub mod politeness;
pub mod redirect;
pub mod refresh;
mod report;

pub use client::{Client, ClientOptions};
pub use error::FetchError;
pub use refresh::refresh;
pub use report::{FeedReport, FeedResult, RunTotals};
