//! Events: one per dated sentence, with a headline-like summary and the entities it names.

use crate::model::{DateMention, Entity, Event};
use crate::text::WordSet;
use crate::text::{Body, QuoteMarks, Span};

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

/// One event per dated clause: a sentence holds one, unless it runs through several dates
/// clause by clause ("In 1841 the fort was built, in 1907 it burned, and in 1947 …"). An
/// event takes its clause's most specific date (the first on a tie), a short summary of the
/// clause, the canonical names of the entities mentioned in it, and its character span.
/// Clauses that say nothing beyond their dates (page furniture such as "Dec. 6, 2024, 10:00
/// PM UTC / Updated Dec. 7", a dateline) and years that qualify a plan ("the 2025 budget")
/// date no event.
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
        let in_sentence: Vec<&DateMention> = dates[first_date..]
            .iter()
            .take_while(|d| d.start < end)
            .filter(|d| start <= d.start && d.end <= end)
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let text = body.slice(sentence);
        let spans: Vec<(usize, usize)> = in_sentence
            .iter()
            .map(|d| (byte_at(text, d.start - start), byte_at(text, d.end - start)))
            .collect();
        for (from, to) in dated_clauses(text, &spans) {
            let clause = &text[from..to];
            let best = in_sentence
                .iter()
                .zip(&spans)
                .filter(|(_, s)| from <= s.0 && s.1 <= to)
                .filter(|(_, s)| !qualifies_a_plan(text, s.1))
                .filter_map(|(d, s)| {
                    let value = d.value.as_deref()?;
                    Some((*s, value, precision(value)?))
                })
                .fold(
                    None::<((usize, usize), &str, u8)>,
                    |best, (s, v, p)| match best {
                        Some((_, _, b)) if b >= p => best,
                        _ => Some((s, v, p)),
                    },
                );
            let Some((span, value, _)) = best else {
                continue;
            };
            let within: Vec<(usize, usize)> = spans
                .iter()
                .filter(|s| from <= s.0 && s.1 <= to)
                .map(|s| (s.0 - from, s.1 - from))
                .collect();
            if !tells_something(clause, &within) {
                continue;
            }
            let clause_start = start + text[..from].chars().count();
            let clause_end = clause_start + clause.chars().count();
            let inside = |s: usize, e: usize| clause_start <= s && e <= clause_end;
            let mut names: Vec<String> = Vec::new();
            for entity in entities {
                let named = entity.mentions.iter().any(|m| inside(m.start, m.end));
                if named && !names.contains(&entity.name) {
                    names.push(entity.name.clone());
                }
            }
            out.push(Event {
                date: value.to_string(),
                summary: summary(clause, (span.0 - from, span.1 - from)),
                entities: names,
                start: clause_start,
                end: clause_end,
            });
        }
    }
    out
}

/// Words that open a clause before its date ("and in 1947 …").
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "and", "but", "then", "while", "in", "on", "by", "since", "from", "until", "during",
]);

/// The byte ranges of `sentence`'s clauses, given its dates' byte ranges: a new clause
/// starts after a comma or semicolon (outside a date) when what follows opens with a date,
/// perhaps after a conjunction and a preposition; everything else stays in one clause, and
/// a sentence with fewer than two dated clauses is one.
fn dated_clauses(sentence: &str, dates: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let in_date = |i: usize| dates.iter().any(|&(s, e)| s <= i && i < e);
    let mut clauses = Vec::new();
    let mut clause_start = 0;
    for (i, _) in sentence.match_indices([',', ';']) {
        if in_date(i) {
            continue;
        }
        let rest = &sentence[i + 1..];
        let mut at = i + 1 + (rest.len() - rest.trim_start().len());
        for _ in 0..2 {
            let word_end = sentence[at..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(sentence.len(), |n| at + n);
            if word_end > at && CLAUSE_OPENERS.contains_lowered(&sentence[at..word_end]) {
                // Past the separator after the word, whatever its width (a no-break space).
                at = word_end
                    + sentence[word_end..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
            }
        }
        if dates.iter().any(|&(s, _)| s == at) {
            clauses.push((clause_start, i));
            clause_start = i + 1;
        }
    }
    clauses.push((clause_start, sentence.len()));
    let dated = |&(s, e): &(usize, usize)| dates.iter().any(|&(ds, de)| s <= ds && de <= e);
    if clauses.iter().filter(|c| dated(c)).count() < 2 {
        return vec![(0, sentence.len())];
    }
    clauses
        .into_iter()
        .map(|(s, e)| {
            let piece = &sentence[s..e];
            let lead = piece.len() - piece.trim_start().len();
            (s + lead, e)
        })
        .collect()
}

/// Nouns that a year before them plans for rather than dates: "the 2025 budget".
static PLAN_NOUNS: WordSet = WordSet::new(&[
    "agenda",
    "budget",
    "budgets",
    "forecast",
    "forecasts",
    "goal",
    "goals",
    "plan",
    "plans",
    "projection",
    "projections",
    "strategy",
    "target",
    "targets",
    "vision",
]);

/// True when the date ending at byte `end` of `text` qualifies a plan noun.
fn qualifies_a_plan(text: &str, end: usize) -> bool {
    let next = text[end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    PLAN_NOUNS.contains_lowered(next)
}

/// Words of page furniture that carry no event ("Updated", "UTC", "PM").
static FURNITURE_WORDS: WordSet = WordSet::new(&[
    "am",
    "edt",
    "est",
    "gmt",
    "last",
    "pm",
    "posted",
    "published",
    "updated",
    "utc",
]);

/// True when `clause` says something beyond its dates (byte ranges within it): at least two
/// words that are neither part of a date nor page furniture.
fn tells_something(clause: &str, dates: &[(usize, usize)]) -> bool {
    let mut words = 0;
    let mut word_start = None;
    let ends = std::iter::once((clause.len(), ' '));
    for (i, c) in clause.char_indices().chain(ends) {
        if c.is_alphabetic() {
            word_start.get_or_insert(i);
            continue;
        }
        let Some(start) = word_start.take() else {
            continue;
        };
        let in_date = dates.iter().any(|&(s, e)| s <= start && start < e);
        if !in_date && !FURNITURE_WORDS.contains_lowered(&clause[start..i]) {
            words += 1;
        }
    }
    words >= 2
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
    // A clause may open with the connector in lower case ("and in 1947 it was rebuilt").
    let opens_with = |c: &&&str| {
        text.get(..c.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(c))
    };
    if let Some(connector) = CONNECTORS.iter().find(opens_with) {
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
        // A whole word only: "meet again next month" keeps its "again".
        let whole_word = |head: &&str| !head.ends_with(|c: char| c.is_alphanumeric());
        if let Some(head) = before.strip_suffix(preposition).filter(whole_word) {
            let rest = &text[end..];
            if head.is_empty() {
                return rest.trim_start_matches([',', ' ']).to_string();
            }
            // "Then, on Dec. 3, hundreds …" loses "on Dec. 3" and one of its commas.
            let head = head.trim_end();
            let rest = match (head.ends_with(','), rest.strip_prefix(',')) {
                (true, Some(after)) => after,
                _ => rest,
            };
            return format!("{head}{rest}");
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
