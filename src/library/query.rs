//! The search box language: free words and "quoted phrases", `OR` between two of them,
//! `NOT` before one, plus filters `source:NAME`, `from:DAY`, `to:DAY`, `tag:T` and
//! `entity:NAME` (a filter value may be quoted: `source:"Gulf Meridian"`).
//!
//! Nothing the user types reaches FTS5 as syntax: every word or phrase becomes a
//! quoted FTS5 string, so `"`, `AND(`, `*` or `NEAR` are searched as text or dropped.
//! `OR` and `NOT` are operators only when written in capitals and unquoted.

use super::LibraryError;

/// A parsed search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words and phrases the story must contain (any column): each clause is one word
    /// or phrase, or several joined by `OR`, any of which will do.
    pub clauses: Vec<Vec<String>>,
    /// Words and phrases (each after a `NOT`) the story must not contain.
    pub excluded: Vec<String>,
    /// A source name, case-insensitive: the whole name or whole words of it
    /// (`washington` finds "The Washington Post"); the last `source:` wins.
    pub source: Option<String>,
    /// First and last publication day, inclusive, `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Tags the story or its live notes must all carry, case-insensitive, `#` optional.
    pub tags: Vec<String>,
    /// Entity names the story must all mention, case-insensitive: a whole canonical
    /// name or whole words of one (`Mugabe` finds "Robert Mugabe").
    pub entities: Vec<String>,
}

impl Query {
    /// Parses what the user typed; only a malformed `from:`/`to:` date is an error.
    /// Control characters are dropped first, as from stored text (a NUL would end the
    /// FTS5 expression early).
    pub fn parse(text: &str) -> Result<Query, LibraryError> {
        let mut query = Query::default();
        let mut join_next = false;
        let mut negate_next = false;
        for token in tokens(&crate::sanitize::clean_text(text)) {
            match token.filter.as_deref() {
                Some("source") => query.source = Some(token.value),
                Some("from") => query.from = Some(checked_day("from", &token.value, Edge::First)?),
                Some("to") => query.to = Some(checked_day("to", &token.value, Edge::Last)?),
                Some("tag") => query.tags.push(token.value),
                Some("entity") => query.entities.push(token.value),
                _ if !token.quoted && token.value == "OR" => {
                    join_next = !query.clauses.is_empty() && !negate_next;
                }
                _ if !token.quoted && token.value == "NOT" => {
                    negate_next = true;
                    join_next = false;
                }
                _ if token.value.chars().any(char::is_alphanumeric) => {
                    if negate_next {
                        query.excluded.push(token.value);
                    } else if join_next && let Some(last) = query.clauses.last_mut() {
                        last.push(token.value);
                    } else {
                        query.clauses.push(vec![token.value]);
                    }
                    join_next = false;
                    negate_next = false;
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// True when the query has words or phrases to find (not only filters or `NOT`s).
    pub fn has_words(&self) -> bool {
        !self.clauses.is_empty()
    }

    /// The words and phrases to find, each once, lowercase: what a reader highlights.
    pub fn highlight_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for term in self.clauses.iter().flatten() {
            let term = term.to_lowercase();
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        terms
    }

    /// The text fuzzy matching looks for: the words and phrases, when the query has no
    /// `OR` (fuzzy matching has no alternatives); `None` otherwise.
    pub fn fuzzy_pattern(&self) -> Option<String> {
        if self.clauses.is_empty() || self.clauses.iter().any(|clause| clause.len() > 1) {
            return None;
        }
        Some(self.clauses.concat().join(" "))
    }

    /// The FTS5 MATCH expression for the clauses: each term quoted, alternatives joined
    /// by `OR`, all clauses required, and the excluded terms ruled out with `NOT`.
    pub fn fts_match(&self) -> Option<String> {
        if self.clauses.is_empty() {
            return None;
        }
        let clauses: Vec<String> = self.clauses.iter().map(|clause| any_of(clause)).collect();
        let required = clauses.join(" AND ");
        Some(match self.fts_excluded() {
            Some(excluded) => format!("({required}) NOT {excluded}"),
            None => required,
        })
    }

    /// An FTS5 expression matching any excluded term, if there are some.
    pub fn fts_excluded(&self) -> Option<String> {
        (!self.excluded.is_empty()).then(|| any_of(&self.excluded))
    }
}

/// `terms` as quoted FTS5 strings joined by OR, in parentheses when more than one.
fn any_of(terms: &[String]) -> String {
    let quoted: Vec<String> = terms
        .iter()
        .map(|term| format!("\"{}\"", term.replace('"', "\"\"")))
        .collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        _ => format!("({})", quoted.join(" OR ")),
    }
}

/// One word, phrase or filter as typed.
#[derive(Debug, PartialEq, Eq)]
struct Token {
    /// The lowercase filter name, for `name:value`.
    filter: Option<String>,
    value: String,
    /// Written in quotes: never an operator.
    quoted: bool,
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
                    quoted: true,
                });
            }
            Some(name) if !head.ends_with(':') => {
                let value = head[name.len() + 1..].to_string();
                tokens.push(Token {
                    filter: Some(name),
                    value,
                    quoted: false,
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
                    quoted: true,
                });
            }
            _ => tokens.push(Token {
                filter: None,
                value: head,
                quoted: false,
            }),
        }
    }
}

/// Reads up to the closing quote (consumed) or the end of the text.
fn quoted(chars: &mut std::iter::Peekable<std::str::Chars>) -> String {
    let value: String = chars.by_ref().take_while(|c| *c != '"').collect();
    value.trim().to_string()
}

/// Which end of a year or month a `from:`/`to:` value stands for.
#[derive(Clone, Copy)]
enum Edge {
    First,
    Last,
}

/// Checks a `from:`/`to:` value is a calendar day `YYYY-MM-DD`, a month `YYYY-MM` or a
/// year `YYYY` (a month or year stands for its first day in `from:`, its last in
/// `to:`), and returns the day. A value cut short (`2024-0`) is called incomplete.
fn checked_day(filter: &str, value: &str, edge: Edge) -> Result<String, LibraryError> {
    let parts: Vec<&str> = value.split('-').collect();
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let day = match parts.as_slice() {
        [year] if digits(year, 4) => match edge {
            Edge::First => Some(format!("{year}-01-01")),
            Edge::Last => Some(format!("{year}-12-31")),
        },
        [year, month] if digits(year, 4) && digits(month, 2) => {
            let first = format!("{year}-{month}-01")
                .parse::<jiff::civil::Date>()
                .ok();
            first.map(|first| match edge {
                Edge::First => first.to_string(),
                Edge::Last => first.last_of_month().to_string(),
            })
        }
        _ if value.len() == 10 => value
            .parse::<jiff::civil::Date>()
            .ok()
            .map(|_| value.to_string()),
        _ => None,
    };
    day.ok_or_else(|| {
        let problem = if is_cut_short(value) {
            format!("the date {value:?} is incomplete")
        } else {
            format!("got {value:?}")
        };
        LibraryError::Query(format!(
            "{filter}: expects a day as YYYY-MM-DD (or a month YYYY-MM, a year YYYY); {problem}"
        ))
    })
}

/// True for the start of a `YYYY-MM-DD` day that stops early ("202", "2024-0", "2024-03-"),
/// other than a whole year or month (which, not read as one, is wrong, not incomplete).
fn is_cut_short(value: &str) -> bool {
    const SHAPE: &[u8] = b"0000-00-00";
    !matches!(value.len(), 0 | 4 | 7)
        && value.len() < SHAPE.len()
        && value.bytes().zip(SHAPE).all(|(b, &shape)| {
            if shape == b'-' {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
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
        assert_eq!(query.clauses, [["trade"], ["roadmap talks"]]);
        assert_eq!(query.source.as_deref(), Some("Gulf Meridian"));
        assert_eq!(query.from.as_deref(), Some("2023-01-01"));
        assert_eq!(query.to.as_deref(), Some("2023-12-31"));
        assert_eq!(query.tags, ["asia"]);
        assert_eq!(query.entities, ["wang yi", "China"]);
        assert_eq!(
            query.fts_match().as_deref(),
            Some(r#""trade" AND "roadmap talks""#)
        );
    }

    #[test]
    fn unbalanced_quote_runs_to_the_end() {
        let query = parse(r#"ceasefire "Black Sea grain"#);
        assert_eq!(query.clauses, [["ceasefire"], ["Black Sea grain"]]);
        let query = parse(r#"source:"Gulf Meridian"#);
        assert_eq!(query.source.as_deref(), Some("Gulf Meridian"));
    }

    #[test]
    fn fts_operators_are_only_text() {
        let query = parse(r#"AND( NEAR(x y) OR * ^title: "" "#);
        assert_eq!(
            query.fts_match().as_deref(),
            Some(r#""AND(" AND "NEAR(x" AND ("y)" OR "^title:")"#)
        );
        let query = parse(r#"a"b"#);
        assert_eq!(query.clauses, [["a"], ["b"]]);
    }

    #[test]
    fn unknown_filters_are_words_and_bad_days_are_errors() {
        assert_eq!(
            parse("http://example.com").clauses,
            [["http://example.com"]]
        );
        assert!(parse("from: to:").fts_match().is_none());
        let error = Query::parse("from:2023-02-30").unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"invalid query: from: expects a day as YYYY-MM-DD (or a month YYYY-MM, a year YYYY); got "2023-02-30""#
        );
        assert!(Query::parse("to:yesterday").is_err());
    }

    #[test]
    fn filter_names_ignore_case() {
        assert_eq!(parse("Source:Reuters").source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn or_joins_alternatives_and_not_excludes() {
        let query = parse(r#"grain OR wheat "Black Sea" NOT Odesa NOT "Sea of Azov""#);
        assert_eq!(query.clauses, [vec!["grain", "wheat"], vec!["Black Sea"]]);
        assert_eq!(query.excluded, ["Odesa", "Sea of Azov"]);
        assert_eq!(
            query.fts_match().as_deref(),
            Some(r#"(("grain" OR "wheat") AND "Black Sea") NOT ("Odesa" OR "Sea of Azov")"#)
        );
        assert_eq!(query.highlight_terms(), ["grain", "wheat", "black sea"]);
        assert_eq!(query.fuzzy_pattern(), None);
    }

    #[test]
    fn operators_are_capitals_and_unquoted_only() {
        let query = parse(r#"war or peace "OR" NOT"#);
        assert_eq!(query.clauses, [["war"], ["or"], ["peace"], ["OR"]]);
        assert!(query.excluded.is_empty());
        let query = parse("OR talks OR");
        assert_eq!(query.clauses, [["talks"]]);
        let query = parse("NOT sanctions");
        assert!(!query.has_words());
        assert_eq!(query.fts_excluded().as_deref(), Some(r#""sanctions""#));
    }

    #[test]
    fn highlight_terms_leave_out_filters() {
        let query = parse(r#"source:"Gulf Post" grain Grain"#);
        assert_eq!(query.highlight_terms(), ["grain"]);
        assert_eq!(query.fuzzy_pattern().as_deref(), Some("grain Grain"));
    }

    #[test]
    fn years_and_months_are_ranges_and_cut_dates_are_incomplete() {
        let query = parse("from:2024 to:2024-02");
        assert_eq!(query.from.as_deref(), Some("2024-01-01"));
        assert_eq!(query.to.as_deref(), Some("2024-02-29"));
        assert_eq!(parse("to:2023").to.as_deref(), Some("2023-12-31"));
        for cut in ["2024-0", "202", "2024-03-", "2024-03-1"] {
            let error = Query::parse(&format!("from:{cut}"))
                .unwrap_err()
                .to_string();
            assert!(
                error.contains(&format!("the date \"{cut}\" is incomplete")),
                "{error}"
            );
        }
        let error = Query::parse("from:2024-13").unwrap_err().to_string();
        assert!(!error.contains("incomplete"), "{error}");
    }
}
