//! Analysis: pure functions from an [`Article`] to its [`Analysis`] — entities with
//! aliases merged, quotes with speakers, dates normalised, events. No I/O, no panics.

mod affiliations;
mod alias_table;
mod company_names;
mod coref;
mod cues;
pub mod dates;
mod document_names;
pub mod entities;
pub mod events;
pub mod gazetteer;
mod given_names;
mod name_cue;
mod namesakes;
mod participles;
mod people;
mod pronouns;
mod quotes;
mod reported;
mod role_nouns;
mod speakers;
pub mod speech_verbs;
pub mod story_entities;
pub mod tagger;
mod trailing_cues;
mod verb_followers;

use crate::model::{Analysis, Article, EntityKind, Quote, QuoteKind};
use crate::text::{Body, Span, words};
use gazetteer::Gazetteer;
use story_entities::Story;
use tagger::Tagger;

/// Holds the compiled gazetteer; build once, analyse many articles.
pub struct Analyzer {
    gazetteer: Gazetteer,
    tagger: &'static Tagger,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// Builds an analyser from the gazetteer compiled into the binary.
    pub fn new() -> Self {
        Analyzer {
            gazetteer: Gazetteer::new(),
            tagger: Tagger::bundled(),
        }
    }

    /// Finds entities, quotes, dates and events in one article. Only the first
    /// [`MAX_ANALYSED_BYTES`] of a body are analysed (up to the last line break before
    /// that point): no real story is that long, and a hostile one must not stall an import.
    pub fn analyze(&self, article: &Article) -> Analysis {
        let body = Body::new(analysed_part(&article.body));
        let words = words::words(body.text);
        let mut story = entities::find_entities(&self.gazetteer, self.tagger, body.text, &words);
        let entities = story.to_entities(&body);
        let sentences = body.sentences();
        let quotes = find_quotes(&body, &words, &sentences, &mut story);
        let published = article
            .published
            .as_deref()
            .and_then(dates::publication_time);
        let dates = dates::find_dates(&body, &sentences, &words, published.as_ref());
        let events = events::events(&body, &sentences, &dates, &entities);
        Analysis {
            entities,
            quotes,
            dates,
            events,
        }
    }
}

impl Analyzer {
    /// The name mentions of `text` as the entity finder settles them: byte span, the
    /// entity's kind, and how the mention names it. For evaluation against name corpora.
    pub fn name_mentions(
        &self,
        text: &str,
    ) -> Vec<(Span, crate::model::EntityKind, story_entities::Form)> {
        let words = words::words(text);
        let story = entities::find_entities(&self.gazetteer, self.tagger, text, &words);
        story
            .mentions
            .iter()
            .map(|m| (m.span, story.entities[m.entity].kind, m.form))
            .collect()
    }
}

/// Longest body prefix analysed; news stories are a few kilobytes.
pub const MAX_ANALYSED_BYTES: usize = 512 * 1024;

/// The part of `body` that is analysed: all of it, or its start up to a line break
/// (else a character boundary) at most [`MAX_ANALYSED_BYTES`] long.
fn analysed_part(body: &str) -> &str {
    if body.len() <= MAX_ANALYSED_BYTES {
        return body;
    }
    let mut end = MAX_ANALYSED_BYTES;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let cut = body[..end].rfind('\n').unwrap_or(end);
    &body[..cut]
}

/// Quotations with their speakers, and reported speech, in reading order. Each stretch
/// of text is counted once: a reported clause overlapping a direct quotation or an
/// earlier clause is left out, and a quoted fragment inside a reported clause is part
/// of that clause.
fn find_quotes(
    body: &Body,
    words: &[words::Word],
    sentences: &[Span],
    story: &mut Story,
) -> Vec<Quote> {
    let text = body.text;
    for person in &mut story.entities {
        if person.kind == EntityKind::Person && person.gender.is_none() {
            person.gender = given_names::gender_of_name(&person.name);
        }
    }
    namesakes::add_namesake_mentions(text, words, story);
    let marked = quotes::find_quotations(text);
    // People in subject position: pronoun speakers of both quotes and reported speech
    // resolve to them (attribution learns genders only, which this list does not hold).
    let quoted: Vec<Span> = marked.iter().map(|m| m.outer).collect();
    let subjects = speakers::subject_people(text, words, story, sentences, &quoted);
    let reach = role_nouns::Reach::Subjects {
        subjects: &subjects,
        quoted: &quoted,
    };
    let mut taken = story_entities::Taken::of(&story.mentions);
    role_nouns::add_role_mentions(text, words, story, &mut taken, reach);
    let subjects = speakers::subject_people(text, words, story, sentences, &quoted);
    let mut attributed = speakers::attribute(text, words, story, &subjects, sentences, &marked);
    attributed.retain(|a| a.speaker.is_some() || !quotes::is_title_or_markup(body.slice(a.inner)));
    let mut reported = reported::find_reported(text, words, story, &subjects, sentences, &quoted);
    reported.extend(trailing_cues::find_trailing(
        text, words, story, &subjects, sentences, &quoted,
    ));
    reported.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    // “X said the plan “has failed the coast.””: a quotation a reported clause opens
    // before is the clause speaker's words.
    for a in attributed.iter_mut().filter(|a| a.speaker.is_none()) {
        a.speaker = reported
            .iter()
            .find(|r| r.span.start < a.inner.start && r.span.overlaps(&a.inner))
            .and_then(|r| r.speaker);
    }
    let direct: Vec<Span> = attributed
        .iter()
        .filter(|a| a.kind == QuoteKind::Direct)
        .map(|a| a.inner)
        .collect();
    let mut clauses: Vec<reported::ReportedClause> = Vec::with_capacity(reported.len());
    for r in reported {
        let taken = direct.iter().any(|d| d.overlaps(&r.span))
            || clauses.last().is_some_and(|c| c.span.overlaps(&r.span));
        if !taken {
            clauses.push(r);
        }
    }
    let mut found: Vec<(Span, Option<usize>, QuoteKind)> = attributed
        .into_iter()
        .filter(|a| {
            a.kind == QuoteKind::Direct || !clauses.iter().any(|c| c.span.contains(&a.inner))
        })
        .map(|a| (a.inner, a.speaker, a.kind))
        .collect();
    found.extend(
        clauses
            .into_iter()
            .map(|r| (r.span, r.speaker, QuoteKind::Reported)),
    );
    found.sort_by_key(|(span, _, _)| span.start);
    found
        .into_iter()
        .map(|(span, speaker, kind)| Quote {
            text: body.slice(span).to_string(),
            start: body.char_offset(span.start),
            end: body.char_offset(span.end),
            speaker: speaker.map(|e| story.entities[e].name.clone()),
            kind,
        })
        .collect()
}
