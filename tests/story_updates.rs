//! Importing another copy of a story the library already holds (same URL), end to end:
//! a feed's teaser never replaces the full text, fields the new copy lacks are kept,
//! notes stay anchored, and a story that really changes keeps its previous text as a
//! version the analyst can see.

mod cli_support;

use cli_support::{Sitrep, stderr, stdout};
use serde_json::Value;

const URL: &str = "https://harbour.example/grain-talks";

/// A full article page: byline, tags, canonical URL, a dateline and four paragraphs.
fn article_page() -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head>
<title>Ministers agree calendar for Black Sea grain talks | Harbour Wire</title>
<meta property="og:title" content="Ministers agree calendar for Black Sea grain talks">
<meta property="og:site_name" content="Harbour Wire">
<meta property="article:published_time" content="2024-05-20T14:05:00+03:00">
<meta property="article:tag" content="Shipping">
<meta property="article:tag" content="Diplomacy">
<link rel="canonical" href="{URL}">
</head><body><article>
<h1>Ministers agree calendar for Black Sea grain talks</h1>
<p class="byline">By Marta Kessler</p>
<p>ISTANBUL — Ministers from Turkey, Ukraine and Russia agreed on Monday a calendar for talks on grain shipments through the Black Sea, officials in Ankara said.</p>
<p>The first round will open in Istanbul on June 3, with United Nations observers present.</p>
<p>"We have a calendar now, and that matters more than any communique," said Lena Vos, a spokeswoman for the invented Maritime Policy Office.</p>
<p>Shipping insurers in London welcomed the news, though freight rates barely moved.</p>
</article></body></html>
"#
    )
}

/// An RSS file whose one item links to the same URL, with `description` as its only text.
fn feed(description: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Harbour Wire - World</title><link>https://harbour.example</link>
<item>
<title>Ministers agree calendar for Black Sea grain talks</title>
<link>{URL}</link>
<pubDate>Mon, 20 May 2024 11:05:00 +0000</pubDate>
<description>{description}</description>
</item>
</channel></rss>
"#
    )
}

/// Writes `text` to `name` in `dir` and imports it; returns the JSON report.
fn import(sitrep: &Sitrep, dir: &tempfile::TempDir, name: &str, text: &str) -> Value {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    sitrep.json(&["import", path.to_str().unwrap(), "--json"])
}

/// The character range of `text` in story 1's body, as `notes add --at` takes it.
fn range_of(sitrep: &Sitrep, text: &str) -> String {
    let body = sitrep.json(&["show", "1", "--json"])["body"]
        .as_str()
        .unwrap()
        .to_string();
    let start = body[..body.find(text).expect("text in body")]
        .chars()
        .count();
    format!("{start}:{}", start + text.chars().count())
}

/// A library holding the article page as story 1, with a note on its third paragraph.
fn article_with_note(dir: &tempfile::TempDir) -> Sitrep {
    let sitrep = Sitrep::new();
    assert_eq!(
        import(&sitrep, dir, "article.html", &article_page())["imported"],
        1
    );
    let at = range_of(&sitrep, "Shipping insurers in London welcomed the news");
    let added = sitrep.run(&["notes", "add", "--story", "1", "--at", &at, "insurers?"]);
    assert!(added.status.success(), "{}", stderr(&added));
    sitrep
}

fn entity_count(story: &Value) -> usize {
    story["entities"].as_array().unwrap().len()
}

#[test]
fn a_feed_teaser_of_a_stored_story_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let sitrep = article_with_note(&dir);
    let before = sitrep.json(&["show", "1", "--json"]);
    assert!(entity_count(&before) >= 8, "{before}");

    // The issue's teaser, and the same with entities and a truncation mark.
    for (name, teaser) in [
        (
            "teaser.xml",
            "Ministers from Turkey, Ukraine and Russia agreed a calendar for grain talks.",
        ),
        (
            "entities.xml",
            "Ministers from Turkey, Ukraine &amp;amp; Russia agreed on Monday a calendar \
             for talks on grain shipments through the Black Sea, officials in Ankara \
             said&amp;#8230;",
        ),
    ] {
        let report = import(&sitrep, &dir, name, &feed(teaser));
        assert_eq!(
            (&report["updated"], &report["unchanged"]),
            (&Value::from(0), &Value::from(1)),
            "{name}: {report}"
        );
        let after = sitrep.json(&["show", "1", "--json"]);
        assert_eq!(after, before, "{name}");
        let notes = sitrep.json(&["notes", "list", "--json"]);
        assert_eq!(notes[0]["anchor"]["detached"], false, "{name}");
        assert_eq!(
            sitrep.json(&["search", "insurers", "--json"])["hits"][0]["id"],
            1
        );
        assert_eq!(
            stdout(&sitrep.run(&["show", "1", "--versions"])),
            "story 1 has no earlier versions\n"
        );
    }
}

#[test]
fn a_teaser_fills_only_what_the_stored_story_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let sitrep = Sitrep::new();
    let bare = format!(
        r#"{{"title": "Ministers agree calendar for Black Sea grain talks", "url": "{URL}",
            "body": "Ministers from Turkey, Ukraine and Russia agreed on Monday a calendar for talks on grain shipments through the Black Sea.\n\nThe first round will open in Istanbul on June 3."}}"#
    );
    import(&sitrep, &dir, "bare.json", &bare);
    let report = import(
        &sitrep,
        &dir,
        "teaser.xml",
        &feed("Ministers agreed a calendar for grain talks."),
    );
    assert_eq!(report["updated"], 1, "{report}");
    let story = sitrep.json(&["show", "1", "--json"]);
    assert!(
        story["body"]
            .as_str()
            .unwrap()
            .ends_with("open in Istanbul on June 3."),
        "{story}"
    );
    assert_eq!(story["source"], "Harbour Wire - World");
    assert_eq!(story["published"], "2024-05-20T11:05:00+00:00");
    // The publication time now resolves the story's "Monday" and "June 3".
    let values: Vec<&str> = story["dates"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|date| date["value"].as_str())
        .collect();
    assert!(values.contains(&"2024-06-03"), "{story}");
}

#[test]
fn a_changed_copy_keeps_fields_it_lacks_and_the_previous_text_as_a_version() {
    let dir = tempfile::tempdir().unwrap();
    let sitrep = article_with_note(&dir);
    let before = sitrep.json(&["show", "1", "--json"]);

    // The outlet rewrote the story; this copy has no byline, tags or dateline.
    let rewritten = feed(
        "&lt;p&gt;Talks on Black Sea grain shipments will open in Istanbul on June 10, a week \
         later than planned, after Russia asked for more time, officials said on Tuesday.&lt;/p&gt;\
         &lt;p&gt;Shipping insurers in London welcomed the news, though freight rates barely \
         moved.&lt;/p&gt;&lt;p&gt;United Nations observers will attend both rounds, and a second \
         round is pencilled in for July in Geneva, where delegations from all three countries \
         are expected to bring technical experts on inspections and insurance.&lt;/p&gt;",
    );
    let report = import(&sitrep, &dir, "rewritten.xml", &rewritten);
    assert_eq!(report["updated"], 1, "{report}");

    let after = sitrep.json(&["show", "1", "--json"]);
    assert!(
        after["body"].as_str().unwrap().contains("June 10"),
        "{after}"
    );
    for field in ["byline", "tags", "dateline", "url"] {
        assert_eq!(after[field], before[field], "{field}");
    }
    assert_eq!(after["source"], "Harbour Wire - World");

    // The note's passage is still in the new text: it follows it.
    let notes = sitrep.json(&["notes", "list", "--json"]);
    assert_eq!(notes[0]["anchor"]["detached"], false, "{notes}");
    let at = range_of(&sitrep, "Shipping insurers in London welcomed the news");
    let (start, end) = at.split_once(':').unwrap();
    assert_eq!(notes[0]["anchor"]["start"].to_string(), start);
    assert_eq!(notes[0]["anchor"]["end"].to_string(), end);

    // The previous text is kept, readable and as JSON.
    let versions = sitrep.json(&["show", "1", "--versions", "--json"]);
    let versions = versions.as_array().unwrap();
    assert_eq!(versions.len(), 1, "{versions:?}");
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[0]["body"], before["body"]);
    assert_eq!(versions[0]["byline"], before["byline"]);
    assert_eq!(versions[0]["tags"], before["tags"]);
    assert!(versions[0]["stored"].is_string() && versions[0]["replaced"].is_string());
    let text = stdout(&sitrep.run(&["show", "1", "--versions"]));
    assert!(text.contains("version 1 of story 1"), "{text}");
    assert!(
        text.contains("June 3, with United Nations observers"),
        "{text}"
    );
    let shown = stdout(&sitrep.run(&["show", "1"]));
    assert!(
        shown.contains("1 earlier version: sitrep show 1 --versions"),
        "{shown}"
    );

    // The same copy again changes nothing and adds no version.
    let again = import(&sitrep, &dir, "rewritten-again.xml", &rewritten);
    assert_eq!(again["unchanged"], 1, "{again}");
    let versions = sitrep.json(&["show", "1", "--versions", "--json"]);
    assert_eq!(versions.as_array().unwrap().len(), 1);
    let check = sitrep.run(&["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
}
