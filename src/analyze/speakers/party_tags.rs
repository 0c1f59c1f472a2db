//! Party and state tags after a US politician's name ("R-Ky", "(D-N.Y.)", "I-Vt"): they
//! label the person before them and never speak, whatever the name finder made of them.

use crate::text::Span;

/// Longest tag in bytes, parentheses included ("(D-Mass.)", "(R-S.C.)").
const MAX_TAG: usize = 16;

/// True when the mention at `span` is a party tag or lies inside one: its own text
/// ("R-Ky") or the parenthesised tag around it ("I." of "(D-R.I.)").
pub fn is_party_tag(text: &str, span: Span) -> bool {
    if is_tag(&text[span.start..span.end]) {
        return true;
    }
    let bytes = text.as_bytes();
    let from = span.start.saturating_sub(MAX_TAG);
    let Some(open) = bytes[from..span.start].iter().rposition(|&b| b == b'(') else {
        return false;
    };
    let open = from + open;
    let to = (span.end + MAX_TAG).min(bytes.len());
    let Some(close) = bytes[span.end..to].iter().position(|&b| b == b')') else {
        return false;
    };
    let close = span.end + close;
    close - open <= MAX_TAG && is_tag(&text[open + 1..close])
}

/// True for the text of a tag: D, R or I, a hyphen, and a state name or abbreviation.
fn is_tag(name: &str) -> bool {
    let Some(state) = name
        .strip_prefix(['D', 'R', 'I'])
        .and_then(|rest| rest.strip_prefix('-'))
    else {
        return false;
    };
    let state = state.trim_start().trim_end_matches('.');
    (2..=12).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_at(text: &str, word: &str) -> bool {
        let start = text.find(word).expect("word in text");
        is_party_tag(
            text,
            Span {
                start,
                end: start + word.len(),
            },
        )
    }

    #[test]
    fn tags_and_the_pieces_inside_them() {
        assert!(tag_at("Sen. Ola Brand (R-Ky.) said", "R-Ky"));
        assert!(tag_at("Rep. Ola Brand (D-R.I.) said", "I."));
        assert!(tag_at("Rep. Ola Brand (D- Mich.) said", "Mich"));
        assert!(!tag_at("Rep. Ola Brand (D-R.I.) said", "Ola Brand"));
        assert!(!tag_at("the fund (Rivers Trust) said", "Rivers Trust"));
        assert!(!tag_at("Dana Reyes said", "Dana Reyes"));
    }
}
