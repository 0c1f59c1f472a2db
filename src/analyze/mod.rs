//! Analysis: pure functions from an [`Article`] to its [`Analysis`] — entities with
//! aliases merged, quotes with speakers, dates normalised, events. No I/O, no panics.

mod coref;
mod cues;
pub mod dates;
pub mod entities;
pub mod events;
pub mod gazetteer;
pub mod text;
mod words;

use crate::model::{Analysis, Article};
use gazetteer::Gazetteer;
use text::Body;

/// Holds the compiled gazetteer; build once, analyse many articles.
pub struct Analyzer {
    gazetteer: Gazetteer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// Builds an analyser from the gazetteer compiled into the binary.
    pub fn new() -> Self {
        Analyzer { gazetteer: Gazetteer::new() }
    }

    /// Finds entities, quotes, dates and events in one article.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let body = Body::new(&article.body);
        let words = words::words(body.text);
        let story = entities::find_entities(&self.gazetteer, body.text, &words);
        let mut analysis = Analysis {
            entities: story.to_entities(&body),
            ..Analysis::default()
        };
        let sentences = body.sentences();
        let published = article
            .published
            .as_deref()
            .and_then(dates::publication_time);
        analysis.dates = dates::find_dates(&body, &sentences, published.as_ref());
        analysis.events = events::events(&body, &sentences, &analysis.dates, &analysis.entities);
        analysis
    }
}
