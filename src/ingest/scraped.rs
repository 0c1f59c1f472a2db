//! Text copied from a news page: furniture, a headline, a byline, a metadata line with
//! dateline and time, an optional highlights block, then the body, one paragraph a line.

use super::furniture::is_furniture;
use super::metadata::{parse_metadata, strip_by};
use crate::model::Article;
use crate::sanitize::clean_text;

/// Lines that announce a block of summary bullets (compared lowercase, without a colon).
const HIGHLIGHT_MARKERS: &[&str] = &[
    "story highlights",
    "highlights",
    "key highlights",
    "key points",
    "key takeaways",
    "in brief",
    "at a glance",
];

/// Bullet characters stripped from the start of a highlight.
const BULLETS: &[char] = &[
    '\u{2022}', '\u{b7}', '\u{25aa}', '\u{25cf}', '\u{2013}', '-', '*', '>',
];

/// A headline longer than this is the first paragraph of a story that has none.
const MAX_HEADLINE_WORDS: usize = 30;

/// A line ending in a full stop with more words than this is prose, not a headline.
const MAX_UNPUNCTUATED_WORDS: usize = 12;

/// Words after a byline's comma that name a role, not an outlet ("Jane Doe, Staff Writer").
const ROLE_WORDS: &[&str] = &[
    "writer",
    "correspondent",
    "reporter",
    "editor",
    "contributor",
    "staff",
];

/// Parses copied page text into a raw article (cleaned later by `finish`).
pub fn parse(text: &str) -> Article {
    let cleaned = clean_text(text);
    let lines: Vec<String> = cleaned
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut article = Article::default();
    let mut at = next_meaningful(&lines, 0);
    if let Some(first) = lines.get(at)
        && is_headline(first)
    {
        article.title = first.clone();
        at = next_meaningful(&lines, at + 1);
    }
    at = read_header(&lines, at, &mut article);
    let body: Vec<&str> = lines[at.min(lines.len())..]
        .iter()
        .map(String::as_str)
        .filter(|line| !line.is_empty())
        .collect();
    article.body = body.join("\n\n");
    if let Some((names, outlet)) = article.byline.as_deref().and_then(outlet_in_byline) {
        article.source = Some(outlet);
        article.byline = Some(names);
    }
    article
}

/// Reads byline, metadata and highlight lines from `at`; returns where the body starts.
fn read_header(lines: &[String], mut at: usize, article: &mut Article) -> usize {
    // Whether the time kept so far is an update's, which a publication time replaces.
    let mut kept_update = false;
    while let Some(line) = lines.get(at) {
        if is_highlight_marker(line) {
            at = read_highlights(lines, at + 1, &mut article.highlights);
        } else if let Some(meta) = parse_metadata(line) {
            // The first publication time wins; an update's only stands in for it.
            if article.published.is_none() || (kept_update && !meta.updated) {
                article.published = Some(meta.published);
                kept_update = meta.updated;
            }
            if article.dateline.is_none() {
                article.dateline = meta.dateline;
            }
            if article.byline.is_none() {
                article.byline = meta.byline;
            }
            at += 1;
        } else if article.byline.is_none() && is_byline(lines, at) {
            article.byline = Some(strip_by(line).unwrap_or(line).to_string());
            at += 1;
        } else {
            return at;
        }
        at = next_meaningful(lines, at);
    }
    at
}

/// The first line from `at` that is neither blank nor furniture (or the end).
fn next_meaningful(lines: &[String], mut at: usize) -> usize {
    while lines
        .get(at)
        .is_some_and(|line| line.is_empty() || is_furniture(line))
    {
        at += 1;
    }
    at
}

/// A headline is short, does not read like a sentence of prose and carries no time.
fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= MAX_HEADLINE_WORDS
        && !(line.ends_with('.') && words > MAX_UNPUNCTUATED_WORDS)
        && parse_metadata(line).is_none()
        && !is_highlight_marker(line)
        && strip_by(line).is_none()
}

fn is_highlight_marker(line: &str) -> bool {
    HIGHLIGHT_MARKERS.contains(&line.trim_end_matches(':').to_lowercase().as_str())
}

/// Reads highlight lines: the next block of non-blank lines, and any further blocks whose
/// lines start with a bullet. Returns the index after them.
fn read_highlights(lines: &[String], at: usize, highlights: &mut Vec<String>) -> usize {
    let mut at = next_meaningful(lines, at);
    let mut first_block = true;
    loop {
        let block_start = at;
        while lines
            .get(at)
            .is_some_and(|line| !line.is_empty() && (first_block || line.starts_with(BULLETS)))
        {
            if !is_furniture(&lines[at]) {
                highlights.push(lines[at].trim_start_matches(BULLETS).trim().to_string());
            }
            at += 1;
        }
        if at == block_start {
            return at;
        }
        first_block = false;
        let next = next_meaningful(lines, at);
        if !lines
            .get(next)
            .is_some_and(|line| line.starts_with(BULLETS))
        {
            return at;
        }
        at = next;
    }
}

/// "By Jane Doe" anywhere in the header; a bare name line ("Xiaolan Zhao, Horizon Wire")
/// only when a metadata line follows it.
fn is_byline(lines: &[String], at: usize) -> bool {
    let line = &lines[at];
    let words = line.split_whitespace().count();
    if strip_by(line).is_some() {
        return words <= 12;
    }
    let capitalised = line
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let name_like = words <= 8
        && capitalised * 2 >= words
        && line.starts_with(char::is_uppercase)
        && !line.ends_with(['.', '!', '?', ':'])
        && !line.contains(['"', '\u{201c}']);
    name_like
        && lines
            .get(next_meaningful(lines, at + 1))
            .is_some_and(|next| parse_metadata(next).is_some())
}

/// "Jane Doe, Horizon Wire" → ("Jane Doe", "Horizon Wire"); not for roles ("Jane Doe,
/// Staff Writer").
fn outlet_in_byline(byline: &str) -> Option<(String, String)> {
    let (names, outlet) = byline.split_once(", ")?;
    let lower = outlet.to_lowercase();
    let is_outlet = !outlet.contains(',')
        && outlet.split_whitespace().count() <= 5
        && !ROLE_WORDS.iter().any(|role| lower.contains(role));
    is_outlet.then(|| (names.to_string(), outlet.to_string()))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::ingest::finish::finish;

    #[test]
    fn body_without_header_takes_first_sentence_as_title() {
        let article = finish(parse(
            "Negotiators from both countries met in Geneva on Tuesday to discuss the corridor and the terms of a wider settlement of the dispute. They agreed to meet again.\n\nA second paragraph.",
        ))
        .unwrap();
        assert_eq!(
            article.title,
            "Negotiators from both countries met in Geneva on Tuesday to discuss the corridor and the terms of a wider settlement of the dispute."
        );
        assert!(article.body.starts_with("Negotiators from both"));
    }

    #[test]
    fn later_metadata_lines_stay_out_of_the_body() {
        let article = parse(
            "Talks resume\nPublished: 14 March 2023 09:30 CET\nBy Jane Doe\nUpdated: 15 March 2023 10:00 CET\n\nBody.",
        );
        assert_eq!(
            article.published.as_deref(),
            Some("2023-03-14T09:30:00+01:00")
        );
        assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(article.body, "Body.");
    }

    #[test]
    fn a_publication_time_wins_over_an_earlier_update() {
        let article = parse(
            "Talks resume\nUpdated: 15 March 2023 10:00 CET\nBy Jane Doe\nPublished: 14 March 2023 09:30 CET\n\nBody.",
        );
        assert_eq!(
            article.published.as_deref(),
            Some("2023-03-14T09:30:00+01:00")
        );
        let only_update = parse("Talks resume\nUpdated: 15 March 2023 10:00 CET\n\nBody.");
        assert_eq!(
            only_update.published.as_deref(),
            Some("2023-03-15T10:00:00+01:00")
        );
    }

    #[test]
    fn an_outlet_after_the_names_is_the_source() {
        let article = parse(
            "Talks resume\nBy Jane Doe, Horizon Wire\nTuesday 12 April 2022 | 19:30 XLST\n\nText.",
        );
        assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(article.source.as_deref(), Some("Horizon Wire"));
        assert_eq!(
            article.published.as_deref(),
            Some("2022-04-12T19:30:00+00:00")
        );
    }

    #[test]
    fn role_after_comma_is_not_an_outlet() {
        let article =
            parse("Talks resume\n\nBy Jane Doe, Staff Writer\nPublished: 14 March 2023\n\nBody.");
        assert_eq!(article.byline.as_deref(), Some("Jane Doe, Staff Writer"));
        assert_eq!(article.source, None);
    }
}
