//! A guard run before HTML parsing: the parser's work grows with the square of the
//! element depth, so absurdly deep documents are refused instead of parsed for minutes.

use super::IngestError;

/// The deepest element nesting accepted.
pub const MAX_NESTING: usize = 1000;

/// Elements that never deepen the tree: void elements, and elements the parser closes
/// by itself when a sibling starts (pages often leave `<p>` and `<li>` open).
const FLAT_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "rt", "rp",
];

/// Refuses markup nested deeper than [`MAX_NESTING`], judged in one pass over open and
/// close tags.
pub fn check_nesting(html: &str) -> Result<(), IngestError> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    for at in tag_starts(bytes) {
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |end| name_start + end);
        let name = html[name_start..name_end].to_ascii_lowercase();
        if FLAT_TAGS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !is_self_closing(&bytes[name_end..]) {
            depth += 1;
            if depth > MAX_NESTING {
                return Err(IngestError::TooDeep(MAX_NESTING));
            }
        }
    }
    Ok(())
}

/// Positions of every `<`.
fn tag_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'<')
        .map(|(at, _)| at)
}

/// True when the rest of a start tag ends in `/>` (looking no further than the next `<`).
fn is_self_closing(rest: &[u8]) -> bool {
    rest.iter()
        .position(|b| matches!(b, b'>' | b'<'))
        .is_some_and(|end| rest[end] == b'>' && end > 0 && rest[end - 1] == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_only() {
        let open_paragraphs =
            "<div>".to_string() + &"<p>text<li>item<br><img src=x />".repeat(5_000) + "</div>";
        assert!(check_nesting(&open_paragraphs).is_ok());
        let svg = "<svg>".to_string() + &"<path d=\"M0\"/>".repeat(5_000) + "</svg>";
        assert!(check_nesting(&svg).is_ok());
        let deep = "<div>".repeat(MAX_NESTING + 1);
        assert!(matches!(
            check_nesting(&deep),
            Err(IngestError::TooDeep(MAX_NESTING))
        ));
        let disguised = "<div></p>".repeat(MAX_NESTING + 1);
        assert!(check_nesting(&disguised).is_err());
    }
}
