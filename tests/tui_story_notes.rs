//! A note added from the story pane is anchored to the sentence in view, as the library
//! splits the story into sentences (character offsets, whatever the script).

mod support;

use sitrep::library::Anchor;
use sitrep::tui::panes::Pane;
use support::Harness;

/// Writes a note in the open editor, saves it, and returns the passage it is anchored to.
fn noted_passage(h: &mut Harness, text: &str) -> (usize, usize, String) {
    h.keys(&["a"]);
    for c in text.chars() {
        h.keys(&[&c.to_string()]);
    }
    h.keys(&["C-s"]);
    assert!(h.app.overlay().is_none(), "saved and closed");
    let note = h
        .app
        .notes()
        .list()
        .iter()
        .find(|note| note.text == text)
        .expect("the note is listed");
    match &note.anchor {
        Some(Anchor::Passage {
            start,
            end,
            text,
            detached: false,
        }) => (*start, *end, text.clone()),
        other => panic!("anchored to a passage: {other:?}"),
    }
}

#[test]
fn a_note_from_the_story_pane_is_anchored_to_the_sentence_in_view() {
    let mut h = Harness::new(60, 10);
    // The fourth story: its first sentence ends in Chinese characters.
    h.keys(&["j", "j", "j", "Enter"]);
    assert_eq!(h.app.focus(), Pane::Story);
    let first = "Ships left Odesa on Monday for the first time in months, carrying 26,000 \
                 tonnes of corn to 黎巴嫩.";
    assert_eq!(
        noted_passage(&mut h, "first departures"),
        (0, first.chars().count(), first.to_string())
    );
}

#[test]
fn a_note_from_a_scrolled_story_is_anchored_to_the_sentence_at_the_top() {
    // A screen low enough for the story to scroll (one pane at a time).
    let mut h = Harness::new(60, 10);
    // The second story, scrolled until its second paragraph opens the pane.
    h.keys(&["j", "Enter"]);
    assert_eq!(h.app.focus(), Pane::Story);
    let body = h.app.story().open().unwrap().article.body.clone();
    let second = "“We have a calendar now,” said Lena Vos, a spokeswoman for the bloc's trade \
                  directorate.";
    let start = body[..body.find(second).unwrap()].chars().count();
    for _ in 0..20 {
        let story = h.app.story();
        if story.layout().line_starts[story.scroll()] >= start {
            break;
        }
        h.keys(&["j"]);
    }
    assert!(h.app.story().scroll() > 0);
    assert_eq!(
        noted_passage(&mut h, "a calendar"),
        (start, start + second.chars().count(), second.to_string())
    );
}
