//! Events: one per dated sentence, with a headline-like summary and the entities it names.

use super::text::{Body, QuoteMarks, Span};
use super::word_set::WordSet;
use crate::model::{DateMention, Entity, Event};

/// Longest summary kept whole; longer ones are cut at a clause or word boundary.
const MAX_SUMMARY: usize = 100;

/// Openers that add nothing to a headline.
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "But ", "However, ", "And ", "Meanwhile, ", "Still, ", "Yet ", "Also, ", "In addition, ",
    "Separately, ", "So far, ",
];

/// Words that mark an attribution tail (", diplomats said").
#[rustfmt::skip]
static ATTRIBUTION: WordSet = WordSet::new(&[
    "said", "says", "told", "added", "according", "noted", "wrote", "reported",
]);

/// One event per sentence holding a date with a value: the most specific value (the first
/// on a tie), a short summary of the sentence, the canonical names of the entities mentioned
/// in it, and the sentence's character span.
pub fn events(
    body: &Body,
    sentences: &[Span],
    dates: &[DateMention],
    entities: &[Entity],
) -> Vec<Event> {
    let mut out = Vec::new();
    // Dates come in reading order, so each sentence looks only at the dates from the
    // first one not before it.
    let mut first_date = 0;
    for &sentence in sentences {
        if first_date == dates.len() {
            break;
        }
        let (start, end) = (
            body.char_offset(sentence.start),
            body.char_offset(sentence.end),
        );
        first_date += dates[first_date..].partition_point(|d| d.start < start);
        let inside = |s: usize, e: usize| start <= s && e <= end;
        let best = dates[first_date..]
            .iter()
            .take_while(|d| d.start < end)
            .filter(|d| inside(d.start, d.end))
            .filter_map(|d| {
                let value = d.value.as_deref()?;
                Some((d, value, precision(value)?))
            })
            .fold(
                None::<(&DateMention, &str, u8)>,
                |best, (d, v, p)| match best {
                    Some((_, _, b)) if b >= p => best,
                    _ => Some((d, v, p)),
                },
            );
        let Some((date, value, _)) = best else {
            continue;
        };
        let text = body.slice(sentence);
        let date_bytes = (
            byte_at(text, date.start - start),
            byte_at(text, date.end - start),
        );
        let mut names: Vec<String> = Vec::new();
        for entity in entities {
            let named = entity.mentions.iter().any(|m| inside(m.start, m.end));
            if named && !names.contains(&entity.name) {
                names.push(entity.name.clone());
            }
        }
        out.push(Event {
            date: value.to_string(),
            summary: summary(text, date_bytes),
            entities: names,
            start,
            end,
        });
    }
    out
}

/// How fine a calendar value is: time of day, day, week, month, quarter or season, year.
/// `None` for what dates no event: lengths of time, recurring times, references such as
/// `PRESENT_REF`, decades and centuries.
fn precision(value: &str) -> Option<u8> {
    let bytes = value.as_bytes();
    if bytes.len() < 4 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(match &value[4..] {
        "" => 1,
        rest if rest.contains('T') => 6,
        rest if rest.len() == 6 => 5,
        rest if rest.starts_with("-W") => 4,
        rest if rest.len() == 3 && rest[1..].bytes().all(|b| b.is_ascii_digit()) => 3,
        _ => 2,
    })
}

/// The byte offset of the `n`th character of `text` (or its end).
fn byte_at(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
}

/// A headline-like summary of `sentence`, whose date phrase lies at byte range `date`:
/// without a leading connector, an attribution tail, "on"/"in" + the date, or quote marks;
/// cut to the date's clause when long.
fn summary(sentence: &str, date: (usize, usize)) -> String {
    let mut text = sentence.trim_end_matches(['.', '!', '?', ' ']).to_string();
    let mut date = date;
    if let Some(connector) = CONNECTORS.iter().find(|c| text.starts_with(*c)) {
        text.replace_range(..connector.len(), "");
        date = (
            date.0.saturating_sub(connector.len()),
            date.1.saturating_sub(connector.len()),
        );
    }
    if let Some(tail) = attribution_tail(&text, date.1) {
        text.truncate(tail);
    }
    let mut text = drop_date_phrase(&text, date);
    text = without_stray_quotes(&text)
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | ',' | ' '))
        .to_string();
    if text.chars().count() > MAX_SUMMARY {
        text = shorten(&text);
    }
    match text.chars().next() {
        Some(first) if first.is_ascii() => {
            text[..1].make_ascii_uppercase();
            text
        }
        Some(first) => format!("{}{}", first.to_uppercase(), &text[first.len_utf8()..]),
        None => text,
    }
}

/// Where a closing attribution (", X said", ",” X, a spokeswoman, said", ", according to
/// X") starts after byte `after`: the first comma whose remainder is short and attributes.
fn attribution_tail(text: &str, after: usize) -> Option<usize> {
    text.match_indices(',')
        .map(|(i, _)| i)
        .filter(|&i| i >= after)
        .find(|&comma| {
            let tail = text[comma + 1..].trim_start_matches(['”', '"', ' ']);
            let short = tail.split_whitespace().nth(10).is_none();
            short
                && tail
                    .split_whitespace()
                    .any(|w| ATTRIBUTION.contains(w.trim_matches(',')))
        })
}

/// `text` without "on <date>" / "in <date>" (and a leading "On <date>, "), which the event's
/// date already says; other dates stay, as "since 2019" carries meaning.
fn drop_date_phrase(text: &str, (start, end): (usize, usize)) -> String {
    if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return text.to_string();
    }
    let before = &text[..start];
    for preposition in ["on ", "On ", "in ", "In "] {
        if let Some(head) = before.strip_suffix(preposition) {
            let rest = &text[end..];
            if head.is_empty() {
                return rest.trim_start_matches([',', ' ']).to_string();
            }
            return format!("{}{}", head.trim_end(), rest);
        }
    }
    text.to_string()
}

/// `text` without quotation marks when they no longer pair up (a quote cut short).
fn without_stray_quotes(text: &str) -> String {
    let marks = QuoteMarks::of(text);
    let curly_paired = marks.opening == marks.closing;
    let straight_paired = marks.straight.is_multiple_of(2);
    if curly_paired && straight_paired {
        return text.to_string();
    }
    text.chars()
        .filter(|&c| match c {
            '“' | '”' => curly_paired,
            '"' => straight_paired,
            _ => true,
        })
        .collect()
}

/// The first clauses of `text` that fit in [`MAX_SUMMARY`] characters, else its first words.
fn shorten(text: &str) -> String {
    let mut end = 0;
    for (i, _) in text
        .match_indices([',', ';'])
        .chain(text.match_indices(" — "))
    {
        if text[..i].chars().count() <= MAX_SUMMARY && i > end {
            end = i;
        }
    }
    if end >= MAX_SUMMARY / 3 {
        return text[..end].to_string();
    }
    let mut cut = String::new();
    for word in text.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > MAX_SUMMARY - 1 {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    cut.push('…');
    cut
}
