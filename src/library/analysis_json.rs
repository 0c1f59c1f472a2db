//! A story's entity mentions, quotes and dates as the library stores them: one JSON
//! array each, in the story's one `article_analysis` row (schema v4).
//!
//! Each item is an array of its fields in a fixed order rather than an object: the
//! field names would make up a third of the stored bytes. An item's text is `null`
//! when it is the body's text at the item's span, as it always is for what the analysis
//! finds (schema 12; the texts made up more than half of the stored bytes): reading
//! takes it from the body. Import workers serialise the lists, so the writer only binds
//! three strings; the reader parses them back. A value that does not parse is
//! [`LibraryError::Damaged`].

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::LibraryError;
use super::char_spans::CharSpans;
use crate::model::{Analysis, DateKind, DateMention, Entity, Mention, Quote, QuoteKind};

/// The three lists of one story's analysis, serialised for its `article_analysis` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisJson {
    /// Every entity's mentions, entity by entity.
    pub mentions: String,
    pub quotes: String,
    pub dates: String,
}

/// An item's text as stored: `None` when it is the body's text at the item's span.
type StoredText<'a> = Option<Cow<'a, str>>;

/// A mention as stored: `[entity, start, end, text]`, where `entity` is the position of
/// the mentioned entity among the story's linked entities (`article_entities`).
#[derive(Serialize, Deserialize)]
struct StoredMention<'a>(usize, usize, usize, StoredText<'a>);

/// A quote as stored: `[text, start, end, speaker, kind]`.
#[derive(Serialize, Deserialize)]
struct StoredQuote<'a>(
    StoredText<'a>,
    usize,
    usize,
    Option<Cow<'a, str>>,
    QuoteKind,
);

/// A date mention as stored: `[text, start, end, value, kind]`.
#[derive(Serialize, Deserialize)]
struct StoredDate<'a>(StoredText<'a>, usize, usize, Option<Cow<'a, str>>, DateKind);

impl AnalysisJson {
    /// Serialises the mentions, quotes and dates of `analysis`, found in `body`.
    pub fn of(analysis: &Analysis, body: &str) -> Self {
        let body = CharSpans::of(body);
        let stored = |text: &'_ str, start, end| {
            (body.text(start, end) != Some(text)).then(|| Cow::Owned(text.to_string()))
        };
        let entities = &analysis.entities;
        let mentions = entities.iter().enumerate().flat_map(|(index, entity)| {
            let position = linked_position(entities, index);
            entity.mentions.iter().map(move |mention| {
                let text = stored(&mention.text, mention.start, mention.end);
                StoredMention(position, mention.start, mention.end, text)
            })
        });
        let quotes = analysis.quotes.iter().map(|quote| {
            let speaker = quote.speaker.as_deref().map(Cow::Borrowed);
            StoredQuote(
                stored(&quote.text, quote.start, quote.end),
                quote.start,
                quote.end,
                speaker,
                quote.kind,
            )
        });
        let dates = analysis.dates.iter().map(|date| {
            let value = date.value.as_deref().map(Cow::Borrowed);
            StoredDate(
                stored(&date.text, date.start, date.end),
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

/// The stored mentions of story `story`, whose body is `body`, each with its entity's
/// position.
pub fn parse_mentions(
    json: &str,
    story: i64,
    body: &CharSpans,
) -> Result<Vec<(usize, Mention)>, LibraryError> {
    let stored: Vec<StoredMention> = parse(json, "entity mentions", story)?;
    let mentions = stored
        .into_iter()
        .map(|StoredMention(entity, start, end, text)| {
            let text = text_at(text, start, end, body);
            (entity, Mention { start, end, text })
        });
    Ok(mentions.collect())
}

/// The stored quotes of story `story`, whose body is `body`.
pub fn parse_quotes(json: &str, story: i64, body: &CharSpans) -> Result<Vec<Quote>, LibraryError> {
    let stored: Vec<StoredQuote> = parse(json, "quotes", story)?;
    let quotes = stored
        .into_iter()
        .map(|StoredQuote(text, start, end, speaker, kind)| Quote {
            text: text_at(text, start, end, body),
            start,
            end,
            speaker: speaker.map(Cow::into_owned),
            kind,
        });
    Ok(quotes.collect())
}

/// The stored date mentions of story `story`, whose body is `body`.
pub fn parse_dates(
    json: &str,
    story: i64,
    body: &CharSpans,
) -> Result<Vec<DateMention>, LibraryError> {
    let stored: Vec<StoredDate> = parse(json, "dates", story)?;
    let dates = stored
        .into_iter()
        .map(|StoredDate(text, start, end, value, kind)| DateMention {
            text: text_at(text, start, end, body),
            start,
            end,
            value: value.map(Cow::into_owned),
            kind,
        });
    Ok(dates.collect())
}

/// An item's text: as stored, or else the body's at its span (empty for a span outside
/// the body, which `sitrep check` reports).
fn text_at(stored: StoredText, start: usize, end: usize, body: &CharSpans) -> String {
    match stored {
        Some(text) => text.into_owned(),
        None => body.text(start, end).unwrap_or_default().to_string(),
    }
}

fn parse<T: DeserializeOwned>(json: &str, what: &str, story: i64) -> Result<T, LibraryError> {
    serde_json::from_str(json)
        .map_err(|error| LibraryError::Damaged(format!("{what} of story {story}: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    /// An entity mentioned at the given character offsets of `body`.
    fn entity(name: &str, body: &str, mentions: &[(usize, usize)]) -> Entity {
        let spans = CharSpans::of(body);
        Entity {
            name: name.to_string(),
            kind: EntityKind::Country,
            mentions: mentions
                .iter()
                .map(|&(start, end)| Mention {
                    start,
                    end,
                    text: spans.text(start, end).unwrap().to_string(),
                })
                .collect(),
        }
    }

    const BODY: &str = "China and Zürich \"east\" met; \"We will talk\", next week.";

    fn analysis() -> Analysis {
        Analysis {
            entities: vec![
                entity("China", BODY, &[(0, 5)]),
                entity("Zürich", BODY, &[(10, 23)]),
            ],
            quotes: vec![Quote {
                text: "We will talk".to_string(),
                start: 30,
                end: 42,
                speaker: None,
                kind: QuoteKind::Partial,
            }],
            dates: vec![DateMention {
                // Not the body's text at its span: kept as it is.
                text: "next  week".to_string(),
                start: 45,
                end: 54,
                value: Some("2024-W03".to_string()),
                kind: DateKind::Date,
            }],
            events: Vec::new(),
        }
    }

    #[test]
    fn lists_read_back_as_they_were_and_store_only_texts_the_body_lacks() {
        let analysis = analysis();
        let json = AnalysisJson::of(&analysis, BODY);
        assert_eq!(json.mentions, r#"[[0,0,5,null],[1,10,23,null]]"#);
        assert!(json.quotes.starts_with("[[null,30,42,"), "{}", json.quotes);
        assert!(
            json.dates.starts_with(r#"[["next  week",45,54,"#),
            "{}",
            json.dates
        );
        let body = CharSpans::of(BODY);
        let mentions = parse_mentions(&json.mentions, 1, &body).unwrap();
        let expected: Vec<(usize, Mention)> = analysis
            .entities
            .iter()
            .enumerate()
            .flat_map(|(position, entity)| {
                entity.mentions.iter().map(move |m| (position, m.clone()))
            })
            .collect();
        assert_eq!(mentions, expected);
        assert_eq!(
            parse_quotes(&json.quotes, 1, &body).unwrap(),
            analysis.quotes
        );
        assert_eq!(parse_dates(&json.dates, 1, &body).unwrap(), analysis.dates);
    }

    #[test]
    fn lists_stored_with_every_text_still_read() {
        let body = CharSpans::of(BODY);
        let quotes = parse_quotes(r#"[["We will talk",30,42,"Ana Ruiz","direct"]]"#, 1, &body);
        assert_eq!(quotes.unwrap()[0].speaker.as_deref(), Some("Ana Ruiz"));
        let mentions = parse_mentions(r#"[[0,0,5,"China"]]"#, 1, &body).unwrap();
        assert_eq!(mentions[0].1.text, "China");
    }

    #[test]
    fn a_twin_name_differing_in_case_points_at_the_first_entity() {
        let body = "ASEAN and Japan and Asean";
        let analysis = Analysis {
            entities: vec![
                entity("ASEAN", body, &[(0, 5)]),
                entity("Japan", body, &[(10, 15)]),
                entity("Asean", body, &[(20, 25)]),
            ],
            ..Analysis::default()
        };
        let json = AnalysisJson::of(&analysis, body);
        let positions: Vec<usize> = parse_mentions(&json.mentions, 1, &CharSpans::of(body))
            .unwrap()
            .into_iter()
            .map(|(position, _)| position)
            .collect();
        assert_eq!(positions, [0, 1, 0]);
    }

    #[test]
    fn damaged_values_are_named_errors() {
        let body = CharSpans::of(BODY);
        let error = parse_quotes("[[\"We will\", 3]", 7, &body).unwrap_err();
        assert!(matches!(error, LibraryError::Damaged(_)));
        assert!(error.to_string().contains("quotes of story 7"), "{error}");
        let error = parse_dates(r#"[["x", 0, 1, null, "era"]]"#, 8, &body).unwrap_err();
        assert!(error.to_string().contains("dates of story 8"), "{error}");
        let error = parse_mentions(r#"[[-1, 0, 1, "x"]]"#, 9, &body).unwrap_err();
        assert!(
            error.to_string().contains("entity mentions of story 9"),
            "{error}"
        );
        // Read, for `sitrep check` to report as lying outside the body.
        let outside = parse_mentions("[[0, 50, 90, null]]", 10, &body).unwrap();
        assert_eq!(outside[0].1.text, "");
    }
}
