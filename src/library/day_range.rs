//! The days a normalised date value covers (`2023`, `2023-H2`, `2023-03`, `2023-Q1`,
//! `2023-W11`, `2023-03-14`, `2023-03-14TNI`), so timelines can order values and tell when
//! two overlap.

use jiff::civil::{Date, Weekday};

/// An inclusive range of days, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub start: i64,
    pub end: i64,
}

impl DayRange {
    /// The range of a date value, or `None` for text that is not one.
    pub fn of(value: &str) -> Option<DayRange> {
        // A time or part of a day ("2000-01-05T09:00", "2000-01-05TNI") falls on its day, a
        // weekend ("1998-W33-WE") in its week.
        let value = value.split_once('T').map_or(value, |(day, _)| day);
        let value = value.strip_suffix("-WE").unwrap_or(value);
        let year: i16 = value.get(..4)?.parse().ok()?;
        let rest = &value[4..];
        let (first, last) = if rest.is_empty() {
            (Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)
        } else if let Some(q) = rest.strip_prefix("-Q") {
            let q: i8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            let first = Date::new(year, (q - 1) * 3 + 1, 1).ok()?;
            (
                first,
                first
                    .checked_add(jiff::Span::new().months(3))
                    .ok()?
                    .yesterday()
                    .ok()?,
            )
        } else if let Some(h) = rest.strip_prefix("-H") {
            let h: i8 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
            let first = Date::new(year, (h - 1) * 6 + 1, 1).ok()?;
            let last = Date::new(year, h * 6, 1).ok()?.last_of_month();
            (first, last)
        } else if let Some(w) = rest.strip_prefix("-W") {
            let week: i8 = w.parse().ok()?;
            let first = jiff::civil::ISOWeekDate::new(year, week, Weekday::Monday)
                .ok()?
                .date();
            (first, first.checked_add(jiff::Span::new().days(6)).ok()?)
        } else if rest.len() == 3 {
            let month: i8 = rest.strip_prefix('-')?.parse().ok()?;
            let first = Date::new(year, month, 1).ok()?;
            (first, first.last_of_month())
        } else {
            let date: Date = value.parse().ok()?;
            (date, date)
        };
        Some(DayRange {
            start: days(first),
            end: days(last),
        })
    }

    /// How many days the range covers.
    pub fn days(&self) -> i64 {
        self.end - self.start + 1
    }

    /// True when the two ranges share a day.
    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

fn days(date: Date) -> i64 {
    let epoch = Date::constant(1970, 1, 1);
    i64::from(epoch.until(date).map(|span| span.get_days()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::DayRange;

    #[test]
    fn ranges_of_every_value_form() {
        let day = DayRange::of("2023-03-14").unwrap();
        assert_eq!(day.days(), 1);
        assert_eq!(DayRange::of("2023-03").unwrap().days(), 31);
        assert_eq!(DayRange::of("2024-02").unwrap().days(), 29);
        assert_eq!(DayRange::of("2023-Q1").unwrap().days(), 90);
        assert_eq!(DayRange::of("2023-W11").unwrap().days(), 7);
        assert_eq!(DayRange::of("2023").unwrap().days(), 365);
        assert_eq!(DayRange::of("2023-H2").unwrap().days(), 184);
        assert_eq!(DayRange::of("2023-03-14TNI"), Some(day));
        assert_eq!(DayRange::of("2023-03-14T09:30"), Some(day));
        assert_eq!(DayRange::of("2023-W11-WE").unwrap().days(), 7);
        assert!(DayRange::of("2023-W11").unwrap().overlaps(&day));
        assert!(!DayRange::of("2023-04").unwrap().overlaps(&day));
        for bad in ["", "20", "2023-Q5", "2023-13", "2023-02-30", "soon"] {
            assert!(DayRange::of(bad).is_none(), "{bad}");
        }
    }
}
