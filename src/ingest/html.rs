//! HTML article pages: metadata from Open Graph, `<meta>`, `<time>`, JSON-LD and byline
//! markup; the body found by `html_body` (Readability's way), with JSON-LD's
//! `articleBody` when the page shows no more; the standfirst as a highlight, the tag
//! list as tags.

use scraper::{Html, Selector};
use serde_json::Value;

use super::IngestError;
use super::byline::clean_byline;
use super::html_body::story_text;
use super::html_meta::{PageMeta, document_title, page_title};
use super::nesting::check_nesting;
use super::timestamp::to_rfc3339;
use crate::model::Article;

/// JSON-LD types that describe a story, most specific first: a page's `WebPage` object
/// serves only when it has no article object.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNews",
    "AnalysisNewsArticle",
    "BlogPosting",
    "Article",
    "WebPage",
];

/// Elements that hold a story's standfirst (its summary under the headline).
const STANDFIRST: &str = ".standfirst, .dek, .strapline, .subheadline, .article-summary";

/// Elements that hold a story's tag links.
const TAG_LISTS: &str = ".tags a, .tag-list a, .topics a, [rel='tag']";

/// Parses an HTML page into a raw article (cleaned later by `finish`).
pub fn parse(text: &str) -> Result<Article, IngestError> {
    check_nesting(text)?;
    let page = Html::parse_document(text);
    let meta = PageMeta::read(&page);
    let linked = linked_data(&page);
    let ld = |key: &str| linked.as_ref().and_then(|data| data.get(key));
    let shown = story_text(&page);
    let stated = ld("articleBody").and_then(name_of).unwrap_or_default();
    let body = if stated.chars().count() > shown.chars().count() * 2 {
        stated
    } else {
        shown
    };
    if body.trim().is_empty() {
        return Err(IngestError::NoArticle);
    }
    let byline = meta
        .get("author")
        .filter(|author| !author.starts_with("http"))
        .map(str::to_string)
        .or_else(|| ld("author").and_then(name_of))
        .or_else(|| text_of(&page, "[rel='author'], .byline, [itemprop='author']"))
        .and_then(|line| clean_byline(&line));
    let published = [
        meta.get("article:published_time").map(str::to_string),
        attr(&page, "time[datetime]", "datetime"),
        ld("datePublished").and_then(name_of),
        meta.first(&["date", "pubdate", "datepublished", "dc:date"])
            .map(str::to_string),
        byline.as_ref().and_then(|byline| byline.published.clone()),
    ];
    let publisher = ld("publisher").and_then(name_of);
    let sites = meta.site_names(publisher.as_deref());
    let headline = linked.as_ref().and_then(|data| linked_title(data, &page));
    Ok(Article {
        title: page_title(&page, &meta, headline.as_deref(), &sites),
        source: meta.get("og:site_name").map(str::to_string).or(publisher),
        byline: byline.map(|byline| byline.names),
        dateline: None,
        published: published.iter().flatten().find_map(|time| to_rfc3339(time)),
        highlights: standfirst(&page, &body).into_iter().collect(),
        body,
        url: attr(&page, "link[rel='canonical']", "href")
            .or_else(|| meta.get("og:url").map(str::to_string)),
        tags: tags(&page, &meta),
    })
}

/// The standfirst printed under the headline, when the body does not hold it.
fn standfirst(page: &Html, body: &str) -> Option<String> {
    text_of(page, STANDFIRST).filter(|text| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        !body.contains(&text)
    })
}

/// The story object of the page's JSON-LD, looking inside arrays and `@graph`; the
/// object of the most specific type wins.
fn linked_data(page: &Html) -> Option<Value> {
    page.select(&selector_of("script[type='application/ld+json']"))
        .filter_map(|script| {
            let text: String = script.text().collect();
            let text = text.trim();
            let text = text
                .strip_prefix("<![CDATA[")
                .and_then(|inner| inner.strip_suffix("]]>"))
                .unwrap_or(text);
            serde_json::from_str::<Value>(text).ok()
        })
        .flat_map(|value| match value {
            Value::Array(items) => items,
            Value::Object(mut map) => match map.remove("@graph") {
                Some(Value::Array(items)) => items,
                _ => vec![Value::Object(map)],
            },
            _ => Vec::new(),
        })
        .filter_map(|item| {
            let kind = &item["@type"];
            let rank = ARTICLE_TYPES.iter().position(|t| {
                kind == t
                    || kind
                        .as_array()
                        .is_some_and(|kinds| kinds.iter().any(|k| k == t))
            })?;
            Some((rank, item))
        })
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, item)| item)
}

/// The story's title in JSON-LD: its `headline` or its `name`; when both are there and
/// differ, the headline if it resembles the page's `<title>` (without its site part) and
/// the name does not, else
/// the name (some sites put their own name there, others a section's).
fn linked_title(data: &Value, page: &Html) -> Option<String> {
    let headline = data.get("headline").and_then(Value::as_str);
    let name = data.get("name").and_then(Value::as_str);
    match (headline, name) {
        (Some(headline), Some(name)) if headline != name => {
            let title = document_title(page).unwrap_or_default();
            let resembles = |text: &str| similarity(text, &title) > 0.75;
            Some(if resembles(headline) && !resembles(name) {
                headline
            } else {
                name
            })
        }
        (headline, name) => headline.or(name),
    }
    .map(str::to_string)
}

/// Share of `reference`'s word characters (lowercase words) that `text` also has.
fn similarity(text: &str, reference: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let known = words(text);
    let reference = words(reference);
    let total: usize = reference.iter().map(String::len).sum();
    if total == 0 {
        return 0.0;
    }
    let shared: usize = reference
        .iter()
        .filter(|word| known.contains(word))
        .map(String::len)
        .sum();
    shared as f64 / total as f64
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

/// `article:tag` metas, else the page's tag links, else the `keywords` meta split at
/// commas.
fn tags(page: &Html, meta: &PageMeta) -> Vec<String> {
    let tags: Vec<String> = page
        .select(&selector_of("meta[property~='article:tag']"))
        .filter_map(|element| element.attr("content").map(str::to_string))
        .collect();
    if !tags.is_empty() {
        return tags;
    }
    let linked: Vec<String> = page
        .select(&selector_of(TAG_LISTS))
        .map(|link| link.text().collect::<String>().trim().to_string())
        .filter(|tag| !tag.is_empty())
        .collect();
    if !linked.is_empty() {
        return linked;
    }
    meta.get("keywords")
        .map(|keywords| keywords.split(',').map(|k| k.trim().to_string()).collect())
        .unwrap_or_default()
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
    fn page_metadata_is_read_whole_and_kept_out_of_the_body() {
        let prose = "The delegations met for a third day in the capital, and the talks, which had \
            stalled over the sequencing of payments, moved forward on Tuesday.";
        let page = format!(
            "<html><head><title>Talks move on | Harbour Post</title>\
             <script type=application/ld+json><![CDATA[{{\"@type\":\"NewsArticle\",\"headline\":\"Talks move on\"}}]]></script></head>\
             <body><article><p class=kicker>Economy</p><h1>Talks move on</h1>\
             <p class=standfirst>A provisional agreement was reached late on Monday night.</p>\
             <span class=byline>Ana Ruiz @anaruiz - Apr 16, 2015 8:02 pm UTC</span>\
             <div class=story-body><p>{prose}</p><p>{prose}</p><p>{prose}</p></div>\
             <p class=tags>Filed under: <a href=/t/1>Economy</a>, <a href=/t/2>Debt</a></p></article></body></html>"
        );
        let article = parse(&page).unwrap();
        assert_eq!(article.title, "Talks move on");
        assert_eq!(article.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            article.published.as_deref(),
            Some("2015-04-16T20:02:00+00:00")
        );
        assert_eq!(
            article.highlights,
            ["A provisional agreement was reached late on Monday night."]
        );
        assert_eq!(article.tags, ["Economy", "Debt"]);
        assert_eq!(article.body, [prose; 3].join("\n\n"));
    }

    #[test]
    fn densest_block_when_no_article_element() {
        let page = "<html><body><div><p>Menu</p></div><div class=main><p>One long paragraph of the story.</p><p>Two.</p></div></body></html>";
        let article = parse(page).unwrap();
        assert_eq!(article.title, "");
        assert_eq!(article.body, "One long paragraph of the story.\n\nTwo.");
    }
}
