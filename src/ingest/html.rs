//! HTML article pages: metadata from Open Graph, `<meta>`, `<time>`, JSON-LD and byline
//! markup; the body from `[itemprop=articleBody]`, `<article>`, or the block holding the
//! most paragraph text, reduced by the shared `html_text` helper.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::IngestError;
use super::html_text::{element_text, is_noise};
use super::nesting::check_nesting;
use super::timestamp::to_rfc3339;
use crate::model::Article;

/// JSON-LD types that describe a story.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "BlogPosting",
    "AnalysisNewsArticle",
    "WebPage",
];

/// Parses an HTML page into a raw article (cleaned later by `finish`).
pub fn parse(text: &str) -> Result<Article, IngestError> {
    check_nesting(text)?;
    let page = Html::parse_document(text);
    let linked = linked_data(&page);
    let ld = |key: &str| linked.as_ref().and_then(|data| data.get(key));
    let body = story_container(&page)
        .map(element_text)
        .filter(|body| !body.is_empty());
    let body = body
        .or_else(|| ld("articleBody").and_then(name_of))
        .ok_or(IngestError::NoArticle)?;
    let published = [
        meta(&page, "meta[property='article:published_time']"),
        attr(&page, "time[datetime]", "datetime"),
        ld("datePublished").and_then(name_of),
        meta(
            &page,
            "meta[name='date'], meta[name='pubdate'], meta[itemprop='datePublished']",
        ),
    ];
    Ok(Article {
        title: meta(&page, "meta[property='og:title']")
            .or_else(|| text_of(&page, "h1"))
            .or_else(|| ld("headline").and_then(name_of))
            .or_else(|| text_of(&page, "title"))
            .unwrap_or_default(),
        source: meta(&page, "meta[property='og:site_name']")
            .or_else(|| ld("publisher").and_then(name_of)),
        byline: meta(&page, "meta[name='author']")
            .or_else(|| text_of(&page, "[rel='author'], .byline, [itemprop='author']"))
            .or_else(|| ld("author").and_then(name_of)),
        dateline: None,
        published: published.iter().flatten().find_map(|time| to_rfc3339(time)),
        highlights: Vec::new(),
        body,
        url: attr(&page, "link[rel='canonical']", "href")
            .or_else(|| meta(&page, "meta[property='og:url']")),
        tags: tags(&page),
    })
}

/// The element holding the story: the `[itemprop=articleBody]` or `<article>` with the
/// most paragraph text, else the parent of the most paragraph text.
fn story_container(page: &Html) -> Option<ElementRef<'_>> {
    for selector in ["[itemprop='articleBody']", "article"] {
        let best = page
            .select(&selector_of(selector))
            .filter(|element| !is_noise(*element))
            .max_by_key(|element| paragraph_chars(*element));
        if best.is_some_and(|element| paragraph_chars(element) > 0) {
            return best;
        }
    }
    densest_block(page)
}

/// Characters of `<p>` text inside `element`.
fn paragraph_chars(element: ElementRef<'_>) -> usize {
    element
        .select(&selector_of("p"))
        .map(|p| p.text().map(str::len).sum::<usize>())
        .sum()
}

/// The element whose direct `<p>` children hold the most text.
fn densest_block(page: &Html) -> Option<ElementRef<'_>> {
    let mut totals: std::collections::HashMap<ego_tree::NodeId, usize> =
        std::collections::HashMap::new();
    for paragraph in page.select(&selector_of("p")) {
        if let Some(parent) = paragraph.parent() {
            *totals.entry(parent.id()).or_default() +=
                paragraph.text().map(str::len).sum::<usize>();
        }
    }
    let (id, _) = totals
        .into_iter()
        .filter(|(_, chars)| *chars > 0)
        .max_by_key(|(_, chars)| *chars)?;
    page.tree.get(id).and_then(ElementRef::wrap)
}

/// The story object of the page's JSON-LD, looking inside arrays and `@graph`.
fn linked_data(page: &Html) -> Option<Value> {
    page.select(&selector_of("script[type='application/ld+json']"))
        .filter_map(|script| serde_json::from_str::<Value>(&script.text().collect::<String>()).ok())
        .flat_map(|value| match value {
            Value::Array(items) => items,
            Value::Object(mut map) => match map.remove("@graph") {
                Some(Value::Array(items)) => items,
                _ => vec![Value::Object(map)],
            },
            _ => Vec::new(),
        })
        .find(|item| {
            let kind = &item["@type"];
            ARTICLE_TYPES.iter().any(|t| {
                kind == t
                    || kind
                        .as_array()
                        .is_some_and(|kinds| kinds.iter().any(|k| k == t))
            })
        })
}

/// A JSON-LD value as text: a string, an object's `name`, or names of an array joined.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// `article:tag` metas, else the `keywords` meta split at commas.
fn tags(page: &Html) -> Vec<String> {
    let tags: Vec<String> = page
        .select(&selector_of("meta[property='article:tag']"))
        .filter_map(|element| element.attr("content").map(str::to_string))
        .collect();
    if !tags.is_empty() {
        return tags;
    }
    meta(page, "meta[name='keywords']")
        .map(|keywords| keywords.split(',').map(|k| k.trim().to_string()).collect())
        .unwrap_or_default()
}

/// The `content` of the first matching `<meta>`.
fn meta(page: &Html, selector: &str) -> Option<String> {
    attr(page, selector, "content")
}

/// An attribute of the first matching element, if not blank.
fn attr(page: &Html, selector: &str, name: &str) -> Option<String> {
    page.select(&selector_of(selector))
        .find_map(|element| element.attr(name))
        .map(str::to_string)
        .filter(|value| !value.trim().is_empty())
}

/// The text of the first matching element, if not blank.
fn text_of(page: &Html, selector: &str) -> Option<String> {
    page.select(&selector_of(selector))
        .map(|element| element.text().collect::<String>())
        .find(|text| !text.trim().is_empty())
}

/// Compiles one of this file's constant selectors.
fn selector_of(selector: &str) -> Selector {
    Selector::parse(selector).expect("selectors in this file are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_without_story_is_an_error() {
        let page = "<html><head><title>Home</title></head><body><nav><a href=/>Home</a></nav></body></html>";
        assert!(matches!(parse(page), Err(IngestError::NoArticle)));
    }

    #[test]
    fn densest_block_when_no_article_element() {
        let page = "<html><body><div><p>Menu</p></div><div class=main><p>One long paragraph of the story.</p><p>Two.</p></div></body></html>";
        let article = parse(page).unwrap();
        assert_eq!(article.title, "");
        assert_eq!(article.body, "One long paragraph of the story.\n\nTwo.");
    }
}
