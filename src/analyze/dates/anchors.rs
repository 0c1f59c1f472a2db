//! A quick test that lets most sentences skip date parsing: every temporal expression
//! holds a digit or one of a few anchor words (a month, a weekday, a unit, "today" …), and
//! about four sentences in five of news prose hold neither.

use super::lexicon;
use crate::text::words::Word;

/// True unless the sentence made of `words` (of `text`) certainly holds no temporal
/// expression: none of its words has an ASCII digit or is an anchor word (any letter
/// case). A word with a hyphen or other non-ASCII characters counts as the runs of ASCII
/// letters in it ("mid-March").
pub fn may_hold_date(text: &str, words: &[Word]) -> bool {
    words.iter().any(|word| {
        let bytes = &text.as_bytes()[word.span.start..word.span.end];
        word.has_digit
            || if word.plain {
                lexicon::is_anchor(bytes)
            } else {
                bytes
                    .split(|b| !b.is_ascii_alphabetic())
                    .any(|run| !run.is_empty() && lexicon::is_anchor(run))
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::words;

    fn holds(sentence: &str) -> bool {
        may_hold_date(sentence, &words(sentence))
    }

    #[test]
    fn digits_and_anchor_words_keep_a_sentence() {
        for sentence in [
            "Talks resume on the 3rd.",
            "They met in SEPTEMBER.",
            "The vote is on Monday.",
            "It took three years of talks.",
            "He spoke this morning.",
            "Officials left yesterday.",
            "Growth slowed in the third quarter.",
            "(Tuesday) was quiet",
            "Kyiv’s talks resume in «March»",
            "Talks resume in mid-March",
        ] {
            assert!(holds(sentence), "{sentence}");
        }
    }

    #[test]
    fn anchor_words_inside_other_words_do_not() {
        for sentence in [
            "The mayor decided to sue.",
            "A daylong review of doctors' nightclub wages.",
            "Nobody spoke.",
            "",
        ] {
            assert!(!holds(sentence), "{sentence}");
        }
    }
}
