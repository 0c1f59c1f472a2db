//! What makes two imported stories the same story: the keys stored beside each article.

use sha2::{Digest, Sha256};

use super::analysis_json::AnalysisJson;
use crate::model::{Analysis, Article, EntityKind};

/// Hex SHA-256 of `bytes`; stable across builds, so it can be stored.
pub fn hash_bytes(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hexadecimal of `bytes`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The title reduced to lowercase words, so case, punctuation and spacing don't matter.
pub fn title_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A hash of everything stored for a story: equal hashes mean nothing to update.
/// The analysis lists already serialised for storage are hashed as they are; of the
/// rest of the analysis, only the entities' names and kinds and the events are serialised.
pub fn content_hash(article: &Article, analysis: &Analysis, lists: &AnalysisJson) -> String {
    let entities: Vec<(&str, EntityKind)> = analysis
        .entities
        .iter()
        .map(|entity| (entity.name.as_str(), entity.kind))
        .collect();
    let article = serde_json::to_vec(article).unwrap_or_default();
    let entities_and_events = serde_json::to_vec(&(entities, &analysis.events)).unwrap_or_default();
    let mut hasher = Sha256::new();
    for part in [
        article.as_slice(),
        entities_and_events.as_slice(),
        lists.mentions.as_bytes(),
        lists.quotes.as_bytes(),
        lists.dates.as_bytes(),
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

/// A published time split into what the library sorts and filters by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedKeys {
    /// Unix seconds.
    pub at: i64,
    /// `YYYY-MM-DD` in the story's own offset.
    pub day: String,
}

/// Parses an RFC 3339 time (with offset); `None` when absent or unreadable.
pub fn published_keys(published: Option<&str>) -> Option<PublishedKeys> {
    let zoned: jiff::Timestamp = published?.parse().ok()?;
    let day = published?.get(..10)?.to_string();
    Some(PublishedKeys {
        at: zoned.as_second(),
        day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_key_ignores_case_punctuation_and_spacing() {
        assert_eq!(
            title_key("  EU and ASEAN agree: roadmap —  for trade talks!"),
            "eu and asean agree roadmap for trade talks"
        );
        assert_eq!(title_key("Ärger in Kyiv"), title_key("ärger IN kyiv"));
    }

    #[test]
    fn published_keys_keep_local_day_and_absolute_time() {
        let keys = published_keys(Some("2023-03-14T00:30:00+01:00")).unwrap();
        assert_eq!(keys.day, "2023-03-14");
        assert_eq!(keys.at, 1_678_750_200);
        assert_eq!(published_keys(Some("yesterday")), None);
        assert_eq!(published_keys(None), None);
    }

    #[test]
    fn hashes_are_stable_hex() {
        assert_eq!(
            hash_bytes(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
