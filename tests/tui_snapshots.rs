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

/// The screen with clock times of this run (note and draft saves, story versions)
/// masked, so the snapshot does not depend on when the test ran. Fixture dates (2022,
/// 2023) are kept.
fn masked(screen: &str) -> String {
    let chars: Vec<char> = screen.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let shape = "dddd-dd-dd?dd:dd";
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = shape.chars().enumerate().all(|(k, s)| match s {
            'd' => digit(i + k),
            '?' => matches!(chars.get(i + k), Some(' ' | 'T')),
            c => chars.get(i + k) == Some(&c),
        });
        let year: String = chars[i..(i + 4).min(chars.len())].iter().collect();
        if fits && year.as_str() >= "2025" {
            out.push_str("YYYY-MM-DD hh:mm");
            i += shape.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The windows over the panes that need notes, drafts or story versions first.
#[test]
fn note_and_version_windows() {
    let mut h = Harness::new(160, 45);
    let mut library = h.library();
    // Story 1, stored from "fixture:0", so that an edited copy replaces it below.
    let story = 1;
    library.add_note(story, None, "first take #trade").unwrap();
    library.add_note(story, None, "second thought").unwrap();
    let row = h.app.stories().visible().position(|s| s.id == story);
    for _ in 0..row.unwrap() {
        h.keys(&["j"]);
    }
    h.keys(&["Enter"]);
    while h.app.focus() != sitrep::tui::panes::Pane::Notes {
        h.keys(&["l"]);
    }
    h.keys(&["Enter", "End", "!", "C-s"]);

    // A new note on the first sentence in view of the story.
    while h.app.focus() != sitrep::tui::panes::Pane::Story {
        h.keys(&["l"]);
    }
    h.keys(&["a"]);
    for c in "Vos sets a calendar #eu".chars() {
        h.keys(&[&c.to_string()]);
    }
    insta::assert_snapshot!("editor_160x45", masked(&h.screen()));
    h.keys(&["Esc"]);
    insta::assert_snapshot!("editor_confirm_drop_160x45", masked(&h.screen()));
    h.keys(&["y"]);

    while h.app.focus() != sitrep::tui::panes::Pane::Notes {
        h.keys(&["l"]);
    }
    h.keys(&["d"]);
    insta::assert_snapshot!("confirm_delete_160x45", masked(&h.screen()));
    h.keys(&["n", "H"]);
    insta::assert_snapshot!("history_160x45", masked(&h.screen()));
    h.keys(&["Esc", "A"]);
    insta::assert_snapshot!("all_notes_160x45", masked(&h.screen()));
    h.keys(&["Esc"]);

    library
        .save_draft(story, None, None, "unsaved thought")
        .unwrap();
    h.act_request(sitrep::tui::request::Request::Drafts);
    insta::assert_snapshot!("drafts_160x45", masked(&h.screen()));
    h.keys(&["Esc"]);

    let before = library.story(story).unwrap();
    let edited = sitrep::model::Article {
        body: "Ministers met again and agreed on nothing new.".to_string(),
        ..before.article.clone()
    };
    library
        .store("fixture:0", &[(edited, Default::default())])
        .unwrap();
    h.keys(&["V"]);
    insta::assert_snapshot!("story_versions_160x45", masked(&h.screen()));
}

/// The story pane in colour: names in their kind's colour, quotes and speakers set apart,
/// and the selected entity's mentions highlighted.
#[test]
fn colours_of_kinds_and_the_selected_entity() {
    let mut h = Harness::coloured(160, 45);
    h.keys(&["j", "Enter", "l", "l", "j"]);
    assert_eq!(h.app.entities().selected(), Some("Jakarta"));
    insta::assert_snapshot!("colours_story_160x45", h.styled_rows(0, 12));
}

/// Saved searches with their unread counts, and the search line naming a query.
#[test]
fn saved_searches_window() {
    let mut h = Harness::new(160, 45);
    h.keys(&["/"]);
    h.type_text("grain");
    h.keys(&["C-s"]);
    h.type_text("Grain");
    insta::assert_snapshot!("search_naming_160x45", h.screen());
    h.keys(&["Enter"]);
    h.keys(&["Esc", "/"]);
    h.type_text("source:\"Harbour Ledger\"");
    h.keys(&["C-s"]);
    h.type_text("Harbour");
    h.keys(&["Enter", "Esc", "S"]);
    insta::assert_snapshot!("saved_searches_160x45", h.screen());
}

/// The search line with its cursor moved into the query.
#[test]
fn search_line_cursor() {
    let mut h = Harness::new(60, 20);
    h.keys(&["/"]);
    h.type_text("jakarta round");
    h.keys(&["C-w", "Left", "Left"]);
    insta::assert_snapshot!("search_cursor_60x20", h.screen());
}

/// The export asking where to write the briefing, and asking before it replaces a file.
#[test]
fn export_questions() {
    let mut h = Harness::new(100, 30);
    h.export_into(std::path::Path::new("/briefings"));
    h.keys(&["Enter", "x", "Left", "Left", "Left"]);
    insta::assert_snapshot!("export_prompt_100x30", h.screen());
    h.act(sitrep::tui::action::Action::Loaded(
        sitrep::tui::request::Response::ExportExists {
            of: sitrep::tui::request::BriefingOf {
                story: h.app.story().id(),
                tag: None,
            },
            path: "/briefings/sitrep-briefing-story-2.md".to_string(),
        },
    ));
    insta::assert_snapshot!("export_replace_100x30", h.screen());
}

/// The corrections menu of an entity, the question of its new name, and the list of
/// corrections made (the day they were made masked).
#[test]
fn correction_windows() {
    let mut h = Harness::new(100, 30);
    h.keys(&["j", "Enter", "l", "l", "c"]);
    insta::assert_snapshot!("correct_entity_100x30", h.screen());
    h.keys(&["Enter", "C-u"]);
    h.type_text("Lena Vossberg");
    insta::assert_snapshot!("correct_rename_100x30", h.screen());
    h.keys(&["Enter"]);
    h.keys(&["l", "c", "j", "Enter"]);
    h.keys(&["C"]);
    let today = h.library().corrections(false).unwrap()[0].created[..10].to_string();
    insta::assert_snapshot!(
        "corrections_100x30",
        h.screen().replace(&today, "YYYY-MM-DD")
    );
}
