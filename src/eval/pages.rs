//! How well the HTML importer finds a page's story, on Mozilla Readability's test pages:
//! each page directory holds `source.html` (the page), `expected.html` (the article) and
//! `expected-metadata.json` (its title).
//!
//! - **Body F1 on 4-word shingles.** Both texts become words: maximal runs of alphanumeric
//!   characters, lowercased (so punctuation, quote marks, case and white space never
//!   count). The text of `expected.html` is all its text nodes, each ending a word. A
//!   shingle is a run of 4 consecutive words (a text of 1 to 3 words is one shingle);
//!   precision and recall count shingles as multisets. A page that fails to import scores 0.
//! - **Empty pages:** pages whose expected article has words but whose import gives an
//!   error or an empty body.
//! - **Titles:** the imported title equals the metadata's `title` once white space runs
//!   are collapsed to one space and the ends trimmed. Counted apart: titles that match
//!   once a site suffix is cut from the expected one (expected = ours, a separator such as
//!   " - ", " | ", " – ", " · ", then at most [`SITE_SUFFIX_WORDS`] words), since sitrep
//!   drops site names on purpose.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use scraper::Html;

use crate::ingest;

/// How many pages `--misses` lists.
const MISSES_LISTED: usize = 25;

/// Shingle length in words.
const SHINGLE: usize = 4;

/// Most words a site suffix of a title may have ("Firefox Nightly News").
const SITE_SUFFIX_WORDS: usize = 5;

/// Separators between a title and its site name.
const SITE_SEPARATORS: [&str; 7] = [" - ", " | ", " – ", " — ", " · ", " :: ", " » "];

/// How an imported title compares with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleMatch {
    /// Equal once white space is collapsed.
    Exact,
    /// The expected title is ours followed by a site suffix ("… | eHow").
    LessSiteSuffix,
    Differs,
}

/// Precision, recall and F1 of one extracted text against the expected one.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Overlap {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// One page's result.
#[derive(Debug, Clone)]
pub struct PageScore {
    pub name: String,
    pub body: Overlap,
    /// Words of the extracted body.
    pub words: usize,
    /// The page has an article but the import gave none.
    pub empty: bool,
    /// `None` when the metadata has no title.
    pub title_match: Option<TitleMatch>,
    pub title: String,
    pub expected_title: String,
}

/// All pages' results, sorted by name.
#[derive(Debug, Default)]
pub struct PageScores {
    pub pages: Vec<PageScore>,
    /// List the worst pages before the totals.
    pub misses: bool,
}

/// A page to score: its name, source HTML, expected article text and title.
pub struct TestPage {
    pub name: String,
    pub source: Vec<u8>,
    pub expected_text: String,
    pub expected_title: String,
}

/// Reads the page directories under `dir` (those without `source.html` and
/// `expected.html` are skipped), sorted by name.
pub fn read_test_pages(dir: &Path) -> anyhow::Result<Vec<TestPage>> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|error| anyhow::anyhow!("{}: {error}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    let mut pages = Vec::new();
    for page_dir in entries {
        let (Ok(source), Ok(expected)) = (
            std::fs::read(page_dir.join("source.html")),
            std::fs::read_to_string(page_dir.join("expected.html")),
        ) else {
            continue;
        };
        let metadata: serde_json::Value = std::fs::read(page_dir.join("expected-metadata.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        pages.push(TestPage {
            name: page_dir
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            source,
            expected_text: html_words_text(&expected),
            expected_title: metadata["title"].as_str().unwrap_or_default().to_string(),
        });
    }
    Ok(pages)
}

/// Imports each page under `dir` with sitrep's HTML importer and scores it.
pub fn score_pages(dir: &Path, misses: bool) -> anyhow::Result<PageScores> {
    let pages = read_test_pages(dir)?
        .iter()
        .map(|page| {
            let article = ingest::parse_bytes("source.html", &page.source)
                .ok()
                .and_then(|mut parsed| parsed.articles.pop());
            let (title, body) = article.map(|a| (a.title, a.body)).unwrap_or_default();
            score_page(page, &title, &body)
        })
        .collect();
    Ok(PageScores { pages, misses })
}

/// Scores one extraction (`title`, `body`) of `page`.
pub fn score_page(page: &TestPage, title: &str, body: &str) -> PageScore {
    let extracted = words(body);
    let expected = words(&page.expected_text);
    PageScore {
        name: page.name.clone(),
        body: shingle_overlap(&extracted, &expected),
        words: extracted.len(),
        empty: extracted.is_empty() && !expected.is_empty(),
        title_match: (!page.expected_title.trim().is_empty())
            .then(|| compare_titles(title, &page.expected_title)),
        title: title.to_string(),
        expected_title: page.expected_title.clone(),
    }
}

/// All text nodes of an HTML document or fragment, each followed by a space.
pub fn html_words_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut text = String::new();
    for piece in document.root_element().text() {
        text.push_str(piece);
        text.push(' ');
    }
    text
}

/// Lowercased maximal runs of alphanumeric characters.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Shingle precision, recall and F1 of `extracted` against `expected`.
fn shingle_overlap(extracted: &[String], expected: &[String]) -> Overlap {
    let got = shingles(extracted);
    let want = shingles(expected);
    let got_total: usize = got.values().sum();
    let want_total: usize = want.values().sum();
    let common: usize = got
        .iter()
        .map(|(shingle, count)| (*count).min(want.get(shingle).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return Overlap::default();
    }
    let precision = common as f64 / got_total as f64;
    let recall = common as f64 / want_total as f64;
    Overlap {
        precision,
        recall,
        f1: 2.0 * precision * recall / (precision + recall),
    }
}

/// Counts of each run of [`SHINGLE`] words (the whole text when it is shorter).
fn shingles(words: &[String]) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    if words.is_empty() {
        return counts;
    }
    for window in words.windows(SHINGLE.min(words.len())) {
        *counts.entry(window).or_insert(0) += 1;
    }
    counts
}

/// Compares an imported title with the expected one.
fn compare_titles(title: &str, expected: &str) -> TitleMatch {
    let (title, expected) = (collapse(title), collapse(expected));
    if title == expected {
        return TitleMatch::Exact;
    }
    let suffix = (!title.is_empty())
        .then(|| expected.strip_prefix(title.as_str()))
        .flatten()
        .and_then(|rest| {
            SITE_SEPARATORS
                .iter()
                .find_map(|separator| rest.strip_prefix(separator))
        });
    match suffix {
        Some(site) if (1..=SITE_SUFFIX_WORDS).contains(&site.split_whitespace().count()) => {
            TitleMatch::LessSiteSuffix
        }
        _ => TitleMatch::Differs,
    }
}

/// White space runs as one space, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl PageScores {
    /// Mean of the pages' body F1 (0 with no pages).
    pub fn mean_f1(&self) -> f64 {
        mean(self.pages.iter().map(|page| page.body.f1))
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), v| (sum + v, count + 1));
    if count == 0 { 0.0 } else { sum / count as f64 }
}

impl fmt::Display for PageScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.misses {
            let mut worst: Vec<&PageScore> = self.pages.iter().collect();
            worst.sort_by(|a, b| a.body.f1.total_cmp(&b.body.f1));
            writeln!(f, "worst pages               F1     P     R  words")?;
            for page in worst.iter().take(MISSES_LISTED) {
                writeln!(
                    f,
                    "{:<22} {:.3} {:.3} {:.3} {:>6}",
                    page.name, page.body.f1, page.body.precision, page.body.recall, page.words
                )?;
            }
            writeln!(
                f,
                "titles that differ (got | expected; + when only by a site suffix)"
            )?;
            for page in &self.pages {
                let mark = match page.title_match {
                    Some(TitleMatch::Differs) => ' ',
                    Some(TitleMatch::LessSiteSuffix) => '+',
                    _ => continue,
                };
                writeln!(
                    f,
                    "{mark} {:<20} {} | {}",
                    page.name, page.title, page.expected_title
                )?;
            }
            writeln!(f)?;
        }
        let titled = self
            .pages
            .iter()
            .filter(|p| p.title_match.is_some())
            .count();
        let titles_with = |matches: &[TitleMatch]| {
            self.pages
                .iter()
                .filter(|p| p.title_match.is_some_and(|m| matches.contains(&m)))
                .count()
        };
        writeln!(f, "body F1 (4-word shingles), mean  {:.3}", self.mean_f1())?;
        writeln!(
            f,
            "body precision / recall, mean    {:.3} / {:.3}",
            mean(self.pages.iter().map(|p| p.body.precision)),
            mean(self.pages.iter().map(|p| p.body.recall))
        )?;
        writeln!(
            f,
            "pages with F1 < 0.5              {}",
            self.pages.iter().filter(|p| p.body.f1 < 0.5).count()
        )?;
        writeln!(
            f,
            "empty though the page has text   {}",
            self.pages.iter().filter(|p| p.empty).count()
        )?;
        writeln!(
            f,
            "titles matched                   {}/{titled}",
            titles_with(&[TitleMatch::Exact])
        )?;
        writeln!(
            f,
            "  or but for a site suffix       {}/{titled}",
            titles_with(&[TitleMatch::Exact, TitleMatch::LessSiteSuffix])
        )?;
        write!(f, "pages: {}", self.pages.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(expected_text: &str, expected_title: &str) -> TestPage {
        TestPage {
            name: "p".into(),
            source: Vec::new(),
            expected_text: expected_text.into(),
            expected_title: expected_title.into(),
        }
    }

    #[test]
    fn identical_text_scores_one_whatever_the_punctuation() {
        let score = score_page(
            &page("The talks, said Ana, went well.", "Talks  go well"),
            " Talks go well ",
            "the talks said ana went well",
        );
        assert_eq!(score.body.f1, 1.0);
        assert_eq!(score.title_match, Some(TitleMatch::Exact));
    }

    #[test]
    fn extra_and_missing_words_lower_precision_and_recall() {
        // Expected: 6 words, 3 shingles; extracted: 7 words, 4 shingles, 3 shared.
        let score = score_page(
            &page("one two three four five six", ""),
            "",
            "one two three four five six seven",
        );
        assert_eq!(score.body.precision, 0.75);
        assert_eq!(score.body.recall, 1.0);
        assert_eq!(score.title_match, None);
    }

    #[test]
    fn an_empty_extraction_of_an_article_is_counted() {
        let score = score_page(&page("Words here.", "T"), "t", "");
        assert!(score.empty);
        assert_eq!(score.body.f1, 0.0);
        assert_eq!(score.title_match, Some(TitleMatch::Differs));
    }

    #[test]
    fn expected_html_text_splits_words_at_tags() {
        assert_eq!(
            words(&html_words_text("<p>end</p><p>Start</p>")),
            ["end", "start"]
        );
    }

    #[test]
    fn a_site_suffix_on_the_expected_title_is_counted_apart() {
        let suffixed = |ours, expected| score_page(&page("x", expected), ours, "x").title_match;
        assert_eq!(
            suffixed(
                "Harbour talks resume",
                "Harbour talks resume | Coast Herald"
            ),
            Some(TitleMatch::LessSiteSuffix)
        );
        assert_eq!(
            suffixed(
                "Harbour talks resume",
                "Harbour talks resume – The Coast Daily News"
            ),
            Some(TitleMatch::LessSiteSuffix)
        );
        // A longer tail is part of the title, not a site name.
        assert_eq!(
            suffixed(
                "Harbour talks",
                "Harbour talks - ministers meet again after a year of silence"
            ),
            Some(TitleMatch::Differs)
        );
        // No separator: a different title.
        assert_eq!(
            suffixed("Harbour talks", "Harbour talks resume"),
            Some(TitleMatch::Differs)
        );
        assert_eq!(suffixed("", " - Coast Herald"), Some(TitleMatch::Differs));
    }
}
