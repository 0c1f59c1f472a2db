//! Feed items as real feeds write them: escaped HTML in descriptions, an aggregator's
//! footer, items without a title, an update time beside the publication time, and a
//! desk's byline. The feeds are written here for these tests.

use sitrep::ingest::parse_bytes;
use sitrep::model::Article;

fn items(feed: &str) -> Vec<Article> {
    let parsed = parse_bytes("feed.xml", feed.as_bytes()).unwrap();
    assert_eq!(parsed.warnings, Vec::<String>::new());
    parsed.articles
}

fn rss(channel_title: &str, items: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n\
         <title>{channel_title}</title><link>https://feed.example</link>\n{items}\n\
         </channel></rss>\n"
    )
}

#[test]
fn escaped_html_in_descriptions_and_titles_is_decoded() {
    let articles = items(&rss(
        "Harbour Wire",
        "<item><title>Ministers&amp;#039; calendar: what you&amp;#8217;ll see</title>\
         <link>https://feed.example/a</link>\
         <description>You&amp;#039;ll see the first round in June &amp;amp; a second in July.\
         </description></item>",
    ));
    assert_eq!(
        articles[0].title,
        "Ministers' calendar: what you\u{2019}ll see"
    );
    assert_eq!(
        articles[0].body,
        "You'll see the first round in June & a second in July."
    );
}

#[test]
fn an_aggregators_footer_is_dropped() {
    let description = "&lt;!-- SC_OFF --&gt;&lt;div class=\"md\"&gt;&lt;p&gt;The port \
        authority says the queue of grain ships is the longest since March.&lt;/p&gt;\
        &lt;/div&gt;&lt;!-- SC_ON --&gt; &amp;#32; submitted by &amp;#32; \
        &lt;a href=\"https://forum.example/user/harbour_watcher\"&gt; /u/harbour_watcher \
        &lt;/a&gt; &lt;br/&gt; &lt;span&gt;&lt;a href=\"https://port.example/queue\"&gt;[link]\
        &lt;/a&gt;&lt;/span&gt; &amp;#32; &lt;span&gt;&lt;a href=\"https://forum.example/c/1\"&gt;\
        [comments]&lt;/a&gt;&lt;/span&gt;";
    let articles = items(&rss(
        "grain shipping",
        &format!(
            "<item><title>Longest queue of grain ships since March</title>\
             <link>https://forum.example/c/1</link><description>{description}</description></item>"
        ),
    ));
    assert_eq!(
        articles[0].body,
        "The port authority says the queue of grain ships is the longest since March."
    );
}

#[test]
fn an_untitled_item_is_titled_by_its_first_sentence() {
    let articles = items(&rss(
        "Harbour Wire",
        "<item><link>https://feed.example/b</link>\
         <description>Ships queued outside Odesa on Monday. The port reopened at noon.\
         </description></item>",
    ));
    assert_eq!(articles[0].title, "Ships queued outside Odesa on Monday.");
    assert_eq!(
        articles[0].body,
        "Ships queued outside Odesa on Monday. The port reopened at noon."
    );
}

#[test]
fn the_publication_time_is_not_the_update_time() {
    let atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
        <feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atlas Daily</title>\
        <id>urn:atlas</id><updated>2024-05-21T08:00:00Z</updated>\
        <entry><title>Grain talks calendar agreed</title><id>urn:atlas:1</id>\
        <link href=\"https://atlas.example/1\"/>\
        <updated>2024-05-21T07:45:00+03:00</updated>\
        <published>2024-05-20T14:05:00+03:00</published>\
        <summary>Ministers agreed a calendar for grain talks.</summary></entry></feed>";
    let articles = items(atom);
    assert_eq!(
        articles[0].published.as_deref(),
        Some("2024-05-20T11:05:00+00:00")
    );
}

#[test]
fn an_outlets_desk_byline_gives_the_source() {
    let articles = items(&rss(
        "Al Jazeera \u{2013} Breaking News",
        "<item><title>Talks resume</title><link>https://feed.example/c</link>\
         <dc:creator>Al Jazeera Web Desk</dc:creator>\
         <description>Talks resumed in Doha.</description></item>",
    ));
    assert_eq!(
        articles[0].source.as_deref(),
        Some("Al Jazeera \u{2013} Breaking News")
    );
    assert_eq!(articles[0].byline, None);

    let json = r#"{"title": "Talks resume", "author": "Reuters Staff", "body": "Talks resumed."}"#;
    let article = &parse_bytes("story.json", json.as_bytes()).unwrap().articles[0];
    assert_eq!(article.source.as_deref(), Some("Reuters"));
    assert_eq!(article.byline, None);
}
