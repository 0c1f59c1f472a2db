//! Text plumbing below every stage (ingest, analysis, library, reader): byte spans,
//! lines, bodies with character offsets, one sentence splitter, words and word sets.
//!
//! Analysis works on byte offsets into the body (cheap to slice); everything it
//! outputs counts Unicode scalar values, as DESIGN.md requires. [`Body`] converts.

mod body;
mod quote_marks;
mod sentences;
mod weekdays;
mod word_set;
pub mod words;

pub use body::Body;
pub use quote_marks::QuoteMarks;
pub use sentences::{ends_with_abbreviation, sentences};
pub use weekdays::is_weekday_name;
pub use word_set::WordSet;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_offsets() {
        let got: Vec<(usize, &str)> = lines("One\n\nTwo “x”\n").collect();
        assert_eq!(got, [(0, "One"), (4, ""), (5, "Two “x”"), (17, "")]);
    }
}
