//! Fitting outside text into a number of terminal columns, safely.

use unicode_width::UnicodeWidthChar;

use crate::sanitize::clean_text;

/// `text` cleaned of control sequences, on one line, cut to `width` columns with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    let clean = clean_text(text).replace(['\n', '\t'], " ");
    let mut out = String::new();
    let mut used = 0;
    let total: usize = clean.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return clean;
    }
    for c in clean.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` fitted and padded with spaces to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let used: usize = fitted.chars().map(|c| c.width().unwrap_or(0)).sum();
    format!("{fitted}{}", " ".repeat(width.saturating_sub(used)))
}

/// The date part (YYYY-MM-DD) of an RFC 3339 time, the whole text if shorter, or
/// nothing for an undated story.
pub fn day(published: Option<&str>) -> &str {
    let published = published.unwrap_or_default();
    published.get(..10).unwrap_or(published)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_and_pads_by_columns() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a longer title", 8), "a longe…");
        assert_eq!(fit("王毅王毅", 5), "王毅…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(fit("x\u{1b}[2Jy", 5), "xy");
        assert_eq!(day(Some("2023-03-14T09:30:00+01:00")), "2023-03-14");
        assert_eq!(day(None), "");
    }
}
