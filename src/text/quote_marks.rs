//! Counting double quotation marks.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
