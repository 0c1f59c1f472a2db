//! End-to-end: the real binary in a real terminal (tmux), on a temp library. It opens,
//! imports the sample, shows the panes, searches, opens a story, shows help, quits with
//! status 0 and gives the shell back; SIGTERM, SIGHUP and a panic restore the terminal;
//! `r` fetches subscribed feeds from a server on 127.0.0.1; `x` asks where to write a
//! briefing and `c` corrects a story, shown at once.

mod http_support;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Session {
    name: String,
    _home: tempfile::TempDir,
}

impl Session {
    /// A detached 160×45 tmux session running `sh` with a private HOME and library.
    fn start(tag: &str) -> Session {
        let home = tempfile::tempdir().unwrap();
        let name = format!("sitrep-test-{tag}-{}", std::process::id());
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-s", &name, "-x", "160", "-y", "45"])
            .arg(format!(
                "env -i PATH=/usr/bin:/bin HOME={home} XDG_CONFIG_HOME={home}/config TERM=xterm-256color PS1='$ ' sh",
                home = home.path().display()
            ))
            .status()
            .expect("tmux is installed (.ci/run installs it)");
        assert!(status.success());
        Session { name, _home: home }
    }

    fn library(&self) -> std::path::PathBuf {
        self._home.path().join("library")
    }

    fn send(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.name])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn type_text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["send-keys", "-l", "-t", &self.name, text])
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen satisfies `test`, failing with the screen after 20 s.
    fn wait_for(&self, what: &str, test: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if test(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; screen:\n{screen}");
            }
            sleep(Duration::from_millis(100));
        }
    }

    fn run_reader(&self, env: &str) {
        let binary = env!("CARGO_BIN_EXE_sitrep");
        self.type_text(&format!(
            "{env} {binary} --library {}; echo \"reader-exit-$?\"",
            self.library().display()
        ));
        self.send(&["Enter"]);
    }

    /// What the reader's command line contains: the unique library path.
    fn reader_pattern(&self) -> String {
        format!("sitrep --library {}", self.library().display())
    }

    /// The reader's pid, from the unique library path on its command line.
    fn reader_pid(&self) -> String {
        let out = Command::new("pgrep")
            .args(["-f", &self.reader_pattern()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .expect("reader running")
            .to_string()
    }

    /// After the reader ends, the shell must answer at a normal (not alternate) screen.
    fn assert_shell_is_back(&self, expected_exit: &str) {
        // The shell may print its prompt before the status lands on the line.
        let status_line = |line: &str| line.trim_start_matches("$ ").starts_with("reader-exit-");
        let screen = self.wait_for("the exit status", |s| s.lines().any(status_line));
        let line = screen.lines().find(|line| status_line(line)).unwrap();
        assert_eq!(
            line.trim_start_matches("$ ").trim_end(),
            format!("reader-exit-{expected_exit}"),
            "{screen}"
        );
        self.type_text("echo shell-is-$((40+2))");
        self.send(&["Enter"]);
        self.wait_for("the shell to answer", |s| s.contains("shell-is-42"));
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // The session may be gone already (a test closed it).
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .stderr(std::process::Stdio::null())
            .status();
        // A failed test must not leave its reader behind.
        let _ = Command::new("pkill")
            .args(["-KILL", "-f", &self.reader_pattern()])
            .status();
    }
}

/// True while a process with this pid exists.
fn alive(pid: &str) -> bool {
    Path::new("/proc").join(pid).exists()
}

fn library_loaded(screen: &str) -> bool {
    screen.contains("library: ")
        && !screen.contains("library: 0 stories")
        && screen.contains("Timeline")
}

#[test]
fn reader_opens_searches_shows_help_and_quits_cleanly() {
    let s = Session::start("main");
    s.run_reader("");
    let screen = s.wait_for("the sample library in the reader", library_loaded);
    for pane in ["Stories", "Story", "Entities", "Quotes", "Timeline"] {
        assert!(screen.contains(pane), "{pane} pane missing:\n{screen}");
    }
    assert!(Path::new(&s.library()).join("sitrep.db").exists());
    // One burst: the keys after "/" must land in the search line it opens.
    s.type_text("/grain");
    let screen = s.wait_for("search results", |s| {
        s.contains("/grain") && s.contains(" results ") && !s.contains("— 0 results")
    });
    assert!(screen.to_lowercase().contains("grain"), "{screen}");
    s.send(&["Enter"]);
    s.wait_for("the story to open", |s| {
        !s.contains("Search —") && !s.contains("Select a story")
    });
    s.send(&["?"]);
    s.wait_for("help", |s| s.contains("Keys —") && s.contains("quit"));
    s.send(&["Escape"]);
    s.wait_for("help to close", |s| !s.contains("Keys —"));
    s.send(&["q"]);
    s.assert_shell_is_back("0");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let s = Session::start(&format!("sig{signal}"));
        s.run_reader("");
        s.wait_for("the reader", library_loaded);
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &s.reader_pid()])
            .status()
            .unwrap();
        assert!(status.success());
        s.assert_shell_is_back("0");
    }
}

#[test]
fn a_panic_restores_the_terminal() {
    let s = Session::start("panic");
    s.run_reader("SITREP_TEST_PANIC=1");
    s.assert_shell_is_back("101");
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let s = Session::start("hangup");
    s.run_reader("");
    s.wait_for("the reader", library_loaded);
    let pid = s.reader_pid();
    let status = Command::new("tmux")
        .args(["kill-session", "-t", &s.name])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    while alive(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the reader outlived its terminal"
        );
        sleep(Duration::from_millis(100));
    }
}

#[test]
fn r_fetches_feeds_and_the_new_stories_join_the_list() {
    use http_support::{Reply, Request, Server, rss};
    let server = Server::start(|_: &Request| {
        Reply::ok(
            "application/rss+xml",
            rss(
                "Tmux Wire",
                &[
                    (
                        "Harbour pilots end strike",
                        "https://wire.example/pilots",
                        "The strike ended on Monday.",
                    ),
                    (
                        "Ferry link reopens",
                        "https://wire.example/ferry",
                        "The ferry link reopened.",
                    ),
                ],
            ),
        )
    });
    let s = Session::start("fetch");
    let added = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .arg("--library")
        .arg(s.library())
        .args(["feeds", "add", &server.url("/wire.xml")])
        .env_remove("SITREP_LIBRARY")
        .output()
        .unwrap();
    assert!(added.status.success());
    s.run_reader("");
    s.wait_for("the reader", |screen| {
        library_loaded(screen) && screen.contains("library: 51 stories")
    });
    s.send(&["r"]);
    // The stories list is reloaded once the fetch is over.
    s.wait_for("the fetch to end and its stories to be listed", |screen| {
        screen.contains("fetched 1 feeds: 2 new stories") && screen.contains("library: 53 stories")
    });
    s.send(&["q"]);
    s.assert_shell_is_back("0");
}

/// The number just before `label` on the screen ("51" in "library: 51 stories ").
fn count_before(screen: &str, label: &str) -> usize {
    let at = screen
        .find(label)
        .unwrap_or_else(|| panic!("{label} on {screen}"));
    let digits: String = screen[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

/// Imports a one-story JSON file into the session's library from another process.
fn import_from_outside(s: &Session, title: &str) {
    let file = s._home.path().join(format!("{}.json", title.len()));
    std::fs::write(
        &file,
        format!(
            r#"{{"title": "{title}", "source": "Outside Wire", "published": "2030-01-02T10:00:00Z",
                "body": "{title}. Officials confirmed the news on Tuesday in Geneva."}}"#
        ),
    )
    .unwrap();
    let imported = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .arg("--library")
        .arg(s.library())
        .arg("import")
        .arg(&file)
        .env_remove("SITREP_LIBRARY")
        .output()
        .unwrap();
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
}

#[test]
fn stories_imported_by_another_process_appear_while_the_reader_is_open() {
    let s = Session::start("live");
    s.run_reader("");
    let screen = s.wait_for("the reader", library_loaded);
    let before = count_before(&screen, " stories ");
    import_from_outside(&s, "Envoys agree on a Geneva timetable");
    s.wait_for("the imported story in the list", |screen| {
        screen.contains(&format!("library: {} stories", before + 1))
            && screen.contains("Envoys agree on a Geneva")
    });
    s.send(&["q"]);
    s.assert_shell_is_back("0");
}

#[test]
fn read_marks_survive_a_restart_of_the_reader() {
    let s = Session::start("marks");
    s.run_reader("");
    // The sample's import message also reads "library: 51 stories": wait for the list.
    let screen = s.wait_for("the reader", |screen| {
        library_loaded(screen) && screen.contains(" unread")
    });
    let unread = count_before(&screen, " unread");
    let one_read = format!("{} unread", unread - 1);
    // Open the first story (it becomes read) and star it.
    s.send(&["Enter"]);
    s.wait_for("the story", |screen| screen.contains(&one_read));
    s.send(&["*"]);
    s.wait_for("the star", |screen| screen.contains("▸★"));
    s.send(&["q"]);
    s.assert_shell_is_back("0");
    s.run_reader("");
    let screen = s.wait_for("the reader again", |screen| {
        library_loaded(screen) && screen.contains(&one_read)
    });
    assert!(screen.contains("▸★"), "{screen}");
    s.send(&["q"]);
    s.assert_shell_is_back("0");
}

#[test]
fn x_asks_where_to_write_the_briefing_and_c_corrects_a_story_at_once() {
    let s = Session::start("export");
    let home = s._home.path().canonicalize().unwrap();
    s.run_reader(&format!("cd {} &&", home.display()));
    s.wait_for("the reader", |screen| {
        library_loaded(screen) && screen.contains(" unread")
    });
    s.send(&["Enter"]);
    s.wait_for("the story", |screen| !screen.contains("Select a story"));
    s.send(&["x"]);
    let offered = home.join("sitrep-briefing-story-");
    let offered = offered.display().to_string();
    s.wait_for("the question with a full path", |screen| {
        screen.contains("Write the briefing to") && screen.contains(&offered)
    });
    s.send(&["Enter"]);
    let screen = s.wait_for("the full path written", |screen| {
        screen.contains(&format!("briefing written to {offered}"))
    });
    let written = std::fs::read_dir(&home)
        .unwrap()
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("sitrep-briefing-story-")
        })
        .count();
    assert_eq!(written, 1, "{screen}");
    // Again: the file exists, so the reader asks; n goes back to the question.
    s.send(&["x"]);
    s.wait_for("the question", |screen| {
        screen.contains("Write the briefing to")
    });
    s.send(&["Enter"]);
    s.wait_for("replace?", |screen| screen.contains("This file exists."));
    s.send(&["n"]);
    s.wait_for("the question again", |screen| {
        screen.contains("Write the briefing to")
    });
    s.send(&["Escape"]);
    s.wait_for("the question to close", |screen| {
        !screen.contains("Write the briefing to")
    });

    // Fix the selected story's date from the list (focused on a wide screen): the list
    // shows it at once.
    s.send(&["c"]);
    s.wait_for("the corrections menu", |screen| {
        screen.contains("fix the publication date")
    });
    s.send(&["Enter"]);
    s.wait_for("the date question", |screen| {
        screen.contains("Published on")
    });
    s.send(&["C-u"]);
    s.type_text("1999-12-31");
    s.send(&["Enter"]);
    s.wait_for("the corrected date", |screen| {
        screen.contains("corrected: story") && screen.contains("99-12-31")
    });
    s.send(&["q"]);
    s.assert_shell_is_back("0");
}
