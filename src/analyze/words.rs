//! Words of a body with their byte spans: the unit the entity and quote cues look at.
//! A word is a run of letters and digits, joined across inner hyphens and
//! apostrophes ("Min-jun", "al-Mansouri", "O'Brien") but not across a possessive "'s".

use super::text::Span;

/// One word of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// True when a line break or sentence-ending punctuation comes between this word
    /// and the previous one (or there is no previous word).
    pub starts_clause: bool,
}

/// What one byte of the body means to the word splitter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An ASCII letter or digit.
    Letter,
    /// Sentence or line punctuation that starts a new clause.
    Stop,
    /// The first byte of a multi-byte character, decoded to decide.
    Wide,
    /// Anything else: spaces, other punctuation, continuation bytes.
    Other,
}

/// The class of every byte value.
const CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            Class::Letter
        } else if matches!(byte, b'.' | b'?' | b'!' | b'\n' | b':' | b';') {
            Class::Stop
        } else if byte >= 0xC0 {
            Class::Wide
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// Splits `text` into words.
pub fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut boundary = true;
    let mut i = 0;
    while i < bytes.len() {
        match CLASSES[usize::from(bytes[i])] {
            Class::Letter => {}
            Class::Stop => {
                boundary = true;
                i += 1;
                continue;
            }
            Class::Other => {
                i += 1;
                continue;
            }
            Class::Wide => {
                let c = wide_char_at(text, i);
                if !c.is_alphanumeric() {
                    i += c.len_utf8();
                    continue;
                }
            }
        }
        let start = i;
        let end = word_end(text, i);
        out.push(Word {
            span: Span { start, end },
            starts_clause: boundary,
        });
        boundary = false;
        i = end;
    }
    out
}

/// The end of the word that starts at byte `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Most of a word is ASCII letters: take them without decoding.
        while bytes
            .get(i)
            .is_some_and(|&b| CLASSES[usize::from(b)] == Class::Letter)
        {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else { return i };
        let d = if b.is_ascii() {
            char::from(b)
        } else {
            wide_char_at(text, i)
        };
        if d.is_alphanumeric() {
            i += d.len_utf8();
        } else if matches!(d, '-' | '\'' | '’') && joins_word(&text[i + d.len_utf8()..], d) {
            // The joiner is inside the word only when letters follow it.
            i += d.len_utf8();
        } else {
            return i;
        }
    }
}

/// The non-ASCII character starting at byte `i` (a char boundary).
fn wide_char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// True when the joiner `d` followed by `rest` continues the word.
fn joins_word(rest: &str, d: char) -> bool {
    let mut next = rest.chars();
    let Some(first) = next.next() else {
        return false;
    };
    if !first.is_alphanumeric() {
        return false;
    }
    // A possessive or contraction "'s" / "’s" / "'t" ends the word there.
    let second = next.next();
    !(d != '-' && matches!(first, 's' | 't' | 'd') && !second.is_some_and(|c| c.is_alphanumeric()))
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text)
            .iter()
            .map(|w| &text[w.span.start..w.span.end])
            .collect()
    }

    #[test]
    fn joins_hyphens_and_names_but_not_possessives() {
        assert_eq!(
            texts("Kim Min-jun met Khalid al-Mansouri in Britain's capital, O'Brien said."),
            [
                "Kim",
                "Min-jun",
                "met",
                "Khalid",
                "al-Mansouri",
                "in",
                "Britain",
                "s",
                "capital",
                "O'Brien",
                "said"
            ]
        );
        assert_eq!(
            texts("don't — 1990s' “quote”"),
            ["don", "t", "1990s", "quote"]
        );
    }

    #[test]
    fn marks_clause_starts() {
        let w = words("One two. Three\nfour");
        let starts: Vec<bool> = w.iter().map(|w| w.starts_clause).collect();
        assert_eq!(starts, [true, false, true, true]);
    }
}
