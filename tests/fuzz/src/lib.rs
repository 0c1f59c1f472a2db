//! Checks shared by the fuzz targets in `fuzz_targets/`.

use sitrep::model::{Analysis, Article};
use sitrep::sanitize::clean_text;

/// Imports `bytes` under the file name `hint` (which steers format detection). It must
/// parse or fail with a one-line error, and every text field it returns must already be
/// clean: `clean_text` leaves it unchanged.
pub fn check_import(hint: &str, bytes: &[u8]) {
    match sitrep::ingest::parse_bytes(hint, bytes) {
        Ok(parsed) => {
            parsed.articles.iter().for_each(assert_article_clean);
            for warning in &parsed.warnings {
                assert!(!warning.contains('\n'), "warning over lines: {warning:?}");
            }
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.contains('\n'), "error over lines: {message:?}");
        }
    }
}

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
        assert_eq!(&clean_text(field), field, "unclean field in {article:?}");
    }
}

/// Asserts every span of `analysis` lies in `body` (character offsets, start ≤ end) and,
/// where the span carries its text, that text is the body's text there.
pub fn assert_spans_in_body(body: &str, analysis: &Analysis) {
    let chars: Vec<char> = body.chars().collect();
    let text_at = |start: usize, end: usize| -> String {
        let span = chars.get(start..end);
        let span = span.unwrap_or_else(|| panic!("{start}..{end} outside {} chars", chars.len()));
        span.iter().collect()
    };
    for entity in &analysis.entities {
        for mention in &entity.mentions {
            assert_eq!(text_at(mention.start, mention.end), mention.text);
        }
    }
    for quote in &analysis.quotes {
        assert_eq!(text_at(quote.start, quote.end), quote.text);
    }
    for date in &analysis.dates {
        assert_eq!(text_at(date.start, date.end), date.text);
    }
    for event in &analysis.events {
        text_at(event.start, event.end);
    }
}
