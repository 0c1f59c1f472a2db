//! How well a story's related timeline keeps to the story: the pages under a directory are
//! imported into a temporary library, and each story's timeline (`story_timeline`) is read.
//!
//! On any pages: the share of stories whose related timeline shows another story's events
//! (on a library of mutually unrelated pages, such as Mozilla Readability's, every one is
//! a false link). On generated corpora, whose gold knows which storyline each date belongs
//! to: the precision of related timelines (events of other stories drawn from one of the
//! story's own storylines), their reach (stories that share a storyline with another story
//! and see its events), and the share of a story's own events whose date and entities are
//! right.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::library::{Library, TimelineEvent};

/// One generated story's gold, as far as storylines go.
#[derive(Debug, Deserialize)]
struct GoldStory {
    title: String,
    published: Option<String>,
    #[serde(default)]
    entities: Vec<GoldName>,
    #[serde(default)]
    dates: Vec<GoldDate>,
    #[serde(default)]
    events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
struct GoldName {
    name: String,
}

#[derive(Debug, Deserialize)]
struct GoldDate {
    value: Option<String>,
    event_id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    entities: Vec<String>,
}

/// Counts behind the related-timeline figures.
#[derive(Debug, Default)]
pub struct RelatedScores {
    pub stories: usize,
    /// Stories whose related timeline shows at least one other story's event (on a line
    /// of its own, or as a second report of one of the story's events).
    pub linked: usize,
    /// With gold: other stories' reports shown (an event reported by two other stories
    /// counts twice), and those from the story's own storylines.
    pub shown: usize,
    pub on_storyline: usize,
    /// With gold: stories sharing a storyline with another story, and those whose related
    /// timeline shows an event of a shared storyline from another story.
    pub with_peers: usize,
    pub peers_shown: usize,
    /// With gold: the stories' own events, those dated as a gold date of the story, and
    /// those whose entities are all among the story's gold entities.
    pub own_events: usize,
    pub date_right: usize,
    pub entities_right: usize,
    /// With gold: stories not matched to a gold record by title and publication time.
    pub unmatched: usize,
}

/// Imports the pages under `dir` into a temporary library and scores every story's related
/// timeline. With `generated`, `dir` is generator output and `gold.jsonl` is read.
pub fn score_related(dir: &Path, generated: bool) -> anyhow::Result<RelatedScores> {
    let gold = if generated {
        Some(read_gold(&dir.join("gold.jsonl"))?)
    } else {
        None
    };
    let paths = pages(dir, generated)?;
    let library_dir = std::env::temp_dir().join(format!("sitrep-related-{}", std::process::id()));
    let scores = score_in(&library_dir, &paths, gold.as_deref());
    // The library is a scratch copy; failing to remove it loses nothing.
    let _ = std::fs::remove_dir_all(&library_dir);
    scores
}

fn score_in(
    library_dir: &Path,
    paths: &[PathBuf],
    gold: Option<&[GoldStory]>,
) -> anyhow::Result<RelatedScores> {
    let mut library = Library::open(library_dir)?;
    library.import_paths(paths, |_, _| {})?;
    let stories = library.stories(usize::MAX)?;
    // Generated titles repeat; with the publication time they name one story.
    let by_title: HashMap<(&str, Option<&str>), &GoldStory> = gold
        .unwrap_or_default()
        .iter()
        .map(|g| ((g.title.as_str(), g.published.as_deref()), g))
        .collect();
    let gold_of: HashMap<i64, &GoldStory> = stories
        .iter()
        .filter_map(|s| {
            let key = (s.title.as_str(), s.published.as_deref());
            Some((s.id, *by_title.get(&key)?))
        })
        .collect();
    let mut scores = RelatedScores {
        stories: stories.len(),
        ..RelatedScores::default()
    };
    // Which stories report each storyline, to know which have peers.
    let mut storyline_stories: HashMap<&str, usize> = HashMap::new();
    for g in gold_of.values() {
        for line in storylines(g) {
            *storyline_stories.entry(line).or_default() += 1;
        }
    }
    for story in &stories {
        let timeline = library.story_timeline(story.id)?;
        // Every report by another story, on its own line or joined to one of the story's.
        let others: Vec<(&TimelineEvent, i64)> = timeline
            .iter()
            .flat_map(|e| e.sources.iter().map(move |s| (e, s.id)))
            .filter(|&(_, source)| source != story.id)
            .collect();
        scores.linked += usize::from(!others.is_empty());
        if gold.is_none() {
            continue;
        }
        let Some(own) = gold_of.get(&story.id) else {
            scores.unmatched += 1;
            continue;
        };
        let own_lines = storylines(own);
        let has_peers = own_lines.iter().any(|l| storyline_stories[l] > 1);
        let mut sees_peer = false;
        for (event, source) in others {
            scores.shown += 1;
            let from_own_line = gold_of.get(&source).is_some_and(|source| {
                source.dates.iter().any(|d| {
                    d.value.as_deref() == Some(event.date.as_str())
                        && d.event_id.as_deref().is_some_and(|l| own_lines.contains(l))
                })
            });
            scores.on_storyline += usize::from(from_own_line);
            sees_peer |= from_own_line;
        }
        scores.with_peers += usize::from(has_peers);
        scores.peers_shown += usize::from(has_peers && sees_peer);
        let names: HashSet<&str> = own
            .entities
            .iter()
            .map(|e| e.name.as_str())
            .chain(
                own.events
                    .iter()
                    .flat_map(|e| e.entities.iter().map(String::as_str)),
            )
            .collect();
        let extract = library.story(story.id)?;
        for event in &extract.analysis.events {
            scores.own_events += 1;
            let dated = own
                .dates
                .iter()
                .any(|d| d.value.as_deref() == Some(event.date.as_str()));
            scores.date_right += usize::from(dated);
            let entities = event.entities.iter().all(|e| names.contains(e.as_str()));
            scores.entities_right += usize::from(dated && entities);
        }
    }
    Ok(scores)
}

/// The storylines a gold story dates.
fn storylines(story: &GoldStory) -> HashSet<&str> {
    story
        .dates
        .iter()
        .filter_map(|d| d.event_id.as_deref())
        .collect()
}

/// What to import from `dir`: for generator output every entry but the gold; for a
/// directory of Readability test pages each page's `source.html`; otherwise `dir` itself.
fn pages(dir: &Path, generated: bool) -> anyhow::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    if generated {
        entries.retain(|p| p.file_name().is_none_or(|n| n != "gold.jsonl"));
        return Ok(entries);
    }
    let sources: Vec<PathBuf> = entries
        .iter()
        .map(|p| p.join("source.html"))
        .filter(|p| p.is_file())
        .collect();
    Ok(if sources.is_empty() {
        vec![dir.to_path_buf()]
    } else {
        sources
    })
}

fn read_gold(path: &Path) -> anyhow::Result<Vec<GoldStory>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", 100.0 * part as f64 / whole as f64)
    }
}

impl fmt::Display for RelatedScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "stories linked to another story's events  {:>6}  {}/{}",
            percent(self.linked, self.stories),
            self.linked,
            self.stories
        )?;
        if self.shown + self.with_peers + self.own_events == 0 {
            return Ok(());
        }
        writeln!(
            f,
            "related precision (own storyline)          {:>6}  {}/{}",
            percent(self.on_storyline, self.shown),
            self.on_storyline,
            self.shown
        )?;
        writeln!(
            f,
            "stories seeing a shared storyline          {:>6}  {}/{}",
            percent(self.peers_shown, self.with_peers),
            self.peers_shown,
            self.with_peers
        )?;
        writeln!(
            f,
            "own events with the right date             {:>6}  {}/{}",
            percent(self.date_right, self.own_events),
            self.date_right,
            self.own_events
        )?;
        writeln!(
            f,
            "own events with right date and entities    {:>6}  {}/{}",
            percent(self.entities_right, self.own_events),
            self.entities_right,
            self.own_events
        )?;
        write!(
            f,
            "stories without gold (title, time unknown) {}",
            self.unmatched
        )
    }
}
