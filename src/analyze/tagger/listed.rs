//! What the gazetteer says about each word, as a feature of the tagger: the kind of
//! listed name a word is part of, and whether it begins it.

use crate::analyze::gazetteer::{Gazetteer, Term, TermMatch};
use crate::model::EntityKind;
use crate::text::words::Word;

/// The kind of listed name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Person,
    Country,
    Place,
    Organization,
    Modifier,
}

/// A word's mark: the kind of listed name it is in, and whether it begins it.
pub type Mark = Option<(Listed, bool)>;

/// The mark of each of `words`, from the gazetteer's `matches` in `text`.
pub fn marks(gaz: &Gazetteer, words: &[Word], matches: &[TermMatch]) -> Vec<Mark> {
    let mut out = vec![None; words.len()];
    let mut k = 0;
    for m in matches {
        while k < words.len() && words[k].span.end <= m.start {
            k += 1;
        }
        let listed = listed(gaz, m.term);
        let mut j = k;
        while j < words.len() && words[j].span.start < m.end {
            out[j] = Some((listed, j == k));
            j += 1;
        }
    }
    out
}

fn listed(gaz: &Gazetteer, term: Term) -> Listed {
    match term {
        Term::Name(id) => match gaz.entity(id).kind {
            EntityKind::Person => Listed::Person,
            EntityKind::Country => Listed::Country,
            EntityKind::Place => Listed::Place,
            EntityKind::Organization | EntityKind::Group | EntityKind::Other => {
                Listed::Organization
            }
        },
        Term::Modifier(_) => Listed::Modifier,
        Term::Capital { .. } | Term::DatelineCity(_) => Listed::Place,
        Term::PersonAlias { .. } => Listed::Person,
    }
}
