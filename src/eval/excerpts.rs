//! How well an import tells a teaser from a new text (see `library/excerpt.rs`), on
//! Mozilla Readability's test pages: each page directory holds `expected.html` (the
//! article) and `expected-metadata.json` (its title and meta description).
//!
//! Copies that are excerpts and must be taken as such: each page's first paragraph, and
//! its meta description (some describe the site, not the story, and rightly fail).
//! Copies that are not, and must not be: the page without its last paragraph (an edit,
//! for pages of four paragraphs or more), and the first paragraph of every page of
//! another site (a stress test: a real copy shares the stored story's URL).

use std::fmt;
use std::path::Path;

use crate::ingest;
use crate::library::is_excerpt;

/// A page read for the test: its title, meta description and body paragraphs.
struct Page {
    site: String,
    title: String,
    description: String,
    paragraphs: Vec<String>,
}

/// Counts of copies taken for excerpts, out of those tried, per kind of copy.
#[derive(Debug, Default)]
pub struct ExcerptScores {
    pub pages: usize,
    pub lead: (usize, usize),
    pub description: (usize, usize),
    pub edit: (usize, usize),
    pub other_site: (usize, usize),
}

/// Scores the page directories under `dir`; pages without text or metadata are skipped.
pub fn score_excerpts(dir: &Path) -> anyhow::Result<ExcerptScores> {
    let mut pages = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for page_dir in entries {
        if let Some(page) = read_page(&page_dir) {
            pages.push(page);
        }
    }
    let mut scores = ExcerptScores {
        pages: pages.len(),
        ..ExcerptScores::default()
    };
    for page in &pages {
        let body = page.paragraphs.join("\n\n");
        let excerpt = |copy: &str| usize::from(is_excerpt(copy, &page.title, &[], &body));
        add(&mut scores.lead, excerpt(&page.paragraphs[0]));
        if !page.description.trim().is_empty() {
            add(&mut scores.description, excerpt(&page.description));
        }
        if page.paragraphs.len() >= 4 {
            let edited = page.paragraphs[..page.paragraphs.len() - 1].join("\n\n");
            add(&mut scores.edit, excerpt(&edited));
        }
        for other in pages.iter().filter(|other| other.site != page.site) {
            add(&mut scores.other_site, excerpt(&other.paragraphs[0]));
        }
    }
    Ok(scores)
}

fn add(tally: &mut (usize, usize), hit: usize) {
    tally.0 += hit;
    tally.1 += 1;
}

/// The page in `dir`, if it has metadata and at least two paragraphs of text.
fn read_page(dir: &Path) -> Option<Page> {
    let metadata: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected-metadata.json")).ok()?).ok()?;
    let html = std::fs::read(dir.join("expected.html")).ok()?;
    let article = ingest::parse_bytes("expected.html", &html)
        .ok()?
        .articles
        .pop()?;
    let paragraphs: Vec<String> = article.body.split("\n\n").map(str::to_string).collect();
    let text = |key: &str| metadata[key].as_str().unwrap_or_default().to_string();
    let name = dir.file_name()?.to_string_lossy().into_owned();
    (paragraphs.len() >= 2).then(|| Page {
        // "nytimes-2" and "nytimes-5" are one site.
        site: name.split('-').next().unwrap_or_default().to_string(),
        title: text("title"),
        description: text("excerpt"),
        paragraphs,
    })
}

impl fmt::Display for ExcerptScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "copy                               taken for an excerpt")?;
        for (name, (hits, total)) in [
            ("lead paragraph (should)", self.lead),
            ("meta description (should)", self.description),
            ("page less its last paragraph (not)", self.edit),
            ("another site's lead (not)", self.other_site),
        ] {
            let share = if total == 0 {
                0.0
            } else {
                hits as f64 / total as f64
            };
            writeln!(f, "{name:<36} {share:.3} {hits:>6}/{total}")?;
        }
        write!(f, "pages: {}", self.pages)
    }
}
