//! Whether a new copy of a story's text is only an excerpt of the stored one: a feed's
//! summary, a teaser, a lead paragraph, a standfirst, a trimmed or truncated copy.
//!
//! Texts are compared as words: lowercase runs of letters and digits, so spacing,
//! punctuation, quote styles and a trailing "…" don't matter, and what is left of an
//! HTML entity ("&amp;", "&#039;") is no word at all. A copy is an excerpt when it is
//! clearly shorter and nearly all its words are in the stored story (title, highlights
//! and body): verbatim up to [`VERBATIM_SHARE`] of the stored length, or reworded (a
//! summary in the editor's words) up to [`REWORDED_SHARE`].

use std::collections::HashSet;

/// Longest a verbatim excerpt may be, as a share of the stored body's words.
const VERBATIM_SHARE: f64 = 2.0 / 3.0;
/// Share of a verbatim excerpt's words found in the stored story.
const VERBATIM_FOUND: f64 = 0.9;
/// Longest a reworded excerpt may be, as a share of the stored body's words.
const REWORDED_SHARE: f64 = 0.5;
/// Share of a reworded excerpt's words found in the stored story.
const REWORDED_FOUND: f64 = 0.75;

/// True when `candidate` (a new copy's body) adds nothing to a story stored with this
/// `title`, `highlights` and `body`: it is empty, or an excerpt of the story.
pub fn is_excerpt(candidate: &str, title: &str, highlights: &[String], body: &str) -> bool {
    let candidate = words(candidate);
    if candidate.is_empty() {
        return true;
    }
    let body = words(body);
    if candidate.len() >= body.len() {
        return false;
    }
    let mut story: HashSet<String> = words(title)
        .into_iter()
        .chain(body.iter().cloned())
        .collect();
    story.extend(highlights.iter().flat_map(|highlight| words(highlight)));
    let found = candidate
        .iter()
        .filter(|word| story.contains(*word))
        .count() as f64
        / candidate.len() as f64;
    let share = candidate.len() as f64 / body.len() as f64;
    (share <= VERBATIM_SHARE && found >= VERBATIM_FOUND)
        || (share <= REWORDED_SHARE && found >= REWORDED_FOUND)
}

/// The lowercase words of `text`, leaving out HTML entities ("&amp;", "&#039;").
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(char::is_alphanumeric) {
        let after_word = rest[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(rest.len(), |end| start + end);
        let word = &rest[start..after_word];
        let before = rest[..start].trim_end_matches('#');
        let is_entity = before.ends_with('&') && rest[after_word..].starts_with(';');
        if !is_entity {
            words.push(word.to_lowercase());
        }
        rest = &rest[after_word..];
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: &str = "Ministers agree calendar for Black Sea grain talks";
    const BODY: &str = "ISTANBUL — Ministers from Turkey, Ukraine and Russia agreed on \
        Monday a calendar for talks on grain shipments through the Black Sea, officials \
        in Ankara said.\n\nThe first round will open in Istanbul on June 3, with United \
        Nations observers present.\n\n\"We have a calendar now, and that matters more \
        than any communique,\" said Lena Vos, a spokeswoman.\n\nShipping insurers in \
        London welcomed the news, though freight rates barely moved.";

    fn excerpt(candidate: &str) -> bool {
        is_excerpt(candidate, TITLE, &[], BODY)
    }

    #[test]
    fn a_lead_sentence_truncated_or_with_entities_is_an_excerpt() {
        assert!(excerpt(
            "Ministers from Turkey, Ukraine and Russia agreed on Monday a calendar for talks…"
        ));
        assert!(excerpt(
            "Ministers from Turkey, Ukraine &amp; Russia  agreed\non Monday a calendar for \
             talks on grain shipments through the Black&#160;Sea, officials in Ankara \
             said&#8230; [link] [comments]"
        ));
        assert!(excerpt(
            "MINISTERS AGREE CALENDAR FOR BLACK SEA GRAIN TALKS"
        ));
    }

    #[test]
    fn a_reworded_summary_is_an_excerpt() {
        assert!(excerpt(
            "Turkey, Ukraine and Russia set a calendar for Black Sea grain talks, with a \
             first round in Istanbul on June 3."
        ));
    }

    #[test]
    fn an_empty_copy_adds_nothing() {
        assert!(excerpt(""));
        assert!(excerpt(" … "));
    }

    #[test]
    fn a_copy_as_long_or_with_new_words_is_not_an_excerpt() {
        assert!(!excerpt(BODY));
        assert!(!excerpt(&format!(
            "{BODY}\n\nA second round follows in July."
        )));
        assert!(!excerpt(
            "Grain talks were postponed indefinitely after a missile hit the port of \
             Odesa overnight, the Ukrainian navy said."
        ));
    }

    #[test]
    fn a_copy_missing_one_paragraph_is_an_edit_not_an_excerpt() {
        let edited = BODY.rsplit_once("\n\n").unwrap().0;
        assert!(!excerpt(edited));
    }

    #[test]
    fn words_leave_out_entities_and_fold_case() {
        assert_eq!(
            words("You&#039;ll see &amp; AT&T"),
            ["you", "ll", "see", "at", "t"]
        );
    }
}
