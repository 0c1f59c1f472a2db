//! The search box language: free words and "quoted phrases", plus filters
//! `source:NAME`, `from:YYYY-MM-DD`, `to:YYYY-MM-DD`, `tag:T` and `entity:NAME`
//! (a filter value may be quoted: `source:"Gulf Meridian"`).
//!
//! Nothing the user types reaches FTS5 as syntax: every word or phrase becomes a
//! quoted FTS5 string, so `"`, `AND(`, `*` or `NEAR` are searched as text or dropped.

use super::LibraryError;

/// A parsed search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words and phrases, each to be found in the story (any column).
    pub terms: Vec<String>,
    /// Exact source name, case-insensitive; the last `source:` wins.
    pub source: Option<String>,
    /// First and last publication day, inclusive, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Tags the story or its live notes must all carry, case-insensitive, `#` optional.
    pub tags: Vec<String>,
    /// Canonical entity names the story must all mention, case-insensitive.
    pub entities: Vec<String>,
}

impl Query {
    /// Parses what the user typed; only a malformed `from:`/`to:` date is an error.
    /// Control characters are dropped first, as from stored text (a NUL would end the
    /// FTS5 expression early).
    pub fn parse(text: &str) -> Result<Query, LibraryError> {
        let mut query = Query::default();
        for token in tokens(&crate::sanitize::clean_text(text)) {
            match token.filter.as_deref() {
                Some("source") => query.source = Some(token.value),
                Some("from") => query.from = Some(checked_day("from", token.value)?),
                Some("to") => query.to = Some(checked_day("to", token.value)?),
                Some("tag") => query.tags.push(token.value),
                Some("entity") => query.entities.push(token.value),
                _ if token.value.chars().any(char::is_alphanumeric) => {
                    query.terms.push(token.value)
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// The FTS5 MATCH expression for the terms: each one quoted, all required.
    pub fn fts_match(&self) -> Option<String> {
        if self.terms.is_empty() {
            return None;
        }
        let quoted: Vec<String> = self
            .terms
            .iter()
            .map(|term| format!("\"{}\"", term.replace('"', "\"\"")))
            .collect();
        Some(quoted.join(" "))
    }
}

/// One word, phrase or filter as typed.
#[derive(Debug, PartialEq, Eq)]
struct Token {
    /// The lowercase filter name, for `name:value`.
    filter: Option<String>,
    value: String,
}

const FILTERS: [&str; 5] = ["source", "from", "to", "tag", "entity"];

/// Splits on whitespace, keeping "quoted text" together; an unclosed quote runs to the end.
fn tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return tokens;
        }
        let mut head = String::new();
        while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '"') {
            head.push(c);
        }
        let filter = head
            .split_once(':')
            .map(|(name, _)| name.to_lowercase())
            .filter(|name| FILTERS.contains(&name.as_str()));
        let opens_quote = chars.peek() == Some(&'"');
        match filter {
            Some(name) if head.ends_with(':') && opens_quote => {
                chars.next();
                let value = quoted(&mut chars);
                tokens.push(Token {
                    filter: Some(name),
                    value,
                });
            }
            Some(name) if !head.ends_with(':') => {
                let value = head[name.len() + 1..].to_string();
                tokens.push(Token {
                    filter: Some(name),
                    value,
                });
            }
            // A filter name with nothing after it.
            Some(_) => {}
            _ if head.is_empty() && opens_quote => {
                chars.next();
                let value = quoted(&mut chars);
                tokens.push(Token {
                    filter: None,
                    value,
                });
            }
            _ => tokens.push(Token {
                filter: None,
                value: head,
            }),
        }
    }
}

/// Reads up to the closing quote (consumed) or the end of the text.
fn quoted(chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    let value: String = chars.by_ref().take_while(|c| *c != '"').collect();
    value.trim().to_string()
}

/// Checks a `from:`/`to:` value is a real calendar day written `YYYY-MM-DD`.
fn checked_day(filter: &str, value: String) -> Result<String, LibraryError> {
    let valid = value.len() == 10 && value.parse::<jiff::civil::Date>().is_ok();
    if valid {
        Ok(value)
    } else {
        Err(LibraryError::Query(format!(
            "{filter}: expects a day as YYYY-MM-DD, got {value:?}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Query {
        Query::parse(text).unwrap()
    }

    #[test]
    fn words_phrases_and_filters() {
        let query = parse(
            r#"trade "roadmap talks" source:"Gulf Meridian" from:2023-01-01 to:2023-12-31 tag:asia entity:"wang yi" entity:China"#,
        );
        assert_eq!(query.terms, ["trade", "roadmap talks"]);
        assert_eq!(query.source.as_deref(), Some("Gulf Meridian"));
        assert_eq!(query.from.as_deref(), Some("2023-01-01"));
        assert_eq!(query.to.as_deref(), Some("2023-12-31"));
        assert_eq!(query.tags, ["asia"]);
        assert_eq!(query.entities, ["wang yi", "China"]);
        assert_eq!(
            query.fts_match().as_deref(),
            Some(r#""trade" "roadmap talks""#)
        );
    }

    #[test]
    fn unbalanced_quote_runs_to_the_end() {
        let query = parse(r#"ceasefire "Black Sea grain"#);
        assert_eq!(query.terms, ["ceasefire", "Black Sea grain"]);
        let query = parse(r#"source:"Gulf Meridian"#);
        assert_eq!(query.source.as_deref(), Some("Gulf Meridian"));
    }

    #[test]
    fn fts_operators_are_only_text() {
        let query = parse(r#"AND( NEAR(x y) OR * ^title: "" "#);
        assert_eq!(
            query.fts_match().as_deref(),
            Some(r#""AND(" "NEAR(x" "y)" "OR" "^title:""#)
        );
        let query = parse(r#"a"b"#);
        assert_eq!(query.terms, ["a", "b"]);
    }

    #[test]
    fn unknown_filters_are_words_and_bad_days_are_errors() {
        assert_eq!(parse("http://example.com").terms, ["http://example.com"]);
        assert!(parse("from: to:").fts_match().is_none());
        let error = Query::parse("from:2023-02-30").unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"invalid query: from: expects a day as YYYY-MM-DD, got "2023-02-30""#
        );
        assert!(Query::parse("to:yesterday").is_err());
    }

    #[test]
    fn filter_names_ignore_case() {
        assert_eq!(parse("Source:Reuters").source.as_deref(), Some("Reuters"));
    }
}
