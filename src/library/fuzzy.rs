//! Fuzzy search over story titles, sources, entity names and speakers (fuzzy-matcher's
//! skim algorithm), for the reader's search line and `sitrep search --fuzzy`.

use std::collections::{HashMap, HashSet};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

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
        let mut names = Vec::new();
        for (sql, field) in [
            (
                "SELECT e.name, ae.article_id FROM article_entities ae
                 JOIN entities e ON e.id = ae.entity_id ORDER BY e.name",
                Field::Entity,
            ),
            // A stored quote is `[text, start, end, speaker, kind]` (see analysis_json.rs).
            (
                "SELECT DISTINCT q.value ->> 3 AS speaker, aa.article_id
                 FROM article_analysis aa, json_each(aa.quotes) q
                 WHERE json_valid(aa.quotes) AND typeof(speaker) = 'text' ORDER BY speaker",
                Field::Speaker,
            ),
        ] {
            let mut statement = self.conn.prepare(sql)?;
            let mut rows = statement.query([])?;
            let mut current: Option<(String, Vec<usize>)> = None;
            while let Some(row) = rows.next()? {
                let name: String = row.get(0)?;
                let Some(&story) = position.get(&row.get::<_, i64>(1)?) else {
                    continue;
                };
                match &mut current {
                    Some((n, list)) if *n == name => list.push(story),
                    _ => {
                        if let Some((n, mut list)) = current.take() {
                            list.sort_unstable();
                            names.push((n, field, list));
                        }
                        current = Some((name, vec![story]));
                    }
                }
            }
            if let Some((n, mut list)) = current {
                list.sort_unstable();
                names.push((n, field, list));
            }
        }
        Ok(FuzzyIndex { stories, names })
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
