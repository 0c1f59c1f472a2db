//! `sitrep search QUERY`: ranked matches with marked snippets and the true count, as
//! text or JSON. The search itself is the library's [`Library::find`], as in the reader.

use std::path::PathBuf;
use std::process::ExitCode;

use super::open_existing_library;
use super::output::{print, print_json};
use super::table::{self, one_line};
use crate::library::{Found, Hit, Page, Query};

/// Arguments of `sitrep search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words, "phrases", OR between two, NOT before one, and filters: source:NAME
    /// entity:NAME (a whole name or whole words of it) tag:T from:DAY to:DAY (DAY as
    /// YYYY-MM-DD, YYYY-MM or YYYY); quote values with spaces: source:"Gulf Meridian".
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Print {total, hits: [{id, title, source, published, field, text, ranges, score}]};
    /// `ranges` are [start, end) character offsets of the matches in `text`.
    #[arg(long)]
    pub json: bool,
    /// After the full-text matches, also stories whose title, source, entity names or
    /// speakers fuzzy-match the words (the reader's search); the matched characters show
    /// in [brackets].
    #[arg(long)]
    pub fuzzy: bool,
    /// Show at most N stories.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Skip the first N stories (to page on).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,
}

/// Searches the library.
pub fn run(library: Option<PathBuf>, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let library = open_existing_library(library)?;
    let query = Query::parse(&args.query.join(" "))?;
    let page = Page {
        offset: args.offset,
        limit: args.limit,
    };
    let found = if args.fuzzy {
        library.find(&query, Some(&library.fuzzy_index()?), page)?
    } else {
        library.find(&query, None, page)?
    };
    let found = Found {
        hits: found.hits.into_iter().map(one_line_hit).collect(),
        ..found
    };
    if args.json {
        print_json(&found)?;
        return Ok(ExitCode::SUCCESS);
    }
    print(&render(&found, args.offset))?;
    Ok(ExitCode::SUCCESS)
}

/// The hits as table lines, each followed by its marked text, then the count.
fn render(found: &Found, offset: usize) -> String {
    let rows: Vec<table::Row> = found
        .hits
        .iter()
        .map(|hit| table::Row {
            id: hit.story.id,
            published: hit.story.published.as_deref(),
            source: hit.story.source.as_deref(),
            title: &hit.story.title,
        })
        .collect();
    let mut text = String::new();
    for (line, hit) in table::render(&rows).iter().zip(&found.hits) {
        text.push_str(&format!("{line}\n      {}\n", marked(hit)));
    }
    text.push_str(&count_line(found.total, offset, found.hits.len()));
    text.push('\n');
    text
}

/// "2,413 results, 1–20 shown (next: --offset 20)", "1 result", "no matching stories".
fn count_line(total: usize, offset: usize, shown: usize) -> String {
    if total == 0 {
        return "no matching stories".to_string();
    }
    let results = Found::count_phrase(total);
    if shown == total {
        return results;
    }
    let mut line = match shown {
        0 => format!("{results}, none from number {}", offset + 1),
        _ => format!("{results}, {}–{} shown", offset + 1, offset + shown),
    };
    if offset + shown < total {
        line.push_str(&format!(" (next: --offset {})", offset + shown));
    }
    line
}

/// The hit's text with each matched range in [brackets].
fn marked(hit: &Hit) -> String {
    let mut out = String::new();
    let mut ranges = hit.ranges.iter().peekable();
    for (i, c) in hit.text.chars().enumerate() {
        if ranges.peek().is_some_and(|&&(start, _)| start == i) {
            out.push('[');
        }
        out.push(c);
        if let Some(&&(_, end)) = ranges.peek()
            && end == i + 1
        {
            out.push(']');
            ranges.next();
        }
    }
    out
}

/// A hit with its title, source and text on one line each; the ranges follow the text.
fn one_line_hit(hit: Hit) -> Hit {
    let (text, ranges) = one_line_ranges(&hit.text, &hit.ranges);
    Hit {
        story: crate::library::StorySummary {
            title: one_line(&hit.story.title),
            source: hit.story.source.as_deref().map(one_line),
            ..hit.story
        },
        text,
        ranges,
        ..hit
    }
}

/// `text` with runs of white space made one space (and none at the ends), as
/// [`one_line`], with `ranges` moved to the same characters.
fn one_line_ranges(text: &str, ranges: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    // Where each character of `text` lands in the result, or the next one if dropped.
    let mut out = String::new();
    let mut lands = Vec::with_capacity(text.len() + 1);
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
            lands.push(out.chars().count() + usize::from(pending_space));
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        lands.push(out.chars().count());
        out.push(c);
    }
    let length = out.chars().count();
    let at = |i: usize| lands.get(i).copied().unwrap_or(length).min(length);
    // A range ends after its last character, which is never white space.
    let moved = ranges
        .iter()
        .map(|&(start, end)| (at(start), end.checked_sub(1).map_or(0, |last| at(last) + 1)))
        .filter(|(start, end)| start < end)
        .collect();
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_people_write_them() {
        assert_eq!(count_line(0, 0, 0), "no matching stories");
        assert_eq!(count_line(1, 0, 1), "1 result");
        assert_eq!(count_line(3, 0, 3), "3 results");
        assert_eq!(
            count_line(2413, 0, 20),
            "2,413 results, 1–20 shown (next: --offset 20)"
        );
        assert_eq!(count_line(2413, 2400, 13), "2,413 results, 2401–2413 shown");
        assert_eq!(Found::count_phrase(1_234_567), "1,234,567 results");
    }

    #[test]
    fn ranges_follow_white_space_collapsing_and_brackets_stay_text() {
        let (text, ranges) = one_line_ranges("  a [b]\n\n grain  deal", &[(10, 15), (17, 21)]);
        assert_eq!(text, "a [b] grain deal");
        assert_eq!(ranges, [(6, 11), (12, 16)]);
    }
}
