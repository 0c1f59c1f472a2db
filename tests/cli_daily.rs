//! Daily use of the CLI on a shared machine: a private library (folder 0700, files
//! 0600, a warning when others can read it), no library made by a mistyped
//! `--library`, counts in the singular, `show` with the story's notes, undated and
//! sourceless stories in their place, shell completions and the man page.

mod cli_support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use cli_support::{Sitrep, fixtures, imported, library_command, stderr, stdout};
use sitrep::library::{DATABASE_FILE, Library};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_new_library_and_its_backups_are_private() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("analyst").join("library");
    let output = library_command(&dir, &["import", fixtures().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("readable by other users"));
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join(DATABASE_FILE)), 0o600);

    // SQLite's write-ahead log and shared memory, while a connection has them open.
    let mut library = Library::open(&dir).unwrap();
    library.add_note(1, None, "Private #note").unwrap();
    for suffix in ["-wal", "-shm"] {
        let path = dir.join(format!("{DATABASE_FILE}{suffix}"));
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    drop(library);

    let backup = parent.path().join("copy.db");
    let output = library_command(&dir, &["backup", backup.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(mode(&backup), 0o600);
}

#[test]
fn a_library_others_can_read_gets_one_warning_line() {
    let sitrep = imported();
    let dir = sitrep.dir.path();
    chmod(dir, 0o755);
    chmod(&dir.join(DATABASE_FILE), 0o644);
    let output = sitrep.run(&["list"]);
    assert!(output.status.success());
    let warning = stderr(&output);
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert!(
        warning.starts_with(&format!(
            "sitrep: warning: the library {} is readable by other users of this machine; \
             make it private with: chmod 700",
            dir.display()
        )),
        "{warning}"
    );
    assert_eq!(stdout(&output).lines().count(), 3);
    // A folder others may list, holding private files, exposes nothing.
    chmod(&dir.join(DATABASE_FILE), 0o600);
    assert_eq!(stderr(&sitrep.run(&["list"])), "");
}

#[test]
fn a_mistyped_library_is_an_error_not_a_new_library() {
    let parent = tempfile::tempdir().unwrap();
    let typo = parent.path().join("librray");
    let typo_arg = typo.to_str().unwrap();
    for args in [
        &["list"][..],
        &["show", "1"],
        &["search", "grain"],
        &["timeline", "--entity", "Turkey"],
        &["notes", "list"],
        &["notes", "export"],
        &["correct", "list"],
        &["check"],
    ] {
        let output = library_command(&typo, args).output().unwrap();
        assert!(!output.status.success(), "{args:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "sitrep: cannot open library: no sitrep library in {typo_arg} \
                 (check --library, or import stories first)\n"
            ),
            "{args:?}"
        );
        assert!(!typo.exists(), "{args:?} created {typo_arg}");
    }
    // Commands that write make the library.
    let output = library_command(&typo, &["import", fixtures().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(typo.join(DATABASE_FILE).exists());
}

#[test]
fn one_story_is_one_story() {
    let sitrep = Sitrep::new();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("one.json");
    std::fs::write(
        &file,
        r#"{"title": "Talks resume", "source": "Harbour Wire",
            "published": "2024-02-10T08:00:00Z", "body": "Talks resumed in Lisbon."}"#,
    )
    .unwrap();
    let output = sitrep.run(&["import", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&sitrep.run(&["--no-sample"]));
    assert!(
        summary.starts_with("1 story from 1 source, 2024-02-10 to 2024-02-10; "),
        "{summary}"
    );
    assert_eq!(
        stdout(&sitrep.run(&["check"])),
        "ok: 1 story, no problems found\n"
    );
    let copy = folder.path().join("copy.db");
    let backup = stdout(&sitrep.run(&["backup", copy.to_str().unwrap()]));
    assert!(backup.starts_with("backed up 1 story to "), "{backup}");
}

#[test]
fn show_lists_the_story_notes() {
    let sitrep = imported();
    for text in ["Watch the corridor #grain\nSecond line", "Ask the desk"] {
        let output = sitrep.run(&["notes", "add", "--story", "1", text]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let anchored = sitrep.run(&[
        "notes", "add", "--story", "1", "--entity", "Turkey", "Broker",
    ]);
    assert!(anchored.status.success(), "{}", stderr(&anchored));
    let deleted = sitrep.run(&["notes", "add", "--story", "1", "Gone"]);
    assert!(deleted.status.success());
    assert!(sitrep.run(&["notes", "delete", "4"]).status.success());

    let text = stdout(&sitrep.run(&["show", "1"]));
    let notes = &text[text.find("\nNotes\n").expect(&text)..];
    let lines: Vec<&str> = notes.lines().skip(2).collect();
    assert_eq!(lines.len(), 7, "{notes}");
    assert!(lines[0].starts_with("  note 1 · "), "{notes}");
    assert_eq!(lines[1], "    Watch the corridor #grain");
    assert_eq!(lines[2], "    Second line");
    assert!(lines[5].starts_with("  note 3 · ") && lines[5].ends_with(" · about Turkey"));
    assert_eq!(lines[6], "    Broker");
    assert!(!notes.contains("Gone"));
    assert!(!stdout(&sitrep.run(&["show", "2"])).contains("\nNotes\n"));
}

#[test]
fn undated_and_sourceless_stories_do_not_sort_first() {
    let sitrep = Sitrep::new();
    let folder = tempfile::tempdir().unwrap();
    let stories = r#"[
        {"title": "Undated", "source": "Harbour Wire", "body": "Ministers met."},
        {"title": "Sourceless", "published": "2024-01-05T08:00:00Z", "body": "Envoys met."},
        {"title": "Newest", "source": "Coast Ledger", "published": "2024-03-01T08:00:00Z",
         "body": "Talks resumed."},
        {"title": "Older", "source": "Coast Ledger", "published": "2023-12-01T08:00:00Z",
         "body": "Talks stalled."}
    ]"#;
    std::fs::write(folder.path().join("four.json"), stories).unwrap();
    let output = sitrep.run(&["import", folder.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let list = stdout(&sitrep.run(&["list"]));
    let titles: Vec<&str> = list
        .lines()
        .map(|line| line.rsplit("  ").next().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Newest", "Sourceless", "Older", "Undated"],
        "{list}"
    );
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    let sitrep = Sitrep::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = sitrep.run(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        for word in ["sitrep", "correct", "export", "library"] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    let unknown = sitrep.run(&["completions", "tcsh"]);
    assert!(!unknown.status.success());
    let man = sitrep.run(&["man"]);
    assert!(man.status.success(), "{}", stderr(&man));
    let page = stdout(&man);
    assert!(page.contains(".TH sitrep 1"), "{page}");
    assert!(page.contains("correct"));
    assert!(
        !sitrep.dir.path().join(DATABASE_FILE).exists(),
        "no library needed"
    );
}
