//! An entity named the way the gazetteer also knows it: `entity:UN` finds the stories of
//! the United Nations, `Britain` is the United Kingdom for `entity_matches` (timeline
//! --entity) and a note's entity anchor, in any case; words of a name still count, an
//! adjective does not, and the analyst's corrections still decide what an entity is.

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
