//! The tagger's labels: begin/inside/outside tags over four name types.

/// The type of a tagged name, as in the CoNLL-2003 annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameType {
    Person,
    Location,
    Organization,
    /// Other names: nationalities, events, works, products.
    Misc,
}

impl NameType {
    /// Every type, in label order.
    pub const ALL: [NameType; 4] = [
        NameType::Person,
        NameType::Location,
        NameType::Organization,
        NameType::Misc,
    ];

    /// The CoNLL name of the type ("PER", "LOC", "ORG", "MISC").
    pub fn conll(self) -> &'static str {
        match self {
            NameType::Person => "PER",
            NameType::Location => "LOC",
            NameType::Organization => "ORG",
            NameType::Misc => "MISC",
        }
    }

    /// The type of a CoNLL name.
    pub fn from_conll(name: &str) -> Option<NameType> {
        NameType::ALL.into_iter().find(|t| t.conll() == name)
    }
}

/// The number of labels: outside, then begin and inside for each type.
pub const LABELS: usize = 1 + 2 * NameType::ALL.len();

/// Label 0: not part of a name.
pub const OUTSIDE: usize = 0;

/// The label that begins a name of `kind`.
pub fn begin(kind: NameType) -> usize {
    1 + 2 * type_index(kind)
}

/// The label that continues a name of `kind`.
pub fn inside(kind: NameType) -> usize {
    begin(kind) + 1
}

/// The type a label names, if any.
pub fn type_of(label: usize) -> Option<NameType> {
    (label != OUTSIDE).then(|| NameType::ALL[(label - 1) / 2])
}

/// True for a label that begins a name.
pub fn is_begin(label: usize) -> bool {
    label != OUTSIDE && (label - 1).is_multiple_of(2)
}

/// True when `to` may follow `from` (`LABELS` for the start of a stretch): an inside
/// label only continues its own type.
pub const fn allowed(from: usize, to: usize) -> bool {
    // Labels 2k + 1 and 2k + 2 begin and continue type k.
    let begins = to != OUTSIDE && (to - 1).is_multiple_of(2);
    let same_type =
        from < LABELS && from != OUTSIDE && to != OUTSIDE && (from - 1) / 2 == (to - 1) / 2;
    begins || to == OUTSIDE || same_type
}

fn type_index(kind: NameType) -> usize {
    NameType::ALL.iter().position(|&t| t == kind).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for kind in NameType::ALL {
            assert_eq!(type_of(begin(kind)), Some(kind));
            assert_eq!(type_of(inside(kind)), Some(kind));
            assert!(is_begin(begin(kind)) && !is_begin(inside(kind)));
            assert_eq!(NameType::from_conll(kind.conll()), Some(kind));
        }
        for from in 0..=LABELS {
            for to in 0..LABELS {
                let by_type = is_begin(to)
                    || to == OUTSIDE
                    || (from < LABELS && type_of(from) == type_of(to));
                assert_eq!(allowed(from, to), by_type, "{from} -> {to}");
            }
        }
        assert!(!allowed(OUTSIDE, inside(NameType::Person)));
        assert!(allowed(begin(NameType::Person), inside(NameType::Person)));
        assert!(!allowed(begin(NameType::Misc), inside(NameType::Person)));
    }
}
