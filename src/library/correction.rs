//! One correction by the analyst: its kinds, and how it is stored (table `corrections`).

use rusqlite::{Connection, Row};
use serde::Serialize;

/// One correction. Entities are named by canonical name (any case); quotes by their
/// text and events by date and summary, which survive a re-analysis that renumbers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Correction {
    /// Everywhere, the entity `from` is called `to` (a name no entity has yet).
    Rename { from: String, to: String },
    /// Everywhere, the entity `from` is the entity `into`: their mentions join.
    Merge { from: String, into: String },
    /// In one story, what was taken for `entity` is another entity, `into`.
    Split {
        story: i64,
        entity: String,
        into: String,
    },
    /// The quote with this text in the story was said by `speaker`.
    Speaker {
        story: i64,
        quote: String,
        speaker: String,
    },
    /// The quote with this text in the story is not a quote.
    HideQuote { story: i64, quote: String },
    /// The entity is wrong: in one story, or (without `story`) everywhere.
    HideEntity { story: Option<i64>, entity: String },
    /// The story's event on `date` with this summary is wrong.
    HideEvent {
        story: i64,
        date: String,
        summary: String,
    },
    /// The story was published at `published` (RFC 3339, or a `YYYY-MM-DD` day).
    Date { story: i64, published: String },
    /// The story's source is `source`.
    Source { story: i64, source: String },
}

/// A correction as stored, with its id and times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredCorrection {
    pub id: i64,
    #[serde(flatten)]
    pub correction: Correction,
    /// RFC 3339 time it was made.
    pub created: String,
    /// RFC 3339 time it was undone; `None` while it applies.
    pub undone: Option<String>,
}

impl Correction {
    /// The story it concerns, or `None` for a library-wide correction.
    pub fn story(&self) -> Option<i64> {
        match self {
            Correction::Rename { .. } | Correction::Merge { .. } => None,
            Correction::HideEntity { story, .. } => *story,
            Correction::Split { story, .. }
            | Correction::Speaker { story, .. }
            | Correction::HideQuote { story, .. }
            | Correction::HideEvent { story, .. }
            | Correction::Date { story, .. }
            | Correction::Source { story, .. } => Some(*story),
        }
    }

    /// The stored columns: kind, subject, detail, value.
    pub(super) fn columns(&self) -> (&'static str, &str, Option<&str>, Option<&str>) {
        match self {
            Correction::Rename { from, to } => ("rename", from, None, Some(to)),
            Correction::Merge { from, into } => ("merge", from, None, Some(into)),
            Correction::Split { entity, into, .. } => ("split", entity, None, Some(into)),
            Correction::Speaker { quote, speaker, .. } => ("speaker", quote, None, Some(speaker)),
            Correction::HideQuote { quote, .. } => ("hide-quote", quote, None, None),
            Correction::HideEntity { entity, .. } => ("hide-entity", entity, None, None),
            Correction::HideEvent { date, summary, .. } => {
                ("hide-event", date, Some(summary), None)
            }
            Correction::Date { published, .. } => ("date", "published", None, Some(published)),
            Correction::Source { source, .. } => ("source", "source", None, Some(source)),
        }
    }

    /// Rebuilds a correction from its stored columns.
    fn from_columns(
        kind: &str,
        story: Option<i64>,
        subject: String,
        detail: Option<String>,
        value: Option<String>,
    ) -> Option<Correction> {
        let value = || value.clone();
        Some(match kind {
            "rename" => Correction::Rename {
                from: subject,
                to: value()?,
            },
            "merge" => Correction::Merge {
                from: subject,
                into: value()?,
            },
            "split" => Correction::Split {
                story: story?,
                entity: subject,
                into: value()?,
            },
            "speaker" => Correction::Speaker {
                story: story?,
                quote: subject,
                speaker: value()?,
            },
            "hide-quote" => Correction::HideQuote {
                story: story?,
                quote: subject,
            },
            "hide-entity" => Correction::HideEntity {
                story,
                entity: subject,
            },
            "hide-event" => Correction::HideEvent {
                story: story?,
                date: subject,
                summary: detail?,
            },
            "date" => Correction::Date {
                story: story?,
                published: value()?,
            },
            "source" => Correction::Source {
                story: story?,
                source: value()?,
            },
            _ => return None,
        })
    }
}

pub(super) const CORRECTION_COLUMNS: &str =
    "id, kind, article_id, subject, detail, value, created_at, undone_at";

/// Every correction in force on `conn`, in the order made.
pub(super) fn in_force(conn: &Connection) -> rusqlite::Result<Vec<Correction>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {CORRECTION_COLUMNS} FROM corrections WHERE undone_at IS NULL ORDER BY id"
    ))?;
    let rows = statement.query_map([], stored_from_row)?;
    let mut corrections = Vec::new();
    for row in rows {
        if let Some(stored) = row? {
            corrections.push(stored.correction);
        }
    }
    Ok(corrections)
}

/// A stored correction; `None` for a kind this build does not know.
pub(super) fn stored_from_row(row: &Row) -> rusqlite::Result<Option<StoredCorrection>> {
    let kind: String = row.get(1)?;
    let correction =
        Correction::from_columns(&kind, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?);
    let (id, created, undone) = (row.get(0)?, row.get(6)?, row.get(7)?);
    Ok(correction.map(|correction| StoredCorrection {
        id,
        correction,
        created,
        undone,
    }))
}
