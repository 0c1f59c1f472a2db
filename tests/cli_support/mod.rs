//! Running the real `sitrep` binary against a temporary library.
// Each test binary uses only part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary library and the commands run against it.
pub struct Sitrep {
    pub dir: tempfile::TempDir,
}

impl Sitrep {
    pub fn new() -> Self {
        Sitrep {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The `sitrep` command on this library.
    pub fn command(&self, args: &[&str]) -> Command {
        library_command(self.dir.path(), args)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs a command that must succeed and parses its stdout as JSON.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let output = self.run(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

/// The `sitrep` command with `--library dir` and no inherited library variable.
pub fn library_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    command
        .arg("--library")
        .arg(dir)
        .args(args)
        .env_remove("SITREP_LIBRARY");
    command
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The folder of JSON fixtures: three stories, one broken file, one hidden file.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

/// A library with the fixtures imported.
pub fn imported() -> Sitrep {
    let sitrep = Sitrep::new();
    let output = sitrep.run(&["import", fixtures().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    sitrep
}
