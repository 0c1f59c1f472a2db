//! A story's related timeline, on a small library built in a temporary directory: events of
//! other stories join it through specific shared actors, never through broad entities alone.

use sitrep::library::Library;
use sitrep::model::{Analysis, Article, Entity, EntityKind, Event, Mention};

/// A story whose body names `entities` and reports one event on `date` involving them all.
fn story(title: &str, date: &str, entities: &[(&str, EntityKind)]) -> (Article, Analysis) {
    let names: Vec<&str> = entities.iter().map(|(name, _)| *name).collect();
    let summary = format!("{} met on {date}", names.join(" and "));
    let body = format!("{summary}. Talks went on for hours.");
    let article = Article {
        title: title.to_string(),
        source: Some("Harbour Ledger".to_string()),
        published: Some(format!("{date}T12:00:00+00:00")),
        body: body.clone(),
        ..Article::default()
    };
    let analysis = Analysis {
        entities: entities
            .iter()
            .map(|&(name, kind)| {
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
            })
            .collect(),
        events: vec![Event {
            date: date.to_string(),
            summary: summary.clone(),
            entities: names.iter().map(|n| n.to_string()).collect(),
            start: 0,
            end: summary.len(),
        }],
        ..Analysis::default()
    };
    (article, analysis)
}

/// Titles of the other stories whose events a story's related timeline shows.
fn related_titles(library: &Library, id: i64) -> Vec<String> {
    let mut titles: Vec<String> = library
        .story_timeline(id)
        .unwrap()
        .into_iter()
        .filter(|event| !event.this_story)
        .flat_map(|event| event.sources.into_iter().map(|s| s.title))
        .collect();
    titles.sort();
    titles.dedup();
    titles
}

const US: (&str, EntityKind) = ("United States", EntityKind::Country);
const UK: (&str, EntityKind) = ("United Kingdom", EntityKind::Country);

/// Ten stories on unrelated matters, each naming the two broad countries and a subject
/// of its own, and two stories on one storyline sharing a minister and a ministry.
fn library_with_broad_entities() -> (tempfile::TempDir, Library, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let subjects = [
        "Fishing Board",
        "Rail Authority",
        "Opera Guild",
        "Chess Federation",
        "Mining Council",
        "Weather Office",
        "Tea Growers Union",
        "Canal Trust",
        "Glass Makers Guild",
        "Ferry Company",
    ];
    for (n, subject) in subjects.iter().enumerate() {
        let date = format!("2024-03-{:02}", n + 1);
        let stored = story(
            &format!("Story on the {subject}"),
            &date,
            &[US, UK, (subject, EntityKind::Organization)],
        );
        library.store(&format!("{subject}.txt"), &[stored]).unwrap();
    }
    let minister = ("Ilona Varga", EntityKind::Person);
    let ministry = ("Ruritanian Water Ministry", EntityKind::Organization);
    let first = story("Dam talks open", "2024-04-02", &[minister, ministry, US]);
    let second = story("Dam talks stall", "2024-04-09", &[minister, ministry]);
    let first_id = library.store("first.txt", &[first]).unwrap()[0].0;
    let second_id = library.store("second.txt", &[second]).unwrap()[0].0;
    (dir, library, first_id, second_id)
}

#[test]
fn broad_entities_alone_link_no_stories() {
    let (_dir, library, _, _) = library_with_broad_entities();
    let broad = library
        .stories(100)
        .unwrap()
        .into_iter()
        .find(|s| s.title == "Story on the Opera Guild")
        .unwrap();
    // "United States" and "United Kingdom" are shared with nine other stories' events,
    // but are named in most stories of the library: no link.
    assert_eq!(related_titles(&library, broad.id), Vec::<String>::new());
}

#[test]
fn a_specific_actor_and_storyline_link_two_stories() {
    let (_dir, library, first, second) = library_with_broad_entities();
    assert_eq!(related_titles(&library, first), vec!["Dam talks stall"]);
    assert_eq!(related_titles(&library, second), vec!["Dam talks open"]);
}

#[test]
fn one_shared_entity_is_not_a_storyline() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let envoy = ("Tomas Berg", EntityKind::Person);
    let a = story(
        "Envoy visits port",
        "2024-05-01",
        &[envoy, ("Harbour Board", EntityKind::Organization)],
    );
    let b = story(
        "Envoy opens school",
        "2024-06-01",
        &[envoy, ("School Council", EntityKind::Organization)],
    );
    let a_id = library.store("a.txt", &[a]).unwrap()[0].0;
    library.store("b.txt", &[b]).unwrap();
    assert_eq!(related_titles(&library, a_id), Vec::<String>::new());
}
