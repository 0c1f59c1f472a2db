//! A body with fast byte → character offset conversion.

use super::{Span, sentences};

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

#[cfg(test)]
mod tests {
    use super::*;

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
