//! A page's `<meta>` values and its title.
//!
//! Meta keys are read from `property` (each of its space-separated words) and `name`,
//! lowercased, with "DC.title" read as "dc:title". The title is the first of: JSON-LD
//! `headline`, Dublin Core, Open Graph, Twitter and Parse.ly titles, each without a
//! trailing site name ("… - BBC News" when the site is "BBC News"); else the `<title>`
//! without its site part, read as Readability reads it; else the only `<h1>`.

use std::collections::HashMap;

use scraper::{Html, Selector};

/// Meta keys that hold the story's title, best first.
const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Meta keys that name the site.
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
];

/// What separates a title from its site's name.
const SEPARATORS: &[&str] = &[
    " - ",
    " | ",
    " \u{2013} ",
    " \u{2014} ",
    " \u{b7} ",
    " :: ",
    " \\ ",
    " / ",
    " > ",
    " \u{bb} ",
];

/// A title of this many words or fewer is too short to lose a part.
const SHORT_TITLE_WORDS: usize = 4;

/// The page's `<meta>` values by key; the last non-blank value of a key wins.
pub struct PageMeta(HashMap<String, String>);

impl PageMeta {
    /// Reads every `<meta>` of `page`.
    pub fn read(page: &Html) -> PageMeta {
        let mut values = HashMap::new();
        let metas = Selector::parse("meta[content]").expect("valid selector");
        for meta in page.select(&metas) {
            let value = meta.value();
            let content = value.attr("content").unwrap_or_default().trim();
            if content.is_empty() {
                continue;
            }
            let properties = value
                .attr("property")
                .unwrap_or_default()
                .split_whitespace();
            let name = value.attr("name").map(normalise_name);
            for key in properties.map(str::to_lowercase).chain(name) {
                values.insert(key, content.to_string());
            }
        }
        PageMeta(values)
    }

    /// The value of `key` (lowercase).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// The first of `keys` that has a value.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| self.get(key))
    }

    /// Names the site goes by in its meta values, and `extra` (the JSON-LD publisher).
    pub fn site_names(&self, extra: Option<&str>) -> Vec<String> {
        SITE_KEYS
            .iter()
            .filter_map(|key| self.get(key))
            .chain(extra)
            .map(str::to_string)
            .collect()
    }
}

/// "DC.title" → "dc:title", "Author" → "author".
fn normalise_name(name: &str) -> String {
    let name = name.trim().to_lowercase();
    match name.split_once('.') {
        Some((prefix, rest))
            if matches!(prefix, "dc" | "dcterm" | "dcterms" | "og" | "twitter") =>
        {
            format!("{prefix}:{rest}")
        }
        _ => name,
    }
}

/// The page's title (see the module comment); `headline` is the JSON-LD one.
pub fn page_title(
    page: &Html,
    meta: &PageMeta,
    headline: Option<&str>,
    sites: &[String],
) -> String {
    let stated = headline
        .filter(|title| !title.trim().is_empty())
        .or_else(|| meta.first(TITLE_KEYS));
    if let Some(title) = stated {
        return without_site_name(title, sites).to_string();
    }
    if let Some(title) = document_title(page) {
        return title;
    }
    let h1s: Vec<String> = texts_of(page, "h1");
    if h1s.len() == 1 {
        h1s[0].clone()
    } else {
        String::new()
    }
}

/// The page's `<title>` without its site part (see [`title_from_document`]).
pub fn document_title(page: &Html) -> Option<String> {
    text_of(page, "title").map(|title| title_from_document(&title, page))
}

/// `title` without a trailing site name after a separator, when one of `sites` starts
/// with that name or the name starts with one of them.
fn without_site_name<'a>(title: &'a str, sites: &[String]) -> &'a str {
    let title = title.trim();
    for separator in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let tail = tail.trim().to_lowercase();
            let names_site = !tail.is_empty()
                && sites.iter().any(|site| {
                    let site = site.trim().to_lowercase();
                    !site.is_empty() && (site.starts_with(&tail) || tail.starts_with(&site))
                });
            if names_site && !head.trim().is_empty() {
                return head.trim();
            }
        }
    }
    title
}

/// Readability's reading of a `<title>`: the part before the last separator (or after
/// the first, when that leaves fewer than three words); after a colon, unless a heading
/// repeats the whole title; the only `<h1>` for a title too long or too short; the whole
/// title when the part kept is too short.
fn title_from_document(original: &str, page: &Html) -> String {
    let original = collapse(original);
    let words = |text: &str| text.split_whitespace().count();
    let separators: Vec<(usize, &str)> = SEPARATORS
        .iter()
        .flat_map(|sep| original.match_indices(sep))
        .collect();
    let hierarchical = [" \\ ", " / ", " > ", " \u{bb} "]
        .iter()
        .any(|sep| original.contains(sep));
    let mut title = original.clone();
    if let Some(&(last, _)) = separators.iter().max_by_key(|(at, _)| *at) {
        title = original[..last].to_string();
        if words(&title) < 3 {
            let &(first, sep) = separators
                .iter()
                .min_by_key(|(at, _)| *at)
                .expect("one at least");
            title = original[first + sep.len()..].to_string();
        }
    } else if original.contains(": ") {
        let headings = texts_of(page, "h1, h2");
        let (first_head, after_first) = original.split_once(':').expect("holds a colon");
        let (_, after_last) = original.rsplit_once(':').expect("holds a colon");
        if !headings.contains(&original) {
            title = if words(after_last) < 3 {
                after_first.to_string()
            } else if words(first_head) > 5 {
                original.clone()
            } else {
                after_last.to_string()
            };
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        let h1s = texts_of(page, "h1");
        if h1s.len() == 1 {
            title = h1s[0].clone();
        }
    }
    let title = collapse(&title);
    let stripped_words = words(&original.replace(['|', '-', '\\', '/', '>', '\u{bb}'], " "));
    if words(&title) <= SHORT_TITLE_WORDS && (!hierarchical || words(&title) + 1 != stripped_words)
    {
        return original;
    }
    title
}

/// White space runs as one space, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The collapsed text of the first matching element, if not blank.
fn text_of(page: &Html, selector: &str) -> Option<String> {
    texts_of(page, selector).into_iter().next()
}

/// The collapsed, non-blank texts of the matching elements.
fn texts_of(page: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).expect("selectors in this file are valid");
    page.select(&selector)
        .map(|element| collapse(&element.text().collect::<String>()))
        .filter(|text| !text.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(head: &str, body: &str) -> String {
        let page = Html::parse_document(&format!(
            "<html><head>{head}</head><body>{body}</body></html>"
        ));
        let meta = PageMeta::read(&page);
        let sites = meta.site_names(None);
        page_title(&page, &meta, None, &sites)
    }

    #[test]
    fn a_stated_title_loses_its_site_name() {
        assert_eq!(
            title(
                "<meta property=og:title content='Talks resume in Geneva - Harbour News'><meta property=og:site_name content='Harbour News'>",
                ""
            ),
            "Talks resume in Geneva"
        );
        assert_eq!(
            title(
                "<meta property=og:title content='Talks resume | Zpravy.cz'><meta property=og:site_name content='Zpravy.cz - the news'>",
                ""
            ),
            "Talks resume"
        );
        // A dash inside the title is not a site part.
        assert_eq!(
            title(
                "<meta property=og:title content='Kyiv - a city at war'>",
                ""
            ),
            "Kyiv - a city at war"
        );
    }

    #[test]
    fn dublin_core_before_open_graph_and_space_separated_properties() {
        assert_eq!(
            title(
                "<meta property=og:title content='OG title'><meta property='x:title dc:title' content='DC title'>",
                ""
            ),
            "DC title"
        );
        assert_eq!(
            title("<meta name=DC.title content='Named DC'>", ""),
            "Named DC"
        );
    }

    #[test]
    fn a_document_title_loses_its_site_part_unless_too_short() {
        assert_eq!(
            title(
                "<title>Ministers agree a calendar for talks \u{2013} Harbour</title>",
                ""
            ),
            "Ministers agree a calendar for talks"
        );
        assert_eq!(
            title("<title>Budget - Harbour</title>", ""),
            "Budget - Harbour"
        );
        assert_eq!(
            title(
                "<title>Harbour: Ministers agree a calendar for the talks</title>",
                ""
            ),
            "Ministers agree a calendar for the talks"
        );
    }

    #[test]
    fn without_a_title_the_only_heading() {
        assert_eq!(
            title("", "<h1>Talks resume</h1><p>Text.</p>"),
            "Talks resume"
        );
    }
}
