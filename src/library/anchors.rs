//! What a note points at in its story, and keeping it pointed there when the story changes.
//!
//! A passage anchor keeps the quoted text beside its character range. When a story is
//! updated in place, [`follow_story_update`] looks for that text in the new body: exactly,
//! nearest to the old place; else ignoring case and runs of whitespace; else it keeps the
//! quoted text and marks the anchor detached. Entity anchors keep their canonical name;
//! event anchors re-link to the story's event with the same date and summary, and
//! otherwise keep the date and summary text.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::LibraryError;

/// Where a note is anchored, as stored and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Anchor {
    /// Characters `start..end` of the body (Unicode scalar values, end exclusive) and
    /// their text. `detached`: the passage is no longer in the body; `text` is what it said.
    Passage {
        start: usize,
        end: usize,
        text: String,
        detached: bool,
    },
    /// An entity of the story, by canonical name.
    Entity { name: String },
    /// A timeline event of the story.
    Event { date: String, summary: String },
}

/// What a new note is to be anchored to, as the caller points at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum AnchorTarget {
    /// Characters `start..end` of the story's body.
    Passage { start: usize, end: usize },
    /// An entity the story mentions, by canonical name (any case).
    Entity { name: String },
    /// One of the story's events, by its date value and summary.
    Event { date: String, summary: String },
}

/// Checks `target` against story `story` and returns the anchor to store.
pub(super) fn resolve(
    conn: &Connection,
    story: i64,
    target: &AnchorTarget,
) -> Result<Anchor, LibraryError> {
    match target {
        AnchorTarget::Passage { start, end } => {
            let body: String = conn
                .prepare_cached("SELECT body FROM articles WHERE id = ?1")?
                .query_row([story], |row| row.get(0))
                .optional()?
                .ok_or(LibraryError::NoSuchStory(story))?;
            let length = body.chars().count();
            if start >= end || *end > length {
                return Err(LibraryError::InvalidNote(format!(
                    "passage {start}:{end} is not inside story {story}, whose body has \
                     {length} characters (give START:END with START < END <= {length})"
                )));
            }
            let text: String = body.chars().skip(*start).take(end - start).collect();
            if text.trim().is_empty() {
                return Err(LibraryError::InvalidNote(format!(
                    "passage {start}:{end} of story {story} is only whitespace"
                )));
            }
            Ok(Anchor::Passage {
                start: *start,
                end: *end,
                text,
                detached: false,
            })
        }
        AnchorTarget::Entity { name } => conn
            .prepare_cached(
                "SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                 WHERE ae.article_id = ?1 AND e.name = ?2",
            )?
            .query_row(params![story, name], |row| row.get(0))
            .optional()?
            .map(|name| Anchor::Entity { name })
            .ok_or_else(|| {
                LibraryError::InvalidNote(format!("story {story} does not mention {name:?}"))
            }),
        AnchorTarget::Event { date, summary } => {
            event_id(conn, story, date, summary)?.ok_or_else(|| {
                LibraryError::InvalidNote(format!("story {story} has no event {date} {summary:?}"))
            })?;
            Ok(Anchor::Event {
                date: date.clone(),
                summary: summary.clone(),
            })
        }
    }
}

/// Stores `anchor` (from [`resolve`]) on the new note `note`.
pub(super) fn attach(conn: &Connection, note: i64, anchor: &Anchor) -> rusqlite::Result<()> {
    match anchor {
        Anchor::Passage {
            start,
            end,
            text,
            detached,
        } => conn
            .prepare_cached(
                "UPDATE notes SET anchor_start = ?2, anchor_end = ?3, anchor_text = ?4,
                     anchor_detached = ?5
                 WHERE id = ?1",
            )?
            .execute(params![note, start, end, text, detached])?,
        Anchor::Entity { name } => conn
            .prepare_cached(
                "UPDATE notes SET entity_id = (SELECT id FROM entities WHERE name = ?2)
                 WHERE id = ?1",
            )?
            .execute(params![note, name])?,
        Anchor::Event { date, summary } => conn
            .prepare_cached(
                "UPDATE notes SET event_date = ?2, event_summary = ?3, event_id =
                     (SELECT ev.id FROM events ev WHERE ev.article_id = notes.article_id
                      AND ev.date = ?2 AND ev.summary = ?3 ORDER BY ev.id LIMIT 1)
                 WHERE id = ?1",
            )?
            .execute(params![note, date, summary])?,
    };
    Ok(())
}

/// The id of the story's event with this date and summary.
fn event_id(
    conn: &Connection,
    story: i64,
    date: &str,
    summary: &str,
) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT id FROM events WHERE article_id = ?1 AND date = ?2 AND summary = ?3
         ORDER BY id LIMIT 1",
    )?
    .query_row(params![story, date, summary], |row| row.get(0))
    .optional()
}

/// Re-anchors every note of story `story` (deleted ones too) to its new `body` and
/// re-links event anchors; call in the transaction that updated the story.
pub fn follow_story_update(conn: &Connection, story: i64, body: &str) -> rusqlite::Result<()> {
    let passages: Vec<(i64, usize, String)> = conn
        .prepare_cached(
            "SELECT id, anchor_start, anchor_text FROM notes
             WHERE article_id = ?1 AND anchor_text IS NOT NULL",
        )?
        .query_map([story], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (note, old_start, quoted) in passages {
        match locate(body, &quoted, old_start) {
            Some((start, end)) => conn
                .prepare_cached(
                    "UPDATE notes SET anchor_start = ?2, anchor_end = ?3, anchor_detached = 0
                     WHERE id = ?1",
                )?
                .execute(params![note, start, end])?,
            None => conn
                .prepare_cached("UPDATE notes SET anchor_detached = 1 WHERE id = ?1")?
                .execute([note])?,
        };
    }
    // Note by note: an UPDATE of many rows opens a statement savepoint, at which FTS5
    // flushes its pending terms (see `fts.rs`), and most stories have no such note.
    let event_notes: Vec<(i64, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT id, event_date, event_summary FROM notes
             WHERE article_id = ?1 AND event_date IS NOT NULL",
        )?
        .query_map([story], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (note, date, summary) in event_notes {
        let event = match summary {
            Some(summary) => event_id(conn, story, &date, &summary)?,
            None => None,
        };
        conn.prepare_cached("UPDATE notes SET event_id = ?2 WHERE id = ?1")?
            .execute(params![note, event])?;
    }
    Ok(())
}

/// Where `quoted` now is in `body` (character range): the exact occurrence nearest to
/// `near`, else the nearest one ignoring case and whitespace differences, else a passage
/// that says nearly the same words (an edit added, dropped or changed a few).
fn locate(body: &str, quoted: &str, near: usize) -> Option<(usize, usize)> {
    let exact = Folded::exact(body);
    if let Some(found) = exact.nearest(&Folded::exact(quoted).text, near) {
        return Some(found);
    }
    let loose = Folded::loose(body);
    let needle = Folded::loose(quoted.trim()).text;
    loose
        .nearest(&needle, near)
        .or_else(|| reworded(body, quoted, near))
}

/// Passages of fewer words are only found again verbatim.
const REWORDED_MIN_WORDS: usize = 4;

/// The share of words a reworded passage must keep, in order (of the longer of the two).
const REWORDED_KEPT: f64 = 0.8;

/// The passage of `body` that begins and ends with the words `quoted` began and ended
/// with and keeps at least [`REWORDED_KEPT`] of its words in order; the most similar,
/// then the nearest to `near`.
fn reworded(body: &str, quoted: &str, near: usize) -> Option<(usize, usize)> {
    let needle: Vec<String> = words(quoted).into_iter().map(|(word, _)| word).collect();
    let n = needle.len();
    if n < REWORDED_MIN_WORDS {
        return None;
    }
    let hay = words(body);
    let mut best: Option<(f64, usize, (usize, usize))> = None;
    for (i, (first, (start, _))) in hay.iter().enumerate() {
        if *first != needle[0] {
            continue;
        }
        let longest = (n * 3 / 2).min(hay.len() - i);
        for j in (i + n / 2).max(i)..i + longest {
            let (last, (_, end)) = &hay[j];
            if *last != needle[n - 1] {
                continue;
            }
            let window: Vec<&String> = hay[i..=j].iter().map(|(w, _)| w).collect();
            let kept = common_in_order(&needle, &window) as f64 / n.max(window.len()) as f64;
            if kept < REWORDED_KEPT {
                continue;
            }
            let distance = start.abs_diff(near);
            let better = best.is_none_or(|(k, d, _)| kept > k || (kept == k && distance < d));
            if better {
                best = Some((kept, distance, (*start, *end)));
            }
        }
    }
    best.map(|(_, _, range)| range)
}

/// The lowercase words of `text` with their character ranges.
fn words(text: &str) -> Vec<(String, (usize, usize))> {
    let mut out: Vec<(String, (usize, usize))> = Vec::new();
    let mut current: Option<(String, usize)> = None;
    for (index, c) in text.chars().chain(std::iter::once(' ')).enumerate() {
        if c.is_alphanumeric() {
            let word = current.get_or_insert_with(|| (String::new(), index));
            word.0.extend(c.to_lowercase());
        } else if let Some((word, start)) = current.take() {
            out.push((word, (start, index)));
        }
    }
    out
}

/// The length of the longest common subsequence of two word lists.
fn common_in_order(a: &[String], b: &[&String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for word in a {
        let mut diagonal = 0;
        for (j, other) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if word == *other {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Text prepared for matching, remembering which original character each char came from.
struct Folded {
    text: Vec<char>,
    origin: Vec<usize>,
}

impl Folded {
    /// The text as it is.
    fn exact(text: &str) -> Folded {
        let text: Vec<char> = text.chars().collect();
        let origin = (0..text.len()).collect();
        Folded { text, origin }
    }

    /// Lowercase, with each run of whitespace as one space.
    fn loose(text: &str) -> Folded {
        let mut folded = Folded {
            text: Vec::new(),
            origin: Vec::new(),
        };
        for (index, c) in text.chars().enumerate() {
            if c.is_whitespace() {
                if folded.text.last() != Some(&' ') {
                    folded.text.push(' ');
                    folded.origin.push(index);
                }
                continue;
            }
            for lower in c.to_lowercase() {
                folded.text.push(lower);
                folded.origin.push(index);
            }
        }
        folded
    }

    /// The original character range of the occurrence of `needle` starting nearest `near`.
    fn nearest(&self, needle: &[char], near: usize) -> Option<(usize, usize)> {
        if needle.is_empty() || needle.len() > self.text.len() {
            return None;
        }
        let at = self
            .text
            .windows(needle.len())
            .enumerate()
            .filter(|(_, window)| *window == needle)
            .map(|(at, _)| at)
            .min_by_key(|at| self.origin[*at].abs_diff(near))?;
        let start = self.origin[at];
        let end = self.origin[at + needle.len() - 1] + 1;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn exact_text_nearest_the_old_place_wins() {
        let body = "Talks resumed. Talks resumed again later.";
        assert_eq!(locate(body, "Talks resumed", 20), Some((15, 28)));
        assert_eq!(locate(body, "Talks resumed", 0), Some((0, 13)));
    }

    #[test]
    fn offsets_count_characters_not_bytes() {
        let body = "Київ — «talks» resumed";
        assert_eq!(locate(body, "talks", 0), Some((8, 13)));
    }

    #[test]
    fn case_and_whitespace_changes_still_match() {
        let body = "Earlier text.\n\nThe  Ministers agreed\non a calendar.";
        assert_eq!(
            locate(body, "the ministers agreed on a calendar", 0),
            Some((15, 50))
        );
    }

    #[test]
    fn a_word_added_removed_or_changed_keeps_the_passage() {
        let quoted = "The ministers agreed on a calendar for the talks.";
        let added = "Earlier text. The ministers quietly agreed on a calendar for the talks. More.";
        let start = added.find("The ministers").unwrap();
        let end = added.find(" More").unwrap() - 1;
        assert_eq!(locate(added, quoted, 0), Some((start, end)));
        let changed = "The ministers agreed on a timetable for the talks.";
        assert_eq!(locate(changed, quoted, 0), Some((0, 49)));
        let dropped = "The ministers agreed on a calendar for talks.";
        assert_eq!(locate(dropped, quoted, 0), Some((0, 44)));
    }

    #[test]
    fn a_rewritten_passage_is_not_taken_for_the_old_one() {
        let quoted = "The ministers agreed on a calendar for the talks.";
        let rewritten = "The ministers could not agree and left without dates for the talks.";
        assert_eq!(locate(rewritten, quoted, 0), None);
        // Short passages are only found verbatim.
        assert_eq!(locate("Talks did resume.", "Talks resumed.", 0), None);
    }

    #[test]
    fn vanished_text_is_not_found() {
        assert_eq!(locate("Nothing like it here.", "a calendar", 3), None);
        assert_eq!(locate("short", "much longer than the body", 0), None);
    }
}
