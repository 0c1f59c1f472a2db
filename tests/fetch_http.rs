//! Fetching subscriptions against a real HTTP server on 127.0.0.1 that each test starts:
//! statuses, redirects, conditional GET, compression, limits, bad bodies, full text,
//! credentials, politeness — and that nothing stored is lost when a fetch fails.

mod http_support;

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use http_support::{Reply, Request, Server, rss, two_items};
use sitrep::fetch::address::{Reach, http_url};
use sitrep::fetch::conditional::Validators;
use sitrep::fetch::{Client, ClientOptions, FeedReport, FeedResult, FetchError, refresh};
use sitrep::library::{FeedStatus, FeedStored, Library, Subscription};

const RSS: &str = "application/rss+xml";

fn options() -> ClientOptions {
    ClientOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_secs(1),
        max_bytes: 1024 * 1024,
        proxy_from_env: false,
    }
}

struct Setup {
    dir: tempfile::TempDir,
    library: Library,
    client: Client,
}

fn setup() -> Setup {
    setup_with(options())
}

fn setup_with(options: ClientOptions) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(dir.path()).unwrap();
    Setup {
        dir,
        library,
        client: Client::new(options),
    }
}

impl Setup {
    fn subscribe(&mut self, url: &str) -> Subscription {
        self.library.subscribe(url, None, &[], false).unwrap();
        self.find(url)
    }

    fn find(&self, url: &str) -> Subscription {
        self.library
            .subscriptions()
            .unwrap()
            .into_iter()
            .find(|subscription| subscription.url == http_url(url).unwrap().as_str())
            .unwrap()
    }

    /// Fetches every subscription once.
    fn fetch_all(&mut self) -> Vec<FeedReport> {
        let subscriptions = self.library.subscriptions().unwrap();
        refresh(
            &mut self.library,
            &subscriptions,
            &self.client,
            |_, _, _| {},
        )
        .unwrap()
    }

    /// Fetches one feed (subscribing first if needed) and returns its report.
    fn fetch(&mut self, url: &str) -> FeedReport {
        self.library.subscribe(url, None, &[], false).unwrap();
        let subscription = self.find(url);
        let mut reports = refresh(
            &mut self.library,
            &[subscription],
            &self.client,
            |_, _, _| {},
        )
        .unwrap();
        reports.remove(0)
    }

    fn story_count(&self) -> usize {
        self.library.stories(1000).unwrap().len()
    }
}

fn stored(report: &FeedReport) -> FeedStored {
    match &report.result {
        FeedResult::Stored(stored) => *stored,
        other => panic!("{}: expected stored, got {other:?}", report.name),
    }
}

fn failure(report: &FeedReport) -> String {
    match &report.result {
        FeedResult::Failed(reason) => reason.clone(),
        other => panic!("{}: expected a failure, got {other:?}", report.name),
    }
}

#[test]
fn a_200_stores_the_items_and_an_etag_makes_the_next_fetch_a_304() {
    let feed = two_items();
    let server = Server::start(move |request: &Request| {
        if request.header("If-None-Match") == Some("\"v1\"") {
            Reply::status(304)
        } else {
            Reply::ok(RSS, feed.clone()).header("ETag", "\"v1\"")
        }
    });
    let mut setup = setup();
    let url = server.url("/feed.xml");
    let first = setup.fetch(&url);
    assert_eq!(stored(&first).imported, 2);
    let subscription = setup.find(&url);
    assert_eq!(subscription.status, FeedStatus::Ok);
    assert_eq!(subscription.title.as_deref(), Some("Meridian World"));
    assert_eq!(subscription.new_items, 2);
    assert_eq!(subscription.etag.as_deref(), Some("\"v1\""));

    let second = setup.fetch(&url);
    assert_eq!(second.result, FeedResult::NotModified);
    assert_eq!(setup.find(&url).status, FeedStatus::NotModified);
    assert_eq!(setup.story_count(), 2);
    let requests = server.requests();
    assert_eq!(requests[1].header("If-None-Match"), Some("\"v1\""));
    let agent = requests[0].header("User-Agent").unwrap();
    assert!(agent.starts_with("sitrep/"), "{agent}");
}

#[test]
fn last_modified_is_sent_back_as_if_modified_since() {
    let feed = two_items();
    let date = "Tue, 14 Mar 2023 10:00:00 GMT";
    let server = Server::start(move |request: &Request| {
        if request.header("If-Modified-Since") == Some(date) {
            Reply::status(304)
        } else {
            Reply::ok(RSS, feed.clone()).header("Last-Modified", date)
        }
    });
    let mut setup = setup();
    let url = server.url("/feed.xml");
    assert_eq!(stored(&setup.fetch(&url)).imported, 2);
    assert_eq!(setup.fetch(&url).result, FeedResult::NotModified);
}

#[test]
fn a_chain_of_301_and_302_is_followed() {
    let feed = two_items();
    let server = Server::start(move |request: &Request| match request.path.as_str() {
        "/old" => Reply::redirect(301, "/moved"),
        "/moved" => Reply::redirect(302, "/feed.xml"),
        "/feed.xml" => Reply::ok(RSS, feed.clone()),
        _ => Reply::status(404),
    });
    let mut setup = setup();
    assert_eq!(stored(&setup.fetch(&server.url("/old"))).imported, 2);
    assert_eq!(
        (
            server.hits("/old"),
            server.hits("/moved"),
            server.hits("/feed.xml")
        ),
        (1, 1, 1)
    );
}

#[test]
fn a_redirect_loop_and_a_chain_past_five_hops_fail() {
    let server = Server::start(|request: &Request| {
        let path = request.path.as_str();
        match path {
            "/a" => Reply::redirect(302, "/b"),
            "/b" => Reply::redirect(302, "/a"),
            _ => match path
                .strip_prefix("/hop/")
                .and_then(|n| n.parse::<u32>().ok())
            {
                Some(n) => Reply::redirect(302, &format!("/hop/{}", n + 1)),
                None => Reply::status(404),
            },
        }
    });
    let mut setup = setup();
    assert_eq!(failure(&setup.fetch(&server.url("/a"))), "redirect loop");
    assert_eq!(
        failure(&setup.fetch(&server.url("/hop/0"))),
        "more than 5 redirects"
    );
    // The first request and five redirects, no more.
    assert_eq!(
        server
            .requests()
            .iter()
            .filter(|request| request.path.starts_with("/hop/"))
            .count(),
        6
    );
    assert_eq!(setup.story_count(), 0);
}

#[test]
fn a_404_is_one_failure_and_the_other_feeds_go_on() {
    let feed = two_items();
    let server = Server::start(move |request: &Request| match request.path.as_str() {
        "/feed.xml" => Reply::ok(RSS, feed.clone()),
        _ => Reply::status(404),
    });
    let mut setup = setup();
    setup.subscribe(&server.url("/missing.xml"));
    setup.subscribe(&server.url("/feed.xml"));
    let reports = setup.fetch_all();
    assert_eq!(reports.len(), 2);
    let missing = reports
        .iter()
        .find(|report| report.name.ends_with("/missing.xml"))
        .unwrap();
    assert_eq!(failure(missing), "server answered HTTP 404");
    let found = reports
        .iter()
        .find(|report| report.name.ends_with("/feed.xml"))
        .unwrap();
    assert_eq!(stored(found).imported, 2);
    let subscription = setup.find(&server.url("/missing.xml"));
    assert_eq!(subscription.status, FeedStatus::Failed);
    assert_eq!(
        subscription.error.as_deref(),
        Some("server answered HTTP 404")
    );
}

#[test]
fn a_410_marks_the_feed_gone_and_it_is_not_fetched_again() {
    let server = Server::start(|_: &Request| Reply::status(410));
    let mut setup = setup();
    let url = server.url("/feed.xml");
    assert!(failure(&setup.fetch(&url)).starts_with("gone (HTTP 410)"));
    assert_eq!(setup.find(&url).status, FeedStatus::Gone);
    let again = setup.fetch(&url);
    assert!(
        matches!(&again.result, FeedResult::Skipped(reason) if reason.starts_with("gone")),
        "{again:?}"
    );
    assert_eq!(server.hits("/feed.xml"), 1);
}

#[test]
fn a_429_with_retry_after_is_left_alone_until_then() {
    let server = Server::start(|_: &Request| Reply::status(429).header("Retry-After", "3600"));
    let mut setup = setup();
    let url = server.url("/feed.xml");
    let before = jiff::Timestamp::now().as_second();
    let reason = failure(&setup.fetch(&url));
    assert_eq!(reason, "too many requests (HTTP 429); asked to wait 3600s");
    let retry_at = setup.find(&url).retry_at.unwrap();
    assert!(
        (before + 3600..before + 3700).contains(&retry_at),
        "{retry_at}"
    );
    let again = setup.fetch(&url);
    assert!(
        matches!(&again.result, FeedResult::Skipped(reason) if reason.starts_with("waiting until")),
        "{again:?}"
    );
    assert_eq!(server.hits("/feed.xml"), 1);
}

#[test]
fn a_feed_that_keeps_failing_backs_off_and_keeps_its_stories() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let feed = two_items();
    let server = Server::start(move |_: &Request| {
        if counter.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::ok(RSS, feed.clone()).header("ETag", "\"v1\"")
        } else {
            Reply::status(500)
        }
    });
    let mut setup = setup();
    let url = server.url("/feed.xml");
    assert_eq!(stored(&setup.fetch(&url)).imported, 2);
    // A first failure may be a blip: the next fetch tries again at once.
    assert_eq!(failure(&setup.fetch(&url)), "server answered HTTP 500");
    assert_eq!(setup.find(&url).retry_at, None);
    assert_eq!(failure(&setup.fetch(&url)), "server answered HTTP 500");
    let subscription = setup.find(&url);
    assert_eq!(subscription.failures, 2);
    assert!(subscription.retry_at.is_some());
    assert!(matches!(setup.fetch(&url).result, FeedResult::Skipped(_)));
    assert_eq!(server.hits("/feed.xml"), 3);
    // Nothing stored was lost, and the validators still describe the stored copy.
    assert_eq!(setup.story_count(), 2);
    assert_eq!(subscription.etag.as_deref(), Some("\"v1\""));
}

#[test]
fn a_server_that_stalls_times_out() {
    let server =
        Server::start(|_: &Request| Reply::ok(RSS, two_items()).stall(Duration::from_secs(4)));
    let mut setup = setup();
    assert_eq!(failure(&setup.fetch(&server.url("/feed.xml"))), "timed out");
    assert_eq!(setup.story_count(), 0);
}

#[test]
fn gzip_bodies_are_decompressed() {
    let server = Server::start(|request: &Request| {
        let accepted = request.header("Accept-Encoding").unwrap_or_default();
        if !accepted.contains("gzip") {
            return Reply::status(406);
        }
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(two_items().as_bytes()).unwrap();
        Reply::ok(RSS, encoder.finish().unwrap()).header("Content-Encoding", "gzip")
    });
    let mut setup = setup();
    assert_eq!(stored(&setup.fetch(&server.url("/feed.xml"))).imported, 2);
}

#[test]
fn brotli_bodies_are_decompressed() {
    let server = Server::start(|request: &Request| {
        let accepted = request.header("Accept-Encoding").unwrap_or_default();
        if !accepted.contains("br") {
            return Reply::status(406);
        }
        let mut compressed = Vec::new();
        let mut encoder = brotli::CompressorWriter::new(&mut compressed, 4096, 5, 22);
        encoder.write_all(two_items().as_bytes()).unwrap();
        drop(encoder);
        Reply::ok(RSS, compressed).header("Content-Encoding", "br")
    });
    let mut setup = setup();
    assert_eq!(stored(&setup.fetch(&server.url("/feed.xml"))).imported, 2);
}

#[test]
fn a_wrong_content_type_does_not_matter_but_an_html_page_is_not_a_feed() {
    let server = Server::start(|request: &Request| match request.path.as_str() {
        "/plain" => Reply::ok("text/plain", two_items()),
        _ => Reply::ok(
            RSS,
            "<!doctype html><html><head><title>Meridian</title></head>\
             <body><article><h1>Welcome</h1><p>Our stories are listed on the front page \
             of this site every morning.</p></article></body></html>",
        ),
    });
    let mut setup = setup();
    assert_eq!(stored(&setup.fetch(&server.url("/plain"))).imported, 2);
    assert_eq!(
        failure(&setup.fetch(&server.url("/page"))),
        "not a feed but an HTML page"
    );
    assert_eq!(setup.story_count(), 2);
}

#[test]
fn a_body_past_the_cap_fails_and_stores_nothing() {
    let server = Server::start(|_: &Request| {
        let items: Vec<(String, String, String)> = (0..100)
            .map(|n| {
                (
                    format!("Story {n}"),
                    format!("https://meridian.example/{n}"),
                    "A long body line. ".repeat(20),
                )
            })
            .collect();
        let items: Vec<(&str, &str, &str)> = items
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        Reply::ok(RSS, rss("Big", &items))
    });
    let mut setup = setup_with(ClientOptions {
        max_bytes: 4096,
        ..options()
    });
    assert_eq!(
        failure(&setup.fetch(&server.url("/feed.xml"))),
        "response larger than 4096 bytes"
    );
    assert_eq!(setup.story_count(), 0);
}

#[test]
fn malformed_xml_fails_and_stores_nothing() {
    let server = Server::start(|_: &Request| {
        Reply::ok(
            RSS,
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title>\
             <item><title>Half an item</title><link>https://x.example/a</link></chan",
        )
    });
    let mut setup = setup();
    let reason = failure(&setup.fetch(&server.url("/feed.xml")));
    assert!(reason.starts_with("malformed feed"), "{reason}");
    assert_eq!(setup.story_count(), 0);
}

#[test]
fn a_feed_that_repeats_stored_items_duplicates_nothing() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let server = Server::start(move |_: &Request| {
        let port = (
            "Port talks resume",
            "https://meridian.example/port",
            "Talks resumed in Mombasa.",
        );
        let grain = (
            "Grain corridor extended",
            "https://meridian.example/grain",
            "The corridor was extended.",
        );
        let vote = (
            "Markets steady after vote",
            "https://meridian.example/vote",
            "Markets were steady.",
        );
        let items = match counter.fetch_add(1, Ordering::SeqCst) {
            0 => vec![port, grain],
            _ => vec![vote, port, grain],
        };
        Reply::ok(RSS, rss("Meridian World", &items))
    });
    let mut setup = setup();
    let url = server.url("/feed.xml");
    assert_eq!(stored(&setup.fetch(&url)).imported, 2);
    let second = stored(&setup.fetch(&url));
    assert_eq!(
        (second.imported, second.updated, second.unchanged),
        (1, 0, 2)
    );
    assert_eq!(setup.story_count(), 3);
    assert_eq!(setup.find(&url).new_items, 1);
}

#[test]
fn a_feed_with_no_items_now_is_no_failure() {
    let server = Server::start(|_: &Request| Reply::ok(RSS, rss("Quiet desk", &[])));
    let mut setup = setup();
    let url = server.url("/feed.xml");
    assert_eq!(stored(&setup.fetch(&url)), FeedStored::default());
    assert_eq!(setup.find(&url).status, FeedStatus::Ok);
}

#[test]
fn relative_item_links_are_made_absolute() {
    let server = Server::start(|_: &Request| {
        Reply::ok(
            RSS,
            rss(
                "Local",
                &[("Council meets", "/stories/council", "The council met.")],
            ),
        )
    });
    let mut setup = setup();
    setup.fetch(&server.url("/feeds/local.xml"));
    let story = setup.library.story(1).unwrap();
    assert_eq!(
        story.article.url.as_deref(),
        Some(server.url("/stories/council").as_str())
    );
}

#[test]
fn full_text_reads_the_linked_page_and_never_another_scheme() {
    let page = "<!doctype html><html><head><title>Port deal signed</title>\
        <meta property=\"article:published_time\" content=\"2023-03-14T09:30:00+01:00\"></head>\
        <body><article><h1>Port deal signed</h1>\
        <p>MOMBASA — Negotiators signed the port agreement on Tuesday after eight months of talks.</p>\
        <p>“We have a calendar now,” said Amara Njoroge, a spokeswoman for the invented Coastal Ports Office.</p>\
        </article></body></html>";
    let server = Server::start(move |request: &Request| match request.path.as_str() {
        "/feed.xml" => Reply::ok(
            RSS,
            rss(
                "Coastal Wire",
                &[
                    ("Port deal signed", "/story/port", "A teaser."),
                    ("Secret file", "file:///etc/passwd", "Another teaser."),
                ],
            ),
        ),
        "/story/port" => Reply::ok("text/html", page),
        _ => Reply::status(404),
    });
    let mut setup = setup();
    let url = server.url("/feed.xml");
    setup
        .library
        .subscribe(&url, None, &["ports".to_string()], true)
        .unwrap();
    let reports = setup.fetch_all();
    let report = &reports[0];
    assert_eq!(stored(report).imported, 2);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(
        report.warnings[0].contains("file: URLs are not fetched"),
        "{:?}",
        report.warnings
    );
    let stories = setup.library.stories(10).unwrap();
    let port = stories
        .iter()
        .find(|s| s.title == "Port deal signed")
        .unwrap();
    let story = setup.library.story(port.id).unwrap();
    assert!(
        story.article.body.contains("eight months of talks"),
        "{}",
        story.article.body
    );
    assert_eq!(story.article.source.as_deref(), Some("Coastal Wire"));
    assert_eq!(
        story.article.url.as_deref(),
        Some(server.url("/story/port").as_str())
    );
    assert!(
        story.article.tags.contains(&"ports".to_string()),
        "{:?}",
        story.article.tags
    );
    // A second fetch does not fetch a page whose story is already stored.
    setup.fetch_all();
    assert_eq!(server.hits("/story/port"), 1);
}

#[test]
fn credentials_go_only_to_their_own_origin_and_are_never_shown() {
    let other = Server::start(|request: &Request| {
        if request.header("Authorization").is_some() {
            Reply::status(400)
        } else {
            Reply::ok(RSS, two_items())
        }
    });
    let elsewhere = other.url("/feed.xml");
    let server = Server::start(move |request: &Request| {
        // base64("reader:s3cret w")
        match request.header("Authorization") {
            Some("Basic cmVhZGVyOnMzY3JldCB3") => Reply::redirect(302, &elsewhere),
            _ => Reply::status(401),
        }
    });
    let mut setup = setup();
    let url = format!(
        "http://reader:s3cret%20w@127.0.0.1:{}/private.xml",
        server.port()
    );
    let report = setup.fetch(&url);
    assert_eq!(stored(&report).imported, 2);
    assert!(!report.name.contains("s3cret"), "{}", report.name);
    assert_eq!(report.name, server.url("/private.xml"));
    assert_eq!(other.hits("/feed.xml"), 1);
    let database =
        rusqlite::Connection::open(setup.dir.path().join(sitrep::library::DATABASE_FILE)).unwrap();
    let origins: Vec<String> = database
        .prepare("SELECT origin_path FROM articles")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(origins.len(), 2);
    assert!(
        origins
            .iter()
            .all(|origin| origin.starts_with(&server.url("/private.xml#"))),
        "{origins:?}"
    );
}

#[test]
fn never_more_than_two_requests_to_one_host_at_once() {
    let server = Server::start(|request: &Request| {
        let name = request.path.trim_start_matches('/').to_string();
        let link = format!("https://meridian.example/{name}");
        Reply::ok(RSS, rss(&name, &[(&name, &link, "A story.")])).stall(Duration::from_millis(300))
    });
    let mut setup = setup();
    for n in 0..6 {
        setup.subscribe(&server.url(&format!("/feed{n}")));
    }
    let reports = setup.fetch_all();
    assert_eq!(reports.len(), 6);
    assert!(reports.iter().all(|report| stored(report).imported == 1));
    assert_eq!(server.most_in_flight(), 2);
}

#[test]
fn a_public_only_fetch_never_reaches_a_private_address() {
    let server = Server::start(|_: &Request| Reply::ok(RSS, two_items()));
    let client = Client::new(options());
    let url = http_url(&server.url("/feed.xml")).unwrap();
    let refused = client.get(&url, &Validators::default(), Reach::Public);
    assert!(
        matches!(refused, Err(FetchError::NotPublic(_))),
        "{refused:?}"
    );
    // A name is checked when it is resolved, on every connection.
    let localhost = http_url(&format!("http://localhost:{}/feed.xml", server.port())).unwrap();
    let refused = client.get(&localhost, &Validators::default(), Reach::Public);
    assert!(
        matches!(refused, Err(FetchError::NotPublic(_))),
        "{refused:?}"
    );
    assert_eq!(server.hits("/feed.xml"), 0);
    assert!(client.get(&url, &Validators::default(), Reach::Any).is_ok());
}
