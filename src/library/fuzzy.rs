//! Fuzzy search over story titles, sources, entity names and speakers (fuzzy-matcher's
//! skim algorithm), for the reader's search line and `sitrep search --fuzzy`.

use std::collections::{HashMap, HashSet};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use super::analysis_json::parse_speakers;
use super::query::Query;
use super::{Library, LibraryError, StorySummary};

/// Which part of a story matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Source,
    Entity,
    Speaker,
}

/// One story found by fuzzy search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FuzzyHit {
    pub story: StorySummary,
    pub field: Field,
    /// The text that matched (the title, source, entity or speaker name).
    pub matched: String,
    /// Character indices of `matched` that the pattern matched.
    pub indices: Vec<usize>,
    pub score: i64,
}

/// Everything fuzzy search looks at, loaded once and searched many times.
pub struct FuzzyIndex {
    /// Newest first.
    stories: Vec<StorySummary>,
    /// Entity and speaker names with the positions (in `stories`) of their stories.
    names: Vec<(String, Field, Vec<usize>)>,
}

impl Library {
    /// Loads the fuzzy index of the whole library.
    pub fn fuzzy_index(&self) -> Result<FuzzyIndex, LibraryError> {
        let stories = self.stories(usize::MAX >> 1)?;
        let position: HashMap<i64, usize> =
            stories.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let mut names = group_by_name(self.entity_names(&position)?, Field::Entity);
        names.extend(group_by_name(self.speakers(&position)?, Field::Speaker));
        Ok(FuzzyIndex { stories, names })
    }

    /// Every story's linked entity names with the story's position, by name.
    fn entity_names(
        &self,
        position: &HashMap<i64, usize>,
    ) -> Result<Vec<(String, usize)>, LibraryError> {
        let mut statement = self.conn.prepare(
            "SELECT e.name, ae.article_id FROM article_entities ae
             JOIN entities e ON e.id = ae.entity_id ORDER BY e.name",
        )?;
        let mut rows = statement.query([])?;
        let mut pairs = Vec::new();
        while let Some(row) = rows.next()? {
            if let Some(&story) = position.get(&row.get(1)?) {
                pairs.push((row.get(0)?, story));
            }
        }
        Ok(pairs)
    }

    /// Every story's distinct quote speakers with the story's position, by name.
    ///
    /// The quote lists are parsed here rather than by SQLite's `json_each`, which took
    /// three times as long over a large library.
    fn speakers(
        &self,
        position: &HashMap<i64, usize>,
    ) -> Result<Vec<(String, usize)>, LibraryError> {
        let mut statement = self
            .conn
            .prepare("SELECT article_id, quotes FROM article_analysis")?;
        let mut rows = statement.query([])?;
        let mut pairs = Vec::new();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let Some(&story) = position.get(&id) else {
                continue;
            };
            let quotes: String = row.get(1)?;
            // A damaged list (which `sitrep check` reports) costs that story its
            // speakers, not the whole library its search.
            let Ok(mut speakers) = parse_speakers(&quotes, id) else {
                continue;
            };
            speakers.sort_unstable();
            speakers.dedup();
            pairs.extend(speakers.into_iter().map(|speaker| (speaker, story)));
        }
        pairs.sort_unstable();
        Ok(pairs)
    }

    /// Ids of the stories that pass the query's filters, or `None` when it has none.
    pub fn filtered_ids(&self, query: &Query) -> Result<Option<HashSet<i64>>, LibraryError> {
        let filters_only = Query {
            terms: Vec::new(),
            ..query.clone()
        };
        if filters_only == Query::default() {
            return Ok(None);
        }
        let stories = self.filtered(&filters_only, usize::MAX >> 1)?;
        Ok(Some(stories.into_iter().map(|story| story.id).collect()))
    }
}

/// Turns `(name, story)` pairs ordered by name into each name with its stories, in order.
fn group_by_name(pairs: Vec<(String, usize)>, field: Field) -> Vec<(String, Field, Vec<usize>)> {
    let mut names: Vec<(String, Field, Vec<usize>)> = Vec::new();
    for (name, story) in pairs {
        match names.last_mut() {
            Some((last, _, stories)) if *last == name => stories.push(story),
            _ => names.push((name, field, vec![story])),
        }
    }
    for (_, _, stories) in &mut names {
        stories.sort_unstable();
    }
    names
}

impl FuzzyIndex {
    /// Stories whose title, source, entities or speakers match the query's words, best
    /// first (each story once, under its best match); the query's filters apply.
    pub fn search(
        &self,
        query: &Query,
        allowed: Option<&HashSet<i64>>,
        limit: usize,
    ) -> Vec<FuzzyHit> {
        let pattern = query.terms.join(" ");
        let passes = |i: usize| allowed.is_none_or(|ids| ids.contains(&self.stories[i].id));
        if pattern.trim().is_empty() {
            return (0..self.stories.len())
                .filter(|&i| passes(i))
                .take(limit)
                .map(|i| {
                    self.hit(
                        i,
                        Field::Title,
                        self.stories[i].title.clone(),
                        Vec::new(),
                        0,
                    )
                })
                .collect();
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut best: HashMap<usize, FuzzyHit> = HashMap::new();
        let mut offer = |i: usize, hit: FuzzyHit| {
            if best.get(&i).is_none_or(|b| b.score < hit.score) {
                best.insert(i, hit);
            }
        };
        for i in 0..self.stories.len() {
            if !passes(i) {
                continue;
            }
            let story = &self.stories[i];
            if let Some((score, indices)) = matcher.fuzzy_indices(&story.title, &pattern) {
                offer(
                    i,
                    self.hit(i, Field::Title, story.title.clone(), indices, score),
                );
            }
            if let Some(source) = &story.source
                && let Some((score, indices)) = matcher.fuzzy_indices(source, &pattern)
            {
                offer(
                    i,
                    self.hit(i, Field::Source, source.clone(), indices, score),
                );
            }
        }
        for (name, field, stories) in &self.names {
            let Some((score, indices)) = matcher.fuzzy_indices(name, &pattern) else {
                continue;
            };
            for &i in stories.iter().filter(|&&i| passes(i)) {
                offer(i, self.hit(i, *field, name.clone(), indices.clone(), score));
            }
        }
        let mut hits: Vec<(usize, FuzzyHit)> = best.into_iter().collect();
        // Best score first; among equals the newer story (lower position) first.
        hits.sort_by(|(ia, a), (ib, b)| b.score.cmp(&a.score).then(ia.cmp(ib)));
        hits.into_iter().take(limit).map(|(_, hit)| hit).collect()
    }

    fn hit(
        &self,
        i: usize,
        field: Field,
        matched: String,
        indices: Vec<usize>,
        score: i64,
    ) -> FuzzyHit {
        FuzzyHit {
            story: self.stories[i].clone(),
            field,
            matched,
            indices,
            score,
        }
    }
}
