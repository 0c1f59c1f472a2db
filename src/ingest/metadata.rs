//! Metadata lines of copied news pages: "Kyiv, UkraineUpdated: Mar 04, 2022, 07:40 PM EET",
//! "By Europe Desk | Published: 14 March 2023 09:30 CET", "First published on …",
//! "Posted 4 March 2022", or a bare timestamp.

use super::timestamp::to_rfc3339;

/// What one metadata line says; `published` is always set.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub byline: Option<String>,
    pub dateline: Option<String>,
    /// RFC 3339.
    pub published: String,
    /// The time is an update's ("Updated: …", "Last modified …"), not the first
    /// publication's; a line with both gives the publication's.
    pub updated: bool,
}

/// Words that introduce a publication time, lowercase; searched anywhere in a part
/// because pages glue them to the dateline ("UkraineUpdated:").
const MARKERS: &[&str] = &[
    "first published on",
    "first published:",
    "first published",
    "last updated on",
    "last updated:",
    "last updated",
    "last modified on",
    "last modified:",
    "updated on",
    "updated at",
    "updated:",
    "updated",
    "published on",
    "published at",
    "published:",
    "published",
    "posted on",
    "posted at",
    "posted:",
    "posted",
    "date:",
];

/// A word every one of [`MARKERS`] holds: a part holding none is searched no further.
const MARKER_STEMS: &[&str] = &["published", "updated", "modified", "posted", "date:"];

/// Reads a metadata line; `None` unless it holds a publication time.
pub fn parse_metadata(line: &str) -> Option<Metadata> {
    // A date and its time in separate parts ("Tuesday 12 April 2022 | 19:30 SLST").
    if let Some(published) = to_rfc3339(line) {
        return Some(Metadata {
            published,
            ..Metadata::default()
        });
    }
    let mut found = Metadata::default();
    // The time and whether an update marker introduced it.
    let mut published: Option<(String, bool)> = None;
    let mut leftovers = Vec::new();
    for part in line
        .split(['|', '\u{b7}', '\u{2022}'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some((before, time, updated)) = split_at_marker(part) {
            if published
                .as_ref()
                .is_none_or(|(_, was_update)| *was_update && !updated)
            {
                published = Some((time, updated));
            }
            if !before.is_empty() {
                leftovers.push(before);
            }
        } else if let Some(time) = to_rfc3339(part) {
            published.get_or_insert((time, false));
        } else {
            leftovers.push(part);
        }
    }
    (found.published, found.updated) = published?;
    for part in leftovers {
        if let Some(name) = strip_by(part) {
            found.byline.get_or_insert(name.to_string());
        } else if is_place(part) {
            found.dateline.get_or_insert(part.to_string());
        }
    }
    Some(found)
}

/// "By Europe Desk" → "Europe Desk".
pub fn strip_by(text: &str) -> Option<&str> {
    let by = text.get(..3)?;
    by.eq_ignore_ascii_case("by ").then(|| text[3..].trim())
}

/// Splits "Kyiv, UkraineUpdated: Mar 04, 2022" at the earliest marker whose remainder
/// is a time; returns the text before it, the RFC 3339 time, and whether the marker
/// introduces an update.
fn split_at_marker(part: &str) -> Option<(&str, String, bool)> {
    let lower = part.to_lowercase();
    if lower.len() != part.len() {
        return None;
    }
    if !MARKER_STEMS.iter().any(|stem| lower.contains(stem)) {
        return None;
    }
    let mut candidates: Vec<(usize, &str)> = MARKERS
        .iter()
        .filter_map(|marker| lower.find(marker).map(|at| (at, *marker)))
        .collect();
    candidates.sort_by_key(|&(at, marker)| (at, std::cmp::Reverse(marker.len())));
    candidates.into_iter().find_map(|(at, marker)| {
        let time = to_rfc3339(
            part[at + marker.len()..].trim_start_matches([':', ' ', '-', '\u{2013}', '\u{2014}']),
        )?;
        let before = part[..at]
            .trim()
            .trim_end_matches([',', '-', '\u{2013}', '\u{2014}'])
            .trim();
        let updated = marker.contains("updated") || marker.contains("modified");
        Some((before, time, updated))
    })
}

/// A short, capitalised place name ("Kyiv, Ukraine", "Brussels").
fn is_place(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !text.ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(byline: Option<&str>, dateline: Option<&str>, published: &str) -> Option<Metadata> {
        Some(Metadata {
            byline: byline.map(str::to_string),
            dateline: dateline.map(str::to_string),
            published: published.to_string(),
            updated: false,
        })
    }

    fn updated(metadata: Option<Metadata>) -> Option<Metadata> {
        metadata.map(|metadata| Metadata {
            updated: true,
            ..metadata
        })
    }

    #[test]
    fn glued_dateline() {
        assert_eq!(
            parse_metadata("Kyiv, UkraineUpdated: Mar 04, 2022, 07:40 PM EET"),
            updated(meta(
                None,
                Some("Kyiv, Ukraine"),
                "2022-03-04T19:40:00+02:00"
            ))
        );
    }

    #[test]
    fn byline_and_published() {
        assert_eq!(
            parse_metadata("By Europe Desk | Published: 14 March 2023 09:30 CET"),
            meta(Some("Europe Desk"), None, "2023-03-14T09:30:00+01:00")
        );
        assert_eq!(
            parse_metadata("Updated on: March 4, 2022 / 7:40 PM IST"),
            updated(meta(None, None, "2022-03-04T19:40:00+05:30"))
        );
        assert_eq!(
            parse_metadata("Updated: 15 March 2023 10:00 CET | Published: 14 March 2023 09:30 CET"),
            meta(None, None, "2023-03-14T09:30:00+01:00")
        );
        assert_eq!(
            parse_metadata("Published - 4 March 2022"),
            meta(None, None, "2022-03-04T00:00:00+00:00")
        );
        assert_eq!(
            parse_metadata("First published on Tue 14 Mar 2023 09.30 GMT"),
            meta(None, None, "2023-03-14T09:30:00+00:00")
        );
        assert_eq!(
            parse_metadata("Nairobi \u{b7} 2023-03-14T09:30:00+03:00"),
            meta(None, Some("Nairobi"), "2023-03-14T09:30:00+03:00")
        );
    }

    #[test]
    fn a_date_and_its_time_in_separate_parts() {
        assert_eq!(
            parse_metadata("Tuesday 12 April 2022 | 19:30 SLST"),
            meta(None, None, "2022-04-12T19:30:00+05:30")
        );
    }

    #[test]
    fn prose_is_not_metadata() {
        assert_eq!(
            parse_metadata("The ministry updated its guidance on Tuesday."),
            None
        );
        assert_eq!(parse_metadata("Xiaolan Zhao, Horizon Wire"), None);
    }
}
