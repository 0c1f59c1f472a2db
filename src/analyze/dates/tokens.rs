//! Splits one sentence into the tokens date parsing walks over.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters only ("March", "ago").
    Word,
    /// ASCII digits only ("2020", "6").
    Number,
    /// A number written with separators ("2,000", "3.5"): never a day or a year.
    Quantity,
    /// Letters and digits mixed ("Q3", "29th", "1990s", "2020m").
    Mixed,
    /// Any other single character that is not white space.
    Punct,
}

/// A token of the body: a byte range and its kind.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token<'_> {
    /// True when the token is `word`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// True when the token is punctuation `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// True when the token starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The value of a plain number token that fits in `u32`.
    pub fn number(&self) -> Option<u32> {
        if self.kind == TokenKind::Number && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }
}

/// Appends the tokens of `text[span]` to `out` (offsets stay body offsets).
/// Digit groups joined by `,` + three digits or by `.` + digits become one [`TokenKind::Quantity`].
pub fn tokenize<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let c = char_at(text, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !c.is_alphanumeric() {
            let stop = i + c.len_utf8();
            out.push(Token {
                text: &text[i..stop],
                start: i,
                end: stop,
                kind: TokenKind::Punct,
            });
            i = stop;
            continue;
        }
        let mut stop = i;
        let (mut letters, mut digits) = (false, false);
        while stop < end {
            let ch = char_at(text, stop);
            if !ch.is_alphanumeric() {
                break;
            }
            if ch.is_ascii_digit() {
                digits = true;
            } else {
                letters = true;
            }
            stop += ch.len_utf8();
        }
        let mut kind = match (letters, digits) {
            (false, _) => TokenKind::Number,
            (true, false) => TokenKind::Word,
            (true, true) => TokenKind::Mixed,
        };
        if kind == TokenKind::Number {
            // "2,000,000" and "3.5": swallow separators followed by digits.
            while stop + 1 < end && matches!(bytes[stop], b',' | b'.') {
                let run = bytes[stop + 1..end]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let grouped = bytes[stop] == b',' && run == 3;
                let decimal = bytes[stop] == b'.' && run > 0;
                if !(grouped || decimal) {
                    break;
                }
                stop += 1 + run;
                kind = TokenKind::Quantity;
            }
        }
        out.push(Token {
            text: &text[i..stop],
            start: i,
            end: stop,
            kind,
        });
        i = stop;
    }
}

/// The character starting at byte `i` (a char boundary before the end), ASCII without decoding.
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b if b.is_ascii() => char::from(b),
        _ => text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.into_iter().map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn separates_words_numbers_and_marks() {
        use TokenKind::*;
        assert_eq!(
            kinds("On 29 Dec. 2020, 2,000 troops (3.5%) left Q3’s"),
            vec![
                ("On", Word),
                ("29", Number),
                ("Dec", Word),
                (".", Punct),
                ("2020", Number),
                (",", Punct),
                ("2,000", Quantity),
                ("troops", Word),
                ("(", Punct),
                ("3.5", Quantity),
                ("%", Punct),
                (")", Punct),
                ("left", Word),
                ("Q3", Mixed),
                ("’", Punct),
                ("s", Word),
            ]
        );
    }

    #[test]
    fn keeps_a_full_stop_after_a_year_apart() {
        assert_eq!(kinds("in 2020. Then")[1], ("2020", TokenKind::Number));
    }
}
