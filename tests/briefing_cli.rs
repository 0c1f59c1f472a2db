//! `sitrep notes export`: a briefing an analyst can send as it is, read back through a
//! Markdown parser; its filters (--title, --tag, --from/--to) and `--output`, which
//! never replaces a file silently and writes it owner-only.

mod cli_support;

use std::os::unix::fs::PermissionsExt;

use cli_support::{Sitrep, stderr, stdout};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use sitrep::library::{AnchorTarget, Library};
use sitrep::model::{Analysis, Article, Event as StoryEvent, Quote, QuoteKind};

const BODY: &str = "Ministers agreed on a calendar for maritime talks on Tuesday.\n\n\
                    \"We have a calendar now,\" said Lena Vos, a spokeswoman.\n\n\
                    She said the first round opens in June.\n\n\
                    \"Nothing is settled,\" one delegate muttered.\n\n\
                    \"Ports stay open,\" a banner read.";

/// Characters `start..end` of `text` in `body`.
fn span(body: &str, text: &str) -> (usize, usize) {
    let start = body[..body.find(text).unwrap()].chars().count();
    (start, start + text.chars().count())
}

fn quote(text: &str, speaker: Option<&str>, kind: QuoteKind) -> Quote {
    let (start, end) = span(BODY, text);
    Quote {
        text: text.to_string(),
        start,
        end,
        speaker: speaker.map(str::to_string),
        kind,
    }
}

/// Two stories: a cited one with four quotes and an event (notes tagged #gulf and
/// #other, one on an unattributed quote), and an undated, sourceless one (#ports).
fn library() -> Sitrep {
    let sitrep = Sitrep::new();
    let mut library = Library::open(sitrep.dir.path()).unwrap();
    let cited = Article {
        title: "Ministers agree calendar for maritime talks".to_string(),
        source: Some("Harbour Wire".to_string()),
        published: Some("2023-03-14T09:30:00+07:00".to_string()),
        url: Some("https://harbourwire.example/2023/03/calendar".to_string()),
        body: BODY.to_string(),
        ..Article::default()
    };
    let analysis = Analysis {
        quotes: vec![
            quote(
                "We have a calendar now,",
                Some("Lena Vos"),
                QuoteKind::Direct,
            ),
            quote(
                "the first round opens in June",
                Some("Lena Vos"),
                QuoteKind::Reported,
            ),
            quote("Nothing is settled,", None, QuoteKind::Direct),
            quote("Ports stay open,", None, QuoteKind::Direct),
        ],
        events: vec![StoryEvent {
            date: "2023-06".to_string(),
            summary: "the first round opens".to_string(),
            entities: Vec::new(),
            start: 0,
            end: 0,
        }],
        ..Analysis::default()
    };
    let plain = Article {
        title: "Port workers strike".to_string(),
        body: "Port workers stopped work.".to_string(),
        ..Article::default()
    };
    let ids: Vec<i64> = library
        .store(
            "/stories.json",
            &[(cited, analysis), (plain, Analysis::default())],
        )
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let (start, end) = span(BODY, "\"Nothing is settled,\" one delegate");
    library
        .add_note(
            ids[0],
            Some(&AnchorTarget::Passage { start, end }),
            "Who said this? #gulf",
        )
        .unwrap();
    library.add_note(ids[0], None, "Unrelated #other").unwrap();
    library
        .add_note(ids[1], None, "Watch the ports #ports")
        .unwrap();
    sitrep
}

/// One block of the parsed document: its kind and its text.
#[derive(Debug)]
struct Block {
    kind: String,
    text: String,
}

/// Headings, list items (marked ordered or not), paragraphs and links, in order.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Vec<Block> = Vec::new();
    let mut ordered: Vec<bool> = Vec::new();
    for event in Parser::new(markdown) {
        let kind = match &event {
            Event::Start(Tag::Heading { level, .. }) => Some(format!("{level:?}")),
            Event::Start(Tag::Item) => Some(
                if ordered.last() == Some(&true) {
                    "numbered"
                } else {
                    "item"
                }
                .to_string(),
            ),
            Event::Start(Tag::Paragraph) => Some("paragraph".to_string()),
            _ => None,
        };
        match event {
            Event::Start(Tag::List(first)) => ordered.push(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                ordered.pop();
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Item | TagEnd::Paragraph) => {
                blocks.push(open.pop().unwrap())
            }
            Event::Text(text) | Event::Code(text) => {
                open.iter_mut().for_each(|block| block.text.push_str(&text))
            }
            Event::SoftBreak => open.iter_mut().for_each(|block| block.text.push(' ')),
            Event::Start(Tag::Link { dest_url, .. }) => blocks.push(Block {
                kind: "link".into(),
                text: dest_url.to_string(),
            }),
            _ => {}
        }
        if let Some(kind) = kind {
            open.push(Block {
                kind,
                text: String::new(),
            });
        }
    }
    blocks
}

fn texts<'a>(blocks: &'a [Block], kind: &str) -> Vec<&'a str> {
    blocks
        .iter()
        .filter(|block| block.kind == kind)
        .map(|block| block.text.as_str())
        .collect()
}

#[test]
fn the_briefing_can_be_sent_as_it_is() {
    let sitrep = library();
    let output = sitrep.run(&["notes", "export", "--title", "Maritime talks: week 11"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = stdout(&output);
    let blocks = blocks(&markdown);
    let headings: Vec<(String, &str)> = blocks
        .iter()
        .filter(|block| block.kind.starts_with('H'))
        .map(|block| (block.kind.clone(), block.text.as_str()))
        .collect();
    let h = |level: HeadingLevel, text: &'static str| (format!("{level:?}"), text);
    assert_eq!(
        headings,
        [
            h(HeadingLevel::H1, "Maritime talks: week 11"),
            h(
                HeadingLevel::H2,
                "1. Ministers agree calendar for maritime talks"
            ),
            h(HeadingLevel::H3, "Notes"),
            h(HeadingLevel::H3, "Quotes"),
            h(HeadingLevel::H3, "Key dates"),
            h(HeadingLevel::H2, "2. Port workers strike"),
            h(HeadingLevel::H3, "Notes"),
            h(HeadingLevel::H2, "Timeline"),
            h(HeadingLevel::H2, "Sources"),
        ]
    );
    let items = texts(&blocks, "item");
    // Attributed quotes, and the unattributed one a note is anchored on; reported
    // speech without quotation marks.
    let quotes: Vec<&&str> = items
        .iter()
        .filter(|item| item.starts_with("Lena Vos") || item.starts_with("Unattributed"))
        .collect();
    assert_eq!(
        quotes,
        [
            &"Lena Vos: “We have a calendar now,”",
            &"Lena Vos, reported: the first round opens in June",
            &"Unattributed: “Nothing is settled,”",
        ]
    );
    assert!(!markdown.contains("Ports stay open"), "{markdown}");
    // Tags as written; no ids or offsets.
    assert!(
        items
            .iter()
            .any(|item| item.starts_with("Note · on the passage · #gulf · updated ")),
        "{items:?}"
    );
    assert!(!markdown.contains("\\#"), "{markdown}");
    for internal in ["Story:", "story 1", "Note 1", "characters"] {
        assert!(!markdown.contains(internal), "{internal:?} in {markdown}");
    }
    // The timeline cites the story by its number; the sources list cites each story.
    assert!(
        items.contains(&"2023-06 — the first round opens [1]"),
        "{items:?}"
    );
    assert_eq!(
        texts(&blocks, "numbered"),
        [
            "Ministers agree calendar for maritime talks. Harbour Wire, 2023-03-14. \
             https://harbourwire.example/2023/03/calendar",
            "Port workers strike. Unknown source, undated.",
        ]
    );
    let paragraphs = texts(&blocks, "paragraph");
    assert!(
        paragraphs.contains(
            &"Ministers agree calendar for maritime talks. Harbour Wire, 2023-03-14. \
              https://harbourwire.example/2023/03/calendar"
        ),
        "each story opens with its citation: {paragraphs:?}"
    );
}

#[test]
fn tags_and_dates_choose_the_stories() {
    let sitrep = library();
    let titles = |args: &[&str]| -> Vec<String> {
        let json = sitrep.json(&[&["notes", "export", "--format", "json"], args].concat());
        json["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|story| story["title"].as_str().unwrap().to_string())
            .collect()
    };
    let cited = "Ministers agree calendar for maritime talks";
    let plain = "Port workers strike";
    assert_eq!(
        titles(&["--tag", "#gulf", "--tag", "PORTS"]),
        [cited, plain]
    );
    assert_eq!(titles(&["--tag", "gulf"]), [cited]);
    assert_eq!(
        titles(&["--from", "2023-03-14", "--to", "2023-03-14"]),
        [cited]
    );
    let notes = sitrep.json(&["notes", "export", "--format", "json", "--tag", "other"]);
    assert_eq!(notes["stories"][0]["notes"].as_array().unwrap().len(), 1);
    assert_eq!(notes["tags"], serde_json::json!(["other"]));

    let late = sitrep.run(&["notes", "export", "--from", "2024-01-01"]);
    assert!(!late.status.success());
    assert_eq!(stderr(&late), "sitrep: no notes to export\n");
    let reversed = sitrep.run(&[
        "notes",
        "export",
        "--from",
        "2024-01-02",
        "--to",
        "2024-01-01",
    ]);
    assert_eq!(
        stderr(&reversed),
        "sitrep: --from 2024-01-02 is after --to 2024-01-01\n"
    );
    let bad = sitrep.run(&["notes", "export", "--from", "2024-13-01"]);
    assert!(!bad.status.success());
}

#[test]
fn output_never_replaces_a_file_silently() {
    let sitrep = library();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("week11.md");
    let file_arg = file.to_str().unwrap();
    let written = sitrep.run(&["notes", "export", "--output", file_arg]);
    assert!(written.status.success(), "{}", stderr(&written));
    assert_eq!(stdout(&written), "");
    let full = file.canonicalize().unwrap();
    assert_eq!(
        stderr(&written),
        format!("sitrep: briefing written to {}\n", full.display())
    );
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(first.starts_with("# Analyst briefing\n"), "{first}");

    std::fs::write(&file, "my own edits").unwrap();
    let refused = sitrep.run(&["notes", "export", "--output", file_arg]);
    assert!(!refused.status.success());
    assert_eq!(
        stderr(&refused),
        format!("sitrep: {file_arg} exists; pass --force to replace it\n")
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my own edits");

    let forced = sitrep.run(&[
        "notes", "export", "--tag", "ports", "-o", file_arg, "--force",
    ]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Port workers strike")
    );

    let missing = sitrep.run(&["notes", "export", "--output", "/no/such/dir/b.md"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).starts_with("sitrep: cannot write the briefing to /no/such/dir/b.md: "),
        "{}",
        stderr(&missing)
    );
}
