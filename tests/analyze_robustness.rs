//! Analysis never panics and every span it reports is a true slice of the body.

use std::sync::OnceLock;

use proptest::prelude::*;
use sitrep::analyze::Analyzer;
use sitrep::model::{Analysis, Article};

fn analyze(body: &str) -> Analysis {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let article = Article {
        body: body.to_string(),
        ..Article::default()
    };
    ANALYZER.get_or_init(Analyzer::new).analyze(&article)
}

/// Every mention and quote lies inside the body, start ≤ end, and its text is the slice.
fn assert_spans_are_slices(body: &str, analysis: &Analysis) {
    let chars: Vec<char> = body.chars().collect();
    let spans = analysis
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end, &m.text)))
        .chain(analysis.quotes.iter().map(|q| (q.start, q.end, &q.text)));
    for (start, end, text) in spans {
        assert!(
            start <= end && end <= chars.len(),
            "span {start}..{end} outside body"
        );
        assert_eq!(&chars[start..end].iter().collect::<String>(), text);
    }
}

/// Text built from the pieces that stress the analyser: marks, apostrophes, names, cues.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "'",
        "''",
        "‘",
        "’",
        " said ",
        " Beijing",
        " China's",
        " the minister",
        " Anna Novak",
        ", an analyst at the Halden Foundation,",
        "\n\n",
        ". ",
        ": ",
        " he said",
        " Wang Yi",
        " Wang",
        " told",
        " that",
        "-",
        "Sino-",
        " in ",
        " é",
        "王毅",
        " Mr",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_unicode_never_panics(body in "\\PC*") {
        let analysis = analyze(&body);
        assert_spans_are_slices(&body, &analysis);
    }

    #[test]
    fn tricky_pieces_give_true_slices(body in tricky_text()) {
        let analysis = analyze(&body);
        assert_spans_are_slices(&body, &analysis);
    }
}

#[test]
fn empty_body_gives_nothing() {
    let analysis = analyze("");
    assert!(analysis.entities.is_empty() && analysis.quotes.is_empty());
}

#[test]
fn thousands_of_quote_marks() {
    for mark in ["“", "”", "\"", "'", "‘", "’", "''"] {
        let body = format!("{} Anna Novak said", mark.repeat(5000));
        assert_spans_are_slices(&body, &analyze(&body));
    }
    let alternating = "“a” ".repeat(3000);
    assert_eq!(analyze(&alternating).quotes.len(), 3000);
}

#[test]
fn one_megabyte_line() {
    let body = "Beijing said “we will,” Anna Novak told reporters that talks in Paris continue. "
        .repeat(13_000);
    assert!(body.len() > 1_000_000);
    let analysis = analyze(&body);
    assert_spans_are_slices(&body, &analysis);
    assert!(analysis.entities.iter().any(|e| e.name == "China"));

    // No sentence ever ends: the sentence searches must stay bounded.
    let endless = "Beijing said “we will,” Anna Novak told Lars Dahl that talks in Paris go on, "
        .repeat(13_000);
    assert_spans_are_slices(&endless, &analyze(&endless));
}
