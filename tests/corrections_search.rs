//! Plain-word search sees stories as the analyst corrected them: an entity renamed,
//! merged away or hidden no longer finds a story by its stored name, the new name does,
//! a fixed source stands in for the stored one, undo restores the stored names, and a
//! re-import or a new story keeps to the corrections in force. The full-text index stays
//! in step with its content throughout (`check` finds nothing wrong).

use sitrep::library::{Correction, DATABASE_FILE, Library};
use sitrep::model::{Analysis, Article, Entity, EntityKind, Mention};

/// No word of an entity name below is in it: only the names can find the stories.
const BODY: &str = "The harbour master said the quay would reopen after repairs.";

fn article(title: &str) -> Article {
    Article {
        title: title.to_string(),
        source: Some("Harbour Wire".to_string()),
        published: Some("2024-04-30T10:00:00Z".to_string()),
        body: BODY.to_string(),
        ..Article::default()
    }
}

fn analysis(names: &[&str]) -> Analysis {
    Analysis {
        entities: names
            .iter()
            .map(|name| Entity {
                name: name.to_string(),
                kind: EntityKind::Person,
                mentions: vec![Mention {
                    start: 4,
                    end: 18,
                    text: "harbour master".to_string(),
                }],
            })
            .collect(),
        ..Analysis::default()
    }
}

/// Titles of the stories a plain-word search finds, sorted.
fn found(library: &Library, words: &str) -> Vec<String> {
    let mut titles: Vec<String> = library
        .search(words, 10)
        .unwrap()
        .hits
        .into_iter()
        .map(|hit| hit.story.title)
        .collect();
    titles.sort();
    titles
}

fn assert_checks_clean(library: &Library) {
    assert_eq!(library.check().unwrap().problems, Vec::<String>::new());
}

/// Two stories naming "Ana Ruis" (one also "Harbour Board"), one naming the board only.
fn library_of_three(dir: &std::path::Path) -> (Library, Vec<i64>) {
    let mut library = Library::open(dir).unwrap();
    let stories = [
        (article("Quay reopens"), analysis(&["Ana Ruis"])),
        (
            article("Board inspects quay"),
            analysis(&["Ana Ruis", "Harbour Board"]),
        ),
        (article("Board meets"), analysis(&["Harbour Board"])),
    ];
    let ids = library
        .store("/stories.json", &stories)
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    (library, ids)
}

#[test]
fn plain_words_find_entities_by_their_corrected_names() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, ids) = library_of_three(dir.path());
    let both = ["Board inspects quay", "Quay reopens"];
    assert_eq!(found(&library, "ruis"), both);
    assert!(found(&library, "ruiz").is_empty());

    let rename = library
        .correct(&Correction::Rename {
            from: "ana ruis".into(),
            to: "Ana Ruiz".into(),
        })
        .unwrap();
    assert!(found(&library, "ruis").is_empty(), "the old name is gone");
    assert_eq!(found(&library, "ruiz"), both);
    assert_eq!(found(&library, "\"ana ruiz\""), both, "as a phrase too");
    assert_checks_clean(&library);

    // Merged into the board, in every story.
    let merge = library
        .correct(&Correction::Merge {
            from: "Ana Ruiz".into(),
            into: "Harbour Board".into(),
        })
        .unwrap();
    assert!(found(&library, "ruiz").is_empty());
    assert_eq!(
        found(&library, "board NOT inspects"),
        ["Board meets", "Quay reopens"]
    );

    // Hidden in one story only.
    let hide = library
        .correct(&Correction::HideEntity {
            story: Some(ids[2]),
            entity: "Harbour Board".into(),
        })
        .unwrap();
    assert_eq!(found(&library, "\"harbour board\""), both);
    assert_checks_clean(&library);

    // Undone one by one, newest first: each step gives back what it took.
    library.undo_correction(hide.id).unwrap();
    assert_eq!(
        found(&library, "\"harbour board\""),
        ["Board inspects quay", "Board meets", "Quay reopens"]
    );
    library.undo_correction(merge.id).unwrap();
    assert_eq!(found(&library, "ruiz"), both);
    library.undo_correction(rename.id).unwrap();
    assert_eq!(found(&library, "ruis"), both);
    assert!(found(&library, "ruiz").is_empty());
    assert_checks_clean(&library);
}

#[test]
fn a_split_entity_and_a_fixed_source_are_searched_as_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, ids) = library_of_three(dir.path());
    library
        .correct(&Correction::Split {
            story: ids[0],
            entity: "Ana Ruis".into(),
            into: "Ana Ruis-Lopez".into(),
        })
        .unwrap();
    assert_eq!(found(&library, "lopez"), ["Quay reopens"]);
    library
        .correct(&Correction::Source {
            story: ids[1],
            source: "Port Gazette".into(),
        })
        .unwrap();
    assert_eq!(found(&library, "gazette"), ["Board inspects quay"]);
    assert_eq!(found(&library, "wire"), ["Board meets", "Quay reopens"]);
    assert_checks_clean(&library);
}

#[test]
fn a_reimported_or_new_story_is_indexed_with_the_corrections_in_force() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, ids) = library_of_three(dir.path());
    library
        .correct(&Correction::Rename {
            from: "Ana Ruis".into(),
            to: "Ana Ruiz".into(),
        })
        .unwrap();
    library
        .correct(&Correction::HideEntity {
            story: Some(ids[2]),
            entity: "Harbour Board".into(),
        })
        .unwrap();
    // The same file again, changed: each story is updated in place and analysed anew.
    let mut changed = vec![
        (
            article("Quay reopens"),
            analysis(&["Ana Ruis", "Lino Marsh"]),
        ),
        (
            article("Board inspects quay"),
            analysis(&["Ana Ruis", "Harbour Board"]),
        ),
        (article("Board meets"), analysis(&["Harbour Board"])),
    ];
    for (story, _) in &mut changed {
        story.body.push_str(" Work starts on Monday.");
    }
    let outcomes = library.store("/stories.json", &changed).unwrap();
    assert_eq!(
        outcomes.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        ids,
        "updated in place"
    );
    assert!(found(&library, "ruis").is_empty());
    assert_eq!(
        found(&library, "ruiz"),
        ["Board inspects quay", "Quay reopens"]
    );
    assert_eq!(found(&library, "marsh"), ["Quay reopens"]);
    assert_eq!(
        found(&library, "\"harbour board\""),
        ["Board inspects quay"]
    );
    // A new story naming the renamed entity is indexed by its new name.
    library
        .store(
            "/later.json",
            &[(article("Quay busy"), analysis(&["Ana Ruis"]))],
        )
        .unwrap();
    assert!(found(&library, "ruis").is_empty());
    assert_eq!(
        found(&library, "ruiz"),
        ["Board inspects quay", "Quay busy", "Quay reopens"]
    );
    assert_checks_clean(&library);
}

#[test]
fn a_library_corrected_before_the_index_saw_corrections_is_indexed_as_corrected() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut library, _) = library_of_three(dir.path());
        library
            .correct(&Correction::Rename {
                from: "Ana Ruis".into(),
                to: "Ana Ruiz".into(),
            })
            .unwrap();
    }
    // The library as schema 9 left it: the index built from the stored names alone.
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.execute_batch(
        "DROP VIEW story_text;
         DROP TABLE story_index_corrected;
         CREATE VIEW story_text (id, title, body, source, entities, notes) AS
         SELECT a.id, a.title, a.body, a.source,
                (SELECT group_concat(name, ' ') FROM
                     (SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                      WHERE ae.article_id = a.id ORDER BY ae.position)),
                (SELECT group_concat(text, ' ') FROM
                     (SELECT n.text FROM notes n
                      WHERE n.article_id = a.id AND n.deleted_at IS NULL ORDER BY n.id))
         FROM articles a;
         INSERT INTO story_index (story_index) VALUES ('rebuild');
         PRAGMA user_version = 9;",
    )
    .unwrap();
    drop(conn);

    let library = Library::open(dir.path()).unwrap();
    assert!(found(&library, "ruis").is_empty());
    assert_eq!(
        found(&library, "ruiz"),
        ["Board inspects quay", "Quay reopens"]
    );
    assert_checks_clean(&library);
}
