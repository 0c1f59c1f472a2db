//! Fuzzes the analyser: the first line of the input is the article's publication time
//! (dates are normalised against it), the rest its body. Analysis never panics and
//! every span it reports lies in the body.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sitrep::analyze::Analyzer;
use sitrep::model::Article;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fuzz_target!(|text: &str| {
    let (published, body) = text.split_once('\n').unwrap_or(("", text));
    let article = Article {
        published: Some(published.to_string()),
        body: body.to_string(),
        ..Article::default()
    };
    let analysis = ANALYZER.analyze(&article);
    sitrep_fuzz::assert_spans_in_body(&article.body, &analysis);
});
