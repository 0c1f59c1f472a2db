//! The last step of every importer: sanitise each field, normalise the body into clean
//! paragraphs without furniture, drop a lead line that only repeats the byline (and a
//! place), take an outlet's desk byline as the source, lift a wire dateline out of the
//! lead, title an untitled story by its first sentence, and reject articles with neither
//! title nor body.

use super::IngestError;
use super::dateline::{credit_line_place, split_lead_dateline};
use super::desk::desk_outlet;
use super::furniture::is_furniture;
use crate::model::Article;
use crate::sanitize::clean_text;
use crate::text::sentences;

/// A quoted heading longer than this many words is prose, not a heading.
const MAX_HEADING_WORDS: usize = 8;

/// Cleans an importer's raw article and checks that it is usable.
pub fn finish(raw: Article) -> Result<Article, IngestError> {
    let title = one_line(&raw.title);
    let mut paragraphs = body_paragraphs(&raw.body);
    if paragraphs.first().is_some_and(|first| *first == title) {
        paragraphs.remove(0);
    }
    let mut article = Article {
        title,
        source: optional_line(raw.source.as_deref()),
        byline: optional_line(raw.byline.as_deref()).map(|byline| strip_by(&byline)),
        dateline: optional_line(raw.dateline.as_deref()),
        published: optional_line(raw.published.as_deref()),
        highlights: lines(&raw.highlights),
        body: String::new(),
        url: optional_line(raw.url.as_deref()),
        tags: distinct(lines(&raw.tags)),
    };
    if let Some(byline) = &article.byline
        && let Some(place) = paragraphs
            .first()
            .and_then(|first| credit_line_place(first, byline))
    {
        paragraphs.remove(0);
        if let Some(place) = place {
            article.dateline.get_or_insert(place);
        }
    }
    if let Some(outlet) = article.byline.as_deref().and_then(desk_outlet) {
        let source = article.source.get_or_insert_with(|| outlet.to_string());
        // Unless it names another outlet than the source (an aggregator's), the byline says
        // nothing the source does not.
        if source.to_lowercase().starts_with(&outlet.to_lowercase()) {
            article.byline = None;
        }
    }
    if let Some(first) = paragraphs.first_mut()
        && let Some(lead) = split_lead_dateline(first)
    {
        article.dateline.get_or_insert(lead.place);
        if let Some(agency) = lead.agency {
            article.source.get_or_insert(agency);
        }
        *first = lead.rest.to_string();
    }
    article.body = paragraphs.join("\n\n");
    if article.title.is_empty() && article.body.is_empty() {
        return Err(IngestError::NoContent);
    }
    if article.title.is_empty() {
        article.title = first_sentence(&article.body).to_string();
    }
    Ok(article)
}

/// The first sentence of a body, the title of a story that came without one (a feed
/// item, copied text without its headline).
fn first_sentence(body: &str) -> &str {
    let first = body.split("\n\n").next().unwrap_or_default();
    sentences(first)
        .first()
        .map_or(first, |span| &first[span.start..span.end])
}

/// Sanitised text on one line with runs of white space (non-breaking too) as one space.
pub fn one_line(text: &str) -> String {
    let mut line = String::new();
    push_collapsed(&mut line, &clean_text(text));
    line
}

/// Appends the words of `text` to `line`, each run of white space (non-breaking too) as
/// one space, with a space before the first one when `line` is not empty.
fn push_collapsed(line: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut word_start = None;
    let mut i = 0;
    while i < bytes.len() {
        // White space is mostly ASCII: decode only the other characters.
        let (space, len) = if bytes[i].is_ascii() {
            (bytes[i].is_ascii_whitespace() || bytes[i] == 0x0B, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word_start) {
            (true, Some(start)) => {
                push_word(line, &text[start..i]);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        push_word(line, &text[start..]);
    }
}

/// Appends `word` to `line`, after a space unless `line` is empty.
fn push_word(line: &mut String, word: &str) {
    if !line.is_empty() {
        line.push(' ');
    }
    line.push_str(word);
}

/// Paragraphs of a body: blocks separated by blank lines, each on one line, furniture
/// lines dropped, a single-quoted heading line unquoted.
fn body_paragraphs(body: &str) -> Vec<String> {
    let cleaned = clean_text(body);
    let mut paragraphs = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in cleaned.lines().chain(std::iter::once("")) {
        let line = line.trim();
        if !line.is_empty() {
            if !is_furniture(line) {
                block.push(line);
            }
            continue;
        }
        if !block.is_empty() {
            // The body is clean already: its lines only need their white space collapsed.
            let mut paragraph = String::new();
            for line in &block {
                push_collapsed(&mut paragraph, line);
            }
            paragraphs.push(unquote_heading(&paragraph).unwrap_or(paragraph));
            block.clear();
        }
    }
    paragraphs
}

/// "'Red lines'" → "Red lines": a short heading in single quotes is not a quotation.
fn unquote_heading(paragraph: &str) -> Option<String> {
    let inner = paragraph
        .strip_prefix(['\'', '\u{2018}'])?
        .strip_suffix(['\'', '\u{2019}'])?
        .trim();
    let is_heading = inner.chars().next().is_some_and(char::is_uppercase)
        && !inner.ends_with(['.', ',', '!', '?', ';', ':'])
        && inner.split_whitespace().count() <= MAX_HEADING_WORDS
        && !inner.contains(['\'', '\u{2018}', '"', '\u{201c}', '\u{201d}'])
        && !inner.contains("\u{2019} ");
    is_heading.then(|| inner.to_string())
}

/// A sanitised one-line value, or `None` when nothing is left.
fn optional_line(text: Option<&str>) -> Option<String> {
    text.map(one_line).filter(|line| !line.is_empty())
}

/// "By Europe Desk" → "Europe Desk".
fn strip_by(byline: &str) -> String {
    match byline.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => byline[3..].trim().to_string(),
        _ => byline.to_string(),
    }
}

/// Each item as one sanitised line; empty items dropped.
fn lines(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|item| one_line(item))
        .filter(|item| !item.is_empty())
        .collect()
}

/// Items without repeats (case-insensitive), first spelling kept.
fn distinct(items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(item.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(title: &str, body: &str) -> Article {
        Article {
            title: title.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    #[test]
    fn normalises_body_paragraphs() {
        let article = finish(raw(
            " Talks\u{a0}resume\r\n",
            "Advertisement\r\n\r\nFirst  line\nwraps here.\n\n\n'Red lines'\n\nmain img\nPhoto: AP\n\n\u{1b}[31mLast.\u{a0}",
        ))
        .unwrap();
        assert_eq!(article.title, "Talks resume");
        assert_eq!(article.body, "First line wraps here.\n\nRed lines\n\nLast.");
    }

    #[test]
    fn lifts_wire_dateline_and_agency() {
        let mut input = raw("T", "GENEVA (Agency) - Talks resumed.\n\nMore.");
        input.byline = Some("By  Europe Desk".into());
        let article = finish(input).unwrap();
        assert_eq!(article.dateline.as_deref(), Some("Geneva"));
        assert_eq!(article.source.as_deref(), Some("Agency"));
        assert_eq!(article.byline.as_deref(), Some("Europe Desk"));
        assert_eq!(article.body, "Talks resumed.\n\nMore.");
    }

    #[test]
    fn keeps_quoted_sentences_and_drops_repeated_title() {
        let article = finish(raw(
            "Title",
            "Title\n\n\u{2018}We will not give in.\u{2019}",
        ))
        .unwrap();
        assert_eq!(article.body, "\u{2018}We will not give in.\u{2019}");
    }

    #[test]
    fn a_lead_line_repeating_the_byline_gives_the_dateline() {
        let mut input = raw(
            "T",
            "Kyiv — Iryna Koval\n\nKYIV (Meridian) - Talks resumed.",
        );
        input.byline = Some("Iryna Koval".into());
        let article = finish(input).unwrap();
        assert_eq!(article.dateline.as_deref(), Some("Kyiv"));
        assert_eq!(article.source.as_deref(), Some("Meridian"));
        assert_eq!(article.body, "Talks resumed.");
    }

    #[test]
    fn an_outlets_desk_byline_gives_the_source_not_a_byline() {
        let mut input = raw("T", "Talks resumed.");
        input.byline = Some("By Reuters Staff".into());
        let article = finish(input.clone()).unwrap();
        assert_eq!(article.source.as_deref(), Some("Reuters"));
        assert_eq!(article.byline, None);

        input.source = Some("Savanna Wire — World briefing".into());
        input.byline = Some("Savanna Wire staff".into());
        let article = finish(input.clone()).unwrap();
        assert_eq!(
            article.source.as_deref(),
            Some("Savanna Wire — World briefing")
        );
        assert_eq!(article.byline, None);

        // An aggregator's feed: the desk names the outlet the source does not.
        input.source = Some("World Headlines".into());
        input.byline = Some("Al Jazeera Web Desk".into());
        let article = finish(input.clone()).unwrap();
        assert_eq!(article.source.as_deref(), Some("World Headlines"));
        assert_eq!(article.byline.as_deref(), Some("Al Jazeera Web Desk"));

        input.byline = Some("Europe Desk".into());
        assert_eq!(
            finish(input).unwrap().byline.as_deref(),
            Some("Europe Desk")
        );
    }

    #[test]
    fn an_untitled_story_is_titled_by_its_first_sentence() {
        let article = finish(raw(
            "",
            "Ministers agreed a calendar on Monday. Talks open in June.\n\nMore.",
        ))
        .unwrap();
        assert_eq!(article.title, "Ministers agreed a calendar on Monday.");
        assert!(article.body.starts_with("Ministers agreed"));
    }

    #[test]
    fn no_title_and_no_body_is_an_error() {
        assert!(matches!(
            finish(raw(" ", "Advertisement\n\n")),
            Err(IngestError::NoContent)
        ));
    }
}
