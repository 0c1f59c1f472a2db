//! Pins a parsed expression to the calendar, relative to the publication date.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::discourse::Point;
use super::expr::{Expr, Reference, Shift, YearRef};
use super::lexicon::Unit;
use super::periods::SEASON_CODES;
use super::tense::{Reading, Tense};
use crate::model::DateKind;

/// Which occurrence of a recurring date to take, seen from publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The latest on or before publication.
    Past,
    /// The earliest on or after publication.
    Future,
    /// The latest strictly before publication.
    Last,
    /// The earliest strictly after publication.
    Next,
    /// The nearest to publication, the earlier on a tie.
    Nearest,
}

/// How many days ahead a day without a year or tense cue is still taken as the coming one.
const SOON_DAYS: i64 = 14;

/// The normalised value and kind of `expr`; values that need the publication date are `None`
/// without one.
/// `last_named` is the time the story named last, which anchored expressions count from;
/// `reported` the quarter it named last, which results compare with "a year ago".
/// `reading` is the tense of the expression's clause.
pub fn resolve(
    expr: Expr,
    anchor: Option<Date>,
    reading: Reading,
    last_named: Option<Point>,
    reported: Option<Point>,
) -> (Option<String>, DateKind) {
    let tense = reading.tense;
    match expr {
        Expr::Duration { unit, count } => (Some(length(unit, count)), DateKind::Duration),
        Expr::HalfDuration { unit, whole } => (half_length(unit, whole), DateKind::Duration),
        Expr::Within { unit, count } if tense != Some(Tense::Future) => (
            Some(length(unit, u32::try_from(count).ok())),
            DateKind::Duration,
        ),
        Expr::Set { unit, count } => (Some(length(unit, Some(count))), DateKind::Set),
        Expr::SetWeekday(weekday) => (Some(super::sets::weekday_value(weekday)), DateKind::Set),
        Expr::SetMonth(month) => (Some(format!("XXXX-{month:02}")), DateKind::Set),
        // "a year ago", "a year earlier", "year-earlier" in results reporting: the same
        // quarter a year before the last one the story named.
        Expr::Ago {
            unit: Unit::Year,
            count,
        }
        | Expr::Anchored {
            unit: Unit::Year,
            count,
            at: None,
        } if reported.is_some() => (
            reported
                .and_then(|p| p.shifted(Unit::Year, count))
                .map(Point::value),
            DateKind::Date,
        ),
        Expr::Anchored { .. }
        | Expr::NeighbourWeekday { .. }
        | Expr::ThatPeriod(_)
        | Expr::ReportedQuarter { .. } => (
            anchored(expr, anchor, last_named)
                .or_else(|| reported_instead(expr, anchor, reported))
                .map(Point::value),
            DateKind::Date,
        ),
        Expr::ReportedQuarterIn(year) => {
            let quarter = reported.or_else(|| last_named.and_then(|p| p.within(Unit::Quarter)));
            (reported_quarter_in(year, quarter, anchor), DateKind::Date)
        }
        _ => (value(expr, anchor, reading), DateKind::Date),
    }
}

/// The value of an expression anchored to `last_named`, or to publication without it.
fn anchored(expr: Expr, anchor: Option<Date>, last_named: Option<Point>) -> Option<Point> {
    match expr {
        Expr::Anchored { unit, count, at } => {
            let base = match last_named {
                Some(point) => point,
                None => Point::Day(anchor?).within(unit)?,
            };
            let shifted = base
                .shifted(unit, count)
                .or_else(|| Point::Day(anchor?).shifted(unit, count)?.within(unit))?;
            match at {
                Some(precision) => shifted.within(precision),
                None => Some(shifted),
            }
        }
        Expr::NeighbourWeekday { weekday, later } => {
            let base = match last_named {
                Some(Point::Day(day)) => day,
                _ => anchor?,
            };
            let step = if later { 1 } else { -1 };
            let mut day = base;
            for _ in 0..7 {
                day = day.checked_add(step.days()).ok()?;
                if day.weekday() == weekday {
                    return Some(Point::Day(day));
                }
            }
            None
        }
        Expr::ThatPeriod(unit) => last_named
            .and_then(|point| point.within(unit))
            .or_else(|| Point::Day(anchor?).within(unit)),
        Expr::ReportedQuarter { latest } => match last_named {
            Some(quarter @ Point::Quarter(_)) if !latest => Some(quarter),
            _ => Point::Day(anchor?)
                .within(Unit::Quarter)?
                .shifted(Unit::Quarter, -1),
        },
        _ => None,
    }
}

/// The quarter reported (`quarter`) in the year named: "the 1988 period" is that quarter of
/// 1988, "last year's quarter" the one a year before it, as "a year ago"; without a quarter,
/// the year.
fn reported_quarter_in(
    year: YearRef,
    quarter: Option<Point>,
    anchor: Option<Date>,
) -> Option<String> {
    let point = match (quarter, year) {
        (Some(q @ Point::Quarter(_)), YearRef::Relative(shift)) => q.shifted(Unit::Year, shift)?,
        (Some(Point::Quarter(q)), YearRef::Absolute(y)) => {
            Point::Quarter(i64::from(y) * 4 + q.rem_euclid(4))
        }
        (_, YearRef::Absolute(y)) => Point::Year(i64::from(y)),
        (_, YearRef::Relative(_)) => Point::Year(i64::from(year_of(year, anchor?))),
    };
    Some(point.value())
}

/// "the year-ago quarter" when the time last named holds no quarter (a year): the quarter
/// results report, else the last one ended before publication, shifted.
fn reported_instead(expr: Expr, anchor: Option<Date>, reported: Option<Point>) -> Option<Point> {
    match expr {
        Expr::Anchored {
            unit,
            count,
            at: Some(Unit::Quarter),
        } => {
            let ended = || {
                Point::Day(anchor?)
                    .within(Unit::Quarter)?
                    .shifted(Unit::Quarter, -1)
            };
            reported.or_else(ended)?.shifted(unit, count)
        }
        _ => None,
    }
}

/// A TIMEX3 duration: `P2Y`, `PT3H`, `P6M` for two quarters, `P20Y` for two decades, or
/// `PXY` (an unknown number of years) when the count is vague.
fn length(unit: Unit, count: Option<u32>) -> String {
    let (time, scale, letter) = match unit {
        Unit::Minute => ("T", 1, 'M'),
        Unit::Hour => ("T", 1, 'H'),
        Unit::Day => ("", 1, 'D'),
        Unit::Week => ("", 1, 'W'),
        Unit::Month => ("", 1, 'M'),
        Unit::Quarter => ("", 3, 'M'),
        Unit::Year | Unit::Generation => ("", 1, 'Y'),
        Unit::Decade => ("", 10, 'Y'),
        Unit::Century => ("", 100, 'Y'),
    };
    match count {
        Some(n) if unit != Unit::Generation => format!("P{time}{}{letter}", n * scale),
        _ => format!("P{time}X{letter}"),
    }
}

/// A TIMEX3 duration of `whole` units and a half: `P2Y6M`, `PT5H30M`, `P3DT12H`; `None` for
/// units whose half has no exact value here (a month, a week).
fn half_length(unit: Unit, whole: u32) -> Option<String> {
    Some(match unit {
        Unit::Minute => format!("PT{whole}M30S"),
        Unit::Hour => format!("PT{whole}H30M"),
        Unit::Day => format!("P{whole}DT12H"),
        Unit::Quarter => format!("P{}M15D", whole * 3 + 1),
        Unit::Year if whole == 0 => "P6M".to_string(),
        Unit::Year => format!("P{whole}Y6M"),
        Unit::Decade => format!("P{}Y", whole * 10 + 5),
        Unit::Century => format!("P{}Y", whole * 100 + 50),
        Unit::Week | Unit::Month | Unit::Generation => return None,
    })
}

fn value(expr: Expr, anchor: Option<Date>, reading: Reading) -> Option<String> {
    let tense = reading.tense;
    if let Expr::Day {
        year: Some(year),
        month,
        day,
        ..
    } = expr
    {
        return Date::new(year, month, day).ok().map(format_day);
    }
    match expr {
        Expr::Year(YearRef::Absolute(year)) => return Some(year.to_string()),
        Expr::Season {
            season,
            year: Some(YearRef::Absolute(year)),
            ..
        } => return Some(format!("{year:04}-{}", SEASON_CODES[season as usize])),
        Expr::Decade(decade) => return Some(format!("{decade:03}")),
        Expr::Century(century) => return Some(format!("{century:02}")),
        Expr::Reference(reference) => {
            return Some(
                match reference {
                    Reference::Present => "PRESENT_REF",
                    Reference::Past => "PAST_REF",
                    Reference::Future => "FUTURE_REF",
                }
                .to_string(),
            );
        }
        Expr::Month {
            year: Some(YearRef::Absolute(year)),
            month,
            ..
        } => {
            return Some(format!("{year:04}-{month:02}"));
        }
        Expr::Quarter {
            year: Some(YearRef::Absolute(year)),
            quarter,
        } => {
            return Some(format!("{year:04}-Q{quarter}"));
        }
        Expr::Half {
            year: Some(YearRef::Absolute(year)),
            half,
        } => return Some(format!("{year:04}-H{half}")),
        _ => {}
    }
    let p = anchor?;
    // News marks the future ("will", "is due to", "ahead of"); a clause without cues tells
    // of the past, as in "the fallout from the clash on May 13 continues".
    let by_tense = match tense {
        Some(Tense::Future) => Direction::Future,
        Some(Tense::Nearest) => Direction::Nearest,
        Some(Tense::Past) | None => Direction::Past,
    };
    let direction = |shift| match shift {
        Shift::Last => Direction::Last,
        Shift::Next => Direction::Next,
        Shift::Tense | Shift::OnWeekday(_) => by_tense,
    };
    match expr {
        Expr::Day {
            month, day, shift, ..
        } => {
            let days_away: Vec<(i64, Date)> = [-1, 0, 1]
                .into_iter()
                .filter_map(|dy| Date::new(p.year() + dy, month, day).ok())
                .filter_map(|d| Some((i64::from(p.until(d).ok()?.get_days()), d)))
                .collect();
            if let Shift::OnWeekday(weekday) = shift {
                let on_weekday: Vec<_> = days_away
                    .iter()
                    .copied()
                    .filter(|k| k.1.weekday() == weekday)
                    .collect();
                if let [only] = on_weekday[..] {
                    return Some(format_day(only.1));
                }
            }
            // Without any tense cue, a day less than two weeks ahead is the coming one
            // ("the record date is Nov. 9" in late October), not the one a year back.
            let soon = days_away.iter().any(|k| (0..=SOON_DAYS).contains(&k.0));
            let direction = match (shift, tense) {
                (Shift::Tense, None) if soon => Direction::Future,
                _ => direction(shift),
            };
            let chosen = pick(days_away.iter().map(|k| k.0), 0, direction)?;
            let chosen = if shift == Shift::Tense && !reading.firm {
                near_instead(
                    days_away.iter().map(|k| k.0),
                    0,
                    chosen,
                    FAR_DAYS,
                    NEAR_DAYS,
                )
            } else {
                chosen
            };
            days_away
                .iter()
                .find(|k| k.0 == chosen)
                .map(|k| format_day(k.1))
        }
        Expr::Holiday { holiday, week } => {
            // A week is chosen by its Monday: "as Easter week began" on that Monday.
            let start = |d: Date| {
                if week {
                    d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
                        .ok()
                } else {
                    Some(d)
                }
            };
            let days_away: Vec<(i64, Date)> = [-1, 0, 1]
                .into_iter()
                .filter_map(|dy| start(holiday.in_year(p.year() + dy)?))
                .filter_map(|d| Some((i64::from(p.until(d).ok()?.get_days()), d)))
                .collect();
            let chosen = pick(days_away.iter().map(|k| k.0), 0, by_tense)?;
            let (_, day) = days_away.iter().find(|k| k.0 == chosen)?;
            Some(if week {
                let week = day.iso_week_date();
                format!("{:04}-W{:02}", week.year(), week.week())
            } else {
                format_day(*day)
            })
        }
        Expr::Month { year, month, shift } => {
            let index = match year {
                Some(year) => year_of(year, p) as i64 * 12 + i64::from(month) - 1,
                None => {
                    let now = i64::from(p.year()) * 12 + i64::from(p.month()) - 1;
                    let chosen =
                        cyclic(p.year(), i64::from(p.month()), month, 12, direction(shift))?;
                    if shift == Shift::Tense && !reading.firm {
                        let candidates = [-1, 0, 1]
                            .map(|dy| (i64::from(p.year()) + dy) * 12 + i64::from(month) - 1);
                        near_instead(candidates.into_iter(), now, chosen, FAR_MONTHS, NEAR_MONTHS)
                    } else {
                        chosen
                    }
                }
            };
            Some(format!(
                "{:04}-{:02}",
                index.div_euclid(12),
                index.rem_euclid(12) + 1
            ))
        }
        Expr::Quarter { year, quarter } => {
            let p_quarter = i64::from(p.month() - 1) / 3 + 1;
            let index = match year {
                Some(year) => year_of(year, p) as i64 * 4 + i64::from(quarter) - 1,
                // Results are announced after a quarter closes: "expects to report for
                // the third quarter" in October is the quarter just ended.
                None if by_tense == Direction::Future => {
                    cyclic(p.year(), p_quarter - 1, quarter, 4, by_tense)?
                }
                None => cyclic(p.year(), p_quarter, quarter, 4, by_tense)?,
            };
            Some(format!(
                "{:04}-Q{}",
                index.div_euclid(4),
                index.rem_euclid(4) + 1
            ))
        }
        Expr::Half { year, half } => {
            let p_half = i64::from(p.month() - 1) / 6 + 1;
            let year = match year {
                Some(year) => year_of(year, p) as i64,
                None => cyclic(p.year(), p_half, half, 2, by_tense)?.div_euclid(2),
            };
            Some(format!("{year:04}-H{half}"))
        }
        Expr::Year(year) => Some(format!("{:04}", year_of(year, p))),
        Expr::WeekOf { year, month, day } => {
            let shift = Shift::Tense;
            let day = value(
                Expr::Day {
                    year,
                    month,
                    day,
                    shift,
                },
                anchor,
                reading,
            )?;
            let week = day.parse::<Date>().ok()?.iso_week_date();
            Some(format!("{:04}-W{:02}", week.year(), week.week()))
        }
        Expr::Season {
            season,
            year,
            shift,
        } => {
            let index = match year {
                Some(year) => i64::from(year_of(year, p)) * 4 + i64::from(season),
                None => {
                    // Winter runs from December into the next year.
                    let (year, now) = match p.month() {
                        1 | 2 => (p.year() - 1, 3),
                        m => (p.year(), i64::from(m - 3) / 3),
                    };
                    cyclic(year, now + 1, season + 1, 4, direction(shift))?
                }
            };
            let code = SEASON_CODES[index.rem_euclid(4) as usize];
            Some(format!("{:04}-{code}", index.div_euclid(4)))
        }
        Expr::Weekend { shift } => {
            let ahead = i64::from(p.weekday().until(Weekday::Saturday));
            let days = pick(
                [ahead - 7, ahead, ahead + 7].into_iter(),
                0,
                direction(shift),
            )?;
            let week = p.checked_add(days.days()).ok()?.iso_week_date();
            Some(format!("{:04}-W{:02}-WE", week.year(), week.week()))
        }
        Expr::Weekday { weekday, shift } => {
            let ahead = i64::from(p.weekday().until(weekday));
            // "Wednesday's ruling", "Thursday's closing price": news reports what has
            // happened, so a weekday qualifying a noun is the last one.
            let direction = match (shift, tense) {
                (Shift::Tense, Some(Tense::Nearest)) => Direction::Past,
                _ => direction(shift),
            };
            let days = pick([ahead - 7, ahead, ahead + 7].into_iter(), 0, direction)?;
            p.checked_add(days.days()).ok().map(format_day)
        }
        Expr::Offset { unit, count } | Expr::Ago { unit, count } | Expr::Within { unit, count } => {
            offset(p, unit, count)
        }
        Expr::Duration { .. }
        | Expr::HalfDuration { .. }
        | Expr::Reference(_)
        | Expr::Anchored { .. }
        | Expr::NeighbourWeekday { .. }
        | Expr::ThatPeriod(_)
        | Expr::ReportedQuarter { .. }
        | Expr::ReportedQuarterIn(_)
        | Expr::Set { .. }
        | Expr::SetWeekday(_)
        | Expr::SetMonth(_)
        | Expr::Decade(_)
        | Expr::Century(_) => None,
    }
}

/// The year a [`YearRef`] names, seen from publication date `p`.
fn year_of(year: YearRef, p: Date) -> i32 {
    match year {
        YearRef::Absolute(y) => i32::from(y),
        YearRef::Relative(shift) => i32::from(p.year()) + shift,
    }
}

/// The index (`year * per_year + n - 1`) of the occurrence of period `n` (a month, quarter or
/// half numbered from 1) chosen from publication, which falls in period `now` of `year`.
fn cyclic(year: i16, now: i64, n: i8, per_year: i64, direction: Direction) -> Option<i64> {
    let now = i64::from(year) * per_year + now - 1;
    let candidates = [-1, 0, 1].map(|dy| (i64::from(year) + dy) * per_year + i64::from(n) - 1);
    pick(candidates.into_iter(), now, direction)
}

/// For the nearest occurrence, a date ahead counts two and a half times as far as one
/// behind (5 : 2).
const NEAREST_AHEAD_COST: i64 = 5;
const NEAREST_BEHIND_COST: i64 = 2;

/// Chooses among sorted candidate positions the one `direction` names, seen from `now`.
fn pick(candidates: impl Iterator<Item = i64>, now: i64, direction: Direction) -> Option<i64> {
    let mut all = candidates;
    match direction {
        Direction::Past => all.filter(|&c| c <= now).max(),
        Direction::Last => all.filter(|&c| c < now).max(),
        Direction::Future => all.find(|&c| c >= now),
        Direction::Next => all.find(|&c| c > now),
        // News tells of the past far more than of the future: a date ahead must be
        // much nearer than the one behind to be the one meant.
        Direction::Nearest => all.min_by_key(|&c| {
            let distance = if c > now {
                (c - now) * NEAREST_AHEAD_COST
            } else {
                (now - c) * NEAREST_BEHIND_COST
            };
            (distance, c > now)
        }),
    }
}

/// A day without a year this many days away in its clause's direction is taken for the
/// other occurrence when that one is at most [`NEAR_DAYS`] away: news names a date of the
/// year before or after with its year, so "will redeem the shares on Oct. 31" read a
/// few days earlier, its tense misread, is still this Oct. 31.
const FAR_DAYS: i64 = 300;
const NEAR_DAYS: i64 = 45;
/// The same for a month without a year, counted in months.
const FAR_MONTHS: i64 = 10;
const NEAR_MONTHS: i64 = 2;

/// `chosen`, unless it lies at least `far` from `now` and another candidate at most `near`:
/// then that one.
fn near_instead(
    candidates: impl Iterator<Item = i64>,
    now: i64,
    chosen: i64,
    far: i64,
    near: i64,
) -> i64 {
    if chosen.abs_diff(now) < far.unsigned_abs() {
        return chosen;
    }
    candidates
        .filter(|c| c.abs_diff(now) <= near.unsigned_abs())
        .min_by_key(|c| c.abs_diff(now))
        .unwrap_or(chosen)
}

/// Publication date `p` moved by `count` units, at that unit's precision.
fn offset(p: Date, unit: Unit, count: i32) -> Option<String> {
    match unit {
        Unit::Day => p.checked_add(count.days()).ok().map(format_day),
        Unit::Week => {
            let week = p.checked_add(count.weeks()).ok()?.iso_week_date();
            Some(format!("{:04}-W{:02}", week.year(), week.week()))
        }
        Unit::Month => {
            let month = p.first_of_month().checked_add(count.months()).ok()?;
            Some(format!("{:04}-{:02}", month.year(), month.month()))
        }
        Unit::Quarter => {
            let index = i64::from(p.year()) * 4 + i64::from(p.month() - 1) / 3 + i64::from(count);
            Some(format!(
                "{:04}-Q{}",
                index.div_euclid(4),
                index.rem_euclid(4) + 1
            ))
        }
        Unit::Year => Some(format!("{:04}", i32::from(p.year()) + count)),
        _ => None,
    }
}

fn format_day(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}
