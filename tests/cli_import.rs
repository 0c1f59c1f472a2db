//! `sitrep import`: summaries, JSON shape, failures and exit codes, idempotence.

mod cli_support;

use cli_support::{Sitrep, fixtures, stderr, stdout};

#[test]
fn imports_a_folder_and_names_the_bad_file() {
    let sitrep = Sitrep::new();
    let output = sitrep.run(&["import", fixtures().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "imported 3, updated 0, unchanged 0, failed 1 (4 files)\n"
    );
    let errors = stderr(&output);
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(errors.starts_with(&format!(
        "{}: ",
        fixtures().join("more/04-broken.json").display()
    )));
}

#[test]
fn reimport_reports_unchanged_in_json() {
    let sitrep = Sitrep::new();
    let folder = fixtures();
    let folder = folder.to_str().unwrap();
    let first = sitrep.json(&["import", folder, "--json"]);
    assert_eq!(first["imported"], 3);
    assert_eq!(first["failed"], 1);
    assert_eq!(first["files"], 4);
    assert!(
        first["errors"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("04-broken.json")
    );
    assert!(first["errors"][0]["error"].is_string());

    let again = sitrep.json(&["import", folder, "--json"]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["updated"], 0);
    assert_eq!(again["unchanged"], 3);
    assert_eq!(
        sitrep.json(&["list", "--json"]).as_array().unwrap().len(),
        3
    );
}

#[test]
fn an_edited_file_updates_its_story_in_place() {
    let sitrep = Sitrep::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.json");
    let story = |body: &str| {
        format!(
            r#"{{"title": "Port talks", "published": "2023-05-02T08:00:00Z", "body": "{body}"}}"#
        )
    };
    std::fs::write(&file, story("The harbour reopened.")).unwrap();
    let path = file.to_str().unwrap();
    assert_eq!(sitrep.json(&["import", path, "--json"])["imported"], 1);
    let id = sitrep.json(&["list", "--json"])[0]["id"].clone();

    std::fs::write(&file, story("The quay stayed shut.")).unwrap();
    let report = sitrep.json(&["import", path, "--json"]);
    assert_eq!(
        (report["imported"].clone(), report["updated"].clone()),
        (0.into(), 1.into())
    );
    let hits = sitrep.json(&["search", "quay", "--json"]);
    assert_eq!(hits["hits"][0]["id"], id);
    assert_eq!(
        sitrep.json(&["search", "harbour", "--json"]),
        serde_json::json!({"total": 0, "hits": []})
    );
}

#[test]
fn missing_file_fails_with_one_line() {
    let sitrep = Sitrep::new();
    let output = sitrep.run(&["import", "/no/such/briefing.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "/no/such/briefing.json: no such file or directory\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let sitrep = Sitrep::new();
    assert_eq!(sitrep.run(&["import"]).status.code(), Some(2));
    assert_eq!(sitrep.run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(sitrep.run(&["show", "seven"]).status.code(), Some(2));
}
