//! Notes are never lost: a killed editor's last draft survives, and several processes
//! adding notes while another imports lose or duplicate nothing.

mod cli_support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use cli_support::{Sitrep, stderr};
use sitrep::library::{DATABASE_FILE, Library, NoteFilter};
use sitrep::model::{Analysis, Article};

/// Set in the re-executed test binary: the library directory to write drafts into.
const DRAFT_WRITER_ENV: &str = "SITREP_TEST_DRAFT_WRITER_LIBRARY";

/// Saves drafts "draft 1", "draft 2", ... into story 1 for ever, printing each once committed.
fn write_drafts_until_killed(dir: &Path) -> ! {
    let mut library = Library::open(dir).unwrap();
    for number in 1.. {
        library
            .save_draft(1, None, None, &format!("draft {number}"))
            .unwrap();
        println!("saved {number}");
    }
    unreachable!("the parent kills this process")
}

fn assert_database_sound(dir: &Path) {
    let conn = rusqlite::Connection::open(dir.join(DATABASE_FILE)).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.execute(
        "INSERT INTO story_index (story_index, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
}

#[test]
fn a_killed_editor_leaves_its_last_committed_draft() {
    if let Some(dir) = std::env::var_os(DRAFT_WRITER_ENV) {
        write_drafts_until_killed(Path::new(&dir));
    }
    let dir = tempfile::tempdir().unwrap();
    let story = Article {
        title: "Talks resume".to_string(),
        body: "Negotiators met again on Tuesday.".to_string(),
        ..Article::default()
    };
    Library::open(dir.path())
        .unwrap()
        .store("/story.txt", &[(story, Analysis::default())])
        .unwrap();

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "a_killed_editor_leaves_its_last_committed_draft",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DRAFT_WRITER_ENV, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut last_saved = 0;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        if let Some(number) = line.unwrap().strip_prefix("saved ") {
            last_saved = number.parse().unwrap();
        }
        if last_saved >= 40 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no rollback, no flush runs.
    child.wait().unwrap();
    assert_eq!(last_saved, 40, "the writer stopped early");

    let mut library = Library::open(dir.path()).unwrap();
    let drafts = library.drafts().unwrap();
    assert_eq!(
        drafts.len(),
        1,
        "one draft per subject, however often saved"
    );
    let number: usize = drafts[0]
        .text
        .strip_prefix("draft ")
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        number >= last_saved,
        "draft {number} older than committed {last_saved}"
    );
    assert_database_sound(dir.path());
    let note = library.add_note(1, None, &drafts[0].text).unwrap();
    assert!(
        library.drafts().unwrap().is_empty(),
        "saving the note removed the draft"
    );
    assert_eq!(library.note(note.id).unwrap().text, drafts[0].text);
}

/// A story as text copied from a page: headline, byline, then paragraphs.
fn story_text(title: &str, round: usize) -> String {
    format!(
        "{title}\n\nBy Harbour Desk\n\nMinisters met for round {round} of talks on a maritime code.\n\n\
         A spokeswoman said the calendar for round {round} would hold.\n"
    )
}

#[test]
fn parallel_note_writers_and_an_import_lose_nothing() {
    const WRITERS: usize = 4;
    const NOTES_EACH: usize = 50;
    let sitrep = Sitrep::new();
    let stories = tempfile::tempdir().unwrap();
    let write_stories = |round: usize| {
        for number in 0..60 {
            let path = stories.path().join(format!("story-{number:02}.txt"));
            let title = format!("Maritime talks, report {number}");
            std::fs::write(path, story_text(&title, round)).unwrap();
        }
    };
    write_stories(0);
    let first = sitrep.run(&["import", stories.path().to_str().unwrap()]);
    assert!(first.status.success(), "{}", stderr(&first));

    let writers_done = AtomicUsize::new(0);
    let import_rounds = std::thread::scope(|scope| {
        let importer = scope.spawn(|| {
            // Rewrite every story and import again while the writers run: each story is
            // updated in place, notes and all.
            let mut round = 0;
            while writers_done.load(Ordering::SeqCst) < WRITERS {
                round += 1;
                write_stories(round);
                let output = sitrep.run(&["import", stories.path().to_str().unwrap()]);
                assert!(output.status.success(), "import: {}", stderr(&output));
            }
            round
        });
        for writer in 0..WRITERS {
            let (sitrep, writers_done) = (&sitrep, &writers_done);
            scope.spawn(move || {
                for number in 0..NOTES_EACH {
                    let text = format!("writer {writer} note {number} #writer-{writer}");
                    let story = (1 + number % 3).to_string();
                    let output = sitrep.run(&["notes", "add", "--story", &story, &text]);
                    assert!(output.status.success(), "notes add: {}", stderr(&output));
                }
                writers_done.fetch_add(1, Ordering::SeqCst);
            });
        }
        importer.join().unwrap()
    });
    assert!(import_rounds >= 2, "the import ran alongside the writers");

    let library = Library::open(sitrep.dir.path()).unwrap();
    let mut texts: Vec<String> = library
        .notes(&NoteFilter::default())
        .unwrap()
        .into_iter()
        .map(|note| note.text)
        .collect();
    texts.sort();
    let mut expected: Vec<String> = (0..WRITERS)
        .flat_map(|writer| {
            (0..NOTES_EACH)
                .map(move |number| format!("writer {writer} note {number} #writer-{writer}"))
        })
        .collect();
    expected.sort();
    assert_eq!(texts, expected, "every note exactly once");
    for writer in 0..WRITERS {
        let hits = library.search(&format!("tag:writer-{writer}"), 10).unwrap();
        assert_eq!(
            hits.hits.len(),
            3,
            "writer {writer}'s notes are on three stories"
        );
    }
    assert_eq!(library.summary().unwrap().stories, 60);
    assert_database_sound(sitrep.dir.path());
}
