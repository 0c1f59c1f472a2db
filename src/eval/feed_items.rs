//! What the importer makes of real feed files (feed-rs's fixtures, say): every file
//! under a directory but JSON is parsed, and its items are counted for the faults a
//! reader would see — no title, character references or an aggregator's footer left in
//! the text, mojibake, no publication time — and the files that failed or warned.

use std::fmt;
use std::path::Path;

use crate::ingest;
use crate::model::Article;

/// Counts over the files and their items.
#[derive(Debug, Default)]
pub struct FeedScores {
    pub files: usize,
    pub failed: usize,
    pub warned: usize,
    pub items: usize,
    pub untitled: usize,
    pub references_left: usize,
    pub aggregator_footer: usize,
    pub mojibake: usize,
    pub undated: usize,
}

/// Parses every non-JSON file under `dir` (recursively) and counts.
pub fn score_feeds(dir: &Path) -> anyhow::Result<FeedScores> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    let mut scores = FeedScores::default();
    for path in files {
        scores.files += 1;
        match ingest::parse_file(&path) {
            Err(_) => scores.failed += 1,
            Ok(parsed) => {
                scores.warned += usize::from(!parsed.warnings.is_empty());
                for article in &parsed.articles {
                    scores.add(article);
                }
            }
        }
    }
    Ok(scores)
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_none_or(|ext| ext != "json") {
            out.push(path);
        }
    }
    Ok(())
}

impl FeedScores {
    fn add(&mut self, article: &Article) {
        let text = format!("{}\n{}", article.title, article.body);
        self.items += 1;
        self.untitled += usize::from(article.title.trim().is_empty());
        self.references_left += usize::from(ingest::has_reference(&text));
        self.aggregator_footer +=
            usize::from(text.contains("[link]") || text.contains("[comments]"));
        // UTF-8 read as Latin-1 ("Ã©", "â€™"), or bytes no encoding could read.
        self.mojibake += usize::from(
            ["Ã", "â€", "ï¿½", "\u{fffd}"]
                .iter()
                .any(|mark| text.contains(mark)),
        );
        self.undated += usize::from(article.published.is_none());
    }
}

impl fmt::Display for FeedScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "files {}, failed {}, with warnings {}",
            self.files, self.failed, self.warned
        )?;
        writeln!(f, "items {}", self.items)?;
        for (name, count) in [
            ("untitled", self.untitled),
            ("character references left", self.references_left),
            ("aggregator footer left", self.aggregator_footer),
            ("mojibake", self.mojibake),
            ("no publication time", self.undated),
        ] {
            writeln!(f, "  {name:<28} {count}")?;
        }
        Ok(())
    }
}
