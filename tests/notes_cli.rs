//! `sitrep notes ...`: JSON shapes, history and deletion, errors, stdin text, export,
//! and notes following their passages when an edited file is imported again.

mod cli_support;

use std::io::Write;
use std::process::Stdio;

use cli_support::{Sitrep, stderr, stdout};
use serde_json::{Value, json};
use sitrep::library::Library;
use sitrep::model::{Analysis, Article, Entity, EntityKind, Event, Mention};

const BODY: &str = "Ministers agreed on a calendar for maritime talks on Tuesday.\n\n\
                    Lena Vos, a spokeswoman, said the first round opens in June.";

/// A library holding one story (id 1) mentioning Lena Vos, with one event.
fn library_with_story() -> Sitrep {
    let sitrep = Sitrep::new();
    let start = BODY[..BODY.find("Lena Vos").unwrap()].chars().count();
    let analysis = Analysis {
        entities: vec![Entity {
            name: "Lena Vos".to_string(),
            kind: EntityKind::Person,
            mentions: vec![Mention {
                start,
                end: start + 8,
                text: "Lena Vos".to_string(),
            }],
        }],
        events: vec![Event {
            date: "2023-06".to_string(),
            summary: "first round opens".to_string(),
            entities: vec!["Lena Vos".to_string()],
            start: 0,
            end: 0,
        }],
        ..Analysis::default()
    };
    let article = Article {
        title: "Ministers agree calendar".to_string(),
        source: Some("Harbour Wire".to_string()),
        body: BODY.to_string(),
        ..Article::default()
    };
    Library::open(sitrep.dir.path())
        .unwrap()
        .store("/story.txt", &[(article, analysis)])
        .unwrap();
    sitrep
}

/// Runs `notes add ...` and returns the printed id.
fn add(sitrep: &Sitrep, args: &[&str]) -> i64 {
    let output = sitrep.run(&[&["notes", "add", "--story", "1"], args].concat());
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output).trim().parse().unwrap()
}

fn fails_with(sitrep: &Sitrep, args: &[&str], message: &str) {
    let output = sitrep.run(args);
    assert!(!output.status.success(), "{args:?} succeeded");
    let errors = stderr(&output);
    assert!(errors.contains(message), "{args:?}: {errors}");
    assert_eq!(errors.trim_end().lines().count(), 1, "{errors}");
}

#[test]
fn list_json_has_the_documented_shape_for_every_anchor() {
    let sitrep = library_with_story();
    let passage = add(
        &sitrep,
        &["--at", "22:30", "Which #Calendar? #maritime-code"],
    );
    let entity = add(&sitrep, &["--entity", "lena vos", "spokeswoman"]);
    let event = add(&sitrep, &["--event", "2023-06", "the date"]);
    let plain = add(&sitrep, &["story-wide"]);
    assert_eq!([passage, entity, event, plain], [1, 2, 3, 4]);

    let list = sitrep.json(&["notes", "list", "--json"]);
    let notes = list.as_array().unwrap();
    let keys: Vec<&String> = notes[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "anchor", "created", "deleted", "id", "story", "tags", "text", "updated"
        ]
    );
    assert_eq!(notes[0]["story"], 1);
    assert_eq!(notes[0]["text"], "Which #Calendar? #maritime-code");
    assert_eq!(notes[0]["tags"], json!(["calendar", "maritime-code"]));
    assert_eq!(
        notes[0]["anchor"],
        json!({"kind": "passage", "start": 22, "end": 30, "text": "calendar", "detached": false})
    );
    assert_eq!(
        notes[1]["anchor"],
        json!({"kind": "entity", "name": "Lena Vos"})
    );
    assert_eq!(
        notes[2]["anchor"],
        json!({"kind": "event", "date": "2023-06", "summary": "first round opens"})
    );
    assert_eq!(notes[3]["anchor"], Value::Null);
    assert_eq!(notes[3]["deleted"], Value::Null);
    let created = notes[0]["created"].as_str().unwrap();
    assert!(
        created.parse::<jiff::Timestamp>().is_ok(),
        "{created} is RFC 3339"
    );

    let tagged = sitrep.json(&["notes", "list", "--tag", "#CALENDAR", "--json"]);
    assert_eq!(tagged.as_array().unwrap().len(), 1);
    let text = stdout(&sitrep.run(&["notes", "list", "--story", "1"]));
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        text.lines().next().unwrap().contains("passage 22:30"),
        "{text}"
    );
}

#[test]
fn edit_history_restore_delete_and_undelete() {
    let sitrep = library_with_story();
    let id = add(&sitrep, &["first"]).to_string();
    let edited = sitrep.run(&["notes", "edit", &id, "second #revised"]);
    assert_eq!(stdout(&edited), "note 1: version 2\n");
    let history = sitrep.json(&["notes", "history", &id, "--json"]);
    assert_eq!(history[0]["version"], 1);
    assert_eq!(history[0]["text"], "first");
    assert_eq!(history[1]["text"], "second #revised");
    assert!(history[1]["saved"].is_string());
    let restored = sitrep.run(&["notes", "restore", &id, "1"]);
    assert_eq!(stdout(&restored), "note 1: version 3 (text of version 1)\n");
    assert_eq!(
        sitrep.json(&["notes", "list", "--json"])[0]["text"],
        "first"
    );

    assert!(sitrep.run(&["notes", "delete", &id]).status.success());
    assert_eq!(sitrep.json(&["notes", "list", "--json"]), json!([]));
    let deleted = sitrep.json(&["notes", "list", "--deleted", "--json"]);
    assert!(deleted[0]["deleted"].is_string());
    fails_with(
        &sitrep,
        &["notes", "edit", &id, "x"],
        "note 1 is deleted; undelete it first",
    );
    assert!(sitrep.run(&["notes", "undelete", &id]).status.success());
    assert_eq!(
        sitrep.json(&["notes", "list", "--json"])[0]["text"],
        "first"
    );
    assert_eq!(
        sitrep.json(&["search", "tag:revised", "--json"]),
        json!({"total": 0, "hits": []})
    );
    assert_eq!(
        sitrep.json(&["search", "first", "--json"])["hits"][0]["id"],
        1
    );
}

#[test]
fn bad_input_is_one_clear_line() {
    let sitrep = library_with_story();
    fails_with(
        &sitrep,
        &["notes", "add", "--story", "1", "--at", "5:500", "x"],
        "not inside story 1",
    );
    let unparsable = sitrep.run(&["notes", "add", "--story", "1", "--at", "five", "x"]);
    assert_eq!(
        unparsable.status.code(),
        Some(2),
        "a usage error, reported by clap"
    );
    assert!(stderr(&unparsable).contains("expected START:END character offsets"));
    fails_with(
        &sitrep,
        &["notes", "add", "--story", "7", "x"],
        "no story with id 7",
    );
    fails_with(
        &sitrep,
        &["notes", "add", "--story", "1", "--entity", "Wang Yi", "x"],
        "does not mention",
    );
    fails_with(
        &sitrep,
        &["notes", "add", "--story", "1", "--event", "2024", "x"],
        "no event dated 2024",
    );
    fails_with(
        &sitrep,
        &["notes", "add", "--story", "1", ""],
        "note text is empty",
    );
    fails_with(
        &sitrep,
        &["notes", "restore", "9", "1"],
        "no note with id 9",
    );
    fails_with(&sitrep, &["notes", "export"], "no notes to export");
}

#[test]
fn text_from_stdin() {
    let sitrep = library_with_story();
    let mut child = sitrep
        .command(&["notes", "add", "--story", "1", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Line one #piped\n\nLine two\n")
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let notes = sitrep.json(&["notes", "list", "--json"]);
    assert_eq!(notes[0]["text"], "Line one #piped\n\nLine two");
}

#[test]
fn export_markdown_and_json() {
    let sitrep = library_with_story();
    add(&sitrep, &["--at", "22:30", "Which #calendar?"]);
    let markdown = stdout(&sitrep.run(&["notes", "export"]));
    assert!(markdown.starts_with("# Analyst briefing\n"), "{markdown}");
    assert!(
        markdown.contains("## 1. Ministers agree calendar\n"),
        "{markdown}"
    );
    assert!(markdown.contains("  > calendar\n"), "{markdown}");
    assert!(
        markdown.contains("- 2023-06 — first round opens [1]\n"),
        "{markdown}"
    );
    let briefing = sitrep.json(&["notes", "export", "--format", "json", "--tag", "calendar"]);
    let keys: Vec<&String> = briefing.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "from",
            "generated",
            "stories",
            "tags",
            "timeline",
            "title",
            "to"
        ]
    );
    assert_eq!(briefing["stories"][0]["source"], "Harbour Wire");
    assert_eq!(
        briefing["stories"][0]["notes"][0]["text"],
        "Which #calendar?"
    );
    assert_eq!(briefing["timeline"][0]["story"], 1);
    fails_with(
        &sitrep,
        &["notes", "export", "--tag", "other"],
        "no notes to export",
    );
}

#[test]
fn reimporting_an_edited_file_moves_and_detaches_anchors() {
    let sitrep = Sitrep::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    let file_arg = file.to_str().unwrap();
    let write = |paragraphs: &[&str]| {
        std::fs::write(
            &file,
            format!("Harbour talks resume\n\n{}\n", paragraphs.join("\n\n")),
        )
        .unwrap()
    };
    write(&[
        "Ministers agreed on a calendar for maritime talks on Tuesday.",
        "A spokeswoman said the first round opens in June.",
    ]);
    assert!(sitrep.run(&["import", file_arg]).status.success());
    let body = sitrep.json(&["show", "1", "--json"])["body"]
        .as_str()
        .unwrap()
        .to_string();
    let range = |text: &str| {
        let start = body[..body.find(text).unwrap()].chars().count();
        format!("{start}:{}", start + text.chars().count())
    };
    add(
        &sitrep,
        &["--at", &range("a calendar for maritime talks"), "calendar"],
    );
    add(
        &sitrep,
        &["--at", &range("the first round opens in June"), "round"],
    );

    write(&[
        "After a long night, foreign ministers agreed on a calendar for Maritime Talks on Tuesday.",
        "No date was given.",
    ]);
    let again = sitrep.json(&["import", file_arg, "--json"]);
    assert_eq!(again["updated"], 1);
    let body = sitrep.json(&["show", "1", "--json"])["body"]
        .as_str()
        .unwrap()
        .to_string();
    let notes = sitrep.json(&["notes", "list", "--json"]);
    let moved = "a calendar for Maritime Talks";
    let start = body[..body.find(moved).unwrap()].chars().count();
    assert_eq!(
        notes[0]["anchor"],
        json!({"kind": "passage", "start": start, "end": start + moved.len(),
               "text": "a calendar for maritime talks", "detached": false})
    );
    assert_eq!(notes[1]["anchor"]["detached"], true);
    assert_eq!(notes[1]["anchor"]["text"], "the first round opens in June");
    let listed = stdout(&sitrep.run(&["notes", "list"]));
    assert!(listed.contains("(detached)"), "{listed}");
}
