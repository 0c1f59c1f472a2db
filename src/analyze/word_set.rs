//! Fixed sets of words, looked up by hash instead of by scanning a list: the analysis
//! asks "is this word a reporting verb / an organisation head / …" for most words.

use std::sync::OnceLock;

use foldhash::HashSet;

/// A set of exact (case-sensitive) words, hashed on first use.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    /// A set of `words`; usable in a `static`.
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// True when `word` is one of the set's words.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static VERBS: WordSet = WordSet::new(&["said", "told"]);

    #[test]
    fn exact_words_only() {
        assert!(VERBS.contains("said") && VERBS.contains("told"));
        assert!(!VERBS.contains("Said") && !VERBS.contains("sai") && !VERBS.contains(""));
    }
}
