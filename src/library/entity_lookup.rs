//! Which entity a name the analyst typed means, as `entity:` in a search reads it: the
//! entity of that name (any case), else those it names loosely (whole words of a name:
//! `Prabowo` for "Prabowo Subianto", or a name the gazetteer knows: `UN`), as the
//! analyst's corrections name them, most mentioned first.

use std::collections::HashMap;

use serde::Serialize;

use super::correction::Correction;
use super::corrections_apply::names_becoming;
use super::typed_name::TypedName;
use super::{Library, LibraryError};

/// An entity a typed name may mean, and how many stories mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityMatch {
    pub name: String,
    pub stories: usize,
}

impl Library {
    /// The entities `typed` may mean: the one so named (any case) alone when there is
    /// one; otherwise every entity `typed` names loosely, most mentioned first.
    pub fn entity_matches(&self, typed: &str) -> Result<Vec<EntityMatch>, LibraryError> {
        let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
        if typed.is_empty() {
            return Ok(Vec::new());
        }
        let name = TypedName::new(&typed);
        let corrections = self.active_corrections()?;
        let mut stored = self.entity_names_like(&typed)?;
        stored.extend(name.known_as().iter().cloned());
        for correction in &corrections {
            if let Correction::Rename { to: target, .. }
            | Correction::Merge { into: target, .. }
            | Correction::Split { into: target, .. } = correction
                && name.fits(target)
            {
                stored.extend(names_becoming(&corrections, target));
            }
        }
        let mut stories: HashMap<String, Vec<i64>> = HashMap::new();
        for (story, shown) in self.entities_as_shown(&corrections, stored)? {
            if name.fits(&shown) {
                stories.entry(shown).or_default().push(story);
            }
        }
        let mut matches: Vec<EntityMatch> = stories
            .into_iter()
            .map(|(name, mut ids)| {
                ids.sort_unstable();
                ids.dedup();
                EntityMatch {
                    name,
                    stories: ids.len(),
                }
            })
            .collect();
        if let Some(exact) = matches.iter().find(|m| m.name.eq_ignore_ascii_case(&typed)) {
            return Ok(vec![exact.clone()]);
        }
        matches.sort_by(|a, b| b.stories.cmp(&a.stories).then_with(|| a.name.cmp(&b.name)));
        Ok(matches)
    }
}
