//! When a holiday that moves from year to year falls: on a weekday of its month
//! ("Thanksgiving", "Election Day") or counted from Easter ("Good Friday").

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// How a holiday that moves from year to year falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// The `nth` weekday of a month (−1 the last), `offset` days on: Thanksgiving is the
    /// fourth Thursday of November.
    Floating {
        month: i8,
        weekday: Weekday,
        nth: i8,
        offset: i8,
    },
    /// `offset` days from Easter Sunday (Western churches): Good Friday is −2.
    Easter { offset: i8 },
}

impl Holiday {
    /// The holiday's day in `year`.
    pub fn in_year(self, year: i16) -> Option<Date> {
        let (day, offset) = match self {
            Holiday::Floating {
                month,
                weekday,
                nth,
                offset,
            } => (
                Date::new(year, month, 1)
                    .ok()?
                    .nth_weekday_of_month(nth, weekday)
                    .ok()?,
                offset,
            ),
            Holiday::Easter { offset } => (easter_sunday(year)?, offset),
        };
        day.checked_add(i64::from(offset).days()).ok()
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm of 1876).
fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movable_holidays_fall_on_their_days() {
        let easter = |offset| Holiday::Easter { offset };
        assert_eq!(easter(0).in_year(2000), Date::new(2000, 4, 23).ok());
        assert_eq!(easter(0).in_year(2024), Date::new(2024, 3, 31).ok());
        assert_eq!(easter(-2).in_year(2019), Date::new(2019, 4, 19).ok());
        assert_eq!(easter(1).in_year(2038), Date::new(2038, 4, 26).ok());
        let election = Holiday::Floating {
            month: 11,
            weekday: Weekday::Monday,
            nth: 1,
            offset: 1,
        };
        // The Tuesday after the first Monday: never November 1.
        assert_eq!(election.in_year(1998), Date::new(1998, 11, 3).ok());
        assert_eq!(election.in_year(2022), Date::new(2022, 11, 8).ok());
    }
}
