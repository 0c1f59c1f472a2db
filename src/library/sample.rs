//! The sample briefings compiled into the binary, for a first look at an empty library.

use include_dir::{Dir, DirEntry, include_dir};

use super::pipeline::{ImportReport, Input};
use super::{Library, LibraryError};

static SAMPLE: Dir = include_dir!("$CARGO_MANIFEST_DIR/assets/sample");

impl Library {
    /// Imports the bundled sample briefings (stored with origin `sample:NAME`).
    pub fn import_sample(
        &mut self,
        progress: impl FnMut(usize, usize),
    ) -> Result<ImportReport, LibraryError> {
        let mut inputs = Vec::new();
        collect(&SAMPLE, &mut inputs);
        inputs.sort_by(|a, b| a.0.cmp(&b.0));
        let inputs: Vec<Input> = inputs
            .into_iter()
            .map(|(name, bytes)| Input::Embedded { name, bytes })
            .collect();
        self.import_inputs(&inputs, progress)
    }
}

/// Every story file under `dir`, as (relative path, bytes): hidden files and the
/// README that describes the sample are left out.
fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for entry in dir.entries() {
        let name = entry
            .path()
            .file_name()
            .map(|name| name.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match entry {
            _ if name.starts_with('.') || name == "readme.md" => {}
            DirEntry::Dir(dir) => collect(dir, out),
            DirEntry::File(file) => out.push((file.path().display().to_string(), file.contents())),
        }
    }
}
