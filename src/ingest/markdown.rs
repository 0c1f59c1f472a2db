//! Markdown stories with YAML-style front matter (`---` … `---`): title, date, source,
//! url, tags (a list or a comma string), author/byline, dateline. The body is reduced
//! to plain paragraphs; a leading `# Title` is the title when front matter has none.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::timestamp::to_rfc3339;
use crate::model::Article;

/// Parses Markdown text into a raw article (cleaned later by `finish`).
pub fn parse(text: &str) -> Article {
    let text = text.trim_start_matches('\u{feff}');
    let (front, markdown) = split_front_matter(text);
    let mut article = Article::default();
    for (key, value) in &front {
        apply_field(&mut article, key, value);
    }
    let (heading, mut paragraphs) = paragraphs(markdown);
    match heading {
        Some(heading) if article.title.is_empty() => article.title = heading,
        // Kept as the first paragraph; `finish` drops it when it repeats the title.
        Some(heading) => paragraphs.insert(0, heading),
        None => {}
    }
    article.body = paragraphs.join("\n\n");
    article
}

/// A front-matter key with its values (one for scalars, several for lists).
type Field = (String, Vec<String>);

/// Splits `---` front matter from the Markdown after it.
fn split_front_matter(text: &str) -> (Vec<Field>, &str) {
    let Some(rest) = text
        .strip_prefix("---")
        .filter(|rest| rest.starts_with(['\n', '\r']))
    else {
        return (Vec::new(), text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        if offset > line.len() && matches!(line.trim_end(), "---" | "...") {
            return (fields(&rest[..offset - line.len()]), &rest[offset..]);
        }
    }
    (Vec::new(), text)
}

/// `key: value`, `key: [a, b]` and `key:` followed by `- item` lines.
fn fields(front: &str) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    for line in front.lines() {
        let trimmed = line.trim();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some((_, values)) = out.last_mut() {
                values.push(unquote(item));
            }
        } else if let Some((key, value)) = trimmed.split_once(':') {
            let value = value.trim();
            let values = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                Some(inner) => inner.split(',').map(unquote).collect(),
                None if value.is_empty() => Vec::new(),
                None => vec![unquote(value)],
            };
            out.push((key.trim().to_ascii_lowercase(), values));
        }
    }
    out
}

/// Removes matching surrounding quotes.
fn unquote(value: &str) -> String {
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner.to_string();
        }
    }
    value.to_string()
}

/// Copies one front-matter field onto the article.
fn apply_field(article: &mut Article, key: &str, values: &[String]) {
    let joined = values.join(", ");
    let value = Some(joined.clone()).filter(|v| !v.is_empty());
    match key {
        "title" | "headline" => article.title = joined,
        "date" | "published" | "pubdate" | "published_at" => {
            article.published = to_rfc3339(&joined)
        }
        "source" | "publisher" | "outlet" => article.source = value,
        "url" | "link" | "canonical_url" => article.url = value,
        "author" | "authors" | "byline" => article.byline = value,
        "dateline" | "location" => article.dateline = value,
        "tags" | "keywords" | "categories" => {
            article.tags = values
                .iter()
                .flat_map(|v| v.split(','))
                .map(|t| t.trim().to_string())
                .collect()
        }
        "highlights" | "summary" | "description" => {
            article.highlights.extend(values.iter().cloned())
        }
        _ => {}
    }
}

/// Plain paragraphs of the Markdown, and its leading level-1 heading if the document
/// opens with one.
fn paragraphs(markdown: &str) -> (Option<String>, Vec<String>) {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut title = None;
    let mut in_title = false;
    let mut image_depth = 0usize;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if paragraphs.is_empty() && title.is_none() => {
                in_title = true;
            }
            Event::End(TagEnd::Heading(_)) if in_title => {
                in_title = false;
                title = Some(std::mem::take(&mut current).trim().to_string());
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if image_depth == 0 => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => {
                let paragraph = std::mem::take(&mut current);
                if !paragraph.trim().is_empty() {
                    paragraphs.push(paragraph.trim().to_string());
                }
            }
            _ => {}
        }
    }
    if !current.trim().is_empty() {
        paragraphs.push(current.trim().to_string());
    }
    (title, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_markdown_body() {
        let article = parse(
            "---\ntitle: \"Talks resume\"\ndate: 2023-03-14T09:30:00+01:00\ntags:\n  - EU\n  - ASEAN\nauthor: Europe Desk\n---\n\n## Background\n\nThe *talks* resumed, says [the desk](https://x.example).\nSecond line.\n\n![Photo](x.png)\n\n- one\n- two\n",
        );
        assert_eq!(article.title, "Talks resume");
        assert_eq!(
            article.published.as_deref(),
            Some("2023-03-14T09:30:00+01:00")
        );
        assert_eq!(article.tags, ["EU", "ASEAN"]);
        assert_eq!(article.byline.as_deref(), Some("Europe Desk"));
        assert_eq!(
            article.body,
            "Background\n\nThe talks resumed, says the desk. Second line.\n\none\n\ntwo"
        );
    }

    #[test]
    fn leading_heading_is_the_title_without_front_matter() {
        let article = parse("# Ceasefire holds\n\nBody text.\n");
        assert_eq!(article.title, "Ceasefire holds");
        assert_eq!(article.body, "Body text.");
        let article = parse("---\ntags: a, b\n---\nBody only.");
        assert_eq!(article.tags, ["a", "b"]);
        assert_eq!(article.title, "");
    }
}
