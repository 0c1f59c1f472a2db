//! Events: one per dated sentence, with a short summary and the entities it names.
//! Publication is fixed at Tuesday 2023-03-14 09:30 +01:00.

use sitrep::analyze::dates::{find_dates, publication_time};
use sitrep::analyze::events::events;
use sitrep::model::{Entity, EntityKind, Event, Mention};
use sitrep::text::Body;
use sitrep::text::words::words;

fn entity(name: &str, body: &str, alias: &str) -> Entity {
    let byte = body.find(alias).expect("alias in body");
    let start = body[..byte].chars().count();
    Entity {
        name: name.to_string(),
        kind: EntityKind::Country,
        mentions: vec![Mention {
            start,
            end: start + alias.chars().count(),
            text: alias.to_string(),
        }],
    }
}

fn events_of(body: &str, entities: &[Entity]) -> Vec<Event> {
    let published = publication_time("2023-03-14T09:30:00+01:00");
    let text = Body::new(body);
    let sentences = text.sentences();
    let dates = find_dates(&text, &sentences, &words(body), published.as_ref());
    events(&text, &sentences, &dates, entities)
}

#[test]
fn summary_drops_connector_attribution_and_date_phrase() {
    let found = events_of(
        "But the two sides agreed on Monday to reopen the crossing, officials said.",
        &[],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].date, "2023-03-13");
    assert_eq!(
        found[0].summary,
        "The two sides agreed to reopen the crossing"
    );
}

#[test]
fn the_most_specific_date_dates_the_event() {
    let found = events_of(
        "The pact first signed in 2019 was renewed on June 3, 2022, in Doha.",
        &[],
    );
    assert_eq!(found[0].date, "2022-06-03");
}

#[test]
fn durations_alone_make_no_event() {
    assert!(events_of("Relations have been uneasy for two decades.", &[]).is_empty());
}

#[test]
fn quoted_future_statements_are_events() {
    let found = events_of(
        "“We will sign the accord on April 2,” Lena Vos, a spokeswoman, said.",
        &[],
    );
    assert_eq!(found[0].date, "2023-04-02");
    assert_eq!(found[0].summary, "We will sign the accord");
}

#[test]
fn entities_are_those_named_in_the_sentence() {
    let body = "Japan raised tariffs in 2021.\n\nChina and the Philippines will hold talks next week in Manila.";
    let entities = [
        entity("Japan", body, "Japan"),
        entity("China", body, "China"),
        entity("Philippines", body, "Philippines"),
    ];
    let found = events_of(body, &entities);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].entities, vec!["Japan"]);
    assert_eq!(found[1].entities, vec!["China", "Philippines"]);
    assert_eq!(found[1].date, "2023-W12");
    let start = body.find("China").unwrap();
    assert_eq!((found[1].start, found[1].end), (start, body.len()));
}

#[test]
fn long_sentences_are_cut_at_a_clause() {
    let body = "The foreign ministers of the two countries met in Geneva on Monday, after months of \
                quiet contacts through intermediaries in Oman and Qatar, and agreed to set up a joint \
                commission on the disputed water rights.";
    let found = events_of(body, &[]);
    assert!(
        found[0].summary.chars().count() <= 100,
        "{}",
        found[0].summary
    );
    assert!(
        found[0]
            .summary
            .starts_with("The foreign ministers of the two countries met in Geneva")
    );
}

#[test]
fn a_quote_cut_short_loses_its_marks() {
    let found = events_of(
        "On Monday, Lena Vos said “we came with different priorities, and we leave with one.",
        &[],
    );
    assert_eq!(
        found[0].summary,
        "Lena Vos said we came with different priorities, and we leave with one"
    );
}

#[test]
fn a_sentence_running_through_dates_gives_an_event_per_clause() {
    let found = events_of(
        "In 1941 the fort was built, in 1967 it burned down, and in 1987 it was rebuilt.",
        &[],
    );
    let dated: Vec<(&str, &str)> = found
        .iter()
        .map(|e| (e.date.as_str(), e.summary.as_str()))
        .collect();
    assert_eq!(
        dated,
        vec![
            ("1941", "The fort was built"),
            ("1967", "It burned down"),
            ("1987", "It was rebuilt"),
        ]
    );
}

#[test]
fn page_furniture_and_plan_years_make_no_event() {
    assert!(events_of("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024", &[]).is_empty());
    assert!(events_of("Jakarta October 20, 2024 17:25", &[]).is_empty());
    assert!(events_of("The ministry worked on the 2025 budget.", &[]).is_empty());
    assert_eq!(
        events_of("The ministry cut spending in 2025.", &[]).len(),
        1
    );
}

#[test]
fn a_dropped_date_phrase_leaves_no_double_comma() {
    let found = events_of("Then, on Dec. 3, hundreds marched on the palace.", &[]);
    assert_eq!(found[0].summary, "Then, hundreds marched on the palace");
}

#[test]
fn only_a_whole_preposition_is_dropped_with_the_date() {
    let found = events_of(
        "Officials will meet again next month to review progress.",
        &[],
    );
    assert_eq!(found[0].date, "2023-04");
    assert_eq!(
        found[0].summary,
        "Officials will meet again next month to review progress"
    );
    let found = events_of("The envoys met in Lisbon Monday.", &[]);
    assert_eq!(found[0].summary, "The envoys met in Lisbon Monday");
}

#[test]
fn a_no_break_space_after_a_clause_opener_does_not_split_a_character() {
    let found = events_of(
        "The paper ran the claim on 3 March, and\u{a0}the ministry answered on 5 March.",
        &[],
    );
    assert!(!found.is_empty());
}
