//! Library behaviour against a temporary directory, with hand-built stories.

use super::*;
use crate::model::{DateKind, DateMention, Entity, EntityKind, Event, Mention, Quote, QuoteKind};

/// A library in a new temporary directory.
pub(super) fn open_temp() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    (dir, library)
}

/// A story of the Gulf Meridian with `title`, `published` and `body`.
pub(super) fn article(title: &str, published: &str, body: &str) -> Article {
    Article {
        title: title.to_string(),
        source: Some("Gulf Meridian".to_string()),
        published: Some(published.to_string()),
        body: body.to_string(),
        ..Article::default()
    }
}

/// An entity of `kind` mentioned where `name` first occurs in `body`.
pub(super) fn entity(name: &str, kind: EntityKind, body: &str) -> Entity {
    let start = body.find(name).expect("name in body");
    Entity {
        name: name.to_string(),
        kind,
        mentions: vec![Mention {
            start,
            end: start + name.len(),
            text: name.to_string(),
        }],
    }
}

fn store_one(library: &mut Library, origin: &str, article: Article) -> (i64, StoryOutcome) {
    library
        .store(origin, &[(article, Analysis::default())])
        .unwrap()[0]
}

/// The first ten full-text hits of `text`.
fn search(library: &Library, text: &str) -> Vec<Hit> {
    let page = Page {
        offset: 0,
        limit: 10,
    };
    let query = Query::parse(text).unwrap();
    library.find(&query, None, page).unwrap().hits
}

fn story_count(library: &Library) -> i64 {
    library.summary().unwrap().stories
}

/// FTS5's own check that the index matches the content it was built from.
fn assert_index_in_sync(library: &Library) {
    library
        .conn
        .execute(
            "INSERT INTO story_index (story_index, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
}

#[test]
fn migrates_an_empty_file_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    drop(Library::open(dir.path()).unwrap());
    let library = Library::open(dir.path()).unwrap();
    let version: i64 = library
        .conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, schema::current_version());
    assert!(library.is_empty().unwrap());
    let unused_indexes: i64 = library
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema
             WHERE name IN ('events_by_date', 'articles_by_source')",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(unused_indexes, 0, "no import keeps an index no query reads");
}

#[test]
fn refuses_a_newer_schema_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    drop(Library::open(dir.path()).unwrap());
    let path = dir.path().join(DATABASE_FILE);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);

    let error = Library::open(dir.path()).err().unwrap();
    assert!(matches!(error, LibraryError::NewerSchema { found: 99, .. }));
    assert!(error.to_string().contains("newer sitrep"));
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn refuses_garbage_and_foreign_databases() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DATABASE_FILE), vec![b'x'; 4096]).unwrap();
    let error = Library::open(dir.path()).err().unwrap();
    assert!(matches!(error, LibraryError::Corrupt(_)), "{error}");

    let dir = tempfile::tempdir().unwrap();
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.execute_batch("CREATE TABLE accounts (id INTEGER)")
        .unwrap();
    drop(conn);
    let error = Library::open(dir.path()).err().unwrap();
    assert!(matches!(error, LibraryError::Corrupt(_)), "{error}");
}

#[test]
fn a_directory_that_cannot_be_created_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    let error = Library::open(&file.join("library")).err().unwrap();
    assert!(
        error
            .to_string()
            .starts_with("cannot create library directory")
    );
}

#[test]
fn same_url_is_one_story_and_a_change_updates_it_in_place() {
    let (_dir, mut library) = open_temp();
    let mut story = article(
        "Talks resume",
        "2023-03-14T09:30:00+01:00",
        "Talks resumed.",
    );
    story.url = Some("https://example.org/a".to_string());
    let (id, outcome) = store_one(&mut library, "/feeds/a.json", story.clone());
    assert_eq!(outcome, StoryOutcome::Imported);

    let (again, outcome) = store_one(&mut library, "/other/copy.json", story.clone());
    assert_eq!((again, outcome), (id, StoryOutcome::Unchanged));

    story.body = "Talks resumed after a pause.".to_string();
    let (updated, outcome) = store_one(&mut library, "/other/copy.json", story);
    assert_eq!((updated, outcome), (id, StoryOutcome::Updated));
    assert_eq!(story_count(&library), 1);
    assert_eq!(
        library.story(id).unwrap().article.body,
        "Talks resumed after a pause."
    );
}

#[test]
fn same_title_day_and_body_is_one_story() {
    let (_dir, mut library) = open_temp();
    let first = article(
        "EU and ASEAN agree",
        "2023-03-14T09:30:00+01:00",
        "A roadmap.",
    );
    let mut copy = first.clone();
    copy.title = "EU AND ASEAN  agree!".to_string();
    copy.published = Some("2023-03-14T10:00:00+01:00".to_string());
    let (id, _) = store_one(&mut library, "/a.txt", first);
    let (again, _) = store_one(&mut library, "/b.txt", copy);
    assert_eq!(again, id);
    assert_eq!(story_count(&library), 1);

    let next_day = article(
        "EU and ASEAN agree",
        "2023-03-15T09:30:00+01:00",
        "A roadmap.",
    );
    let (other, outcome) = store_one(&mut library, "/c.txt", next_day);
    assert_ne!(other, id);
    assert_eq!(outcome, StoryOutcome::Imported);
}

#[test]
fn an_edited_file_updates_its_story_and_keeps_the_index_in_sync() {
    let (_dir, mut library) = open_temp();
    let before = article(
        "Port talks",
        "2023-05-02T08:00:00Z",
        "The harbour reopened.",
    );
    let (id, _) = store_one(&mut library, "/briefs/port.txt", before);
    assert_eq!(search(&library, "harbour").len(), 1);

    let after = article(
        "Port talks stall",
        "2023-05-02T08:00:00Z",
        "The quay stayed shut.",
    );
    let (same, outcome) = store_one(&mut library, "/briefs/port.txt", after);
    assert_eq!((same, outcome), (id, StoryOutcome::Updated));
    assert!(search(&library, "harbour").is_empty());
    let hits = search(&library, "quay");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].story.id, id);
    assert_eq!(hits[0].story.title, "Port talks stall");
    assert_index_in_sync(&library);
}

#[test]
fn each_real_change_keeps_the_text_it_replaces_as_a_version() {
    let (_dir, mut library) = open_temp();
    let mut story = article(
        "Port talks",
        "2023-05-02T08:00:00Z",
        "The harbour reopened on Tuesday after a week of talks.",
    );
    story.tags = vec!["ports".to_string()];
    let (id, _) = store_one(&mut library, "/briefs/port.txt", story.clone());
    assert_eq!(library.story_versions(id).unwrap(), []);

    // Metadata alone is no new text: no version.
    story.byline = Some("Port Desk".to_string());
    store_one(&mut library, "/briefs/port.txt", story.clone());
    assert_eq!(library.story_versions(id).unwrap(), []);

    let first = story.clone();
    story.body = "The quay stayed shut on Tuesday; talks go on.".to_string();
    store_one(&mut library, "/briefs/port.txt", story.clone());
    let second = story.clone();
    story.title = "Port talks stall".to_string();
    let (_, outcome) = store_one(&mut library, "/briefs/port.txt", story.clone());
    assert_eq!(outcome, StoryOutcome::Updated);

    let versions = library.story_versions(id).unwrap();
    let kept: Vec<(usize, &Article)> = versions
        .iter()
        .map(|version| (version.version, &version.article))
        .collect();
    assert_eq!(kept, [(1, &first), (2, &second)]);
    assert!(versions[0].stored <= versions[0].replaced);
    assert_eq!(versions[0].replaced, versions[1].stored);
    assert_eq!(library.story(id).unwrap().article, story);
    assert!(matches!(
        library.story_versions(99),
        Err(LibraryError::NoSuchStory(99))
    ));
    assert!(library.check().unwrap().is_ok());

    library
        .conn
        .execute(
            "UPDATE article_versions SET tags = 'ports' WHERE id = 2",
            [],
        )
        .unwrap();
    assert_eq!(
        library.check().unwrap().problems,
        [format!(
            "1 story versions have unreadable highlights or tags (first in story {id})"
        )]
    );
    assert!(matches!(
        library.story_versions(id),
        Err(LibraryError::Damaged(_))
    ));
}

#[test]
fn a_teaser_from_another_file_leaves_the_story_and_its_notes_alone() {
    let (_dir, mut library) = open_temp();
    let mut full = article(
        "Port talks",
        "2023-05-02T08:00:00Z",
        "The harbour reopened on Tuesday after a week of talks between the port \
         authority and the dockers' union.\n\nShips queued outside the breakwater \
         until late in the evening.",
    );
    full.url = Some("https://example.org/port".to_string());
    full.byline = Some("Port Desk".to_string());
    let (id, _) = store_one(&mut library, "/page.html", full.clone());
    let start = full.body.find("Ships queued").unwrap();
    let note = library
        .add_note(
            id,
            Some(&AnchorTarget::Passage {
                start,
                end: start + 12,
            }),
            "queue",
        )
        .unwrap();
    let teaser = Article {
        title: "Port talks".to_string(),
        source: Some("Feed".to_string()),
        body: "The harbour reopened on Tuesday…".to_string(),
        url: full.url.clone(),
        ..Article::default()
    };
    let (same, outcome) = store_one(&mut library, "/feed.xml", teaser);
    assert_eq!((same, outcome), (id, StoryOutcome::Unchanged));
    assert_eq!(library.story(id).unwrap().article, full);
    assert_eq!(library.note(note.id).unwrap().anchor, note.anchor);
    assert_eq!(library.story_versions(id).unwrap(), []);
    assert_eq!(search(&library, "breakwater").len(), 1);
}

#[test]
fn different_urls_at_the_same_place_are_different_stories() {
    let (_dir, mut library) = open_temp();
    let mut first = article("One", "2023-05-02T08:00:00Z", "First story.");
    first.url = Some("https://example.org/1".to_string());
    let mut second = article("Two", "2023-05-02T08:00:00Z", "Second story.");
    second.url = Some("https://example.org/2".to_string());
    let (a, _) = store_one(&mut library, "/feed.xml", first);
    let (b, outcome) = store_one(&mut library, "/feed.xml", second);
    assert_ne!(a, b);
    assert_eq!(outcome, StoryOutcome::Imported);
}

#[test]
fn a_story_reads_back_as_stored_and_entities_are_shared() {
    let (_dir, mut library) = open_temp();
    let body = "Wang Yi met officials of the European Union on June 3.";
    let mut story = article("Wang Yi in Brussels", "2023-06-05T12:00:00+02:00", body);
    story.highlights = vec!["A meeting".to_string()];
    story.tags = vec!["china".to_string(), "eu".to_string()];
    let analysis = Analysis {
        entities: vec![
            entity("Wang Yi", EntityKind::Person, body),
            entity("European Union", EntityKind::Organization, body),
        ],
        quotes: vec![Quote {
            text: "met".to_string(),
            start: 8,
            end: 11,
            speaker: Some("Wang Yi".to_string()),
            kind: QuoteKind::Reported,
        }],
        dates: Vec::new(),
        events: vec![Event {
            date: "2023-06-03".to_string(),
            summary: "Wang Yi met EU officials".to_string(),
            entities: vec!["Wang Yi".to_string(), "European Union".to_string()],
            start: 0,
            end: body.chars().count(),
        }],
    };
    let outcomes = library
        .store("/a.json", &[(story.clone(), analysis.clone())])
        .unwrap();
    let id = outcomes[0].0;
    let extract = library.story(id).unwrap();
    assert_eq!(extract.id, Some(id));
    assert_eq!(extract.article, story);
    assert_eq!(extract.analysis, analysis);

    let other = article(
        "EU budget",
        "2023-06-06T12:00:00+02:00",
        "The European Union met.",
    );
    let other_analysis = Analysis {
        entities: vec![entity(
            "European Union",
            EntityKind::Organization,
            &other.body,
        )],
        ..Analysis::default()
    };
    library
        .store("/b.json", &[(other, other_analysis)])
        .unwrap();
    assert_eq!(library.summary().unwrap().entities, 2);
    assert_eq!(search(&library, "entity:\"european union\"").len(), 2);
    assert!(matches!(
        library.story(999),
        Err(LibraryError::NoSuchStory(999))
    ));
}

/// A new story is indexed from the writer's own text, not read back through `story_text`:
/// the two must agree, or its later removal from the index would leave terms behind.
#[test]
fn a_new_story_is_indexed_with_the_text_story_text_gives_back() {
    let (_dir, mut library) = open_temp();
    let body = "Wang Yi met officials of the European Union.";
    let known = Analysis {
        entities: vec![entity("Wang Yi", EntityKind::Person, body)],
        ..Analysis::default()
    };
    library
        .store(
            "/a.txt",
            &[(article("First", "2023-06-05T12:00:00Z", body), known)],
        )
        .unwrap();
    // Stored under another spelling, and the same entity twice: linked once.
    let body = "WANG YI, or wang yi, met officials of the European Union.";
    let story = article("Second", "2023-06-06T12:00:00Z", body);
    let analysis = Analysis {
        entities: vec![
            entity("WANG YI", EntityKind::Person, body),
            entity("European Union", EntityKind::Organization, body),
            entity("wang yi", EntityKind::Person, body),
        ],
        ..Analysis::default()
    };
    let (id, _) = library
        .store("/b.txt", &[(story.clone(), analysis)])
        .unwrap()[0];
    assert_index_in_sync(&library);
    assert_eq!(search(&library, "entity:\"european union\"").len(), 1);

    let changed = Analysis {
        entities: vec![entity("European Union", EntityKind::Organization, body)],
        ..Analysis::default()
    };
    let outcome = library.store("/b.txt", &[(story, changed)]).unwrap();
    assert_eq!(outcome, [(id, StoryOutcome::Updated)]);
    assert_index_in_sync(&library);
    assert_eq!(search(&library, "entity:\"wang yi\"").len(), 1);
}

#[test]
fn a_change_of_analysis_alone_updates_the_story() {
    let (_dir, mut library) = open_temp();
    let body = "Wang Yi met officials of the European Union on June 3.";
    let story = article("Wang Yi in Brussels", "2023-06-05T12:00:00+02:00", body);
    let wang = entity("Wang Yi", EntityKind::Person, body);
    let union = entity("European Union", EntityKind::Organization, body);
    let analysis = Analysis {
        entities: vec![wang.clone(), union.clone()],
        ..Analysis::default()
    };
    let (id, outcome) = library
        .store("/a.txt", &[(story.clone(), analysis.clone())])
        .unwrap()[0];
    assert_eq!(outcome, StoryOutcome::Imported);
    let again = library
        .store("/a.txt", &[(story.clone(), analysis.clone())])
        .unwrap();
    assert_eq!(again, [(id, StoryOutcome::Unchanged)]);

    // The same mentions, now under each other's entity: only the mentions list changes.
    let swapped = Analysis {
        entities: vec![
            Entity {
                mentions: union.mentions.clone(),
                ..wang.clone()
            },
            Entity {
                mentions: wang.mentions.clone(),
                ..union.clone()
            },
        ],
        ..Analysis::default()
    };
    for changed in [
        swapped,
        Analysis {
            entities: vec![wang.clone(), union.clone()],
            dates: vec![DateMention {
                text: "June 3".to_string(),
                start: 47,
                end: 53,
                value: Some("2023-06-03".to_string()),
                kind: DateKind::Date,
            }],
            ..Analysis::default()
        },
    ] {
        let outcome = library
            .store("/a.txt", &[(story.clone(), changed.clone())])
            .unwrap();
        assert_eq!(outcome, [(id, StoryOutcome::Updated)]);
        assert_eq!(library.story(id).unwrap().analysis, changed);
    }
    let report = library.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);
}

/// A library as schema version 3 left it, with one analysed story (id 1) and one
/// story without analysis (id 2); opening it must carry both across.
#[test]
fn a_version_3_library_reads_back_the_same_after_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    for migration in [
        include_str!("schema_v1.sql"),
        include_str!("schema_v2.sql"),
        include_str!("schema_v3.sql"),
    ] {
        conn.execute_batch(migration).unwrap();
    }
    conn.pragma_update(None, "user_version", 3).unwrap();
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    let body = "Wang Yi met the European Union in Brüssel on June 3. \"We agreed,\" Wang said.";
    conn.execute_batch(&format!(
        "INSERT INTO articles (id, title, source, published, highlights, body, title_key,
                               body_hash, content_hash, imported_at, updated_at)
         VALUES (1, 'Talks', 'Desk', '2023-06-05T12:00:00+02:00', '[]', '{body}', 'talks',
                 'b1', 'c1', 'now', 'now'),
                (2, 'Quiet day', NULL, NULL, '[]', 'Nothing happened.', 'quiet day',
                 'b2', 'c2', 'now', 'now');
         INSERT INTO entities (id, name, kind) VALUES
             (1, 'Wang Yi', 'person'), (2, 'European Union', 'organization'),
             (3, 'Belgium', 'country');
         INSERT INTO article_entities (article_id, entity_id, position) VALUES
             (1, 3, 2), (1, 1, 0), (1, 2, 1);
         -- Rowid order, not entity order: each entity's mentions keep theirs.
         INSERT INTO mentions (article_id, entity_id, start, end, text) VALUES
             (1, 1, 0, 7, 'Wang Yi'), (1, 2, 16, 30, 'European Union'),
             (1, 3, 34, 41, 'Brüssel'), (1, 1, 66, 70, 'Wang');
         INSERT INTO quotes (article_id, text, start, end, speaker, kind) VALUES
             (1, 'We agreed,', 54, 64, 'Wang Yi', 'direct'),
             (1, 'met', 8, 11, 'Lena Vos', 'reported');
         INSERT INTO dates (article_id, text, start, end, value, kind) VALUES
             (1, 'June 3', 45, 51, '2023-06-03', 'date');
         INSERT INTO events (id, article_id, date, summary, start, end) VALUES
             (1, 1, '2023-06-03', 'Wang Yi met the European Union', 0, 52);
         INSERT INTO event_entities (event_id, entity_id, position) VALUES (1, 1, 0), (1, 2, 1);
         INSERT INTO story_index (rowid, title, body, source, entities, notes)
             SELECT id, title, body, source, entities, notes FROM story_text;"
    ))
    .unwrap();
    drop(conn);

    let library = Library::open(dir.path()).unwrap();
    let mention = |start: usize, text: &str| Mention {
        start,
        end: start + text.chars().count(),
        text: text.to_string(),
    };
    let named = |name: &str, kind: EntityKind, mentions: Vec<Mention>| Entity {
        name: name.to_string(),
        kind,
        mentions,
    };
    let expected = Analysis {
        entities: vec![
            named(
                "Wang Yi",
                EntityKind::Person,
                vec![mention(0, "Wang Yi"), mention(66, "Wang")],
            ),
            named(
                "European Union",
                EntityKind::Organization,
                vec![mention(16, "European Union")],
            ),
            named("Belgium", EntityKind::Country, vec![mention(34, "Brüssel")]),
        ],
        quotes: vec![
            Quote {
                text: "We agreed,".to_string(),
                start: 54,
                end: 64,
                speaker: Some("Wang Yi".to_string()),
                kind: QuoteKind::Direct,
            },
            Quote {
                text: "met".to_string(),
                start: 8,
                end: 11,
                speaker: Some("Lena Vos".to_string()),
                kind: QuoteKind::Reported,
            },
        ],
        dates: vec![DateMention {
            text: "June 3".to_string(),
            start: 45,
            end: 51,
            value: Some("2023-06-03".to_string()),
            kind: DateKind::Date,
        }],
        events: vec![Event {
            date: "2023-06-03".to_string(),
            summary: "Wang Yi met the European Union".to_string(),
            entities: vec!["Wang Yi".to_string(), "European Union".to_string()],
            start: 0,
            end: 52,
        }],
    };
    assert_eq!(library.story(1).unwrap().analysis, expected);
    assert_eq!(library.story(2).unwrap().analysis, Analysis::default());
    assert_eq!(library.story_versions(1).unwrap(), []);
    let tables: i64 = library
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('mentions', 'quotes', 'dates')",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0);
    let report = library.check().unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);
    let index = library.fuzzy_index().unwrap();
    let page = Page {
        offset: 0,
        limit: 10,
    };
    let query = Query::parse("lena vos").unwrap();
    let hits = library.find(&query, Some(&index), page).unwrap().hits;
    let found: Vec<(i64, Field, &str)> = hits
        .iter()
        .map(|hit| (hit.story.id, hit.field, hit.text.as_str()))
        .collect();
    assert_eq!(found, [(1, Field::Speaker, "Lena Vos")]);
}

#[test]
fn stories_are_listed_newest_first_across_offsets() {
    let (_dir, mut library) = open_temp();
    // 09:00+05:00 is 04:00 UTC, earlier than 08:00+02:00 (06:00 UTC).
    let (east, _) = store_one(
        &mut library,
        "/1",
        article("East", "2023-01-10T09:00:00+05:00", "a"),
    );
    let (west, _) = store_one(
        &mut library,
        "/2",
        article("West", "2023-01-10T08:00:00+02:00", "b"),
    );
    let listed: Vec<i64> = library.stories(10).unwrap().iter().map(|s| s.id).collect();
    assert_eq!(listed, [west, east]);
    assert_eq!(library.stories(1).unwrap().len(), 1);
}

/// A JSON story compiled into the test, as the bundled sample is into the binary.
fn embedded_story(index: usize) -> Input {
    let json = format!(
        r#"{{"title": "Story {index}", "published": "2023-01-0{}T00:00:00Z", "body": "Body number {index}."}}"#,
        index + 1
    );
    Input::Embedded {
        name: format!("story-{index}.json"),
        bytes: Box::leak(json.into_bytes().into_boxed_slice()),
    }
}

#[test]
fn the_pipeline_keeps_input_order_reports_failures_and_skips_unchanged_files() {
    let (_dir, mut library) = open_temp();
    let mut inputs: Vec<Input> = (0..6).map(embedded_story).collect();
    inputs.insert(
        3,
        Input::Embedded {
            name: "broken.json".to_string(),
            bytes: b"{\"title\": ",
        },
    );
    let mut progress = Vec::new();
    let report = library
        .import_inputs(&inputs, |done, total| progress.push((done, total)))
        .unwrap();
    assert_eq!((report.imported, report.files), (6, 7));
    assert_eq!(report.failures.len(), 1);
    assert_eq!(report.failures[0].path, "broken.json");
    assert_eq!(progress.last(), Some(&(7, 7)));

    let mut by_id = library.stories(10).unwrap();
    by_id.sort_by_key(|story| story.id);
    let titles: Vec<&str> = by_id.iter().map(|story| story.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Story 0", "Story 1", "Story 2", "Story 3", "Story 4", "Story 5"
        ]
    );

    let again = library.import_inputs(&inputs, |_, _| {}).unwrap();
    assert_eq!((again.imported, again.updated, again.unchanged), (0, 0, 6));
    assert_eq!(again.failures.len(), 1);
    // The import's relaxed disk syncs end with it: later writes (notes) wait for the disk.
    let synchronous: i64 = library
        .conn
        .query_row("PRAGMA synchronous", [], |row| row.get(0))
        .unwrap();
    assert_eq!(synchronous, 2, "FULL");
}

#[test]
fn a_file_of_many_stories_shared_out_keeps_their_order_and_analyses() {
    let (_dir, mut library) = open_temp();
    let places = ["Jakarta", "Manila", "Hanoi", "Bangkok"];
    let lines: Vec<String> = (0..150)
        .map(|i| {
            let place = places[i % places.len()];
            format!(
                r#"{{"title": "Story {i}", "published": "2023-02-01T00:00:00Z", "body": "Officials met in {place} on Monday for round {i}."}}"#
            )
        })
        .collect();
    let inputs = [Input::Embedded {
        name: "export.jsonl".to_string(),
        bytes: Box::leak(lines.join("\n").into_bytes().into_boxed_slice()),
    }];
    let report = library.import_inputs(&inputs, |_, _| {}).unwrap();
    assert_eq!(report.imported, 150);
    let mut by_id = library.stories(200).unwrap();
    by_id.sort_by_key(|story| story.id);
    for (i, story) in by_id.iter().enumerate() {
        assert_eq!(story.title, format!("Story {i}"));
        let analysis = library.story(story.id).unwrap().analysis;
        let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(
            names.contains(&places[i % places.len()]),
            "story {i}: {names:?}"
        );
    }
}
