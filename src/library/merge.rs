//! Combining the stored copy of a story with a new copy of it (the same URL, or the
//! same file edited): the new copy never replaces the text with an excerpt of it, and
//! never empties a field it lacks.

use super::excerpt::is_excerpt;
use crate::model::Article;

/// The story to store when `incoming` is another copy of `stored`.
///
/// A copy whose body only excerpts the stored story (a feed's teaser, a summary) keeps
/// the stored story as it is and only fills the fields it lacks. Any other copy is the
/// story's new text and metadata, with the fields it lacks taken from the stored one.
pub fn merge(stored: &Article, incoming: &Article) -> Article {
    if is_excerpt(
        &incoming.body,
        &stored.title,
        &stored.highlights,
        &stored.body,
    ) {
        fill_gaps(stored.clone(), incoming)
    } else {
        fill_gaps(incoming.clone(), stored)
    }
}

/// `article` with each field it lacks (empty or missing) taken from `other`.
fn fill_gaps(mut article: Article, other: &Article) -> Article {
    fill_text(&mut article.title, &other.title);
    fill_text(&mut article.body, &other.body);
    for (field, value) in [
        (&mut article.source, &other.source),
        (&mut article.byline, &other.byline),
        (&mut article.dateline, &other.dateline),
        (&mut article.published, &other.published),
        (&mut article.url, &other.url),
    ] {
        if field.is_none() {
            field.clone_from(value);
        }
    }
    for (list, value) in [
        (&mut article.highlights, &other.highlights),
        (&mut article.tags, &other.tags),
    ] {
        if list.is_empty() {
            list.clone_from(value);
        }
    }
    article
}

fn fill_text(text: &mut String, other: &str) {
    if text.trim().is_empty() {
        *text = other.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Article {
        Article {
            title: "Ministers agree calendar for grain talks".to_string(),
            source: Some("Harbour Wire".to_string()),
            byline: Some("Marta Kessler".to_string()),
            dateline: Some("Istanbul".to_string()),
            published: None,
            highlights: vec!["A first round on June 3".to_string()],
            body: "Ministers from Turkey, Ukraine and Russia agreed on Monday a calendar \
                   for talks on grain shipments.\n\nThe first round will open in Istanbul \
                   on June 3, with observers present."
                .to_string(),
            url: Some("https://harbour.example/grain".to_string()),
            tags: vec!["Shipping".to_string()],
        }
    }

    #[test]
    fn a_teaser_keeps_the_stored_story_and_fills_its_gaps() {
        let teaser = Article {
            title: "Grain talks calendar agreed".to_string(),
            source: Some("Harbour Wire - World".to_string()),
            published: Some("2024-05-20T11:05:00+00:00".to_string()),
            body: "Ministers agreed on Monday a calendar for grain talks.".to_string(),
            url: full().url,
            ..Article::default()
        };
        let merged = merge(&full(), &teaser);
        assert_eq!(
            merged,
            Article {
                published: teaser.published.clone(),
                ..full()
            }
        );
    }

    #[test]
    fn a_new_text_wins_and_keeps_the_fields_it_lacks() {
        let rewritten = Article {
            title: "Grain talks delayed by a week".to_string(),
            source: Some("Harbour Wire - World".to_string()),
            body: "The first round of grain talks will open in Istanbul on June 10, a week \
                   later than planned, after Russia asked for more time.\n\nObservers from \
                   the United Nations will attend, and a second round is planned for July."
                .to_string(),
            ..Article::default()
        };
        let merged = merge(&full(), &rewritten);
        assert_eq!(
            merged,
            Article {
                title: rewritten.title.clone(),
                source: rewritten.source.clone(),
                body: rewritten.body.clone(),
                ..full()
            }
        );
    }
}
