//! Timelines across the library: the events of one entity, or the events related to a
//! story, with events that several stories report linked into one.

use std::collections::HashSet;

use rusqlite::params_from_iter;
use serde::Serialize;

use super::corrections::Correction;
use super::corrections_apply::{StoryCorrections, names_becoming};
use super::day_range::DayRange;
use super::{Library, LibraryError};

/// A story that reports an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventSource {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<String>,
    /// Character offset of the dated sentence in that story's body.
    pub start: usize,
}

/// One event on a timeline, with every story that reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    pub date: String,
    pub summary: String,
    pub entities: Vec<String>,
    pub sources: Vec<EventSource>,
    /// In a story's timeline: the story itself reports this event.
    pub this_story: bool,
}

/// At most this many events are read for one timeline, most specific dates first.
const MAX_EVENTS: usize = 4000;

/// An event as stored, before linking.
struct Row {
    date: String,
    range: Option<DayRange>,
    summary: String,
    entities: Vec<String>,
    source: EventSource,
}

impl Library {
    /// Every event involving `entity` (canonical name, any case), linked and in date order.
    /// An entity the analyst renamed or merged is found under its new name.
    pub fn entity_timeline(&self, entity: &str) -> Result<Vec<TimelineEvent>, LibraryError> {
        let corrections = self.active_corrections()?;
        let names = names_becoming(&corrections, entity);
        let marks = vec!["?"; names.len()].join(",");
        let sql = format!(
            "SELECT DISTINCT ee.event_id FROM event_entities ee JOIN entities e ON e.id = ee.entity_id
             WHERE e.name IN ({marks}) ORDER BY ee.event_id DESC LIMIT {MAX_EVENTS}"
        );
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(&names), |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut rows = self.event_rows(&ids, &corrections)?;
        rows.retain(|row| row.entities.iter().any(|e| e.eq_ignore_ascii_case(entity)));
        Ok(link(rows, None))
    }

    /// The story's own events and the events of other stories on the same storyline:
    /// sharing at least two of its entities, one of them distinctive in the library.
    pub fn story_timeline(&self, story: i64) -> Result<Vec<TimelineEvent>, LibraryError> {
        let entities: Vec<(i64, i64)> = self
            .conn
            .prepare_cached(
                "SELECT ae.entity_id, (SELECT count(*) FROM event_entities x WHERE x.entity_id = ae.entity_id)
                 FROM article_entities ae WHERE ae.article_id = ?1",
            )?
            .query_map([story], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let total_events: i64 = self
            .conn
            .query_row("SELECT count(*) FROM events", [], |row| row.get(0))?;
        // An entity in more than 1% of all events (and more than 20) says little about a storyline.
        let distinctive_limit = (total_events / 100).max(20);
        let distinctive: HashSet<i64> = entities
            .iter()
            .filter(|(_, df)| *df <= distinctive_limit)
            .map(|(id, _)| *id)
            .collect();
        let mut ids: Vec<i64> = self
            .conn
            .prepare_cached("SELECT id FROM events WHERE article_id = ?1")?
            .query_map([story], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        if !distinctive.is_empty() {
            let all: Vec<i64> = entities.iter().map(|(id, _)| *id).collect();
            let marks = vec!["?"; all.len()].join(",");
            let distinctive_marks = vec!["?"; distinctive.len()].join(",");
            let sql = format!(
                "SELECT ee.event_id FROM event_entities ee JOIN events ev ON ev.id = ee.event_id
                 WHERE ee.entity_id IN ({marks}) AND ev.article_id != ?
                 GROUP BY ee.event_id
                 HAVING count(*) >= 2 AND sum(ee.entity_id IN ({distinctive_marks})) >= 1
                 ORDER BY count(*) DESC, ee.event_id DESC LIMIT ?"
            );
            let mut values: Vec<i64> = all;
            values.push(story);
            values.extend(distinctive.iter().copied());
            values.push(MAX_EVENTS as i64);
            let related: Vec<i64> = self
                .conn
                .prepare_cached(&sql)?
                .query_map(params_from_iter(values), |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            ids.extend(related);
        }
        let corrections = self.active_corrections()?;
        Ok(link(self.event_rows(&ids, &corrections)?, Some(story)))
    }

    /// Loads events with their entities and source story, as the analyst corrected
    /// them (hidden events left out).
    fn event_rows(
        &self,
        ids: &[i64],
        corrections: &[Correction],
    ) -> Result<Vec<Row>, LibraryError> {
        let mut rows = Vec::with_capacity(ids.len());
        let mut event = self.conn.prepare_cached(
            "SELECT ev.date, ev.summary, ev.start, a.id, a.title, a.source, a.published,
                    (SELECT json_group_array(name) FROM
                        (SELECT e.name FROM event_entities ee JOIN entities e ON e.id = ee.entity_id
                         WHERE ee.event_id = ev.id ORDER BY ee.position))
             FROM events ev JOIN articles a ON a.id = ev.article_id WHERE ev.id = ?1",
        )?;
        for id in ids {
            let row = event.query_row([id], |row| {
                let date: String = row.get(0)?;
                let entities: String = row.get(7)?;
                Ok(Row {
                    range: DayRange::of(&date),
                    date,
                    summary: row.get(1)?,
                    entities: serde_json::from_str(&entities).unwrap_or_default(),
                    source: EventSource {
                        start: row.get::<_, i64>(2)?.max(0) as usize,
                        id: row.get(3)?,
                        title: row.get(4)?,
                        source: row.get(5)?,
                        published: row.get(6)?,
                    },
                })
            })?;
            let corrected = StoryCorrections::of(corrections, row.source.id);
            if corrected.hides_event(&row.date, &row.summary) {
                continue;
            }
            rows.push(Row {
                entities: corrected.entity_names(&row.entities),
                source: EventSource {
                    source: corrected.source().map(str::to_string).or(row.source.source),
                    published: corrected
                        .published()
                        .map(str::to_string)
                        .or(row.source.published),
                    ..row.source
                },
                ..row
            });
        }
        Ok(rows)
    }
}

/// Links events that report the same thing into one, then sorts by date.
/// Two events are the same when their dates overlap and they share an entity and
/// enough words, or share two entities on exactly the same date.
fn link(mut rows: Vec<Row>, story: Option<i64>) -> Vec<TimelineEvent> {
    // Most specific dates first, so a linked event takes the most precise date.
    rows.sort_by_key(|row| row.range.map_or(i64::MAX, |r| r.days()));
    let mut linked: Vec<(Row, Vec<EventSource>, HashSet<String>)> = Vec::new();
    for row in rows {
        let words = content_words(&row.summary);
        let same = linked.iter().position(|(first, sources, first_words)| {
            !sources.iter().any(|s| s.id == row.source.id)
                && same_event(first, first_words, &row, &words)
        });
        match same {
            Some(i) => {
                let (first, sources, _) = &mut linked[i];
                for entity in &row.entities {
                    if !first.entities.contains(entity) {
                        first.entities.push(entity.clone());
                    }
                }
                sources.push(row.source);
            }
            None => {
                let sources = vec![row.source.clone()];
                linked.push((row, sources, words));
            }
        }
    }
    let mut events: Vec<TimelineEvent> = linked
        .into_iter()
        .map(|(first, mut sources, _)| {
            sources.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
            TimelineEvent {
                this_story: story.is_some_and(|id| sources.iter().any(|s| s.id == id)),
                date: first.date,
                summary: first.summary,
                entities: first.entities,
                sources,
            }
        })
        .collect();
    events.sort_by(|a, b| {
        let start = |e: &TimelineEvent| DayRange::of(&e.date).map(|r| r.start);
        start(a).cmp(&start(b)).then_with(|| a.date.cmp(&b.date))
    });
    events
}

fn same_event(a: &Row, a_words: &HashSet<String>, b: &Row, b_words: &HashSet<String>) -> bool {
    let (Some(ra), Some(rb)) = (a.range, b.range) else {
        return false;
    };
    if !ra.overlaps(&rb) {
        return false;
    }
    let shared = a.entities.iter().filter(|e| b.entities.contains(e)).count();
    let union = a_words.union(b_words).count().max(1);
    let similarity = a_words.intersection(b_words).count() as f64 / union as f64;
    (shared >= 1 && similarity >= 0.25) || (shared >= 2 && a.date == b.date)
}

/// Lowercase words of a summary that carry meaning (no short function words).
fn content_words(text: &str) -> HashSet<String> {
    const STOP: [&str; 24] = [
        "the", "and", "for", "with", "that", "this", "from", "will", "was", "were", "has", "have",
        "had", "its", "their", "his", "her", "are", "been", "into", "over", "after", "said",
        "which",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}
