//! Writing a briefing to a file the analyst names: owner-only (0600), and never over an
//! existing file unless the caller says to replace it.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::LibraryError;
use super::briefing::Briefing;
use super::private::create_private_file;

/// The file formats of a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingFormat {
    /// The Markdown document of [`Briefing::to_markdown`].
    Markdown,
    /// The same content as pretty-printed JSON.
    Json,
}

impl Briefing {
    /// Writes the briefing to `destination` and returns the file's full path. An existing
    /// file is replaced only with `replace`; otherwise it is an error naming the file.
    pub fn write_to(
        &self,
        destination: &Path,
        format: BriefingFormat,
        replace: bool,
    ) -> Result<PathBuf, LibraryError> {
        let failed = |reason: String| LibraryError::Export {
            path: destination.to_path_buf(),
            reason,
        };
        let contents = match format {
            BriefingFormat::Markdown => self.to_markdown(),
            BriefingFormat::Json => {
                let mut json = serde_json::to_string_pretty(self)
                    .map_err(|error| failed(error.to_string()))?;
                json.push('\n');
                json
            }
        };
        let mut file =
            create_private_file(destination, replace).map_err(|error| match error.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    failed("the file exists; choose another name or replace it".to_string())
                }
                _ => failed(error.to_string()),
            })?;
        file.write_all(contents.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|error| failed(error.to_string()))?;
        destination
            .canonicalize()
            .map_err(|error| failed(error.to_string()))
    }
}
