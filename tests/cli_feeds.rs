//! `sitrep feeds` and `sitrep fetch`: the real binary against a temporary library and a
//! server on 127.0.0.1 started by the test.

mod cli_support;
mod http_support;

use std::time::Duration;

use cli_support::{Sitrep, stderr, stdout};
use http_support::{Reply, Request, Server, TunnelProxy, rss, two_items};

/// Runs `sitrep` with no proxy settings inherited (the server is on this machine).
fn run(sitrep: &Sitrep, args: &[&str]) -> std::process::Output {
    let mut command = sitrep.command(args);
    for name in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        command.env_remove(name);
    }
    command.output().unwrap()
}

fn ok(sitrep: &Sitrep, args: &[&str]) -> String {
    let output = run(sitrep, args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

fn news_server() -> Server {
    Server::start(|request: &Request| match request.path.as_str() {
        "/world.xml" => Reply::ok("application/rss+xml", two_items()).header("ETag", "\"w1\""),
        "/slow.xml" => Reply::status(200).stall(Duration::from_secs(5)),
        _ => Reply::status(404),
    })
}

#[test]
fn add_fetch_and_list_feeds() {
    let server = news_server();
    let sitrep = Sitrep::new();
    let world = server.url("/world.xml");
    assert_eq!(
        ok(&sitrep, &["feeds", "add", &world, "--tag", "trade"]),
        format!("subscribed to {world}\n")
    );
    ok(&sitrep, &["feeds", "add", &server.url("/gone.xml")]);

    let output = run(&sitrep, &["fetch"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains(&format!("{world}: 2 new, 0 updated, 0 unchanged")),
        "{out}"
    );
    assert!(
        out.ends_with("fetched 2 feeds: 2 new stories, 0 updated; 1 failed, 0 skipped\n"),
        "{out}"
    );
    assert_eq!(
        stderr(&output),
        format!("{}: server answered HTTP 404\n", server.url("/gone.xml"))
    );

    let stories = sitrep.json(&["list", "--json"]);
    assert_eq!(stories.as_array().unwrap().len(), 2);
    let feeds = sitrep.json(&["feeds", "list", "--json"]);
    assert_eq!(feeds[0]["status"], "ok");
    assert_eq!(feeds[0]["title"], "Meridian World");
    assert_eq!(feeds[0]["new_items"], 2);
    assert_eq!(feeds[0]["tags"][0], "trade");
    assert_eq!(feeds[1]["status"], "failed");
    assert_eq!(feeds[1]["error"], "server answered HTTP 404");

    // Fetching the feed again, named by its tag: this server ignores If-None-Match and
    // sends the same items in full; they are recognised, and nothing is duplicated.
    let again = ok(&sitrep, &["fetch", "trade"]);
    assert!(again.contains("0 new, 0 updated, 2 unchanged"), "{again}");
    assert!(
        again.ends_with("fetched 1 feeds: 0 new stories, 0 updated; 0 failed, 0 skipped\n"),
        "{again}"
    );
    assert_eq!(
        sitrep.json(&["list", "--json"]).as_array().unwrap().len(),
        2
    );
    // The library holds together after fetches (SQLite's check and sitrep's invariants).
    ok(&sitrep, &["check"]);
    let listed = ok(&sitrep, &["feeds", "list"]);
    assert!(listed.contains("Meridian World <"), "{listed}");
    assert!(
        listed.contains("error: server answered HTTP 404"),
        "{listed}"
    );
}

#[test]
fn a_stalling_feed_times_out_with_the_timeout_given() {
    let server = news_server();
    let sitrep = Sitrep::new();
    ok(&sitrep, &["feeds", "add", &server.url("/slow.xml")]);
    let output = run(&sitrep, &["fetch", "--timeout", "1"]);
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output),
        format!("{}: timed out\n", server.url("/slow.xml"))
    );
}

#[test]
fn credentials_never_appear_in_output() {
    let server = Server::start(|request: &Request| match request.header("Authorization") {
        Some(_) => Reply::ok(
            "application/rss+xml",
            rss(
                "Members",
                &[("Briefing", "https://members.example/b", "A briefing.")],
            ),
        ),
        None => Reply::status(401),
    });
    let sitrep = Sitrep::new();
    let url = format!(
        "http://analyst:hunter2@127.0.0.1:{}/members.xml",
        server.port()
    );
    let outputs = [
        run(&sitrep, &["feeds", "add", &url]),
        run(&sitrep, &["fetch"]),
        run(&sitrep, &["fetch", &url]),
        run(&sitrep, &["feeds", "list"]),
        run(&sitrep, &["feeds", "list", "--json"]),
        run(&sitrep, &["feeds", "export"]),
        run(&sitrep, &["feeds", "remove", &url]),
    ];
    for output in &outputs {
        assert!(output.status.success(), "{}", stderr(output));
        let text = format!("{}{}", stdout(output), stderr(output));
        assert!(!text.contains("hunter2"), "{text}");
    }
    assert!(stdout(&outputs[1]).contains("1 new"));
}

#[test]
fn https_proxy_is_used_and_no_proxy_honoured() {
    let server = news_server();
    let proxy = TunnelProxy::start(Reply::ok(
        "application/rss+xml",
        rss(
            "Via proxy",
            &[(
                "Relayed story",
                "https://proxied.example/a",
                "Through the proxy.",
            )],
        ),
    ));
    let sitrep = Sitrep::new();
    let world = server.url("/world.xml");
    ok(&sitrep, &["feeds", "add", &world]);
    let through = |no_proxy: &str| {
        let mut command = sitrep.command(&["fetch"]);
        for name in [
            "ALL_PROXY",
            "all_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "https_proxy",
            "no_proxy",
        ] {
            command.env_remove(name);
        }
        command
            .env("HTTPS_PROXY", proxy.url())
            .env("NO_PROXY", no_proxy);
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stdout(&output)
    };
    let proxied = through("");
    assert!(proxied.contains("1 new"), "{proxied}");
    assert_eq!(proxy.connects(), [format!("127.0.0.1:{}", server.port())]);
    assert_eq!(server.hits("/world.xml"), 0);

    let direct = through("127.0.0.1");
    assert!(direct.contains("2 new"), "{direct}");
    assert_eq!(proxy.connects().len(), 1);
    assert_eq!(server.hits("/world.xml"), 1);
}

#[test]
fn only_http_and_https_can_be_subscribed() {
    let sitrep = Sitrep::new();
    for url in [
        "file:///etc/passwd",
        "ftp://example.org/feed",
        "javascript:alert(1)",
    ] {
        let output = run(&sitrep, &["feeds", "add", url]);
        assert!(!output.status.success(), "{url}");
        let error = stderr(&output);
        assert!(error.starts_with("sitrep: cannot subscribe to "), "{error}");
        assert!(error.contains("only http and https"), "{error}");
    }
}

#[test]
fn opml_lists_in_and_out() {
    let sitrep = Sitrep::new();
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("subscriptions.xml");
    std::fs::write(
        &list,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Desk feeds</title></head><body>
  <outline text="Africa">
    <outline text="Coastal Wire" type="rss" xmlUrl="https://coastal.example/rss"/>
  </outline>
  <outline text="Gulf Post" type="rss" xmlUrl="https://gulf.example/atom.xml" category="energy"/>
  <outline text="Bad" type="rss" xmlUrl="file:///etc/passwd"/>
</body></opml>"#,
    )
    .unwrap();
    // `sitrep import` recognises the list by its content, whatever its name.
    let output = run(&sitrep, &["import", list.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "{}: subscribed to 2 feeds, 0 already subscribed, 1 failed\n",
            list.display()
        )
    );
    assert!(stderr(&output).contains("file:///etc/passwd: file: URLs are not fetched"));
    let again = ok(&sitrep, &["feeds", "import", list.to_str().unwrap()]);
    assert!(
        again.contains("subscribed to 0 feeds, 2 already subscribed"),
        "{again}"
    );

    let feeds = sitrep.json(&["feeds", "list", "--json"]);
    assert_eq!(feeds[0]["title"], "Coastal Wire");
    assert_eq!(feeds[0]["tags"][0], "Africa");
    assert_eq!(feeds[1]["tags"][0], "energy");

    let exported = ok(&sitrep, &["feeds", "export"]);
    assert!(exported.contains(r#"<opml version="2.0">"#), "{exported}");
    let copy = dir.path().join("copy.opml");
    std::fs::write(&copy, &exported).unwrap();
    let other = Sitrep::new();
    ok(&other, &["feeds", "import", copy.to_str().unwrap()]);
    assert_eq!(
        other.json(&["feeds", "list", "--json"]),
        sitrep.json(&["feeds", "list", "--json"])
    );

    assert_eq!(
        ok(&sitrep, &["feeds", "remove", "Gulf Post"]),
        "unsubscribed from https://gulf.example/atom.xml (its stories stay)\n"
    );
    let output = run(&sitrep, &["feeds", "remove", "Gulf Post"]);
    assert_eq!(stderr(&output), "sitrep: no subscription Gulf Post\n");
}
