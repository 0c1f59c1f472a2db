//! What a temporal expression says, before it is pinned to the calendar.

use jiff::civil::Weekday;

use super::lexicon::Unit;
use super::movable::Holiday;

/// A year named outright ("2021") or relative to publication ("last year" is −1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i16),
    Relative(i32),
}

/// Which occurrence of a recurring date ("June 3", "Monday", "March") is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// Decided by the tense of the clause.
    Tense,
    /// "last Monday": strictly before publication.
    Last,
    /// "next Monday": strictly after publication.
    Next,
    /// "Sunday, March 26": the occurrence that falls on this weekday, if only one near
    /// publication does; otherwise by tense.
    OnWeekday(Weekday),
}

/// A stretch of time named relative to publication without bounds ("now", "recently").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Present,
    Past,
    Future,
}

/// A parsed temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A day of the calendar; without a year the clause's tense picks the occurrence.
    Day {
        year: Option<i16>,
        month: i8,
        day: i8,
        shift: Shift,
    },
    /// "the week of March 6": the ISO week holding a day.
    WeekOf {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    /// A holiday that moves from year to year ("Thanksgiving", "Good Friday"), or with
    /// `week` the ISO week holding it ("Easter week"), in the year the clause's tense picks.
    Holiday { holiday: Holiday, week: bool },
    /// A month, with or without its year.
    Month {
        year: Option<YearRef>,
        month: i8,
        shift: Shift,
    },
    /// A quarter (1–4), with or without its year.
    Quarter { year: Option<YearRef>, quarter: i8 },
    /// A half (1–2) of a year; normalised to its year, the finest value the schema allows.
    Half { year: Option<YearRef>, half: i8 },
    /// A year.
    Year(YearRef),
    /// A day of the week near publication.
    Weekday { weekday: Weekday, shift: Shift },
    /// Publication shifted by whole units: "yesterday" is (Day, −1), "last week" (Week, −1).
    Offset { unit: Unit, count: i32 },
    /// "two weeks ago": like an offset (−2 weeks), but in results reporting "a year ago"
    /// is the quarter a year before the one reported.
    Ago { unit: Unit, count: i32 },
    /// "in two weeks": a date when the clause looks ahead, otherwise a length of time.
    Within { unit: Unit, count: i32 },
    /// `count` units from the time the story last named, at that time's precision or at
    /// `at`: "a year earlier" (Year, −1), "the next day" (Day, 1), "the year-ago quarter"
    /// (Year, −1, at Quarter). Without such a time, from publication.
    Anchored {
        unit: Unit,
        count: i32,
        at: Option<Unit>,
    },
    /// "the previous Friday" (`later` false), "the following Monday" (`later` true): that
    /// weekday just before or after the day the story last named.
    NeighbourWeekday { weekday: Weekday, later: bool },
    /// "that year", "that day": the unit holding the time the story last named.
    ThatPeriod(Unit),
    /// "the quarter" in results reporting: the quarter the story last named, else (and
    /// always for "the latest quarter") the last quarter ended before publication.
    ReportedQuarter { latest: bool },
    /// "the 1988 period", "last year's quarter", "the corresponding period last year": in
    /// results reporting, the quarter being reported, in the year named; that year alone
    /// when no quarter is reported.
    ReportedQuarterIn(YearRef),
    /// A time that recurs every `count` units ("daily", "every two weeks"): `P1D`, `P2W`.
    Set { unit: Unit, count: u32 },
    /// A weekday that recurs ("every Monday", "Tuesdays"): `XXXX-WXX-1`.
    SetWeekday(Weekday),
    /// A month that recurs ("every July", "each March"): `XXXX-07`.
    SetMonth(i8),
    /// A season (0 spring … 3 winter) with or without its year.
    Season {
        season: i8,
        year: Option<YearRef>,
        shift: Shift,
    },
    /// A weekend near publication: `YYYY-Www-WE`.
    Weekend { shift: Shift },
    /// A decade by its first three digits ("the 1990s" is 199).
    Decade(i16),
    /// A century by its first two digits ("the 20th century" is 19).
    Century(i16),
    /// The present, the past or the future as such: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(Reference),
    /// A length of time ("three years", "a two-week ceasefire"): `count` units, `None`
    /// when the count is vague ("several years", "for decades").
    Duration { unit: Unit, count: Option<u32> },
    /// A length of time and a half ("2 1/2 years", "a year and a half"): `whole` units and
    /// half of one more.
    HalfDuration { unit: Unit, whole: u32 },
}

impl Expr {
    /// True for expressions counted from the time the story last named ("a year earlier",
    /// "a year ago" in results, "that day"), which do not move that time themselves: "the
    /// quarter" after "from a year ago" is still the quarter reported.
    pub fn is_anchored(&self) -> bool {
        matches!(
            self,
            Expr::Anchored { .. }
                | Expr::NeighbourWeekday { .. }
                | Expr::Ago { .. }
                | Expr::ThatPeriod(_)
                | Expr::ReportedQuarter { .. }
                | Expr::ReportedQuarterIn(_)
        )
    }
}

/// An expression found in a sentence: its first and last token (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}
