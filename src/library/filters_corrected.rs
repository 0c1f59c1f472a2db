//! The stories the analyst's corrections move into or out of a query's filters: a fixed
//! source or date stands in for the stored one, and an entity filter finds entities by
//! the names the corrections give them (renamed, merged, split), never hidden ones.
//!
//! Worked out only where corrections touch a filter; other filters stay plain SQL.

use rusqlite::params_from_iter;

use super::correction::Correction;
use super::corrections_apply::{StoryCorrections, names_becoming};
use super::identity::published_keys;
use super::query::Query;
use super::typed_name::TypedName;
use super::{Library, LibraryError};

/// What the corrections change about a query's filters.
#[derive(Debug, Default)]
pub struct CorrectedFilters {
    /// Stories whose source the analyst fixed, with the source now.
    pub sources: Vec<(i64, String)>,
    /// Stories whose date the analyst fixed, with the publication day now (`None` when
    /// the fixed time cannot be read).
    pub days: Vec<(i64, Option<String>)>,
    /// For each of the query's entity filters, in order: the stories that pass it when
    /// corrections touch the names it finds, `None` when they do not.
    pub entities: Vec<Option<Vec<i64>>>,
}

impl Library {
    /// How the analyst's corrections in force change the filters of `query`.
    pub(super) fn corrected_filters(
        &self,
        query: &Query,
    ) -> Result<CorrectedFilters, LibraryError> {
        let corrections = self.active_corrections()?;
        let mut corrected = CorrectedFilters::default();
        if corrections.is_empty() {
            corrected.entities = vec![None; query.entities.len()];
            return Ok(corrected);
        }
        let mut stories: Vec<i64> = corrections
            .iter()
            .filter(|c| matches!(c, Correction::Date { .. } | Correction::Source { .. }))
            .filter_map(Correction::story)
            .collect();
        stories.sort_unstable();
        stories.dedup();
        for story in stories {
            let fixed = StoryCorrections::of(&corrections, story);
            if let Some(source) = fixed.source() {
                corrected.sources.push((story, source.to_string()));
            }
            if let Some(published) = fixed.published() {
                let day = published_keys(Some(published)).map(|keys| keys.day);
                corrected.days.push((story, day));
            }
        }
        for value in &query.entities {
            corrected
                .entities
                .push(self.corrected_entity_stories(&corrections, value)?);
        }
        Ok(corrected)
    }

    /// The stories that mention an entity `value` names loosely or by a gazetteer name,
    /// as corrected; `None` when no correction concerns a name `value` names.
    fn corrected_entity_stories(
        &self,
        corrections: &[Correction],
        value: &str,
    ) -> Result<Option<Vec<i64>>, LibraryError> {
        let typed = TypedName::new(value);
        let mut touched = false;
        let mut names: Vec<String> = Vec::new();
        for correction in corrections {
            let (subject, target) = match correction {
                Correction::Rename { from, to } => (from, Some(to)),
                Correction::Merge { from, into } => (from, Some(into)),
                Correction::Split { entity, into, .. } => (entity, Some(into)),
                Correction::HideEntity { entity, .. } => (entity, None),
                _ => continue,
            };
            touched |= typed.fits(subject);
            if let Some(target) = target.filter(|target| typed.fits(target)) {
                touched = true;
                names.extend(names_becoming(corrections, target));
            }
        }
        if !touched {
            return Ok(None);
        }
        names.extend(self.entity_names_like(value)?);
        names.extend(typed.known_as().iter().cloned());
        let shown = self.entities_as_shown(corrections, names)?;
        let mut stories: Vec<i64> = shown
            .into_iter()
            .filter(|(_, name)| typed.fits(name))
            .map(|(story, _)| story)
            .collect();
        stories.sort_unstable();
        stories.dedup();
        Ok(Some(stories))
    }

    /// Each story mentioning an entity stored under one of `names`, with the name the
    /// corrections give that entity there (hidden ones left out).
    pub(super) fn entities_as_shown(
        &self,
        corrections: &[Correction],
        mut names: Vec<String>,
    ) -> Result<Vec<(i64, String)>, LibraryError> {
        names.sort_unstable();
        names.dedup();
        let names = serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_string());
        let mut statement = self.conn.prepare_cached(
            "SELECT ae.article_id, e.name FROM article_entities ae
             JOIN entities e ON e.id = ae.entity_id
             WHERE e.name IN (SELECT value FROM json_each(?1))",
        )?;
        let pairs = statement.query_map([names], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut shown = Vec::new();
        for pair in pairs {
            let (story, name) = pair?;
            if let Some(name) = StoryCorrections::of(corrections, story).entity_name(&name) {
                shown.push((story, name));
            }
        }
        Ok(shown)
    }

    /// Stored entity names that `value` names loosely.
    pub(super) fn entity_names_like(&self, value: &str) -> Result<Vec<String>, LibraryError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT name FROM entities WHERE name = ?1 OR ' ' || name || ' ' LIKE ?2 ESCAPE '\\'",
        )?;
        let rows = statement.query_map(
            params_from_iter([value.to_string(), super::filters::whole_words(value)]),
            |row| row.get(0),
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
