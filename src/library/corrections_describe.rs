//! Corrections in words, one line each, for the reader's status line and lists and the
//! CLI's tables.

use super::correction::Correction;
use crate::sanitize::one_line;

impl Correction {
    /// One line saying what the correction does ("rename A to B", "in story 4, hide the
    /// quote “…”"); long quotes are cut.
    pub fn describe(&self) -> String {
        let quoted = |text: &str| {
            let text = one_line(text);
            match text.char_indices().nth(60) {
                Some((cut, _)) => format!("“{}…”", &text[..cut]),
                None => format!("“{text}”"),
            }
        };
        let text = match self {
            Correction::Rename { from, to } => format!("rename {from} to {to}"),
            Correction::Merge { from, into } => format!("merge {from} into {into}"),
            Correction::Split {
                story,
                entity,
                into,
            } => format!("in story {story}, {entity} is {into}"),
            Correction::Speaker {
                story,
                quote,
                speaker,
            } => format!("in story {story}, {speaker} said {}", quoted(quote)),
            Correction::HideQuote { story, quote } => {
                format!("in story {story}, hide the quote {}", quoted(quote))
            }
            Correction::HideEntity {
                story: Some(story),
                entity,
            } => format!("in story {story}, hide the entity {entity}"),
            Correction::HideEntity {
                story: None,
                entity,
            } => format!("hide the entity {entity} everywhere"),
            Correction::HideEvent {
                story,
                date,
                summary,
            } => format!(
                "in story {story}, hide the event {date} {}",
                quoted(summary)
            ),
            Correction::Date { story, published } => {
                format!("story {story} was published {published}")
            }
            Correction::Source { story, source } => format!("story {story} is from {source}"),
        };
        one_line(&text)
    }
}
