//! Words beside a reporting verb that tell whether it reports a clause: words after it
//! that frame the telling instead ("said on Monday", "said in a statement"), and adverbs
//! ("has repeatedly said", "asked rhetorically").

use crate::text::WordSet;

/// True for words that show no clause follows the verb ("said on Monday.", "said in a statement").
pub fn is_framing_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "yesterday"
            | "today"
            | "last"
            | "earlier"
            | "later"
            | "this"
            | "when"
            | "while"
            | "as"
            | "to"
            | "by"
            | "of"
            | "so"
            | "nothing"
            | "goodbye"
            | "farewell"
            | "reporters"
            | "journalists"
            | "for"
            | "with"
            | "against"
            | "from"
            | "into"
            | "like"
    )
}

/// Nouns ending in "-ly" (the ending of most adverbs).
static LY_NOUNS: WordSet = WordSet::new(&[
    "family", "ally", "rally", "assembly", "supply", "monopoly", "anomaly", "bully", "belly",
    "jelly", "lily", "folly", "homily", "panoply", "dolly", "gully",
]);

/// True for an adverb that may stand between a subject and its verb ("has repeatedly
/// said", "Vos quickly added"): "-ly" words in lower case that are not nouns.
pub fn is_adverb(w: &str) -> bool {
    w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase()) && !LY_NOUNS.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_words_and_adverbs() {
        assert!(is_framing_word("on") && is_framing_word("reporters"));
        assert!(!is_framing_word("the"));
        assert!(is_adverb("rhetorically") && !is_adverb("family") && !is_adverb("Kelly"));
    }
}
