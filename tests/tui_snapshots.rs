//! Snapshots of every pane and overlay of the reader, at 160×45 and 60×20, drawn from
//! the fixed test library through ratatui's TestBackend (colours off: NO_COLOR theme).

mod support;

use support::Harness;

/// Screens reached by key sequences from a freshly loaded reader.
const SCREENS: [(&str, &[&str]); 8] = [
    ("stories", &[]),
    ("story", &["j", "Enter", "l"]),
    ("entities", &["j", "Enter", "l", "l", "j"]),
    ("quotes", &["j", "Enter", "l", "l", "l"]),
    ("timeline", &["j", "Enter", "t"]),
    ("help", &["?"]),
    ("entity_stories", &["j", "Enter", "l", "l", "e"]),
    ("search", &["/"]),
];

fn check(width: u16, height: u16) {
    for (name, keys) in SCREENS {
        let mut h = Harness::new(width, height);
        h.keys(keys);
        if name == "search" {
            h.type_text("jakarta");
        }
        if name == "story" && width < 100 {
            // Narrow screens switched to the story on Enter; show it, not the next tab.
            h.keys(&["h"]);
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), h.screen());
    }
}

#[test]
fn wide_screens() {
    check(160, 45);
}

#[test]
fn narrow_screens() {
    check(60, 20);
}
