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

    /// True when `word` in lower case is one of the set's words; short ASCII words are
    /// lowered on the stack.
    pub fn contains_lowered(&self, word: &str) -> bool {
        let mut buffer = [0u8; 32];
        match buffer.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|lower| self.contains(lower))
            }
            _ => self.contains(&word.to_lowercase()),
        }
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

    #[test]
    fn lowered_lookups_fold_any_case() {
        assert!(VERBS.contains_lowered("SAID") && VERBS.contains_lowered("Told"));
        assert!(!VERBS.contains_lowered("Saids") && !VERBS.contains_lowered(&"x".repeat(40)));
        static TITLES: WordSet = WordSet::new(&["émir"]);
        assert!(TITLES.contains_lowered("ÉMIR"));
    }
}
