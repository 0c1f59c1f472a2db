//! Bytes to text: rejects empty and binary files and decodes any character encoding
//! the web uses (encoding_rs), in this order of trust:
//!
//! 1. a byte order mark (UTF-8, UTF-16);
//! 2. UTF-16 without a mark, seen from markup's ASCII characters alternating with zero bytes;
//! 3. valid UTF-8, which text in a legacy encoding is almost never by chance, whatever
//!    a server or a stale `<meta>` claims;
//! 4. the charset of an HTTP `Content-Type` header, then the document's own declaration
//!    (`<?xml … encoding="…"?>`, `<meta charset="…">`, `<meta http-equiv="Content-Type">`);
//! 5. a guess from the bytes (chardetng), told to the user as a warning.
//!
//! A declaration of UTF-8 the bytes are not valid in is ignored. The text handed on declares
//! nothing but UTF-8: an XML declaration's encoding is rewritten, or feed-rs would
//! decode the text a second time.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::IngestError;

/// How much of the start of a file is inspected to tell text from binary and to find
/// an encoding declaration.
const SNIFF_LEN: usize = 8192;

/// Decoded text and any warning worth showing the user.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes `bytes` into text; `content_type` is an HTTP `Content-Type` header, if the
/// bytes came with one. Empty, blank and binary input are errors.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Result<Decoded, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let (encoding, how) = choose_encoding(bytes, content_type);
    let (text, _, had_errors) = encoding.decode(bytes);
    if looks_binary(&bytes[..bytes.len().min(SNIFF_LEN)], encoding, &text) {
        return Err(IngestError::Binary);
    }
    let warning = if had_errors {
        Some(format!("invalid {} decoded lossily", encoding.name()))
    } else if how == Chosen::Guessed && encoding != UTF_8 {
        Some(format!(
            "no encoding declared; read as {} (a guess)",
            encoding.name()
        ))
    } else {
        None
    };
    Ok(Decoded {
        text: declaring_utf8(text).into_owned(),
        warning,
    })
}

/// How an encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chosen {
    /// From a byte order mark, a declaration, or because the bytes are valid UTF-8.
    Known,
    /// Guessed from the bytes.
    Guessed,
}

/// The encoding of `bytes`, by the order of trust in the module doc.
fn choose_encoding(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, Chosen) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, Chosen::Known);
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if let Some(encoding) = unmarked_utf16(head) {
        return (encoding, Chosen::Known);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, Chosen::Known);
    }
    let declared = content_type
        .and_then(|header| parameter(header, "charset"))
        .map(str::to_string)
        .into_iter()
        .chain(document_declaration(head))
        .filter_map(|label| Encoding::for_label(label.as_bytes()))
        // UTF-16 was ruled out above; a document declaring it is lying (WHATWG reads it as UTF-8).
        .map(|encoding| encoding.output_encoding())
        .find(|encoding| *encoding != UTF_8);
    if let Some(encoding) = declared {
        return (encoding, Chosen::Known);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    (guess, Chosen::Guessed)
}

/// UTF-16 without a byte order mark: most of the first characters are ASCII (markup,
/// Latin text), each beside a zero byte, on the right in little-endian, on the left in
/// big-endian, and never on the other side.
fn unmarked_utf16(head: &[u8]) -> Option<&'static Encoding> {
    let pairs: Vec<(u8, u8)> = head
        .chunks_exact(2)
        .take(32)
        .map(|pair| (pair[0], pair[1]))
        .collect();
    if pairs.len() < 4 {
        return None;
    }
    let ascii = |byte: u8| byte.is_ascii() && byte != 0;
    let little = pairs.iter().filter(|&&(a, b)| ascii(a) && b == 0).count();
    let big = pairs.iter().filter(|&&(a, b)| a == 0 && ascii(b)).count();
    match (little * 2 > pairs.len(), big * 2 > pairs.len()) {
        (true, false) if big == 0 => Some(UTF_16LE),
        (false, true) if little == 0 => Some(UTF_16BE),
        _ => None,
    }
}

/// The encoding label a document declares near its start: the XML declaration's
/// `encoding`, a `<meta charset>`, or the charset of a `<meta http-equiv>` content type.
fn document_declaration(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start();
    if let Some(declaration) = start.strip_prefix("<?xml") {
        let declaration = &declaration[..declaration.find("?>")?];
        return attribute(declaration, "encoding").map(str::to_string);
    }
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let http_equiv = attribute(tag, "http-equiv");
        let charset = if http_equiv.is_some_and(|value| value.trim() == "content-type") {
            attribute(tag, "content").and_then(|content| parameter(content, "charset"))
        } else {
            attribute(tag, "charset")
        };
        if let Some(charset) = charset {
            return Some(charset.to_string());
        }
    }
    None
}

/// The value of attribute `name` in the inside of a tag (`name="v"`, `name='v'`, `name=v`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-') {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        return Some(match value.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let value = &value[1..];
                &value[..value.find(quote).unwrap_or(value.len())]
            }
            _ => {
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
                    .unwrap_or(value.len());
                &value[..end]
            }
        });
    }
}

/// The value of parameter `name` in a header value such as `text/html; charset=utf-8`.
fn parameter<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').skip(1).find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case(name)
            .then(|| value.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// `text` whose XML declaration, if any, names UTF-8 as its encoding.
fn declaring_utf8(text: Cow<'_, str>) -> Cow<'_, str> {
    let Some(value) = xml_encoding_range(&text) else {
        return text;
    };
    if text[value.clone()].eq_ignore_ascii_case("utf-8") {
        return text;
    }
    let mut fixed = text.into_owned();
    fixed.replace_range(value, "UTF-8");
    Cow::Owned(fixed)
}

/// Where the encoding named by `text`'s XML declaration lies, in bytes.
fn xml_encoding_range(text: &str) -> Option<std::ops::Range<usize>> {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let declaration = start.strip_prefix("<?xml")?;
    let inside = &declaration[..declaration.find("?>")?];
    let value = attribute(inside, "encoding")?;
    let at = value.as_ptr() as usize - text.as_ptr() as usize;
    Some(at..at + value.len())
}

/// True when the sample holds a NUL byte (in a one-byte-based encoding), or more than a
/// tenth of the decoded sample is control characters or undecodable bytes.
fn looks_binary(sample: &[u8], encoding: &'static Encoding, text: &str) -> bool {
    let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    if !utf16 && sample.contains(&0) {
        return true;
    }
    let mut chars = 0;
    let mut odd = 0;
    for c in text.chars().take(SNIFF_LEN) {
        chars += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{1b}');
        if control || c == char::REPLACEMENT_CHARACTER {
            odd += 1;
        }
    }
    odd * 10 > chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> String {
        decode(bytes, None).unwrap().text
    }

    #[test]
    fn empty_and_blank_are_empty() {
        assert!(matches!(decode(b"", None), Err(IngestError::Empty)));
        assert!(matches!(decode(b" \r\n\t", None), Err(IngestError::Empty)));
    }

    #[test]
    fn nul_bytes_and_noise_are_binary() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00", None),
            Err(IngestError::Binary)
        ));
        let noise: Vec<u8> = (0..400u32)
            .map(|i| (i * 37 % 256) as u8)
            .filter(|&b| b != 0)
            .collect();
        assert!(matches!(decode(&noise, None), Err(IngestError::Binary)));
    }

    #[test]
    fn an_undeclared_latin1_text_is_guessed_and_told() {
        let decoded = decode(
            b"Talks resume in Gen\xe8ve after a long pause, d\xe9l\xe9gu\xe9s say",
            None,
        )
        .unwrap();
        assert_eq!(
            decoded.text,
            "Talks resume in Genève after a long pause, délégués say"
        );
        assert_eq!(
            decoded.warning.as_deref(),
            Some("no encoding declared; read as windows-1252 (a guess)")
        );
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_declaration() {
        let page = "<meta charset=\"windows-1251\"><p>Переговоры</p>";
        let decoded = decode(page.as_bytes(), Some("text/html; charset=iso-8859-1")).unwrap();
        assert_eq!(decoded.text, page);
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn declarations_are_read_from_header_meta_and_xml() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Переговоры в Стамбуле</p>");
        let header = decode(&bytes, Some("text/html; charset=\"windows-1251\"")).unwrap();
        assert_eq!(header.text, "<p>Переговоры в Стамбуле</p>");
        assert_eq!(header.warning, None);

        for declared in [
            "<META CHARSET=koi8-r>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
        ] {
            let page = format!("<html><head>{declared}</head><p>Переговоры</p>");
            let (bytes, _, _) = encoding_rs::KOI8_R.encode(&page);
            let decoded = decode(&bytes, None).unwrap();
            assert_eq!(decoded.text, page, "{declared}");
            assert_eq!(decoded.warning, None);
        }

        let feed = "<?xml version='1.0' encoding='ISO-8859-1'?><rss/>";
        let feed = format!("{feed}<!-- café -->");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&feed);
        assert_eq!(
            text_of(&bytes),
            "<?xml version='1.0' encoding='UTF-8'?><rss/><!-- café -->"
        );
    }

    #[test]
    fn utf16_with_and_without_a_mark() {
        let text = "<html><head><title>Переговоры 会談</title>";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(text_of(&[&[0xff, 0xfe][..], &little].concat()), text);
        assert_eq!(text_of(&[&[0xfe, 0xff][..], &big].concat()), text);
        assert_eq!(text_of(&little), text);
        assert_eq!(text_of(&big), text);
    }

    #[test]
    fn a_broken_multibyte_text_is_a_warning() {
        let (mut bytes, _, _) =
            encoding_rs::SHIFT_JIS.encode("<meta charset=shift_jis><p>東京で会談が開かれた。</p>");
        let at = bytes.len() - 8;
        bytes.to_mut()[at] = 0x81;
        bytes.to_mut()[at + 1] = b'<';
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(
            decoded.warning.as_deref(),
            Some("invalid Shift_JIS decoded lossily")
        );
    }
}
