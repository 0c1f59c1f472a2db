//! The words temporal expressions are built from: months, weekdays, number words, units.

use jiff::civil::Weekday;

use super::tokens::{Token, TokenKind};

/// A length of time that durations and relative offsets count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Generation,
}

/// The month number of a capitalised month name; `abbreviated` tells whether it was shortened
/// ("Dec", "Sept"), which a following full stop may close.
pub fn month(token: &Token) -> Option<(i8, bool)> {
    if token.kind != TokenKind::Word || !token.is_capitalized() {
        return None;
    }
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const SHORT: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if let Some(i) = FULL.iter().position(|m| token.is(m)) {
        return Some((i as i8 + 1, false));
    }
    if token.is("sept") {
        return Some((9, true));
    }
    SHORT
        .iter()
        .position(|m| token.is(m))
        .map(|i| (i as i8 + 1, true))
}

/// The weekday of a capitalised weekday name.
pub fn weekday(token: &Token) -> Option<Weekday> {
    if token.kind != TokenKind::Word || !token.is_capitalized() {
        return None;
    }
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    NAMES
        .iter()
        .find(|(name, _)| token.is(name))
        .map(|&(_, day)| day)
}

/// The unit a word names, singular or plural ("week", "decades", "fortnight" is two weeks
/// and is reported as `(Week, 2)`).
pub fn unit(token: &Token) -> Option<(Unit, u32, bool)> {
    if token.kind != TokenKind::Word {
        return None;
    }
    const UNITS: [(&str, &str, Unit); 10] = [
        ("minute", "minutes", Unit::Minute),
        ("hour", "hours", Unit::Hour),
        ("day", "days", Unit::Day),
        ("week", "weeks", Unit::Week),
        ("month", "months", Unit::Month),
        ("quarter", "quarters", Unit::Quarter),
        ("year", "years", Unit::Year),
        ("decade", "decades", Unit::Decade),
        ("century", "centuries", Unit::Century),
        ("generation", "generations", Unit::Generation),
    ];
    if token.is("fortnight") {
        return Some((Unit::Week, 2, false));
    }
    UNITS.iter().find_map(|&(one, many, unit)| {
        if token.is(one) {
            Some((unit, 1, false))
        } else if token.is(many) {
            Some((unit, 1, true))
        } else {
            None
        }
    })
}

/// The value of a spelled-out count ("three", "twelve", "a"); `a`/`an` count one.
pub fn number_word(token: &Token) -> Option<u32> {
    if token.kind != TokenKind::Word {
        return None;
    }
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const TENS: [(&str, u32); 5] = [
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("hundred", 100),
    ];
    if token.is("a") || token.is("an") {
        return Some(1);
    }
    if let Some(i) = WORDS.iter().position(|w| token.is(w)) {
        return Some(i as u32);
    }
    TENS.iter().find(|(w, _)| token.is(w)).map(|&(_, n)| n)
}

/// Counts that name no exact number ("several years", "a few weeks", "many months").
pub fn is_vague_count(token: &Token) -> bool {
    [
        "several", "few", "many", "some", "couple", "dozen", "dozens",
    ]
    .iter()
    .any(|w| token.is(w))
}

/// The position of an ordinal among the quarters or halves of a year ("third" → 3).
pub fn ordinal(token: &Token) -> Option<i8> {
    ["first", "second", "third", "fourth"]
        .iter()
        .position(|w| token.is(w))
        .map(|i| i as i8 + 1)
}

/// A day of the month written as a number or ordinal number ("6", "06", "29th", "1st").
pub fn day_of_month(token: &Token) -> Option<i8> {
    let digits = match token.kind {
        TokenKind::Number => token.text,
        TokenKind::Mixed => {
            let lower = token.text.to_ascii_lowercase();
            let suffix = ["st", "nd", "rd", "th"]
                .iter()
                .find(|s| lower.ends_with(*s))?;
            &token.text[..token.text.len() - suffix.len()]
        }
        _ => return None,
    };
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: i8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year between 1000 and 2999.
pub fn year(token: &Token) -> Option<i16> {
    if token.kind != TokenKind::Number || token.text.len() != 4 {
        return None;
    }
    let year: i16 = token.text.parse().ok()?;
    (1000..=2999).contains(&year).then_some(year)
}

/// Words that qualify a duration and belong to its span ("more than", "nearly").
/// Returns how many tokens the qualifier spans, starting at `tokens[0]`.
pub fn qualifier_len(tokens: &[Token]) -> usize {
    let first = match tokens.first() {
        Some(t) => t,
        None => return 0,
    };
    let second_is = |w: &str| tokens.get(1).is_some_and(|t| t.is(w));
    if ["more", "less", "fewer"].iter().any(|w| first.is(w)) && second_is("than") {
        return 2;
    }
    if (first.is("at") && second_is("least")) || (first.is("up") && second_is("to")) {
        return 2;
    }
    if first.is("close") && second_is("to") {
        return 2;
    }
    if first.is("just") && (second_is("over") || second_is("under")) {
        return 2;
    }
    let single = [
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "some",
        "over",
        "approximately",
    ];
    usize::from(single.iter().any(|w| first.is(w)))
}
