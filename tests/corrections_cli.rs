//! `sitrep correct ...` with the real binary: every kind of correction shows in `show`,
//! `list`, `timeline` and `notes export`, survives a re-import of a changed file, and
//! can be undone.

mod cli_support;

use std::path::Path;

use cli_support::{Sitrep, stderr, stdout};
use serde_json::Value;

const BERTHS: &str = r#"{
  "title": "Harbour authority reopens northern berths",
  "source": "Harbour Wire",
  "url": "https://harbourwire.example/berths",
  "published": "2024-02-10T08:00:00Z",
  "body": "\"We reopened the northern berths this morning,\" said Tomas Elling, a spokesman for the Portmouth Harbour Authority.\n\nElling said the southern berths would reopen on March 3, 2024.\n\nThe harbour closed on Monday after a storm, Elling said."
}"#;

const FERRY: &str = r#"{
  "title": "Ferry line adds winter crossings",
  "source": "Coast Ledger",
  "url": "https://coastledger.example/ferry",
  "published": "2024-02-12T10:00:00Z",
  "body": "The Portmouth ferry line will add two winter crossings from March 3, 2024, said Tomas Elling of the Portmouth Harbour Authority.\n\n\"Demand has doubled,\" Elling said.BODY_END"
}"#;

/// A library of the two stories (1: berths, 2: ferry), imported from `folder`.
fn imported(folder: &Path) -> Sitrep {
    std::fs::write(folder.join("1-berths.json"), BERTHS).unwrap();
    std::fs::write(folder.join("2-ferry.json"), FERRY.replace("BODY_END", "")).unwrap();
    let sitrep = Sitrep::new();
    let output = sitrep.run(&["import", folder.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    sitrep
}

/// Runs a command that must succeed; returns its stdout.
fn ok(sitrep: &Sitrep, args: &[&str]) -> String {
    let output = sitrep.run(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

/// Runs a command that must fail with one line on stderr containing `message`.
fn fails_with(sitrep: &Sitrep, args: &[&str], message: &str) {
    let output = sitrep.run(args);
    assert!(!output.status.success(), "{args:?} succeeded");
    let errors = stderr(&output);
    assert!(errors.contains(message), "{args:?}: {errors}");
    assert_eq!(errors.lines().count(), 1, "{errors}");
}

fn names(story: &Value, list: &str, field: &str) -> Vec<String> {
    story[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[field].as_str().unwrap_or("-").to_string())
        .collect()
}

fn timeline(sitrep: &Sitrep, entity: &str) -> Vec<String> {
    sitrep
        .json(&["timeline", "--entity", entity, "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["summary"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn corrections_show_everywhere_survive_reimport_and_undo() {
    let folder = tempfile::tempdir().unwrap();
    let sitrep = imported(folder.path());
    let before = sitrep.json(&["show", "2", "--json"]);
    assert_eq!(
        names(&before, "entities", "name"),
        ["Portmouth", "Tomas Elling", "Portmouth Harbour Authority"],
        "the analysis this test corrects"
    );
    assert_eq!(timeline(&sitrep, "Tomas Elling").len(), 4);

    let made = ok(
        &sitrep,
        &["correct", "rename", "tomas elling", "Tomas Elling-Berg"],
    );
    assert_eq!(
        made,
        "correction 1: rename Tomas Elling to Tomas Elling-Berg (undo: sitrep correct undo 1)\n"
    );
    ok(
        &sitrep,
        &[
            "correct",
            "merge",
            "Portmouth",
            "Portmouth Harbour Authority",
        ],
    );
    ok(&sitrep, &["correct", "hide", "quote", "--story", "2", "1"]);
    ok(
        &sitrep,
        &[
            "correct", "speaker", "--story", "1", "--quote", "2", "Ana Ruiz",
        ],
    );
    ok(&sitrep, &["correct", "hide", "event", "--story", "1", "1"]);
    ok(
        &sitrep,
        &[
            "correct",
            "split",
            "Tomas Elling-Berg",
            "--story",
            "2",
            "--as",
            "Tom Elling",
        ],
    );
    let dated = ok(&sitrep, &["correct", "date", "--story", "2", "2024-01-01"]);
    assert!(dated.starts_with("correction 7: story 2 was published 2024-01-01T00:00:00Z"));
    ok(
        &sitrep,
        &["correct", "source", "--story", "1", "Harbour Wire Weekly"],
    );
    ok(
        &sitrep,
        &[
            "correct",
            "hide",
            "entity",
            "Portmouth Harbour Authority",
            "--story",
            "1",
        ],
    );

    let check = |sitrep: &Sitrep| {
        let berths = sitrep.json(&["show", "1", "--json"]);
        assert_eq!(names(&berths, "entities", "name"), ["Tomas Elling-Berg"]);
        // The third is reported speech with its cue after the clause ("…, Elling said.").
        assert_eq!(
            names(&berths, "quotes", "speaker"),
            ["Tomas Elling-Berg", "Ana Ruiz", "Tomas Elling-Berg"]
        );
        assert_eq!(berths["source"], "Harbour Wire Weekly");
        assert_eq!(berths["events"].as_array().unwrap().len(), 2);
        let ferry = sitrep.json(&["show", "2", "--json"]);
        assert_eq!(
            names(&ferry, "entities", "name"),
            ["Portmouth Harbour Authority", "Tom Elling"]
        );
        assert_eq!(
            ferry["entities"][0]["mentions"].as_array().unwrap().len(),
            2
        );
        assert_eq!(names(&ferry, "quotes", "speaker"), ["Tom Elling"]);
        assert_eq!(ferry["published"], "2024-01-01T00:00:00Z");

        let list = ok(sitrep, &["list"]);
        let rows: Vec<&str> = list.lines().collect();
        assert!(
            rows[0].starts_with("1  2024-02-10  Harbour Wire Weekly"),
            "{list}"
        );
        assert!(rows[1].starts_with("2  2024-01-01  Coast Ledger"), "{list}");

        assert_eq!(
            timeline(sitrep, "Tomas Elling-Berg"),
            [
                "The harbour closed after a storm",
                "Elling said the southern berths would reopen"
            ]
        );
        assert_eq!(timeline(sitrep, "Tom Elling").len(), 1);
        assert!(timeline(sitrep, "Tomas Elling").is_empty());
        let text = ok(sitrep, &["show", "2"]);
        assert!(
            text.contains("  1. Tom Elling: “Demand has doubled,” (direct)\n"),
            "{text}"
        );
    };
    check(&sitrep);

    ok(
        &sitrep,
        &["notes", "add", "--story", "2", "Ferry demand #ports"],
    );
    ok(
        &sitrep,
        &[
            "notes",
            "add",
            "--story",
            "2",
            "--entity",
            "tom elling",
            "Who?",
        ],
    );
    let notes = sitrep.json(&["notes", "list", "--json"]);
    assert_eq!(notes[1]["anchor"]["name"], "Tom Elling");
    let briefing = ok(&sitrep, &["notes", "export"]);
    assert!(
        briefing.contains("- **Tom Elling**: “Demand has doubled,”\n"),
        "{briefing}"
    );
    assert!(
        briefing.contains("*Coast Ledger*, 2024-01-01."),
        "{briefing}"
    );
    assert!(!briefing.contains("Portmouth:"), "{briefing}");

    // A changed file is imported again (re-analysed); the corrections still apply.
    std::fs::write(
        folder.path().join("2-ferry.json"),
        FERRY.replace("BODY_END", "\\n\\nBookings open next week."),
    )
    .unwrap();
    let reimport = ok(&sitrep, &["import", folder.path().to_str().unwrap()]);
    assert!(reimport.starts_with("imported 0, updated 1"), "{reimport}");
    check(&sitrep);

    // Undo: the date comes back; the correction stays listed as undone.
    assert_eq!(
        ok(&sitrep, &["correct", "undo", "7"]),
        "undone: story 2 was published 2024-01-01T00:00:00Z\n"
    );
    let list = ok(&sitrep, &["list"]);
    assert!(list.starts_with("2  2024-02-12  Coast Ledger"), "{list}");
    let active = ok(&sitrep, &["correct", "list"]);
    assert_eq!(active.lines().count(), 8, "{active}");
    assert!(!active.contains("2024-01-01T00:00:00Z"), "{active}");
    let all = sitrep.json(&["correct", "list", "--all", "--json"]);
    let entries = all.as_array().unwrap();
    assert_eq!(entries.len(), 9);
    assert_eq!(entries[6]["kind"], "date");
    assert_eq!(entries[6]["story"], 2);
    assert!(entries[6]["undone"].is_string());
    assert_eq!(entries[0]["kind"], "rename");
    assert_eq!(entries[0]["from"], "Tomas Elling");
    assert!(entries[0]["undone"].is_null());
    ok(&sitrep, &["correct", "undo", "6"]);
    let notes = sitrep.json(&["notes", "list", "--json"]);
    assert_eq!(notes[1]["anchor"]["name"], "Tomas Elling-Berg");
    ok(&sitrep, &["correct", "undo", "1"]);
    // The split named the renamed entity; with the rename undone, it no longer applies.
    assert_eq!(timeline(&sitrep, "Tomas Elling").len(), 3);
}

#[test]
fn wrong_corrections_are_one_clear_line() {
    let folder = tempfile::tempdir().unwrap();
    let sitrep = imported(folder.path());
    fails_with(
        &sitrep,
        &["correct", "rename", "Nobody", "Somebody"],
        "invalid correction: no entity named \"Nobody\"",
    );
    fails_with(
        &sitrep,
        &["correct", "rename", "Portmouth", "Tomas Elling"],
        "merge \"Portmouth\" into it instead",
    );
    fails_with(
        &sitrep,
        &["correct", "merge", "Portmouth", "portmouth"],
        "cannot be merged into itself",
    );
    fails_with(
        &sitrep,
        &["correct", "speaker", "--story", "1", "--quote", "9", "X"],
        "story 1 has no quote 9 (see sitrep show 1)",
    );
    fails_with(
        &sitrep,
        &["correct", "hide", "event", "--story", "1", "0"],
        "story 1 has no event 0",
    );
    fails_with(
        &sitrep,
        &["correct", "date", "--story", "1", "last week"],
        "is not a date",
    );
    fails_with(
        &sitrep,
        &["correct", "source", "--story", "7", "X"],
        "no story with id 7",
    );
    fails_with(
        &sitrep,
        &["correct", "split", "Portmouth", "--story", "1", "--as", "X"],
        "story 1 has no entity named \"Portmouth\"",
    );
    fails_with(
        &sitrep,
        &["correct", "undo", "3"],
        "no correction with id 3",
    );
    ok(
        &sitrep,
        &["correct", "source", "--story", "1", "Harbour Wire Weekly"],
    );
    ok(&sitrep, &["correct", "undo", "1"]);
    fails_with(
        &sitrep,
        &["correct", "undo", "1"],
        "correction 1 is already undone",
    );
    assert_eq!(ok(&sitrep, &["correct", "list"]), "no corrections\n");
}

#[test]
fn timeline_and_note_anchors_take_entities_by_whole_words_of_their_names() {
    let folder = tempfile::tempdir().unwrap();
    let sitrep = imported(folder.path());
    // Whole words of a name, any case, as `entity:` in a search.
    assert_eq!(timeline(&sitrep, "elling").len(), 4);
    assert_eq!(timeline(&sitrep, "Tomas Elling").len(), 4);
    assert!(timeline(&sitrep, "Ell").is_empty(), "not parts of words");
    let id = ok(
        &sitrep,
        &[
            "notes", "add", "--story", "2", "--entity", "elling", "check",
        ],
    );
    let notes = sitrep.json(&["notes", "list", "--json"]);
    assert_eq!(notes[0]["id"].to_string(), id.trim());
    assert_eq!(notes[0]["anchor"]["name"], "Tomas Elling");

    // By the names corrections give, and asking for the whole name when a few words fit
    // several of the story's entities.
    ok(
        &sitrep,
        &["correct", "rename", "Tomas Elling", "Tomas Elling-Berg"],
    );
    ok(
        &sitrep,
        &["correct", "rename", "Portmouth", "Portmouth Town"],
    );
    assert_eq!(timeline(&sitrep, "elling-berg").len(), 4);
    assert!(timeline(&sitrep, "elling").is_empty());
    ok(
        &sitrep,
        &["notes", "add", "--story", "2", "--entity", "town", "check"],
    );
    fails_with(
        &sitrep,
        &["notes", "add", "--story", "2", "--entity", "portmouth", "x"],
        "names several entities of story 2: Portmouth Harbour Authority, Portmouth Town",
    );
    let output = sitrep.run(&["timeline", "--entity", "portmouth"]);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("\"portmouth\" fits 2 entities; showing"),
        "{}",
        stderr(&output)
    );
}

/// A story whose body says "the UN": the analysis names the entity "United Nations", so
/// the word "nations" is in no text of it but the entity's name.
const CONVOY: &str = r#"{
  "title": "Aid convoy reaches the port",
  "source": "Coast Ledger",
  "url": "https://coastledger.example/convoy",
  "published": "2024-03-01T09:00:00Z",
  "body": "An aid convoy reached the port of Portmouth on Friday, the UN said.\n\n\"The trucks are unloading now,\" said Mara Tell, a spokeswoman for the convoy.BODY_END"
}"#;

/// The ids and matched texts `sitrep search WORDS --json` finds.
fn searched(sitrep: &Sitrep, words: &str) -> Vec<(i64, String)> {
    let found = sitrep.json(&["search", words, "--json"]);
    found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| {
            let text = hit["text"].as_str().unwrap().to_string();
            (hit["id"].as_i64().unwrap(), text)
        })
        .collect()
}

#[test]
fn plain_word_search_finds_entities_by_their_corrected_names() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("convoy.json");
    std::fs::write(&file, CONVOY.replace("BODY_END", "")).unwrap();
    let sitrep = Sitrep::new();
    ok(&sitrep, &["import", file.to_str().unwrap()]);
    let by_name = |name: &str| vec![(1, format!("Portmouth {name} Mara Tell"))];
    assert_eq!(searched(&sitrep, "nations"), by_name("United Nations"));

    ok(
        &sitrep,
        &["correct", "rename", "United Nations", "Relief Agency"],
    );
    assert!(searched(&sitrep, "nations").is_empty(), "the old name");
    assert_eq!(searched(&sitrep, "agency"), by_name("Relief Agency"));
    ok(&sitrep, &["correct", "undo", "1"]);
    assert_eq!(searched(&sitrep, "nations"), by_name("United Nations"));
    assert!(searched(&sitrep, "agency").is_empty(), "undone");

    ok(&sitrep, &["correct", "hide", "entity", "United Nations"]);
    assert!(searched(&sitrep, "nations").is_empty(), "hidden");
    // The file changed: the story is updated and analysed again, still hidden.
    std::fs::write(&file, CONVOY.replace("BODY_END", " Unloading ends today.")).unwrap();
    let imported = ok(&sitrep, &["import", file.to_str().unwrap()]);
    assert!(imported.starts_with("imported 0, updated 1,"), "{imported}");
    assert!(
        searched(&sitrep, "nations").is_empty(),
        "hidden after re-import"
    );
    ok(&sitrep, &["correct", "undo", "2"]);
    assert_eq!(searched(&sitrep, "nations"), by_name("United Nations"));
    // `check` fails when the full-text index differs from the text it was built from.
    ok(&sitrep, &["check"]);
}
