//! Privacy on a shared machine: an analyst's notes are for the analyst alone. The library
//! folder is created owner-only (0700) and every file sitrep writes there or hands out
//! (the database and its WAL files, backups, briefings, the note given to `$EDITOR`) is
//! created owner-only (0600).

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::DATABASE_FILE;

/// Permission bits of a private folder.
pub const PRIVATE_DIR_MODE: u32 = 0o700;

/// Permission bits of a private file.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// Creates `dir` and any missing parents, the new ones owner-only; an existing folder is
/// left as it is.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(PRIVATE_DIR_MODE)
        .create(dir)
}

/// Creates `path` owner-only if it does not exist yet (an existing file is kept as is),
/// so SQLite, which gives its `-wal` and `-shm` files the database file's permissions,
/// opens a private file.
pub fn touch_private_file(path: &Path) -> io::Result<()> {
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(PRIVATE_FILE_MODE)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(error),
    }
}

/// Creates a new owner-only file at `path` for writing; with `replace`, an existing file
/// is truncated (and made owner-only), else it is an error (`AlreadyExists`).
pub fn create_private_file(path: &Path, replace: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).mode(PRIVATE_FILE_MODE);
    if replace {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let file = options.open(path)?;
    file.set_permissions(std::fs::Permissions::from_mode(PRIVATE_FILE_MODE))?;
    Ok(file)
}

/// The library files in `dir` (the database, its `-wal` and `-shm`) that other users
/// may read (group or other read bit set); empty when the library is private or absent.
/// A folder others may list exposes no note while its files are private.
pub fn readable_by_others(dir: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm"]
        .into_iter()
        .map(|suffix| dir.join(format!("{DATABASE_FILE}{suffix}")))
        .filter(|path| {
            std::fs::metadata(path).is_ok_and(|meta| meta.permissions().mode() & 0o044 != 0)
        })
        .collect()
}

/// A one-line warning naming what other users can read in the library `dir`, with the
/// command that makes it private; `None` when nothing is exposed.
pub fn exposure_warning(dir: &Path) -> Option<String> {
    let exposed = readable_by_others(dir);
    if exposed.is_empty() {
        return None;
    }
    let shown = crate::sanitize::clean_text(&dir.display().to_string());
    Some(format!(
        "warning: the library {shown} is readable by other users of this machine; \
         make it private with: chmod 700 '{shown}' && chmod 600 '{shown}'/{DATABASE_FILE}*"
    ))
}

/// A private temporary file (created with O_EXCL, mode 0600, under an unpredictable
/// name) holding `text` for the user's editor, ending with a newline so a line the
/// editor appends starts on its own line. The file is removed when dropped.
pub fn editor_file(text: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut file = tempfile::Builder::new()
        .prefix("sitrep-note-")
        .suffix(".md")
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    file.flush()?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn editor_file_is_private_and_ends_with_a_newline() {
        let file = editor_file("Talks resume #gulf").unwrap();
        assert_eq!(mode(file.path()), 0o600);
        let name = file
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            name.starts_with("sitrep-note-") && name.ends_with(".md"),
            "{name}"
        );
        assert_eq!(
            std::fs::read_to_string(file.path()).unwrap(),
            "Talks resume #gulf\n"
        );
        let kept = editor_file("one line\n").unwrap();
        assert_eq!(std::fs::read_to_string(kept.path()).unwrap(), "one line\n");
    }

    #[test]
    fn private_files_refuse_to_replace_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("briefing.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let error = create_private_file(&path, false).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        create_private_file(&path, true).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    }

    #[test]
    fn exposure_is_reported_for_a_readable_library_only() {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("lib");
        create_private_dir(&library).unwrap();
        touch_private_file(&library.join(DATABASE_FILE)).unwrap();
        assert_eq!(mode(&library), 0o700);
        assert_eq!(exposure_warning(&library), None);
        std::fs::set_permissions(
            library.join(DATABASE_FILE),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        assert_eq!(readable_by_others(&library), [library.join(DATABASE_FILE)]);
        let warning = exposure_warning(&library).unwrap();
        assert!(warning.contains("readable by other users"), "{warning}");
        assert!(!warning.contains('\n'));
    }
}
