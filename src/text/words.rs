//! Words of a body with their byte spans: the unit the entity and quote cues look at.
//! A word is a run of letters and digits, joined across inner hyphens and
//! apostrophes ("Min-jun", "al-Mansouri", "O'Brien") but not across a possessive "'s".

use super::Span;

/// One word of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    /// True when a line break or sentence-ending punctuation comes between this word
    /// and the previous one (or there is no previous word).
    pub starts_clause: bool,
    /// True when the word is ASCII letters and digits only: no joiner ("al-Mansouri",
    /// "O’Brien") and no other character ("Zürich").
    pub plain: bool,
    /// True when the word holds an ASCII digit.
    pub has_digit: bool,
}

/// Byte flag: an ASCII letter or digit.
const LETTER: u8 = 1;
/// Byte flag: sentence or line punctuation that starts a new clause.
const STOP: u8 = 2;
/// Byte flag: the first byte of a multi-byte character, decoded to decide.
const WIDE: u8 = 4;
/// Byte flag: an ASCII digit (also a [`LETTER`]).
const DIGIT: u8 = 8;

/// The flags of every byte value. Tested with plain branches rather than a `match`,
/// which compiles to a jump table that mispredicts at every change of byte class.
const FLAGS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_digit() {
            LETTER | DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else if matches!(byte, b'.' | b'?' | b'!' | b'\n' | b':' | b';') {
            STOP
        } else if byte >= 0xC0 {
            WIDE
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The flags of byte `b`.
fn flags(b: u8) -> u8 {
    FLAGS[usize::from(b)]
}

/// Splits `text` into words.
pub fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut boundary = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let f = flags(b);
        if f & LETTER == 0 {
            if f & WIDE == 0 {
                boundary |= f & STOP != 0;
                i += 1;
                continue;
            }
            let c = wide_char_at(text, i);
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        let (end, seen) = word_end(text, i);
        out.push(Word {
            span: Span { start: i, end },
            starts_clause: boundary,
            plain: seen & WIDE == 0,
            has_digit: seen & DIGIT != 0,
        });
        boundary = false;
        i = end;
    }
    out
}

/// The end of the word that starts at byte `i`, and the flags of its bytes, with
/// [`WIDE`] for a joiner or any other non-ASCII character.
fn word_end(text: &str, mut i: usize) -> (usize, u8) {
    let bytes = text.as_bytes();
    let mut seen = 0;
    loop {
        // Most of a word is ASCII letters: take them without decoding.
        while let Some(&b) = bytes.get(i) {
            let f = flags(b);
            if f & LETTER == 0 {
                break;
            }
            seen |= f;
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            return (i, seen);
        };
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
            return (i, seen);
        }
        seen |= WIDE;
    }
}

/// The non-ASCII character starting at byte `i` (a char boundary).
fn wide_char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Words inside `span`.
pub fn words_in(words: &[Word], span: Span) -> &[Word] {
    let from = words.partition_point(|w| w.span.start < span.start);
    let to = words.partition_point(|w| w.span.end <= span.end);
    &words[from..to.max(from)]
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

/// `word` in lower case; the common ASCII word takes the fast path.
pub fn lowercase(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    }
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

    #[test]
    fn marks_plain_words_and_digits() {
        let w = words("al-Mansouri met O’Brien's aide in Zürich on 3 May, G20");
        let plain: Vec<bool> = w.iter().map(|w| w.plain).collect();
        assert_eq!(
            plain,
            [
                false, true, false, true, true, true, false, true, true, true, true
            ]
        );
        let digits: Vec<bool> = w.iter().map(|w| w.has_digit).collect();
        assert_eq!(
            digits,
            [
                false, false, false, false, false, false, false, false, true, false, true
            ]
        );
    }
}
