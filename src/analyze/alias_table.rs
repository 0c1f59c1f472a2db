//! The single-word aliases of a story's people ("Anna", "Novak"), looked up for every
//! word of the story: a first-letter and length filter turns most words away unhashed.

use foldhash::HashMap;

/// Alias → the one entity it names, or `None` where two entities share it.
#[derive(Default)]
pub struct AliasTable {
    owners: HashMap<String, Option<usize>>,
    /// A bit per ASCII-lower-cased first byte of the aliases.
    first_bytes: [u64; 4],
    /// A bit per alias length in bytes (63 for any longer one).
    lengths: u64,
}

impl AliasTable {
    /// Records `alias` as a name of `entity`; an alias of two entities names neither.
    pub fn insert(&mut self, alias: &str, entity: usize) {
        let Some(&first) = alias.as_bytes().first() else {
            return;
        };
        let first = first.to_ascii_lowercase();
        self.first_bytes[usize::from(first / 64)] |= 1 << (first % 64);
        self.lengths |= length_bit(alias);
        self.owners
            .entry(alias.to_string())
            .and_modify(|owner| {
                if *owner != Some(entity) {
                    *owner = None;
                }
            })
            .or_insert(Some(entity));
    }

    /// True when no alias is recorded.
    pub fn is_empty(&self) -> bool {
        self.owners.is_empty()
    }

    /// `Some(owner)` when `word` is an alias (`owner` is `None` if it is shared).
    pub fn get(&self, word: &str) -> Option<Option<usize>> {
        let &first = word.as_bytes().first()?;
        let first = first.to_ascii_lowercase();
        let may_hold = self.first_bytes[usize::from(first / 64)] & 1 << (first % 64) != 0
            && self.lengths & length_bit(word) != 0;
        if may_hold {
            self.owners.get(word).copied()
        } else {
            None
        }
    }
}

/// The bit of [`AliasTable::lengths`] for `word`.
fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_owned_and_shared_aliases_only() {
        let mut table = AliasTable::default();
        table.insert("Novak", 0);
        table.insert("Anna", 0);
        table.insert("Anna", 1);
        table.insert("al-Rashid", 2);
        assert_eq!(table.get("Novak"), Some(Some(0)));
        assert_eq!(table.get("Anna"), Some(None));
        assert_eq!(table.get("al-Rashid"), Some(Some(2)));
        assert_eq!(table.get("novak"), None);
        assert_eq!(table.get("Nowak"), None);
        assert_eq!(table.get("Al-Rashid"), None);
        assert_eq!(table.get(""), None);
    }
}
