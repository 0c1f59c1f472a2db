//! Property tests run in CI: every importer on arbitrary bytes and text, the analyser on
//! arbitrary articles, and the search language on arbitrary queries against a library.

#[path = "hostile/support.rs"]
mod hostile_support;

use std::sync::OnceLock;

use hostile_support::terminal_hazard;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sitrep::analyze::Analyzer;
use sitrep::ingest::parse_bytes;
use sitrep::library::{Library, Query};
use sitrep::model::{Analysis, Article};

/// File names that hint at each importer.
const HINTS: [&str; 5] = [
    "story.txt",
    "story.json",
    "story.md",
    "page.html",
    "feed.xml",
];

fn config() -> Config {
    Config {
        cases: 128,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces of text that steer the importers and the analyser into their interesting
/// paths: format openings, names, quotes, dates, and hostile control sequences.
fn fragment() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{\"title\": \"",
        "\", \"body\": \"",
        "[{",
        "}]",
        "\"",
        "---\ntitle: ",
        "\n---\n",
        "# ",
        "<html><body><p>",
        "</p>",
        "<rss><channel><item><title>",
        "</title><description>",
        "</description></item></channel></rss>",
        "<feed><entry><title>",
        "&amp;",
        "&#x1b;",
        "<![CDATA[",
        "]]>",
        "\n\n",
        "\n",
        " ",
        ". ",
        ", ",
        "said",
        " said Wang Yi, ",
        "“",
        "”",
        "'",
        "Wang Yi",
        "the foreign minister",
        "China",
        "United Nations",
        "EU",
        "on Monday",
        "June 3",
        "2023-03-14",
        "last week",
        "in 2019",
        "Q3",
        "next year",
        "Brussels",
        "BRUSSELS (Reuters) - ",
        "Meridian Desk · Brussels · 2023-03-14 09:30",
        "\u{1b}[31m",
        "\u{1b}]0;x\u{7}",
        "\u{9b}2J",
        "\u{202e}",
        "\u{2066}",
        "\u{200b}",
        "\u{0}",
        "\r\n",
        "\t",
        "王毅",
        "🌾",
        "é",
        "\u{301}",
    ]);
    prop_oneof![
        4 => pieces.prop_map(str::to_string),
        1 => ".{0,12}",
    ]
}

fn text(max_fragments: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..max_fragments).prop_map(|parts| parts.concat())
}

/// Asserts every text field of an imported article is free of terminal hazards.
fn assert_article_clean(article: &Article) {
    let fields = [&article.title, &article.body]
        .into_iter()
        .chain(&article.source)
        .chain(&article.byline)
        .chain(&article.dateline)
        .chain(&article.published)
        .chain(&article.url)
        .chain(&article.highlights)
        .chain(&article.tags);
    for field in fields {
        assert_eq!(terminal_hazard(field), None, "in {article:?}");
    }
}

#[test]
fn importers_survive_arbitrary_bytes() {
    let bytes = prop::collection::vec(any::<u8>(), 0..2048);
    TestRunner::new(config())
        .run(
            &(prop::sample::select(&HINTS[..]), bytes),
            |(hint, bytes)| {
                if let Ok(parsed) = parse_bytes(hint, &bytes) {
                    parsed.articles.iter().for_each(assert_article_clean);
                }
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn importers_survive_arbitrary_structured_text() {
    TestRunner::new(config())
        .run(
            &(prop::sample::select(&HINTS[..]), text(60)),
            |(hint, text)| {
                match parse_bytes(hint, text.as_bytes()) {
                    Ok(parsed) => parsed.articles.iter().for_each(assert_article_clean),
                    Err(error) => assert!(!error.to_string().contains('\n')),
                }
                Ok(())
            },
        )
        .unwrap();
}

/// Inputs cargo-fuzz (`tests/fuzz/`) found crashing an importer, kept so they stay fixed.
/// Each panicked reading a line as a time with a zone offset: a sign, then four bytes
/// that are not four ASCII digits ("0–"), was split at byte 2 as if it were "+0530"; a
/// second sign ("+-601111") made a negative hour that overflowed into seconds.
const FUZZ_CRASHES: [&str; 6] = [
    "-0\u{2013}",
    "-t\u{2014}",
    "-~\u{3ac}0",
    "-\u{2013}-",
    "+-601111",
    "--\u{4}3333333",
];

#[test]
fn inputs_found_by_cargo_fuzz_import_without_panic() {
    for input in FUZZ_CRASHES {
        for hint in HINTS {
            match parse_bytes(hint, input.as_bytes()) {
                Ok(parsed) => parsed.articles.iter().for_each(assert_article_clean),
                Err(error) => assert!(!error.to_string().contains('\n')),
            }
        }
    }
}

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

/// `start..end` in characters lies in `body`; returns the text there.
fn slice(body: &str, start: usize, end: usize) -> String {
    let length = body.chars().count();
    assert!(
        start <= end && end <= length,
        "{start}..{end} in a body of {length} chars"
    );
    body.chars().skip(start).take(end - start).collect()
}

fn assert_spans_in_body(body: &str, analysis: &Analysis) {
    for entity in &analysis.entities {
        for mention in &entity.mentions {
            assert_eq!(slice(body, mention.start, mention.end), mention.text);
        }
    }
    for quote in &analysis.quotes {
        assert_eq!(slice(body, quote.start, quote.end), quote.text);
    }
    for date in &analysis.dates {
        assert_eq!(slice(body, date.start, date.end), date.text);
    }
    for event in &analysis.events {
        slice(body, event.start, event.end);
    }
}

#[test]
fn analyser_spans_lie_in_the_body_of_any_article() {
    let article =
        (text(8), text(80), prop::option::of(text(4))).prop_map(|(title, body, published)| {
            Article {
                title,
                body,
                published,
                ..Article::default()
            }
        });
    TestRunner::new(config())
        .run(&article, |article| {
            let analysis = analyzer().analyze(&article);
            assert_spans_in_body(&article.body, &analysis);
            Ok(())
        })
        .unwrap();
}

#[test]
fn analyser_spans_lie_in_the_body_of_imported_stories() {
    TestRunner::new(config())
        .run(&text(80), |text| {
            if let Ok(parsed) = parse_bytes("story.txt", text.as_bytes()) {
                for article in &parsed.articles {
                    assert_spans_in_body(&article.body, &analyzer().analyze(article));
                }
            }
            Ok(())
        })
        .unwrap();
}

/// True when the query holds a `from:` or `to:` filter, the only ones that can be invalid.
fn has_date_filter(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("from:") || lower.contains("to:")
}

#[test]
fn any_query_parses_and_searches_unless_its_dates_are_bad() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let stories: Vec<(Article, Analysis)> = [
        "Ministers met in Brussels on Monday.",
        "Wang Yi said “talks will resume” in June.",
    ]
    .iter()
    .map(|body| {
        let article = Article {
            title: body.to_string(),
            source: Some("Meridian Desk".to_string()),
            body: body.to_string(),
            ..Article::default()
        };
        let analysis = analyzer().analyze(&article);
        (article, analysis)
    })
    .collect();
    library.store("fuzz:stories", &stories).unwrap();

    let filters = prop::sample::select(vec![
        "source:",
        "from:",
        "to:",
        "tag:",
        "entity:",
        "\"",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "*",
        "^",
        "(",
        ")",
        ":",
        "-",
        "+",
        " ",
        "2023-03-14",
        "Brussels",
        "wang",
        "\u{0}",
        "\u{1b}[2J",
    ]);
    let query = prop::collection::vec(
        prop_oneof![2 => filters.prop_map(str::to_string), 1 => ".{0,8}"],
        0..12,
    )
    .prop_map(|parts| parts.concat());
    TestRunner::new(config())
        .run(&query, |text| {
            let parsed = Query::parse(&text);
            let searched = library.search(&text, 10);
            match (&parsed, &searched) {
                (Ok(_), Ok(_)) => {}
                (Err(_), Err(_)) => assert!(has_date_filter(&text), "{text:?}: {parsed:?}"),
                _ => panic!("{text:?}: parse {parsed:?} but search {searched:?}"),
            }
            Ok(())
        })
        .unwrap();
}
