//! Subject pronouns that stand for a person, and the gender they give: "he", "She", and
//! their contractions ("He's", "she’d", "he'll"), which the word splitter keeps whole.

use super::gazetteer::Gender;

/// The gender of a third-person singular subject pronoun, contracted or not.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    let bare = ["'s", "’s", "'d", "’d", "'ll", "’ll"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    match bare {
        "he" | "He" => Some(Gender::Male),
        "she" | "She" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_their_contractions() {
        assert_eq!(pronoun_gender("He"), Some(Gender::Male));
        assert_eq!(pronoun_gender("she’d"), Some(Gender::Female));
        assert_eq!(pronoun_gender("He's"), Some(Gender::Male));
        assert_eq!(pronoun_gender("they"), None);
        assert_eq!(pronoun_gender("Shell"), None);
    }
}
