//! Importers: bytes in any supported format become clean [`Article`]s.
//!
//! The format is detected from the content (the file name is only a hint).
//! All text is passed through [`crate::sanitize::clean_text`] before it leaves here.

mod byline;
mod dateline;
mod decode;
mod desk;
mod detect;
mod feed;
mod finish;
mod furniture;
mod html;
mod html_body;
mod html_clutter;
mod html_measures;
mod html_meta;
mod html_text;
mod json;
mod markdown;
mod metadata;
mod nesting;
mod scraped;
mod timestamp;
mod timezone;

use std::path::Path;

use crate::model::Article;
use detect::Format;
pub(crate) use html_text::has_reference;

/// What one file yielded: one or more articles, and warnings worth showing the user.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    /// e.g. "invalid UTF-8 decoded lossily".
    pub warnings: Vec<String>,
}

/// Why a file could not be imported; the message names the reason in one line.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    #[error("file is empty")]
    Empty,
    #[error("not a supported format")]
    Unsupported,
    #[error("binary file")]
    Binary,
    #[error("article has no title and no body")]
    NoContent,
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("JSON holds no articles")]
    NoArticles,
    #[error("HTML page has no article text")]
    NoArticle,
    #[error("malformed feed: {0}")]
    Feed(String),
    #[error("feed has no items")]
    NoItems,
    #[error("HTML nested deeper than {0} levels")]
    TooDeep(usize),
    #[error("XML entity declarations are not allowed")]
    EntityDeclaration,
    #[error("not a feed but {0}")]
    NotAFeed(&'static str),
}

/// Parses `bytes`; `name` (a path or file name) is used only as a format hint.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Parsed, IngestError> {
    parse_served(name, bytes, None)
}

/// Parses `bytes` served over HTTP with this `Content-Type` header, whose charset is
/// honoured unless the bytes say otherwise (see `decode.rs`).
pub fn parse_served(
    name: &str,
    bytes: &[u8],
    content_type: Option<&str>,
) -> Result<Parsed, IngestError> {
    let decoded = decode::decode(bytes, content_type)?;
    let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
    let raw_articles = match detect::detect(name, &decoded.text) {
        Format::Scraped => vec![scraped::parse(&decoded.text)],
        Format::Json => json::parse(&decoded.text)?,
        Format::Markdown => vec![markdown::parse(&decoded.text)],
        Format::Html => vec![html::parse(&decoded.text)?],
        Format::Feed => feed::parse(&decoded.text)?,
    };
    let several = raw_articles.len() > 1;
    let mut articles = Vec::with_capacity(raw_articles.len());
    for (index, raw) in raw_articles.into_iter().enumerate() {
        match finish::finish(raw) {
            Ok(article) => articles.push(article),
            Err(error) if several => {
                warnings.push(format!("article {} skipped: {error}", index + 1))
            }
            Err(error) => return Err(error),
        }
    }
    if articles.is_empty() {
        return Err(IngestError::NoContent);
    }
    Ok(Parsed { articles, warnings })
}

/// Parses `bytes` fetched where a feed (RSS, Atom, RDF or JSON) was expected, served
/// with `content_type`: an HTML page or plain text is [`IngestError::NotAFeed`], never
/// one article made of the page.
pub fn parse_feed(
    name: &str,
    bytes: &[u8],
    content_type: Option<&str>,
) -> Result<Parsed, IngestError> {
    let decoded = decode::decode(bytes, content_type)?;
    match detect::detect(name, &decoded.text) {
        Format::Feed | Format::Json => parse_served(name, bytes, content_type),
        Format::Html => Err(IngestError::NotAFeed("an HTML page")),
        Format::Markdown | Format::Scraped => Err(IngestError::NotAFeed("plain text")),
    }
}

/// Reads and parses one file.
pub fn parse_file(path: &Path) -> Result<Parsed, IngestError> {
    let bytes = std::fs::read(path)?;
    parse_bytes(&path.to_string_lossy(), &bytes)
}
