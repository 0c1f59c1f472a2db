//! Holidays news dates things by: fixed days ("Christmas", "New Year's Eve") and US holidays
//! set on a weekday of their month ("Thanksgiving", "Labor Day").

use jiff::civil::Weekday;

use super::expr::{Expr, Found, Shift};
use super::parse::Parser;

/// Holidays on a fixed day: name, optional second word, month, day.
const FIXED: &[(&str, Option<&str>, i8, i8)] = &[
    ("Christmas", Some("Eve"), 12, 24),
    ("Christmas", None, 12, 25),
    ("Halloween", None, 10, 31),
    ("Boxing", Some("Day"), 12, 26),
];

/// Holidays on the `nth` weekday of a month (−1 for the last): name, month, weekday, nth.
const FLOATING: &[(&str, i8, Weekday, i8)] = &[
    ("Thanksgiving", 11, Weekday::Thursday, 4),
    ("Labor", 9, Weekday::Monday, 1),
    ("Memorial", 5, Weekday::Monday, -1),
];

impl Parser<'_, '_> {
    /// "Christmas", "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve",
    /// "Halloween", "Thanksgiving (Day)", "Labor Day", "Memorial Day".
    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        // "Christmas Island", "Thanksgiving Parade": names that hold a holiday's.
        let named_after = self
            .token(i + 1)
            .is_some_and(|t| t.is_capitalized() && !["Day", "Eve", "Year"].contains(&t.text));
        if !token.is_capitalized() || named_after {
            return None;
        }
        let day = |found: Option<usize>, month, day| {
            found.map(|last| Found {
                first: i,
                last,
                expr: Expr::Day {
                    year: None,
                    month,
                    day,
                    shift: Shift::Tense,
                },
            })
        };
        if token.text == "New" && self.is(i + 1, "Year") && self.is(i + 3, "s") {
            let eve = self.token(i + 4).is_some_and(|t| t.text == "Eve");
            let day_word = self.token(i + 4).is_some_and(|t| t.text == "Day");
            return match (eve, day_word) {
                (true, _) => day(Some(i + 4), 12, 31),
                (_, true) => day(Some(i + 4), 1, 1),
                _ => None,
            };
        }
        for &(name, second, month, d) in FIXED {
            if token.text != name {
                continue;
            }
            match second {
                Some(word) if self.token(i + 1).is_some_and(|t| t.text == word) => {
                    return day(Some(i + 1), month, d);
                }
                Some(_) => {}
                None => {
                    let with_day = self.token(i + 1).is_some_and(|t| t.text == "Day");
                    return day(Some(if with_day { i + 1 } else { i }), month, d);
                }
            }
        }
        let &(name, month, weekday, nth) = FLOATING.iter().find(|(n, ..)| token.text == *n)?;
        let with_day = self.token(i + 1).is_some_and(|t| t.text == "Day");
        // "Labor Day", "Memorial Day" need their "Day"; "Thanksgiving" stands alone.
        if !with_day && name != "Thanksgiving" {
            return None;
        }
        Self::found(
            i,
            if with_day { i + 1 } else { i },
            Expr::Floating {
                month,
                weekday,
                nth,
            },
        )
    }
}
