//! Compound temporal expressions kept whole, so that each part takes its value from the
//! other. Publication: Tuesday 2023-03-14 09:30 +01:00.

use sitrep::analyze::dates::{find_dates, publication_time};
use sitrep::text::Body;
use sitrep::text::words::words;

const PUBLISHED: &str = "2023-03-14T09:30:00+01:00";

/// (text, value) of every expression found.
fn found(text: &str) -> Vec<(String, Option<String>)> {
    let published = publication_time(PUBLISHED).expect("valid publication time");
    let body = Body::new(text);
    find_dates(&body, &body.sentences(), &words(text), Some(&published))
        .into_iter()
        .map(|d| (d.text, d.value))
        .collect()
}

fn one(text: &str, span: &str, value: &str) {
    assert_eq!(
        found(text),
        vec![(span.to_string(), Some(value.to_string()))],
        "in {text:?}"
    );
}

#[test]
fn a_quarter_owned_by_its_year_is_that_year_s() {
    one(
        "Last year's fourth quarter was weak.",
        "Last year's fourth quarter",
        "2022-Q4",
    );
    one(
        "Net sales for this year's first quarter fell 3%.",
        "this year's first quarter",
        "2023-Q1",
    );
    one(
        "The merger may close as early as next year's second half.",
        "next year's second half",
        "2024-H2",
    );
    // A year owning anything else stays a year.
    one("Last year's profit was a record.", "Last year", "2022");
}

#[test]
fn early_and_late_seasons_are_the_season() {
    one(
        "Orders recovered from the low levels of the early summer.",
        "the early summer",
        "2022-SU",
    );
    one("Orders fell in early summer.", "early summer", "2022-SU");
    // The drop, not autumn.
    assert_eq!(found("The fall in prices was sharp."), vec![]);
}

#[test]
fn the_next_morning_is_the_day_after_the_one_named() {
    assert_eq!(
        found("The suspect was arrested on March 2. He appeared in court the next morning."),
        vec![
            ("March 2".to_string(), Some("2023-03-02".to_string())),
            (
                "the next morning".to_string(),
                Some("2023-03-03TMO".to_string())
            ),
        ]
    );
}

#[test]
fn the_previous_or_following_weekday_counts_from_the_day_last_named() {
    assert_eq!(
        found("Talks broke down on Friday, March 10. They resumed the following Monday."),
        vec![
            (
                "Friday, March 10".to_string(),
                Some("2023-03-10".to_string())
            ),
            (
                "the following Monday".to_string(),
                Some("2023-03-13".to_string())
            ),
        ]
    );
    // Without a day named before, from publication (Tuesday 2023-03-14).
    one(
        "Shares closed 4% below the previous Friday.",
        "the previous Friday",
        "2023-03-10",
    );
}

#[test]
fn a_clock_time_before_a_calendar_day_is_that_day_s() {
    one(
        "The tender offer runs until 5 p.m. EST, March 20, the bank said.",
        "5 p.m. EST, March 20",
        "2023-03-20T17:00",
    );
}

#[test]
fn a_list_of_days_shares_its_month() {
    assert_eq!(
        found("Ministers met in Oslo on March 2 and 3."),
        vec![
            ("March 2".to_string(), Some("2023-03-02".to_string())),
            ("3".to_string(), Some("2023-03-03".to_string())),
        ]
    );
    assert_eq!(
        found("Prices fell on March 2 and 3 percent more the next week."),
        vec![
            ("March 2".to_string(), Some("2023-03-02".to_string())),
            ("the next week".to_string(), Some("2023-W10".to_string())),
        ]
    );
}

#[test]
fn a_day_named_by_its_neighbour() {
    one(
        "The day before last Friday's vote, the envoy flew home.",
        "The day before last Friday",
        "2023-03-09",
    );
    one(
        "Shops reopened the day after Christmas.",
        "the day after Christmas",
        "2022-12-26",
    );
}

#[test]
fn a_month_with_its_year_in_words() {
    one(
        "The bombing came in January nineteen ninety-seven.",
        "January nineteen ninety-seven",
        "1997-01",
    );
}

#[test]
fn a_time_of_day_that_ends_the_text_is_read_without_looking_past_it() {
    for text in [
        "Polls close at 8 p.m",
        "Polls close at 8 p.m.",
        "Voting ends at 8 p.m. EST",
        "The vote is at 5 p.m. on",
        "at 9 a.m",
    ] {
        let times = found(text);
        assert!(!times.is_empty(), "a time in {text:?}");
    }
}
