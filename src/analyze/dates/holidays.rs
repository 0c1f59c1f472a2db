//! Holidays news dates things by: fixed days ("Christmas", "New Year's Eve"), US holidays
//! set on a weekday of their month ("Thanksgiving", "Labor Day", "Election Day") and the
//! days around Easter ("Good Friday", "Easter Monday").

use jiff::civil::Weekday;

use super::expr::{Expr, Found, Shift};
use super::movable::Holiday;
use super::parse::Parser;

/// Holidays on a fixed day: name, optional second word, month, day.
const FIXED: &[(&str, Option<&str>, i8, i8)] = &[
    ("Christmas", Some("Eve"), 12, 24),
    ("Christmas", None, 12, 25),
    ("Halloween", None, 10, 31),
    ("Boxing", Some("Day"), 12, 26),
];

/// Holidays on the `nth` weekday of a month (−1 for the last), `offset` days on: name,
/// month, weekday, nth, offset. Election Day is the Tuesday after the first Monday.
const FLOATING: &[(&str, i8, Weekday, i8, i8)] = &[
    ("Thanksgiving", 11, Weekday::Thursday, 4, 0),
    ("Labor", 9, Weekday::Monday, 1, 0),
    ("Memorial", 5, Weekday::Monday, -1, 0),
    ("Election", 11, Weekday::Monday, 1, 1),
];

/// Days counted from Easter Sunday: first word, second word, days from Easter.
const EASTER: &[(&str, &str, i8)] = &[
    ("Good", "Friday", -2),
    ("Easter", "Sunday", 0),
    ("Easter", "Monday", 1),
];

impl Parser<'_, '_> {
    /// "Christmas", "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve",
    /// "Halloween", "Thanksgiving (Day)", "Labor Day", "Memorial Day", "Election Day",
    /// "Easter (Sunday)", "Easter Monday", "Good Friday"; "Easter week" is the week
    /// holding it.
    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
        let token = self.token(i)?;
        // "Christmas Island", "Thanksgiving Parade": names that hold a holiday's.
        let named_after = self.token(i + 1).is_some_and(|t| {
            t.is_capitalized()
                && !["Day", "Eve", "Year", "Week"].contains(&t.text)
                && !EASTER.iter().any(|&(_, second, _)| t.text == second)
        });
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
        let second = self.token(i + 1).map(|t| t.text);
        let named = EASTER
            .iter()
            .find(|&&(first, word, _)| token.text == first && second == Some(word));
        if let Some(&(.., offset)) = named {
            return Some(self.holiday_or_week(i, i + 1, Holiday::Easter { offset }));
        }
        // "Easter" alone is its Sunday.
        if token.text == "Easter" {
            return Some(self.holiday_or_week(i, i, Holiday::Easter { offset: 0 }));
        }
        let &(name, month, weekday, nth, offset) =
            FLOATING.iter().find(|(n, ..)| token.text == *n)?;
        let with_day = self.token(i + 1).is_some_and(|t| t.text == "Day");
        // "Labor Day", "Memorial Day" need their "Day"; "Thanksgiving" stands alone.
        if !with_day && name != "Thanksgiving" {
            return None;
        }
        let holiday = Holiday::Floating {
            month,
            weekday,
            nth,
            offset,
        };
        Some(self.holiday_or_week(i, i + usize::from(with_day), holiday))
    }

    /// The holiday at tokens `first..=last`, or the week holding it when "week" follows
    /// ("Easter week", "Thanksgiving week").
    fn holiday_or_week(&self, first: usize, last: usize, holiday: Holiday) -> Found {
        let week = self.is(last + 1, "week");
        Found {
            first,
            last: last + usize::from(week),
            expr: Expr::Holiday { holiday, week },
        }
    }
}
