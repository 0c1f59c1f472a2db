//! Text plumbing for analysis: byte ↔ character offsets and sentence spans.
//!
//! Analysis works on byte offsets into the body (cheap to slice); everything it
//! outputs counts Unicode scalar values, as DESIGN.md requires. [`Body`] converts.

use super::word_set::WordSet;

/// A half-open byte range of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The lines of `text` (split at '\n', which is left out) with their byte offsets.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = (start, &text[start..end]);
        start = end + 1;
        line
    })
}

/// How many quotation marks of each kind a piece of text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuoteMarks {
    /// Opening curly double quotes, “.
    pub opening: usize,
    /// Closing curly double quotes, ”.
    pub closing: usize,
    /// Straight double quotes, ".
    pub straight: usize,
}

impl QuoteMarks {
    /// Counts the double quotation marks of `text` in one pass.
    pub fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut marks = QuoteMarks::default();
        // '“' and '”' are E2 80 9C and E2 80 9D.
        for i in memchr::memchr2_iter(b'"', 0xE2, bytes) {
            match bytes[i..] {
                [b'"', ..] => marks.straight += 1,
                [_, 0x80, 0x9C, ..] => marks.opening += 1,
                [_, 0x80, 0x9D, ..] => marks.closing += 1,
                _ => {}
            }
        }
        marks
    }
}

/// The body of an article with fast conversion from byte to character offsets.
pub struct Body<'a> {
    pub text: &'a str,
    /// For each non-ASCII character: the byte offset just after it, and how many bytes
    /// beyond one per character the text holds up to there. Empty for ASCII text.
    wide_chars: Vec<(usize, usize)>,
}

impl<'a> Body<'a> {
    /// Indexes `text`: news prose is mostly ASCII, so the table holds only the quote
    /// marks, dashes and accented letters.
    pub fn new(text: &'a str) -> Self {
        let mut wide_chars = Vec::new();
        let mut extra = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            // A UTF-8 lead byte: 110xxxxx, 1110xxxx or 11110xxx.
            if b >= 0xC0 {
                let len = b.leading_ones() as usize;
                extra += len - 1;
                wide_chars.push((i + len, extra));
            }
        }
        Body { text, wide_chars }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary or the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let before = self.wide_chars.partition_point(|&(after, _)| after <= byte);
        match before {
            0 => byte,
            n => byte - self.wide_chars[n - 1].1,
        }
    }

    /// The text of a byte span.
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// Sentence spans in reading order, never crossing a line break.
    pub fn sentences(&self) -> Vec<Span> {
        sentences(self.text)
    }
}

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

    #[test]
    fn lines_keep_their_offsets() {
        let got: Vec<(usize, &str)> = lines("One\n\nTwo “x”\n").collect();
        assert_eq!(got, [(0, "One"), (4, ""), (5, "Two “x”"), (17, "")]);
    }

    #[test]
    fn counts_each_kind_of_quotation_mark() {
        let marks = QuoteMarks::of("“We will,” he said, \"and “soon — ’twas");
        assert_eq!(
            marks,
            QuoteMarks {
                opening: 2,
                closing: 1,
                straight: 1
            }
        );
    }

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

    #[test]
    fn char_offsets_count_scalars() {
        let body = Body::new("Zoë met 王毅.");
        let byte = body.text.find('王').unwrap();
        assert_eq!(body.char_offset(byte), 8);
        assert_eq!(body.char_offset(body.text.len()), 11);
        for (chars, (byte, _)) in body.text.char_indices().enumerate() {
            assert_eq!(body.char_offset(byte), chars);
        }
    }
}
