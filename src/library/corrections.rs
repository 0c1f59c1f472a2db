//! Corrections by the analyst: rename, merge or split an entity, set a quote's speaker,
//! hide a wrong quote, entity or event, fix a story's date or source.
//!
//! They are stored apart from the analysis (table `corrections`) and applied when
//! analyses are read (`corrections_apply.rs`), so every reader of the library sees them
//! and a re-import or re-analysis keeps them. Undo marks a correction undone; its row stays.

use rusqlite::{OptionalExtension, params};

use super::corrected_index;
use super::correction::{
    CORRECTION_COLUMNS, Correction, StoredCorrection, in_force, stored_from_row,
};
use super::notes::now;
use super::{Library, LibraryError};
use crate::sanitize::clean_text;

impl Library {
    /// Checks `correction` against the library and stores it (names as the library
    /// spells them); returns it as stored.
    pub fn correct(&mut self, correction: &Correction) -> Result<StoredCorrection, LibraryError> {
        let correction = self.checked(correction)?;
        let (kind, subject, detail, value) = correction.columns();
        let created = now();
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO corrections (kind, article_id, subject, detail, value, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![kind, correction.story(), subject, detail, value, created],
            )?;
            let id = tx.last_insert_rowid();
            corrected_index::follow_correction(tx, &correction)?;
            Ok(id)
        })?;
        Ok(StoredCorrection {
            id,
            correction,
            created,
            undone: None,
        })
    }

    /// Undoes correction `id` (it stays listed as undone).
    pub fn undo_correction(&mut self, id: i64) -> Result<StoredCorrection, LibraryError> {
        let stored = self
            .stored_correction(id)?
            .ok_or(LibraryError::NoSuchCorrection(id))?;
        if stored.undone.is_some() {
            return Err(LibraryError::InvalidCorrection(format!(
                "correction {id} is already undone"
            )));
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE corrections SET undone_at = ?2 WHERE id = ?1",
                params![id, now()],
            )?;
            corrected_index::follow_correction(tx, &stored.correction)?;
            Ok(())
        })?;
        Ok(self.stored_correction(id)?.unwrap_or(stored))
    }

    /// The corrections in the order they were made; undone ones only with `undone`.
    pub fn corrections(&self, undone: bool) -> Result<Vec<StoredCorrection>, LibraryError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {CORRECTION_COLUMNS} FROM corrections
             WHERE ?1 OR undone_at IS NULL ORDER BY id"
        ))?;
        let rows = statement.query_map([undone], stored_from_row)?;
        rows.filter_map(|row| row.transpose())
            .collect::<Result<_, _>>()
            .map_err(LibraryError::from)
    }

    /// Every correction in force, in the order made.
    pub(super) fn active_corrections(&self) -> Result<Vec<Correction>, LibraryError> {
        Ok(in_force(&self.conn)?)
    }

    /// The corrections in force for story `story`, library-wide ones included, in order.
    pub(super) fn corrections_for(&self, story: i64) -> Result<Vec<Correction>, LibraryError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {CORRECTION_COLUMNS} FROM corrections
             WHERE undone_at IS NULL AND (article_id IS NULL OR article_id = ?1) ORDER BY id"
        ))?;
        let rows = statement.query_map([story], stored_from_row)?;
        let mut corrections = Vec::new();
        for row in rows {
            if let Some(stored) = row? {
                corrections.push(stored.correction);
            }
        }
        Ok(corrections)
    }

    fn stored_correction(&self, id: i64) -> Result<Option<StoredCorrection>, LibraryError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {CORRECTION_COLUMNS} FROM corrections WHERE id = ?1"
            ))?
            .query_row([id], stored_from_row)
            .optional()?
            .flatten())
    }

    /// `correction` with names and texts cleaned, after checking that what it names
    /// exists as the analyst now sees it.
    fn checked(&self, correction: &Correction) -> Result<Correction, LibraryError> {
        let invalid = |message: String| Err(LibraryError::InvalidCorrection(message));
        let name = |value: &str| -> Result<String, LibraryError> {
            let value = clean_text(value)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if value.is_empty() {
                return Err(LibraryError::InvalidCorrection(
                    "a name or value cannot be empty".to_string(),
                ));
            }
            Ok(value)
        };
        if let Some(story) = correction.story() {
            self.story(story)?;
        }
        let known = |entity: &str| self.canonical_name(entity).map(|name| name.is_some());
        Ok(match correction {
            Correction::Rename { from, to } => {
                let Some(from) = self.canonical_name(from)? else {
                    return invalid(format!("no entity named {from:?}"));
                };
                if known(to)? {
                    return invalid(format!(
                        "an entity named {to:?} exists; merge {from:?} into it instead"
                    ));
                }
                Correction::Rename {
                    from,
                    to: name(to)?,
                }
            }
            Correction::Merge { from, into } => {
                if from.eq_ignore_ascii_case(into) {
                    return invalid("an entity cannot be merged into itself".to_string());
                }
                let canonical = |entity: &str| match self.canonical_name(entity)? {
                    Some(name) => Ok(name),
                    None => Err(LibraryError::InvalidCorrection(format!(
                        "no entity named {entity:?}"
                    ))),
                };
                Correction::Merge {
                    from: canonical(from)?,
                    into: canonical(into)?,
                }
            }
            Correction::Split {
                story,
                entity,
                into,
            } => {
                let extract = self.story(*story)?;
                if !extract
                    .analysis
                    .entities
                    .iter()
                    .any(|e| e.name.eq_ignore_ascii_case(entity))
                {
                    return invalid(format!("story {story} has no entity named {entity:?}"));
                }
                Correction::Split {
                    story: *story,
                    entity: entity.clone(),
                    into: name(into)?,
                }
            }
            Correction::Speaker {
                story,
                quote,
                speaker,
            } => {
                self.check_quote(*story, quote)?;
                Correction::Speaker {
                    story: *story,
                    quote: quote.clone(),
                    speaker: name(speaker)?,
                }
            }
            Correction::HideQuote { story, quote } => {
                self.check_quote(*story, quote)?;
                correction.clone()
            }
            Correction::HideEntity { story, entity } => {
                let found = match story {
                    Some(story) => self
                        .story(*story)?
                        .analysis
                        .entities
                        .iter()
                        .any(|e| e.name.eq_ignore_ascii_case(entity)),
                    None => known(entity)?,
                };
                if !found {
                    return invalid(format!("no entity named {entity:?} to hide"));
                }
                correction.clone()
            }
            Correction::HideEvent {
                story,
                date,
                summary,
            } => {
                let events = self.story(*story)?.analysis.events;
                if !events
                    .iter()
                    .any(|e| &e.date == date && &e.summary == summary)
                {
                    return invalid(format!("story {story} has no such event on {date}"));
                }
                correction.clone()
            }
            Correction::Date { story, published } => Correction::Date {
                story: *story,
                published: publication_time(published).ok_or_else(|| {
                    LibraryError::InvalidCorrection(format!(
                        "{published:?} is not a date (YYYY-MM-DD) or an RFC 3339 time"
                    ))
                })?,
            },
            Correction::Source { story, source } => Correction::Source {
                story: *story,
                source: name(source)?,
            },
        })
    }

    /// The name, as spelled in the library, of the entity some story (as corrected)
    /// calls `entity` (any case); `None` when there is none.
    fn canonical_name(&self, entity: &str) -> Result<Option<String>, LibraryError> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT e.name FROM entities e WHERE e.name = ?1
                 AND EXISTS (SELECT 1 FROM article_entities ae WHERE ae.entity_id = e.id)",
                [entity],
                |row| row.get(0),
            )
            .optional()?;
        let named =
            self.corrections(false)?
                .into_iter()
                .find_map(|stored| match stored.correction {
                    Correction::Rename { to: name, .. } | Correction::Split { into: name, .. }
                        if name.eq_ignore_ascii_case(entity) =>
                    {
                        Some(name)
                    }
                    _ => None,
                });
        Ok(stored.or(named))
    }

    fn check_quote(&self, story: i64, quote: &str) -> Result<(), LibraryError> {
        let quotes = self.story(story)?.analysis.quotes;
        if quotes.iter().any(|q| q.text == quote) {
            Ok(())
        } else {
            Err(LibraryError::InvalidCorrection(format!(
                "story {story} has no such quote"
            )))
        }
    }
}

/// `value` as a stored publication time: an RFC 3339 time as given, or the start of a
/// `YYYY-MM-DD` day in UTC.
fn publication_time(value: &str) -> Option<String> {
    let value = value.trim();
    if value.parse::<jiff::Timestamp>().is_ok() {
        return Some(value.to_string());
    }
    let day: jiff::civil::Date = value.parse().ok()?;
    Some(format!("{day}T00:00:00Z"))
}
