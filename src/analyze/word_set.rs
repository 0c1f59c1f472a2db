//! Fixed sets of words, looked up by hash instead of by scanning a list: the analysis
//! asks "is this word a reporting verb / an organisation head / …" for most words.

use std::sync::OnceLock;

use foldhash::HashSet;

/// A set of exact (case-sensitive) words, hashed on first use.
pub struct WordSet {
    words: &'static [&'static str],
    index: OnceLock<Index>,
}

/// The hashed words, and a quick filter in front of them.
struct Index {
    set: HashSet<&'static str>,
    /// By first byte (modulo 64), a bit per word length (lengths past 31 share bit 31):
    /// most words that are not in the set fail this test and are never hashed.
    shapes: [u32; 64],
}

impl WordSet {
    /// A set of `words`; usable in a `static`.
    pub const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            index: OnceLock::new(),
        }
    }

    /// True when `word` is one of the set's words.
    pub fn contains(&self, word: &str) -> bool {
        let index = self.index.get_or_init(|| Index::of(self.words));
        let Some((slot, bit)) = shape(word) else {
            return index.set.contains(word);
        };
        index.shapes[slot] & bit != 0 && index.set.contains(word)
    }
}

impl Index {
    fn of(words: &'static [&'static str]) -> Self {
        let mut shapes = [0; 64];
        for word in words {
            if let Some((slot, bit)) = shape(word) {
                shapes[slot] |= bit;
            }
        }
        Index {
            set: words.iter().copied().collect(),
            shapes,
        }
    }
}

/// Where a word's first byte and length fall in [`Index::shapes`]; `None` for "".
fn shape(word: &str) -> Option<(usize, u32)> {
    let first = *word.as_bytes().first()?;
    Some((usize::from(first % 64), 1 << word.len().min(31)))
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
