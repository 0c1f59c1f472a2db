//! Full text: for a feed whose items are teasers, the item's linked page is fetched
//! and read by the HTML importer; the feed's own metadata fills what the page lacks.

use super::FetchError;
use super::address::{Reach, http_url};
use super::client::Client;
use super::conditional::Validators;
use super::get::Fetched;
use crate::ingest::{self, IngestError};
use crate::model::Article;

/// The story on `item`'s linked page (http or https only), completed from `item`.
pub fn with_full_text(
    client: &Client,
    item: &Article,
    reach: Reach,
) -> Result<Article, FetchError> {
    let link = item
        .url
        .as_deref()
        .ok_or_else(|| FetchError::BadUrl("the item has no link".to_string()))?;
    let url = http_url(link)?;
    let page = match client.get(&url, &Validators::default(), reach)? {
        Fetched::Page(page) => page,
        Fetched::NotModified => return Ok(item.clone()),
    };
    let mut parsed =
        ingest::parse_served(page.url.as_str(), &page.bytes, page.content_type.as_deref())?;
    if parsed.articles.len() != 1 {
        return Err(FetchError::Ingest(IngestError::NoArticle));
    }
    Ok(merge(item, parsed.articles.remove(0)))
}

/// The page's story, with the item's fields where the page has none. The item's link
/// stays the story's URL: it is what the feed will name the story by next time.
fn merge(item: &Article, page: Article) -> Article {
    let or_item = |text: String, fallback: &String| {
        if text.trim().is_empty() {
            fallback.clone()
        } else {
            text
        }
    };
    let mut tags = page.tags;
    for tag in &item.tags {
        if !tags.iter().any(|known| known.eq_ignore_ascii_case(tag)) {
            tags.push(tag.clone());
        }
    }
    Article {
        title: or_item(page.title, &item.title),
        source: page.source.or_else(|| item.source.clone()),
        byline: page.byline.or_else(|| item.byline.clone()),
        dateline: page.dateline.or_else(|| item.dateline.clone()),
        published: page.published.or_else(|| item.published.clone()),
        highlights: if page.highlights.is_empty() {
            item.highlights.clone()
        } else {
            page.highlights
        },
        body: or_item(page.body, &item.body),
        url: item.url.clone(),
        tags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_wins_and_the_item_fills_the_gaps() {
        let item = Article {
            title: "Port deal signed".to_string(),
            source: Some("Meridian World".to_string()),
            byline: Some("Claire Dubois".to_string()),
            published: Some("2023-09-14T18:20:00+02:00".to_string()),
            body: "A teaser.".to_string(),
            url: Some("https://meridian.example/port".to_string()),
            tags: vec!["Trade".to_string()],
            ..Article::default()
        };
        let page = Article {
            title: "Port deal signed after long talks".to_string(),
            dateline: Some("Mombasa".to_string()),
            body: "The whole story.\n\nIts second paragraph.".to_string(),
            url: Some("https://meridian.example/port?ref=canonical".to_string()),
            tags: vec!["trade".to_string(), "Africa".to_string()],
            ..Article::default()
        };
        let merged = merge(&item, page);
        assert_eq!(merged.title, "Port deal signed after long talks");
        assert_eq!(merged.body, "The whole story.\n\nIts second paragraph.");
        assert_eq!(merged.source.as_deref(), Some("Meridian World"));
        assert_eq!(merged.byline.as_deref(), Some("Claire Dubois"));
        assert_eq!(merged.dateline.as_deref(), Some("Mombasa"));
        assert_eq!(
            merged.published.as_deref(),
            Some("2023-09-14T18:20:00+02:00")
        );
        assert_eq!(merged.url, item.url);
        assert_eq!(merged.tags, ["trade", "Africa"]);
    }
}
