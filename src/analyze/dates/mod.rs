//! Temporal expressions: found in one pass over each sentence's tokens and normalised
//! against the publication date in the source's own offset.
//!
//! Values follow DESIGN.md: `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Www` (ISO week), `YYYY-Qn`,
//! `YYYY`, or null for durations and for relative dates without a publication date.
//! Conventions (those of the corpus generator's gold where it has one):
//! - spans leave out a leading on/in/since/by but keep modifiers ("last week", "earlier this
//!   year", "the third quarter of this year", "mid-December", "the end of March");
//! - a date without a year ("June 3", "Monday", "in September", "Q3") is the next one when
//!   its clause looks ahead and otherwise the previous one, publication day included: news
//!   marks the future explicitly, so a clause without tense cues is read as past; when the
//!   tense is only loosely tied to the date (across a comma or an infinitive, or "until"
//!   with no verb) and its occurrence is a year off, a near one wins, as news names the
//!   year of a date that far away;
//! - "Sunday, March 26" takes the year in which March 26 is a Sunday;
//! - halves ("H1 2021", "the second half of next year") are TimeML's `2021-H1`; decades
//!   ("the 1990s", "the '80s") are `199`, as TimeBank and the TIDES guidelines write them,
//!   seasons `1998-SU`;
//! - "two weeks ago" is a week, "three days ago" a day, "in two weeks" a week when the clause
//!   looks ahead and a duration otherwise.

mod anchored;
mod anchors;
mod beside;
mod calendar;
mod clock;
mod comparisons;
mod counts;
mod current;
mod discourse;
mod expr;
mod holidays;
mod lexicon;
mod movable;
mod parse;
mod periods;
mod possessive;
mod quarters;
mod refs;
mod relative;
mod resolve;
mod results;
mod sets;
mod tense;
mod tense_words;
mod tokens;
mod widened;

use jiff::fmt::temporal::Pieces;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

use crate::model::{DateKind, DateMention};
use crate::text::words::{Word, words_in};
use crate::text::{Body, Span};

/// Parses an RFC 3339 publication time ("2023-03-14T09:30:00+01:00"), keeping its offset so
/// that "yesterday" means the day before in the source's local time. `None` if malformed.
pub fn publication_time(published: &str) -> Option<ZonedDateTime> {
    let timestamp: Timestamp = published.trim().parse().ok()?;
    let offset = Pieces::parse(published.trim())
        .ok()?
        .offset()?
        .to_numeric_offset();
    Some(timestamp.to_zoned_datetime(TimeZone::fixed(offset)))
}

/// All temporal expressions in `body`, sentence by sentence, normalised against `published`
/// (values that need an anchor are `None` without it). Offsets count characters. `words`
/// are the body's words, which tell the sentences that may hold a date.
pub fn find_dates(
    body: &Body,
    sentences: &[Span],
    words: &[Word],
    published: Option<&ZonedDateTime>,
) -> Vec<DateMention> {
    let anchor = published.map(ZonedDateTime::date);
    let mut tokens = Vec::new();
    let mut out = Vec::new();
    // The time the story last named, for "a year earlier" and the like.
    let mut last_named = None;
    let mut results = results::Results::new(anchor);
    for sentence in sentences {
        if !anchors::may_hold_date(body.text, words_in(words, *sentence)) {
            continue;
        }
        tokens.clear();
        tokens::tokenize(body.text, sentence.start, sentence.end, &mut tokens);
        let found = parse::Parser::new(&tokens).all();
        if found.is_empty() {
            continue;
        }
        let cues = tense::Cues::new(&tokens);
        for f in found {
            let (from, reported) = results.context(f.expr, last_named);
            let (mut value, mut kind) =
                resolve::resolve(f.expr, anchor, cues.around(f.first, f.last), from, reported);
            let time = clock::time_in(&tokens[f.first..=f.last]);
            if let Some(at_time) = time
                .zip(value.as_deref())
                .and_then(|(t, v)| clock::at_time(v, t))
            {
                value = Some(at_time);
                if kind == DateKind::Date {
                    kind = DateKind::Time;
                }
            }
            // "the day before last Tuesday's hearing".
            let mut first = f.first;
            if let Some((the, days)) = beside::day_beside(&tokens, f.first)
                && let Some(day) = value.as_deref().and_then(|v| beside::shifted_day(v, days))
            {
                value = Some(day);
                first = the;
            }
            let point = value.as_deref().and_then(discourse::Point::of_value);
            let point = point.filter(|_| !f.expr.is_anchored());
            if point.is_some() {
                last_named = point;
            }
            results.note(f.expr, point);
            let (start, end) = (tokens[first].start, tokens[f.last].end);
            out.push(DateMention {
                text: body.text[start..end].to_string(),
                start: body.char_offset(start),
                end: body.char_offset(end),
                value,
                kind,
            });
        }
    }
    out
}
