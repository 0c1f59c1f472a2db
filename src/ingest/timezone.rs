//! Time-zone abbreviations used in news datelines, as fixed UTC offsets.
//!
//! Abbreviations are not unique; where one is ambiguous, the reading most common in
//! English-language news wins:
//! - `IST` is India Standard Time (+05:30), not Irish Summer Time (+01:00) or Israel
//!   Standard Time (+02:00); Indian outlets are by far its most frequent users.
//! - `CST` is US Central Standard Time (−06:00), not China Standard Time (+08:00);
//!   Chinese outlets write "Beijing time" or `CST` rarely, US outlets often.
//! - `GST` is Gulf Standard Time (+04:00), not South Georgia Time (−02:00).
//! - `BST` is British Summer Time (+01:00), not Bangladesh Standard Time (+06:00).
//! - `AST` is Arabia Standard Time (+03:00), not Atlantic Standard Time (−04:00).

use jiff::tz::Offset;

/// Abbreviation and its offset from UTC in minutes.
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("WET", 0),
    ("WEST", 60),
    ("BST", 60),
    ("IST", 330),
    ("SLST", 330),
    ("CET", 60),
    ("CEST", 120),
    ("MET", 60),
    ("MEST", 120),
    ("WAT", 60),
    ("EET", 120),
    ("EEST", 180),
    ("CAT", 120),
    ("SAST", 120),
    ("MSK", 180),
    ("EAT", 180),
    ("AST", 180),
    ("TRT", 180),
    ("IDT", 180),
    ("IRST", 210),
    ("GST", 240),
    ("AZT", 240),
    ("AFT", 270),
    ("PKT", 300),
    ("UZT", 300),
    ("MVT", 300),
    ("NPT", 345),
    ("BDT", 360),
    ("MMT", 390),
    ("ICT", 420),
    ("WIB", 420),
    ("WITA", 480),
    ("WIT", 540),
    ("SGT", 480),
    ("MYT", 480),
    ("PHT", 480),
    ("PST", -480),
    ("HKT", 480),
    ("AWST", 480),
    ("JST", 540),
    ("KST", 540),
    ("ACST", 570),
    ("ACDT", 630),
    ("AEST", 600),
    ("AEDT", 660),
    ("NZST", 720),
    ("NZDT", 780),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PDT", -420),
    ("AKST", -540),
    ("AKDT", -480),
    ("HST", -600),
    ("ART", -180),
    ("BRT", -180),
];

/// The fixed offset of a zone abbreviation written in capitals ("CET", "IST").
pub fn offset_of(abbreviation: &str) -> Option<Offset> {
    let minutes = ZONES
        .iter()
        .find(|(name, _)| *name == abbreviation)
        .map(|(_, minutes)| *minutes)?;
    Offset::from_seconds(minutes * 60).ok()
}

#[cfg(test)]
mod tests {
    use super::offset_of;

    #[test]
    fn documented_choices_and_half_hours() {
        assert_eq!(offset_of("IST").unwrap().seconds(), 19_800);
        assert_eq!(offset_of("CST").unwrap().seconds(), -21_600);
        assert_eq!(offset_of("GST").unwrap().seconds(), 14_400);
        assert_eq!(offset_of("NPT").unwrap().seconds(), 20_700);
        assert_eq!(offset_of("EEST").unwrap().seconds(), 10_800);
        assert_eq!(offset_of("SLST").unwrap().seconds(), 19_800);
    }

    #[test]
    fn unknown_or_lowercase_is_none() {
        assert!(offset_of("XYZ").is_none());
        assert!(offset_of("cet").is_none());
    }
}
