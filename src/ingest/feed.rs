//! RSS 0.9x/1.0/2.0, Atom and JSON Feed files via feed-rs: each item becomes an article.

use feed_rs::model::{Entry, Feed};

use super::IngestError;
use super::html_text::body_text;
use super::timestamp::to_rfc3339;
use crate::model::Article;

/// Parses feed text into one raw article per item (cleaned later by `finish`).
pub fn parse(text: &str) -> Result<Vec<Article>, IngestError> {
    // feed-rs expands only the predefined XML entities, but a document that declares its
    // own is either hostile (billion laughs) or unusable; refuse it before parsing.
    if declares_entities(text) {
        return Err(IngestError::EntityDeclaration);
    }
    let feed = feed_rs::parser::parse(text.as_bytes())
        .map_err(|error| IngestError::Feed(error.to_string()))?;
    if feed.entries.is_empty() {
        return Err(IngestError::NoItems);
    }
    feed.entries
        .iter()
        .map(|entry| article(&feed, entry))
        .collect()
}

/// True when a DOCTYPE declares entities.
fn declares_entities(text: &str) -> bool {
    text.as_bytes()
        .windows(8)
        .any(|window| window.eq_ignore_ascii_case(b"<!ENTITY"))
}

/// Maps one feed item onto an article; the feed's title is its source.
fn article(feed: &Feed, entry: &Entry) -> Result<Article, IngestError> {
    let content = entry
        .content
        .as_ref()
        .and_then(|content| content.body.clone());
    let summary = entry
        .summary
        .as_ref()
        .map(|summary| summary.content.clone());
    let highlights = match (&content, &summary) {
        (Some(_), Some(summary)) => vec![body_text(summary)?],
        _ => Vec::new(),
    };
    let names: Vec<&str> = entry
        .authors
        .iter()
        .filter_map(|person| person.name.as_deref())
        .collect();
    Ok(Article {
        title: entry
            .title
            .as_ref()
            .map(|title| body_text(&title.content))
            .transpose()?
            .unwrap_or_default(),
        source: feed.title.as_ref().map(|title| title.content.clone()),
        byline: (!names.is_empty()).then(|| names.join(", ")),
        dateline: None,
        published: entry
            .published
            .or(entry.updated)
            .and_then(|time| to_rfc3339(&time.to_rfc3339())),
        highlights,
        body: content
            .or(summary)
            .map(|body| body_text(&body))
            .transpose()?
            .unwrap_or_default(),
        url: entry.links.first().map(|link| link.href.clone()),
        tags: entry
            .categories
            .iter()
            .map(|category| {
                category
                    .label
                    .clone()
                    .unwrap_or_else(|| category.term.clone())
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_item_with_encoded_content() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Meridian</title><item><title>Talks resume</title><link>https://x.example/a</link>
<pubDate>Tue, 14 Mar 2023 09:30:00 +0100</pubDate><dc:creator>Europe Desk</dc:creator><category>EU</category>
<description>Teaser.</description><content:encoded><![CDATA[<p>One.</p><p>Two &amp; three.</p>]]></content:encoded></item></channel></rss>"#;
        let articles = parse(rss).unwrap();
        let article = &articles[0];
        assert_eq!(article.title, "Talks resume");
        assert_eq!(article.source.as_deref(), Some("Meridian"));
        assert_eq!(article.byline.as_deref(), Some("Europe Desk"));
        assert_eq!(
            article.published.as_deref(),
            Some("2023-03-14T08:30:00+00:00")
        );
        assert_eq!(article.body, "One.\n\nTwo & three.");
        assert_eq!(article.highlights, ["Teaser."]);
        assert_eq!(article.tags, ["EU"]);
        assert_eq!(article.url.as_deref(), Some("https://x.example/a"));
    }

    #[test]
    fn empty_feed_and_entity_bomb_are_errors() {
        let empty = r#"<rss version="2.0"><channel><title>T</title></channel></rss>"#;
        assert!(matches!(parse(empty), Err(IngestError::NoItems)));
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss version="2.0"><channel><item><title>&b;</title></item></channel></rss>"#;
        assert!(matches!(parse(bomb), Err(IngestError::EntityDeclaration)));
    }
}
