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
    let mut chars = text.char_indices().peekable();
    let mut boundary = true;
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '?' | '!' | '\n' | ':' | ';') {
                boundary = true;
            }
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '-' | '\'' | '’') && joins_word(&text[j + d.len_utf8()..], d) {
                chars.next();
            } else {
                break;
            }
        }
        out.push(Word {
            span: Span { start: i, end },
            starts_clause: boundary,
        });
        boundary = false;
    }
    out
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
