//! An analyst's briefing: the stories behind a set of notes, with exact citations,
//! the notes and their anchored passages, each story's quotes and dated events, and one
//! combined timeline. [`Briefing::to_markdown`] (in `briefing_markdown.rs`) writes it out.

use std::collections::BTreeMap;

use serde::Serialize;

use super::notes::{Note, NoteFilter, now};
use super::{Library, LibraryError};
use crate::model::{Event, Quote};

/// Everything an export holds, ready to serialise or render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Briefing {
    /// RFC 3339 time the briefing was made.
    pub generated: String,
    /// The filters it was made with.
    pub story: Option<i64>,
    pub tag: Option<String>,
    /// Newest story first.
    pub stories: Vec<BriefingStory>,
    /// Every story's events, in date order.
    pub timeline: Vec<TimelineEntry>,
}

/// One story of a briefing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefingStory {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub notes: Vec<Note>,
    pub quotes: Vec<Quote>,
    /// In date order.
    pub events: Vec<Event>,
}

/// One line of the combined timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: String,
    pub summary: String,
    pub story: i64,
    pub story_title: String,
}

impl Library {
    /// The briefing of the live notes `filter` selects and their stories. With
    /// `filter.story`, that story is in it even without notes.
    pub fn briefing(&self, filter: &NoteFilter) -> Result<Briefing, LibraryError> {
        let filter = NoteFilter {
            deleted: false,
            ..filter.clone()
        };
        let mut by_story: BTreeMap<i64, Vec<Note>> = BTreeMap::new();
        let mut order: Vec<i64> = filter.story.into_iter().collect();
        for note in self.notes(&filter)? {
            if !order.contains(&note.story) {
                order.push(note.story);
            }
            by_story.entry(note.story).or_default().push(note);
        }
        let mut stories = Vec::with_capacity(order.len());
        for id in order {
            let extract = self.story(id)?;
            let mut events = extract.analysis.events;
            events.sort_by_cached_key(|event| period_key(&event.date));
            let article = extract.article;
            stories.push(BriefingStory {
                id,
                title: article.title,
                source: article.source,
                byline: article.byline,
                published: article.published,
                url: article.url,
                notes: by_story.remove(&id).unwrap_or_default(),
                quotes: extract.analysis.quotes,
                events,
            });
        }
        let mut timeline: Vec<TimelineEntry> = stories
            .iter()
            .flat_map(|story| {
                story.events.iter().map(|event| TimelineEntry {
                    date: event.date.clone(),
                    summary: event.summary.clone(),
                    story: story.id,
                    story_title: story.title.clone(),
                })
            })
            .collect();
        timeline.sort_by_cached_key(|entry| period_key(&entry.date));
        Ok(Briefing {
            generated: now(),
            story: filter.story,
            tag: filter
                .tag
                .map(|tag| tag.trim_start_matches('#').to_lowercase()),
            stories,
            timeline,
        })
    }
}

/// Sorts date values of any precision by the day their period starts, then by the
/// value itself (`2023` before `2023-01-01`); values that are not dates come last.
fn period_key(value: &str) -> (bool, Option<jiff::civil::Date>, String) {
    let start = period_start(value);
    (start.is_none(), start, value.to_string())
}

/// The first day of a `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Www`, `YYYY-Qn` or `YYYY` period.
fn period_start(value: &str) -> Option<jiff::civil::Date> {
    use jiff::civil::{Date, ISOWeekDate, Weekday};
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
                "2023-Q3",
                "soon"
            ]
        );
    }
}
