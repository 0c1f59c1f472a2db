//! Pages and feeds in legacy encodings and UTF-16 read as the text they hold, whether the
//! encoding is declared (byte order mark, XML declaration, `<meta>`, HTTP header) or
//! has to be detected. Fixture bytes are made here from text written for these tests.

use encoding_rs::{Encoding, GBK, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252};
use sitrep::ingest::{Parsed, parse_bytes, parse_served};

/// A small article page; `head` goes into `<head>`.
fn page(head: &str, title: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n\
         <body><article><h1>{title}</h1>\n{body}</article></body></html>\n"
    )
}

fn encoded(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot hold the fixture", encoding.name());
    bytes.into_owned()
}

fn parsed(name: &str, bytes: &[u8]) -> Parsed {
    parse_bytes(name, bytes).unwrap_or_else(|error| panic!("{name}: {error}"))
}

const RUSSIAN_TITLE: &str = "Министры согласовали график переговоров";
const RUSSIAN: [&str; 3] = [
    "Министры иностранных дел трёх стран согласовали в понедельник график переговоров о \
     поставках зерна через Чёрное море, сообщили официальные лица в Анкаре.",
    "Первый раунд откроется в Стамбуле третьего июня в присутствии наблюдателей.",
    "Страховщики в Лондоне приветствовали эту новость, хотя ставки фрахта почти не изменились.",
];

#[test]
fn a_windows_1251_page_with_and_without_a_meta_charset() {
    for head in ["<meta charset=\"windows-1251\">", ""] {
        let bytes = encoded(WINDOWS_1251, &page(head, RUSSIAN_TITLE, &RUSSIAN));
        let parsed = parsed("page.html", &bytes);
        let article = &parsed.articles[0];
        assert_eq!(article.title, RUSSIAN_TITLE, "{head:?}");
        assert_eq!(article.body, RUSSIAN.join("\n\n"), "{head:?}");
        let expected: &[&str] = if head.is_empty() {
            &["no encoding declared; read as windows-1251 (a guess)"]
        } else {
            &[]
        };
        assert_eq!(parsed.warnings, expected);
    }
}

#[test]
fn an_iso_8859_1_feed_is_not_mojibake() {
    let feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n\
        <rss version=\"2.0\"><channel><title>Le Courrier de Genève</title>\n\
        <item><title>Les délégués reprennent les négociations à Genève</title>\n\
        <link>https://courrier.example/geneve</link>\n\
        <description>Après une longue pause, les délégués se sont retrouvés lundi.</description>\n\
        </item></channel></rss>\n";
    let parsed = parsed("feed.xml", &encoded(WINDOWS_1252, feed));
    assert_eq!(parsed.warnings, Vec::<String>::new());
    let article = &parsed.articles[0];
    assert_eq!(
        article.title,
        "Les délégués reprennent les négociations à Genève"
    );
    assert_eq!(article.source.as_deref(), Some("Le Courrier de Genève"));
    assert_eq!(
        article.body,
        "Après une longue pause, les délégués se sont retrouvés lundi."
    );
}

#[test]
fn a_shift_jis_page_declared_by_meta_or_by_header() {
    let title = "外相らが穀物輸送協議の日程で合意";
    let paragraphs = [
        "三か国の外相は月曜日、黒海を通る穀物輸送に関する協議の日程で合意したと、アンカラの当局者が明らかにした。",
        "第一回の協議は六月三日にイスタンブールで開かれ、国連の監視団が立ち会う。",
    ];
    let declared = encoded(
        SHIFT_JIS,
        &page("<meta charset=\"Shift_JIS\">", title, &paragraphs),
    );
    let undeclared = encoded(SHIFT_JIS, &page("", title, &paragraphs));
    for parsed in [
        parsed("page.html", &declared),
        parse_served(
            "page.html",
            &undeclared,
            Some("text/html; charset=Shift_JIS"),
        )
        .unwrap(),
    ] {
        assert_eq!(parsed.warnings, Vec::<String>::new());
        assert_eq!(parsed.articles[0].title, title);
        assert_eq!(parsed.articles[0].body, paragraphs.join("\n\n"));
    }
}

#[test]
fn an_undeclared_gbk_page_is_detected() {
    let title = "三国外长就粮食运输谈判时间表达成一致";
    let paragraphs = [
        "三国外长星期一就经黑海运输粮食的谈判时间表达成一致，安卡拉的官员说。",
        "第一轮谈判将于六月三日在伊斯坦布尔举行，联合国观察员将出席。",
        "伦敦的保险公司对这一消息表示欢迎，但运费几乎没有变化。",
    ];
    let parsed = parsed("page.html", &encoded(GBK, &page("", title, &paragraphs)));
    assert_eq!(
        parsed.warnings,
        ["no encoding declared; read as GBK (a guess)"]
    );
    assert_eq!(parsed.articles[0].title, title);
    assert_eq!(parsed.articles[0].body, paragraphs.join("\n\n"));
}

#[test]
fn utf16_feeds_and_pages_with_or_without_a_byte_order_mark() {
    let feed = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n\
        <rss version=\"2.0\"><channel><title>Новости</title>\n\
        <item><title>Переговоры в Стамбуле</title><link>https://x.example/a</link>\n\
        <description>Министры согласовали график переговоров.</description></item>\n\
        </channel></rss>\n";
    let little_endian: Vec<u8> = feed.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let with_mark = [&[0xff, 0xfe][..], &little_endian].concat();
    for bytes in [&with_mark, &little_endian] {
        let parsed = parsed("feed.xml", bytes);
        assert_eq!(parsed.articles[0].title, "Переговоры в Стамбуле");
        assert_eq!(
            parsed.articles[0].body,
            "Министры согласовали график переговоров."
        );
    }
    let html = page("", RUSSIAN_TITLE, &RUSSIAN);
    let big_endian: Vec<u8> = html.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let parsed = parsed("page.html", &big_endian);
    assert_eq!(parsed.articles[0].title, RUSSIAN_TITLE);
    assert_eq!(parsed.warnings, Vec::<String>::new());
}
