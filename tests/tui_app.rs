//! Key-sequence tests of the reader's App, without a terminal, on a real temp library.

mod support;

use sitrep::tui::action::Action;
use sitrep::tui::line_edit::LineEdit;
use sitrep::tui::overlay::Overlay;
use sitrep::tui::panes::Pane;
use support::Harness;

fn open_title(h: &Harness) -> String {
    h.app
        .story()
        .open()
        .map(|s| s.article.title.clone())
        .unwrap_or_default()
}

#[test]
fn stories_load_newest_first_and_enter_opens_one() {
    let mut h = Harness::new(160, 45);
    let titles: Vec<&str> = h
        .app
        .stories()
        .visible()
        .map(|story| story.title.as_str())
        .collect();
    assert_eq!(
        titles[0],
        "ASEAN ministers weigh EU offer ahead of Jakarta round"
    );
    assert_eq!(titles.len(), 4);
    h.keys(&["j", "Enter"]);
    assert_eq!(open_title(&h), "EU and ASEAN agree roadmap for trade talks");
    assert!(h.app.stories().is_read(h.app.story().id().unwrap()));
    // Its timeline arrived with it: own events plus the related story's Jakarta round.
    assert!(
        h.app
            .timeline()
            .events()
            .iter()
            .any(|e| e.sources.len() == 2),
        "{:?}",
        h.app.timeline().events()
    );
    h.keys(&["G", "k", "g"]);
    assert_eq!(h.app.stories().cursor().index, 0);
}

#[test]
fn search_finds_by_fuzzy_title_and_full_text_and_esc_restores() {
    let mut h = Harness::new(160, 45);
    h.keys(&["l"]);
    assert_eq!(h.app.focus(), Pane::Story);
    h.keys(&["/"]);
    h.type_text("grain");
    let Some(Overlay::Search(search)) = h.app.overlay() else {
        panic!("search open")
    };
    assert!(!search.results().is_empty());
    assert!(search.results()[0].story.title.contains("grain"));
    // Full text reaches body words that no title has.
    h.act(Action::DeleteChar);
    for _ in 0..4 {
        h.act(Action::DeleteChar);
    }
    h.type_text("carmakers");
    let Some(Overlay::Search(search)) = h.app.overlay() else {
        panic!("search open")
    };
    assert_eq!(search.results().len(), 1);
    assert!(search.results()[0].matched.contains("carmakers"));
    h.keys(&["Esc"]);
    assert!(h.app.overlay().is_none());
    assert_eq!(h.app.focus(), Pane::Story, "Esc restores the previous view");
    // Enter opens the result, with the match highlighted; n cycles matches.
    h.keys(&["/"]);
    h.type_text("EU roadmap");
    h.keys(&["Enter"]);
    assert!(h.app.overlay().is_none());
    assert!(open_title(&h).contains("EU"));
    assert!(!h.app.story().matches().is_empty());
    let first = h.app.story().match_index();
    h.keys(&["n"]);
    assert_ne!(h.app.story().match_index(), first);
    h.keys(&["N"]);
    assert_eq!(h.app.story().match_index(), first);
}

#[test]
fn the_reader_and_the_cli_find_the_same_stories_in_the_same_order() {
    for query in ["eu", "asean talks", "jakrta", "source:ledger"] {
        let mut h = Harness::new(160, 45);
        h.keys(&["/"]);
        h.type_text(query);
        let Some(Overlay::Search(search)) = h.app.overlay() else {
            panic!("search open")
        };
        let reader: Vec<(i64, String)> = search
            .results()
            .iter()
            .map(|row| (row.story.id, row.matched.clone()))
            .collect();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .arg("--library")
            .arg(h.library_dir())
            .args(["search", "--fuzzy", "--json", "--limit", "50", query])
            .output()
            .unwrap();
        assert!(output.status.success());
        let found: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let cli: Vec<(i64, String)> = found["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|hit| {
                (
                    hit["id"].as_i64().unwrap(),
                    hit["text"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert!(!cli.is_empty(), "{query}");
        // The CLI puts each hit's text on one line; the reader keeps it as stored.
        let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let reader: Vec<(i64, String)> = reader
            .into_iter()
            .map(|(id, t)| (id, one_line(&t)))
            .collect();
        assert_eq!(reader, cli, "{query}");
        assert_eq!(search.total(), found["total"].as_u64().unwrap() as usize);
    }
}

#[test]
fn search_filters_narrow_results() {
    let mut h = Harness::new(160, 45);
    h.keys(&["/"]);
    h.type_text("source:\"Harbour Ledger\"");
    let Some(Overlay::Search(search)) = h.app.overlay() else {
        panic!("search open")
    };
    assert_eq!(search.results().len(), 2);
    assert!(
        search
            .results()
            .iter()
            .all(|r| r.story.source.as_deref() == Some("Harbour Ledger"))
    );
}

#[test]
fn timeline_enter_jumps_to_the_other_story_at_the_sentence() {
    let mut h = Harness::new(160, 45);
    h.keys(&["j", "Enter"]);
    let own = h.app.story().open().unwrap().id;
    let linked = h
        .app
        .timeline()
        .events()
        .iter()
        .position(|e| e.sources.len() == 2)
        .unwrap();
    h.keys(&["t"]);
    assert_eq!(h.app.focus(), Pane::Timeline);
    h.keys(&["g"]);
    for _ in 0..linked {
        h.keys(&["j"]);
    }
    h.keys(&["Enter"]);
    let now = h.app.story().open().unwrap();
    assert_ne!(now.id, own);
    assert_eq!(
        now.article.title,
        "ASEAN ministers weigh EU offer ahead of Jakarta round"
    );
    assert_eq!(h.app.focus(), Pane::Story);
}

#[test]
fn selecting_an_entity_highlights_it_and_lists_its_stories_and_timeline() {
    let mut h = Harness::new(160, 45);
    h.keys(&["j", "Enter", "l", "l"]);
    assert_eq!(h.app.focus(), Pane::Entities);
    let selected = h
        .app
        .entities()
        .selected()
        .map(str::to_string)
        .expect("an entity is selected");
    h.keys(&["e"]);
    let Some(Overlay::EntityStories(list)) = h.app.overlay() else {
        panic!("entity stories")
    };
    let (name, stories) = (list.name(), list.stories());
    assert_eq!(name, selected);
    assert!(!stories.is_empty());
    h.keys(&["Esc"]);
    // Walk to the European Union and ask for its timeline.
    let order = h.app.entity_order();
    let entities = &h.app.story().open().unwrap().analysis.entities;
    let eu = order
        .iter()
        .position(|&i| entities[i].name == "European Union")
        .unwrap();
    h.keys(&["g"]);
    for _ in 0..eu {
        h.keys(&["j"]);
    }
    assert_eq!(h.app.entities().selected(), Some("European Union"));
    h.keys(&["e"]);
    let Some(Overlay::EntityStories(list)) = h.app.overlay() else {
        panic!("entity stories")
    };
    let stories = list.stories();
    assert_eq!(stories.len(), 2);
    h.keys(&["Esc", "t"]);
    assert_eq!(h.app.timeline().title(), "European Union");
    assert!(h.app.timeline().events().len() >= 2);
}

#[test]
fn selecting_a_quote_scrolls_the_story_to_it() {
    let mut h = Harness::new(60, 12);
    h.keys(&["j", "Enter"]);
    assert_eq!(
        h.app.focus(),
        Pane::Story,
        "narrow screens switch to the story"
    );
    h.keys(&["l", "l", "j"]);
    assert_eq!(h.app.focus(), Pane::Quotes);
    assert!(
        h.app.story().scroll() > 0,
        "the reported quote is further down"
    );
}

#[test]
fn resize_relayouts_and_every_size_draws() {
    let mut h = Harness::new(160, 45);
    h.keys(&["Enter"]);
    let wide_lines = h.app.story().layout().lines.len();
    h.act(Action::Resize {
        width: 60,
        height: 20,
    });
    assert!(h.app.story().layout().lines.len() > wide_lines);
    for (w, h2) in [(20, 5), (1, 1), (0, 0), (100, 24), (99, 23), (300, 100)] {
        h.act(Action::Resize {
            width: w,
            height: h2,
        });
        let _ = h.screen();
        h.keys(&["?"]);
        let _ = h.screen();
        h.keys(&["Esc", "/"]);
        h.type_text("x");
        let _ = h.screen();
        h.keys(&["Esc"]);
    }
}

#[test]
fn sort_unread_and_read_marks() {
    let mut h = Harness::new(160, 45);
    h.keys(&["s"]);
    let first = h.app.stories().visible().next().unwrap();
    assert_eq!(
        first.title, "港口 traffic recovers 🌾 as exports resume",
        "oldest first"
    );
    h.keys(&["Enter", "u"]);
    assert_eq!(
        h.app.stories().visible().count(),
        3,
        "the opened story is read"
    );
    h.keys(&["u", "g", "m"]);
    assert!(
        h.app
            .stories()
            .rows()
            .iter()
            .all(|s| !h.app.stories().is_read(s.id))
    );
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    use sitrep::tui::action::MouseAction;
    let mut h = Harness::new(160, 45);
    h.act(Action::Mouse(MouseAction::Click { column: 5, row: 3 }));
    assert_eq!(h.app.stories().cursor().index, 2);
    assert!(h.app.story().open().is_some());
    h.act(Action::Mouse(MouseAction::ScrollDown { column: 5, row: 3 }));
    assert_eq!(h.app.stories().cursor().index, 3);
    assert_eq!(h.app.focus(), Pane::Stories);
}

#[test]
fn a_note_on_the_selected_quote_is_written_saved_and_marked() {
    use sitrep::library::Anchor;
    let mut h = Harness::new(160, 45);
    h.keys(&["j", "Enter", "l", "l", "l"]);
    assert_eq!(h.app.focus(), Pane::Quotes);
    h.keys(&["a"]);
    assert!(matches!(h.app.overlay(), Some(Overlay::Editor(_))));
    // Typing goes into the editor, not to the keymap ("q" does not quit).
    for c in "Vos sets a calendar #eu-asean q".chars() {
        h.keys(&[&c.to_string()]);
    }
    assert!(!h.app.should_quit());
    h.keys(&["C-s"]);
    assert!(h.app.overlay().is_none(), "saved and closed");
    assert_eq!(h.app.notes().list().len(), 1);
    let note = &h.app.notes().list()[0];
    assert_eq!(note.text, "Vos sets a calendar #eu-asean q");
    assert_eq!(note.tags, vec!["eu-asean"]);
    match &note.anchor {
        Some(Anchor::Passage {
            text,
            detached: false,
            ..
        }) => assert_eq!(text, "We have a calendar now,"),
        other => panic!("anchored to the quote: {other:?}"),
    }
    // The anchored passage is marked in the story text.
    let noted = h.app.theme().note;
    assert!(
        h.app
            .story()
            .layout()
            .lines
            .iter()
            .flat_map(|l| &l.spans)
            .any(|s| s.style.patch(noted) == s.style && s.content.contains("calendar"))
    );
}

#[test]
fn closing_a_changed_editor_asks_and_drafts_are_written_every_two_seconds() {
    use std::time::{Duration, Instant};
    let mut h = Harness::new(160, 45);
    h.keys(&["Enter", "a"]);
    h.keys(&["h", "i"]);
    let start = Instant::now();
    h.act(Action::Tick(start));
    let Some(Overlay::Editor(editor)) = h.app.overlay() else {
        panic!("editor open")
    };
    let draft = editor.draft.expect("a draft was written at once");
    h.keys(&["!"]);
    h.act(Action::Tick(start + Duration::from_millis(500)));
    h.act(Action::Tick(start + Duration::from_secs(2)));
    let library = h.library();
    let drafts = library.drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!((drafts[0].id, drafts[0].text.as_str()), (draft, "hi!"));
    h.keys(&["Esc"]);
    let Some(Overlay::Editor(editor)) = h.app.overlay() else {
        panic!("still open: it asks first")
    };
    assert!(editor.confirm_drop);
    h.keys(&["n"]);
    h.keys(&["Esc", "y"]);
    assert!(h.app.overlay().is_none());
    assert!(
        h.library().drafts().unwrap().is_empty(),
        "dropping discards the draft"
    );
    assert!(h.app.notes().list().is_empty());
}

#[test]
fn drafts_left_behind_are_offered_back_at_start() {
    let mut h = Harness::new(160, 45);
    let story = h.app.stories().rows()[0].id;
    h.library()
        .save_draft(story, None, None, "unsaved thought")
        .unwrap();
    h.act_request(sitrep::tui::request::Request::Drafts);
    let Some(Overlay::Drafts(drafts)) = h.app.overlay() else {
        panic!("drafts offered")
    };
    assert_eq!(drafts.drafts().len(), 1);
    h.keys(&["Enter"]);
    let Some(Overlay::Editor(editor)) = h.app.overlay() else {
        panic!("reopened in the editor")
    };
    assert_eq!(editor.text(), "unsaved thought");
    assert_eq!(h.app.story().id(), Some(story));
    h.keys(&["C-s"]);
    assert_eq!(h.app.notes().list().len(), 1);
    assert!(h.library().drafts().unwrap().is_empty());
}

#[test]
fn notes_are_deleted_with_confirmation_undone_edited_and_restored_from_history() {
    let mut h = Harness::new(160, 45);
    let story = h.app.stories().rows()[0].id;
    h.library().add_note(story, None, "first take").unwrap();
    h.keys(&["Enter"]);
    assert_eq!(h.app.notes().list().len(), 1);
    // Focus the notes pane and edit the note inline.
    while h.app.focus() != Pane::Notes {
        h.keys(&["l"]);
    }
    h.keys(&["Enter"]);
    h.keys(&["End", "!", "C-s"]);
    assert_eq!(h.app.notes().list()[0].text, "first take!");
    h.keys(&["H"]);
    let Some(Overlay::History(history)) = h.app.overlay() else {
        panic!("history")
    };
    let versions = history.versions();
    assert_eq!(versions.len(), 2);
    h.keys(&["g", "Enter"]);
    assert_eq!(
        h.app.notes().list()[0].text,
        "first take",
        "version 1 restored"
    );
    h.keys(&["d"]);
    assert!(matches!(h.app.overlay(), Some(Overlay::ConfirmDelete(_))));
    h.keys(&["n"]);
    assert_eq!(h.app.notes().list().len(), 1, "n keeps it");
    h.keys(&["d", "y"]);
    assert!(h.app.notes().list().is_empty());
    h.keys(&["U"]);
    assert_eq!(h.app.notes().list().len(), 1, "undone");
}

#[test]
fn all_notes_filter_by_words_and_tags_and_open_the_passage() {
    use sitrep::library::AnchorTarget;
    let mut h = Harness::new(160, 45);
    let grain = h
        .app
        .stories()
        .rows()
        .iter()
        .find(|s| s.title.contains("grain corridor"))
        .unwrap()
        .id;
    let other = h.app.stories().rows()[0].id;
    h.library()
        .add_note(
            grain,
            Some(&AnchorTarget::Passage { start: 0, end: 7 }),
            "corridor matters #food",
        )
        .unwrap();
    h.library()
        .add_note(other, None, "unrelated #trade")
        .unwrap();
    h.keys(&["N"]);
    let Some(Overlay::AllNotes(notes)) = h.app.overlay() else {
        panic!("all notes")
    };
    assert_eq!(notes.notes().len(), 2);
    h.type_text("#food");
    let Some(Overlay::AllNotes(notes)) = h.app.overlay() else {
        panic!("all notes")
    };
    assert_eq!(notes.shown(h.app.stories().rows()).len(), 1);
    h.keys(&["Enter"]);
    assert_eq!(h.app.story().id(), Some(grain));
    assert_eq!(h.app.focus(), Pane::Story);
}

#[test]
fn x_asks_where_to_write_the_briefing_and_never_overwrites_silently() {
    let mut h = Harness::new(160, 45);
    let dir = tempfile::tempdir().unwrap();
    h.export_into(dir.path());
    h.keys(&["Enter", "x"]);
    let id = h.app.story().id().unwrap();
    let default = dir.path().join(format!("sitrep-briefing-story-{id}.md"));
    let Some(Overlay::Prompt(prompt)) = h.app.overlay() else {
        panic!("x asks for the path")
    };
    assert_eq!(prompt.line().text(), default.display().to_string());
    h.keys(&["Enter"]);
    let text = std::fs::read_to_string(&default).expect("briefing written");
    assert!(text.contains("ASEAN ministers weigh EU offer"));
    assert!(h.app.overlay().is_none());
    let full = default.canonicalize().unwrap();
    assert_eq!(
        h.app.status().text,
        format!("briefing written to {}", full.display()),
        "the full path is shown"
    );

    // The file exists now: the reader asks, and no names another file.
    std::fs::write(&default, "kept").unwrap();
    h.keys(&["x", "Enter"]);
    assert!(matches!(h.app.overlay(), Some(Overlay::ConfirmReplace(_))));
    assert_eq!(std::fs::read_to_string(&default).unwrap(), "kept");
    h.keys(&["n"]);
    assert!(matches!(h.app.overlay(), Some(Overlay::Prompt(_))));
    h.keys(&["C-u"]);
    h.type_text("weekly.md");
    h.keys(&["Enter"]);
    assert!(dir.path().join("weekly.md").exists(), "a relative path");
    assert_eq!(std::fs::read_to_string(&default).unwrap(), "kept");

    // A folder takes the briefing under the name offered.
    let folder = dir.path().join("briefings");
    std::fs::create_dir(&folder).unwrap();
    h.keys(&["x", "C-u"]);
    h.type_text(&folder.display().to_string());
    h.keys(&["Enter"]);
    assert!(
        folder
            .join(format!("sitrep-briefing-story-{id}.md"))
            .exists()
    );

    // y replaces it; Esc cancels an export.
    h.keys(&["x", "Enter", "y"]);
    assert!(std::fs::read_to_string(&default).unwrap().contains("ASEAN"));
    assert!(h.app.overlay().is_none());
    h.keys(&["x", "Esc"]);
    assert!(h.app.overlay().is_none());
}

#[test]
fn v_shows_the_earlier_texts_an_import_replaced() {
    let mut h = Harness::new(160, 45);
    // Story 1 as the fixture stored it ("fixture:0"), then an edited copy of that file.
    let mut library = h.library();
    let before = library.story(1).unwrap().article;
    let edited = sitrep::model::Article {
        body: "Negotiators from the European Union and ASEAN agreed on a new calendar \
               after the first round was postponed by a week."
            .to_string(),
        ..before.clone()
    };
    let stored = library
        .store("fixture:0", &[(edited, Default::default())])
        .unwrap();
    assert_eq!(stored[0].0, 1);

    h.keys(&["V"]);
    assert!(h.app.overlay().is_none());
    assert!(h.app.status().text.contains("open a story first"));
    let row = h.app.stories().visible().position(|story| story.id == 1);
    h.keys(&["g"]);
    for _ in 0..row.unwrap() {
        h.keys(&["j"]);
    }
    h.keys(&["Enter"]);
    assert!(open_title(&h).contains("roadmap"));
    h.keys(&["V"]);
    let Some(Overlay::StoryVersions(versions)) = h.app.overlay() else {
        panic!("earlier texts open: {:?}", h.app.status())
    };
    assert_eq!((versions.versions().len(), versions.scroll()), (1, 0));
    assert_eq!(versions.versions()[0].article.body, before.body);
    let screen = h.screen();
    assert!(screen.contains("1 earlier text of story 1"), "{screen}");
    assert!(screen.contains("── version 1 · stored"), "{screen}");
    let opening: String = before.body.chars().take(40).collect();
    assert!(screen.contains(&opening), "{screen}");
    // The text scrolls no further than its end, and Esc closes it.
    h.keys(&["G", "j", "j"]);
    let Some(Overlay::StoryVersions(versions)) = h.app.overlay() else {
        panic!("still open")
    };
    assert!(versions.scroll() < versions.lines().len());
    h.keys(&["Esc"]);
    assert!(h.app.overlay().is_none());
}

#[test]
fn a_stopped_worker_is_reported_on_the_status_line() {
    let mut h = Harness::new(160, 45);
    h.act(Action::WorkerStopped("broken index".to_string()));
    let screen = h.screen();
    assert!(
        screen.contains("the library worker stopped (broken index)"),
        "{screen}"
    );
    // Nothing is sent any more, so the reader never waits for an answer.
    h.keys(&["j", "Enter"]);
    assert_eq!(h.app.pending(), 0);
    assert!(h.app.status().is_error);
    assert!(!h.screen().contains("working…"));
}

#[test]
fn read_marks_and_stars_are_kept_across_restarts() {
    let mut h = Harness::new(160, 45);
    assert!(h.screen().contains("4 unread"));
    h.keys(&["j", "Enter"]);
    let read = h.app.story().id().unwrap();
    h.keys(&["*"]);
    assert!(h.app.stories().is_starred(read));
    assert!(h.screen().contains("▸★"), "{}", h.screen());
    h.restart();
    assert!(h.app.stories().is_read(read));
    assert!(h.app.stories().is_starred(read));
    assert!(h.screen().contains("3 unread"), "{}", h.screen());
    // m marks it unread again, * unstars it; that too is kept.
    let row = h
        .app
        .stories()
        .visible()
        .position(|s| s.id == read)
        .unwrap();
    for _ in 0..row {
        h.keys(&["j"]);
    }
    h.keys(&["m", "*"]);
    h.restart();
    assert!(!h.app.stories().is_read(read));
    assert!(!h.app.stories().is_starred(read));
}

#[test]
fn mark_all_read_applies_to_the_list_shown_and_next_unread_walks_the_rest() {
    let mut h = Harness::new(160, 45);
    h.keys(&["]"]);
    let first = h.app.story().id().unwrap();
    assert_eq!(Some(first), h.app.stories().rows().get(1).map(|s| s.id));
    h.keys(&["]"]);
    let second = h.app.story().id().unwrap();
    assert_ne!(first, second);
    assert!(h.app.stories().is_read(first) && h.app.stories().is_read(second));
    // With only unread stories shown, M marks those two read and leaves nothing unread.
    h.keys(&["u", "M"]);
    assert!(h.app.status().text.contains("2 stories marked read"));
    assert_eq!(h.app.stories().visible().count(), 0);
    h.keys(&["]"]);
    assert!(h.app.status().text.contains("no unread stories"));
    h.restart();
    assert!(
        h.app
            .stories()
            .rows()
            .iter()
            .all(|s| h.app.stories().is_read(s.id))
    );
}

#[test]
fn the_story_url_and_tags_are_shown_opened_and_copied() {
    use sitrep::tui::outside::Outside;
    let mut h = Harness::new(160, 45);
    h.keys(&["Enter"]);
    h.keys(&["o"]);
    assert!(h.app.status().text.contains("no web address"));
    assert_eq!(h.app.outside(), None);
    let mut library = h.library();
    let article = sitrep::model::Article {
        title: "Envoys meet in Geneva".to_string(),
        url: Some("https://news.example.org/geneva?id=1".to_string()),
        tags: vec!["diplomacy".to_string(), "un".to_string()],
        body: "Envoys met in Geneva on Monday to discuss the ceasefire.".to_string(),
        ..Default::default()
    };
    let stored = library
        .store("geneva.json", &[(article, Default::default())])
        .unwrap();
    h.act_request(sitrep::tui::request::Request::ReloadStories);
    h.act_request(sitrep::tui::request::Request::OpenStory {
        id: stored[0].0,
        at: None,
    });
    let screen = h.screen();
    assert!(
        screen.contains("https://news.example.org/geneva?id=1"),
        "{screen}"
    );
    assert!(screen.contains("#diplomacy #un"), "{screen}");
    h.keys(&["o"]);
    assert_eq!(
        h.app.outside(),
        Some(&Outside::OpenUrl(
            "https://news.example.org/geneva?id=1".to_string()
        ))
    );
    h.act(Action::OutsideDone(Ok("opened it".to_string())));
    assert_eq!(h.app.outside(), None);
    h.keys(&["y"]);
    assert!(matches!(h.app.outside(), Some(Outside::CopyUrl(_))));
}

#[test]
fn untitled_stories_get_a_fallback_title_and_unknown_dates_and_sources_sort_last() {
    let mut h = Harness::new(160, 45);
    let mut library = h.library();
    let article = sitrep::model::Article {
        title: String::new(),
        body: "A short wire item with no title, source or date.".to_string(),
        ..Default::default()
    };
    library
        .store("untitled.json", &[(article, Default::default())])
        .unwrap();
    h.act_request(sitrep::tui::request::Request::ReloadStories);
    let last = |h: &Harness| h.app.stories().visible().last().map(|s| s.title.clone());
    assert_eq!(last(&h), Some(String::new()), "newest first: undated last");
    assert!(h.screen().contains("(untitled)"), "{}", h.screen());
    h.keys(&["s"]);
    assert_eq!(last(&h), Some(String::new()), "oldest first: undated last");
    h.keys(&["s"]);
    assert_eq!(last(&h), Some(String::new()), "by source: sourceless last");
    h.keys(&["s"]);
    assert_eq!(last(&h), Some(String::new()), "by title: untitled last");
}

#[test]
fn stories_another_process_imports_appear_without_a_restart() {
    use sitrep::tui::app::CHANGES_EVERY;
    use std::time::Instant;
    let mut h = Harness::new(160, 45);
    let start = Instant::now();
    h.act(Action::Tick(start));
    assert_eq!(h.app.stories().rows().len(), 4);
    let mut other_process = h.library();
    let article = sitrep::model::Article {
        title: "Envoys meet in Geneva".to_string(),
        body: "Envoys met in Geneva on Monday to discuss the ceasefire.".to_string(),
        ..Default::default()
    };
    other_process
        .store("geneva.json", &[(article, Default::default())])
        .unwrap();
    // Not looked at again before a second has passed.
    h.act(Action::Tick(start + CHANGES_EVERY / 2));
    assert_eq!(h.app.stories().rows().len(), 4);
    h.act(Action::Tick(start + CHANGES_EVERY));
    assert_eq!(h.app.stories().rows().len(), 5);
    assert!(h.screen().contains("Envoys meet in Geneva"));
    assert!(h.screen().contains("5 unread"));
    assert_eq!(h.app.pending(), 0);
    // Nothing changed since: no reload.
    h.act(Action::Tick(start + CHANGES_EVERY * 2));
    assert_eq!(h.app.stories().rows().len(), 5);
}

#[test]
fn a_named_search_is_saved_listed_with_unread_counts_and_run_again() {
    let mut h = Harness::new(160, 45);
    h.keys(&["S"]);
    let Some(Overlay::SavedSearches(list)) = h.app.overlay() else {
        panic!("saved searches open")
    };
    assert!(list.searches().is_empty());
    h.keys(&["Esc", "/"]);
    h.type_text("source:\"Harbour Ledger\"");
    h.keys(&["C-s"]);
    h.type_text("Harbour");
    let Some(Overlay::Search(search)) = h.app.overlay() else {
        panic!("still searching")
    };
    assert_eq!(search.naming().map(LineEdit::text), Some("Harbour"));
    assert!(h.screen().contains("as: Harbour"));
    h.keys(&["Enter"]);
    assert!(h.app.status().text.contains("search saved"));
    // Reading one of its stories lowers its unread count.
    h.keys(&["Enter"]);
    let opened = h.app.story().id().unwrap();
    h.keys(&["S"]);
    let Some(Overlay::SavedSearches(list)) = h.app.overlay() else {
        panic!("saved searches open")
    };
    let (search, stories) = &list.searches()[0];
    assert_eq!((search.name.as_str(), stories.len()), ("Harbour", 2));
    assert!(stories.contains(&opened));
    assert!(h.screen().contains("1 unread / 2"), "{}", h.screen());
    // Enter runs it in the search window.
    h.keys(&["Enter"]);
    let Some(Overlay::Search(search)) = h.app.overlay() else {
        panic!("search open")
    };
    assert_eq!(search.input(), "source:\"Harbour Ledger\"");
    assert_eq!(search.results().len(), 2);
    // d forgets it.
    h.keys(&["Esc", "S", "d"]);
    let Some(Overlay::SavedSearches(list)) = h.app.overlay() else {
        panic!("saved searches open")
    };
    assert!(list.searches().is_empty());
}

fn search_line(h: &Harness) -> (String, usize, usize) {
    let Some(Overlay::Search(search)) = h.app.overlay() else {
        panic!("search open")
    };
    (
        search.input().to_string(),
        search.line().cursor(),
        search.results().len(),
    )
}

#[test]
fn the_search_line_edits_like_a_shell_line() {
    let mut h = Harness::new(160, 45);
    h.keys(&["/"]);
    h.type_text("corridor");
    h.keys(&["C-a"]);
    h.type_text("grain ");
    let (input, cursor, results) = search_line(&h);
    assert_eq!((input.as_str(), cursor), ("grain corridor", 6));
    assert!(results > 0, "typing in the middle searches again");
    h.keys(&["C-w"]);
    assert_eq!(search_line(&h).0, "corridor");
    h.keys(&["End", "C-w"]);
    assert_eq!(search_line(&h), (String::new(), 0, 0));
    h.type_text("jakrta");
    h.keys(&["Left", "Left", "Left"]);
    h.type_text("a");
    assert_eq!(search_line(&h).0, "jakarta");
    h.keys(&["Home", "Delete", "Right", "Backspace"]);
    assert_eq!(search_line(&h).0, "karta");
    h.keys(&["C-e", "Left", "C-u"]);
    assert_eq!(search_line(&h).0, "a");
    // The same keys edit the filter of the notes list.
    h.keys(&["Esc", "A"]);
    h.type_text("#trade");
    h.keys(&["Home", "C-d"]);
    let Some(Overlay::AllNotes(notes)) = h.app.overlay() else {
        panic!("notes open")
    };
    assert_eq!((notes.input(), notes.line().cursor()), ("trade", 0));
}

fn story_entities(h: &Harness) -> Vec<String> {
    h.app
        .story()
        .open()
        .map(|s| s.analysis.entities.iter().map(|e| e.name.clone()).collect())
        .unwrap_or_default()
}

/// Types over the prompt's offered answer and presses Enter.
fn answer(h: &mut Harness, text: &str) {
    let Some(Overlay::Prompt(_)) = h.app.overlay() else {
        panic!("a question is asked: {:?}", h.app.overlay())
    };
    h.keys(&["C-u"]);
    h.type_text(text);
    h.keys(&["Enter"]);
}

#[test]
fn an_entity_is_renamed_from_the_entities_pane_everywhere_at_once_and_undone() {
    let mut h = Harness::new(160, 45);
    h.keys(&["j", "Enter", "l", "l"]);
    assert_eq!(h.app.focus(), Pane::Entities);
    assert_eq!(h.app.entities().selected(), Some("Lena Vos"));
    h.keys(&["c"]);
    assert!(matches!(h.app.overlay(), Some(Overlay::CorrectMenu(_))));
    h.keys(&["Enter"]);
    let Some(Overlay::Prompt(prompt)) = h.app.overlay() else {
        panic!("the new name is asked")
    };
    assert_eq!(prompt.line().text(), "Lena Vos", "the name now is offered");
    answer(&mut h, "Lena Vossberg");
    assert!(h.app.overlay().is_none());
    assert!(
        h.app
            .status()
            .text
            .contains("rename Lena Vos to Lena Vossberg"),
        "{}",
        h.app.status().text
    );
    // The story, its quotes, its timeline and the highlight show the new name at once.
    assert!(story_entities(&h).contains(&"Lena Vossberg".to_string()));
    assert!(!story_entities(&h).contains(&"Lena Vos".to_string()));
    assert_eq!(h.app.entities().selected(), Some("Lena Vossberg"));
    let story = h.app.story().open().unwrap();
    assert_eq!(
        story.analysis.quotes[0].speaker.as_deref(),
        Some("Lena Vossberg")
    );
    assert!(
        h.app
            .timeline()
            .events()
            .iter()
            .any(|e| e.entities.contains(&"Lena Vossberg".to_string()))
    );
    // Search filters find the entity by its new name only.
    h.keys(&["/"]);
    h.type_text("entity:Vossberg");
    assert_eq!(search_line(&h).2, 1, "entity:NewName finds the story");
    h.keys(&["C-u"]);
    h.type_text("entity:\"Lena Vos\"");
    assert_eq!(search_line(&h).2, 0, "the old name no longer does");
    h.keys(&["C-u"]);
    h.type_text("vossberg");
    assert_eq!(search_line(&h).2, 1, "the new name is found by words too");
    h.keys(&["Esc"]);
    // A name another entity has is refused: the question stays to be answered again.
    h.keys(&["c", "Enter"]);
    answer(&mut h, "Jakarta");
    assert!(matches!(h.app.overlay(), Some(Overlay::Prompt(_))));
    assert!(
        h.app.status().text.contains("merge"),
        "{}",
        h.app.status().text
    );
    h.keys(&["Esc"]);

    // C lists the corrections; d undoes the selected one.
    h.keys(&["C"]);
    let Some(Overlay::Corrections(list)) = h.app.overlay() else {
        panic!("corrections listed")
    };
    assert_eq!(list.corrections().len(), 1);
    h.keys(&["d"]);
    let Some(Overlay::Corrections(list)) = h.app.overlay() else {
        panic!("the list stays")
    };
    assert!(list.corrections().is_empty());
    assert!(h.app.status().text.starts_with("undone: rename Lena Vos"));
    assert!(story_entities(&h).contains(&"Lena Vos".to_string()));
    h.keys(&["Esc"]);
    assert!(h.app.overlay().is_none());
}

#[test]
fn entities_are_merged_split_and_hidden_from_the_reader() {
    let mut h = Harness::new(160, 45);
    h.keys(&["j", "Enter", "l", "l"]);
    // Merge Lena Vos into the European Union (as if the analysis had split one name).
    h.keys(&["c", "j", "Enter"]);
    answer(&mut h, "european union");
    assert!(!story_entities(&h).contains(&"Lena Vos".to_string()));
    let eu = h
        .app
        .story()
        .open()
        .unwrap()
        .analysis
        .entities
        .iter()
        .find(|e| e.name == "European Union")
        .unwrap();
    assert!(eu.mentions.iter().any(|m| m.text == "Lena Vos"));
    h.keys(&["C", "d", "Esc"]);
    // Split: in this story, Jakarta is another place.
    let jakarta = |h: &Harness| {
        let order = h.app.entity_order();
        let story = h.app.story().open().unwrap();
        order
            .iter()
            .position(|&i| story.analysis.entities[i].name == "Jakarta")
            .unwrap()
    };
    for _ in 0..jakarta(&h) {
        h.keys(&["j"]);
    }
    h.keys(&["c", "j", "j", "Enter"]);
    answer(&mut h, "Jakarta Convention Center");
    assert!(story_entities(&h).contains(&"Jakarta Convention Center".to_string()));
    assert!(!story_entities(&h).contains(&"Jakarta".to_string()));
    // Hide Jakarta Convention Center in this story (a hide asks nothing).
    h.keys(&["c", "j", "j", "j", "Enter"]);
    assert!(h.app.overlay().is_none());
    assert!(!story_entities(&h).contains(&"Jakarta Convention Center".to_string()));
    assert!(h.app.status().text.contains("hide the entity"));
}

#[test]
fn quotes_events_dates_and_sources_are_corrected_from_their_panes() {
    let mut h = Harness::new(160, 45);
    h.keys(&["j", "Enter", "l", "l", "l"]);
    assert_eq!(h.app.focus(), Pane::Quotes);
    let id = h.app.story().id().unwrap();
    // Who said it.
    h.keys(&["c", "Enter"]);
    answer(&mut h, "Mira Okafor");
    let quotes = |h: &Harness| h.app.story().open().unwrap().analysis.quotes.clone();
    assert_eq!(quotes(&h)[0].speaker.as_deref(), Some("Mira Okafor"));
    // Hide a wrong quote.
    let before = quotes(&h).len();
    h.keys(&["c", "j", "Enter"]);
    assert_eq!(quotes(&h).len(), before - 1);

    // The event selected in the story's timeline.
    let events = h.app.story().open().unwrap().analysis.events.len();
    h.keys(&["t", "c", "Enter"]);
    assert_eq!(
        h.app.story().open().unwrap().analysis.events.len(),
        events - 1
    );

    // The story's date and source, from the story list.
    while h.app.focus() != Pane::Stories {
        h.keys(&["h"]);
    }
    let row = |h: &Harness| {
        h.app
            .stories()
            .rows()
            .iter()
            .find(|s| s.id == id)
            .cloned()
            .unwrap()
    };
    h.keys(&["c", "Enter"]);
    answer(&mut h, "yesterday");
    assert!(
        matches!(h.app.overlay(), Some(Overlay::Prompt(_))),
        "a date that is none is refused and asked again"
    );
    answer(&mut h, "2021-01-05");
    assert_eq!(row(&h).published.as_deref(), Some("2021-01-05T00:00:00Z"));
    assert_eq!(
        h.app.stories().visible().last().map(|s| s.id),
        Some(id),
        "the oldest story now"
    );
    let selected = h.app.selected_story().unwrap().id;
    assert_eq!(selected, id, "the selection follows the story");
    h.keys(&["c", "j", "Enter"]);
    answer(&mut h, "Harbour Ledger");
    assert_eq!(row(&h).source.as_deref(), Some("Harbour Ledger"));
    assert_eq!(
        h.app.story().open().unwrap().article.source.as_deref(),
        Some("Harbour Ledger")
    );
    assert_eq!(h.library().corrections(false).unwrap().len(), 5);
}
