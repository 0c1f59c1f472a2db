//! One GET, as every fetch makes it: conditional, redirects followed and checked hop by
//! hop, credentials kept to their own origin, the host's politeness slot held, the body
//! capped, and the status turned into a result or a [`FetchError`].

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use jiff::Timestamp;
use percent_encoding::percent_decode_str;
use ureq::http::header::{AUTHORIZATION, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use url::{Origin, Url};

use super::FetchError;
use super::address::{Reach, check_literal, check_scheme, is_refusal, without_credentials};
use super::backoff::parse_retry_after;
use super::client::Client;
use super::conditional::Validators;
use super::redirect::Hops;

/// What a GET brought back.
#[derive(Debug)]
pub enum Fetched {
    /// 304: unchanged since the validators were given out.
    NotModified,
    Page(Page),
}

/// A full response.
#[derive(Debug)]
pub struct Page {
    pub bytes: Vec<u8>,
    /// Where it was found, after redirects (without credentials).
    pub url: Url,
    pub validators: Validators,
    /// The `Content-Type` header, whose charset decodes the bytes when they declare none.
    pub content_type: Option<String>,
}

/// A URL's user name and password as a Basic `Authorization` header, for its origin only.
struct Credentials {
    origin: Origin,
    header: String,
}

impl Client {
    /// GETs `url` (http or https), sending `validators` so an unchanged resource costs a 304.
    pub fn get(
        &self,
        url: &Url,
        validators: &Validators,
        reach: Reach,
    ) -> Result<Fetched, FetchError> {
        check_scheme(url)?;
        let credentials = credentials(url);
        let mut hops = Hops::new(without_credentials(url));
        loop {
            let current = hops.current().clone();
            check_literal(&current, reach)?;
            let _slot = self.slots.take(current.host_str().unwrap_or_default());
            let mut request = self.agent(reach).get(current.as_str());
            for (name, value) in validators.request_headers() {
                request = request.header(name, value);
            }
            if let Some(credentials) = &credentials
                && current.origin() == credentials.origin
            {
                request = request.header(AUTHORIZATION, credentials.header.as_str());
            }
            let mut response = request.call().map_err(|error| failure(error, &current))?;
            let header = |name| {
                response
                    .headers()
                    .get(name)
                    .and_then(|value| value.to_str().ok())
                    .map(str::to_string)
            };
            let status = response.status().as_u16();
            match status {
                200..=299 => {
                    let validators = Validators::of(response.headers());
                    let content_type = header(CONTENT_TYPE);
                    let bytes = response
                        .body_mut()
                        .with_config()
                        .limit(self.options.max_bytes)
                        .read_to_vec()
                        .map_err(|error| match error {
                            ureq::Error::BodyExceedsLimit(_) => {
                                FetchError::TooLarge(self.options.max_bytes)
                            }
                            error => failure(error, &current),
                        })?;
                    return Ok(Fetched::Page(Page {
                        bytes,
                        url: current,
                        validators,
                        content_type,
                    }));
                }
                304 => return Ok(Fetched::NotModified),
                301 | 302 | 303 | 307 | 308 => {
                    let location = header(LOCATION).ok_or(FetchError::NoLocation(status))?;
                    hops.follow(&location)?;
                }
                410 => return Err(FetchError::Gone),
                429 | 503 => {
                    return Err(FetchError::RetryLater {
                        status,
                        retry_after: header(RETRY_AFTER)
                            .and_then(|value| parse_retry_after(&value, Timestamp::now())),
                    });
                }
                status => return Err(FetchError::Status(status)),
            }
        }
    }
}

fn credentials(url: &Url) -> Option<Credentials> {
    if url.username().is_empty() && url.password().is_none() {
        return None;
    }
    let decode = |text: &str| percent_decode_str(text).decode_utf8_lossy().into_owned();
    let pair = format!(
        "{}:{}",
        decode(url.username()),
        decode(url.password().unwrap_or_default())
    );
    Some(Credentials {
        origin: url.origin(),
        header: format!("Basic {}", STANDARD.encode(pair)),
    })
}

/// A ureq error as a fetch error (the URL ureq saw holds no credentials).
fn failure(error: ureq::Error, url: &Url) -> FetchError {
    if is_refusal(&error) {
        return FetchError::NotPublic(url.host_str().unwrap_or_default().to_string());
    }
    match error {
        ureq::Error::Timeout(_) => FetchError::Timeout,
        ureq::Error::Io(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            FetchError::Timeout
        }
        ureq::Error::HostNotFound => FetchError::Connection("host not found".to_string()),
        ureq::Error::Io(io) => FetchError::Connection(io.to_string()),
        error => FetchError::Connection(error.to_string()),
    }
}
