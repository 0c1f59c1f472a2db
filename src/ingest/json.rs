//! JSON articles: one object, an array, an object wrapping an array (`articles`,
//! `items`, …) or JSON Lines. Field names follow DESIGN.md, with the common aliases of
//! news APIs, CMS exports and schema.org (`headline`, `articleBody`, `datePublished`, …).

use serde_json::{Map, Value};

use super::IngestError;
use super::html_text::body_text;
use super::timestamp::to_rfc3339;
use crate::model::Article;

const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
const BODY_KEYS: &[&str] = &[
    "body",
    "content",
    "text",
    "articleBody",
    "article_body",
    "body_html",
    "content_html",
    "content_text",
];
const SUMMARY_KEYS: &[&str] = &["description", "summary", "standfirst", "abstract"];
const SOURCE_KEYS: &[&str] = &["source", "publisher", "site_name", "siteName", "outlet"];
const BYLINE_KEYS: &[&str] = &["byline", "author", "authors", "creator", "by"];
const PUBLISHED_KEYS: &[&str] = &[
    "published",
    "date",
    "pubDate",
    "datePublished",
    "published_at",
    "publishedAt",
    "pub_date",
    "publication_date",
    "date_published",
    "created_at",
    "dateCreated",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url", "permalink", "webUrl"];
const TAG_KEYS: &[&str] = &["tags", "keywords", "categories", "topics"];
const HIGHLIGHT_KEYS: &[&str] = &["highlights", "key_points", "bullets"];
/// Keys of a wrapper object that hold the array of articles.
const LIST_KEYS: &[&str] = &[
    "articles", "items", "stories", "entries", "posts", "results", "data",
];

/// Parses JSON or JSON Lines text into raw articles (cleaned later by `finish`).
pub fn parse(text: &str) -> Result<Vec<Article>, IngestError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut values = Vec::new();
    for value in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        values.push(value.map_err(|error| IngestError::Json(error.to_string()))?);
    }
    let objects: Vec<Value> = values.into_iter().flat_map(article_values).collect();
    if objects.is_empty() {
        return Err(IngestError::NoArticles);
    }
    objects
        .iter()
        .map(|value| {
            value
                .as_object()
                .map_or_else(|| Ok(Article::default()), article)
        })
        .collect()
}

/// The article objects inside one top-level value.
fn article_values(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        Value::Object(mut map) => {
            let list = LIST_KEYS
                .iter()
                .find(|key| map.get(**key).is_some_and(Value::is_array));
            match list.and_then(|key| map.remove(*key)) {
                Some(Value::Array(items)) => items,
                _ => vec![Value::Object(map)],
            }
        }
        other => vec![other],
    }
}

/// Maps one JSON object onto an article.
fn article(map: &Map<String, Value>) -> Result<Article, IngestError> {
    let summary = first(map, SUMMARY_KEYS).and_then(text);
    let body = first(map, BODY_KEYS).and_then(text);
    let mut highlights = first(map, HIGHLIGHT_KEYS).map(list).unwrap_or_default();
    if body.is_some() && highlights.is_empty() {
        highlights.extend(summary.clone());
    }
    Ok(Article {
        title: first(map, TITLE_KEYS).and_then(text).unwrap_or_default(),
        source: first(map, SOURCE_KEYS).and_then(text),
        byline: first(map, BYLINE_KEYS)
            .map(list)
            .filter(|names| !names.is_empty())
            .map(|names| names.join(", ")),
        dateline: map.get("dateline").and_then(text),
        published: first(map, PUBLISHED_KEYS).and_then(time),
        highlights,
        body: body
            .or(summary)
            .map(|body| body_text(&body))
            .transpose()?
            .unwrap_or_default(),
        url: first(map, URL_KEYS).and_then(text),
        tags: first(map, TAG_KEYS).map(list).unwrap_or_default(),
    })
}

/// The value of the first of `keys` present and not null.
fn first<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter()
        .find_map(|key| map.get(*key).filter(|value| !value.is_null()))
}

/// A string; an object's `name`, `rendered`, `value` or `text`; an array of strings joined
/// as paragraphs.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Object(map) => ["name", "rendered", "value", "text", "@value"]
            .iter()
            .find_map(|key| map.get(*key).and_then(Value::as_str))
            .map(str::to_string),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// A list of names: an array of strings or objects, or one comma-separated string.
fn list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(text).collect(),
        Value::String(joined) => joined
            .split(',')
            .map(|part| part.trim().to_string())
            .collect(),
        other => text(other).into_iter().collect(),
    }
}

/// A publication time: any string form `timestamp` reads, or Unix seconds/milliseconds.
fn time(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => to_rfc3339(text),
        Value::Number(number) => {
            let raw = number.as_i64()?;
            let seconds = if raw.abs() > 100_000_000_000 {
                raw / 1000
            } else {
                raw
            };
            let timestamp = jiff::Timestamp::from_second(seconds).ok()?;
            to_rfc3339(&timestamp.to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_aliases() {
        let articles = parse(
            r#"{"headline":"H","articleBody":"<p>One.</p><p>Two.</p>","datePublished":"2023-03-14T09:30:00+01:00",
               "author":[{"name":"Ana Ruiz"},"Tom Hale"],"publisher":{"name":"Meridian"},"link":"https://x.example/a",
               "keywords":"EU, ASEAN","description":"Standfirst."}"#,
        )
        .unwrap();
        let article = &articles[0];
        assert_eq!(article.title, "H");
        assert_eq!(article.body, "One.\n\nTwo.");
        assert_eq!(
            article.published.as_deref(),
            Some("2023-03-14T09:30:00+01:00")
        );
        assert_eq!(article.byline.as_deref(), Some("Ana Ruiz, Tom Hale"));
        assert_eq!(article.source.as_deref(), Some("Meridian"));
        assert_eq!(article.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(article.tags, ["EU", "ASEAN"]);
        assert_eq!(article.highlights, ["Standfirst."]);
    }

    #[test]
    fn json_feed_items() {
        let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"F","items":[
            {"title":"A","content_html":"<p>One.</p>","date_published":"2024-01-01T10:00:00+01:00"}]}"#;
        let articles = parse(feed).unwrap();
        assert_eq!(articles[0].body, "One.");
        assert_eq!(
            articles[0].published.as_deref(),
            Some("2024-01-01T10:00:00+01:00")
        );
    }

    #[test]
    fn unix_time_and_description_as_body() {
        let articles =
            parse(r#"{"title":"T","description":"Only text","date":1678786200}"#).unwrap();
        assert_eq!(
            articles[0].published.as_deref(),
            Some("2023-03-14T09:30:00+00:00")
        );
        assert_eq!(articles[0].body, "Only text");
        assert!(articles[0].highlights.is_empty());
    }

    #[test]
    fn errors_name_the_place() {
        let error = parse("{\"title\": \"T\",\n \"body\": }").unwrap_err();
        assert_eq!(
            error.to_string(),
            "malformed JSON: expected value at line 2 column 10"
        );
        let deep = "[".repeat(10_000);
        assert!(
            parse(&deep)
                .unwrap_err()
                .to_string()
                .contains("recursion limit exceeded at line 1")
        );
        assert_eq!(
            parse("[]").unwrap_err().to_string(),
            "JSON holds no articles"
        );
    }
}
