//! A story's entity mentions, quotes and dates as the library stores them: one JSON
//! array each, in the story's one `article_analysis` row (schema v4).
//!
//! Each item is an array of its fields in a fixed order rather than an object: the
//! field names would make up a third of the stored bytes. Import workers serialise the
//! lists, so the writer only binds three strings; the reader parses them back. A value
//! that does not parse is [`LibraryError::Damaged`].

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::LibraryError;
use crate::model::{Analysis, DateKind, DateMention, Entity, Mention, Quote, QuoteKind};

/// The three lists of one story's analysis, serialised for its `article_analysis` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisJson {
    /// Every entity's mentions, entity by entity.
    pub mentions: String,
    pub quotes: String,
    pub dates: String,
}

/// A mention as stored: `[entity, start, end, text]`, where `entity` is the position of
/// the mentioned entity among the story's linked entities (`article_entities`).
#[derive(Serialize, Deserialize)]
struct StoredMention<'a>(usize, usize, usize, Cow<'a, str>);

/// A quote as stored: `[text, start, end, speaker, kind]`.
#[derive(Serialize, Deserialize)]
struct StoredQuote<'a>(Cow<'a, str>, usize, usize, Option<Cow<'a, str>>, QuoteKind);

/// A date mention as stored: `[text, start, end, value, kind]`.
#[derive(Serialize, Deserialize)]
struct StoredDate<'a>(Cow<'a, str>, usize, usize, Option<Cow<'a, str>>, DateKind);

impl AnalysisJson {
    /// Serialises the mentions, quotes and dates of `analysis`.
    pub fn of(analysis: &Analysis) -> Self {
        let entities = &analysis.entities;
        let mentions = entities.iter().enumerate().flat_map(|(index, entity)| {
            let position = linked_position(entities, index);
            entity.mentions.iter().map(move |mention| {
                let text = Cow::Borrowed(mention.text.as_str());
                StoredMention(position, mention.start, mention.end, text)
            })
        });
        let quotes = analysis.quotes.iter().map(|quote| {
            let speaker = quote.speaker.as_deref().map(Cow::Borrowed);
            StoredQuote(
                Cow::Borrowed(&quote.text),
                quote.start,
                quote.end,
                speaker,
                quote.kind,
            )
        });
        let dates = analysis.dates.iter().map(|date| {
            let value = date.value.as_deref().map(Cow::Borrowed);
            StoredDate(
                Cow::Borrowed(&date.text),
                date.start,
                date.end,
                value,
                date.kind,
            )
        });
        AnalysisJson {
            mentions: to_json(mentions.collect()),
            quotes: to_json(quotes.collect()),
            dates: to_json(dates.collect()),
        }
    }
}

/// The position the library links the entity at `index` under: its own, or that of an
/// earlier entity with the same name (entity names are unique regardless of ASCII case,
/// so such a twin is stored once, and its mentions go to the first).
fn linked_position(entities: &[Entity], index: usize) -> usize {
    let name = &entities[index].name;
    entities[..index]
        .iter()
        .position(|earlier| earlier.name.eq_ignore_ascii_case(name))
        .unwrap_or(index)
}

/// JSON of a list of plain data; such values always serialise.
fn to_json<T: Serialize>(list: Vec<T>) -> String {
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_string())
}

/// The stored mentions of story `story`, each with its entity's position.
pub fn parse_mentions(json: &str, story: i64) -> Result<Vec<(usize, Mention)>, LibraryError> {
    let stored: Vec<StoredMention> = parse(json, "entity mentions", story)?;
    let mentions = stored
        .into_iter()
        .map(|StoredMention(entity, start, end, text)| {
            let text = text.into_owned();
            (entity, Mention { start, end, text })
        });
    Ok(mentions.collect())
}

/// The stored quotes of story `story`.
pub fn parse_quotes(json: &str, story: i64) -> Result<Vec<Quote>, LibraryError> {
    let stored: Vec<StoredQuote> = parse(json, "quotes", story)?;
    let quotes = stored
        .into_iter()
        .map(|StoredQuote(text, start, end, speaker, kind)| Quote {
            text: text.into_owned(),
            start,
            end,
            speaker: speaker.map(Cow::into_owned),
            kind,
        });
    Ok(quotes.collect())
}

/// The stored date mentions of story `story`.
pub fn parse_dates(json: &str, story: i64) -> Result<Vec<DateMention>, LibraryError> {
    let stored: Vec<StoredDate> = parse(json, "dates", story)?;
    let dates = stored
        .into_iter()
        .map(|StoredDate(text, start, end, value, kind)| DateMention {
            text: text.into_owned(),
            start,
            end,
            value: value.map(Cow::into_owned),
            kind,
        });
    Ok(dates.collect())
}

fn parse<T: DeserializeOwned>(json: &str, what: &str, story: i64) -> Result<T, LibraryError> {
    serde_json::from_str(json)
        .map_err(|error| LibraryError::Damaged(format!("{what} of story {story}: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn entity(name: &str, mentions: &[(usize, &str)]) -> Entity {
        Entity {
            name: name.to_string(),
            kind: EntityKind::Country,
            mentions: mentions
                .iter()
                .map(|&(start, text)| Mention {
                    start,
                    end: start + text.chars().count(),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn lists_read_back_as_they_were() {
        let analysis = Analysis {
            entities: vec![
                entity("China", &[(0, "China"), (40, "Beijing")]),
                entity("Japan", &[(20, "Tokyo \"east\"")]),
            ],
            quotes: vec![Quote {
                text: "We will talk".to_string(),
                start: 3,
                end: 15,
                speaker: None,
                kind: QuoteKind::Partial,
            }],
            dates: vec![DateMention {
                text: "next week".to_string(),
                start: 50,
                end: 59,
                value: Some("2024-W03".to_string()),
                kind: DateKind::Date,
            }],
            events: Vec::new(),
        };
        let json = AnalysisJson::of(&analysis);
        let mentions = parse_mentions(&json.mentions, 1).unwrap();
        let expected: Vec<(usize, Mention)> = analysis
            .entities
            .iter()
            .enumerate()
            .flat_map(|(position, entity)| {
                entity.mentions.iter().map(move |m| (position, m.clone()))
            })
            .collect();
        assert_eq!(mentions, expected);
        assert_eq!(parse_quotes(&json.quotes, 1).unwrap(), analysis.quotes);
        assert_eq!(parse_dates(&json.dates, 1).unwrap(), analysis.dates);
    }

    #[test]
    fn a_twin_name_differing_in_case_points_at_the_first_entity() {
        let analysis = Analysis {
            entities: vec![
                entity("ASEAN", &[(0, "ASEAN")]),
                entity("Japan", &[(10, "Japan")]),
                entity("Asean", &[(20, "Asean")]),
            ],
            ..Analysis::default()
        };
        let json = AnalysisJson::of(&analysis);
        let positions: Vec<usize> = parse_mentions(&json.mentions, 1)
            .unwrap()
            .into_iter()
            .map(|(position, _)| position)
            .collect();
        assert_eq!(positions, [0, 1, 0]);
    }

    #[test]
    fn damaged_values_are_named_errors() {
        let error = parse_quotes("[[\"We will\", 3]", 7).unwrap_err();
        assert!(matches!(error, LibraryError::Damaged(_)));
        assert!(error.to_string().contains("quotes of story 7"), "{error}");
        let error = parse_dates(r#"[["x", 0, 1, null, "era"]]"#, 8).unwrap_err();
        assert!(error.to_string().contains("dates of story 8"), "{error}");
        let error = parse_mentions(r#"[[-1, 0, 1, "x"]]"#, 9).unwrap_err();
        assert!(
            error.to_string().contains("entity mentions of story 9"),
            "{error}"
        );
    }
}
