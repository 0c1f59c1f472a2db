//! Corrections in the library: kept through a re-analysis that renumbers quotes and
//! events, counted in the story order, and added to an existing library by a migration
//! that keeps its data.

use sitrep::library::{BriefingRequest, Correction, DATABASE_FILE, Library, NoteFilter};
use sitrep::model::{Analysis, Article, Entity, EntityKind, Event, Mention, Quote, QuoteKind};

const BODY: &str = "\"The quay is safe,\" said Ana Ruiz, the harbour master.\n\n\
                    Repairs end on May 2, officials said.";

fn article(title: &str, published: &str) -> Article {
    Article {
        title: title.to_string(),
        source: Some("Harbour Wire".to_string()),
        published: Some(published.to_string()),
        body: BODY.to_string(),
        ..Article::default()
    }
}

/// An entity called `name` mentioned by the `length` characters of the body at `start`.
fn person(name: &str, start: usize, length: usize) -> Entity {
    Entity {
        name: name.to_string(),
        kind: EntityKind::Person,
        mentions: vec![Mention {
            start,
            end: start + length,
            text: BODY.chars().skip(start).take(length).collect(),
        }],
    }
}

fn quote(text: &str, speaker: Option<&str>) -> Quote {
    Quote {
        text: text.to_string(),
        start: 1,
        end: 1 + text.chars().count(),
        speaker: speaker.map(str::to_string),
        kind: QuoteKind::Direct,
    }
}

fn event(date: &str, summary: &str, entities: &[&str]) -> Event {
    Event {
        date: date.to_string(),
        summary: summary.to_string(),
        entities: entities.iter().map(|e| e.to_string()).collect(),
        start: 0,
        end: 0,
    }
}

/// The first analysis: "Ana Ruis" (a misspelling), a quote without speaker, one event.
/// Stores `stories` as one file's and returns their ids.
fn store_all(library: &mut Library, stories: &[(Article, Analysis)]) -> Vec<i64> {
    library
        .store("/stories.json", stories)
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

fn first_analysis() -> Analysis {
    Analysis {
        entities: vec![person("Ana Ruis", 25, 8)],
        quotes: vec![quote("The quay is safe,", None)],
        events: vec![event("2024-05-02", "Repairs end", &["Ana Ruis"])],
        ..Analysis::default()
    }
}

/// A later analysis of the same story: more found, in another order.
fn second_analysis() -> Analysis {
    Analysis {
        entities: vec![person("Harbour Board", 78, 9), person("Ana Ruis", 25, 8)],
        quotes: vec![
            quote("officials said", Some("Harbour Board")),
            quote("The quay is safe,", None),
        ],
        events: vec![
            event("2024-05", "Repairs go on", &[]),
            event("2024-05-02", "Repairs end", &["Ana Ruis", "Harbour Board"]),
        ],
        ..Analysis::default()
    }
}

#[test]
fn corrections_survive_a_reanalysis() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let store = |library: &mut Library, analysis: Analysis| {
        library
            .store(
                "/quay.txt",
                &[(
                    article("Quay declared safe", "2024-04-30T10:00:00Z"),
                    analysis,
                )],
            )
            .unwrap()[0]
            .0
    };
    let id = store(&mut library, first_analysis());
    for correction in [
        Correction::Rename {
            from: "Ana Ruis".into(),
            to: "Ana Ruiz".into(),
        },
        Correction::Speaker {
            story: id,
            quote: "The quay is safe,".into(),
            speaker: "Ana Ruiz".into(),
        },
        Correction::HideEvent {
            story: id,
            date: "2024-05-02".into(),
            summary: "Repairs end".into(),
        },
        Correction::Source {
            story: id,
            source: "Harbour Wire Weekly".into(),
        },
    ] {
        library.correct(&correction).unwrap();
    }
    let check = |library: &Library| {
        let story = library.story(id).unwrap();
        assert_eq!(story.article.source.as_deref(), Some("Harbour Wire Weekly"));
        let names: Vec<&str> = story
            .analysis
            .entities
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert!(
            names.contains(&"Ana Ruiz") && !names.contains(&"Ana Ruis"),
            "{names:?}"
        );
        let quote = story
            .analysis
            .quotes
            .iter()
            .find(|q| q.text == "The quay is safe,")
            .unwrap();
        assert_eq!(quote.speaker.as_deref(), Some("Ana Ruiz"));
        assert!(
            story
                .analysis
                .events
                .iter()
                .all(|e| e.summary != "Repairs end")
        );
        assert!(library.entity_timeline("Ana Ruiz").unwrap().is_empty());
        assert_eq!(
            library.stories(5).unwrap()[0].source.as_deref(),
            Some("Harbour Wire Weekly")
        );
    };
    check(&library);
    assert_eq!(store(&mut library, second_analysis()), id);
    check(&library);
    let story = library.story(id).unwrap();
    assert_eq!(story.analysis.events.len(), 1, "the new event is kept");
    assert_eq!(
        story.analysis.quotes[0].speaker.as_deref(),
        Some("Harbour Board")
    );

    // Undone, the event is back, on the timeline under the corrected name.
    library.undo_correction(3).unwrap();
    let timeline = library.entity_timeline("ana ruiz").unwrap();
    assert_eq!(timeline.len(), 1);
    assert_eq!(timeline[0].entities, ["Ana Ruiz", "Harbour Board"]);
    assert_eq!(
        timeline[0].sources[0].source.as_deref(),
        Some("Harbour Wire Weekly")
    );
}

#[test]
fn a_corrected_date_moves_a_story_in_the_newest_first_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let stories: Vec<(Article, Analysis)> = [
        ("Oldest", "2020-01-01T00:00:00Z"),
        ("Middle", "2022-01-01T00:00:00Z"),
        ("Newest", "2024-01-01T00:00:00Z"),
    ]
    .into_iter()
    .map(|(title, published)| (article(title, published), Analysis::default()))
    .collect();
    let ids = store_all(&mut library, &stories);
    let titles = |library: &Library, limit: usize| -> Vec<String> {
        library
            .stories(limit)
            .unwrap()
            .into_iter()
            .map(|story| story.title)
            .collect()
    };
    assert_eq!(titles(&library, 1), ["Newest"]);
    library
        .correct(&Correction::Date {
            story: ids[0],
            published: "2025-06-30".into(),
        })
        .unwrap();
    library
        .correct(&Correction::Date {
            story: ids[2],
            published: "2021-01-01T12:00:00+01:00".into(),
        })
        .unwrap();
    assert_eq!(titles(&library, 1), ["Oldest"]);
    assert_eq!(titles(&library, 10), ["Oldest", "Middle", "Newest"]);
    let newest = &library.stories(10).unwrap()[2];
    assert_eq!(
        newest.published.as_deref(),
        Some("2021-01-01T12:00:00+01:00")
    );
    library
        .add_note(ids[0], None, "Check the date #dates")
        .unwrap();
    let briefing = library
        .briefing(&BriefingRequest {
            from: Some("2025-06-30".parse().unwrap()),
            ..BriefingRequest::default()
        })
        .unwrap();
    assert_eq!(
        briefing.stories.len(),
        1,
        "the corrected date counts for --from"
    );
}

#[test]
fn an_existing_library_gains_corrections_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut library = Library::open(dir.path()).unwrap();
        let id = library
            .store(
                "/quay.txt",
                &[(article("Quay", "2024-04-30T10:00:00Z"), first_analysis())],
            )
            .unwrap()[0]
            .0;
        library.add_note(id, None, "Kept #note").unwrap();
        id
    };
    // The library as the build before corrections left it: schema 6. Corrections are the
    // seventh migration; the list index after them may run again harmlessly, and the
    // reader's tables are dropped to be made again.
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.execute_batch(
        "DROP TABLE saved_searches; DROP TABLE story_marks; DROP TABLE corrections;
         PRAGMA user_version = 6;",
    )
    .unwrap();
    drop(conn);

    let mut library = Library::open(dir.path()).unwrap();
    assert_eq!(library.story(id).unwrap().article.title, "Quay");
    assert_eq!(
        library.notes(&NoteFilter::default()).unwrap()[0].text,
        "Kept #note"
    );
    assert!(library.corrections(true).unwrap().is_empty());
    library
        .correct(&Correction::HideEntity {
            story: None,
            entity: "ana ruis".into(),
        })
        .unwrap();
    assert!(library.story(id).unwrap().analysis.entities.is_empty());
    assert_eq!(library.check().unwrap().problems, Vec::<String>::new());
}

#[test]
fn search_filters_find_stories_as_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let analysis = |names: &[&str]| Analysis {
        entities: names.iter().map(|name| person(name, 25, 8)).collect(),
        ..Analysis::default()
    };
    let stories = vec![
        (
            article("Quay reopens", "2020-01-01T00:00:00Z"),
            analysis(&["Ana Ruis"]),
        ),
        (
            article("Board inspects quay", "2022-01-01T00:00:00Z"),
            analysis(&["Ana Ruis", "Harbour Board"]),
        ),
        (
            article("Board meets", "2024-01-01T00:00:00Z"),
            analysis(&["Harbour Board"]),
        ),
    ];
    let ids = store_all(&mut library, &stories);
    let found = |library: &Library, query: &str| -> Vec<String> {
        let mut titles: Vec<String> = library
            .search(query, 10)
            .unwrap()
            .hits
            .into_iter()
            .map(|hit| hit.story.title)
            .collect();
        titles.sort();
        titles
    };
    let both = ["Board inspects quay", "Quay reopens"];
    assert_eq!(found(&library, "entity:Ruis"), both);
    assert!(found(&library, "entity:Ruiz").is_empty());

    let corrections = [
        Correction::Rename {
            from: "Ana Ruis".into(),
            to: "Ana Ruiz".into(),
        },
        Correction::HideEntity {
            story: Some(ids[2]),
            entity: "Harbour Board".into(),
        },
        Correction::Source {
            story: ids[0],
            source: "Port Gazette".into(),
        },
        Correction::Date {
            story: ids[2],
            published: "2019-05-01".into(),
        },
    ];
    for correction in &corrections {
        library.correct(correction).unwrap();
    }
    // The new name finds the entity, the old one no longer does; words of it still do.
    assert_eq!(found(&library, "entity:Ruiz"), both);
    assert_eq!(found(&library, "entity:\"ana ruiz\""), both);
    assert!(found(&library, "entity:Ruis").is_empty());
    assert_eq!(found(&library, "quay entity:Ruiz"), both, "with words too");
    // A hidden entity is not found where it is hidden.
    assert_eq!(found(&library, "entity:board"), ["Board inspects quay"]);
    // The fixed source and date stand in for the stored ones.
    assert_eq!(found(&library, "source:gazette"), ["Quay reopens"]);
    assert_eq!(
        found(&library, "source:\"harbour wire\""),
        ["Board inspects quay", "Board meets"]
    );
    assert!(found(&library, "from:2023-01-01").is_empty());
    assert_eq!(found(&library, "to:2019-12-31"), ["Board meets"]);
    assert_eq!(
        found(&library, "from:2019 to:2021"),
        ["Board meets", "Quay reopens"]
    );
    // In one story, Ana Ruiz is someone else.
    library
        .correct(&Correction::Split {
            story: ids[0],
            entity: "Ana Ruiz".into(),
            into: "Ana Ruiz-Lopez".into(),
        })
        .unwrap();
    assert_eq!(
        found(&library, "entity:\"Ana Ruiz\""),
        ["Board inspects quay"]
    );
    assert_eq!(found(&library, "entity:Ruiz-Lopez"), ["Quay reopens"]);
    // Undone, the stored names find their stories again.
    for stored in library.corrections(false).unwrap() {
        library.undo_correction(stored.id).unwrap();
    }
    assert_eq!(found(&library, "entity:Ruis"), both);
    assert_eq!(
        found(&library, "entity:board"),
        ["Board inspects quay", "Board meets"]
    );
}

#[test]
fn fuzzy_search_finds_entities_and_speakers_by_the_names_corrections_give() {
    use sitrep::library::{Field, Page, Query};
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let id = library
        .store(
            "/one.json",
            &[(
                article("Quay reopens", "2020-01-01T00:00:00Z"),
                first_analysis(),
            )],
        )
        .unwrap()[0]
        .0;
    let fuzzy = |library: &Library, text: &str| -> Vec<(Field, String)> {
        let index = library.fuzzy_index().unwrap();
        let query = Query::parse(text).unwrap();
        let page = Page {
            offset: 0,
            limit: 10,
        };
        library
            .find(&query, Some(&index), page)
            .unwrap()
            .hits
            .into_iter()
            .map(|hit| (hit.field, hit.text))
            .collect()
    };
    assert!(fuzzy(&library, "okafor").is_empty());
    library
        .correct(&Correction::Rename {
            from: "Ana Ruis".into(),
            to: "Ana Okafor".into(),
        })
        .unwrap();
    library
        .correct(&Correction::Speaker {
            story: id,
            quote: "The quay is safe,".into(),
            speaker: "Lino Marsh".into(),
        })
        .unwrap();
    // "an oka" is no word of the text: only fuzzy matching finds it, by the new name.
    assert_eq!(
        fuzzy(&library, "an oka"),
        [(Field::Entity, "Ana Okafor".to_string())]
    );
    // The whole word is found by the full-text index, which has the new name too.
    assert_eq!(
        fuzzy(&library, "okafor"),
        [(Field::Text, "Ana Okafor".to_string())]
    );
    assert_eq!(
        fuzzy(&library, "marsh"),
        [(Field::Speaker, "Lino Marsh".to_string())]
    );
    library
        .correct(&Correction::HideEntity {
            story: None,
            entity: "Ana Okafor".into(),
        })
        .unwrap();
    assert!(fuzzy(&library, "okafor").is_empty(), "hidden everywhere");
    assert!(fuzzy(&library, "an oka").is_empty(), "hidden everywhere");
}

#[test]
fn fuzzy_search_leaves_out_a_story_an_entity_was_hidden_in_or_split_off_from() {
    use sitrep::library::{Page, Query};
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let stories: Vec<(Article, Analysis)> = ["First", "Second", "Third"]
        .into_iter()
        .map(|title| (article(title, "2020-01-01T00:00:00Z"), first_analysis()))
        .collect();
    let ids = store_all(&mut library, &stories);
    // "an ru" matches no word of the text (stemmed or not): only the names find these.
    let found = |library: &Library| -> Vec<(i64, String)> {
        let index = library.fuzzy_index().unwrap();
        let page = Page {
            offset: 0,
            limit: 10,
        };
        let mut hits: Vec<(i64, String)> = library
            .find(&Query::parse("an ru").unwrap(), Some(&index), page)
            .unwrap()
            .hits
            .into_iter()
            .map(|hit| (hit.story.id, hit.text))
            .collect();
        hits.sort_unstable();
        hits
    };
    let ruis = "Ana Ruis".to_string();
    assert_eq!(
        found(&library),
        ids.iter().map(|&id| (id, ruis.clone())).collect::<Vec<_>>()
    );
    library
        .correct(&Correction::HideEntity {
            story: Some(ids[0]),
            entity: "Ana Ruis".into(),
        })
        .unwrap();
    library
        .correct(&Correction::Split {
            story: ids[1],
            entity: "Ana Ruis".into(),
            into: "Ana Ruiz".into(),
        })
        .unwrap();
    assert_eq!(
        found(&library),
        [(ids[1], "Ana Ruiz".to_string()), (ids[2], ruis)],
        "hidden in the first story, split off in the second"
    );
}
