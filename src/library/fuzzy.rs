//! Fuzzy search over story titles, sources, entity names and quote speakers: the
//! second tier of [`Library::find`](super::Library::find), after full-text hits.
//!
//! Matching is tight: every word of the pattern must match inside one word of the text,
//! beginning at that word's start, with its letters in order ("sumt" matches "summit";
//! "grain" does not match "Gibran Rakabuming"). A text word the pattern word begins
//! ranks above one it is only scattered through. fuzzy-matcher's skim algorithm places
//! the highlights inside the matched words and gives the score.
//!
//! The index is cheap to load: the story summaries come from the list index (never the
//! rows holding bodies), and the names from the `entities` table and the speakers'
//! index. Which stories carry a matched name is looked up in the library, name by name
//! or all at once (see `fuzzy_names.rs`); matches are ranked in linear time. Names are
//! those the analyst's corrections give: an entity renamed, merged away or hidden
//! everywhere is not found by its stored name, and the names corrections give (new
//! names, speakers) find the stories that show them.

use std::cell::{OnceCell, RefCell};
use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashSet};

use foldhash::HashMap;

use super::correction::Correction;
use super::fuzzy_names::{Name, NamedStories, NamesToLoad, positions_by_id, positions_of};
use super::hit::{Field, Hit};
use super::tight_match::{pattern_words, place, tightness};
use super::{Library, LibraryError};

/// Pattern words shorter than this (in characters, all words together) are matched
/// against titles and sources only: nearly every name has a word starting with "n".
const NAME_PATTERN_CHARS: usize = 3;

/// Everything fuzzy search looks at, loaded once and searched many times. Kept compact
/// (one string of all titles): a large library's index is built in a few page faults.
pub struct FuzzyIndex {
    /// Story ids, newest first: a story's position is its place here.
    ids: Vec<i64>,
    /// Every story's title, lowercase, one after another, and where each one ends.
    titles: String,
    title_ends: Vec<usize>,
    /// Distinct sources (lowercase) and, per story, the index of its source.
    sources: Vec<String>,
    story_sources: Vec<Option<u32>>,
    /// Each story's position, by id: made when a name first matches.
    positions: OnceCell<HashMap<i64, u32>>,
    /// The positions of each name's stories (by the name's index), looked up in the
    /// library when the name first matches, or all at once by
    /// [`FuzzyIndex::install_names`], and kept for the searches that follow.
    named: RefCell<HashMap<usize, Vec<u32>>>,
    /// Entity names and quote speakers, each with its lowercase form.
    names: Vec<Name>,
    /// Stored entity names (lowercase) the analyst took away from one story: hidden
    /// there, or split off into another entity. Such a story is not found by the name.
    taken_away: HashMap<String, HashSet<i64>>,
    /// What the last pattern matched: the next one, typed on from it, looks only there.
    last: RefCell<Option<Narrowing>>,
}

/// A pattern's words and what they matched, whatever the filters: a pattern that extends
/// each of these words and may add more can only match among these (see
/// [`Narrowing::narrows_to`]).
struct Narrowing {
    words: Vec<String>,
    /// Positions of the stories whose title or source matched.
    stories: Vec<usize>,
    /// Indexes of the names that matched; `None` when names were not searched.
    names: Option<Vec<usize>>,
}

impl Narrowing {
    /// Can `words` match only what these words matched? Yes when each of these words
    /// begins its counterpart in `words`: a text word holding the longer word's letters
    /// in order from its start holds the shorter one's too.
    fn narrows_to(&self, words: &[String]) -> bool {
        words.len() >= self.words.len()
            && self
                .words
                .iter()
                .zip(words)
                .all(|(old, new)| new.starts_with(old.as_str()))
    }
}

/// One story matched by fuzzy search, before its highlights are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FuzzyMatch {
    /// The story's position in the index (newest first).
    position: usize,
    field: Field,
    /// 2 when every pattern word begins a word of the text, 1 when scattered in one.
    tightness: u8,
    /// The matched name, for entity and speaker matches.
    name: Option<usize>,
}

impl Library {
    /// Loads the fuzzy index of the whole library, from the list index and the names.
    pub fn fuzzy_index(&self) -> Result<FuzzyIndex, LibraryError> {
        let mut index = FuzzyIndex {
            ids: Vec::new(),
            titles: String::new(),
            title_ends: Vec::new(),
            sources: Vec::new(),
            story_sources: Vec::new(),
            positions: OnceCell::new(),
            named: RefCell::default(),
            names: Vec::new(),
            taken_away: HashMap::default(),
            last: RefCell::default(),
        };
        let mut source_numbers: HashMap<String, u32> = HashMap::default();
        let mut statement = self.conn.prepare(
            "SELECT id, title, source FROM articles INDEXED BY articles_for_lists
             ORDER BY published_at DESC, id DESC",
        )?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            index.ids.push(id);
            push_lowercase(&mut index.titles, text_at(row, 1)?.unwrap_or_default());
            index.title_ends.push(index.titles.len());
            let source = match text_at(row, 2)? {
                None => None,
                Some(source) => Some(match source_numbers.get(source) {
                    Some(&number) => number,
                    None => {
                        let number = index.sources.len() as u32;
                        index.sources.push(source.to_lowercase());
                        source_numbers.insert(source.to_string(), number);
                        number
                    }
                }),
            };
            index.story_sources.push(source);
        }
        let corrections = self.active_corrections()?;
        let gone: HashSet<String> = corrections
            .iter()
            .filter_map(|correction| match correction {
                Correction::Rename { from, .. } | Correction::Merge { from, .. } => Some(from),
                Correction::HideEntity {
                    story: None,
                    entity,
                } => Some(entity),
                _ => None,
            })
            .map(|name| name.to_lowercase())
            .collect();
        for correction in &corrections {
            if let Correction::HideEntity {
                story: Some(story),
                entity,
            }
            | Correction::Split { story, entity, .. } = correction
            {
                let stories = index.taken_away.entry(entity.to_lowercase()).or_default();
                stories.insert(*story);
            }
        }
        index.names = self.fuzzy_names(&gone, &corrections)?;
        Ok(index)
    }
}

/// The text in `column` of `row`, borrowed (not copied), or `None` for NULL.
fn text_at<'row>(row: &'row rusqlite::Row, column: usize) -> rusqlite::Result<Option<&'row str>> {
    row.get_ref(column)?.as_str_or_null().map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            Box::new(error),
        )
    })
}

/// Appends `text` lowercased to `out`.
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

impl FuzzyIndex {
    /// Stories whose title, source, entities or speakers match `pattern` tightly, each
    /// once under its best match: tightest first, then title, entity, speaker, source,
    /// then newest. `allowed` says which stories pass the query's filters.
    pub(super) fn matches(
        &self,
        library: &Library,
        pattern: &str,
        allowed: &dyn Fn(i64) -> bool,
    ) -> Result<Vec<FuzzyMatch>, LibraryError> {
        let words = pattern_words(pattern);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let previous = self.last.take().filter(|last| last.narrows_to(&words));
        let sources: Vec<Option<u8>> = self.sources.iter().map(|s| tightness(s, &words)).collect();
        // Titles and sources, in position order: at most one match per story.
        let candidates: Box<dyn Iterator<Item = usize>> = match &previous {
            Some(last) => Box::new(last.stories.iter().copied()),
            None => Box::new(0..self.ids.len()),
        };
        let mut stories = Vec::new();
        let mut found = Vec::new();
        for position in candidates {
            let title = &self.titles[self.title_start(position)..self.title_ends[position]];
            let title_match = tightness(title, &words).map(|t| (t, Field::Title));
            let source_match = self.story_sources[position]
                .and_then(|s| sources[s as usize])
                .map(|t| (t, Field::Source));
            let Some((tightness, field)) = title_match
                .into_iter()
                .chain(source_match)
                .max_by_key(|&(tightness, field)| (tightness, std::cmp::Reverse(field)))
            else {
                continue;
            };
            stories.push(position);
            if allowed(self.ids[position]) {
                found.push(FuzzyMatch {
                    position,
                    field,
                    tightness,
                    name: None,
                });
            }
        }
        let pattern_chars: usize = words.iter().map(|w| w.chars().count()).sum();
        let names = if pattern_chars >= NAME_PATTERN_CHARS {
            let candidates = previous.and_then(|last| last.names);
            Some(self.add_name_matches(library, &words, candidates, allowed, &mut found)?)
        } else {
            None
        };
        let found = in_rank_order(found);
        self.last.replace(Some(Narrowing {
            words,
            stories,
            names,
        }));
        Ok(found)
    }

    /// Where the title at `position` starts in `titles`.
    fn title_start(&self, position: usize) -> usize {
        match position {
            0 => 0,
            _ => self.title_ends[position - 1],
        }
    }

    /// Adds the stories of the names that match `words` to `found` (a story already there
    /// keeps its better match); looks only at `candidates` (name indexes) when given.
    /// Returns the indexes of the names that matched.
    fn add_name_matches(
        &self,
        library: &Library,
        words: &[String],
        candidates: Option<Vec<usize>>,
        allowed: &dyn Fn(i64) -> bool,
        found: &mut Vec<FuzzyMatch>,
    ) -> Result<Vec<usize>, LibraryError> {
        let candidates = candidates.unwrap_or_else(|| (0..self.names.len()).collect());
        let mut matched = Vec::new();
        // Where each story's match is in `found`, by position, once a name matches.
        let mut slots: Vec<Option<usize>> = Vec::new();
        for index in candidates {
            let name = &self.names[index];
            let Some(tightness) = tightness(&name.folded, words) else {
                continue;
            };
            matched.push(index);
            if slots.is_empty() {
                slots = vec![None; self.ids.len()];
                for (slot, m) in found.iter().enumerate() {
                    slots[m.position] = Some(slot);
                }
            }
            let field = name.field();
            let mut named = self.named.borrow_mut();
            let positions = match named.entry(index) {
                Entry::Occupied(entry) => entry.into_mut(),
                Entry::Vacant(entry) => {
                    entry.insert(self.positions_of(index, library.stories_named(name)?))
                }
            };
            for &position in positions.iter() {
                let position = position as usize;
                let id = self.ids[position];
                if !allowed(id) {
                    continue;
                }
                let candidate = FuzzyMatch {
                    position,
                    field,
                    tightness,
                    name: Some(index),
                };
                match slots[position] {
                    Some(slot) if rank_key(&found[slot]) <= rank_key(&candidate) => {}
                    Some(slot) => found[slot] = candidate,
                    None => {
                        slots[position] = Some(found.len());
                        found.push(candidate);
                    }
                }
            }
        }
        if !slots.is_empty() {
            // Back in position order, as titles and sources left them.
            *found = slots
                .into_iter()
                .flatten()
                .map(|slot| found[slot])
                .collect();
        }
        Ok(matched)
    }

    /// The positions of `ids`, the stories of name `index`: those the index holds, less
    /// those the analyst took the name away from.
    fn positions_of(&self, index: usize, ids: Vec<i64>) -> Vec<u32> {
        let by_id = self.positions.get_or_init(|| positions_by_id(&self.ids));
        positions_of(&self.names[index], ids, by_id, &self.taken_away)
    }

    /// The names whose stories [`FuzzyIndex::install_names`] takes: the reader looks them
    /// up on a thread of its own after start, so that no later search waits for a name's
    /// stories; a one-off search looks up only the names it matches.
    pub fn names_to_load(&self) -> NamesToLoad {
        NamesToLoad {
            names: self.names.clone(),
            ids: self.ids.clone(),
            taken_away: self.taken_away.clone(),
        }
    }

    /// Keeps the stories of every name, looked up for [`FuzzyIndex::names_to_load`].
    pub fn install_names(&self, stories: NamedStories) {
        let mut named = self.named.borrow_mut();
        for (index, positions) in stories.0.into_iter().enumerate().take(self.names.len()) {
            named.entry(index).or_insert(positions);
        }
    }

    /// A match as a hit: its story, the matched text and the character ranges of
    /// `pattern` in it (placed by skim inside the words that matched), and skim's score.
    pub(super) fn placed(
        &self,
        library: &Library,
        found: &FuzzyMatch,
        pattern: &str,
    ) -> Result<Hit, LibraryError> {
        let story = library.summary_of(self.ids[found.position])?;
        let text = match (found.field, found.name) {
            (_, Some(name)) => self.names[name].text.clone(),
            (Field::Source, None) => story.source.clone().unwrap_or_default(),
            _ => story.title.clone(),
        };
        let (ranges, score) = place(&text, &pattern_words(pattern));
        Ok(Hit {
            story,
            field: found.field,
            text,
            ranges,
            score: score as f64,
        })
    }

    /// The id of a match's story.
    pub(super) fn story_id(&self, found: &FuzzyMatch) -> i64 {
        self.ids[found.position]
    }
}

/// `found`, given in position order, in rank order (see [`rank_key`]): one stable pass
/// into groups of tightness and field, with no sort of a frequent word's many matches.
fn in_rank_order(found: Vec<FuzzyMatch>) -> Vec<FuzzyMatch> {
    let mut groups: BTreeMap<(Reverse<u8>, Field), Vec<FuzzyMatch>> = BTreeMap::new();
    for found in found {
        let (tightness, field, _) = rank_key(&found);
        groups.entry((tightness, field)).or_default().push(found);
    }
    groups.into_values().flatten().collect()
}

/// Sort key of a match: tightest, then by field, then newest.
fn rank_key(found: &FuzzyMatch) -> (Reverse<u8>, Field, usize) {
    (Reverse(found.tightness), found.field, found.position)
}
