//! Bylines as pages print them, cleaned to the names: "By Dan Wolde - Apr 16, 2015 8:02
//! pm UTC" gives "Dan Wolde" and the time; "Ana Ruiz @anaruiz" and "Ana Ruiz
//! (@anaruiz)" give "Ana Ruiz"; "Posted by Ana Ruiz on March 4, 2022" gives both.

use super::metadata::strip_by;
use super::timestamp::to_rfc3339;

/// A byline's names and, when the line carried one, its publication time (RFC 3339).
#[derive(Debug, PartialEq, Eq)]
pub struct Byline {
    pub names: String,
    pub published: Option<String>,
}

/// What may join a byline to the time after it.
const TIME_JOINS: &[&str] = &[
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " | ",
    " \u{b7} ",
    ", ",
    " on ",
    " at ",
];

/// Reads a byline; `None` when nothing but a handle, a time or "By" is left.
pub fn clean_byline(line: &str) -> Option<Byline> {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut names = line.as_str();
    for prefix in [
        "posted by ",
        "written by ",
        "words by ",
        "story by ",
        "by: ",
    ] {
        if let Some(head) = names.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
        {
            names = &names[prefix.len()..];
        }
    }
    let names = strip_by(names).unwrap_or(names);
    let (names, published) = split_time(names);
    let names: Vec<&str> = names
        .split_whitespace()
        .filter(|word| !is_handle(word))
        .collect();
    let names = names
        .join(" ")
        .trim_end_matches([',', '-', '|', '\u{2013}', '\u{2014}', '\u{b7}', ' '])
        .to_string();
    (!names.is_empty() && names.chars().any(char::is_alphabetic))
        .then_some(Byline { names, published })
}

/// Splits "Name - Apr 16, 2015 8:02 pm UTC" at the first join whose remainder is a time.
fn split_time(line: &str) -> (&str, Option<String>) {
    let mut joins: Vec<usize> = TIME_JOINS
        .iter()
        .flat_map(|join| {
            line.match_indices(join)
                .map(|(at, join)| (at, at + join.len()))
        })
        .filter_map(|(at, after)| to_rfc3339(line[after..].trim()).map(|_| at))
        .collect();
    joins.sort_unstable();
    match joins.first() {
        Some(&at) => {
            let rest = line[at..]
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_start_matches("on ")
                .trim_start_matches("at ");
            (&line[..at], to_rfc3339(rest.trim()))
        }
        None => (line, None),
    }
}

/// "@anaruiz", "(@anaruiz)".
fn is_handle(word: &str) -> bool {
    let word = word.trim_matches(|c: char| "()[],".contains(c));
    word.len() > 1
        && word.starts_with('@')
        && word[1..]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Option<String> {
        clean_byline(line).map(|byline| byline.names)
    }

    #[test]
    fn a_time_glued_to_the_names_is_split_off() {
        let byline = clean_byline("Ana Ruiz - Apr 16, 2015 8:02 pm UTC").unwrap();
        assert_eq!(byline.names, "Ana Ruiz");
        assert_eq!(
            byline.published.as_deref(),
            Some("2015-04-16T20:02:00+00:00")
        );
        let byline = clean_byline("Posted by Tom Hale on March 4, 2022").unwrap();
        assert_eq!(byline.names, "Tom Hale");
        assert_eq!(
            byline.published.as_deref(),
            Some("2022-03-04T00:00:00+00:00")
        );
    }

    #[test]
    fn handles_are_dropped() {
        assert_eq!(names("By Ana Ruiz @anaruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(names("Ana Ruiz (@ana_ruiz)").as_deref(), Some("Ana Ruiz"));
        assert_eq!(names("@anaruiz"), None);
        assert_eq!(names("by: Ana Ruiz").as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn names_with_dashes_and_commas_stay_whole() {
        assert_eq!(
            names("Ana Ruiz-Tam, Tom Hale and Li Wei").as_deref(),
            Some("Ana Ruiz-Tam, Tom Hale and Li Wei")
        );
        assert_eq!(
            names("Europe Desk - Brussels").as_deref(),
            Some("Europe Desk - Brussels")
        );
    }
}
