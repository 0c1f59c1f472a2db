//! Publication times as written by news sites, turned into RFC 3339 with an offset.
//!
//! Accepted: RFC 3339 / ISO 8601 (with `Z`, an offset, or none), RFC 2822 (feeds), and
//! human forms such as "Mar 04, 2022, 07:40 PM EET", "Tuesday 14 March 2023 09.30 GMT",
//! "March 4, 2022 at 7:40 p.m. EST" or "04/03/2022 19:40". A zone abbreviation or a
//! numeric offset ("GMT+5:30", "+0530") anywhere in the text sets the offset.
//!
//! Choices: all-numeric dates are read day first ("04/03/2022" is 4 March), as most
//! outlets outside the United States write them, unless only the month-first reading is
//! valid ("03/14/2023"). A time without any zone is taken as UTC, and so is one whose
//! zone abbreviation is unknown (a capitalised word ending in T, e.g. "ChST"); a date
//! without a time is taken as midnight.

use jiff::civil::DateTime;
use jiff::fmt::strtime::BrokenDownTime;
use jiff::tz::Offset;

use super::timezone;

/// Layouts tried, in order, on the normalised words of a human-written time.
const HUMAN_LAYOUTS: &[&str] = &[
    "%b %d %Y %I:%M %p",
    "%b %d %Y %I:%M:%S %p",
    "%b %d %Y %H:%M",
    "%b %d %Y %H:%M:%S",
    "%d %b %Y %I:%M %p",
    "%d %b %Y %I:%M:%S %p",
    "%d %b %Y %H:%M",
    "%d %b %Y %H:%M:%S",
    "%I:%M %p %b %d %Y",
    "%I:%M %p %d %b %Y",
    "%H:%M %b %d %Y",
    "%H:%M %d %b %Y",
    "%b %d %Y",
    "%d %b %Y",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %I:%M %p",
    "%d/%m/%Y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
];

/// Layouts for machine-written times once `T` became a space and `Z` became `+00:00`.
const ISO_LAYOUTS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M%:z",
    "%Y-%m-%d %H:%M%z",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
];

/// Converts a publication time to RFC 3339 ("2022-03-04T19:40:00+02:00"), or `None`
/// when `text` is not a recognisable time.
pub fn to_rfc3339(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.len() > 100 {
        return None;
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(text) {
        return format(zoned.datetime(), zoned.offset());
    }
    iso(text).or_else(|| human(text))
}

/// ISO 8601 / RFC 3339 forms.
fn iso(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || !bytes[..4].iter().all(u8::is_ascii_digit) || bytes[4] != b'-' {
        return None;
    }
    let mut normal = text.replacen('T', " ", 1);
    if normal.ends_with('Z') || normal.ends_with('z') {
        normal.pop();
        normal.push_str("+00:00");
    }
    ISO_LAYOUTS
        .iter()
        .find_map(|layout| BrokenDownTime::parse(layout, &normal).ok())
        .and_then(|parts| from_parts(&parts, None))
}

/// Human-written forms: words are normalised, then matched against [`HUMAN_LAYOUTS`].
fn human(text: &str) -> Option<String> {
    let mut offset = None;
    let mut words: Vec<String> = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '(' | ')')) {
        if raw.is_empty() {
            continue;
        }
        if let Some(found) = zone_offset(raw) {
            offset = Some(found);
            continue;
        }
        if is_unknown_zone(raw) {
            continue;
        }
        let lower = raw.to_ascii_lowercase();
        if is_filler(&lower) {
            continue;
        }
        if let Some(month) = month_abbreviation(&lower) {
            words.push(month.to_string());
        } else if let Some(meridiem) = meridiem(&lower) {
            words.push(meridiem.to_string());
        } else if let Some((clock, meridiem)) = split_clock(&lower) {
            words.push(clock);
            words.extend(meridiem.map(str::to_string));
        } else {
            words.push(strip_ordinal(&lower).to_string());
        }
    }
    let normal = words.join(" ");
    let first = normal.chars().next()?;
    HUMAN_LAYOUTS
        .iter()
        .filter(|layout| may_begin(layout, first))
        .find_map(|layout| BrokenDownTime::parse(layout, &normal).ok())
        .and_then(|parts| from_parts(&parts, offset))
}

/// Whether normalised words beginning with `first` may fit `layout`: a month name
/// begins with a capital (every other word is lowercase by then), and every other
/// layout begins with a number. Most lines that are not times fail here, without the
/// cost of a failed parse per layout.
fn may_begin(layout: &str, first: char) -> bool {
    match layout.starts_with("%b") {
        true => first.is_ascii_uppercase(),
        false => first.is_ascii_digit(),
    }
}

/// Builds the result from parsed parts; `zone` overrides an offset inside the parts.
fn from_parts(parts: &BrokenDownTime, zone: Option<Offset>) -> Option<String> {
    let datetime = match parts.to_datetime() {
        Ok(datetime) => datetime,
        Err(_) => parts
            .to_date()
            .ok()?
            .to_datetime(jiff::civil::Time::midnight()),
    };
    let offset = zone.or(parts.offset()).unwrap_or(Offset::UTC);
    format(datetime, offset)
}

/// RFC 3339 with seconds and a `+HH:MM` offset.
fn format(datetime: DateTime, offset: Offset) -> Option<String> {
    let mut parts = BrokenDownTime::from(datetime);
    parts.set_offset(Some(offset));
    parts.to_string("%Y-%m-%dT%H:%M:%S%:z").ok()
}

/// A zone abbreviation ("CET") or numeric offset ("+05:30", "GMT+5:30", "UTC-4").
fn zone_offset(word: &str) -> Option<Offset> {
    if let Some(offset) = timezone::offset_of(word) {
        return Some(offset);
    }
    let signed = word
        .strip_prefix("GMT")
        .or_else(|| word.strip_prefix("UTC"))
        .unwrap_or(word);
    let (sign, digits) = match signed.as_bytes().first()? {
        b'+' => (1, &signed[1..]),
        b'-' => (-1, &signed[1..]),
        _ => return None,
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((hours, minutes)) => (hours, minutes),
        // "+0530"; only ASCII digits can be split at byte 2.
        None if digits.len() == 4 && digits.is_ascii() => digits.split_at(2),
        None => (digits, "0"),
    };
    let hours = one_or_two_digits(hours)?;
    let minutes = one_or_two_digits(minutes)?;
    if hours > 14 || minutes > 59 {
        return None;
    }
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

/// A word shaped like a zone abbreviation that [`timezone`] does not know: three to
/// five letters, capitals but for inner lowercase ones, ending in T ("ChST", "WGST"),
/// and no month ("OCT").
fn is_unknown_zone(word: &str) -> bool {
    (3..=5).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.ends_with('T')
        && month_abbreviation(&word.to_ascii_lowercase()).is_none()
}

/// Reads "5", "05" or "30"; anything else (a sign, more digits) is not part of an offset.
fn one_or_two_digits(text: &str) -> Option<i32> {
    let digits = !text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten()
}

/// Words that carry no date information ("Tuesday", "at", "on").
fn is_filler(word: &str) -> bool {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let word = word.trim_end_matches('.');
    matches!(
        word,
        "at" | "on" | "-" | "/" | "\u{2013}" | "\u{2014}" | "\u{b7}" | "\u{2022}"
    ) || WEEKDAYS
        .iter()
        .any(|day| *day == word || (word.len() == 3 && day.starts_with(word)))
}

/// "march", "mar.", "sept" → "Mar", "Sep".
fn month_abbreviation(word: &str) -> Option<&'static str> {
    const MONTHS: &[&str] = &[
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
    const ABBREVIATIONS: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let word = word.trim_end_matches('.');
    let index = MONTHS
        .iter()
        .position(|month| *month == word || (word.len() >= 3 && month.starts_with(word)))?;
    Some(ABBREVIATIONS[index])
}

/// "am", "a.m.", "pm", "p.m." → "AM" / "PM".
fn meridiem(word: &str) -> Option<&'static str> {
    let mut letters = word.chars().filter(|&c| c != '.');
    let meridiem = match letters.next() {
        Some('a') => "AM",
        Some('p') => "PM",
        _ => return None,
    };
    (letters.next() == Some('m') && letters.next().is_none()).then_some(meridiem)
}

/// "7:40pm" → ("7:40", PM); "09.30" → ("09:30", none).
fn split_clock(word: &str) -> Option<(String, Option<&'static str>)> {
    let digits_end = word.find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))?;
    let (clock, rest) = word.split_at(digits_end);
    let marker = meridiem(rest)?;
    Some((clock_colons(clock)?, Some(marker)))
}

/// "09.30" → "09:30"; anything that is not h:mm / h.mm is left alone.
fn clock_colons(clock: &str) -> Option<String> {
    let (hours, minutes) = clock.split_once([':', '.'])?;
    let valid = (1..=2).contains(&hours.len())
        && minutes.len() >= 2
        && hours
            .bytes()
            .chain(minutes.bytes())
            .all(|b| b.is_ascii_digit() || b == b':');
    valid.then(|| format!("{hours}:{minutes}"))
}

/// "4th" → "4", "21st" → "21"; "09.30" → "09:30".
fn strip_ordinal(word: &str) -> std::borrow::Cow<'_, str> {
    if let Some(clock) =
        clock_colons(word).filter(|_| word.matches('.').count() == 1 && !word.contains(':'))
    {
        return clock.into();
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(number) = word.strip_suffix(suffix)
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
        {
            return number.into();
        }
    }
    word.into()
}

#[cfg(test)]
mod tests {
    use super::to_rfc3339;

    fn check(input: &str, expected: &str) {
        assert_eq!(to_rfc3339(input).as_deref(), Some(expected), "{input}");
    }

    #[test]
    fn news_site_forms() {
        check("Mar 04, 2022, 07:40 PM EET", "2022-03-04T19:40:00+02:00");
        check("Aug 21, 2022, 10:53 AM IST", "2022-08-21T10:53:00+05:30");
        check("14 March 2023 09:30 CET", "2023-03-14T09:30:00+01:00");
        check("Tue 14 Mar 2023 09.30 GMT", "2023-03-14T09:30:00+00:00");
        check(
            "March 4, 2022 at 7:40 p.m. EST",
            "2022-03-04T19:40:00-05:00",
        );
        check(
            "Saturday, March 4th, 2022 7:40pm (GMT+5:30)",
            "2022-03-04T19:40:00+05:30",
        );
        check("07:40 PM IST, Mar 04 2022", "2022-03-04T19:40:00+05:30");
        check("Sept 9, 2021", "2021-09-09T00:00:00+00:00");
        check("13 June 2024 08:15 SLST", "2024-06-13T08:15:00+05:30");
    }

    #[test]
    fn an_unknown_zone_abbreviation_is_read_as_no_zone() {
        check("13 June 2024 08:15 ChST", "2024-06-13T08:15:00+00:00");
        check("OCT 04, 2022 07:40 PM WGST", "2022-10-04T19:40:00+00:00");
    }

    #[test]
    fn numeric_dates_are_day_first_unless_impossible() {
        check("04/03/2022", "2022-03-04T00:00:00+00:00");
        check("03/14/2023 10:00", "2023-03-14T10:00:00+00:00");
        check("14.03.2023 09:30 CET", "2023-03-14T09:30:00+01:00");
    }

    #[test]
    fn machine_forms() {
        check("2023-03-14T09:30:00+01:00", "2023-03-14T09:30:00+01:00");
        check("2023-03-14T08:30:00.000Z", "2023-03-14T08:30:00+00:00");
        check("2023-03-14 09:30:00+0100", "2023-03-14T09:30:00+01:00");
        check("2023-03-14", "2023-03-14T00:00:00+00:00");
        check("2024-03-01 09:00 CET", "2024-03-01T09:00:00+01:00");
        check(
            "Tue, 14 Mar 2023 09:30:00 +0100",
            "2023-03-14T09:30:00+01:00",
        );
    }

    #[test]
    fn rejects_non_times() {
        assert_eq!(to_rfc3339("yesterday afternoon"), None);
        assert_eq!(to_rfc3339("Feb 30, 2022"), None);
        assert_eq!(to_rfc3339(""), None);
    }
}
