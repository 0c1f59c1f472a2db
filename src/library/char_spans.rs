//! Reading a body by character offsets, as the analysis counts them.

/// A body with the byte offset of each of its characters, to read spans whose offsets
/// count characters.
pub struct CharSpans<'a> {
    body: &'a str,
    /// Byte offset of each character, then the body's length; `None` for an ASCII body,
    /// whose characters are its bytes.
    bytes: Option<Vec<usize>>,
}

impl<'a> CharSpans<'a> {
    pub fn of(body: &'a str) -> Self {
        let bytes = (!body.is_ascii()).then(|| {
            body.char_indices()
                .map(|(at, _)| at)
                .chain([body.len()])
                .collect()
        });
        CharSpans { body, bytes }
    }

    /// The text between character offsets `start` and `end`, if that is inside the body.
    pub fn text(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        match &self.bytes {
            None => self.body.get(start..end),
            Some(bytes) => Some(&self.body[*bytes.get(start)?..*bytes.get(end)?]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_characters_and_stay_inside_the_body() {
        let body = CharSpans::of("Brüssel, Zürich");
        assert_eq!(body.text(0, 7), Some("Brüssel"));
        assert_eq!(body.text(9, 15), Some("Zürich"));
        assert_eq!(body.text(9, 16), None);
        assert_eq!(body.text(5, 4), None);
        assert_eq!(CharSpans::of("").text(0, 0), Some(""));
        let ascii = CharSpans::of("Brussels, Zurich");
        assert_eq!(ascii.text(10, 16), Some("Zurich"));
        assert_eq!(ascii.text(10, 17), None);
    }
}
