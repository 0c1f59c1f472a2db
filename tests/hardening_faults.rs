//! Library faults through the real `sitrep` binary: a corrupt, truncated, newer,
//! read-only, full or locked library each gives one clear line and loses nothing
//! already stored; `sitrep check` names what is wrong; `sitrep backup` makes a
//! consistent copy while the library is being read and written.

mod cli_support;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use cli_support::{library_command as sitrep, stderr};
use rusqlite::Connection;
use sitrep::library::{DATABASE_FILE, Library};
use sitrep::model::{Analysis, Article, Entity, EntityKind, Mention};

/// Stories in the library every test starts from.
const STORIES: usize = 5;

fn run(dir: &Path, args: &[&str]) -> Output {
    sitrep(dir, args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Asserts the command failed with exit 1 and exactly one stderr line containing `reason`.
fn assert_fails_with(output: &Output, reason: &str) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.starts_with("sitrep: "), "{message}");
    assert!(message.contains(reason), "expected {reason:?} in {message}");
}

/// A story whose body names "Kestrel Bay" once, with that mention as its analysis.
fn story(n: usize) -> (Article, Analysis) {
    let body = format!(
        "Talks on the Kestrel Bay fisheries accord resumed for round {n} on Monday, officials said."
    );
    let start = body.find("Kestrel Bay").unwrap();
    let article = Article {
        title: format!("Fisheries talks, round {n}"),
        source: Some("Harbour Ledger".to_string()),
        published: Some(format!("2024-03-{:02}T09:00:00+01:00", n % 28 + 1)),
        body,
        ..Article::default()
    };
    let analysis = Analysis {
        entities: vec![Entity {
            name: "Kestrel Bay".to_string(),
            kind: EntityKind::Place,
            mentions: vec![Mention {
                start,
                end: start + "Kestrel Bay".len(),
                text: "Kestrel Bay".to_string(),
            }],
        }],
        ..Analysis::default()
    };
    (article, analysis)
}

/// A library directory holding [`STORIES`] stories, closed (its WAL checkpointed).
fn library_with_stories() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    for n in 0..STORIES {
        library.store(&format!("test:{n}"), &[story(n)]).unwrap();
    }
    dir
}

fn database(dir: &Path) -> PathBuf {
    dir.join(DATABASE_FILE)
}

fn story_count(dir: &Path) -> i64 {
    Library::open(dir).unwrap().summary().unwrap().stories
}

/// A small story file to import.
fn story_file(dir: &Path, body_bytes: usize) -> PathBuf {
    let path = dir.join("new-story.txt");
    let sentence = "Ministers met again on Monday and agreed to keep talking. ";
    let body = sentence.repeat(body_bytes / sentence.len() + 1);
    std::fs::write(&path, format!("Ministers meet again\n\n{body}\n")).unwrap();
    path
}

#[test]
fn a_foreign_or_garbage_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..65_536u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(database(dir.path()), &garbage).unwrap();
    for args in [
        &["list"][..],
        &["check"],
        &["search", "talks"],
        &["backup", "/tmp/x.db"],
    ] {
        assert_fails_with(&run(dir.path(), args), "not a sitrep library");
    }
    let file = story_file(dir.path(), 100);
    assert_fails_with(
        &run(dir.path(), &["import", file.to_str().unwrap()]),
        "not a sitrep library",
    );
    assert_eq!(std::fs::read(database(dir.path())).unwrap(), garbage);
}

#[test]
fn a_truncated_library_is_reported_by_check() {
    let dir = library_with_stories();
    let path = database(dir.path());
    {
        // Grow the file past the first pages so truncation cuts through tables.
        let mut library = Library::open(dir.path()).unwrap();
        let stories: Vec<_> = (STORIES..STORIES + 200).map(story).collect();
        library.store("test:bulk", &stories).unwrap();
    }
    let length = std::fs::metadata(&path).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(length / 2).unwrap();
    drop(file);

    let checked = run(dir.path(), &["check"]);
    assert_eq!(checked.status.code(), Some(1), "{}", stdout(&checked));
    let report = format!("{}{}", stdout(&checked), stderr(&checked));
    assert!(!report.contains("panicked"), "{report}");
    if checked.stderr.is_empty() {
        assert!(
            stdout(&checked).contains("problem: database file:"),
            "{report}"
        );
    } else {
        assert_eq!(stderr(&checked).lines().count(), 1, "{report}");
    }
    let listed = run(dir.path(), &["list"]);
    assert!(!stderr(&listed).contains("panicked"));
    assert!(stderr(&listed).lines().count() <= 1, "{}", stderr(&listed));
}

#[test]
fn a_library_from_a_newer_sitrep_is_refused_untouched() {
    let dir = library_with_stories();
    let path = database(dir.path());
    let conn = Connection::open(&path).unwrap();
    let known: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let file = story_file(dir.path(), 100);
    for args in [
        &["list"][..],
        &["import", file.to_str().unwrap()],
        &["check"],
    ] {
        assert_fails_with(
            &run(dir.path(), args),
            &format!("written by a newer sitrep (schema version 99, this build knows {known})"),
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", known)
        .unwrap();
    assert_eq!(story_count(dir.path()), STORIES as i64);
}

#[test]
fn a_read_only_library_gives_a_clear_message_and_keeps_its_stories() {
    let dir = library_with_stories();
    let file = story_file(&std::env::temp_dir(), 100);
    let read_only = |mode: u32| {
        for path in [database(dir.path()), dir.path().to_path_buf()] {
            let mode = if path.is_dir() { mode | 0o111 } else { mode };
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        }
    };
    read_only(0o444);
    let mut import = sitrep(dir.path(), &["import", file.to_str().unwrap()]);
    // Root writes through any permission bits: run sitrep as an unprivileged user then.
    if unsafe { libc::geteuid() } == 0 {
        import.uid(65534).gid(65534);
    }
    let output = import.output().unwrap();
    read_only(0o644);
    assert_fails_with(&output, "is read-only");
    assert_eq!(story_count(dir.path()), STORIES as i64);
}

#[test]
fn a_full_disk_fails_the_import_and_keeps_the_stories() {
    let dir = library_with_stories();
    let files = tempfile::tempdir().unwrap();
    let big = story_file(files.path(), 1 << 20);
    let mut import = sitrep(dir.path(), &["import", big.to_str().unwrap()]);
    // No file sitrep writes may grow past 512 kB: writes beyond fail as on a full disk.
    unsafe {
        import.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 512 << 10,
                rlim_max: 512 << 10,
            };
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = import.output().unwrap();
    assert_fails_with(&output, "cannot write the library file (is the disk full?)");
    assert_eq!(story_count(dir.path()), STORIES as i64);
    let checked = run(dir.path(), &["check"]);
    assert!(checked.status.success(), "{}", stdout(&checked));

    let again = run(dir.path(), &["import", big.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(story_count(dir.path()), STORIES as i64 + 1);
}

#[test]
fn a_locked_library_times_out_with_a_clear_message_and_keeps_the_stories() {
    let dir = library_with_stories();
    let file = story_file(&std::env::temp_dir().join(""), 100);
    let holder = Connection::open(database(dir.path())).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let listed = run(dir.path(), &["list", "--json"]);
    assert!(
        listed.status.success(),
        "readers are not blocked: {}",
        stderr(&listed)
    );
    let import = run(dir.path(), &["import", file.to_str().unwrap()]);
    assert_fails_with(&import, "library is locked by another sitrep process");

    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(story_count(dir.path()), STORIES as i64);
    let import = run(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert_eq!(story_count(dir.path()), STORIES as i64 + 1);
}

#[test]
fn check_passes_a_healthy_library() {
    let dir = library_with_stories();
    let output = run(dir.path(), &["check"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert_eq!(stdout(&output), "ok: 5 stories, no problems found\n");
}

#[test]
fn check_names_each_broken_invariant() {
    let dir = library_with_stories();
    let conn = Connection::open(database(dir.path())).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         UPDATE article_analysis SET mentions = json_set(mentions, '$[0][2]', 1000)
             WHERE article_id = 2;
         UPDATE article_analysis SET mentions = json_set(mentions, '$[0][3]', 'Osprey Bay')
             WHERE article_id = 3;
         UPDATE articles SET body = 'Rewritten behind the index.' WHERE id = 4;
         UPDATE article_analysis SET quotes = '[{' WHERE article_id = 5;
         UPDATE article_analysis SET mentions = json_array(json_array(5, 0, 0, '')) WHERE article_id = 1;
         INSERT INTO article_analysis (article_id, mentions, quotes, dates)
             VALUES (999, '[]', '[]', '[]');
         INSERT INTO notes (article_id, anchor_start, anchor_end, text, created_at, updated_at)
             VALUES (1, 5, 5000, 'far away', '2024-01-01', '2024-01-01');",
    )
    .unwrap();
    drop(conn);
    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    for expected in [
        "problem: 1 article_analysis rows point at missing articles",
        "problem: 1 stories have no readable mentions, quotes or dates (first in story 5)",
        "problem: 1 mentions name an entity their story does not list (first in story 1)",
        "problem: full-text index does not match the stories",
        // Story 2's span runs past its body, story 3's stored text is not the body's. Story
        // 4's mentions take their text from its body (schema 12): its rewrite shows in
        // the full-text index.
        "problem: 2 entity mentions lie outside their story's body or differ from its text (first in story 2)",
        "problem: 1 note anchors lie outside their story's body",
    ] {
        assert!(
            report.contains(expected),
            "{expected:?} missing from\n{report}"
        );
    }
    assert!(
        report.ends_with("problems found in a library of 5 stories\n"),
        "{report}"
    );
}

#[test]
fn a_damaged_analysis_list_is_one_clear_line_when_the_story_is_read() {
    let dir = library_with_stories();
    let conn = Connection::open(database(dir.path())).unwrap();
    conn.execute(
        "UPDATE article_analysis SET mentions = '[[\"first\"]]' WHERE article_id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    assert_fails_with(
        &run(dir.path(), &["show", "2"]),
        "stored data is damaged: entity mentions of story 2",
    );
    assert!(run(dir.path(), &["show", "3"]).status.success());
}

#[test]
fn backup_copies_every_story_and_refuses_the_library_itself() {
    let dir = library_with_stories();
    let copy = tempfile::tempdir().unwrap();
    let target = database(copy.path());
    let output = run(dir.path(), &["backup", target.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("backed up 5 stories to {}\n", target.display())
    );
    assert_eq!(story_count(copy.path()), STORIES as i64);
    assert!(run(copy.path(), &["check"]).status.success());

    let own = database(dir.path());
    assert_fails_with(
        &run(dir.path(), &["backup", own.to_str().unwrap()]),
        "that is the library itself",
    );
    assert_fails_with(
        &run(dir.path(), &["backup", "/no/such/dir/copy.db"]),
        "cannot back up to /no/such/dir/copy.db",
    );
    assert_eq!(story_count(dir.path()), STORIES as i64);
}

#[test]
fn backup_while_a_reader_and_a_writer_are_busy_is_consistent() {
    let dir = library_with_stories();
    let reader = Connection::open(database(dir.path())).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let seen: i64 = reader
        .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
        .unwrap();
    assert_eq!(seen, STORIES as i64);

    let copy = tempfile::tempdir().unwrap();
    let target = database(copy.path());
    let backups = std::thread::spawn({
        let (dir, target) = (dir.path().to_path_buf(), target.clone());
        move || {
            (0..3)
                .map(|_| {
                    let backup = run(&dir, &["backup", target.to_str().unwrap()]);
                    let checked = run(target.parent().unwrap(), &["check"]);
                    (backup, checked)
                })
                .collect::<Vec<_>>()
        }
    });
    let mut library = Library::open(dir.path()).unwrap();
    let mut written = 0;
    while !backups.is_finished() || written < 20 {
        library
            .store(&format!("writer:{written}"), &[story(STORIES + written)])
            .unwrap();
        written += 1;
    }
    for (backup, checked) in backups.join().unwrap() {
        assert!(backup.status.success(), "{}", stderr(&backup));
        assert!(checked.status.success(), "{}", stdout(&checked));
    }
    reader.execute_batch("COMMIT").unwrap();
    let copied = story_count(copy.path());
    assert!(
        (STORIES as i64..=(STORIES + written) as i64).contains(&copied),
        "{copied} stories copied"
    );
    assert_eq!(story_count(dir.path()), (STORIES + written) as i64);
}
