//! Whether a new copy of a story's text is only an excerpt of the stored one: a feed's
//! summary, a teaser, a lead paragraph, a standfirst, a trimmed or truncated copy.
//!
//! Texts are compared as words: lowercase runs of letters and digits (each Chinese,
//! Japanese or Thai character a word of its own), so spacing, punctuation, quote styles
//! and a trailing "…" don't matter, and what is left of an HTML entity ("&amp;",
//! "&#039;") is no word at all. A copy is an excerpt when it is clearly shorter than the
//! stored body and most of its words are in the stored story (title, highlights and
//! body); see [`EXCERPT_TIERS`].
//!
//! A copy only ever meets this test against a story with the same URL (or the same
//! file), so a short copy whose words the story mostly holds is its teaser, not
//! another story on the same subject.

use std::collections::HashSet;

/// For a copy to be an excerpt, the most its words may be as a share of the stored
/// body's, and the least share of them the stored story must hold: a lead, a teaser or
/// a truncated copy, at most half as long; a summary in the editor's words (a feed's
/// standfirst), which only a much shorter copy can be. A copy longer than half the
/// story is an edit even when all its words are the story's (a paragraph cut).
/// Measured with `sitrep eval --excerpts` (see BENCHMARKS.md).
const EXCERPT_TIERS: [(f64, f64); 2] = [(0.5, 0.75), (0.25, 0.6)];

/// True when `candidate` (a new copy's body) adds nothing to a story stored with this
/// `title`, `highlights` and `body`: it is empty, or an excerpt of the story.
pub fn is_excerpt(candidate: &str, title: &str, highlights: &[String], body: &str) -> bool {
    let candidate_words = word_count(candidate);
    if candidate_words == 0 {
        return true;
    }
    let body_words = word_count(body);
    if candidate_words >= body_words {
        return false;
    }
    let share = candidate_words as f64 / body_words as f64;
    if EXCERPT_TIERS
        .iter()
        .all(|&(most_share, _)| share > most_share)
    {
        return false;
    }
    let mut story: HashSet<String> = HashSet::new();
    let story_texts = [title, body]
        .into_iter()
        .chain(highlights.iter().map(String::as_str));
    for text in story_texts {
        for_each_word(text, |word| {
            if !story.contains(word) {
                story.insert(word.to_string());
            }
        });
    }
    let mut held = 0;
    for_each_word(candidate, |word| held += usize::from(story.contains(word)));
    let found = held as f64 / candidate_words as f64;
    EXCERPT_TIERS
        .iter()
        .any(|&(most_share, least_found)| share <= most_share && found >= least_found)
}

/// How many words `text` has (see [`for_each_word`]).
fn word_count(text: &str) -> usize {
    let mut count = 0;
    for_each_word(text, |_| count += 1);
    count
}

/// Calls `each` with every lowercase word of `text` in order, leaving out HTML entities
/// ("&amp;", "&#039;"). One buffer serves every word: texts are whole stories.
fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut word = String::new();
    let mut character = [0; 4];
    // Whether the word being read follows "&" or "&#": an entity if ";" ends it.
    let mut after_ampersand = false;
    let mut previous = ' ';
    for c in text.chars().chain([' ']) {
        if c.is_alphanumeric() && !is_unspaced(c) {
            if word.is_empty() {
                after_ampersand = previous == '&' || (previous == '#' && after_ampersand);
            }
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
        } else {
            let is_entity = after_ampersand && c == ';';
            if !word.is_empty() && !is_entity {
                each(&word);
            }
            word.clear();
            if is_unspaced(c) {
                each(c.encode_utf8(&mut character));
            }
            after_ampersand = c == '&' || (c == '#' && previous == '&');
        }
        previous = c;
    }
}

/// True for characters of scripts written without spaces between words (Chinese,
/// Japanese kana, Thai): each counts as a word.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0E7F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        for_each_word(text, |word| words.push(word.to_string()));
        words
    }

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
    fn a_summary_in_other_words_is_an_excerpt_of_a_long_story() {
        let long = [BODY; 3].join("\n\n");
        let summary = "Grain talks get a timetable: Turkey, Ukraine and Russia will meet \
                       in Istanbul next month, and insurers are pleased.";
        assert!(is_excerpt(summary, TITLE, &[], &long));
        assert!(!excerpt(summary));
    }

    #[test]
    fn words_leave_out_entities_and_fold_case() {
        assert_eq!(
            words("You&#039;ll see &amp; AT&T &#x2019;"),
            ["you", "ll", "see", "at", "t"]
        );
        assert_eq!(words("#tag &x"), ["tag", "x"]);
    }

    #[test]
    fn unspaced_scripts_count_each_character() {
        assert_eq!(
            words("東京で会談 talks"),
            ["東", "京", "で", "会", "談", "talks"]
        );
        assert!(is_excerpt(
            "東京で会談",
            "",
            &[],
            "外相は東京で会談し、穀物輸送の日程に合意した。"
        ));
    }
}
