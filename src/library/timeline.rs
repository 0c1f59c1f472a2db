//! Timelines across the library: the events of one entity, or the events related to a
//! story, with events that several stories report linked into one.

use std::collections::{HashMap, HashSet};

use rusqlite::params_from_iter;
use serde::Serialize;

use super::correction::Correction;
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

    /// The story's own events and the events of other stories on the same storyline: an
    /// event of another story is related when at least two of its entities take part in
    /// the story's own events, and all the entities it shares with the story are specific
    /// enough, by inverse story frequency, that so many shared by chance would be rare in
    /// a library of this size (see [`related_enough`]). Broad entities ("United States",
    /// "United Kingdom") then link stories only in numbers, never on their own.
    pub fn story_timeline(&self, story: i64) -> Result<Vec<TimelineEvent>, LibraryError> {
        let stories: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))?;
        let stories = stories.max(FEWEST_STORIES);
        // Each of the story's entities with the number of stories naming it.
        let story_frequency: HashMap<i64, i64> = self
            .conn
            .prepare_cached(
                "SELECT ae.entity_id, (SELECT count(*) FROM article_entities x WHERE x.entity_id = ae.entity_id)
                 FROM article_entities ae WHERE ae.article_id = ?1",
            )?
            .query_map([story], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let actors: HashSet<i64> = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT ee.entity_id FROM event_entities ee JOIN events ev ON ev.id = ee.event_id
                 WHERE ev.article_id = ?1",
            )?
            .query_map([story], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut ids: Vec<i64> = self
            .conn
            .prepare_cached("SELECT id FROM events WHERE article_id = ?1")?
            .query_map([story], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        if actors.len() >= 2 {
            let entity_marks = vec!["?"; story_frequency.len()].join(",");
            let actor_marks = vec!["?"; actors.len()].join(",");
            let sql = format!(
                "SELECT ee.event_id, group_concat(ee.entity_id) FROM event_entities ee
                 JOIN events ev ON ev.id = ee.event_id
                 WHERE ee.entity_id IN ({entity_marks}) AND ev.article_id != ?
                 GROUP BY ee.event_id HAVING sum(ee.entity_id IN ({actor_marks})) >= 2"
            );
            let mut values: Vec<i64> = story_frequency.keys().copied().collect();
            values.push(story);
            values.extend(actors.iter().copied());
            let candidates: Vec<(i64, String)> = self
                .conn
                .prepare(&sql)?
                .query_map(params_from_iter(values), |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?
                .collect::<Result<_, _>>()?;
            let mut related: Vec<(f64, i64)> = candidates
                .into_iter()
                .filter_map(|(event, shared)| {
                    let frequencies: Vec<i64> = shared
                        .split(',')
                        .filter_map(|id| id.parse().ok())
                        .filter_map(|id: i64| story_frequency.get(&id).copied())
                        .collect();
                    let weight = specificity(&frequencies, stories);
                    related_enough(weight, stories).then_some((weight, event))
                })
                .collect();
            // The most specific links first, newest event first among equals.
            related.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)));
            ids.extend(related.iter().take(MAX_EVENTS).map(|(_, event)| *event));
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

/// Story counts of a small library say little about how specific an entity is: a library
/// counts as at least this many stories, so that in a handful of stories two shared actors
/// are a link, unless nearly every story names them.
const FEWEST_STORIES: i64 = 50;

/// How specific a set of shared entities is: the sum of their inverse story frequencies,
/// `ln(stories / frequency)`, each the surprise of meeting that entity in a story.
fn specificity(frequencies: &[i64], stories: i64) -> f64 {
    frequencies
        .iter()
        .map(|&f| (stories as f64 / f.max(1) as f64).ln())
        .sum()
}

/// Whether shared entities of this specificity link two stories: together they must be
/// rarer than one story in `e × stories` would be by chance (`ln stories + 1`), so that
/// the more stories the library holds, the more a link must say. Two entities met in
/// every fifth story ("United States", "United Kingdom") say far less than that.
fn related_enough(specificity: f64, stories: i64) -> bool {
    specificity >= (stories as f64).ln() + 1.0
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
