//! The search front door, [`Library::find`], against a temporary library.

use super::*;
use crate::library::tests::{article, entity, open_temp};
use crate::model::{EntityKind, Quote, QuoteKind};

/// An analysis naming one entity, mentioned where its name first occurs in `body`.
fn naming(name: &str, kind: EntityKind, body: &str) -> Analysis {
    Analysis {
        entities: vec![entity(name, kind, body)],
        ..Analysis::default()
    }
}

fn store(library: &mut Library, origin: &str, stories: Vec<(Article, Analysis)>) -> Vec<i64> {
    let stored = library.store(origin, &stories).unwrap();
    stored.into_iter().map(|(id, _)| id).collect()
}

const FIRST_TEN: Page = Page {
    offset: 0,
    limit: 10,
};

fn find(library: &Library, text: &str) -> Found {
    library
        .find(&Query::parse(text).unwrap(), None, FIRST_TEN)
        .unwrap()
}

fn find_fuzzy(library: &Library, text: &str) -> Found {
    let index = library.fuzzy_index().unwrap();
    library
        .find(&Query::parse(text).unwrap(), Some(&index), FIRST_TEN)
        .unwrap()
}

fn ids(found: &Found) -> Vec<i64> {
    found.hits.iter().map(|hit| hit.story.id).collect()
}

/// The matched pieces of a hit's text.
fn matched(hit: &Hit) -> Vec<String> {
    let chars: Vec<char> = hit.text.chars().collect();
    hit.ranges
        .iter()
        .map(|&(start, end)| chars[start..end].iter().collect())
        .collect()
}

#[test]
fn filters_words_and_newest_first_without_words() {
    let (_dir, mut library) = open_temp();
    let mut early = article("Grain deal", "2023-01-10T09:00:00Z", "Ships carried grain.");
    early.tags = vec!["Trade".to_string()];
    let mut late = article(
        "Grain corridor",
        "2023-07-10T09:00:00Z",
        "Grain ships, grain ports.",
    );
    late.source = Some("Harbour Wire".to_string());
    let undated = Article {
        title: "Undated grain note".to_string(),
        body: "Nothing dated.".to_string(),
        ..Article::default()
    };
    let stored = store(
        &mut library,
        "/1",
        vec![
            (early, Analysis::default()),
            (late, Analysis::default()),
            (undated, Analysis::default()),
        ],
    );
    let [early_id, late_id, undated_id] = stored[..] else {
        panic!("three stories")
    };
    assert_eq!(
        ids(&find(&library, "source:\"harbour wire\" grain")),
        [late_id]
    );
    assert_eq!(ids(&find(&library, "grain from:2023-02-01")), [late_id]);
    assert_eq!(ids(&find(&library, "grain to:2023-02")), [early_id]);
    assert_eq!(ids(&find(&library, "tag:trade")), [early_id]);
    assert_eq!(
        ids(&find(&library, "from:2000")),
        [late_id, early_id],
        "an undated story has no day"
    );
    assert_eq!(
        ids(&find(&library, "NOT corridor")),
        [early_id, undated_id],
        "without words: newest first, undated last"
    );
    assert_eq!(find(&library, "source:Nobody").total, 0);

    let found = find(&library, "ships");
    assert_eq!(found.total, 2);
    assert!(found.hits[0].score > 0.0);
    for hit in &found.hits {
        assert_eq!(hit.field, Field::Text);
        assert!(matched(hit).iter().all(|m| m.eq_ignore_ascii_case("ships")));
        assert!(!matched(hit).is_empty());
    }
}

#[test]
fn or_not_and_phrases() {
    let (_dir, mut library) = open_temp();
    let stories = [
        ("Wheat prices", "Wheat rose in Black Sea ports."),
        ("Grain prices", "Grain fell; the sea was black with ships."),
        ("Oil prices", "Oil rose."),
    ]
    .map(|(title, body)| {
        (
            article(title, "2023-01-10T09:00:00Z", body),
            Analysis::default(),
        )
    });
    let stored = store(&mut library, "/1", stories.to_vec());
    let sorted = |mut ids: Vec<i64>| {
        ids.sort();
        ids
    };
    assert_eq!(
        sorted(ids(&find(&library, "wheat OR grain"))),
        [stored[0], stored[1]]
    );
    assert_eq!(
        ids(&find(&library, "prices NOT grain NOT oil")),
        [stored[0]]
    );
    assert_eq!(ids(&find(&library, "\"black sea\"")), [stored[0]]);
    assert_eq!(find(&library, "black sea").total, 2);
    let hit = &find(&library, "\"black sea\"").hits[0];
    assert_eq!(matched(hit), ["Black Sea"]);
}

#[test]
fn loose_source_and_entity_values() {
    let (_dir, mut library) = open_temp();
    let body = "Robert Mugabe spoke in Harare.";
    let mut post = article("Harare speech", "2023-01-10T09:00:00Z", body);
    post.source = Some("The Washington Post".to_string());
    let other = article("Lusaka talks", "2023-01-11T09:00:00Z", "Talks in Lusaka.");
    let stored = store(
        &mut library,
        "/1",
        vec![
            (post, naming("Robert Mugabe", EntityKind::Person, body)),
            (other, Analysis::default()),
        ],
    );
    assert_eq!(ids(&find(&library, "entity:Mugabe")), [stored[0]]);
    assert_eq!(
        ids(&find(&library, "entity:\"robert mugabe\"")),
        [stored[0]]
    );
    assert_eq!(find(&library, "entity:Mug").total, 0, "whole words only");
    assert_eq!(ids(&find(&library, "source:washington")), [stored[0]]);
    assert_eq!(
        ids(&find(&library, "source:\"washington post\"")),
        [stored[0]]
    );
    assert_eq!(find(&library, "source:wash").total, 0);
    assert_eq!(find(&library, "source:100%").total, 0);
}

#[test]
fn true_counts_and_pages_that_join_up() {
    let (_dir, mut library) = open_temp();
    // More matches than are ranked: the ranked candidates come first, then the rest.
    let count = search::RANKED + 30;
    let stories: Vec<(Article, Analysis)> = (0..count)
        .map(|i| {
            let day = format!("2023-01-{:02}T09:00:00Z", i % 28 + 1);
            let title = if i == count - 5 {
                "Convoy convoy"
            } else {
                "Story"
            };
            let body = format!("Report {i} mentions a convoy.");
            (article(title, &day, &body), Analysis::default())
        })
        .collect();
    let stored = store(&mut library, "/1", stories);
    let query = Query::parse("convoy").unwrap();
    let mut seen = Vec::new();
    let mut offset = 0;
    while offset < count {
        let page = Page { offset, limit: 400 };
        let found = library.find(&query, None, page).unwrap();
        assert_eq!(found.total, count);
        seen.extend(ids(&found));
        offset += 400;
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), count, "every match once across the pages");
    // The oldest stored story is not among the ranked candidates, and comes last.
    assert_eq!(seen.last(), Some(&stored[0]));
    // The title match is among the candidates, and ranks first.
    let newest = library.find(&query, None, FIRST_TEN).unwrap();
    assert_eq!(newest.hits[0].story.id, stored[count - 5]);
}

#[test]
fn full_text_hits_come_before_tight_fuzzy_ones() {
    let (_dir, mut library) = open_temp();
    let gibran = "Gibran Rakabuming met investors.";
    let grain_body = "The cargo of grain left port.";
    let stored = store(
        &mut library,
        "/1",
        vec![
            (
                article("Port reopens", "2023-01-10T09:00:00Z", grain_body),
                Analysis::default(),
            ),
            (
                article("Investors meet", "2023-01-12T09:00:00Z", gibran),
                naming("Gibran Rakabuming", EntityKind::Person, gibran),
            ),
            (
                article(
                    "Grainy pictures from the summit",
                    "2023-01-11T09:00:00Z",
                    "Nothing.",
                ),
                Analysis::default(),
            ),
        ],
    );
    let found = find_fuzzy(&library, "grain");
    assert_eq!(ids(&found), [stored[0], stored[2]], "Gibran is no match");
    assert_eq!(found.total, 2);
    assert_eq!(found.hits[0].field, Field::Text);
    assert_eq!(found.hits[1].field, Field::Title);
    assert_eq!(matched(&found.hits[1]), ["Grain"]);

    let found = find_fuzzy(&library, "gibran rakab");
    assert_eq!(ids(&found), [stored[1]]);
    assert_eq!(found.hits[0].field, Field::Entity);
    assert_eq!(matched(&found.hits[0]), ["Gibran", "Rakab"]);
    let found = find_fuzzy(&library, "nvstrs");
    assert_eq!(found.total, 0, "a word must match from its first letter");
}

#[test]
fn typing_on_narrows_to_what_a_fresh_search_finds() {
    let (_dir, mut library) = open_temp();
    let nato = "Natalia Novak spoke at the NATO summit.";
    store(
        &mut library,
        "/1",
        vec![
            (
                article("Summit opens", "2023-01-10T09:00:00Z", nato),
                naming("Natalia Novak", EntityKind::Person, nato),
            ),
            (
                article("NATO summit ends", "2023-01-11T09:00:00Z", "Leaders left."),
                Analysis::default(),
            ),
            (
                article("National budget", "2023-01-12T09:00:00Z", "A vote."),
                Analysis::default(),
            ),
            (
                article("Nations summon envoys", "2023-01-13T09:00:00Z", "Talks."),
                Analysis::default(),
            ),
        ],
    );
    let index = library.fuzzy_index().unwrap();
    // Typed on key by key, then edited back (a shorter pattern searches everything again).
    let typed = [
        "n", "na", "nat", "nato", "nato ", "nato s", "nato sum", "nato", "nov", "nat",
    ];
    for pattern in typed {
        let query = Query::parse(pattern).unwrap();
        let narrowed = library.find(&query, Some(&index), FIRST_TEN).unwrap();
        assert_eq!(
            narrowed,
            find_fuzzy(&library, pattern),
            "after typing {pattern:?}"
        );
    }
    let found = library
        .find(&Query::parse("nat").unwrap(), Some(&index), FIRST_TEN)
        .unwrap();
    assert_eq!(found.total, 4, "titles and the name all match 'nat' again");
}

#[test]
fn a_literal_bracket_does_not_shift_highlights() {
    let (_dir, mut library) = open_temp();
    let body = "Officials [in brackets] said the grain [sic] deal holds.";
    store(
        &mut library,
        "/1",
        vec![(
            article("[Update] Deal", "2023-01-10T09:00:00Z", body),
            Analysis::default(),
        )],
    );
    let hit = &find(&library, "grain").hits[0];
    assert!(hit.text.contains("[in brackets]"));
    assert_eq!(matched(hit), ["grain"]);
    let hit = &find_fuzzy(&library, "upd").hits[0];
    assert_eq!(
        (hit.field, matched(hit)),
        (Field::Title, vec!["Upd".to_string()])
    );
}

#[test]
fn speakers_are_found_after_an_import_and_after_a_migration() {
    let (dir, mut library) = open_temp();
    let quoted = |speaker: &str| Analysis {
        quotes: vec![Quote {
            text: "We will talk".to_string(),
            start: 0,
            end: 12,
            speaker: Some(speaker.to_string()),
            kind: QuoteKind::Direct,
        }],
        ..Analysis::default()
    };
    let stories = vec![
        (
            article("Port talks", "2024-01-02T10:00:00Z", "We will talk"),
            quoted("Lena Vos"),
        ),
        (
            article("Grain talks", "2024-01-03T10:00:00Z", "We will talk"),
            quoted("Lena Vos"),
        ),
    ];
    let stored = store(&mut library, "talks.json", stories);
    let speakers = |library: &Library| -> Vec<(i64, Field)> {
        let found = find_fuzzy(library, "lena vos");
        found.hits.iter().map(|h| (h.story.id, h.field)).collect()
    };
    assert_eq!(
        speakers(&library),
        [(stored[1], Field::Speaker), (stored[0], Field::Speaker)]
    );
    // As a library written before speakers had a table (schema 7, before the reader's
    // tables; the corrected index after them may run again): the migration fills it from
    // the quote lists, and a damaged list costs only its own story.
    library
        .conn
        .execute_batch(&format!(
            "DROP TABLE article_speakers;
             DROP INDEX articles_for_lists;
             DROP TABLE story_marks;
             DROP TABLE saved_searches;
             UPDATE article_analysis SET quotes = '[[' WHERE article_id = {};
             PRAGMA user_version = {};",
            stored[0], 7
        ))
        .unwrap();
    drop(library);
    let library = Library::open(dir.path()).unwrap();
    assert_eq!(speakers(&library), [(stored[1], Field::Speaker)]);
    assert_eq!(library.stories(10).unwrap().len(), 2);
}

#[test]
fn hostile_queries_never_fail() {
    let (_dir, mut library) = open_temp();
    store(
        &mut library,
        "/1",
        vec![(
            article(
                "NEAR and AND",
                "2023-01-10T09:00:00Z",
                "Talks AND(more) talks.",
            ),
            Analysis::default(),
        )],
    );
    let index = library.fuzzy_index().unwrap();
    for text in [
        "\"",
        "AND(",
        "\"unbalanced",
        "NEAR(a b)",
        "* OR -",
        "title:x",
        "a\"\"b",
        "'; DROP TABLE articles; --",
        "^",
        "entity:\"",
        "NOT",
        "OR",
        "NOT NOT x",
        "x OR",
        "source:%_\\",
        "\u{2}grain\u{3}",
    ] {
        let query = Query::parse(text).unwrap_or_else(|error| panic!("{text}: {error}"));
        library
            .find(&query, Some(&index), FIRST_TEN)
            .unwrap_or_else(|error| panic!("{text}: {error}"));
    }
    assert_eq!(find(&library, "AND(more").total, 1);
    assert_eq!(library.summary().unwrap().stories, 1);
}

#[test]
fn every_name_loaded_at_once_finds_what_name_by_name_look_ups_find() {
    let (_dir, mut library) = open_temp();
    let body = "Natalia Novak met Tomas Natan at the NATO summit.";
    let both = || Analysis {
        entities: vec![
            entity("Natalia Novak", EntityKind::Person, body),
            entity("Tomas Natan", EntityKind::Person, body),
        ],
        quotes: vec![Quote {
            text: "We will talk".to_string(),
            start: 0,
            end: 12,
            speaker: Some("Nathan Gale".to_string()),
            kind: QuoteKind::Direct,
        }],
        ..Analysis::default()
    };
    let stored = store(
        &mut library,
        "/1",
        (0..4)
            .map(|day| {
                let published = format!("2023-01-1{day}T09:00:00Z");
                (article(&format!("Talks {day}"), &published, body), both())
            })
            .collect(),
    );
    let corrections = [
        Correction::HideEntity {
            story: Some(stored[1]),
            entity: "Natalia Novak".to_string(),
        },
        Correction::Rename {
            from: "Tomas Natan".to_string(),
            to: "Tomas Natanson".to_string(),
        },
        Correction::Speaker {
            story: stored[2],
            quote: "We will talk".to_string(),
            speaker: "Nat Osei".to_string(),
        },
    ];
    for correction in &corrections {
        library.correct(correction).unwrap();
    }
    let loaded = library.fuzzy_index().unwrap();
    let stories = loaded.names_to_load().look_up(&library).unwrap();
    loaded.install_names(stories);
    for pattern in ["nat", "ntl nvk", "natanson", "nt osi", "nathn", "novak"] {
        let query = Query::parse(pattern).unwrap();
        let found = library.find(&query, Some(&loaded), FIRST_TEN).unwrap();
        assert_eq!(found, find_fuzzy(&library, pattern), "for {pattern:?}");
        assert!(found.total > 0, "{pattern:?} finds something");
    }
    // Not where the analyst hid the name.
    let natalia = library
        .find(&Query::parse("ntl nvk").unwrap(), Some(&loaded), FIRST_TEN)
        .unwrap();
    let by_name: Vec<i64> = natalia
        .hits
        .iter()
        .filter(|hit| hit.field == Field::Entity)
        .map(|hit| hit.story.id)
        .collect();
    assert!(!by_name.is_empty() && !by_name.contains(&stored[1]));
}
