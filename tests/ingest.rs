//! Importer tests on the fixtures in tests/fixtures: exact clean articles per format,
//! clear errors for bad input, and no panics on arbitrary bytes.

use std::path::PathBuf;

use proptest::prelude::*;
use sitrep::ingest::{IngestError, Parsed, parse_bytes, parse_file};
use sitrep::model::Article;

fn fixture(name: &str) -> Parsed {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    parse_file(&path).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn only_article(name: &str) -> Article {
    let parsed = fixture(name);
    assert_eq!(parsed.articles.len(), 1, "{name}");
    assert!(parsed.warnings.is_empty(), "{name}: {:?}", parsed.warnings);
    parsed.articles.into_iter().next().unwrap()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

#[test]
fn scraped_page_with_updated_line_furniture_and_highlights() {
    assert_eq!(
        only_article("scraped_updated.txt"),
        Article {
            title: "Kyiv and Warsaw agree grain corridor as talks resume".into(),
            source: some("Dnipro Ledger"),
            byline: some("Oksana Hrytsenko"),
            dateline: some("Kyiv, Ukraine"),
            published: some("2022-03-04T19:40:00+02:00"),
            highlights: strings(&["Officials from both capitals said the corridor would open within a week."]),
            body: "Negotiators from Ukraine and Poland agreed on Friday to reopen a rail corridor for grain, easing a backlog at the border.\n\n\
                   \u{201c}We have a timetable now, and the trains will run,\u{201d} said Marta Kowalczyk, a spokeswoman for the Polish transport ministry.\n\n\
                   Red lines\n\n\
                   Both sides said customs checks would stay in place. Analysts at the Vistula Policy Institute called the deal \u{2018}a modest step\u{2019}.\n\n\
                   The first convoy is expected on March 11."
                .into(),
            url: None,
            tags: Vec::new(),
        }
    );
}

#[test]
fn scraped_page_with_by_published_line_and_trailer() {
    assert_eq!(
        only_article("scraped_published.txt"),
        Article {
            title: "EU and ASEAN agree roadmap for trade talks".into(),
            byline: some("Europe Desk"),
            published: some("2023-03-14T09:30:00+01:00"),
            body: "European Union and ASEAN negotiators agreed on Tuesday on a roadmap that could reopen talks frozen since 2019.\n\n\
                   \u{201c}We have a calendar now,\u{201d} said Lena Vos, a spokeswoman for the invented Meridian trade council.\n\n\
                   The first negotiating round is expected in Jakarta in June."
                .into(),
            ..Article::default()
        }
    );
}

#[test]
fn scraped_page_with_wire_dateline_in_the_lead() {
    assert_eq!(
        only_article("scraped_nairobi.txt"),
        Article {
            title: "Kenya and Ethiopia sign power-sharing accord".into(),
            byline: some("Amina Otieno"),
            dateline: some("Nairobi"),
            published: some("2022-03-04T19:40:00+03:00"),
            body: "Kenya and Ethiopia signed an accord on Friday to share electricity from a new cross-border line, officials said.\n\n\
                   Ministers from both countries attended the ceremony."
                .into(),
            ..Article::default()
        }
    );
    let geneva = only_article("scraped_geneva.txt");
    assert_eq!(geneva.dateline, some("Geneva"));
    assert_eq!(geneva.source, some("Agency"));
    assert_eq!(geneva.published, some("2022-03-04T10:15:00+01:00"));
    assert_eq!(
        geneva.body,
        "Members of the United Nations Human Rights Council debated a resolution on humanitarian access on Thursday.\n\n\
         A vote is expected next week, said Pieter Aalders, an analyst at the invented Lakeside Rights Forum."
    );
}

#[test]
fn json_object_keeps_its_fields_and_loses_the_lead_dateline() {
    assert_eq!(
        only_article("article.json"),
        Article {
            title: "Ceasefire holds along disputed border".into(),
            source: some("Savanna Post"),
            byline: some("Joseph Mwangi"),
            dateline: some("Addis Ababa, Ethiopia"),
            published: some("2023-06-03T08:15:00+03:00"),
            highlights: strings(&["Monitors reported no violations overnight."]),
            body: "A ceasefire held for a third day on Saturday.\n\nMonitors said both armies had pulled back heavy weapons.".into(),
            url: some("https://savanna.example/ceasefire-holds"),
            tags: strings(&["Ethiopia", "Ceasefire"]),
        }
    );
}

#[test]
fn json_array_skips_non_articles_with_a_warning() {
    let parsed = fixture("articles_array.json");
    assert_eq!(
        parsed.warnings,
        ["article 3 skipped: article has no title and no body"]
    );
    let [first, second] = &parsed.articles[..] else {
        panic!("two articles expected")
    };
    assert_eq!(first.title, "Talks open in Doha");
    assert_eq!(
        first.body,
        "Delegations arrived on Monday.\n\nThe talks opened on Tuesday."
    );
    assert_eq!(first.published, some("2024-02-05T10:00:00+03:00"));
    assert_eq!(first.byline, some("Gulf Desk"));
    assert_eq!(second.published, some("2024-02-09T00:00:00+00:00"));
    assert_eq!(second.byline, some("Gulf Desk"));
}

#[test]
fn json_wrapper_and_json_lines() {
    assert_eq!(
        only_article("wrapped.json"),
        Article {
            title: "Port reopens after storm".into(),
            published: some("2024-01-14T06:00:00+00:00"),
            body: "The port reopened on Sunday.".into(),
            url: some("https://harbour.example/port"),
            tags: strings(&["ports", "weather"]),
            ..Article::default()
        }
    );
    let lines = fixture("batch.jsonl").articles;
    let titles: Vec<&str> = lines.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Line one story", "Line two story"]);
    assert_eq!(lines[1].tags, ["a", "b"]);
}

#[test]
fn json_with_html_body_and_schema_org_names() {
    assert_eq!(
        only_article("html_body.json"),
        Article {
            title: "Parliament approves budget".into(),
            source: some("Deccan Wire"),
            byline: some("Priya Menon, Rahul Das"),
            published: some("2023-11-15T23:40:00+05:30"),
            highlights: strings(&["The bill passed after a nine-hour debate."]),
            body: "Lawmakers approved the budget late on Wednesday.\n\nThe vote was 212 to 140 & the bill now goes to the senate.".into(),
            tags: strings(&["India", "Budget"]),
            ..Article::default()
        }
    );
}

#[test]
fn markdown_with_front_matter() {
    assert_eq!(
        only_article("story.md"),
        Article {
            title: "Arctic council resumes work".into(),
            source: some("Northern Review"),
            byline: some("Ingrid Solberg"),
            dateline: some("Troms\u{f8}, Norway"),
            published: some("2024-03-01T09:00:00+01:00"),
            body: "Officials from the eight member states met for the first time in two years, the Northern Review reported.\n\n\
                   What comes next\n\nA working group on shipping\n\nA meeting in September"
                .into(),
            url: some("https://north.example/arctic"),
            tags: strings(&["Arctic", "Diplomacy"]),
            ..Article::default()
        }
    );
}

#[test]
fn html_page_without_furniture() {
    assert_eq!(
        only_article("page.html"),
        Article {
            // The JSON-LD headline wins over Open Graph's, as in Readability.
            title: "Drone strike hits fuel depot".into(),
            source: some("Frontier Times"),
            byline: some("Daria Volkova"),
            published: some("2024-05-20T14:05:00+03:00"),
            body: "A drone struck a fuel depot near the border early on Monday, regional officials said.\n\n\
                   Firefighters worked for six hours to contain the blaze.\n\nDamage assessed\n\nNo casualties were reported."
                .into(),
            url: some("https://frontier.example/drone-strike"),
            tags: strings(&["Security", "Drones"]),
            ..Article::default()
        }
    );
}

#[test]
fn rss_items_with_encoded_content() {
    let parsed = fixture("feed_rss.xml");
    assert_eq!(
        parsed.articles[0],
        Article {
            title: "Summit ends with joint statement".into(),
            source: some("Meridian World"),
            byline: some("Claire Dubois"),
            published: some("2023-09-14T16:20:00+00:00"),
            highlights: strings(&["Leaders agreed a statement after two days."]),
            body: "Leaders agreed a joint statement on Thursday after two days of talks.\n\n\
                   \u{201c}It is a start,\u{201d} said Henrik Lund, a spokesman for the invented Nordic Policy Office."
                .into(),
            url: some("https://meridian.example/summit"),
            tags: strings(&["Europe", "Summits"]),
            ..Article::default()
        }
    );
    assert_eq!(parsed.articles[1].body, "Markets were steady on Friday.");
    assert!(parsed.articles[1].highlights.is_empty());
}

#[test]
fn atom_entry() {
    assert_eq!(
        only_article("feed_atom.xml"),
        Article {
            title: "Typhoon forces port closures".into(),
            source: some("Pacific Dispatch"),
            byline: some("Kenji Mori"),
            published: some("2024-08-02T02:30:00+00:00"),
            body: "Authorities closed three ports on Friday as the typhoon approached.\n\nFerries were cancelled.".into(),
            url: some("https://pacific.example/typhoon"),
            tags: strings(&["Weather"]),
            ..Article::default()
        }
    );
}

fn error_of(name: &str, bytes: &[u8]) -> String {
    parse_bytes(name, bytes).unwrap_err().to_string()
}

#[test]
fn bad_input_gives_one_line_reasons() {
    assert_eq!(error_of("a.txt", b""), "file is empty");
    assert_eq!(
        error_of("a.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
        "binary file"
    );
    assert_eq!(
        error_of("a.json", b"{\"title\": \"T\",\n  \"body\": [1,}"),
        "malformed JSON: expected value at line 2 column 14"
    );
    assert!(
        error_of("a.json", "[".repeat(10_000).as_bytes())
            .starts_with("malformed JSON: recursion limit exceeded at line 1")
    );
    assert_eq!(
        error_of("a.html", b"<html><body><nav>Home</nav></body></html>"),
        "HTML page has no article text"
    );
    assert_eq!(
        error_of(
            "a.xml",
            b"<rss version=\"2.0\"><channel><title>T</title></channel></rss>"
        ),
        "feed has no items"
    );
    assert_eq!(
        error_of("a.json", b"{\"title\": \"\", \"body\": \"\"}"),
        "article has no title and no body"
    );
    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">{}]><rss version=\"2.0\"><channel><item><title>&lol9;</title></item></channel></rss>",
        (1..10)
            .map(|i| format!(
                "<!ENTITY lol{i} \"{}\">",
                format!("&lol{};", i - 1).repeat(10)
            ))
            .collect::<String>()
    );
    assert_eq!(
        error_of("bomb.xml", laughs.as_bytes()),
        "XML entity declarations are not allowed"
    );
}

#[test]
fn undeclared_legacy_text_is_guessed_with_a_warning() {
    let parsed = parse_bytes(
        "a.txt",
        b"Talks resume in Gen\xe8ve\n\nDelegates arrived on Monday.",
    )
    .unwrap();
    assert_eq!(
        parsed.warnings,
        ["no encoding declared; read as windows-1252 (a guess)"]
    );
    assert_eq!(parsed.articles[0].title, "Talks resume in Genève");
    assert_eq!(parsed.articles[0].body, "Delegates arrived on Monday.");
}

#[test]
fn terminal_escapes_never_survive() {
    let hostile = "{\"title\": \"Talks\\u001b[2J resume\", \"body\": \"<p>Body\\u001b]0;pwned\\u0007 text &#27;[31m</p>\", \"byline\": \"\\u009b31mDesk\"}";
    let article = &parse_bytes("x.json", hostile.as_bytes()).unwrap().articles[0];
    let all = format!("{article:?}");
    assert!(
        !all.contains('\u{1b}') && !all.contains('\u{9b}') && !all.contains('\u{7}'),
        "{all}"
    );
    assert_eq!(article.title, "Talks resume");
}

/// Starts that steer arbitrary text into each importer.
fn format_prefix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "{\"title\": ",
        "[{\"body\": \"<p>",
        "---\ntitle: ",
        "<!DOCTYPE html><html><body><article><p>",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><description>",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">",
        "Headline\n\nBy Desk | Published: ",
    ])
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), name in "[a-z]{1,4}\\.(txt|json|jsonl|md|html|xml)") {
        let _ = parse_bytes(&name, &bytes);
    }

    #[test]
    fn never_panics_on_arbitrary_text_in_any_format(prefix in format_prefix(), text in "\\PC{0,300}", name in "[a-z]{1,4}\\.(txt|json|md|html|xml)") {
        let input = format!("{prefix}{text}");
        if let Ok(parsed) = parse_bytes(&name, input.as_bytes()) {
            prop_assert!(!parsed.articles.is_empty());
            for article in parsed.articles {
                prop_assert!(!article.title.is_empty() || !article.body.is_empty());
                prop_assert!(!article.body.contains("\n\n\n"));
            }
        }
    }
}

#[test]
fn rejects_nothing_useful() {
    assert!(matches!(
        parse_bytes("a.md", b"---\ntitle:\n---\n"),
        Err(IngestError::NoContent)
    ));
}
