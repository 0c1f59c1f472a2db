//! The notes API of the library: history, deletion, tags, search, drafts, re-anchoring
//! on re-import, and the briefing's Markdown read back through pulldown-cmark.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use sitrep::library::{
    Anchor, AnchorTarget, BriefingRequest, DATABASE_FILE, Library, LibraryError, NoteFilter,
    parse_tags,
};
use sitrep::model::{
    Analysis, Article, Entity, EntityKind, Event as StoryEvent, Mention, Quote, QuoteKind,
};

const BODY: &str = "Ministers agreed on a calendar for maritime talks on Tuesday.\n\n\
                    \"We have a calendar now,\" said Lena Vos, a spokeswoman for the secretariat.\n\n\
                    The first negotiating round opens in Jakarta in June.";

fn article(body: &str) -> Article {
    Article {
        title: "Ministers agree calendar for maritime talks".to_string(),
        source: Some("Harbour Wire".to_string()),
        published: Some("2023-03-14T09:30:00+07:00".to_string()),
        url: Some("https://harbourwire.example/2023/03/calendar".to_string()),
        body: body.to_string(),
        ..Article::default()
    }
}

/// The analysis a story of `body` gets: Lena Vos (where she appears), a quote, an event.
fn analysis(body: &str) -> Analysis {
    let mut analysis = Analysis::default();
    if let Some(byte) = body.find("Lena Vos") {
        let start = body[..byte].chars().count();
        analysis.entities.push(Entity {
            name: "Lena Vos".to_string(),
            kind: EntityKind::Person,
            mentions: vec![Mention {
                start,
                end: start + 8,
                text: "Lena Vos".to_string(),
            }],
        });
        analysis.quotes.push(Quote {
            text: "We have a calendar now,".to_string(),
            start: 0,
            end: 0,
            speaker: Some("Lena Vos".to_string()),
            kind: QuoteKind::Direct,
        });
    }
    analysis.events.push(StoryEvent {
        date: "2023-06".to_string(),
        summary: "first negotiating round opens in Jakarta".to_string(),
        entities: Vec::new(),
        start: 0,
        end: 0,
    });
    analysis
}

fn open() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    (dir, library)
}

/// Stores (or updates in place) the story of `body` as the first story of `story.txt`.
fn store(library: &mut Library, body: &str) -> i64 {
    library
        .store("/briefings/story.txt", &[(article(body), analysis(body))])
        .unwrap()[0]
        .0
}

fn char_range(body: &str, text: &str) -> (usize, usize) {
    let start = body[..body.find(text).unwrap()].chars().count();
    (start, start + text.chars().count())
}

fn passage(body: &str, text: &str) -> AnchorTarget {
    let (start, end) = char_range(body, text);
    AnchorTarget::Passage { start, end }
}

/// FTS5's own check that the story index matches what it indexes, plus SQLite's.
fn assert_database_sound(dir: &tempfile::TempDir) {
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.execute(
        "INSERT INTO story_index (story_index, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn history_restore_delete_and_undelete() {
    let (dir, mut library) = open();
    let story = store(&mut library, BODY);
    let note = library.add_note(story, None, "First take #asean").unwrap();
    assert_eq!(note.created, note.updated);
    library.edit_note(note.id, "Second take #shipping").unwrap();
    library.edit_note(note.id, "Second take #shipping").unwrap();
    let history = library.note_history(note.id).unwrap();
    let texts: Vec<&str> = history
        .iter()
        .map(|version| version.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["First take #asean", "Second take #shipping"],
        "an unchanged save is no version"
    );
    assert_eq!(history[1].version, 2);

    let restored = library.restore_note(note.id, 1).unwrap();
    assert_eq!(restored.text, "First take #asean");
    assert_eq!(restored.tags, ["asean"]);
    assert_eq!(library.note_history(note.id).unwrap().len(), 3);
    assert!(matches!(
        library.restore_note(note.id, 9),
        Err(LibraryError::NoSuchVersion { version: 9, .. })
    ));
    assert!(matches!(
        library.restore_note(note.id, 0),
        Err(LibraryError::NoSuchVersion { .. })
    ));

    let deleted = library.delete_note(note.id).unwrap();
    assert!(deleted.deleted.is_some());
    assert!(library.notes(&NoteFilter::default()).unwrap().is_empty());
    let listed_deleted = library
        .notes(&NoteFilter {
            deleted: true,
            ..NoteFilter::default()
        })
        .unwrap();
    assert_eq!(listed_deleted.len(), 1);
    assert!(matches!(
        library.edit_note(note.id, "x"),
        Err(LibraryError::NoteDeleted(_))
    ));
    let back = library.undelete_note(note.id).unwrap();
    assert_eq!(back.deleted, None);
    assert_eq!(back.text, "First take #asean");
    assert_eq!(library.notes(&NoteFilter::default()).unwrap().len(), 1);
    assert!(matches!(
        library.edit_note(404, "x"),
        Err(LibraryError::NoSuchNote(404))
    ));
    assert_database_sound(&dir);
}

#[test]
fn note_text_and_tags_are_searchable_and_follow_every_change() {
    let (dir, mut library) = open();
    let story = store(&mut library, BODY);
    let hits = |library: &Library, query: &str| library.search(query, 10).unwrap().hits.len();
    assert_eq!(hits(&library, "quarantine"), 0);
    let note = library
        .add_note(story, None, "Watch the quarantine clause #Shipping-Lanes")
        .unwrap();
    assert_eq!(hits(&library, "quarantine"), 1);
    assert_eq!(hits(&library, "tag:shipping-lanes"), 1);
    assert_eq!(hits(&library, "tag:#SHIPPING-LANES"), 1);
    let notes_tagged = |tag: &str| {
        library
            .notes(&NoteFilter {
                tag: Some(tag.to_string()),
                ..NoteFilter::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!(notes_tagged("#shipping-lanes"), 1);
    assert_eq!(notes_tagged("shipping"), 0);

    library
        .edit_note(note.id, "Nothing about that any more")
        .unwrap();
    assert_eq!(hits(&library, "quarantine"), 0);
    assert_eq!(hits(&library, "tag:shipping-lanes"), 0);
    library.restore_note(note.id, 1).unwrap();
    assert_eq!(hits(&library, "quarantine"), 1);
    library.delete_note(note.id).unwrap();
    assert_eq!(hits(&library, "quarantine"), 0);
    assert_eq!(hits(&library, "tag:shipping-lanes"), 0);
    library.undelete_note(note.id).unwrap();
    assert_eq!(hits(&library, "quarantine tag:shipping-lanes"), 1);
    assert_database_sound(&dir);
}

#[test]
fn anchors_are_checked_against_the_story() {
    let (_dir, mut library) = open();
    let story = store(&mut library, BODY);
    let length = BODY.chars().count();
    let outside = AnchorTarget::Passage {
        start: 10,
        end: length + 1,
    };
    let error = library.add_note(story, Some(&outside), "x").unwrap_err();
    assert!(error.to_string().contains("not inside story"), "{error}");
    let backwards = AnchorTarget::Passage { start: 10, end: 10 };
    assert!(library.add_note(story, Some(&backwards), "x").is_err());
    let stranger = AnchorTarget::Entity {
        name: "Wang Yi".to_string(),
    };
    assert!(library.add_note(story, Some(&stranger), "x").is_err());
    assert!(matches!(
        library.add_note(99, None, "x"),
        Err(LibraryError::NoSuchStory(99))
    ));
    assert!(
        library.add_note(story, None, " \u{1b}[2J ").is_err(),
        "empty after cleaning"
    );

    let entity = AnchorTarget::Entity {
        name: "lena vos".to_string(),
    };
    let note = library
        .add_note(story, Some(&entity), "Spokeswoman \u{1b}]0;x\u{7}#people")
        .unwrap();
    assert_eq!(
        note.anchor,
        Some(Anchor::Entity {
            name: "Lena Vos".to_string()
        })
    );
    assert_eq!(note.text, "Spokeswoman #people");
}

#[test]
fn notes_follow_their_passages_through_a_reimport() {
    let (dir, mut library) = open();
    let story = store(&mut library, BODY);
    let moved = library
        .add_note(
            story,
            Some(&passage(BODY, "a calendar for maritime talks")),
            "moves",
        )
        .unwrap();
    let loose = library
        .add_note(
            story,
            Some(&passage(BODY, "The first negotiating round")),
            "case and spacing",
        )
        .unwrap();
    let vanished = library
        .add_note(
            story,
            Some(&passage(BODY, "a spokeswoman for the secretariat")),
            "vanishes",
        )
        .unwrap();
    let entity = AnchorTarget::Entity {
        name: "Lena Vos".to_string(),
    };
    let person = library
        .add_note(story, Some(&entity), "who is she")
        .unwrap();
    let event = AnchorTarget::Event {
        date: "2023-06".to_string(),
        summary: "first negotiating round opens in Jakarta".to_string(),
    };
    let dated = library.add_note(story, Some(&event), "dated").unwrap();

    let edited = "UPDATE: Foreign ministers of ten states agreed on a calendar for maritime talks \
                  on Tuesday after a long night.\n\n\
                  THE FIRST  NEGOTIATING\nround opens in Jakarta in June.";
    assert_eq!(store(&mut library, edited), story, "updated in place");

    let anchor = |library: &Library, id: i64| library.note(id).unwrap().anchor.unwrap();
    let (start, end) = char_range(edited, "a calendar for maritime talks");
    assert_eq!(
        anchor(&library, moved.id),
        Anchor::Passage {
            start,
            end,
            text: "a calendar for maritime talks".to_string(),
            detached: false
        }
    );
    let (start, end) = char_range(edited, "THE FIRST  NEGOTIATING\nround");
    let Anchor::Passage {
        start: s,
        end: e,
        text,
        detached,
    } = anchor(&library, loose.id)
    else {
        panic!("not a passage");
    };
    assert_eq!((s, e, detached), (start, end, false));
    assert_eq!(
        text, "The first negotiating round",
        "the quoted text is kept as written"
    );
    let Anchor::Passage { text, detached, .. } = anchor(&library, vanished.id) else {
        panic!("not a passage");
    };
    assert!(detached);
    assert_eq!(text, "a spokeswoman for the secretariat");
    assert_eq!(
        anchor(&library, person.id),
        Anchor::Entity {
            name: "Lena Vos".to_string()
        }
    );
    assert_eq!(
        anchor(&library, dated.id),
        Anchor::Event {
            date: "2023-06".to_string(),
            summary: "first negotiating round opens in Jakarta".to_string()
        }
    );

    // The event row was written anew: the note links to the new row.
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    let (linked, current): (Option<i64>, i64) = conn
        .query_row(
            "SELECT n.event_id, ev.id FROM notes n JOIN events ev ON ev.article_id = n.article_id
             AND ev.date = '2023-06' WHERE n.id = ?1",
            [dated.id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!(linked, Some(current));

    // The passage coming back re-attaches the note.
    store(&mut library, BODY);
    assert_eq!(anchor(&library, vanished.id), {
        let (start, end) = char_range(BODY, "a spokeswoman for the secretariat");
        Anchor::Passage {
            start,
            end,
            text: "a spokeswoman for the secretariat".to_string(),
            detached: false,
        }
    });
    assert_eq!(library.notes(&NoteFilter::default()).unwrap().len(), 5);
    assert_database_sound(&dir);
}

#[test]
fn drafts_are_kept_per_subject_and_removed_by_saving() {
    let (_dir, mut library) = open();
    let story = store(&mut library, BODY);
    let target = passage(BODY, "Ministers agreed");
    let first = library
        .save_draft(story, Some(&target), None, "half a")
        .unwrap();
    let again = library
        .save_draft(story, Some(&target), None, "half a thought")
        .unwrap();
    assert_eq!(first.id, again.id, "one draft per subject");
    let other = library.save_draft(story, None, None, "story-wide").unwrap();
    assert_ne!(other.id, first.id);
    assert_eq!(library.drafts().unwrap().len(), 2);

    let note = library
        .add_note(story, Some(&target), "half a thought, saved")
        .unwrap();
    let left: Vec<String> = library
        .drafts()
        .unwrap()
        .into_iter()
        .map(|d| d.text)
        .collect();
    assert_eq!(left, ["story-wide"], "saving removed its draft only");

    let edit = library
        .save_draft(story, None, Some(note.id), "an edit")
        .unwrap();
    assert_eq!(edit.note, Some(note.id));
    assert_eq!(edit.anchor, note.anchor);
    assert!(
        library
            .save_draft(story + 1, None, Some(note.id), "x")
            .is_err()
    );
    library.edit_note(note.id, "an edit, saved").unwrap();
    assert_eq!(library.drafts().unwrap().len(), 1);

    library.discard_draft(other.id).unwrap();
    assert!(library.drafts().unwrap().is_empty());
    assert!(matches!(
        library.discard_draft(other.id),
        Err(LibraryError::NoSuchDraft(_))
    ));
}

#[test]
fn tags_follow_the_documented_rules() {
    assert_eq!(
        parse_tags("#Sanctions on #black-sea-grain, not #1, `#code` or https://x.example/#frag"),
        ["sanctions", "black-sea-grain"]
    );
}

/// Block-level structure of a Markdown document: (kind, text inside) in document order.
fn blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut open: Vec<(String, String)> = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                open.push((format!("{level:?}"), String::new()))
            }
            Event::Start(Tag::BlockQuote(_)) => open.push(("quote".into(), String::new())),
            Event::Start(Tag::Item) => open.push(("item".into(), String::new())),
            Event::End(TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::Item) => {
                blocks.push(open.pop().unwrap())
            }
            Event::Text(text) | Event::Code(text) => {
                for (_, inside) in &mut open {
                    inside.push_str(&text);
                }
            }
            Event::SoftBreak => open.iter_mut().for_each(|(_, inside)| inside.push(' ')),
            Event::Start(Tag::Link { dest_url, .. }) => {
                blocks.push(("link".into(), dest_url.to_string()))
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                blocks.push(("html".into(), html.to_string()))
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn briefing_markdown_keeps_its_structure_with_hostile_text() {
    let (_dir, mut library) = open();
    let hostile_body = "# Not a heading\n\n- not a list\n\n1. not a list either <b>bold</b> \
                        [click](javascript:alert(1)) *stars* `code` ---";
    let mut story = article(hostile_body);
    story.title = "Talks ## resume [now](http://evil.example) <script>".to_string();
    story.source = Some("> Wire | *Desk*".to_string());
    let mut hostile = analysis(hostile_body);
    hostile.quotes.push(Quote {
        text: "# no\n- really".to_string(),
        start: 0,
        end: 0,
        speaker: Some("*Desk* <b>spokes</b>".to_string()),
        kind: QuoteKind::Direct,
    });
    let id = library.store("/hostile.txt", &[(story, hostile)]).unwrap()[0].0;
    let quoted = passage(hostile_body, "- not a list\n\n1. not a list either");
    library
        .add_note(id, Some(&quoted), "My *own* Markdown #risk\n\n# my heading")
        .unwrap();
    library.add_note(id, None, "Second note").unwrap();

    let briefing = library.briefing(&BriefingRequest::default()).unwrap();
    let markdown = briefing.to_markdown();
    let blocks = blocks(&markdown);
    let headings: Vec<(&str, &str)> = blocks
        .iter()
        .filter(|(kind, _)| kind.starts_with('H'))
        .map(|(kind, text)| (kind.as_str(), text.as_str()))
        .collect();
    let h = |level: HeadingLevel| format!("{level:?}");
    let (h1, h2, h3) = (
        h(HeadingLevel::H1),
        h(HeadingLevel::H2),
        h(HeadingLevel::H3),
    );
    assert_eq!(
        headings,
        [
            (h1.as_str(), "Analyst briefing"),
            (
                h2.as_str(),
                "1. Talks ## resume [now](http://evil.example) <script>"
            ),
            (h3.as_str(), "Notes"),
            (h(HeadingLevel::H1).as_str(), "my heading"),
            (h3.as_str(), "Quotes"),
            (h3.as_str(), "Key dates"),
            (h2.as_str(), "Timeline"),
            (h2.as_str(), "Sources"),
        ]
    );
    let links_and_html: Vec<&(String, String)> = blocks
        .iter()
        .filter(|(kind, _)| kind == "link" || kind == "html")
        .collect();
    let citation = (
        "link".to_string(),
        "https://harbourwire.example/2023/03/calendar".to_string(),
    );
    assert_eq!(
        links_and_html,
        [&citation, &citation],
        "only the citations are links: {markdown}"
    );
    let quotes: Vec<&str> = blocks
        .iter()
        .filter(|(kind, _)| kind == "quote")
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(quotes, ["- not a list1. not a list either"]);
    let items: Vec<&str> = blocks
        .iter()
        .filter(|(kind, _)| kind == "item")
        .map(|(_, text)| text.as_str())
        .collect();
    assert!(
        items.contains(
            &"Talks ## resume [now](http://evil.example) <script>. > Wire | *Desk*, 2023-03-14. \
              https://harbourwire.example/2023/03/calendar"
        ),
        "{items:?}"
    );
    assert!(
        items.contains(&"*Desk* <b>spokes</b>: “# no - really”"),
        "{items:?}"
    );
    assert!(items.contains(&"2023-06 — first negotiating round opens in Jakarta"));
    assert!(
        items
            .iter()
            .any(|item| item.starts_with("Note ") && item.contains("my heading"))
    );
    assert!(
        items
            .iter()
            .any(|item| item.starts_with("Note ") && item.ends_with("Second note"))
    );
    assert!(items.contains(&"2023-06 — first negotiating round opens in Jakarta [1]"));
}

#[test]
fn briefing_takes_stories_newest_first_and_merges_their_timelines() {
    let (_dir, mut library) = open();
    let older = library
        .store("/a.txt", &[(article(BODY), analysis(BODY))])
        .unwrap()[0]
        .0;
    let mut newer_story = article("A later story about the same talks.");
    newer_story.title = "Later".to_string();
    newer_story.url = None;
    newer_story.published = Some("2023-04-01T08:00:00Z".to_string());
    let mut newer_analysis = Analysis::default();
    newer_analysis.events.push(StoryEvent {
        date: "2023-05-02".to_string(),
        summary: "experts meet".to_string(),
        entities: Vec::new(),
        start: 0,
        end: 0,
    });
    let newer = library
        .store("/b.txt", &[(newer_story, newer_analysis)])
        .unwrap()[0]
        .0;
    library.add_note(older, None, "old #talks").unwrap();
    library.add_note(newer, None, "new #talks").unwrap();
    library.add_note(newer, None, "untagged").unwrap();

    let briefing = library.briefing(&BriefingRequest::default()).unwrap();
    let ids: Vec<i64> = briefing.stories.iter().map(|story| story.id).collect();
    assert_eq!(ids, [newer, older]);
    let dates: Vec<&str> = briefing
        .timeline
        .iter()
        .map(|entry| entry.date.as_str())
        .collect();
    assert_eq!(dates, ["2023-05-02", "2023-06"]);
    assert_eq!(
        briefing.stories[1].url.as_deref(),
        Some("https://harbourwire.example/2023/03/calendar")
    );

    let tagged = library
        .briefing(&BriefingRequest {
            tags: vec!["talks".into()],
            ..BriefingRequest::default()
        })
        .unwrap();
    let notes: Vec<usize> = tagged
        .stories
        .iter()
        .map(|story| story.notes.len())
        .collect();
    assert_eq!(notes, [1, 1]);
    let one = library
        .briefing(&BriefingRequest {
            story: Some(older),
            ..BriefingRequest::default()
        })
        .unwrap();
    assert_eq!(one.stories.len(), 1);
    assert!(
        one.to_markdown()
            .contains(" <https://harbourwire.example/2023/03/calendar>\n")
    );
}

#[test]
fn a_version_1_library_with_notes_is_upgraded_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.execute_batch(include_str!("../src/library/schema_v1.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 1;
         PRAGMA application_id = 1936290930;
         INSERT INTO articles (id, title, highlights, body, title_key, body_hash, content_hash,
                               imported_at, updated_at)
         VALUES (1, 'Old story', '[]', 'Ministers met.', 'old story', 'h', 'c', 't', 't');
         INSERT INTO notes (id, article_id, anchor_start, anchor_end, anchor_text, text,
                            created_at, updated_at)
         VALUES (1, 1, 0, 9, 'Ministers', 'Written before notes had tags', 't', 't');
         INSERT INTO story_index (rowid, title, body, source, entities, notes)
         SELECT id, title, body, source, entities, notes FROM story_text;",
    )
    .unwrap();
    drop(conn);

    let mut library = Library::open(dir.path()).unwrap();
    let notes = library.notes(&NoteFilter::default()).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].anchor,
        Some(Anchor::Passage {
            start: 0,
            end: 9,
            text: "Ministers".to_string(),
            detached: false
        })
    );
    assert_eq!(library.search("written", 5).unwrap().hits.len(), 1);
    library.edit_note(1, "Now with a #tag").unwrap();
    let history = library.note_history(1).unwrap();
    assert_eq!(history[0].text, "Written before notes had tags");
    assert_eq!(history.len(), 2);
    assert_eq!(library.search("tag:tag", 5).unwrap().hits.len(), 1);
    assert_eq!(library.search("written", 5).unwrap().hits.len(), 0);
    assert_database_sound(&dir);
}
