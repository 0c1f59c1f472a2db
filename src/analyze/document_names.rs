//! Names of laws, treaties and accords ("Affordable Care Act", "Kyoto Protocol",
//! "Second Amendment"): written like the name of a body, but no organisation, place or
//! person. The entity finder reads them as other names, which keep shorter claims out
//! of their span and make no entity.

use crate::text::WordSet;

/// Last words of the names of laws, treaties and accords.
static DOCUMENT_HEADS: WordSet = WordSet::new(&[
    "act",
    "acts",
    "amendment",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "protocol",
    "charter",
    "doctrine",
]);

/// True when `name` (two words or more) is the name of a law, a treaty or an accord.
pub fn is_document_name(name: &str) -> bool {
    name.rsplit_once(' ').is_some_and(|(_, last)| {
        DOCUMENT_HEADS.contains_lowered(last) && last.starts_with(char::is_uppercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laws_and_treaties_are_documents() {
        for name in [
            "Affordable Care Act",
            "Second Amendment",
            "Kyoto Protocol",
            "U.N. Charter",
        ] {
            assert!(is_document_name(name), "{name}");
        }
        for name in [
            "Act",
            "Tax Policy Center",
            "Acme act",
            "Amnesty International",
        ] {
            assert!(!is_document_name(name), "{name}");
        }
    }
}
