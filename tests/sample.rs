//! The bundled sample, the first thing a user sees, is clean: imported into a library,
//! every story has its date and a byline of names only (an outlet after the names is the
//! source); its HTML pages keep
//! their kicker, headline, standfirst and tag line out of the body and give their
//! dateline and tags.

use std::path::{Path, PathBuf};

use sitrep::ingest::parse_file;
use sitrep::library::Library;

fn sample_pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let mut pages = Vec::new();
    for topic in std::fs::read_dir(root).unwrap().flatten() {
        for file in std::fs::read_dir(topic.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if file.path().extension().is_some_and(|ext| ext == "html") {
                pages.push(file.path());
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn every_sample_story_is_dated_with_a_byline_of_names_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let report = library.import_sample(|_, _| {}).unwrap();
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    let stories = library.stories(1000).unwrap();
    assert!(stories.len() > 30);
    for summary in stories {
        let article = library.story(summary.id).unwrap().article;
        let title = &article.title;
        assert!(article.published.is_some(), "{title}: no date");
        let source = article.source.as_deref().unwrap_or("\u{0}");
        if let Some(byline) = &article.byline {
            assert!(
                !byline.contains(source) && !byline.contains(['|', ':', '@']),
                "{title}: byline {byline:?} (source {source:?})"
            );
            assert!(
                !byline.chars().any(|c| c.is_ascii_digit()),
                "{title}: {byline}"
            );
        }
        let first = article.body.split("\n\n").next().unwrap_or_default();
        assert_ne!(first, title, "{title}: headline repeated in the body");
    }
}

#[test]
fn sample_pages_keep_their_furniture_out_of_the_body() {
    let pages = sample_pages();
    assert!(pages.len() >= 5);
    for page in pages {
        let article = parse_file(&page).unwrap().articles.remove(0);
        let name = page.display();
        let paragraphs: Vec<&str> = article.body.split("\n\n").collect();
        assert!(
            !paragraphs.contains(&article.title.as_str()),
            "{name}: headline in the body"
        );
        for highlight in &article.highlights {
            assert!(
                !article.body.contains(highlight.as_str()),
                "{name}: standfirst in the body"
            );
        }
        assert!(
            paragraphs[0].split_whitespace().count() > 12,
            "{name}: the body opens with furniture: {:?}",
            paragraphs[0]
        );
        assert!(
            !article.body.contains("Filed under:")
                && !paragraphs.iter().any(|p| p.starts_with("Share")),
            "{name}: tag or share line in the body"
        );
        assert!(article.dateline.is_some(), "{name}: no dateline");
        assert!(!article.tags.is_empty(), "{name}: no tags");
        assert!(
            !paragraphs.iter().any(|p| p.split_whitespace().count() <= 3),
            "{name}: a kicker or label in the body: {paragraphs:?}"
        );
    }
}
