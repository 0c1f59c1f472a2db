//! Reading stories back: the library summary, the newest stories, one story in full.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

use super::analysis_json::{parse_dates, parse_mentions, parse_quotes};
use super::char_spans::CharSpans;
use super::correction::Correction;
use super::corrections_apply::StoryCorrections;
use super::identity::published_keys;
use super::{Library, LibraryError};
use crate::model::{Analysis, Article, Entity, EntityKind, Event, Extract};
use crate::text::Body;

/// One line of a story list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StorySummary {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub published: Option<String>,
}

/// The library at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibrarySummary {
    pub stories: i64,
    pub sources: i64,
    pub entities: i64,
    /// Publication day (`YYYY-MM-DD`) of the oldest and newest dated story.
    pub first_day: Option<String>,
    pub last_day: Option<String>,
}

impl Library {
    /// True when the library holds no story yet.
    pub fn is_empty(&self) -> Result<bool, LibraryError> {
        let any: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM articles)", [], |row| {
                    row.get(0)
                })?;
        Ok(!any)
    }

    /// Counts of stories, sources and entities, and the span of publication days.
    pub fn summary(&self) -> Result<LibrarySummary, LibraryError> {
        let summary = self.conn.query_row(
            "SELECT count(*), count(DISTINCT source), min(published_day), max(published_day),
                    (SELECT count(*) FROM entities
                     WHERE id IN (SELECT entity_id FROM article_entities))
             FROM articles",
            [],
            |row| {
                Ok(LibrarySummary {
                    stories: row.get(0)?,
                    sources: row.get(1)?,
                    first_day: row.get(2)?,
                    last_day: row.get(3)?,
                    entities: row.get(4)?,
                })
            },
        )?;
        Ok(summary)
    }

    /// The newest `limit` stories, newest first; undated stories come last. A date or
    /// source the analyst corrected is shown, and the date counts for the order. Read from
    /// the list index alone, not the rows with bodies.
    pub fn stories(&self, limit: usize) -> Result<Vec<StorySummary>, LibraryError> {
        let corrections = self.active_corrections()?;
        let mut fixed: Vec<i64> = corrections
            .iter()
            .filter(|c| matches!(c, Correction::Date { .. } | Correction::Source { .. }))
            .filter_map(Correction::story)
            .collect();
        fixed.sort_unstable();
        fixed.dedup();
        // Enough stories that those a corrected date moves out of the newest are replaced.
        let wanted = limit.saturating_add(fixed.len()).min(i64::MAX as usize);
        let mut statement = self.conn.prepare_cached(
            "SELECT id, title, source, published, published_at
             FROM articles INDEXED BY articles_for_lists
             ORDER BY published_at DESC, id DESC LIMIT ?1",
        )?;
        let mut rows: Vec<(Option<i64>, StorySummary)> = statement
            .query_map([wanted as i64], dated_story_summary)?
            .collect::<Result<_, _>>()?;
        if fixed.is_empty() {
            return Ok(rows.into_iter().map(|(_, story)| story).collect());
        }
        let mut by_id = self.conn.prepare_cached(
            "SELECT id, title, source, published, published_at FROM articles WHERE id = ?1",
        )?;
        for id in &fixed {
            if !rows.iter().any(|(_, story)| story.id == *id) {
                rows.extend(by_id.query_row([id], dated_story_summary).optional()?);
            }
        }
        for (published_at, story) in &mut rows {
            let corrected = StoryCorrections::of(&corrections, story.id);
            if let Some(published) = corrected.published() {
                *published_at = published_keys(Some(published)).map(|keys| keys.at);
                story.published = Some(published.to_string());
            }
            if let Some(source) = corrected.source() {
                story.source = Some(source.to_string());
            }
        }
        rows.sort_by_key(|(at, story)| (at.is_none(), std::cmp::Reverse((*at, story.id))));
        rows.truncate(limit);
        Ok(rows.into_iter().map(|(_, story)| story).collect())
    }

    /// The list line of story `id`, with the date and source the analyst corrected.
    pub fn summary_of(&self, id: i64) -> Result<StorySummary, LibraryError> {
        let mut story = self
            .conn
            .prepare_cached("SELECT id, title, source, published FROM articles WHERE id = ?1")?
            .query_row([id], story_summary)
            .optional()?
            .ok_or(LibraryError::NoSuchStory(id))?;
        let corrections = self.active_corrections()?;
        let corrected = StoryCorrections::of(&corrections, id);
        if let Some(published) = corrected.published() {
            story.published = Some(published.to_string());
        }
        if let Some(source) = corrected.source() {
            story.source = Some(source.to_string());
        }
        Ok(story)
    }

    /// Story `id`'s sentences as character spans `[start, end)` of its body, in reading
    /// order, split as every stage splits them (`crate::text`): what the reader anchors a
    /// note on the passage in view to, without splitting the text itself.
    pub fn sentences(&self, id: i64) -> Result<Vec<(usize, usize)>, LibraryError> {
        let body: String = self
            .conn
            .prepare_cached("SELECT body FROM articles WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?
            .ok_or(LibraryError::NoSuchStory(id))?;
        let body = Body::new(&body);
        Ok(body
            .sentences()
            .into_iter()
            .map(|span| (body.char_offset(span.start), body.char_offset(span.end)))
            .collect())
    }

    /// One story with its analysis, in the shape of `sitrep extract` plus its id.
    pub fn story(&self, id: i64) -> Result<Extract, LibraryError> {
        let article = stored_article(&self.conn, id)?;
        let (mentions, quotes, dates) = self.analysis_lists(id)?;
        let body = CharSpans::of(&article.body);
        let analysis = Analysis {
            entities: self.entities(id, &mentions, &body)?,
            quotes: parse_quotes(&quotes, id, &body)?,
            dates: parse_dates(&dates, id, &body)?,
            events: self.events(id)?,
        };
        let mut extract = Extract {
            id: Some(id),
            article,
            analysis,
        };
        let corrections = self.corrections_for(id)?;
        StoryCorrections::of(&corrections, id).apply(&mut extract);
        Ok(extract)
    }

    /// The story's stored mentions, quotes and dates, as JSON.
    fn analysis_lists(&self, id: i64) -> Result<(String, String, String), LibraryError> {
        self.conn
            .prepare_cached(
                "SELECT mentions, quotes, dates FROM article_analysis WHERE article_id = ?1",
            )?
            .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .optional()?
            .ok_or_else(|| LibraryError::Damaged(format!("story {id} has no stored analysis")))
    }

    /// The story's entities in order, each with its mentions from `mentions` (JSON) in
    /// `body`.
    fn entities(
        &self,
        id: i64,
        mentions: &str,
        body: &CharSpans,
    ) -> Result<Vec<Entity>, LibraryError> {
        let mut entities: Vec<(usize, Entity)> = Vec::new();
        let mut statement = self.conn.prepare_cached(
            "SELECT ae.position, e.name, e.kind FROM article_entities ae
             JOIN entities e ON e.id = ae.entity_id
             WHERE ae.article_id = ?1 ORDER BY ae.position",
        )?;
        let mut rows = statement.query([id])?;
        while let Some(row) = rows.next()? {
            let kind: String = row.get(2)?;
            let entity = Entity {
                name: row.get(1)?,
                kind: EntityKind::parse(&kind).ok_or_else(|| damaged("entity kind", &kind))?,
                mentions: Vec::new(),
            };
            entities.push((row.get(0)?, entity));
        }
        for (position, mention) in parse_mentions(mentions, id, body)? {
            let linked = entities.iter_mut().find(|(at, _)| *at == position);
            if let Some((_, entity)) = linked {
                entity.mentions.push(mention);
            }
        }
        Ok(entities.into_iter().map(|(_, entity)| entity).collect())
    }

    fn events(&self, id: i64) -> Result<Vec<Event>, LibraryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT ev.date, ev.summary, ev.start, ev.end,
                    (SELECT json_group_array(name) FROM
                        (SELECT e.name FROM event_entities ee JOIN entities e ON e.id = ee.entity_id
                         WHERE ee.event_id = ev.id ORDER BY ee.position))
             FROM events ev WHERE ev.article_id = ?1 ORDER BY ev.id",
        )?;
        let mut rows = statement.query([id])?;
        let mut events = Vec::new();
        while let Some(row) = rows.next()? {
            let entities: String = row.get(4)?;
            events.push(Event {
                date: row.get(0)?,
                summary: row.get(1)?,
                start: row.get(2)?,
                end: row.get(3)?,
                entities: serde_json::from_str(&entities)
                    .map_err(|_| damaged("event entities", &entities))?,
            });
        }
        Ok(events)
    }
}

/// Story `id` as stored: its article fields and tags.
pub(super) fn stored_article(conn: &Connection, id: i64) -> Result<Article, LibraryError> {
    let (article, highlights) = conn
        .prepare_cached(
            "SELECT title, source, byline, dateline, published, highlights, body, url
             FROM articles WHERE id = ?1",
        )?
        .query_row([id], |row| {
            let article = Article {
                title: row.get(0)?,
                source: row.get(1)?,
                byline: row.get(2)?,
                dateline: row.get(3)?,
                published: row.get(4)?,
                highlights: Vec::new(),
                body: row.get(6)?,
                url: row.get(7)?,
                tags: Vec::new(),
            };
            Ok((article, row.get::<_, String>(5)?))
        })
        .optional()?
        .ok_or(LibraryError::NoSuchStory(id))?;
    Ok(Article {
        highlights: serde_json::from_str(&highlights)
            .map_err(|_| damaged("highlights", &highlights))?,
        tags: tags(conn, id)?,
        ..article
    })
}

fn tags(conn: &Connection, id: i64) -> Result<Vec<String>, LibraryError> {
    let mut statement = conn
        .prepare_cached("SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY position")?;
    let rows = statement.query_map([id], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Reads `id, title, source, published` into a [`StorySummary`].
fn story_summary(row: &Row) -> rusqlite::Result<StorySummary> {
    Ok(StorySummary {
        id: row.get(0)?,
        title: row.get(1)?,
        source: row.get(2)?,
        published: row.get(3)?,
    })
}

/// Reads `id, title, source, published, published_at`.
fn dated_story_summary(row: &Row) -> rusqlite::Result<(Option<i64>, StorySummary)> {
    Ok((row.get(4)?, story_summary(row)?))
}

pub(super) fn damaged(what: &str, value: &str) -> LibraryError {
    LibraryError::Damaged(format!("unknown {what} {value:?}"))
}
