//! `sitrep list`, `show`, `search` and `extract`: JSON shapes, text, errors, closed pipes.

mod cli_support;

use std::process::Stdio;

use cli_support::{Sitrep, fixtures, imported, stderr, stdout};

#[test]
fn list_is_newest_first_with_the_documented_keys() {
    let sitrep = imported();
    let list = sitrep.json(&["list", "--json"]);
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|story| story["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Black Sea grain corridor reopens after week of talks",
            "ASEAN ministers agree calendar for maritime code talks",
            "Sahel states weigh joint budget for border patrols",
        ]
    );
    let keys: Vec<&String> = list[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "published", "source", "title"]);
    assert_eq!(list[0]["source"], "Harbour Wire");
    assert_eq!(list[0]["published"], "2023-07-18T09:15:00+03:00");
    assert_eq!(
        sitrep
            .json(&["list", "--json", "--limit", "1"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let text = stdout(&sitrep.run(&["list"]));
    assert_eq!(text.lines().count(), 3);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("2023-07-18  Harbour Wire ")
    );
}

#[test]
fn show_prints_the_extract_schema_with_id() {
    let sitrep = imported();
    let id = sitrep.json(&["list", "--json"])[0]["id"].as_i64().unwrap();
    let story = sitrep.json(&["show", &id.to_string(), "--json"]);
    assert_eq!(story["id"], id);
    for key in [
        "title",
        "source",
        "byline",
        "url",
        "published",
        "dateline",
        "highlights",
        "body",
        "tags",
        "entities",
        "quotes",
        "dates",
        "events",
    ] {
        assert!(story.get(key).is_some(), "missing {key}");
    }
    assert_eq!(story["tags"], serde_json::json!(["trade", "black-sea"]));
    let text = stdout(&sitrep.run(&["show", &id.to_string()]));
    assert!(text.starts_with(&format!("#{id}  Black Sea grain corridor")));

    let missing = sitrep.run(&["show", "9999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(stderr(&missing), "sitrep: no story with id 9999\n");
}

#[test]
fn search_ranks_marks_and_filters() {
    let sitrep = imported();
    let found = sitrep.json(&["search", "corridor", "--json"]);
    assert_eq!(found["total"], 1);
    let hits = &found["hits"];
    assert_eq!(hits.as_array().unwrap().len(), 1);
    let keys: Vec<&String> = hits[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "field",
            "id",
            "published",
            "ranges",
            "score",
            "source",
            "text",
            "title"
        ]
    );
    assert_eq!(hits[0]["field"], "text");
    let text: Vec<char> = hits[0]["text"].as_str().unwrap().chars().collect();
    let [start, end] = [0, 1].map(|i| hits[0]["ranges"][0][i].as_u64().unwrap() as usize);
    assert_eq!(
        text[start..end].iter().collect::<String>().to_lowercase(),
        "corridor"
    );
    assert!(hits[0]["score"].as_f64().unwrap() > 0.0);

    let by_source = sitrep.json(&["search", "source:\"Gulf Meridian\"", "--json"]);
    assert_eq!(by_source["hits"].as_array().unwrap().len(), 2);
    let words_and_filter = sitrep.json(&["search", "talks", "from:2023-01-01", "--json"]);
    assert_eq!(words_and_filter["total"], 2);
    assert_eq!(
        sitrep.json(&["search", "tag:asia", "--json"])["hits"][0]["title"],
        "ASEAN ministers agree calendar for maritime code talks"
    );
    let hostile = sitrep.run(&["search", "\"AND(", "NEAR(", "--json"]);
    assert!(hostile.status.success(), "{}", stderr(&hostile));

    let bad_day = sitrep.run(&["search", "from:2023-13-01"]);
    assert_eq!(bad_day.status.code(), Some(1));
    assert_eq!(stderr(&bad_day).lines().count(), 1);
}

#[test]
fn search_text_marks_matches_and_counts_truly() {
    let sitrep = imported();
    let text = stdout(&sitrep.run(&["search", "talks", "--limit", "1"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].to_lowercase().contains("[talks]"), "{text}");
    assert_eq!(lines[2], "2 results, 1–1 shown (next: --offset 1)");
    let last = stdout(&sitrep.run(&["search", "talks", "--offset", "1"]));
    assert!(last.ends_with("2 results, 2–2 shown\n"), "{last}");
    let one = stdout(&sitrep.run(&["search", "corridor"]));
    assert!(one.ends_with("\n1 result\n"), "{one}");
    let none = stdout(&sitrep.run(&["search", "zeppelin"]));
    assert_eq!(none, "no matching stories\n");
}

#[test]
fn search_language_or_not_phrases_and_loose_filters() {
    let sitrep = imported();
    let titles = |query: &[&str]| -> Vec<String> {
        let mut args = vec!["search", "--json"];
        args.extend(query);
        let found = sitrep.json(&args);
        let mut titles: Vec<String> = found["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|hit| hit["title"].as_str().unwrap().to_string())
            .collect();
        titles.sort();
        titles
    };
    let grain = "Black Sea grain corridor reopens after week of talks";
    let asean = "ASEAN ministers agree calendar for maritime code talks";
    assert_eq!(titles(&["corridor OR calendar"]), [asean, grain]);
    assert_eq!(titles(&["talks NOT corridor NOT patrols"]), [asean]);
    assert_eq!(titles(&["\"grain corridor\""]), [grain]);
    assert_eq!(titles(&["source:harbour"]), [grain]);
    let incomplete = sitrep.run(&["search", "from:2024-0"]);
    assert_eq!(incomplete.status.code(), Some(1));
    assert!(
        stderr(&incomplete).contains("the date \"2024-0\" is incomplete"),
        "{}",
        stderr(&incomplete)
    );
}

#[test]
fn extract_prints_one_object_without_a_library() {
    let sitrep = Sitrep::new();
    let file = fixtures().join("02-summit.json");
    let story = sitrep.json(&["extract", file.to_str().unwrap(), "--json"]);
    assert_eq!(story["dateline"], "Jakarta");
    assert!(story.get("id").is_none());
    assert!(story["entities"].is_array());
    assert!(!sitrep.dir.path().join("sitrep.db").exists());

    let broken = sitrep.run(&["extract", "/no/such/file.json", "--json"]);
    assert_eq!(broken.status.code(), Some(1));
    let message = stderr(&broken);
    assert_eq!(message.lines().count(), 1);
    assert!(message.starts_with("sitrep: cannot extract /no/such/file.json: "));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let sitrep = imported();
    let mut child = sitrep
        .command(&["list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(stderr(&output), "");
}

#[test]
fn bare_sitrep_summarises_and_no_sample_leaves_an_empty_library_empty() {
    let sitrep = Sitrep::new();
    let output = sitrep.run(&["--no-sample"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "0 stories from 0 sources; 0 entities\n");
    assert_eq!(stderr(&output), "");

    let sitrep = imported();
    let output = sitrep.run(&[]);
    // The entity count depends on the analyser; that it counts something is the point here.
    let summary = stdout(&output);
    let entities = summary
        .strip_prefix("3 stories from 2 sources, 2022-11-02 to 2023-07-18; ")
        .and_then(|rest| rest.strip_suffix(" entities\n"))
        .and_then(|count| count.parse::<usize>().ok());
    assert!(entities.is_some_and(|n| n > 0), "{summary}");
    assert_eq!(stderr(&output), "");
}

#[test]
fn the_first_bare_sitrep_imports_the_bundled_sample_once() {
    let sitrep = Sitrep::new();
    let first = sitrep.run(&[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("importing the bundled sample"));
    let stories = sitrep.json(&["list", "--json", "--limit", "1000"]);
    let count = stories.as_array().unwrap().len();
    assert!(count >= 40, "{count} sample stories");
    assert!(stdout(&first).starts_with(&format!("{count} stories from ")));

    let second = sitrep.run(&[]);
    assert_eq!(stderr(&second), "");
    assert_eq!(stdout(&second), stdout(&first));
}
