//! OPML subscription lists (what other feed readers import and export), read and
//! written with the `opml` crate.
//!
//! Reading: every outline with an `xmlUrl` is a feed; the folders (outlines without
//! one) it sits in and its `category` attribute become its tags. Writing: OPML 2.0,
//! one outline per subscription, tags in `category`, URLs without credentials.

use opml::{Head, OPML, Outline};

use super::address::{http_url, redacted};
use crate::library::Subscription;

/// One feed of a subscription list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub url: String,
    pub title: Option<String>,
    pub tags: Vec<String>,
}

/// True when `bytes` are an OPML document (its root element is `<opml`).
pub fn is_opml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let mut rest = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    // Skip the XML declaration, comments and a doctype before the root element.
    while let Some(after) = rest.strip_prefix("<?").or_else(|| rest.strip_prefix("<!")) {
        match after.find('>') {
            Some(end) => rest = after[end + 1..].trim_start(),
            None => return false,
        }
    }
    rest.starts_with("<opml")
}

/// The feeds listed in an OPML document.
pub fn read(text: &str) -> Result<Vec<OpmlFeed>, String> {
    if text
        .as_bytes()
        .windows(8)
        .any(|window| window.eq_ignore_ascii_case(b"<!ENTITY"))
    {
        return Err("XML entity declarations are not allowed".to_string());
    }
    let document = OPML::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|error| format!("malformed OPML: {error}"))?;
    let mut feeds = Vec::new();
    collect(&document.body.outlines, &[], &mut feeds);
    Ok(feeds)
}

/// Appends the feeds of `outlines`, nested in folders named `folders`.
fn collect(outlines: &[Outline], folders: &[String], feeds: &mut Vec<OpmlFeed>) {
    for outline in outlines {
        let name = outline
            .title
            .clone()
            .filter(|title| !title.trim().is_empty())
            .unwrap_or_else(|| outline.text.clone());
        match &outline.xml_url {
            Some(url) => {
                let mut tags = folders.to_vec();
                let categories = outline.category.as_deref().unwrap_or_default();
                for category in categories.split(',') {
                    let tag = category.trim().trim_start_matches('/');
                    if !tag.is_empty() && !tags.iter().any(|known| known == tag) {
                        tags.push(tag.to_string());
                    }
                }
                feeds.push(OpmlFeed {
                    url: url.trim().to_string(),
                    title: (!name.trim().is_empty()).then_some(name),
                    tags,
                });
            }
            None => {
                let mut inner = folders.to_vec();
                if !name.trim().is_empty() {
                    inner.push(name.trim().to_string());
                }
                collect(&outline.outlines, &inner, feeds);
            }
        }
    }
}

/// An OPML 2.0 document listing `subscriptions`.
pub fn write(subscriptions: &[Subscription]) -> Result<String, String> {
    let outlines = subscriptions
        .iter()
        .map(|subscription| {
            let url = http_url(&subscription.url)
                .map(|url| redacted(&url))
                .unwrap_or_default();
            let title = subscription.title.clone().unwrap_or_else(|| url.clone());
            Outline {
                text: title.clone(),
                title: Some(title),
                r#type: Some("rss".to_string()),
                xml_url: Some(url),
                category: (!subscription.tags.is_empty()).then(|| subscription.tags.join(",")),
                ..Outline::default()
            }
        })
        .collect();
    let document = OPML {
        version: "2.0".to_string(),
        head: Some(Head {
            title: Some("sitrep subscriptions".to_string()),
            ..Head::default()
        }),
        body: opml::Body { outlines },
    };
    document
        .to_string()
        .map(|xml| format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{xml}\n"))
        .map_err(|error| format!("cannot write OPML: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::FeedStatus;

    #[test]
    fn folders_and_categories_become_tags() {
        let text = r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Africa">
    <outline text="Meridian" type="rss" xmlUrl="https://meridian.example/rss" category="/trade,ports"/>
  </outline>
  <outline text="Gulf Post" xmlUrl="https://gulf.example/atom.xml"/>
</body></opml>"#;
        assert!(is_opml(text.as_bytes()));
        let feeds = read(text).unwrap();
        assert_eq!(
            feeds,
            [
                OpmlFeed {
                    url: "https://meridian.example/rss".to_string(),
                    title: Some("Meridian".to_string()),
                    tags: vec!["Africa".into(), "trade".into(), "ports".into()],
                },
                OpmlFeed {
                    url: "https://gulf.example/atom.xml".to_string(),
                    title: Some("Gulf Post".to_string()),
                    tags: Vec::new(),
                },
            ]
        );
    }

    #[test]
    fn written_lists_read_back_without_credentials() {
        let subscription = Subscription {
            id: 1,
            url: "https://reader:s3cret@meridian.example/rss".to_string(),
            title: Some("Meridian & Co".to_string()),
            tags: vec!["trade".to_string()],
            full_text: false,
            etag: None,
            last_modified: None,
            last_fetch: None,
            status: FeedStatus::New,
            new_items: 0,
            error: None,
            failures: 0,
            retry_at: None,
        };
        let xml = write(&[subscription]).unwrap();
        assert!(!xml.contains("s3cret"), "{xml}");
        assert!(xml.contains(r#"version="2.0""#), "{xml}");
        let feeds = read(&xml).unwrap();
        assert_eq!(feeds[0].url, "https://meridian.example/rss");
        assert_eq!(feeds[0].title.as_deref(), Some("Meridian & Co"));
        assert_eq!(feeds[0].tags, ["trade"]);
    }

    #[test]
    fn feeds_and_pages_are_not_opml() {
        assert!(!is_opml(
            b"<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>"
        ));
        assert!(!is_opml(b"<html><body>opml</body></html>"));
        assert!(is_opml(b"\xef\xbb\xbf<!-- list --><opml version=\"1.0\">"));
    }
}
