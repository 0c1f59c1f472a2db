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

#[cfg(test)]
mod tests {
    use super::super::Library;

    /// What a user sees first has every story dated and its metadata in its fields, not
    /// in the body (the HTML pages: `tests/sample.rs`).
    #[test]
    fn the_sample_stories_are_dated_with_clean_bylines_and_leads() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let report = library.import_sample(|_, _| {}).unwrap();
        assert!(report.failures.is_empty() && report.warnings.is_empty());
        for story in library.stories(100).unwrap() {
            let article = library.story(story.id).unwrap().article;
            let title = &article.title;
            assert!(article.published.is_some(), "{title}: no date");
            let byline = article.byline.as_deref().unwrap_or_default();
            assert!(
                !byline.contains(['|', ':']) && byline.split_whitespace().count() <= 8,
                "{title}: byline {byline:?}"
            );
            let lead = article.body.split("\n\n").next().unwrap_or_default();
            assert!(
                byline.is_empty() || !lead.contains(byline),
                "{title}: lead repeats the byline: {lead}"
            );
            let first_word = lead.split([' ', ',']).next().unwrap_or_default();
            let head: String = lead.chars().take(60).collect();
            let wire_dateline = first_word.chars().count() > 2
                && first_word.chars().all(char::is_uppercase)
                && (head.contains(" \u{2014} ") || head.contains(" - "));
            assert!(!wire_dateline, "{title}: dateline left in the lead: {lead}");
        }
    }
}
