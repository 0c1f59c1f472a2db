//! The one sentence splitter.

use super::{Span, WordSet, lines};

/// Words after which a full stop does not end a sentence.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "sen", "rep", "gov", "pres", "amb", "st", "mt", "jr", "sr", "rev", "hon", "no", "nos", "vs",
    "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "est", "fig", "dept", "univ", "e.g", "i.e",
]);

/// Splits `text` into sentence byte spans. Lines are hard boundaries (paragraphs,
/// headings); inside a line a sentence ends at `.`, `?` or `!` (with any closing
/// quotes or brackets) before white space and a capital, digit or opening quote,
/// unless the full stop ends an abbreviation or an initial.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (line_start, line) in lines(text) {
        split_line(text, line_start, line_start + line.len(), &mut out);
    }
    out
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut sentence_start = 0;
    // The bytes skipped between two stops are closing marks, never stops themselves.
    for i in memchr::memchr3_iter(b'.', b'?', b'!', bytes) {
        let mut stop = i + 1;
        // Closing quotes and brackets belong to the sentence that ends here.
        while let Some(c) = line[stop..].chars().next() {
            if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                stop += c.len_utf8();
            } else {
                break;
            }
        }
        // So do footnote markers: "… in 1947.[219] The …".
        while let Some(marker) = footnote_marker(&line[stop..]) {
            stop += marker;
        }
        let rest = &line[stop..];
        let after_space = rest.trim_start();
        let has_space = after_space.len() < rest.len();
        let next = after_space.chars().next();
        let starts_new = match next {
            None => true,
            Some(c) => {
                has_space
                    && (c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '«'))
            }
        };
        if starts_new && !(bytes[i] == b'.' && ends_with_abbreviation(&line[sentence_start..i])) {
            push_trimmed(line, start, sentence_start, stop, out);
            sentence_start = stop;
        }
    }
    push_trimmed(line, start, sentence_start, line.len(), out);
}

/// The length of a footnote marker opening `text` ("[219]", "[a]", "[citation needed]").
fn footnote_marker(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let label = &inner[..close];
    let plain = |c: char| c.is_ascii_digit() || c.is_ascii_lowercase() || c == ' ';
    (close > 0 && close <= 20 && label.chars().all(plain)).then_some(close + 2)
}

fn push_trimmed(line: &str, offset: usize, from: usize, to: usize, out: &mut Vec<Span>) {
    let piece = &line[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = offset + from + lead;
        out.push(Span {
            start: s,
            end: s + trimmed.len(),
        });
    }
}

/// True when `before` (text up to a full stop) ends with an abbreviation or a single initial.
pub fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    // "U.S." and "U.N." style: letters separated by dots.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1) {
        return true;
    }
    ABBREVIATIONS.contains_lowered(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_stops_and_lines() {
        let t =
            "Talks resumed on Monday. Mr. Novak said “it is late.” Then he left.\n\nNew para? Yes!";
        assert_eq!(
            texts(t),
            vec![
                "Talks resumed on Monday.",
                "Mr. Novak said “it is late.”",
                "Then he left.",
                "New para?",
                "Yes!"
            ]
        );
    }

    #[test]
    fn footnote_markers_end_with_their_sentence() {
        let t = "The fort was rebuilt in 1947.[219] Tourists came.[a][citation needed] It shut.";
        assert_eq!(
            texts(t),
            vec![
                "The fort was rebuilt in 1947.[219]",
                "Tourists came.[a][citation needed]",
                "It shut."
            ]
        );
    }

    #[test]
    fn keeps_initials_and_acronyms() {
        let t = "The U.S. and J. Smith met on Jan. 5 in Brussels. It was 3.5 per cent.";
        assert_eq!(texts(t).len(), 2);
    }
}
