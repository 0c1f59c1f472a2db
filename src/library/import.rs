//! Storing one file's stories: finding whether each is already in the library,
//! then inserting it, updating it in place (same id), or leaving it alone.
//!
//! A story is the same story as a stored one when it has the same URL, or the same
//! normalised title, publication day and body; failing both, when it sits at the
//! same place in the same file (the file was edited) — unless both carry different URLs.
//! A known story takes what the new copy adds without losing what it had (see `merge.rs`).

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::analysis_json::AnalysisJson;
use super::corrected_index::IndexedInstead;
use super::correction::Correction;
use super::entity_ids::EntityIds;
use super::identity::{content_hash, hash_bytes, published_keys, title_key};
use super::merge::merge;
use super::stories::stored_article;
use super::{LibraryError, anchors, fts, versions};
use crate::model::{Analysis, Article};

/// What importing one story did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryOutcome {
    /// A new story, with a new id.
    Imported,
    /// A known story whose text or analysis changed; it keeps its id.
    Updated,
    /// A known story, identical to what is stored.
    Unchanged,
}

/// Where a story came from: a file (or embedded sample name) and its position in it.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub path: &'a str,
    pub index: usize,
}

/// What an import worker computes once per story, so the writer only binds it: the
/// identity keys and hashes stored beside the article, and the analysis lists as JSON.
pub struct StoryValues {
    title: String,
    body_hash: String,
    content_hash: String,
    published_at: Option<i64>,
    published_day: Option<String>,
    lists: AnalysisJson,
}

impl StoryValues {
    /// Serialises the analysis lists, normalises the title, hashes the body and the
    /// whole story, reads the time.
    pub fn of(article: &Article, analysis: &Analysis) -> Self {
        let published = published_keys(article.published.as_deref());
        let lists = AnalysisJson::of(analysis, &article.body);
        StoryValues {
            title: title_key(&article.title),
            body_hash: hash_bytes(article.body.as_bytes()),
            content_hash: content_hash(article, analysis, &lists),
            published_at: published.as_ref().map(|keys| keys.at),
            published_day: published.map(|keys| keys.day),
            lists,
        }
    }
}

/// What every story of one import is stored with: the entity ids met so far, the
/// analyser for merged stories, the import's time (RFC 3339), and the analyst's
/// corrections in force (read in the transaction the stories are written in), which the
/// full-text index applies to each story's names and source.
pub struct Storing<'a> {
    pub entity_ids: EntityIds,
    pub analyze: &'a dyn Fn(&Article) -> Analysis,
    pub now: &'a str,
    pub corrections: Vec<Correction>,
}

/// Stores one story inside the open transaction on `conn` and says what happened, with the story's id.
///
/// A story already stored is merged with the new copy (see [`merge`]); the stored
/// analysis is always that of the stored article, so a merged article that is neither
/// copy is analysed again with `storing.analyze`. A merge that changes the title or
/// body first keeps the story as it stood as a version.
pub fn store_story(
    conn: &Connection,
    storing: &mut Storing,
    article: &Article,
    analysis: &Analysis,
    values: &StoryValues,
    origin: Origin,
) -> Result<(i64, StoryOutcome), LibraryError> {
    let (entity_ids, now) = (&mut storing.entity_ids, storing.now);
    let corrections = &storing.corrections;
    let Some((id, stored_hash)) = find_existing(conn, article, values, origin)? else {
        let id = insert_article(conn, article, values, origin, now)?;
        let names = insert_analysis(conn, entity_ids, id, article, analysis, &values.lists)?;
        let source = article.source.as_deref();
        let instead = IndexedInstead::of(corrections, id, &names, source);
        // A new story has no row yet: one is written only when corrections apply.
        if !instead.is_plain() {
            instead.write(conn, id)?;
        }
        let entities = names.join(" ");
        let (entities, source) = (instead.entities(&entities), instead.source(source));
        fts::index_new(conn, id, &article.title, &article.body, source, entities)?;
        return Ok((id, StoryOutcome::Imported));
    };
    if stored_hash == values.content_hash {
        return Ok((id, StoryOutcome::Unchanged));
    }
    let stored = stored_article(conn, id)?;
    let merged = merge(&stored, article);
    let reanalysed;
    let (article, analysis, values) = if merged == *article {
        (article, analysis, values)
    } else if merged == stored {
        return Ok((id, StoryOutcome::Unchanged));
    } else {
        let analysis = (storing.analyze)(&merged);
        let values = StoryValues::of(&merged, &analysis);
        reanalysed = (merged, analysis, values);
        (&reanalysed.0, &reanalysed.1, &reanalysed.2)
    };
    if values.content_hash == stored_hash {
        return Ok((id, StoryOutcome::Unchanged));
    }
    if article.title != stored.title || article.body != stored.body {
        versions::keep_current(conn, id, now)?;
    }
    fts::unindex(conn, id)?;
    update_article(conn, id, article, values, now)?;
    delete_analysis(conn, id)?;
    let names = insert_analysis(conn, entity_ids, id, article, analysis, &values.lists)?;
    IndexedInstead::of(corrections, id, &names, article.source.as_deref()).write(conn, id)?;
    anchors::follow_story_update(conn, id, &article.body)?;
    // Its notes are indexed too: the whole text is read back.
    fts::index(conn, id)?;
    Ok((id, StoryOutcome::Updated))
}

/// The id and content hash of the stored story this one is, if any.
///
/// There is no `ORDER BY id`: it made SQLite plan the statements again for every story
/// (`sqlite3_stmt_status` counted a re-prepare per call), which cost more than storing
/// the story. Rows equal on every column of the index they are found through come in
/// rowid order anyway, so the oldest matching story is still found first. The URL
/// condition is checked on the rows here.
fn find_existing(
    conn: &Connection,
    article: &Article,
    values: &StoryValues,
    origin: Origin,
) -> rusqlite::Result<Option<(i64, String)>> {
    if let Some(url) = &article.url {
        let found = conn
            .prepare_cached("SELECT id, content_hash FROM articles WHERE url = ?1")?
            .query_row([url], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    let same_day = match &values.published_day {
        Some(_) => "published_day = ?2",
        None => "published_day IS NULL AND ?2 IS NULL",
    };
    let same_text = first_compatible(
        conn,
        &format!(
            "SELECT id, content_hash, url FROM articles
             WHERE title_key = ?1 AND {same_day} AND body_hash = ?3"
        ),
        params![values.title, values.published_day, values.body_hash],
        article.url.as_deref(),
    )?;
    if same_text.is_some() {
        return Ok(same_text);
    }
    first_compatible(
        conn,
        "SELECT id, content_hash, url FROM articles
         WHERE origin_path = ?1 AND origin_index = ?2",
        params![origin.path, origin.index],
        article.url.as_deref(),
    )
}

/// The first `(id, content_hash, url)` row of `sql` whose URL does not contradict `url`
/// (either is missing, or they are equal).
fn first_compatible(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    url: Option<&str>,
) -> rusqlite::Result<Option<(i64, String)>> {
    let mut statement = conn.prepare_cached(sql)?;
    let mut rows = statement.query(params)?;
    while let Some(row) = rows.next()? {
        let stored: Option<String> = row.get(2)?;
        if stored.is_none() || url.is_none() || stored.as_deref() == url {
            return Ok(Some((row.get(0)?, row.get(1)?)));
        }
    }
    Ok(None)
}

fn insert_article(
    conn: &Connection,
    article: &Article,
    values: &StoryValues,
    origin: Origin,
    now: &str,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO articles (title, source, byline, dateline, published, published_at,
             published_day, highlights, body, url, origin_path, origin_index, title_key,
             body_hash, content_hash, imported_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
    )?
    .execute(params![
        article.title,
        article.source,
        article.byline,
        article.dateline,
        article.published,
        values.published_at,
        values.published_day,
        highlights_json(article),
        article.body,
        article.url,
        origin.path,
        origin.index,
        values.title,
        values.body_hash,
        values.content_hash,
        now,
    ])?;
    Ok(conn.last_insert_rowid())
}

fn update_article(
    conn: &Connection,
    id: i64,
    article: &Article,
    values: &StoryValues,
    now: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE articles SET title = ?2, source = ?3, byline = ?4, dateline = ?5,
             published = ?6, published_at = ?7, published_day = ?8, highlights = ?9,
             body = ?10, url = ?11, title_key = ?12, body_hash = ?13, content_hash = ?14,
             updated_at = ?15
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        article.title,
        article.source,
        article.byline,
        article.dateline,
        article.published,
        values.published_at,
        values.published_day,
        highlights_json(article),
        article.body,
        article.url,
        values.title,
        values.body_hash,
        values.content_hash,
        now,
    ])?;
    Ok(())
}

fn highlights_json(article: &Article) -> String {
    serde_json::to_string(&article.highlights).unwrap_or_else(|_| "[]".to_string())
}

/// Removes a story's tags and analysis before they are written anew.
fn delete_analysis(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    for table in [
        "article_tags",
        "article_entities",
        "article_analysis",
        "article_speakers",
        "events",
    ] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE article_id = ?1"))?
            .execute([id])?;
    }
    Ok(())
}

/// Stores a story's tags, its links to entities, its analysis lists, its quote speakers
/// and its events.
/// Returns the names of the entities linked, in order: the story's stored `entities`
/// text in the full-text index, joined by spaces.
fn insert_analysis(
    conn: &Connection,
    entity_ids: &mut EntityIds,
    id: i64,
    article: &Article,
    analysis: &Analysis,
    lists: &AnalysisJson,
) -> rusqlite::Result<Vec<String>> {
    let mut insert_tag = conn.prepare_cached(
        "INSERT OR IGNORE INTO article_tags (article_id, position, tag) VALUES (?1, ?2, ?3)",
    )?;
    for (position, tag) in article.tags.iter().enumerate() {
        insert_tag.execute(params![id, position, tag])?;
    }
    let mut link_entity = conn.prepare_cached(
        "INSERT OR IGNORE INTO article_entities (article_id, entity_id, position)
         VALUES (?1, ?2, ?3)",
    )?;
    let mut linked_names = Vec::with_capacity(analysis.entities.len());
    for (position, entity) in analysis.entities.iter().enumerate() {
        let entity_id = entity_ids.get(conn, &entity.name, entity.kind.as_str())?;
        if link_entity.execute(params![id, entity_id, position])? > 0 {
            linked_names.push(entity.name.clone());
        }
    }
    conn.prepare_cached(
        "INSERT INTO article_analysis (article_id, mentions, quotes, dates)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![id, lists.mentions, lists.quotes, lists.dates])?;
    let mut insert_speaker = conn.prepare_cached(
        "INSERT OR IGNORE INTO article_speakers (speaker, article_id) VALUES (?1, ?2)",
    )?;
    for speaker in analysis.quotes.iter().filter_map(|q| q.speaker.as_deref()) {
        insert_speaker.execute(params![speaker, id])?;
    }
    let mut insert_event = conn.prepare_cached(
        "INSERT INTO events (article_id, date, summary, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut link_event = conn.prepare_cached(
        "INSERT OR IGNORE INTO event_entities (event_id, entity_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for event in &analysis.events {
        insert_event.execute(params![
            id,
            event.date,
            event.summary,
            event.start,
            event.end
        ])?;
        let event_id = conn.last_insert_rowid();
        for (position, name) in event.entities.iter().enumerate() {
            let kind = analysis
                .entities
                .iter()
                .find(|entity| entity.name == *name)
                .map_or("other", |entity| entity.kind.as_str());
            link_event.execute(params![
                event_id,
                entity_ids.get(conn, name, kind)?,
                position
            ])?;
        }
    }
    Ok(linked_names)
}
