//! Work the reader hands to the world outside its window: opening a story's URL in the
//! browser and copying it to the clipboard. `App::update` asks for it ([`Outside`]); the
//! runtime carries it out and answers with `Action::OutsideDone`.

use std::io;
use std::process::{Child, Command, Stdio};

use base64::Engine;

/// Something the runtime does outside the reader's window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// Open this URL in the browser.
    OpenUrl(String),
    /// Copy this URL to the clipboard.
    CopyUrl(String),
}

/// Starts the browser on `url`: `browser` is the value of $BROWSER (a command, its
/// arguments split on spaces, `%s` standing for the URL), else the platform's opener.
/// Never through a shell, so nothing in the URL is interpreted.
pub fn open_url(browser: Option<&str>, url: &str) -> io::Result<Child> {
    let (program, args) = browser_command(browser, url);
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
}

/// The program and arguments that open `url` (see [`open_url`]).
fn browser_command(browser: Option<&str>, url: &str) -> (String, Vec<String>) {
    let browser = browser
        .and_then(|value| value.split(':').find(|entry| !entry.trim().is_empty()))
        .map(str::trim);
    let (program, mut args): (String, Vec<String>) = match browser {
        Some(command) => {
            let mut words = command.split_whitespace().map(str::to_string);
            let program = words.next().unwrap_or_default();
            (program, words.collect())
        }
        None => (platform_opener().to_string(), Vec::new()),
    };
    if args.iter().any(|a| a.contains("%s")) {
        args = args.into_iter().map(|a| a.replace("%s", url)).collect();
    } else {
        args.push(url.to_string());
    }
    (program, args)
}

/// The program that opens a URL with the desktop's default browser.
fn platform_opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// A URL the reader will hand to a browser: http or https only, so a hostile feed cannot
/// make it open `file:` or a custom scheme.
pub fn web_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_gets_the_url_as_one_argument_without_a_shell() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("args");
        let script = dir.path().join("browser");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s|' \"$@\" > {}\n", out.display()),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
        let url = "https://example.org/a?b=1&c=$(touch x);d";
        let browser = format!("{} --new-tab", script.display());
        let status = open_url(Some(&browser), url).unwrap().wait().unwrap();
        assert!(status.success());
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            format!("--new-tab|{url}|")
        );
        assert!(!dir.path().join("x").exists());
    }

    #[test]
    fn without_a_browser_the_platform_opener_gets_the_url() {
        let url = "https://example.org/a";
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        for browser in [None, Some(""), Some(" : ")] {
            assert_eq!(
                browser_command(browser, url),
                (opener.to_string(), vec![url.to_string()]),
                "{browser:?}"
            );
        }
        // The first command of a list, %s standing for the URL.
        assert_eq!(
            browser_command(Some("firefox -P work %s:chromium"), url),
            (
                "firefox".to_string(),
                vec!["-P".to_string(), "work".to_string(), url.to_string()]
            )
        );
    }

    #[test]
    fn only_web_urls_are_opened_and_copies_are_osc52() {
        assert_eq!(
            web_url(" https://example.org/x "),
            Some("https://example.org/x".to_string())
        );
        assert_eq!(web_url("file:///etc/passwd"), None);
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
