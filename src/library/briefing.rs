//! An analyst's briefing: the stories behind a set of notes, with exact citations,
//! the notes and their anchored passages, each story's quotes and dated events, and one
//! combined timeline. [`Briefing::to_markdown`] (in `briefing_markdown.rs`) writes it out.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::Serialize;

use super::anchors::Anchor;
use super::notes::{Note, NoteFilter, now};
use super::{Library, LibraryError};
use crate::model::{Event, Quote};

/// What a briefing covers: the live notes on `story` (else on every story) carrying any
/// of `tags` (else every note), on stories published from `from` to `to` (inclusive).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefingRequest {
    /// The document's heading; "Analyst briefing" when absent.
    pub title: Option<String>,
    pub story: Option<i64>,
    /// Tags, any case, with or without `#`.
    pub tags: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// Everything an export holds, ready to serialise or render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    pub title: String,
    /// RFC 3339 time the briefing was made.
    pub generated: String,
    /// The filters it was made with: tags lowercase without `#`, days as `YYYY-MM-DD`.
    pub tags: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Newest story first.
    pub stories: Vec<BriefingStory>,
    /// Every story's events, in date order.
    pub timeline: Vec<TimelineEntry>,
}

/// One story of a briefing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefingStory {
    /// The story's library id (for tools; the Markdown cites by title, source, date, URL).
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub notes: Vec<Note>,
    /// The attributed quotes, and any unattributed one a note's passage covers.
    pub quotes: Vec<Quote>,
    /// In date order.
    pub events: Vec<Event>,
}

/// One line of the combined timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: String,
    pub summary: String,
    /// The story's number in the briefing, counting from 1.
    pub story: usize,
}

impl Library {
    /// The briefing `request` asks for. With `request.story`, that story is in it even
    /// without notes (if published in the range).
    pub fn briefing(&self, request: &BriefingRequest) -> Result<Briefing, LibraryError> {
        let tags: Vec<String> = request
            .tags
            .iter()
            .map(|tag| tag.trim_start_matches('#').to_lowercase())
            .collect();
        let mut by_story: BTreeMap<i64, Vec<Note>> = BTreeMap::new();
        let mut order: Vec<i64> = request.story.into_iter().collect();
        for note in self.briefing_notes(request.story, &tags)? {
            if !order.contains(&note.story) {
                order.push(note.story);
            }
            by_story.entry(note.story).or_default().push(note);
        }
        let mut stories = Vec::with_capacity(order.len());
        for id in order {
            let extract = self.story(id)?;
            let article = extract.article;
            let day = article.published.as_deref().and_then(published_day);
            let in_range = match (request.from, request.to) {
                (None, None) => true,
                (from, to) => day.is_some_and(|day| {
                    from.is_none_or(|from| day >= from) && to.is_none_or(|to| day <= to)
                }),
            };
            if !in_range {
                continue;
            }
            let notes = by_story.remove(&id).unwrap_or_default();
            let quotes = extract
                .analysis
                .quotes
                .into_iter()
                .filter(|quote| quote.speaker.is_some() || is_anchored(quote, &notes))
                .collect();
            let mut events = extract.analysis.events;
            events.sort_by_cached_key(|event| period_key(&event.date));
            stories.push((
                day,
                BriefingStory {
                    id,
                    title: article.title,
                    source: article.source,
                    byline: article.byline,
                    published: article.published,
                    url: article.url,
                    notes,
                    quotes,
                    events,
                },
            ));
        }
        // Newest first, undated last (stable: the notes' order otherwise).
        stories.sort_by_key(|(day, _)| (day.is_none(), std::cmp::Reverse(*day)));
        let stories: Vec<BriefingStory> = stories.into_iter().map(|(_, story)| story).collect();
        let mut timeline: Vec<TimelineEntry> = stories
            .iter()
            .enumerate()
            .flat_map(|(index, story)| {
                story.events.iter().map(move |event| TimelineEntry {
                    date: event.date.clone(),
                    summary: event.summary.clone(),
                    story: index + 1,
                })
            })
            .collect();
        timeline.sort_by_cached_key(|entry| period_key(&entry.date));
        Ok(Briefing {
            title: request
                .title
                .clone()
                .filter(|title| !title.trim().is_empty())
                .unwrap_or_else(|| "Analyst briefing".to_string()),
            generated: now(),
            tags,
            from: request.from.map(|day| day.to_string()),
            to: request.to.map(|day| day.to_string()),
            stories,
            timeline,
        })
    }

    /// The live notes on `story` (or on all stories) carrying any of `tags` (or all).
    fn briefing_notes(
        &self,
        story: Option<i64>,
        tags: &[String],
    ) -> Result<Vec<Note>, LibraryError> {
        let notes = self.notes(&NoteFilter {
            story,
            tag: None,
            deleted: false,
        })?;
        Ok(notes
            .into_iter()
            .filter(|note| tags.is_empty() || note.tags.iter().any(|tag| tags.contains(tag)))
            .collect())
    }
}

/// The day of an RFC 3339 time or `YYYY-MM-DD` value, as written (the story's own offset).
fn published_day(published: &str) -> Option<Date> {
    published.get(..10)?.parse().ok()
}

/// True when one of `notes` is anchored to a passage that overlaps `quote`.
fn is_anchored(quote: &Quote, notes: &[Note]) -> bool {
    notes.iter().any(|note| match &note.anchor {
        Some(Anchor::Passage {
            start,
            end,
            detached: false,
            ..
        }) => *start < quote.end && quote.start < *end,
        _ => false,
    })
}

/// Sorts date values of any precision by the day their period starts, then by the
/// value itself (`2023` before `2023-01-01`); values that are not dates come last.
fn period_key(value: &str) -> (bool, Option<jiff::civil::Date>, String) {
    let start = period_start(value);
    (start.is_none(), start, value.to_string())
}

/// The first day of a `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Www`, `YYYY-Qn`, `YYYY-Hn` or `YYYY`
/// period; a time or part of a day (`YYYY-MM-DDTNI`) starts on its day.
fn period_start(value: &str) -> Option<jiff::civil::Date> {
    use jiff::civil::{Date, ISOWeekDate, Weekday};
    let value = value.split_once('T').map_or(value, |(day, _)| day);
    let (year, rest) = match value.split_once('-') {
        Some((year, rest)) => (year.parse::<i16>().ok()?, Some(rest)),
        None => (value.parse::<i16>().ok()?, None),
    };
    let Some(rest) = rest else {
        return Date::new(year, 1, 1).ok();
    };
    if let Some(week) = rest.strip_prefix('W') {
        let week = ISOWeekDate::new(year, week.parse().ok()?, Weekday::Monday).ok()?;
        return Some(week.date());
    }
    if let Some(half) = rest.strip_prefix('H') {
        let half: i8 = half.parse().ok().filter(|h| (1..=2).contains(h))?;
        return Date::new(year, (half - 1) * 6 + 1, 1).ok();
    }
    if let Some(quarter) = rest.strip_prefix('Q') {
        let quarter: i8 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
        return Date::new(year, (quarter - 1) * 3 + 1, 1).ok();
    }
    match rest.split_once('-') {
        Some(_) => value.parse().ok(),
        None => Date::new(year, rest.parse().ok()?, 1).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::period_key;

    #[test]
    fn periods_sort_by_their_first_day() {
        let mut dates = vec![
            "2023-Q3",
            "2023-06-03",
            "2023-H2",
            "soon",
            "2023",
            "2023-W10",
            "2023-06",
            "2022-12-31",
        ];
        dates.sort_by_cached_key(|date| period_key(date));
        assert_eq!(
            dates,
            [
                "2022-12-31",
                "2023",
                "2023-W10",
                "2023-06",
                "2023-06-03",
                "2023-H2",
                "2023-Q3",
                "soon"
            ]
        );
    }
}
