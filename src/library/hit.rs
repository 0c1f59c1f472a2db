//! One story a search found, and where in it the search matched.

use serde::Serialize;

use super::StorySummary;

/// Which part of a story matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The story's text (any indexed column): a full-text hit.
    Text,
    Title,
    Entity,
    Speaker,
    Source,
}

/// One story found, with what matched in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub story: StorySummary,
    /// Where it matched: the story's text, or (fuzzy) its title, an entity, a speaker
    /// or its source.
    pub field: Field,
    /// What to show: a few words of the story around the matches, or the matched title
    /// or name; the body's opening for a search of filters alone.
    pub text: String,
    /// Character ranges of `text` that matched, in order, as `[start, end)`.
    pub ranges: Vec<(usize, usize)>,
    /// Relevance, higher is better: bm25 for ranked text matches, skim's score for fuzzy
    /// ones, 0 for the rest.
    pub score: f64,
}
