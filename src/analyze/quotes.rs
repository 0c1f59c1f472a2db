//! Quotation marks: pairs curly “ ”, straight " ", guillemets « », German „ “, doubled
//! apostrophes '' '', and single quotes ‘ ’ and ' ' into spans, telling apostrophes
//! (don't, Britain's, 1990s') apart.
//!
//! Only the outermost quotation is kept: marks nested inside it are part of its text.
//! A quotation running over several paragraphs (opening mark repeated at each
//! paragraph start, no closing mark until the last) gives one piece per paragraph,
//! linked by `continues`. A line that holds nothing but a short quoted phrase is a
//! heading ('Red lines'), not a quotation.

use crate::text::{Span, lines};

/// Which marks enclose a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marks {
    Curly,
    Straight,
    Guillemets,
    /// „…“ (German) or „…” (Polish, Czech).
    LowHigh,
    DoubledApostrophes,
    SingleCurly,
    SingleStraight,
}

/// The longest single-quoted phrase, in bytes; longer spans mean the mark was an apostrophe.
const MAX_SHORT_QUOTE: usize = 400;

impl Marks {
    /// Single and doubled-apostrophe marks, used for short phrases and easily confused
    /// with apostrophes.
    fn is_short(self) -> bool {
        matches!(
            self,
            Marks::SingleCurly | Marks::SingleStraight | Marks::DoubledApostrophes
        )
    }

    fn opening(self) -> &'static str {
        match self {
            Marks::Curly => "“",
            Marks::Straight => "\"",
            Marks::Guillemets => "«",
            Marks::LowHigh => "„",
            Marks::DoubledApostrophes => "''",
            Marks::SingleCurly => "‘",
            Marks::SingleStraight => "'",
        }
    }
}

/// One quotation (or one paragraph's piece of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    /// The text strictly between the marks.
    pub inner: Span,
    /// From the opening mark to the end of the closing mark (or of the paragraph).
    pub outer: Span,
    /// True when the next piece continues this quotation in the next paragraph.
    pub continues: bool,
}

/// Finds every quotation in `text`, in order.
pub fn find_quotations(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let lines: Vec<Span> = line_spans(text);
    for (k, line) in lines.iter().enumerate() {
        let found_before = out.len();
        scan_line(text, *line, &mut out);
        // An unclosed quotation that reopens at the next paragraph start continues there.
        if let Some(open) = unclosed_at_end(text, *line, &out[found_before..]) {
            let next = lines[k + 1..].iter().find(|l| l.start < l.end);
            if let Some(next) = next
                && text[next.start..next.end].starts_with(open.1.opening())
            {
                let inner = Span {
                    start: open.0,
                    end: line.end,
                };
                let outer = Span {
                    start: open.0 - open.1.opening().len(),
                    end: line.end,
                };
                out.push(Marked {
                    inner,
                    outer,
                    continues: true,
                });
            }
        }
    }
    out.retain(|m| m.inner.start < m.inner.end);
    out
}

/// True when a quotation's text names something rather than quotes anyone: a title in
/// title case ("State of the Union", "Morning Joe."), or markup such as a date, a number
/// or a handle ("2016-07-23", "realDonaldTrump"). Only unattributed quotations are judged.
pub fn is_title_or_markup(inner: &str) -> bool {
    let inner = inner.trim().trim_end_matches(['.', ',', ':', ';']);
    if inner.ends_with(['?', '!']) {
        return false;
    }
    if !inner.chars().any(char::is_alphabetic) {
        return true;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    let handle = |w: &str| {
        let mut chars = w.chars().skip_while(|c| !c.is_lowercase());
        chars.any(char::is_uppercase) || w.starts_with('@') || w.starts_with('#')
    };
    if let [only] = words.as_slice() {
        return handle(only);
    }
    let title_word = |w: &&str| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || TITLE_SMALL_WORDS.contains(&w.trim_end_matches([',', '.']))
    };
    words.len() <= 6 && words.iter().all(title_word)
}

/// Lower-case words a title keeps between capitalised ones ("State of the Union").
const TITLE_SMALL_WORDS: &[&str] = &[
    "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "from", "or",
];

fn line_spans(text: &str) -> Vec<Span> {
    lines(text)
        .map(|(start, line)| Span {
            start,
            end: start + line.len(),
        })
        .collect()
}

/// Pairs marks inside one line; the outermost quotation wins.
fn scan_line(text: &str, line: Span, out: &mut Vec<Marked>) {
    let s = &text[line.start..line.end];
    let mut open: Option<(usize, Marks)> = None;
    // Inside curly quotes, whether a straight pair is open.
    let mut nested_straight = false;
    let mut pieces = Vec::new();
    let mut i = 0;
    loop {
        while i < s.len() {
            i = next_mark(s, i);
            if i == s.len() {
                break;
            }
            let rest = &s[i..];
            let Some(c) = rest.chars().next() else { break };
            let prev = s[..i].chars().next_back();
            let next = rest[c.len_utf8()..].chars().next();
            let step = if rest.starts_with("''") {
                2
            } else {
                c.len_utf8()
            };
            match open {
                None => {
                    if let Some(marks) = opening_mark(rest, prev, next) {
                        open = Some((i + marks.opening().len(), marks));
                        i += marks.opening().len();
                        continue;
                    }
                }
                Some((start, marks)) if marks.is_short() && i - start > MAX_SHORT_QUOTE => {
                    // Too long for a single-quoted phrase: the mark was an apostrophe ('90s).
                    open = None;
                    i = start;
                    continue;
                }
                Some((_, Marks::Curly))
                    if rest.starts_with('"')
                        && (nested_straight
                            || (prev.is_some_and(char::is_whitespace)
                                && next.is_some_and(|n| !n.is_whitespace()))) =>
                {
                    // A straight pair inside curly quotes ("reform") quotes a word or a
                    // title; only a lone straight mark after the words closes them.
                    nested_straight = !nested_straight;
                }
                Some((start, marks)) => {
                    if closes(marks, rest, prev, next) {
                        let close = if marks == Marks::DoubledApostrophes {
                            2
                        } else {
                            c.len_utf8()
                        };
                        pieces.push((start, i, start - marks.opening().len(), i + close));
                        open = None;
                        nested_straight = false;
                        i += close;
                        continue;
                    }
                }
            }
            i += step;
        }
        // A single mark never closed was an apostrophe: read on from just after it.
        match open {
            Some((start, marks)) if marks.is_short() => {
                open = None;
                i = start;
            }
            _ => break,
        }
    }
    let heading = pieces.len() == 1 && is_heading(s, pieces[0]);
    if !heading {
        for (start, end, outer_start, outer_end) in pieces {
            out.push(Marked {
                inner: Span {
                    start: line.start + start,
                    end: line.start + end,
                },
                outer: Span {
                    start: line.start + outer_start,
                    end: line.start + outer_end,
                },
                continues: false,
            });
        }
    }
}

/// The first byte at or after `from` where a quotation mark may start: `"`, `'`, the
/// lead byte of a curly or low mark (0xE2) or of a guillemet (0xC2). Every other
/// character is skipped without a look.
fn next_mark(s: &str, from: usize) -> usize {
    let bytes = &s.as_bytes()[from..];
    let common = memchr::memchr3(b'"', b'\'', 0xE2, bytes).unwrap_or(bytes.len());
    let guillemet = memchr::memchr(0xC2, &bytes[..common]).unwrap_or(common);
    from + guillemet
}

/// The mark opening a quotation at the start of `rest`, if any.
fn opening_mark(rest: &str, prev: Option<char>, next: Option<char>) -> Option<Marks> {
    let word_start = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let starts_text = next.is_some_and(|n| !n.is_whitespace());
    if rest.starts_with('“') {
        Some(Marks::Curly)
    } else if rest.starts_with('«') {
        Some(Marks::Guillemets)
    } else if rest.starts_with('„') {
        Some(Marks::LowHigh)
    } else if rest.starts_with('"') && starts_text {
        Some(Marks::Straight)
    } else if rest.starts_with("''") && word_start {
        Some(Marks::DoubledApostrophes)
    } else if rest.starts_with('‘') && starts_text {
        Some(Marks::SingleCurly)
    } else if rest.starts_with('\'') && word_start && next.is_some_and(char::is_alphanumeric) {
        Some(Marks::SingleStraight)
    } else {
        None
    }
}

/// True when the mark at the start of `rest` closes a quotation opened with `marks`.
/// A single mark glued to a following letter is an apostrophe (Britain’s, don't). A
/// curly and a straight double mark may pair, as they do in copy edited in two tools.
fn closes(marks: Marks, rest: &str, prev: Option<char>, next: Option<char>) -> bool {
    let after_text = prev.is_some_and(|p| !p.is_whitespace());
    let not_glued = next.is_none_or(|n| !n.is_alphanumeric());
    match marks {
        // Copy mixes its marks: “… closed by a straight mark after the words, and "…”.
        Marks::Curly => rest.starts_with('”') || (rest.starts_with('"') && after_text && not_glued),
        Marks::Guillemets => rest.starts_with('»'),
        Marks::LowHigh => rest.starts_with(['“', '”']),
        Marks::Straight => rest.starts_with(['"', '”']),
        Marks::DoubledApostrophes => rest.starts_with("''"),
        Marks::SingleCurly => rest.starts_with('’') && after_text && not_glued,
        Marks::SingleStraight => rest.starts_with('\'') && after_text && not_glued,
    }
}

/// True when the line is one short quoted phrase and nothing else: a sub-heading.
fn is_heading(
    line: &str,
    (start, end, outer_start, outer_end): (usize, usize, usize, usize),
) -> bool {
    let inner = line[start..end].trim();
    line[..outer_start].trim().is_empty()
        && line[outer_end..].trim().is_empty()
        && !inner.ends_with(['.', ',', '?', '!', ':'])
        && inner.split_whitespace().count() <= 8
}

/// The inner start and marks of a quotation left open at the end of `line`.
fn unclosed_at_end(text: &str, line: Span, closed: &[Marked]) -> Option<(usize, Marks)> {
    let s = &text[line.start..line.end];
    let from = closed.last().map_or(0, |m| m.outer.end - line.start);
    let rest = &s[from..];
    let mut i = 0;
    while i < rest.len() {
        i = next_mark(rest, i);
        if i == rest.len() {
            break;
        }
        let prev = s[..from + i].chars().next_back();
        let tail = &rest[i..];
        let c = tail.chars().next()?;
        let next = tail[c.len_utf8()..].chars().next();
        if let Some(marks) = opening_mark(tail, prev, next)
            && matches!(
                marks,
                Marks::Curly
                    | Marks::Straight
                    | Marks::Guillemets
                    | Marks::LowHigh
                    | Marks::SingleCurly
            )
        {
            return Some((line.start + from + i + marks.opening().len(), marks));
        }
        i += c.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find_quotations(text)
            .iter()
            .map(|m| &text[m.inner.start..m.inner.end])
            .collect()
    }

    #[test]
    fn every_mark_style() {
        assert_eq!(inner("“We will,” he said."), ["We will,"]);
        assert_eq!(inner("He said \"no more.\""), ["no more."]);
        assert_eq!(inner("a ''pivotal power'' now"), ["pivotal power"]);
        assert_eq!(inner("a ‘reliable partner’ now"), ["reliable partner"]);
        assert_eq!(inner("a 'swing state' now"), ["swing state"]);
        assert_eq!(inner("«Nous resterons», a-t-il dit."), ["Nous resterons"]);
        assert_eq!(
            inner("Sie sagte: „Wir bleiben.“ Dann ging sie."),
            ["Wir bleiben."]
        );
        assert_eq!(inner("Powiedział: „Zostajemy.” I wyszedł."), ["Zostajemy."]);
    }

    #[test]
    fn a_curly_and_a_straight_mark_pair() {
        assert_eq!(
            inner("“Talks must go on,\" said Ines Baro. \"The port waits.” She left."),
            ["Talks must go on,", "The port waits."]
        );
        // A straight mark opening a word inside curly quotes does not close them.
        assert_eq!(
            inner("“They call it \"reform\" now,” he said."),
            ["They call it \"reform\" now,"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(inner("Britain's and Britain’s view: don't, won’t, the 1990s' boom").is_empty());
        assert_eq!(inner("Britain's 'red line' in the 1990s'"), ["red line"]);
        assert_eq!(inner("‘Britain’s moment’, she said"), ["Britain’s moment"]);
    }

    #[test]
    fn an_unclosed_single_mark_does_not_hide_later_quotes() {
        assert_eq!(inner("In the '90s, “we grew,” he said."), ["we grew,"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            inner("“They called it ‘a farce’,” she said."),
            ["They called it ‘a farce’,"]
        );
    }

    #[test]
    fn split_quotes_are_two_pieces() {
        assert_eq!(
            inner("“We will,” she said, “respond.”"),
            ["We will,", "respond."]
        );
    }

    #[test]
    fn multi_paragraph_quotes_give_one_piece_per_paragraph() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” he said.";
        let found = find_quotations(text);
        assert_eq!(inner(text), ["First part.", "Second part.", "Last part,"]);
        assert_eq!(
            found.iter().map(|m| m.continues).collect::<Vec<_>>(),
            [true, true, false]
        );
    }

    #[test]
    fn titles_and_markup_are_told_apart_from_speech() {
        for title in [
            "State of the Union",
            "Morning Joe.",
            "Sons of Kestrel",
            "2016-07-23",
            "672138616",
            "kestrelWatch",
        ] {
            assert!(is_title_or_markup(title), "{title}");
        }
        for speech in [
            "We will not be rushed,",
            "Thanks,",
            "a reliable partner",
            "Why Now?",
            "Oh, my God,",
            "NO!",
        ] {
            assert!(!is_title_or_markup(speech), "{speech}");
        }
    }

    #[test]
    fn headings_and_unclosed_marks_are_not_quotes() {
        assert!(inner("'Red lines'\n\nText.").is_empty());
        assert!(inner("He said “no and left.\n\nNext para.").is_empty());
    }
}
