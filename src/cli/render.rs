//! The readable text form of one story, for `show` and `extract` without `--json`.

use std::fmt::Write;

use crate::model::{Extract, QuoteKind};
use crate::sanitize::clean_text;

/// Title, meta line, highlights, body, then entities, quotes and events (quotes and
/// events numbered from 1, as `sitrep correct` names them).
pub fn story(extract: &Extract) -> String {
    let article = &extract.article;
    let mut out = String::new();
    if let Some(id) = extract.id {
        let _ = write!(out, "#{id}  ");
    }
    let _ = writeln!(out, "{}", clean_text(&article.title));
    let meta: Vec<String> = [
        &article.source,
        &article.byline,
        &article.dateline,
        &article.published,
        &article.url,
    ]
    .into_iter()
    .flatten()
    .map(|field| clean_text(field))
    .collect();
    if !meta.is_empty() {
        let _ = writeln!(out, "{}", meta.join(" · "));
    }
    if !article.tags.is_empty() {
        let _ = writeln!(out, "tags: {}", clean_text(&article.tags.join(", ")));
    }
    out.push('\n');
    for highlight in &article.highlights {
        let _ = writeln!(out, "• {}", clean_text(highlight));
    }
    if !article.highlights.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", clean_text(&article.body));
    let analysis = &extract.analysis;
    if !analysis.entities.is_empty() {
        out.push_str("\nEntities\n");
        for entity in &analysis.entities {
            let _ = writeln!(
                out,
                "  {:<13} {} ({})",
                entity.kind.as_str(),
                clean_text(&entity.name),
                entity.mentions.len()
            );
        }
    }
    if !analysis.quotes.is_empty() {
        out.push_str("\nQuotes\n");
        for (number, quote) in analysis.quotes.iter().enumerate() {
            let speaker = clean_text(quote.speaker.as_deref().unwrap_or("unattributed"));
            let text = clean_text(&quote.text);
            // Reported speech paraphrases: it is never shown in quotation marks.
            let _ = match quote.kind {
                QuoteKind::Reported => {
                    writeln!(out, "  {}. {speaker}, reported: {text}", number + 1)
                }
                kind => writeln!(
                    out,
                    "  {}. {speaker}: “{text}” ({})",
                    number + 1,
                    kind.as_str()
                ),
            };
        }
    }
    if !analysis.events.is_empty() {
        out.push_str("\nEvents\n");
        for (number, event) in analysis.events.iter().enumerate() {
            let _ = writeln!(
                out,
                "  {}. {:<10}  {}",
                number + 1,
                clean_text(&event.date),
                clean_text(&event.summary)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Analysis, Article, Quote};

    #[test]
    fn renders_meta_highlights_body_and_quotes_without_control_sequences() {
        let extract = Extract {
            id: Some(3),
            article: Article {
                title: "Talks \u{1b}[2Jresume".to_string(),
                source: Some("Gulf Meridian".to_string()),
                dateline: Some("Brussels".to_string()),
                highlights: vec!["A calendar".to_string()],
                body: "Negotiators met.".to_string(),
                ..Article::default()
            },
            analysis: Analysis {
                quotes: vec![
                    Quote {
                        text: "We have a calendar now".to_string(),
                        start: 0,
                        end: 0,
                        speaker: Some("Lena Vos".to_string()),
                        kind: QuoteKind::Direct,
                    },
                    Quote {
                        text: "the first round opens in June".to_string(),
                        start: 0,
                        end: 0,
                        speaker: Some("Lena Vos".to_string()),
                        kind: QuoteKind::Reported,
                    },
                ],
                ..Analysis::default()
            },
        };
        assert_eq!(
            story(&extract),
            "#3  Talks resume\nGulf Meridian · Brussels\n\n• A calendar\n\nNegotiators met.\n\
             \nQuotes\n  1. Lena Vos: “We have a calendar now” (direct)\n\
             \x20 2. Lena Vos, reported: the first round opens in June\n"
        );
    }
}
