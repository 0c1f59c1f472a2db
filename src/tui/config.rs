//! The user's keymap.toml and theme.toml from sitrep's config directory, if present.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// sitrep's config directory (e.g. ~/.config/sitrep), if the platform has one.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sitrep").map(|dirs| dirs.config_dir().to_path_buf())
}

/// The keymap and theme: defaults, overridden by files in `dir`; NO_COLOR drops colours.
pub fn load(dir: Option<&Path>) -> Result<(Keymap, Theme)> {
    let read = |name: &str| -> Result<Option<(PathBuf, String)>> {
        let Some(dir) = dir else { return Ok(None) };
        let path = dir.join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some((path, text))),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error).with_context(|| format!("cannot read {}", path.display())),
        }
    };
    let keymap = match read("keymap.toml")? {
        Some((path, text)) => {
            Keymap::with_overrides(Some(&text)).map_err(|e| anyhow!("{}: {e}", path.display()))?
        }
        None => Keymap::default(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = match read("theme.toml")? {
        Some((path, text)) => {
            Theme::load(Some(&text), no_color).map_err(|e| anyhow!("{}: {e}", path.display()))?
        }
        None => Theme::load(None, no_color)?,
    };
    Ok((keymap, theme))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_the_config_dir_override_and_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(Some(dir.path())).is_ok());
        std::fs::write(
            dir.path().join("keymap.toml"),
            "[[normal]]\nkeys=[\"x\"]\nrun=\"quit\"\n",
        )
        .unwrap();
        let (keymap, _) = load(Some(dir.path())).unwrap();
        assert!(keymap.bindings().iter().any(|b| b.keys == ["x"]));
        std::fs::write(dir.path().join("theme.toml"), "person = { fg = \"nope\" }").unwrap();
        let error = load(Some(dir.path())).unwrap_err().to_string();
        assert!(
            error.contains("theme.toml") && error.contains("nope"),
            "{error}"
        );
    }
}
