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

/// Splits `text` into words.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut boundary = true;
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '?' | '!' | '\n' | ':' | ';') {
                boundary = true;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        i += c.len_utf8();
        let mut end = i;
        loop {
            // Most of a word is ASCII letters: take them without decoding.
            while text
                .as_bytes()
                .get(i)
                .is_some_and(u8::is_ascii_alphanumeric)
            {
                i += 1;
                end = i;
            }
            let Some(d) = char_at(text, i) else { break };
            if d.is_alphanumeric() {
                i += d.len_utf8();
                end = i;
            } else if matches!(d, '-' | '\'' | '’') && joins_word(&text[i + d.len_utf8()..], d) {
                i += d.len_utf8();
            } else {
                break;
            }
        }
        out.push(Word {
            span: Span { start, end },
            starts_clause: boundary,
        });
        boundary = false;
    }
    out
}

/// The character at byte `i` (a char boundary), decoding only non-ASCII ones.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        text[i..].chars().next()
    }
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
