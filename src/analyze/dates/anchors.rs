//! A quick test that lets most sentences skip date parsing: every temporal expression
//! holds a digit or one of a few anchor words (a month, a weekday, a unit, "today" …), and
//! about four sentences in five of news prose hold neither.

use super::lexicon;

/// True unless `sentence` certainly holds no temporal expression: no word of it has an
/// ASCII digit or is an anchor word (any letter case).
pub fn may_hold_date(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match CLASS[usize::from(b)] {
            Class::Digit => return true,
            Class::Letter => {}
            Class::Other => {
                if i > start && lexicon::is_anchor(&bytes[start..i]) {
                    return true;
                }
                start = i + 1;
            }
        }
    }
    lexicon::is_anchor(&bytes[start..])
}

/// What a byte is to [`may_hold_date`].
#[derive(Clone, Copy)]
enum Class {
    Digit,
    Letter,
    Other,
}

/// The class of every byte value, looked up instead of tested.
static CLASS: [Class; 256] = {
    let mut class = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_digit() {
            class[b] = Class::Digit;
        } else if (b as u8).is_ascii_alphabetic() {
            class[b] = Class::Letter;
        }
        b += 1;
    }
    class
};

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(may_hold_date(sentence), "{sentence}");
        }
    }

    #[test]
    fn anchor_words_inside_other_words_do_not() {
        for sentence in [
            "The mayor decided to sue.",
            "A yearly summary of doctors' monthly wages.",
            "Nobody spoke.",
            "",
        ] {
            assert!(!may_hold_date(sentence), "{sentence}");
        }
    }
}
