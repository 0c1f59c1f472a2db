//! `check`'s look at each story's stored mentions, quotes and dates (JSON lists, see
//! `analysis_json.rs`): readable by the reader's own parser, every span inside the body
//! and equal to its text there, every mention naming an entity the story lists.
//!
//! Done in Rust rather than with SQLite's `json_each`, which took twice as long as the
//! rest of `check` together on a large library.

use rusqlite::Connection;

use super::LibraryError;
use super::analysis_json::{parse_dates, parse_mentions, parse_quotes};
use super::char_spans::CharSpans;

/// How many stored items break one rule, and the first story (lowest id) with one.
#[derive(Default)]
struct Tally {
    count: usize,
    first: Option<i64>,
}

impl Tally {
    fn add(&mut self, story: i64, count: usize) {
        if count > 0 {
            self.count += count;
            self.first.get_or_insert(story);
        }
    }

    /// One problem line, or nothing when no item broke the rule.
    fn problem(&self, what: &str) -> Option<String> {
        let story = self.first?;
        Some(format!("{} {what} (first in story {story})", self.count))
    }
}

/// Problems with the stored analysis lists, one line per broken rule.
pub(super) fn analysis_lists(conn: &Connection) -> Result<Vec<String>, LibraryError> {
    let mut statement = conn.prepare(
        "SELECT a.id, a.body, aa.mentions, aa.quotes, aa.dates,
                (SELECT json_group_array(position) FROM article_entities
                 WHERE article_id = a.id)
         FROM articles a LEFT JOIN article_analysis aa ON aa.article_id = a.id
         ORDER BY a.id",
    )?;
    let mut rows = statement.query([])?;
    let [
        mut unreadable,
        mut mentions,
        mut quotes,
        mut dates,
        mut unlinked,
    ] = std::array::from_fn(|_| Tally::default());
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let body: String = row.get(1)?;
        let lists: [Option<String>; 3] = [row.get(2)?, row.get(3)?, row.get(4)?];
        let linked: String = row.get(5)?;
        let [Some(mention_list), Some(quote_list), Some(date_list)] = lists else {
            unreadable.add(id, 1);
            continue;
        };
        let body = CharSpans::of(&body);
        let parsed = (
            parse_mentions(&mention_list, id, &body),
            parse_quotes(&quote_list, id, &body),
            parse_dates(&date_list, id, &body),
            serde_json::from_str::<Vec<usize>>(&linked),
        );
        let (Ok(story_mentions), Ok(story_quotes), Ok(story_dates), Ok(linked)) = parsed else {
            unreadable.add(id, 1);
            continue;
        };
        let mention_spans = story_mentions
            .iter()
            .map(|(_, m)| (m.start, m.end, &*m.text));
        mentions.add(id, misplaced(&body, mention_spans));
        let quote_spans = story_quotes.iter().map(|q| (q.start, q.end, &*q.text));
        quotes.add(id, misplaced(&body, quote_spans));
        let date_spans = story_dates.iter().map(|d| (d.start, d.end, &*d.text));
        dates.add(id, misplaced(&body, date_spans));
        let off_story = story_mentions
            .iter()
            .filter(|(entity, _)| !linked.contains(entity))
            .count();
        unlinked.add(id, off_story);
    }
    Ok([
        unreadable.problem("stories have no readable mentions, quotes or dates"),
        mentions.problem("entity mentions lie outside their story's body or differ from its text"),
        quotes.problem("quotes lie outside their story's body or differ from its text"),
        dates.problem("date mentions lie outside their story's body or differ from its text"),
        unlinked.problem("mentions name an entity their story does not list"),
    ]
    .into_iter()
    .flatten()
    .collect())
}

/// How many of `spans` (start, end, text) lie outside the body or differ from its text.
fn misplaced<'t>(body: &CharSpans, spans: impl Iterator<Item = (usize, usize, &'t str)>) -> usize {
    spans
        .filter(|&(start, end, text)| body.text(start, end) != Some(text))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_outside_the_body_or_unlike_its_text_are_misplaced() {
        let body = CharSpans::of("Brüssel, Zürich");
        let spans = [(0, 7, "Brüssel"), (9, 15, "Zurich"), (20, 25, "far")];
        assert_eq!(misplaced(&body, spans.into_iter()), 2);
    }
}
