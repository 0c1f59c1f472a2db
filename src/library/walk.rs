//! Turning the paths a user names into the sorted list of files to import.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A path that could not be imported, and why, in one line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileFailure {
    pub path: String,
    #[serde(rename = "error")]
    pub reason: String,
}

/// Files under `paths`: named files as given, folders walked recursively in name
/// order. Hidden entries (a leading `.`) inside folders are skipped; symbolic links
/// are followed, but a folder is never entered twice, so link loops end.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileFailure>) {
    let mut walk = Walk::default();
    for path in paths {
        walk.visit(path);
    }
    (walk.files, walk.failures)
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    failures: Vec<FileFailure>,
    entered: HashSet<PathBuf>,
}

impl Walk {
    fn visit(&mut self, path: &Path) {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.enter(path),
            Ok(_) => self.files.push(path.to_path_buf()),
            Err(error) => self.fail(path, &error),
        }
    }

    fn enter(&mut self, dir: &Path) {
        match dir.canonicalize() {
            Ok(real) => {
                if !self.entered.insert(real) {
                    return;
                }
            }
            Err(error) => return self.fail(dir, &error),
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => return self.fail(dir, &error),
        };
        let mut children: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .collect();
        children.sort();
        for child in children {
            self.visit(&child);
        }
    }

    fn fail(&mut self, path: &Path, error: &std::io::Error) {
        self.failures.push(FileFailure {
            path: path.display().to_string(),
            reason: io_reason(error),
        });
    }
}

/// An I/O error as a short lowercase reason, without the "(os error N)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skips_hidden_and_survives_link_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/inner")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        std::fs::write(root.join("b/inner/2.json"), "{}").unwrap();
        std::fs::write(root.join("a.txt"), "x").unwrap();
        std::fs::write(root.join(".secret.txt"), "x").unwrap();
        std::fs::write(root.join(".hidden/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("b/loop")).unwrap();

        let (files, failures) = collect_files(&[root.to_path_buf(), root.join("missing")]);
        assert_eq!(files, vec![root.join("a.txt"), root.join("b/inner/2.json")]);
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].reason, "no such file or directory");
    }
}
