//! Gold annotations as stored in `gold.jsonl`, one story per line.
//!
//! Two dialects share this schema: the team's hand-made set (`tests/gold/`) gives texts
//! only, the corpus generator adds char offsets into its own body and lists page
//! furniture under `boilerplate`. Annotations are compared by text, never by offset.

use std::path::Path;

use serde::{Deserialize, Deserializer};

use crate::model::{DateKind, EntityKind, QuoteKind};

/// One story's gold annotations.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldStory {
    /// The story file, relative to the directory holding `gold.jsonl`.
    pub file: String,
    /// For files holding several articles (JSON Lines, feeds): the 1-based article number.
    #[serde(default)]
    pub line: Option<usize>,
    pub entities: Vec<GoldEntity>,
    pub quotes: Vec<GoldQuote>,
    pub dates: Vec<GoldDate>,
    /// Generator only: furniture and subheading lines of its body.
    #[serde(default)]
    pub boilerplate: Vec<Boilerplate>,
}

/// An entity under its canonical name; `org` is accepted for `organization`.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    #[serde(deserialize_with = "entity_kind")]
    pub kind: EntityKind,
    pub mentions: Vec<GoldSpan>,
}

/// Where an annotation sits in the generator's body; absent in the team's set.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
pub struct GoldSpan {
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// A quotation or reported clause with its speaker's canonical name.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub text: String,
    pub speaker: Option<String>,
    pub kind: QuoteKind,
    #[serde(flatten)]
    pub span: GoldSpan,
}

/// A temporal expression with its normalised value (null for durations).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDate {
    pub text: String,
    pub value: Option<String>,
    pub kind: DateKind,
    #[serde(flatten)]
    pub span: GoldSpan,
}

/// A line of page furniture or a subheading in the generator's body.
#[derive(Debug, Clone, Deserialize)]
pub struct Boilerplate {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// Why gold annotations could not be read; one line naming the file and the reason.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}: bad gold annotation: {source}")]
    BadLine {
        path: String,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{path}: no gold annotations")]
    Empty { path: String },
}

/// Reads every non-blank line of a `gold.jsonl` file.
pub fn load_gold(path: &Path) -> Result<Vec<GoldStory>, EvalError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: shown.clone(),
        source,
    })?;
    let mut stories = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let story = serde_json::from_str(line).map_err(|source| EvalError::BadLine {
            path: shown.clone(),
            line: index + 1,
            source,
        })?;
        stories.push(story);
    }
    if stories.is_empty() {
        return Err(EvalError::Empty { path: shown });
    }
    Ok(stories)
}

impl GoldStory {
    /// Drops annotations that lie inside page furniture ("Photo: AP", "READ | …"), which
    /// sitrep removes on import; entities left without mentions go too.
    pub fn drop_furniture(&mut self) {
        let furniture: Vec<(usize, usize)> = self
            .boilerplate
            .iter()
            .filter(|item| item.kind == "furniture")
            .map(|item| (item.start, item.end))
            .collect();
        let kept = |span: &GoldSpan| match (span.start, span.end) {
            (Some(start), Some(end)) => !furniture.iter().any(|&(s, e)| s <= start && end <= e),
            _ => true,
        };
        for entity in &mut self.entities {
            entity.mentions.retain(|mention| kept(mention));
        }
        self.entities.retain(|entity| !entity.mentions.is_empty());
        self.quotes.retain(|quote| kept(&quote.span));
        self.dates.retain(|date| kept(&date.span));
    }
}

fn entity_kind<'de, D: Deserializer<'de>>(deserializer: D) -> Result<EntityKind, D::Error> {
    let name = String::deserialize(deserializer)?;
    EntityKind::parse(&name)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown entity kind {name:?}")))
}

#[cfg(test)]
mod tests {
    use super::{GoldStory, load_gold};

    #[test]
    fn a_bad_line_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        let good = r#"{"file": "a.txt", "entities": [], "quotes": [], "dates": []}"#;
        std::fs::write(&path, format!("{good}\n\n{{\"file\": 3}}\n")).unwrap();
        let error = load_gold(&path).unwrap_err().to_string();
        assert!(
            error.contains("gold.jsonl:3: bad gold annotation"),
            "{error}"
        );
    }

    #[test]
    fn an_unknown_entity_kind_is_an_error() {
        let line = r#"{"file": "a.txt", "entities": [{"name": "X", "kind": "planet", "mentions": []}],
            "quotes": [], "dates": []}"#;
        let error = serde_json::from_str::<GoldStory>(line)
            .unwrap_err()
            .to_string();
        assert!(error.contains("unknown entity kind \"planet\""), "{error}");
    }

    #[test]
    fn furniture_annotations_are_dropped() {
        let line = r#"{"file": "a.txt", "entities": [
            {"name": "AP", "kind": "org", "mentions": [{"start": 0, "end": 2, "text": "AP"}]},
            {"name": "Kenya", "kind": "country", "mentions": [{"start": 20, "end": 25, "text": "Kenya"}]}],
          "quotes": [], "dates": [{"start": 3, "end": 7, "text": "2020", "value": "2020", "kind": "date"}],
          "boilerplate": [{"start": 0, "end": 10, "text": "AP at 2020", "kind": "furniture"}]}"#;
        let mut story: GoldStory = serde_json::from_str(line).unwrap();
        story.drop_furniture();
        let names: Vec<&str> = story.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Kenya"]);
        assert!(story.dates.is_empty());
    }
}
