//! Party and office labels that news copy writes against a name but that belong to no
//! name: a party label before a person's full name ("Republican Ann Vale"), a
//! party-state tag after a lawmaker ("Rep. Ann Vale (R-Ohio)"), and a title abbreviation
//! after a state ("Arizona Sen. Ann Vale"). The entity finder trims its
//! claims with [`name_part`] before they settle their overlaps.

use super::speakers::is_party_tag;
use crate::text::{Span, WordSet};

/// Words for a member of a party, written before a member's name.
static PARTY_MEMBERS: WordSet = WordSet::new(&[
    "democrat",
    "republican",
    "libertarian",
    "tory",
    "conservative",
    "socialist",
    "communist",
]);

/// True for a word for a member of a party ("Republican"): alone, it names no person.
pub fn is_party_member(word: &str) -> bool {
    PARTY_MEMBERS.contains_lowered(word)
}

/// Title abbreviations and offices that follow a state or a city and precede the
/// holder's name ("Texas Gov. X", "Ohio Congressman X"): they never end a name.
static TRAILING_TITLES: WordSet = WordSet::new(&[
    "sen",
    "sens",
    "rep",
    "reps",
    "gov",
    "lt",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "lawmaker",
]);

/// The part of the claimed name at `span` that names something: without a leading
/// party label when a `person`'s full name follows it, and without a trailing title.
/// `None` when nothing is left, or the claim is a party-state tag ("R-Ohio", "D-N.Y.").
pub fn name_part(text: &str, span: Span, person: bool) -> Option<Span> {
    if is_party_tag(text, span) {
        return None;
    }
    let mut span = span;
    let name = &text[span.start..span.end];
    if person
        && let Some((first, rest)) = name.split_once(' ')
        && is_party_member(first)
        && rest.contains(' ')
    {
        span.start += first.len() + 1;
    }
    let name = &text[span.start..span.end];
    if let Some((rest, last)) = name.rsplit_once(' ')
        && TRAILING_TITLES.contains_lowered(last.trim_end_matches('.'))
    {
        span.end = span.start + rest.trim_end().len();
    }
    (span.end > span.start).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str, person: bool) -> Option<&str> {
        let span = Span {
            start: 0,
            end: text.len(),
        };
        name_part(text, span, person).map(|s| &text[s.start..s.end])
    }

    #[test]
    fn a_party_label_is_no_part_of_a_full_name() {
        assert_eq!(part("Republican Ann Vale", true), Some("Ann Vale"));
        assert_eq!(part("Democrat Tom de Witt", true), Some("Tom de Witt"));
        // One word after the label may be the name itself, or the label a surname's
        // neighbour in another kind of name: left whole.
        assert_eq!(part("Republican Vale", true), Some("Republican Vale"));
        assert_eq!(
            part("Republican National Committee", false),
            Some("Republican National Committee")
        );
    }

    #[test]
    fn party_state_tags_and_trailing_titles_are_no_names() {
        assert_eq!(part("R-Ohio", false), None);
        assert_eq!(part("D-N.Y", false), None);
        assert_eq!(part("Arizona Sen", false), Some("Arizona"));
        assert_eq!(part("Texas Gov.", false), Some("Texas"));
        assert_eq!(part("Rio Tinto", false), Some("Rio Tinto"));
        assert_eq!(
            part("Rotary International", false),
            Some("Rotary International")
        );
    }
}
