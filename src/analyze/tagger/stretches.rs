//! Where the tagger looks: stretches of tokens around capitalised words. Every other
//! token is outside any name, so most of a story is never scored.

use std::ops::Range;

use super::tokens::Token;

/// Lower-case tokens a name may hold between capitalised ones ("Bank of England",
/// "Ursula von der Leyen").
const MAX_INNER_GAP: usize = 3;

/// The stretches of `tokens` to tag: runs from a token with a capital letter to the last
/// such token that follows within [`MAX_INNER_GAP`] lower-case tokens, inside one clause.
pub fn stretches(tokens: &[Token]) -> Vec<Range<usize>> {
    let capital = |k: usize| tokens[k].has_capital;
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !capital(k) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        let mut probe = end;
        while probe < tokens.len() && probe - end <= MAX_INNER_GAP && !tokens[probe].starts_clause {
            if capital(probe) {
                end = probe + 1;
            }
            probe += 1;
        }
        out.push(start..end);
        k = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tagger::tokens::tokens;
    use crate::text::words::words;

    fn texts(text: &str) -> Vec<String> {
        let t = tokens(text, &words(text));
        stretches(&t)
            .into_iter()
            .map(|r| text[t[r.start].span.start..t[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn spans_capitalised_runs_and_short_lower_case_gaps() {
        assert_eq!(
            texts("the governor of the Bank of England met Ursula von der Leyen in the city. Then"),
            ["Bank of England met Ursula von der Leyen", "Then"]
        );
        assert_eq!(
            texts("talks in Paris and then in the far north of Chad"),
            ["Paris", "Chad"]
        );
    }
}
