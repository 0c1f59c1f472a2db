//! Where the library lives: `--library DIR`, else `$SITREP_LIBRARY`, else the user's data dir.

use std::path::PathBuf;

use super::LibraryError;

/// The file name of the library inside its directory.
pub const DATABASE_FILE: &str = "sitrep.db";

/// The environment variable naming the library directory.
pub const LIBRARY_ENV: &str = "SITREP_LIBRARY";

/// Picks the library directory: the explicit flag wins over the environment,
/// which wins over the platform data directory (`~/.local/share/sitrep` on Linux).
pub fn library_dir(flag: Option<PathBuf>) -> Result<PathBuf, LibraryError> {
    if let Some(dir) = flag {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|value| !value.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "sitrep")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(LibraryError::NoDataDir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins() {
        let dir = library_dir(Some(PathBuf::from("/tmp/lib"))).unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/lib"));
    }
}
