//! Which occurrence of a date without a year is meant, when the tense that would decide it
//! is only loosely tied to the date. Publication: Tuesday 2023-03-14 09:30 +01:00.

use sitrep::analyze::dates::{find_dates, publication_time};
use sitrep::text::Body;
use sitrep::text::words::words;

const PUBLISHED: &str = "2023-03-14T09:30:00+01:00";

/// The value of the expression spelled `span` in `text`.
fn value_of(text: &str, span: &str) -> Option<String> {
    let published = publication_time(PUBLISHED).expect("valid publication time");
    let body = Body::new(text);
    let dates = find_dates(&body, &body.sentences(), &words(text), Some(&published));
    let found = dates.iter().find(|d| d.text == span);
    found
        .unwrap_or_else(|| panic!("{span:?} not found in {text:?}: {dates:?}"))
        .value
        .clone()
}

fn check(text: &str, span: &str, value: &str) {
    assert_eq!(value_of(text, span).as_deref(), Some(value), "in {text:?}");
}

#[test]
fn a_past_verb_across_an_infinitive_leaves_a_near_date_near() {
    // The purchase lies after the agreement: April a month ahead, not eleven months back.
    check(
        "The group agreed to buy the rival mill for $40 million in April.",
        "April",
        "2023-04",
    );
    check(
        "The committee summoned the minister to testify before it on March 21.",
        "March 21",
        "2023-03-21",
    );
}

#[test]
fn a_past_verb_across_commas_leaves_a_near_date_near() {
    check(
        "The president invited the leaders of Chile, Peru and Bolivia to a summit in Lima on April 2.",
        "April 2",
        "2023-04-02",
    );
}

#[test]
fn an_end_point_without_a_verb_is_the_near_one() {
    // "through March 10" four days after it: this year's, not next year's.
    check(
        "The fund has gained 4% this year through March 10, the tracker says.",
        "March 10",
        "2023-03-10",
    );
    // A deadline still ahead stays ahead.
    check(
        "The agency gave the company until March 30 to reply.",
        "March 30",
        "2023-03-30",
    );
}

#[test]
fn a_verb_governing_the_date_keeps_its_direction() {
    // Past verbs right at the date, or in the same phrase, still look back a year.
    check(
        "Exports to Chile fell 5.3 percent on March 20, customs data showed.",
        "March 20",
        "2022-03-20",
    );
    check(
        "Since the clash at the border pass in April, officials have tried to calm tempers.",
        "April",
        "2022-04",
    );
    check(
        "The finance ministry changed its reporting from a fiscal year to a calendar year in April.",
        "April",
        "2022-04",
    );
    // "preferred shares" are stock, not a past verb between "will" and the date.
    check(
        "The bank said it will redeem its Series B preferred shares on March 31.",
        "March 31",
        "2023-03-31",
    );
    // A future cue across an infinitive still looks ahead.
    check(
        "The foreign minister is expected to visit Hanoi in February.",
        "February",
        "2024-02",
    );
}
