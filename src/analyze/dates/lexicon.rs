//! The words temporal expressions are built from: months, weekdays, number words, units.
//!
//! Every table is sorted so that a word is found with one binary search, ignoring ASCII case.

use jiff::civil::Weekday;

use super::tokens::{Token, TokenKind};

/// Words after which a bare month name ("in September") is taken as a date.
#[rustfmt::skip]
pub const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "through", "throughout", "from", "to", "during", "before",
    "after", "and", "or", "of", "between", "early", "late", "mid", "-", "around", "for",
];

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

/// Lowercase words an expression may begin with.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "a", "about", "almost", "an", "annually", "approximately", "apr", "april", "around", "at",
    "aug", "august", "autumn", "boxing", "centuries", "century", "christmas", "close", "coming",
    "couple", "current", "currently", "daily", "day", "days", "dec", "decade", "decades", "december",
    "dozen", "dozens", "each", "earlier", "early", "easter", "eight", "eighteen", "eighty", "election", "eleven", "every",
    "fall", "feb", "february", "few", "fewer", "fifteen", "fifty", "first", "five", "formerly",
    "fortnight", "forty", "four", "fourteen", "fourth", "friday", "fridays", "generation",
    "good", "halloween", "hour", "hourly", "hours", "hundred", "jan", "january", "jul", "july", "jun",
    "june", "just", "labor", "last", "late", "lately", "later", "less", "many", "mar", "march",
    "may", "memorial", "mid", "midday", "midnight", "minute", "minutes", "monday", "mondays", "month",
    "monthly", "months", "more", "nearly", "new", "next", "nightly", "nine", "nineteen", "ninety",
    "noon", "nov", "november", "now", "nowadays", "oct", "october", "once", "one", "over",
    "past", "quarter", "quarterly", "recent", "recently", "roughly", "saturday", "saturdays", "second", "sep",
    "sept", "september", "seven", "seventeen", "seventy", "several", "six", "sixteen", "sixty", "some",
    "spring", "summer", "sunday", "sundays", "ten", "thanksgiving", "that", "the", "then", "these",
    "third", "thirteen", "thirty", "this", "three", "thursday", "thursdays", "today",
    "tomorrow", "tonight", "tuesday", "tuesdays", "twelve", "twenty", "twice", "two", "up",
    "wednesday", "wednesdays", "week", "weekly", "weeks", "winter", "year", "yearly", "years",
    "yesterday", "zero",
];

static STARTER_LIST: WordList<{ STARTERS.len() }> = WordList::new(STARTERS);

/// Month names and abbreviations: (number, abbreviated).
#[rustfmt::skip]
const MONTHS_TABLE: &[(&str, (i8, bool))] = &[
    ("apr", (4, true)), ("april", (4, false)), ("aug", (8, true)), ("august", (8, false)),
    ("dec", (12, true)), ("december", (12, false)), ("feb", (2, true)), ("february", (2,
    false)), ("jan", (1, true)), ("january", (1, false)), ("jul", (7, true)), ("july", (7,
    false)), ("jun", (6, true)), ("june", (6, false)), ("mar", (3, true)), ("march", (3,
    false)), ("may", (5, false)), ("nov", (11, true)), ("november", (11, false)), ("oct", (10,
    true)), ("october", (10, false)), ("sep", (9, true)), ("sept", (9, true)), ("september", (9,
    false)),
];
static MONTHS: WordMap<(i8, bool), { MONTHS_TABLE.len() }> = WordMap::new(MONTHS_TABLE);

#[rustfmt::skip]
const WEEKDAYS_TABLE: &[(&str, Weekday)] = &[
    ("friday", Weekday::Friday), ("monday", Weekday::Monday), ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday), ("thursday", Weekday::Thursday), ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
];
static WEEKDAYS: WordMap<Weekday, { WEEKDAYS_TABLE.len() }> = WordMap::new(WEEKDAYS_TABLE);

/// Unit words: (unit, how many of it one word counts, plural).
#[rustfmt::skip]
const UNITS_TABLE: &[(&str, (Unit, u32, bool))] = &[
    ("centuries", (Unit::Century, 1, true)), ("century", (Unit::Century, 1, false)), ("day",
    (Unit::Day, 1, false)), ("days", (Unit::Day, 1, true)), ("decade", (Unit::Decade, 1,
    false)), ("decades", (Unit::Decade, 1, true)), ("fortnight", (Unit::Week, 2, false)),
    ("generation", (Unit::Generation, 1, false)), ("generations", (Unit::Generation, 1, true)),
    ("hour", (Unit::Hour, 1, false)), ("hours", (Unit::Hour, 1, true)), ("minute",
    (Unit::Minute, 1, false)), ("minutes", (Unit::Minute, 1, true)), ("month", (Unit::Month, 1,
    false)), ("months", (Unit::Month, 1, true)), ("quarter", (Unit::Quarter, 1, false)),
    ("quarters", (Unit::Quarter, 1, true)), ("week", (Unit::Week, 1, false)), ("weeks",
    (Unit::Week, 1, true)), ("year", (Unit::Year, 1, false)), ("years", (Unit::Year, 1, true)),
];
static UNITS: WordMap<(Unit, u32, bool), { UNITS_TABLE.len() }> = WordMap::new(UNITS_TABLE);

/// Spelled-out counts; "a" and "an" count one.
#[rustfmt::skip]
const NUMBER_WORDS_TABLE: &[(&str, u32)] = &[
    ("a", 1), ("an", 1), ("eight", 8), ("eighteen", 18), ("eighty", 80), ("eleven", 11),
    ("fifteen", 15), ("fifty", 50), ("five", 5), ("forty", 40), ("four", 4), ("fourteen", 14),
    ("hundred", 100), ("nine", 9), ("nineteen", 19), ("ninety", 90), ("one", 1), ("seven", 7),
    ("seventeen", 17), ("seventy", 70), ("six", 6), ("sixteen", 16), ("sixty", 60), ("ten", 10),
    ("thirteen", 13), ("thirty", 30), ("three", 3), ("twelve", 12), ("twenty", 20), ("two", 2),
    ("zero", 0),
];
static NUMBER_WORDS: WordMap<u32, { NUMBER_WORDS_TABLE.len() }> = WordMap::new(NUMBER_WORDS_TABLE);

/// Longest word any table holds, in bytes.
const LONGEST: usize = 16;

/// A word folded into one integer: its ASCII-lowercased bytes, big-endian, zero-padded.
/// Keys of sorted words are sorted, so a list of them is searched without string compares.
const fn key(word: &[u8]) -> Option<u128> {
    if word.len() > LONGEST {
        return None;
    }
    let mut key = 0u128;
    let mut i = 0;
    while i < word.len() {
        if word[i] >= 0x80 {
            return None;
        }
        key = key << 8 | word[i].to_ascii_lowercase() as u128;
        i += 1;
    }
    Some(key << (8 * (LONGEST - word.len())))
}

/// A sorted table of `N` lowercase words with a value each, searched by integer key.
pub struct WordMap<T: Copy + 'static, const N: usize> {
    keys: WordList<N>,
    values: [T; N],
}

impl<T: Copy + 'static, const N: usize> WordMap<T, N> {
    /// Indexes `table` (sorted by word, lowercase ASCII, `N` entries, at least one).
    pub const fn new(table: &[(&str, T)]) -> Self {
        let mut words = [""; N];
        let mut values = [table[0].1; N];
        let mut i = 0;
        while i < N && i < table.len() {
            words[i] = table[i].0;
            values[i] = table[i].1;
            i += 1;
        }
        WordMap {
            keys: WordList::new(&words),
            values,
        }
    }

    /// The value of `word`, ignoring ASCII case.
    pub fn get(&self, word: &str) -> Option<T> {
        self.keys.position(word.as_bytes()).map(|i| self.values[i])
    }
}

/// A sorted list of `N` lowercase words, searched by integer key.
pub struct WordList<const N: usize> {
    keys: [u128; N],
    /// For the first and for the last byte of a word, a bit per length of the list's
    /// words with that letter there (either case; bit 31 for 31 bytes or more, and all
    /// bits for bytes that are not letters): most words fail the test, one branch for
    /// both edges, before any key is computed.
    edges: [[u32; 256]; 2],
}

impl<const N: usize> WordList<N> {
    /// Indexes `words` (sorted, lowercase ASCII, at most [`LONGEST`] bytes, `N` of them).
    pub const fn new(words: &[&str]) -> Self {
        let mut keys = [u128::MAX; N];
        let mut edges = [[0u32; 256]; 2];
        let mut b = 0;
        while b < 256 {
            if !(b as u8).is_ascii_alphabetic() {
                edges[0][b] = u32::MAX;
                edges[1][b] = u32::MAX;
            }
            b += 1;
        }
        let mut i = 0;
        while i < N && i < words.len() {
            let word = words[i].as_bytes();
            if let Some(k) = key(word) {
                keys[i] = k;
            }
            match (word.first(), word.last()) {
                (Some(&first @ b'a'..=b'z'), Some(&last @ b'a'..=b'z')) => {
                    let bit = length_bit(word.len());
                    edges[0][first as usize] |= bit;
                    edges[0][first.to_ascii_uppercase() as usize] |= bit;
                    edges[1][last as usize] |= bit;
                    edges[1][last.to_ascii_uppercase() as usize] |= bit;
                }
                // A word with another character at an edge: no word can be turned away.
                _ => edges = [[u32::MAX; 256]; 2],
            }
            i += 1;
        }
        WordList { keys, edges }
    }

    /// True when `word` is in the list, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        self.position(word.as_bytes()).is_some()
    }

    /// Where `word` stands in the list, ignoring ASCII case.
    fn position(&self, word: &[u8]) -> Option<usize> {
        let (&first, &last) = (word.first()?, word.last()?);
        let edges = self.edges[0][usize::from(first)] & self.edges[1][usize::from(last)];
        if edges & length_bit(word.len()) == 0 {
            return None;
        }
        self.keys.binary_search(&key(word)?).ok()
    }

    /// True when the keys are strictly increasing, as [`WordList::contains`] needs.
    #[cfg(test)]
    pub fn is_sorted(&self) -> bool {
        self.keys.windows(2).all(|pair| pair[0] < pair[1])
    }
}

/// The bit of [`WordList`]'s edge masks for a word of `len` bytes.
const fn length_bit(len: usize) -> u32 {
    1 << if len < 31 { len } else { 31 }
}

/// Words one of which (or a digit) every expression holds: the months, weekdays and units,
/// the named days, and what may follow "last" / "this" ("last night", "this weekend").
#[rustfmt::skip]
const ANCHORS: &[&str] = &[
    "afternoon", "annually", "apr", "april", "aug", "august", "autumn", "centuries", "century",
    "christmas", "current", "currently", "daily", "day", "days", "dec", "decade", "decades", "december",
    "easter", "eighteen", "eighteenth", "eighties", "eve", "evening", "fall", "feb", "february",
    "fifties", "formerly", "forties", "fortnight", "friday", "fridays", "future", "generation",
    "generations", "half", "halloween", "hour", "hourly", "hours", "jan", "january", "jul",
    "july", "jun", "june", "lately", "mar", "march", "may", "midday", "midnight", "minute", "minutes",
    "monday", "mondays", "month", "monthly", "months", "morning", "night", "nightly",
    "nineteen", "nineteenth", "nineties", "noon", "nov", "november", "now", "nowadays", "oct",
    "october", "past", "period", "quarter", "quarterly", "quarters", "recently", "saturday",
    "saturdays", "sep", "sept", "september", "seventies", "sixties", "spring", "summer",
    "sunday", "sundays", "term", "thanksgiving", "thirties", "thursday",
    "thursdays", "time", "today", "tomorrow", "tonight", "tuesday", "tuesdays", "twenties",
    "twentieth", "wednesday", "wednesdays", "week", "weekend", "weekly", "weeks", "winter",
    "year", "yearly", "years", "yesterday",
];

static ANCHOR_LIST: WordList<{ ANCHORS.len() }> = WordList::new(ANCHORS);

/// True when the ASCII `word` is one of the [`ANCHORS`], ignoring case.
pub fn is_anchor(word: &[u8]) -> bool {
    ANCHOR_LIST.position(word).is_some()
}

/// True when an expression may begin at `token`: a number or one of the [`STARTERS`].
/// Lets the parser skip most words of a sentence with one lookup.
pub fn may_start(token: &Token) -> bool {
    match token.kind {
        TokenKind::Punct => false,
        TokenKind::Number | TokenKind::Quantity | TokenKind::Mixed => true,
        TokenKind::Word => STARTER_LIST.contains(token.text),
    }
}

/// The month number of a capitalised month name; `abbreviated` tells whether it was shortened
/// ("Dec", "Sept"), which a following full stop may close.
pub fn month(token: &Token) -> Option<(i8, bool)> {
    if token.kind != TokenKind::Word || !token.is_capitalized() {
        return None;
    }
    MONTHS.get(token.text)
}

/// The weekday of a capitalised weekday name.
pub fn weekday(token: &Token) -> Option<Weekday> {
    if token.kind != TokenKind::Word || !token.is_capitalized() {
        return None;
    }
    WEEKDAYS.get(token.text)
}

/// The unit a word names: (unit, how many of it the word counts, plural). "fortnight" is
/// `(Week, 2, false)`.
pub fn unit(token: &Token) -> Option<(Unit, u32, bool)> {
    UNITS.get(token.text)
}

/// The value of a spelled-out count ("three", "twelve", "a").
pub fn number_word(token: &Token) -> Option<u32> {
    NUMBER_WORDS.get(token.text)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(STARTER_LIST.is_sorted());
        assert!(MONTHS.keys.is_sorted() && WEEKDAYS.keys.is_sorted());
        assert!(UNITS.keys.is_sorted() && NUMBER_WORDS.keys.is_sorted());
        assert!(ANCHOR_LIST.is_sorted());
    }

    #[test]
    fn every_month_weekday_and_unit_is_an_anchor() {
        let tables = MONTHS_TABLE.iter().map(|(word, _)| *word);
        let tables = tables.chain(WEEKDAYS_TABLE.iter().map(|(word, _)| *word));
        let tables = tables.chain(UNITS_TABLE.iter().map(|(word, _)| *word));
        for word in tables {
            assert!(is_anchor(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn lookups_ignore_case() {
        let words = "Sept. MONDAY decades";
        let mut tokens = Vec::new();
        super::super::tokens::tokenize(words, 0, words.len(), &mut tokens);
        assert_eq!(month(&tokens[0]), Some((9, true)));
        assert_eq!(weekday(&tokens[2]), Some(Weekday::Monday));
        assert_eq!(unit(&tokens[3]), Some((Unit::Decade, 1, true)));
        assert!(may_start(&tokens[0]) && !may_start(&tokens[1]));
    }
}
