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

/// The id of the story's event with this date and summary.
pub(super) fn event_id(
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
    conn.prepare_cached(
        "UPDATE notes SET event_id =
             (SELECT ev.id FROM events ev WHERE ev.article_id = notes.article_id
              AND ev.date = notes.event_date AND ev.summary = notes.event_summary
              ORDER BY ev.id LIMIT 1)
         WHERE article_id = ?1 AND event_date IS NOT NULL",
    )?
    .execute([story])?;
    Ok(())
}

/// Where `quoted` now is in `body` (character range): the exact occurrence nearest to
/// `near`, else the nearest one ignoring case and whitespace differences.
fn locate(body: &str, quoted: &str, near: usize) -> Option<(usize, usize)> {
    let exact = Folded::exact(body);
    if let Some(found) = exact.nearest(&Folded::exact(quoted).text, near) {
        return Some(found);
    }
    let loose = Folded::loose(body);
    let needle = Folded::loose(quoted.trim()).text;
    loose.nearest(&needle, near)
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
    fn vanished_text_is_not_found() {
        assert_eq!(locate("Nothing like it here.", "a calendar", 3), None);
        assert_eq!(locate("short", "much longer than the body", 0), None);
    }
}
