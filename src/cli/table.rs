//! Aligned one-line-per-story tables for `list` and `search`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use crate::sanitize::one_line;

/// Widest source name shown before it is cut.
const SOURCE_WIDTH: usize = 20;

/// A row of the table: what `list` and `search` show of a story.
pub struct Row<'a> {
    pub id: i64,
    pub published: Option<&'a str>,
    pub source: Option<&'a str>,
    pub title: &'a str,
}

/// Renders rows as `id  date  source  title`, columns aligned by display width.
pub fn render(rows: &[Row]) -> Vec<String> {
    let id_width = rows
        .iter()
        .map(|row| row.id.to_string().len())
        .max()
        .unwrap_or(0);
    let sources: Vec<String> = rows
        .iter()
        .map(|row| cut(&one_line(row.source.unwrap_or("-")), SOURCE_WIDTH))
        .collect();
    let source_width = sources
        .iter()
        .map(|source| source.width())
        .max()
        .unwrap_or(0);
    rows.iter()
        .zip(&sources)
        .map(|(row, source)| {
            let day = row
                .published
                .and_then(|time| time.get(..10))
                .unwrap_or("----------");
            let padding = " ".repeat(source_width - source.width());
            format!(
                "{:>id_width$}  {day}  {source}{padding}  {}",
                row.id,
                one_line(row.title)
            )
        })
        .collect()
}

/// `text` cut to at most `width` columns, marking a cut with `…`.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns_by_display_width() {
        let rows = [
            Row {
                id: 7,
                published: Some("2023-03-14T09:30:00+01:00"),
                source: Some("Gulf Meridian"),
                title: "EU and ASEAN\nagree",
            },
            Row {
                id: 12,
                published: None,
                source: Some("新华社"),
                title: "\u{1b}[31mRed",
            },
        ];
        assert_eq!(
            render(&rows),
            [
                " 7  2023-03-14  Gulf Meridian  EU and ASEAN agree",
                "12  ----------  新华社         Red",
            ]
        );
    }

    #[test]
    fn long_sources_are_cut() {
        assert_eq!(
            cut("The Very Long Name of a Wire Service", 10),
            "The Very …"
        );
        assert_eq!(cut("short", 10), "short");
    }
}
