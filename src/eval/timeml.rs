//! TimeML documents (`.tml`, as in TimeBank and AQUAINT): the text inside `<TEXT>`, the
//! document's creation date, and the gold TIMEX3 expressions of the text.
//!
//! The corpora write quotation marks the Penn Treebank way (`` `` `` and `''`); they become
//! curly marks, as published text has them, and gold spans index the text so changed.

use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use crate::model::DateKind;

/// One TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    /// The text of `<TEXT>`, tags removed.
    pub text: String,
    /// The value of the TIMEX3 whose `functionInDocument` is `CREATION_TIME`.
    pub creation: Option<String>,
    /// The TIMEX3 expressions inside `<TEXT>`, in reading order.
    pub timexes: Vec<Timex>,
}

/// A gold TIMEX3: byte range in [`TimemlDoc::text`], type and normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub kind: DateKind,
    pub value: String,
}

/// Every `.tml` file under `dir`, in path order.
pub fn timeml_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "tml") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Reads one TimeML document; the error is one line naming the reason.
pub fn parse_timeml(xml: &str) -> Result<TimemlDoc, String> {
    let mut reader = Reader::from_str(xml);
    let mut doc = TimemlDoc {
        text: String::new(),
        creation: None,
        timexes: Vec::new(),
    };
    let mut in_text = false;
    // The open TIMEX3 inside the text: where it starts, its type and value.
    let mut open: Option<(usize, DateKind, String)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("bad XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(tag) if tag.name().as_ref() == "TEXT" => in_text = true,
            Event::End(tag) if tag.name().as_ref() == "TEXT" => in_text = false,
            Event::Start(tag) if tag.name().as_ref() == "TIMEX3" => {
                let value = attribute(&tag, "value")?.unwrap_or_default();
                if attribute(&tag, "functionInDocument")?.as_deref() == Some("CREATION_TIME") {
                    doc.creation = Some(value.clone());
                }
                if in_text {
                    let kind = attribute(&tag, "type")?
                        .as_deref()
                        .and_then(|t| DateKind::parse(&t.to_ascii_lowercase()))
                        .ok_or("a TIMEX3 without a known type")?;
                    open = Some((doc.text.len(), kind, value));
                }
            }
            Event::End(tag) if tag.name().as_ref() == "TIMEX3" => {
                if let Some((start, kind, value)) = open.take() {
                    doc.timexes.push(Timex {
                        start,
                        end: doc.text.len(),
                        kind,
                        value,
                    });
                }
            }
            Event::Text(text) if in_text => push_text(&mut doc.text, &text.xml10_content()),
            Event::GeneralRef(reference) if in_text => {
                let c = match reference.as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => reference
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .ok_or_else(|| format!("unknown entity &{};", reference.as_ref()))?,
                };
                doc.text.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if doc.creation.is_none() {
        return Err("no creation time (a TIMEX3 with functionInDocument CREATION_TIME)".into());
    }
    Ok(doc)
}

/// The unescaped value of attribute `name` of `tag`.
fn attribute(tag: &BytesStart, name: &str) -> Result<Option<String>, String> {
    let found = tag.try_get_attribute(name).map_err(|e| e.to_string())?;
    found
        .map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
        })
        .transpose()
        .map_err(|e| e.to_string())
}

/// Appends `piece` to `text`, Penn Treebank quotation marks turned into curly ones.
fn push_text(text: &mut String, piece: &str) {
    text.push_str(&piece.replace("``", "“").replace("''", "”"));
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Not <TIMEX3 tid="t9" type="DATE" value="1998">1998</TIMEX3> text</TITLE>
<TEXT>
``Talks resume <TIMEX3 tid="t1" type="DATE" value="1998-01-12">Monday</TIMEX3>,'' he <EVENT eid="e1">said</EVENT> &amp; left for <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3>.
</TEXT>
</TimeML>"#;

    #[test]
    fn reads_text_creation_time_and_timexes_of_the_text_only() {
        let doc = parse_timeml(DOC).unwrap();
        assert_eq!(
            doc.text,
            "\n“Talks resume Monday,” he said & left for two years.\n"
        );
        assert_eq!(doc.creation.as_deref(), Some("1998-01-08"));
        let spans: Vec<_> = doc
            .timexes
            .iter()
            .map(|t| (&doc.text[t.start..t.end], t.kind, t.value.as_str()))
            .collect();
        assert_eq!(
            spans,
            vec![
                ("Monday", DateKind::Date, "1998-01-12"),
                ("two years", DateKind::Duration, "P2Y"),
            ]
        );
    }

    #[test]
    fn a_document_without_creation_time_or_with_bad_xml_is_an_error() {
        assert!(parse_timeml("<TimeML><TEXT>Monday</TEXT></TimeML>").is_err());
        assert!(parse_timeml("<TimeML><TEXT>Monday</TIMEX3></TimeML>").is_err());
    }
}
