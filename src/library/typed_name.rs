//! An entity name as the analyst types it in a filter or an option: the whole name or
//! whole words of it (`Mugabe` for "Robert Mugabe"), or an alias the bundled gazetteer
//! gives the entity (`UN` for "United Nations", `Britain` for "United Kingdom").

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// What the analyst typed, and the canonical names the gazetteer knows it as.
#[derive(Debug, Clone)]
pub(super) struct TypedName {
    typed: String,
    known_as: Vec<String>,
}

impl TypedName {
    pub fn new(typed: &str) -> TypedName {
        TypedName {
            typed: typed.to_string(),
            known_as: known_as(typed),
        }
    }

    /// True when `name` is an entity the analyst means by what they typed.
    pub fn fits(&self, name: &str) -> bool {
        loosely_names(name, &self.typed)
            || self.known_as.iter().any(|k| k.eq_ignore_ascii_case(name))
    }

    /// The canonical names the gazetteer knows what was typed as (often none).
    pub fn known_as(&self) -> &[String] {
        &self.known_as
    }
}

/// True when `value` is the whole of `name` or whole words of it, case-insensitively
/// (ASCII), as the SQL filters compare.
pub fn loosely_names(name: &str, value: &str) -> bool {
    let padded = |text: &str| format!(" {} ", text.to_ascii_lowercase());
    name == value || padded(name).contains(&padded(value))
}

/// The canonical names of the gazetteer entities `typed` (trimmed, any ASCII case) is
/// an alias or acronym of.
fn known_as(typed: &str) -> Vec<String> {
    aliases()
        .get(&typed.trim().to_ascii_lowercase())
        .cloned()
        .unwrap_or_default()
}

/// A gazetteer record's canonical name and aliases (its other fields are not read).
#[derive(Deserialize)]
struct Named {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Every alias of the bundled gazetteer (lowercase) with the canonical names it stands
/// for, read once from its files: the names and aliases alone, without the automaton the
/// analysis builds over every form, so a filter costs a few milliseconds, not the
/// analyser's start.
fn aliases() -> &'static HashMap<String, Vec<String>> {
    static ALIASES: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    ALIASES.get_or_init(|| {
        let files = [
            include_str!("../../assets/gazetteer/countries.json"),
            include_str!("../../assets/gazetteer/organizations.json"),
            include_str!("../../assets/gazetteer/bodies.json"),
            include_str!("../../assets/gazetteer/places.json"),
            include_str!("../../assets/gazetteer/people.json"),
        ];
        let mut table: HashMap<String, Vec<String>> = HashMap::new();
        for file in files {
            // Bundled and tested data; a file that would not parse adds no aliases.
            let records: Vec<Named> = serde_json::from_str(file).unwrap_or_default();
            for record in records {
                for alias in &record.aliases {
                    let names = table.entry(alias.to_ascii_lowercase()).or_default();
                    if !names.contains(&record.name) {
                        names.push(record.name.clone());
                    }
                }
            }
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whole_words_of_any_case() {
        assert!(loosely_names("Robert Mugabe", "mugabe"));
        assert!(loosely_names("Robert Mugabe", "Robert Mugabe"));
        assert!(!loosely_names("Robert Mugabe", "Muga"));
        assert!(!loosely_names("Mugabe", "Robert Mugabe"));
    }

    #[test]
    fn gazetteer_aliases_and_acronyms_name_their_entity() {
        assert!(TypedName::new("UN").fits("United Nations"));
        assert!(TypedName::new("Britain").fits("United Kingdom"));
        assert!(TypedName::new("Prabowo").fits("Prabowo Subianto"));
        assert!(TypedName::new("u.k.").fits("United Kingdom"), "any case");
        // Words of a name still do; an adjective or part of an alias does not.
        assert!(TypedName::new("nations").fits("United Nations"));
        assert!(!TypedName::new("British").fits("United Kingdom"));
        assert!(!TypedName::new("Great").fits("United Kingdom"));
        assert!(TypedName::new("Portmouth").known_as().is_empty());
    }
}
