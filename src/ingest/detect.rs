//! Which importer a file needs, judged from its content; the file name only breaks ties.

/// The formats sitrep reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Text copied from a news page.
    Scraped,
    /// One article object, an array, a wrapper object or JSON Lines.
    Json,
    /// Markdown, usually with front matter.
    Markdown,
    /// An HTML article page.
    Html,
    /// An RSS, RDF or Atom feed.
    Feed,
}

/// Picks the format of `text`; `name` is a file name or path used as a hint.
pub fn detect(name: &str, text: &str) -> Format {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    let prose_extension = matches!(extension.as_str(), "txt" | "md" | "markdown");
    if (start.starts_with('{') || start.starts_with('[')) && !prose_extension {
        return Format::Json;
    }
    if start.starts_with('<') {
        return markup_format(start);
    }
    if start.starts_with("---") || matches!(extension.as_str(), "md" | "markdown") {
        return Format::Markdown;
    }
    Format::Scraped
}

/// Feed or HTML, from the root element near the start of the document.
fn markup_format(start: &str) -> Format {
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let feed_root = ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .filter_map(|tag| head.find(tag))
        .min();
    let html_root = [
        "<html",
        "<!doctype html",
        "<body",
        "<head",
        "<article",
        "<p",
        "<div",
    ]
    .iter()
    .filter_map(|tag| head.find(tag))
    .min();
    match (feed_root, html_root) {
        (Some(feed), Some(html)) if html < feed => Format::Html,
        (Some(_), _) => Format::Feed,
        (None, Some(_)) => Format::Html,
        (None, None) if head.starts_with("<?xml") => Format::Feed,
        (None, None) => Format::Html,
    }
}

#[cfg(test)]
mod tests {
    use super::{Format, detect};

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(
            detect("story.txt", "<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            detect("a.json", "<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(
            detect("page", "\u{feff}<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(detect("x.html", " [{\"title\":\"t\"}]"), Format::Json);
        assert_eq!(
            detect("notes", "---\ntitle: T\n---\nBody"),
            Format::Markdown
        );
    }

    #[test]
    fn extension_breaks_ties_for_prose() {
        assert_eq!(detect("story.md", "# Title\n\nBody"), Format::Markdown);
        assert_eq!(detect("story.txt", "# Title\n\nBody"), Format::Scraped);
        assert_eq!(
            detect("story.txt", "[Updated] Talks resume"),
            Format::Scraped
        );
    }
}
