//! Importers: bytes in any supported format become clean [`Article`]s.
//!
//! The format is detected from the content (the file name is only a hint).
//! All text is passed through [`crate::sanitize::clean_text`] before it leaves here.

use std::path::Path;

use crate::model::Article;

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
}

/// Parses `bytes`; `name` (a path or file name) is used only as a format hint.
pub fn parse_bytes(_name: &str, _bytes: &[u8]) -> Result<Parsed, IngestError> {
    Err(IngestError::Unsupported)
}

/// Reads and parses one file.
pub fn parse_file(path: &Path) -> Result<Parsed, IngestError> {
    let bytes = std::fs::read(path)?;
    parse_bytes(&path.to_string_lossy(), &bytes)
}
