//! The time a story last named, which anchored expressions count from: "a year earlier",
//! "the next day", "later that year", "the year-ago quarter".
//!
//! News tells a sequence of times; an anchored expression moves from the latest one at
//! that time's own precision, so "profit fell in the third quarter … from $2m a year
//! earlier" is the third quarter of the year before, and "on March 3 … the next day" is
//! March 4.

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::lexicon::Unit;

/// A time on the calendar at the precision it was named with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Year(i64),
    /// `year * 4 + quarter - 1`.
    Quarter(i64),
    /// `year * 12 + month - 1`.
    Month(i64),
    /// An ISO week, by its Monday.
    Week(Date),
    Day(Date),
}

impl Point {
    /// Reads a normalised value (`1998`, `1998-Q3`, `1998-10`, `1998-W43`, `1998-10-26`,
    /// with or without a time of day); other values name no point.
    pub fn of_value(value: &str) -> Option<Point> {
        let number = |s: &str| -> Option<i64> {
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = number(value.get(..4)?)?;
        let rest = &value[4..];
        let rest = rest.split('T').next().unwrap_or(rest);
        if rest.is_empty() {
            return Some(Point::Year(year));
        }
        if let Some(q) = rest.strip_prefix("-Q") {
            return Some(Point::Quarter(year * 4 + number(q)? - 1));
        }
        if let Some(w) = rest.strip_prefix("-W") {
            let week = ISOWeekDate::new(year as i16, number(w)? as i8, Weekday::Monday).ok()?;
            return Some(Point::Week(week.date()));
        }
        let month = number(rest.get(1..3)?)?;
        if rest.len() == 3 {
            return Some(Point::Month(year * 12 + month - 1));
        }
        let day = number(rest.get(4..6)?)?;
        Date::new(year as i16, month as i8, day as i8)
            .ok()
            .map(Point::Day)
    }

    /// The point `count` units later (earlier when negative), at its own precision;
    /// `None` when the unit is finer than the point ("a day later" than a year).
    pub fn shifted(self, unit: Unit, count: i32) -> Option<Point> {
        let count = i64::from(count);
        let months = match unit {
            Unit::Year => Some(12 * count),
            Unit::Quarter => Some(3 * count),
            Unit::Month => Some(count),
            _ => None,
        };
        Some(match (self, months) {
            (Point::Year(y), Some(m)) if m % 12 == 0 => Point::Year(y + m / 12),
            (Point::Quarter(q), Some(m)) if m % 3 == 0 => Point::Quarter(q + m / 3),
            (Point::Month(n), Some(m)) => Point::Month(n + m),
            (Point::Day(d), Some(m)) => Point::Day(d.checked_add(m.months()).ok()?),
            (Point::Day(d), None) => {
                let days = match unit {
                    Unit::Day => count,
                    Unit::Week => 7 * count,
                    _ => return None,
                };
                Point::Day(d.checked_add(days.days()).ok()?)
            }
            (Point::Week(monday), None) if unit == Unit::Week => {
                Point::Week(monday.checked_add(count.weeks()).ok()?)
            }
            _ => return None,
        })
    }

    /// The point at the coarser precision of `unit` ("that year" of a day is its year).
    pub fn within(self, unit: Unit) -> Option<Point> {
        let (year, month) = match self {
            Point::Year(y) => (y, None),
            Point::Quarter(q) => (q.div_euclid(4), Some(q.rem_euclid(4) * 3)),
            Point::Month(n) => (n.div_euclid(12), Some(n.rem_euclid(12))),
            Point::Day(d) => (i64::from(d.year()), Some(i64::from(d.month()) - 1)),
            // A week straddling two months or years belongs to neither.
            Point::Week(_) => return (unit == Unit::Week).then_some(self),
        };
        match unit {
            Unit::Year => Some(Point::Year(year)),
            Unit::Quarter => month.map(|m| Point::Quarter(year * 4 + m / 3)),
            Unit::Month => match self {
                Point::Month(_) | Point::Day(_) => month.map(|m| Point::Month(year * 12 + m)),
                _ => None,
            },
            Unit::Day => matches!(self, Point::Day(_)).then_some(self),
            Unit::Week => match self {
                Point::Day(d) => {
                    let back = d.weekday().to_monday_zero_offset();
                    Some(Point::Week(d.checked_sub(i64::from(back).days()).ok()?))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The normalised value.
    pub fn value(self) -> String {
        match self {
            Point::Year(y) => format!("{y:04}"),
            Point::Quarter(q) => format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1),
            Point::Month(n) => format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1),
            Point::Week(monday) => {
                let week = monday.iso_week_date();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Point::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(value: &str, unit: Unit, count: i32) -> Option<String> {
        Point::of_value(value)?
            .shifted(unit, count)
            .map(Point::value)
    }

    #[test]
    fn shifts_keep_the_precision_of_the_point() {
        assert_eq!(shift("1989-Q3", Unit::Year, -1).as_deref(), Some("1988-Q3"));
        assert_eq!(
            shift("1998-10-26", Unit::Year, -1).as_deref(),
            Some("1997-10-26")
        );
        assert_eq!(
            shift("1998-10-26", Unit::Day, 1).as_deref(),
            Some("1998-10-27")
        );
        assert_eq!(shift("1998-12", Unit::Month, 1).as_deref(), Some("1999-01"));
        assert_eq!(shift("1998", Unit::Year, 1).as_deref(), Some("1999"));
        assert_eq!(shift("1998", Unit::Day, 1), None);
        assert_eq!(shift("PRESENT_REF", Unit::Day, 1), None);
        assert_eq!(
            shift("1998-W01", Unit::Week, -1).as_deref(),
            Some("1997-W52")
        );
        assert_eq!(shift("1998-W05", Unit::Day, 1), None);
    }

    #[test]
    fn within_a_coarser_unit() {
        let day = Point::of_value("1998-08-07T10:00").unwrap();
        assert_eq!(
            day.within(Unit::Year).map(Point::value).as_deref(),
            Some("1998")
        );
        assert_eq!(
            day.within(Unit::Quarter).map(Point::value).as_deref(),
            Some("1998-Q3")
        );
        assert_eq!(Point::Year(1998).within(Unit::Month), None);
    }
}
