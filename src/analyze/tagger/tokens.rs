//! The tagger's tokens: the body's words, with dotted abbreviations ("U.S.", "U.N.") and
//! initials ("D.") kept whole, and a clause start only where a sentence can start.

use crate::text::words::Word;
use crate::text::{Span, ends_with_abbreviation};

/// One token of the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// True when a sentence or line may start at this token.
    pub starts_clause: bool,
    /// True when the token holds an upper-case letter.
    pub has_capital: bool,
    /// True when the token starts with an upper-case letter.
    pub capitalised: bool,
}

/// The tokens of `text`, built from its `words`.
pub fn tokens(text: &str, words: &[Word]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let mut span = words[k].span;
        if is_initial(text, span) {
            // "U.S.", "U.N.", "D.": single letters each followed by a full stop.
            span.end += 1;
            while let Some(next) = words.get(k + 1) {
                if next.span.start == span.end && is_initial(text, next.span) {
                    span.end = next.span.end + 1;
                    k += 1;
                } else {
                    break;
                }
            }
        }
        let starts_clause = match out.last() {
            None => true,
            Some(previous) => opens_clause(text, previous.span, span),
        };
        let (has_capital, capitalised) = capitals(&text[span.start..span.end]);
        out.push(Token {
            span,
            starts_clause,
            has_capital,
            capitalised,
        });
        k += 1;
    }
    out
}

/// Whether `word` holds an upper-case letter, and whether it starts with one; ASCII
/// words are read byte by byte.
fn capitals(word: &str) -> (bool, bool) {
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return (
            bytes.iter().any(u8::is_ascii_uppercase),
            bytes.first().is_some_and(u8::is_ascii_uppercase),
        );
    }
    (
        word.chars().any(char::is_uppercase),
        word.chars().next().is_some_and(char::is_uppercase),
    )
}

/// True for one letter directly followed by a full stop.
fn is_initial(text: &str, span: Span) -> bool {
    if text.as_bytes().get(span.end) != Some(&b'.') {
        return false;
    }
    let word = &text[span.start..span.end];
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_none()
        && text[span.end..].starts_with('.')
}

/// True when the gap between `previous` and `next` ends a clause: a line break, an
/// opening quotation mark, or a stop that does not close an abbreviation ("Mr.", "Gen.").
fn opens_clause(text: &str, previous: Span, next: Span) -> bool {
    let gap = &text[previous.end..next.start];
    // Most gaps are one space.
    if gap == " " {
        return false;
    }
    // The marks looked for are ASCII, so bytes tell them apart.
    let (mut stop, mut dot) = (false, false);
    for b in gap.bytes() {
        match b {
            b'\n' | b'?' | b'!' | b':' | b';' => stop = true,
            b'.' => dot = true,
            _ => {}
        }
    }
    if stop || opens_quote(gap) {
        return true;
    }
    dot && !(gap.trim() == "." && ends_with_abbreviation(&text[..previous.end]))
}

/// True when `gap` ends with an opening quotation mark: a curly or angled one, or a
/// straight one glued to the next word after white space.
fn opens_quote(gap: &str) -> bool {
    gap.ends_with(['“', '‘', '«', '„'])
        || (gap.ends_with(['"', '\'']) && gap[..gap.len() - 1].ends_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::words;

    fn texts(text: &str) -> Vec<(&str, bool)> {
        tokens(text, &words(text))
            .iter()
            .map(|t| (&text[t.span.start..t.span.end], t.starts_clause))
            .collect()
    }

    #[test]
    fn dotted_abbreviations_and_initials_stay_whole() {
        assert_eq!(
            texts("The U.S. and Paul D. Ryan met Mr. Obama. Then “Talks"),
            [
                ("The", true),
                ("U.S.", false),
                ("and", false),
                ("Paul", false),
                ("D.", false),
                ("Ryan", false),
                ("met", false),
                ("Mr", false),
                ("Obama", false),
                ("Then", true),
                ("Talks", true)
            ]
        );
    }
}
