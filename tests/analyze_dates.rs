//! Temporal expressions in realistic news sentences, with the publication time fixed at
//! Tuesday 2023-03-14 09:30 +01:00 (ISO week 2023-W11) unless a test says otherwise.

use proptest::prelude::*;
use sitrep::analyze::dates::{find_dates, publication_time};
use sitrep::model::{DateKind, DateMention};
use sitrep::text::Body;
use sitrep::text::words::words;

const PUBLISHED: &str = "2023-03-14T09:30:00+01:00";

fn dates_at(published: Option<&str>, text: &str) -> Vec<DateMention> {
    let published = published.map(|p| publication_time(p).expect("valid publication time"));
    let body = Body::new(text);
    find_dates(&body, &body.sentences(), &words(text), published.as_ref())
}

/// (text, value) of every expression found.
fn found(text: &str) -> Vec<(String, Option<String>)> {
    dates_at(Some(PUBLISHED), text)
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

fn duration(text: &str, span: &str, value: &str) {
    kind_and_value(text, span, DateKind::Duration, value);
}

fn kind_and_value(text: &str, span: &str, kind: DateKind, value: &str) {
    let dates = dates_at(Some(PUBLISHED), text);
    assert_eq!(dates.len(), 1, "in {text:?}: {dates:?}");
    assert_eq!(
        (
            dates[0].text.as_str(),
            dates[0].kind,
            dates[0].value.as_deref()
        ),
        (span, kind, Some(value)),
        "in {text:?}"
    );
}

fn none(text: &str) {
    assert_eq!(found(text), vec![], "in {text:?}");
}

#[test]
fn absolute_dates_in_every_common_order() {
    one(
        "The accord was signed on Dec 29, 2020, in Geneva.",
        "Dec 29, 2020",
        "2020-12-29",
    );
    one(
        "Talks began on December 29, 2020 in Vienna.",
        "December 29, 2020",
        "2020-12-29",
    );
    one(
        "Talks began on 29 December 2020 in Vienna.",
        "29 December 2020",
        "2020-12-29",
    );
    one(
        "The deadline passed on 29 Dec. 2020 without a deal.",
        "29 Dec. 2020",
        "2020-12-29",
    );
    one(
        "The dataset covers trade up to 2020-12-29 only.",
        "2020-12-29",
        "2020-12-29",
    );
    one(
        "Inflation peaked in December 2020, the bank said.",
        "December 2020",
        "2020-12",
    );
}

#[test]
fn weekday_prefixed_date_is_one_span() {
    one(
        "On Tuesday, March 14, 2023, the council voted to extend the mission.",
        "Tuesday, March 14, 2023",
        "2023-03-14",
    );
}

#[test]
fn abbreviated_month_days_follow_the_tense() {
    one(
        "The envoy will arrive in Seoul on Oct. 6.",
        "Oct. 6",
        "2023-10-06",
    );
    one(
        "Fighting broke out on Sept. 6 near the border.",
        "Sept. 6",
        "2022-09-06",
    );
    one(
        "Foreign ministers will meet on 6 October in Jakarta.",
        "6 October",
        "2023-10-06",
    );
}

#[test]
fn month_day_without_year_by_tense() {
    one(
        "Protesters gathered on February 20 outside the embassy.",
        "February 20",
        "2023-02-20",
    );
    one(
        "The summit is due to open on February 20 in Addis Ababa.",
        "February 20",
        "2024-02-20",
    );
    one(
        "Ahead of the June 3 vote, parties are courting rural voters.",
        "June 3",
        "2023-06-03",
    );
    // No tense cue at all: news marks the future, so this is the past occurrence.
    one(
        "Memories of the clash on August 17 still shape the debate.",
        "August 17",
        "2022-08-17",
    );
}

#[test]
fn the_tense_of_the_quote_governs_dates_inside_it() {
    assert_eq!(
        found("“We will publish the report on April 2,” Lena Vos, a spokeswoman, said on Monday."),
        vec![
            ("April 2".to_string(), Some("2023-04-02".to_string())),
            ("Monday".to_string(), Some("2023-03-13".to_string())),
        ]
    );
}

#[test]
fn narration_tense_wins_over_an_attribution_tail() {
    one(
        "A second round of talks will take place in December, diplomats said.",
        "December",
        "2023-12",
    );
}

#[test]
fn months_without_year_by_tense_and_modifier() {
    one(
        "Parliamentary elections were held in September.",
        "September",
        "2022-09",
    );
    one(
        "The central bank will review its rates in June.",
        "June",
        "2023-06",
    );
    one(
        "Exports collapsed last March after the floods.",
        "last March",
        "2022-03",
    );
    one(
        "Negotiators hope to finish the text by next June.",
        "next June",
        "2023-06",
    );
    one(
        "The new law took effect in September 2021.",
        "September 2021",
        "2021-09",
    );
    one(
        "Troops withdrew from the ridge in mid-December.",
        "mid-December",
        "2022-12",
    );
}

#[test]
fn a_modal_may_is_not_a_month() {
    none("The agreement may collapse if the ceasefire fails.");
}

#[test]
fn relative_months() {
    one(
        "The ministry changed its guidance this month.",
        "this month",
        "2023-03",
    );
    one("Exports fell sharply last month.", "last month", "2023-02");
    one(
        "The cabinet will decide next month.",
        "next month",
        "2023-04",
    );
    one(
        "Earlier this month, the ministry said it would act.",
        "Earlier this month",
        "2023-03",
    );
}

#[test]
fn quarters() {
    one(
        "Growth is expected to pick up in the second quarter of this year.",
        "the second quarter of this year",
        "2023-Q2",
    );
    one(
        "Output will recover in the third quarter, the bank forecast.",
        "the third quarter",
        "2023-Q3",
    );
    one(
        "Shipments slowed sharply in Q3 as demand weakened.",
        "Q3",
        "2022-Q3",
    );
    one("Earnings rose in Q1 2021.", "Q1 2021", "2021-Q1");
    one(
        "The economy shrank in the fourth quarter of 2022.",
        "the fourth quarter of 2022",
        "2022-Q4",
    );
}

#[test]
fn halves_are_timeml_half_years() {
    one(
        "Arms sales doubled in the first half of 2021.",
        "the first half of 2021",
        "2021-H1",
    );
    one("Revenue fell in H1 2021.", "H1 2021", "2021-H1");
    one(
        "A new round is planned for the second half of next year.",
        "the second half of next year",
        "2024-H2",
    );
    // "the last half" is the second; "the first two quarters" the first half.
    one(
        "Output is expected to recover in the last half of 2021.",
        "the last half of 2021",
        "2021-H2",
    );
    one(
        "The slump should last through the first two quarters of 2022.",
        "the first two quarters of 2022",
        "2022-H1",
    );
}

#[test]
fn years_absolute_and_relative() {
    one("Relations have been strained since 2014.", "2014", "2014");
    one(
        "The border was redrawn in 2019 after a referendum.",
        "2019",
        "2019",
    );
    one(
        "Critics attacked 2021's budget as reckless.",
        "2021",
        "2021",
    );
    one(
        "The country aims to be carbon neutral by 2030.",
        "2030",
        "2030",
    );
    one("Trade grew by a third last year.", "last year", "2022");
    one(
        "The treaty will be ratified next year.",
        "next year",
        "2024",
    );
    one(
        "Earlier this year, the two sides agreed to talk.",
        "Earlier this year",
        "2023",
    );
    one(
        "The facility was bombed two years ago.",
        "two years ago",
        "2021",
    );
    one("A year ago, few expected a thaw.", "A year ago", "2022");
    one(
        "Prices started rising late last year.",
        "late last year",
        "2022",
    );
    one(
        "The mission will end by the end of the year.",
        "the end of the year",
        "2023",
    );
}

#[test]
fn numbers_that_are_not_years() {
    none("More than 2,000 troops and 1,500 vehicles crossed the river.");
    none("The fund raised $2020m from investors.");
    none("Resolution 2231 remains in force.");
    none("The curfew starts at 20:30 local time.");
    none("Inflation reached 2021 per cent, a central bank table showed.");
}

#[test]
fn weekdays_by_tense() {
    one(
        "Foreign ministers met on Monday in Brussels.",
        "Monday",
        "2023-03-13",
    );
    one(
        "Foreign ministers will meet on Monday in Brussels.",
        "Monday",
        "2023-03-20",
    );
    one(
        "Thursday's talks collapsed without agreement.",
        "Thursday",
        "2023-03-09",
    );
    one("The vote is scheduled for Friday.", "Friday", "2023-03-17");
    one(
        "The convoy came under fire on Sunday night.",
        "Sunday night",
        "2023-03-12TNI",
    );
    one("The envoy left last Tuesday.", "last Tuesday", "2023-03-07");
}

#[test]
fn days_and_weeks_relative_to_publication() {
    one(
        "The minister resigned yesterday.",
        "yesterday",
        "2023-03-13",
    );
    one("The minister resigns today.", "today", "2023-03-14");
    one(
        "Parliament votes tomorrow on the budget.",
        "tomorrow",
        "2023-03-15",
    );
    one(
        "Two drones were shot down last night.",
        "last night",
        "2023-03-13TNI",
    );
    one("Diplomats met in Doha last week.", "last week", "2023-W10");
    one(
        "Talks continue this week in Geneva.",
        "this week",
        "2023-W11",
    );
    one("Inspectors will return next week.", "next week", "2023-W12");
    one(
        "The strike began three days ago.",
        "three days ago",
        "2023-03-11",
    );
    one("The ferry sank two weeks ago.", "two weeks ago", "2023-W09");
    one("The court will rule in two weeks.", "two weeks", "2023-W13");
    one(
        "Elections will be held later this year.",
        "later this year",
        "2023",
    );
}

#[test]
fn durations_have_timex_values() {
    duration(
        "The deal ends five years of negotiations.",
        "five years",
        "P5Y",
    );
    duration(
        "The plant has been closed for more than 18 months.",
        "more than 18 months",
        "P18M",
    );
    duration(
        "Both sides agreed to a two-week ceasefire.",
        "two-week",
        "P2W",
    );
    duration(
        "The border stayed shut for three days.",
        "three days",
        "P3D",
    );
    duration(
        "The decades-long dispute flared again.",
        "decades-long",
        "PXY",
    );
    duration("Unions called a week-long strike.", "week-long", "P1W");
    duration(
        "Lawyers ended a day-long meeting with officials.",
        "day-long",
        "P1D",
    );
    duration(
        "The feud has lasted for more than a generation.",
        "more than a generation",
        "PXY",
    );
    none("The firm bets on the next generation of chips.");
    duration(
        "Prices may swing in the weeks ahead.",
        "the weeks ahead",
        "PXW",
    );
    duration(
        "Output has halved over the past decade.",
        "the past decade",
        "P10Y",
    );
    duration(
        "It was the worst clash in almost three years.",
        "almost three years",
        "P3Y",
    );
    duration("The talks lasted six hours.", "six hours", "PT6H");
    duration(
        "Shares fell in the last two quarters.",
        "the last two quarters",
        "P6M",
    );
}

#[test]
fn rates_and_ages_are_not_durations() {
    none("The pipeline earns $5 billion a year.");
    none("A 45-year-old man was arrested.");
}

#[test]
fn without_publication_relative_values_are_null() {
    let dates = dates_at(
        None,
        "Talks resumed yesterday, two years after they stalled in March 2021.",
    );
    let values: Vec<_> = dates
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        values,
        vec![
            ("yesterday", None),
            ("two years", Some("P2Y")),
            ("March 2021", Some("2021-03"))
        ]
    );
}

#[test]
fn the_time_between_two_events_is_a_duration() {
    duration(
        "The ceasefire collapsed two days after the talks ended.",
        "two days",
        "P2D",
    );
    duration(
        "A month before the vote, the party split.",
        "A month",
        "P1M",
    );
    duration(
        "The envoy was freed one year after his arrest.",
        "one year",
        "P1Y",
    );
    duration(
        "The lease runs for an additional year.",
        "an additional year",
        "P1Y",
    );
    duration(
        "The boy will stay for two more weeks.",
        "two more weeks",
        "P2W",
    );
    duration("The crew survived two days on a raft.", "two days", "P2D");
    duration(
        "The siege lasted twenty-four days.",
        "twenty-four days",
        "P24D",
    );
    duration(
        "Shares fell in the last thirty six hours.",
        "the last thirty six hours",
        "PT36H",
    );
    duration(
        "The strike began nearly three weeks after the layoffs.",
        "nearly three weeks",
        "P3W",
    );
}

#[test]
fn relative_dates_resolve_in_the_source_offset() {
    // 23:30 in New York is already the 15th in UTC; "yesterday" is still the 13th there.
    let dates = dates_at(
        Some("2023-03-14T23:30:00-05:00"),
        "The mayor spoke yesterday.",
    );
    assert_eq!(dates[0].value.as_deref(), Some("2023-03-13"));
}

#[test]
fn iso_weeks_cross_the_year_boundary() {
    // Sunday 2021-01-03 belongs to ISO week 2020-W53.
    let dates = dates_at(
        Some("2021-01-03T12:00:00+00:00"),
        "Shelling intensified last week.",
    );
    assert_eq!(dates[0].value.as_deref(), Some("2020-W52"));
}

#[test]
fn offsets_count_characters() {
    let text = "Zoë Ngata’s team met on Monday.";
    let dates = dates_at(Some(PUBLISHED), text);
    let chars: Vec<char> = text.chars().collect();
    let d = &dates[0];
    assert_eq!(chars[d.start..d.end].iter().collect::<String>(), "Monday");
}

#[test]
fn malformed_publication_time_is_none() {
    assert!(publication_time("14/03/2023").is_none());
    assert!(publication_time("2023-03-14T09:30:00").is_none());
}

proptest! {
    #[test]
    fn never_panics_and_offsets_stay_on_characters(text in "\\PC{0,200}", words in prop::collection::vec(
        prop::sample::select(vec!["on", "Monday", "March", "3", "2021", ",", "last", "week", "the", "third",
            "quarter", "of", "in", "two", "years", "ago", "-", "mid", "Q3", "“", "will", "said", "."]), 0..30)) {
        let text = format!("{text} {}", words.join(" "));
        let char_count = text.chars().count();
        for date in dates_at(Some(PUBLISHED), &text) {
            prop_assert!(date.start < date.end && date.end <= char_count);
            let slice: String = text.chars().skip(date.start).take(date.end - date.start).collect();
            prop_assert_eq!(slice, date.text);
        }
    }
}

#[test]
fn due_looks_ahead_unless_it_gives_a_cause() {
    one(
        "The election is due on or before 30 June.",
        "30 June",
        "2023-06-30",
    );
    one(
        "Flights were cancelled due to the storm on Sunday.",
        "Sunday",
        "2023-03-12",
    );
}

#[test]
fn spans_exclude_the_preposition_but_keep_modifiers() {
    one(
        "The mission's mandate expires at the end of March.",
        "the end of March",
        "2023-03",
    );
    one(
        "The ceasefire, brokered by Qatar in late November, collapsed.",
        "late November",
        "2022-11",
    );
    one(
        "Russia launched its full-scale invasion of Ukraine in February 2022.",
        "February 2022",
        "2022-02",
    );
}

#[test]
fn a_weekday_before_a_date_picks_its_year() {
    // No tense cue, but only 2023-03-26 falls on a Sunday.
    one(
        "Voting ends on Sunday, March 26.",
        "Sunday, March 26",
        "2023-03-26",
    );
    kind_and_value(
        "Voting ends at 8 p.m. on Sunday, March 26.",
        "8 p.m. on Sunday, March 26",
        DateKind::Time,
        "2023-03-26T20:00",
    );
}

#[test]
fn references_to_the_present_past_and_future() {
    one("Talks are now stalled.", "now", "PRESENT_REF");
    one(
        "The envoy currently lives in Doha.",
        "currently",
        "PRESENT_REF",
    );
    one(
        "The rebels recently seized the port.",
        "recently",
        "PAST_REF",
    );
    one("In the past, such talks failed.", "the past", "PAST_REF");
    one(
        "Nobody was hurt, officials said at the time.",
        "the time",
        "PAST_REF",
    );
    // The time of another event, named after it.
    none("At the time Karlsson was detained, the group was split.");
    none("At the time he joined the party, he was a teacher.");
    // Inside a sentence the clause after "at the time" may be another verb's.
    one(
        "He spoke to reporters, saying at the time he was willing to talk.",
        "the time",
        "PAST_REF",
    );
    one(
        "Prices will rise in the near future.",
        "the near future",
        "FUTURE_REF",
    );
    none("The future president spoke briefly.");
    // "today's" and "of tomorrow" naming an age, not a day.
    none("Such a law has no place in today's world.");
    none("Many of today's personal computers run on the chip.");
    none("He wants to train the leaders of tomorrow.");
    one(
        "Ministers met before today's meeting of world leaders.",
        "today",
        "2023-03-14",
    );
    one("The border stays closed for now.", "now", "PRESENT_REF");
    // A sentence opening "Now," turns the argument.
    none("Now, the minister says, the plan has failed.");
    one("Now the plan has failed.", "Now", "PRESENT_REF");
}

#[test]
fn anchored_expressions_count_from_the_time_last_named() {
    assert_eq!(
        found("Profit fell in the third quarter of 2022, from $4m a year earlier."),
        vec![
            (
                "the third quarter of 2022".to_string(),
                Some("2022-Q3".to_string())
            ),
            ("a year earlier".to_string(), Some("2021-Q3".to_string())),
        ]
    );
    assert_eq!(
        found("The rebels took the town on March 3, 2021. The next day, they left."),
        vec![
            ("March 3, 2021".to_string(), Some("2021-03-03".to_string())),
            ("The next day".to_string(), Some("2021-03-04".to_string())),
        ]
    );
    assert_eq!(
        found("The war began in 1991. Later that year, the city fell."),
        vec![
            ("1991".to_string(), Some("1991".to_string())),
            ("Later that year".to_string(), Some("1991".to_string())),
        ]
    );
    // In results reporting, "a year ago" and "the quarter" are quarters.
    assert_eq!(
        found("Net income rose in the fourth quarter from a year ago. The quarter was strong."),
        vec![
            (
                "the fourth quarter".to_string(),
                Some("2022-Q4".to_string())
            ),
            ("a year ago".to_string(), Some("2021-Q4".to_string())),
            ("The quarter".to_string(), Some("2022-Q4".to_string())),
        ]
    );
    one(
        "The latest quarter was weak.",
        "The latest quarter",
        "2022-Q4",
    );
    one("Two years ago, the talks failed.", "Two years ago", "2021");
}

#[test]
fn times_of_day_and_recurring_times() {
    kind_and_value(
        "The vote opens at 9 a.m. Tuesday.",
        "9 a.m. Tuesday",
        DateKind::Time,
        "2023-03-14T09:00",
    );
    kind_and_value(
        "Shelling resumed on Monday night.",
        "Monday night",
        DateKind::Time,
        "2023-03-13TNI",
    );
    kind_and_value(
        "He spoke this morning.",
        "this morning",
        DateKind::Time,
        "2023-03-14TMO",
    );
    kind_and_value(
        "By mid afternoon, the shelling had stopped.",
        "mid afternoon",
        DateKind::Time,
        "2023-03-14TAF",
    );
    kind_and_value(
        "Shares were up 2% at mid-afternoon yesterday.",
        "mid-afternoon yesterday",
        DateKind::Time,
        "2023-03-13TAF",
    );
    kind_and_value(
        "The council meets every Monday.",
        "every Monday",
        DateKind::Set,
        "XXXX-WXX-1",
    );
    kind_and_value(
        "Trains run every two hours.",
        "every two hours",
        DateKind::Set,
        "PT2H",
    );
    kind_and_value(
        "The agency publishes figures weekly.",
        "weekly",
        DateKind::Set,
        "P1W",
    );
    kind_and_value(
        "Inspectors visit twice a year.",
        "twice a year",
        DateKind::Set,
        "P1Y",
    );
    none("He reads the Daily Telegraph.");
    // A newspaper named after "daily" or "weekly".
    none("The party daily Granma praised the plan.");
    none("The news weekly Tempo published the letter.");
    kind_and_value(
        "The brass bands parade each July.",
        "each July",
        DateKind::Set,
        "XXXX-07",
    );
    assert!(
        dates_at(Some(PUBLISHED), "Crowds gather every May Day.")
            .iter()
            .all(|d| d.kind != DateKind::Set)
    );
}

#[test]
fn seasons_decades_centuries_and_years_in_words() {
    one("The offensive began last summer.", "last summer", "2022-SU");
    one(
        "Troops will withdraw next spring.",
        "next spring",
        "2024-SP",
    );
    one(
        "Prices rose in the winter of 2021.",
        "the winter of 2021",
        "2021-WI",
    );
    none("The fall of Kabul shocked the world.");
    one("The dispute dates from the 1990s.", "1990s", "199");
    one("The mill closed in the late '70s.", "'70s", "197");
    none("A man in his 80s was hurt.");
    // Autumn when "last" names it, even before "in"; the drop after "the last".
    one(
        "The fire broke out last fall in the old town.",
        "last fall",
        "2022-FA",
    );
    none("It was the last fall in prices before the war.");
    one(
        "The border was drawn in the 19th century.",
        "the 19th century",
        "18",
    );
    one(
        "The treaty of nineteen ninety-six still holds.",
        "nineteen ninety-six",
        "1996",
    );
    one(
        "Talks resumed over the weekend.",
        "the weekend",
        "2023-W10-WE",
    );
    one(
        "Nothing changed in the year two thousand.",
        "the year two thousand",
        "2000",
    );
    none("Some two thousand troops left.");
}

#[test]
fn holidays() {
    one("Talks resumed after Christmas.", "Christmas", "2022-12-25");
    one(
        "Markets will close on New Year's Eve.",
        "New Year's Eve",
        "2023-12-31",
    );
    one(
        "The strike began on Thanksgiving Day.",
        "Thanksgiving Day",
        "2022-11-24",
    );
    none("The Labor Party won.");
    none("Ships reached Christmas Island.");
    // Movable feasts and US Election Day (the Tuesday after the first Monday of November).
    one(
        "Pilgrims gathered on Good Friday.",
        "Good Friday",
        "2022-04-15",
    );
    one(
        "The shops will open on Easter Monday.",
        "Easter Monday",
        "2023-04-10",
    );
    one(
        "Crowds marched as Easter week began.",
        "Easter week",
        "2022-W15",
    );
    one(
        "Turnout was low on Election Day.",
        "Election Day",
        "2022-11-08",
    );
    none("The Good Samaritan law passed.");
}

#[test]
fn years_before_1900_after_a_preposition() {
    one(
        "The island won independence from Spain in 1898.",
        "1898",
        "1898",
    );
    none("The firm cut jobs in 1500 stores.");
}

#[test]
fn compound_expressions_stay_whole() {
    one(
        "The Times said in an editorial on Monday, March 13:",
        "Monday, March 13",
        "2023-03-13",
    );
    one(
        "Exports fell in January this year.",
        "January this year",
        "2023-01",
    );
    one(
        "The hearing is set for the week of March 20.",
        "the week of March 20",
        "2023-W12",
    );
}

#[test]
fn a_year_inside_a_quotation_is_a_year() {
    one("“In 2019 we lost everything,” he said.", "2019", "2019");
    none("The council passed Resolution 2231.");
}

#[test]
fn a_month_day_in_a_payment_notice_looks_ahead() {
    one(
        "The dividend is payable April 15.",
        "April 15",
        "2023-04-15",
    );
}

#[test]
fn one_day_without_a_cue_is_not_a_duration() {
    none("One day, the talks will succeed.");
    duration("The strike lasted for one day.", "one day", "P1D");
}

#[test]
fn arrangements_and_intentions_look_ahead() {
    one(
        "The ministers are meeting in Brussels on Thursday.",
        "Thursday",
        "2023-03-16",
    );
    one(
        "Officials hope to finalise the text before the summit in June.",
        "June",
        "2023-06",
    );
}

#[test]
fn a_date_qualifying_a_noun_is_the_nearest_one_a_weekday_the_last() {
    // A past verb elsewhere would send both a year or a week back.
    one(
        "Officials gave no reason for the March 20 deadline.",
        "March 20",
        "2023-03-20",
    );
    one(
        "The opposition said it would challenge Monday's ruling in court.",
        "Monday",
        "2023-03-13",
    );
    // A weekday qualifying a noun is the last one, even when the next is nearer.
    one(
        "The bonds carry a premium over Thursday's closing price.",
        "Thursday",
        "2023-03-09",
    );
    // The noun's own verb still says when.
    one(
        "Friday's vote went ahead without the opposition.",
        "Friday",
        "2023-03-10",
    );
    // News tells of the past: a date ahead must be much nearer than the one behind.
    one(
        "Ana Mendes took office after winning the July 2 election.",
        "July 2",
        "2022-07-02",
    );
}

#[test]
fn deferrals_deadlines_and_effective_dates_look_ahead() {
    one(
        "The ministry extended the consultation to March 31.",
        "March 31",
        "2023-03-31",
    );
    one(
        "The vote was postponed until April 4, officials said.",
        "April 4",
        "2023-04-04",
    );
    one(
        "Officials said the curfew remains in force until April 2.",
        "April 2",
        "2023-04-02",
    );
    one(
        "The merger was approved, effective April 1.",
        "April 1",
        "2023-04-01",
    );
    // A past verb right before the span still governs it.
    let both = found("The fund bought shares from May 2 to May 9.");
    assert_eq!(
        both,
        vec![
            ("May 2".to_string(), Some("2022-05-02".to_string())),
            ("May 9".to_string(), Some("2022-05-09".to_string())),
        ]
    );
}

#[test]
fn plural_verbs_of_an_appointment_look_ahead() {
    one(
        "The two leaders meet Monday in Geneva.",
        "Monday",
        "2023-03-20",
    );
}

#[test]
fn results_quarters_and_their_year_ago_comparisons() {
    // Results are reported after the quarter: in March, the fourth quarter just ended.
    one(
        "The company is expected to report fourth-quarter results.",
        "fourth-quarter",
        "2022-Q4",
    );
    one(
        "The bank posted a third-quarter loss.",
        "third-quarter",
        "2022-Q3",
    );
    assert_eq!(
        found(
            "Profit rose in the fourth quarter, which ended on December 31. \
             Sales were flat from a year earlier."
        )
        .last(),
        Some(&("a year earlier".to_string(), Some("2021-Q4".to_string())))
    );
    // The quarter reported is the latest closed one the story names: not an earlier one
    // named on the way, nor the one under way that a forecast names.
    assert_eq!(
        found(
            "Profit rose in the fourth quarter. After a weak third quarter, sales recovered, \
             and analysts see gains in the first quarter. Sales were flat from a year ago."
        )
        .last(),
        Some(&("a year ago".to_string(), Some("2021-Q4".to_string())))
    );
}

#[test]
fn results_compare_the_quarter_with_the_same_period_of_another_year() {
    let text = "Net income rose 8% in the fourth quarter from the 2021 period. Revenue beat \
                last year's quarter, and costs were lower than in the corresponding period \
                last year. In the quarter a year ago, the mill was closed; the comparable \
                2020 quarter was worse.";
    assert_eq!(
        found(text),
        [
            ("the fourth quarter", "2022-Q4"),
            ("the 2021 period", "2021-Q4"),
            ("last year's quarter", "2021-Q4"),
            ("the corresponding period last year", "2021-Q4"),
            ("the quarter a year ago", "2021-Q4"),
            ("the comparable 2020 quarter", "2020-Q4"),
        ]
        .map(|(span, value)| (span.to_string(), Some(value.to_string())))
    );
    // Once results move on to the nine months, "a year earlier" is the year before.
    assert_eq!(
        found(
            "Profit rose in the fourth quarter. Net for the nine months fell 3% from a year \
             earlier. Fourth-quarter sales fell from a year ago."
        ),
        [
            ("the fourth quarter", "2022-Q4"),
            ("nine months", "P9M"),
            ("a year earlier", "2021"),
            ("Fourth-quarter", "2022-Q4"),
            ("a year ago", "2021-Q4"),
        ]
        .map(|(span, value)| (span.to_string(), Some(value.to_string())))
    );
    // With no quarter reported, the year-ago quarter is the one before the last ended.
    one(
        "Sales fell from the year-earlier quarter.",
        "the year-earlier quarter",
        "2021-Q4",
    );
    // Not a reporting period: a fraction, a sports round.
    assert!(
        found("A quarter of the 2021 harvest was lost.")
            .iter()
            .all(|(s, _)| s == "2021")
    );
}

#[test]
fn recent_years_are_a_stretch_of_no_given_length() {
    duration("Attacks have grown in recent years.", "recent years", "PXY");
    duration("Prices rose in past decades.", "past decades", "PXY");
    duration("Rates may fall in coming months.", "coming months", "PXM");
    duration(
        "Demand will grow in the coming years.",
        "the coming years",
        "PXY",
    );
}

#[test]
fn the_period_under_way_is_named_without_a_date() {
    one(
        "The refiner expects lower margins in the current quarter.",
        "the current quarter",
        "2023-Q1",
    );
    one(
        "Exports should recover in the current fiscal year.",
        "the current fiscal year",
        "2023",
    );
    one("The index hit a low for the year.", "the year", "2023");
    one(
        "The shares touched a high for the year of $18.50 in early trading.",
        "the year",
        "2023",
    );
    let reported = dates_at(
        Some(PUBLISHED),
        "The utility lost $40 million in the year ended June 30.",
    );
    assert_eq!(
        (reported[0].text.as_str(), reported[0].kind),
        ("the year", DateKind::Duration)
    );
    assert_eq!(reported[0].value.as_deref(), Some("P1Y"));
    none("The storm struck in the year of the flood.");
    none("He left school in the year the war ended.");
    one("The merger should close by year-end.", "year-end", "2023");
    one(
        "New capital rules must be in place by year's end.",
        "year's end",
        "2023",
    );
}

#[test]
fn current_before_a_noun_is_the_present() {
    one(
        "The minister blamed current market conditions.",
        "current",
        "PRESENT_REF",
    );
    one(
        "Holders may buy shares at the then current price.",
        "then current",
        "PAST_REF",
    );
    none("The current account deficit widened.");
}

#[test]
fn a_quarterly_report_is_no_recurring_time() {
    none("The board raised its quarterly dividend to 12 cents.");
    kind_and_value(
        "The coupon is paid quarterly.",
        "quarterly",
        DateKind::Set,
        "P3M",
    );
    // A rate: an amount and how often it comes.
    none("Exports should rise 8.5% annually.");
    none("The plant will make about 10,000 units annually.");
    none("Average daily volume was 133 million shares.");
    kind_and_value(
        "The summit meets annually in Geneva.",
        "annually",
        DateKind::Set,
        "P1Y",
    );
}

#[test]
fn the_past_perfect_and_since_look_back() {
    one(
        "Until Thursday, the ministry had not named the suspect.",
        "Thursday",
        "2023-03-09",
    );
    one(
        "Thirty states had filed their reports by Wednesday.",
        "Wednesday",
        "2023-03-08",
    );
    one(
        "Police have hunted the gunman since shortly after the April 2 attack.",
        "April 2",
        "2022-04-02",
    );
    // Without the past perfect, an end point is a deadline ahead.
    one(
        "The offer stays open until Thursday.",
        "Thursday",
        "2023-03-16",
    );
}

#[test]
fn intentions_and_may_look_ahead() {
    one(
        "The families were planning to protest outside the court on Monday.",
        "Monday",
        "2023-03-20",
    );
    one(
        "The dispute may be settled at a hearing in April.",
        "April",
        "2023-04",
    );
}

#[test]
fn next_to_a_place_is_no_future() {
    one(
        "Two guards were killed in the blast next to the embassy on Saturday.",
        "Saturday",
        "2023-03-11",
    );
}

#[test]
fn fiscal_periods_relative_to_publication() {
    one(
        "Revenue should recover this fiscal year.",
        "this fiscal year",
        "2023",
    );
    one(
        "The group expects a loss next fiscal quarter.",
        "next fiscal quarter",
        "2023-Q2",
    );
}

#[test]
fn a_day_just_ahead_without_tense_is_the_coming_one() {
    one("The record date is March 20.", "March 20", "2023-03-20");
    // A month ahead, a clause without tense still tells of the past.
    one(
        "The fallout from the clash on April 11 continues.",
        "April 11",
        "2022-04-11",
    );
}

#[test]
fn a_month_qualifying_a_noun_is_a_date() {
    one(
        "Police have new evidence in the February shooting.",
        "February",
        "2023-02",
    );
    one(
        "The job figures for January beat forecasts.",
        "January",
        "2023-01",
    );
    // The nearest such month, on either side of publication.
    one(
        "The bank is for sale under a June agreement with its founders.",
        "June",
        "2023-06",
    );
    one(
        "Police recovered the rifle used in the October attack.",
        "October",
        "2022-10",
    );
}

#[test]
fn later_in_the_period_last_named_and_this_past_season() {
    assert_eq!(
        found("The envoy landed on March 2. Later in the day, she met the president."),
        vec![
            ("March 2".to_string(), Some("2023-03-02".to_string())),
            (
                "Later in the day".to_string(),
                Some("2023-03-02".to_string())
            ),
        ]
    );
    one(
        "The firm closed its supercomputer unit this past spring.",
        "this past spring",
        "2022-SP",
    );
}

#[test]
fn titles_that_hold_time_words_are_no_dates() {
    none("The minister told CBS's \"60 Minutes\" that talks had failed.");
    none("The envoy spoke on the programme This Week With Jane Doe.");
    // Opening a sentence or a quotation, a capital is only the start.
    one("Today the talks resume.", "Today", "2023-03-14");
    one(
        "The spokesman said: \"Tomorrow we vote.\"",
        "Tomorrow",
        "2023-03-15",
    );
}

#[test]
fn midday_is_noon() {
    kind_and_value(
        "The court sat at midday on Monday.",
        "midday on Monday",
        DateKind::Time,
        "2023-03-13T12:00",
    );
}

#[test]
fn a_count_and_a_half() {
    duration(
        "Refugees lived in the camps for 2 1/2 years.",
        "2 1/2 years",
        "P2Y6M",
    );
    duration(
        "The envoy spent five and a half hours in Kabul.",
        "five and a half hours",
        "PT5H30M",
    );
    none("It took 4294967295 1/2 centuries.");
    duration(
        "The trial took a year and a half.",
        "a year and a half",
        "P1Y6M",
    );
}

#[test]
fn a_neighbouring_period_has_its_own_precision() {
    assert_eq!(
        found("The general was promoted on May 22, 2019, and the following year he retired."),
        vec![
            ("May 22, 2019".to_string(), Some("2019-05-22".to_string())),
            ("the following year".to_string(), Some("2020".to_string())),
        ]
    );
    assert_eq!(
        found("The ship sank on June 5, 2019; the day before, it had sent no signal."),
        vec![
            ("June 5, 2019".to_string(), Some("2019-06-05".to_string())),
            ("the day before".to_string(), Some("2019-06-04".to_string())),
        ]
    );
    // A week counted from a day is an ISO week, as "last week" is.
    assert_eq!(
        found(
            "The port reopened on Feb. 9, 2022. The previous week, dockers had struck; \
             the week after, the first ships berthed."
        ),
        vec![
            ("Feb. 9, 2022".to_string(), Some("2022-02-09".to_string())),
            (
                "The previous week".to_string(),
                Some("2022-W05".to_string())
            ),
            ("the week after".to_string(), Some("2022-W07".to_string())),
        ]
    );
    assert_eq!(
        found("The ferry sank on Sunday, 2 May 2021, and divers searched that week."),
        vec![
            (
                "Sunday, 2 May 2021".to_string(),
                Some("2021-05-02".to_string())
            ),
            ("that week".to_string(), Some("2021-W17".to_string())),
        ]
    );
}
