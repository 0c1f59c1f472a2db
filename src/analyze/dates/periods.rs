//! Named periods longer or looser than a month: seasons ("last summer", "the winter of
//! 1994"), weekends, decades ("the 1990s", "the nineties": the 20th century's), centuries ("the 20th
//! century") and years written out in words ("nineteen ninety-six").

use super::expr::{Expr, Found, Shift, YearRef};
use super::lexicon;
use super::parse::Parser;
use super::tokens::TokenKind;

/// Season names and their TIMEX3 codes, in the order of the year (winter last).
pub const SEASON_CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];

const SEASONS: &[(&str, i8)] = &[
    ("autumn", 2),
    ("fall", 2),
    ("spring", 0),
    ("summer", 1),
    ("winter", 3),
];

/// Tens words of a year written out ("nineteen *ninety*-six").
const TENS: &[(&str, i16)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Ordinal centuries written out.
const CENTURY_WORDS: &[(&str, i16)] = &[("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20)];

/// Decades written out ("the nineties").
const DECADE_WORDS: &[(&str, i16)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

fn season_of(token: &super::tokens::Token) -> Option<i8> {
    if token.kind != TokenKind::Word || token.is_capitalized() {
        return None;
    }
    SEASONS.iter().find(|(w, _)| token.is(w)).map(|&(_, s)| s)
}

impl Parser<'_, '_> {
    /// A named period at token `i`, if any.
    pub(super) fn period(&self, i: usize) -> Option<Found> {
        self.season(i)
            .or_else(|| self.weekend(i))
            .or_else(|| self.decade(i))
            .or_else(|| self.century(i))
            .or_else(|| self.year_in_words(i))
    }

    /// "last summer", "this spring", "this past spring", "next winter", "the summer", "the
    /// early summer", "summer 1998", "the winter of nineteen ninety-four"; "fall" only where it cannot be the verb or "the fall
    /// of Kabul".
    fn season(&self, i: usize) -> Option<Found> {
        let (shift, year, at) = if self.is(i, "last") {
            (Shift::Last, None, i + 1)
        } else if self.is(i, "this") && self.is(i + 1, "past") {
            // "this past spring": the last one.
            (Shift::Last, None, i + 2)
        } else if self.is(i, "next") {
            (Shift::Next, None, i + 1)
        } else if self.is(i, "this") {
            (Shift::Tense, Some(YearRef::Relative(0)), i + 1)
        } else if self.is(i, "the") && self.is_any(i + 1, &["early", "late"]) {
            // "the early summer": its start or end, valued as the season.
            (Shift::Tense, None, i + 2)
        } else if self.is(i, "the") {
            (Shift::Tense, None, i + 1)
        } else {
            (Shift::Tense, None, i)
        };
        let season = season_of(self.token(at)?)?;
        let of = self.is(at + 1, "of");
        let year_at = if of { at + 2 } else { at + 1 };
        if let Some((named, last)) = self.year_token(year_at) {
            return Self::found(
                i,
                last,
                Expr::Season {
                    season,
                    year: Some(YearRef::Absolute(named)),
                    shift,
                },
            );
        }
        // "the fall of the wall", "the spring of discontent": not a season of a year.
        if of {
            return None;
        }
        // "in early summer", "by late spring": "early" widens the season found here.
        let cued = at > i
            || self.previous_is_any(
                i,
                &["in", "during", "since", "until", "by", "early", "late"],
            );
        // "the fall in prices", "a fall to 3%": the drop, not autumn; "last fall in his
        // home" is autumn, "the last fall in prices" the drop.
        let shifted = shift != Shift::Tense && !self.previous_is_any(i, &["the", "a", "its"]);
        let fall_as_noun = season != 2
            || shifted
            || (at > i && !self.is_any(at + 1, &["in", "to", "from", "below", "on"]));
        (cued && fall_as_noun).then_some(Found {
            first: i,
            last: at,
            expr: Expr::Season {
                season,
                year,
                shift,
            },
        })
    }

    /// A year as digits or in words at token `i`, and its last token.
    pub(super) fn year_token(&self, i: usize) -> Option<(i16, usize)> {
        if let Some(year) = self.token(i).and_then(lexicon::year) {
            return Some((year, i));
        }
        self.words_year(i)
    }

    /// "the weekend", "this weekend", "last weekend", "next weekend".
    fn weekend(&self, i: usize) -> Option<Found> {
        let shift = if self.is(i, "last") {
            Shift::Last
        } else if self.is(i, "next") {
            Shift::Next
        } else if self.is_any(i, &["the", "this"]) {
            Shift::Tense
        } else {
            return None;
        };
        self.is(i + 1, "weekend").then_some(Found {
            first: i,
            last: i + 1,
            expr: Expr::Weekend { shift },
        })
    }

    /// "the 1990s", "1990s", "the '80s", "the nineties".
    fn decade(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        if token.kind == TokenKind::Mixed {
            let digits = token.text.strip_suffix('s')?;
            let year: i16 = digits.parse().ok()?;
            if digits.len() == 2 {
                return self.short_decade(i, year);
            }
            let decade = (digits.len() == 4 && year % 10 == 0 && (1000..3000).contains(&year))
                .then_some(year / 10)?;
            return Self::found(i, i, Expr::Decade(decade));
        }
        if !self.is(i, "the") {
            return None;
        }
        let word = self.token(i + 1)?;
        let &(_, tens) = DECADE_WORDS.iter().find(|(w, _)| word.is(w))?;
        Self::found(i, i + 1, Expr::Decade(190 + tens))
    }

    /// "'80s" at token `i` (`tens` 80) after its apostrophe: the 20th century's decade, the
    /// 21st's for "'00s" and "'10s". Without the apostrophe "in his 80s" is an age.
    fn short_decade(&self, i: usize, tens: i16) -> Option<Found> {
        let apostrophe = i
            .checked_sub(1)
            .filter(|&p| self.touches_next(p))
            .and_then(|p| self.token(p))
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'));
        if !apostrophe || tens % 10 != 0 {
            return None;
        }
        let century = if tens < 20 { 200 } else { 190 };
        Self::found(i - 1, i, Expr::Decade(century + tens / 10))
    }

    /// "the 20th century", "an 11th century temple", "the nineteenth century", "the
    /// twenty-first century".
    fn century(&self, i: usize) -> Option<Found> {
        let at = if self.is(i, "the") { i + 1 } else { i };
        let token = self.token(at)?;
        let (ordinal, last) = if self.is(at, "twenty")
            && self.token(at + 1).is_some_and(|t| t.is_punct('-'))
            && self.is(at + 2, "first")
        {
            (21, at + 2)
        } else if let Some(&(_, n)) = CENTURY_WORDS.iter().find(|(w, _)| token.is(w)) {
            (n, at)
        } else if token.kind == TokenKind::Mixed {
            let lower = token.text.to_ascii_lowercase();
            let digits = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| lower.strip_suffix(s))?;
            let n: i16 = digits.parse().ok()?;
            ((1..=30).contains(&n).then_some(n)?, at)
        } else {
            return None;
        };
        self.is(last + 1, "century").then_some(Found {
            first: i,
            last: last + 1,
            expr: Expr::Century(ordinal - 1),
        })
    }

    /// "nineteen ninety-six", "the year two thousand".
    fn year_in_words(&self, i: usize) -> Option<Found> {
        if self.is(i, "the") && self.is(i + 1, "year") {
            let (year, last) = self.words_year(i + 2)?;
            return Self::found(i, last, Expr::Year(YearRef::Absolute(year)));
        }
        // "two thousand" alone is a count ("two thousand troops").
        if self.is(i, "two") {
            return None;
        }
        let (year, last) = self.words_year(i)?;
        Self::found(i, last, Expr::Year(YearRef::Absolute(year)))
    }

    /// A year in words at token `i` and its last token: "nineteen ninety-six", "nineteen
    /// eighty", "two thousand (and) one".
    fn words_year(&self, i: usize) -> Option<(i16, usize)> {
        if self.is(i, "two") && self.is(i + 1, "thousand") {
            let and = usize::from(self.is(i + 2, "and"));
            return match self.token(i + 2 + and).and_then(lexicon::number_word) {
                Some(n @ 1..=19) => Some((2000 + n as i16, i + 2 + and)),
                _ => Some((2000, i + 1)),
            };
        }
        let hundreds: i16 = if self.is(i, "nineteen") {
            19
        } else if self.is(i, "eighteen") {
            18
        } else {
            return None;
        };
        let tens_token = self.token(i + 1)?;
        let &(_, tens) = TENS.iter().find(|(w, _)| tens_token.is(w))?;
        let hyphen = self.token(i + 2).is_some_and(|t| t.is_punct('-'));
        let unit = if hyphen {
            self.token(i + 3)
                .and_then(lexicon::number_word)
                .filter(|n| (1..=9).contains(n))
        } else {
            None
        };
        match unit {
            Some(u) => Some((hundreds * 100 + tens + u as i16, i + 3)),
            None => Some((hundreds * 100 + tens, i + 1)),
        }
    }
}
