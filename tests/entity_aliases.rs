//! An entity named the way the gazetteer also knows it: `entity:UN` finds the stories of
//! the United Nations, `Britain` is the United Kingdom for `entity_matches` (timeline
//! --entity) and a note's entity anchor, in any case; words of a name still count, an
//! adjective does not, and the analyst's corrections still decide what an entity is.
//! The same through the real binary: `search`, `timeline --entity`, `notes add --entity`.

mod cli_support;

use cli_support::{Sitrep, stderr};
use sitrep::library::{Anchor, AnchorTarget, Correction, Library};
use sitrep::model::{Analysis, Article, Entity, EntityKind, Mention};

const BODY: &str = "The UN and Britain agreed on the convoy, officials said.";

fn entity(name: &str, kind: EntityKind, text: &str) -> Entity {
    let start = BODY.find(text).unwrap();
    Entity {
        name: name.to_string(),
        kind,
        mentions: vec![Mention {
            start,
            end: start + text.len(),
            text: text.to_string(),
        }],
    }
}

/// One story naming the United Nations and the United Kingdom, one naming neither.
fn library(dir: &std::path::Path) -> (Library, i64) {
    let mut library = Library::open(dir).unwrap();
    let named = Analysis {
        entities: vec![
            entity("United Nations", EntityKind::Organization, "UN"),
            entity("United Kingdom", EntityKind::Country, "Britain"),
        ],
        ..Analysis::default()
    };
    let article = |title: &str| Article {
        title: title.to_string(),
        body: BODY.to_string(),
        ..Article::default()
    };
    let stored = library
        .store(
            "/convoy.json",
            &[
                (article("Convoy agreed"), named),
                (article("Convoy talks"), Analysis::default()),
            ],
        )
        .unwrap();
    (library, stored[0].0)
}

fn titles(library: &Library, query: &str) -> Vec<String> {
    let found = library.search(query, 10).unwrap();
    found.hits.into_iter().map(|hit| hit.story.title).collect()
}

#[test]
fn filters_take_the_gazetteer_names_of_an_entity() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, _) = library(dir.path());
    for query in [
        "entity:UN",
        "entity:u.n.",
        "entity:Britain",
        "entity:\"U.K.\"",
    ] {
        assert_eq!(titles(&library, query), ["Convoy agreed"], "{query}");
    }
    assert_eq!(titles(&library, "entity:nations"), ["Convoy agreed"]);
    assert!(
        titles(&library, "entity:British").is_empty(),
        "an adjective"
    );
    let matches = library.entity_matches("britain").unwrap();
    assert_eq!(matches.len(), 1);
    assert_eq!(matches[0].name, "United Kingdom");

    // Renamed, the entity is no longer the one the gazetteer calls UN.
    library
        .correct(&Correction::Rename {
            from: "United Nations".into(),
            to: "Convoy Secretariat".into(),
        })
        .unwrap();
    assert!(titles(&library, "entity:UN").is_empty());
    assert!(library.entity_matches("UN").unwrap().is_empty());
}

#[test]
fn a_note_is_anchored_to_the_entity_an_alias_names() {
    let dir = tempfile::tempdir().unwrap();
    let (mut library, story) = library(dir.path());
    let target = AnchorTarget::Entity {
        name: "UN".to_string(),
    };
    let note = library
        .add_note(story, Some(&target), "Ask the #un desk")
        .unwrap();
    assert_eq!(
        note.anchor,
        Some(Anchor::Entity {
            name: "United Nations".to_string()
        })
    );
}

#[test]
fn the_cli_takes_an_alias_for_an_entity() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("convoy.json");
    std::fs::write(
        &file,
        r#"{"title": "Aid convoy reaches the port", "source": "Coast Ledger",
            "published": "2024-03-01T09:00:00Z",
            "body": "An aid convoy reached the port of Portmouth on Friday, the UN said."}"#,
    )
    .unwrap();
    let sitrep = Sitrep::new();
    let ok = |args: &[&str]| {
        let output = sitrep.run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    };
    ok(&["import", file.to_str().unwrap()]);
    let shown = sitrep.json(&["show", "1", "--json"]);
    assert!(
        shown["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "United Nations"),
        "the analysis this test relies on: {shown}"
    );
    let found = sitrep.json(&["search", "entity:un", "--json"]);
    assert_eq!(found["total"], 1);
    let events = sitrep.json(&["timeline", "--entity", "U.N.", "--json"]);
    assert_eq!(events.as_array().unwrap().len(), 1, "{events}");
    ok(&[
        "notes",
        "add",
        "--story",
        "1",
        "--entity",
        "UN",
        "ask the desk",
    ]);
    let notes = sitrep.json(&["notes", "list", "--json"]);
    assert_eq!(notes[0]["anchor"]["name"], "United Nations");
}
