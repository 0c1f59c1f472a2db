//! The stories pane: date, source and title, newest first, with read marks.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::{day, fit, pad};
use super::{pane_block, row_style};
use crate::tui::app::App;
use crate::tui::story_text::shown_title;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, focused: bool) {
    let unread = app.stories().unread();
    let mut title = format!(
        " Stories {}/{} ",
        app.stories().visible.len(),
        app.stories().rows.len()
    );
    if unread > 0 {
        title.push_str(&format!("· {unread} unread "));
    }
    title.push_str(&format!(
        "· {}{} ",
        app.stories().sort.label(),
        if app.stories().unread_only {
            " · unread only"
        } else {
            ""
        }
    ));
    let block = pane_block(app, title, focused);
    let inner = block.inner(area);
    let height = inner.height as usize;
    let width = inner.width as usize;
    let start = app.stories().cursor.window_start(height);
    let columns = Columns::for_width(width);
    let lines: Vec<Line> = app
        .stories()
        .visible
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(row, &i)| {
            let story = &app.stories().rows[i];
            let selected = row == app.stories().cursor.index;
            let mark = match (selected, app.stories().is_read(story.id)) {
                (true, _) => "▸",
                (false, false) => "•",
                (false, true) => " ",
            };
            let star = if app.stories().is_starred(story.id) {
                "★"
            } else {
                " "
            };
            let day = day(story.published.as_deref());
            let date = pad(day.get(10 - columns.date..).unwrap_or(day), columns.date);
            let style = row_style(app, selected, focused);
            let mut spans = vec![
                Span::styled(mark, style),
                Span::styled(star, style.patch(app.theme().speaker)),
                Span::styled(format!("{date} "), style.patch(app.theme().muted)),
            ];
            if columns.source > 0 {
                let source = pad(story.source.as_deref().unwrap_or_default(), columns.source);
                spans.push(Span::styled(
                    format!("{source} "),
                    style.patch(app.theme().muted),
                ));
            }
            spans.push(Span::styled(
                pad(shown_title(&story.title), columns.title),
                style,
            ));
            Line::from(spans)
        })
        .collect();
    let body = if app.stories().rows.is_empty() {
        Paragraph::new(fit(
            if app.pending() > 0 {
                "loading…"
            } else {
                "no stories yet — sitrep import PATH"
            },
            width,
        ))
        .style(app.theme().muted)
    } else {
        Paragraph::new(lines)
    };
    frame.render_widget(body.block(block), area);
}

/// How a row of `width` columns is shared: the title gets at least three fifths; the
/// date is shortened ("23-03-14") and the source left out before the title is squeezed,
/// and a source column too narrow to name one ("Equa…") is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    date: usize,
    source: usize,
    title: usize,
}

impl Columns {
    /// The read mark and the star take a column each.
    const MARKS: usize = 2;
    /// Rows at least this wide show the whole date ("2023-03-14").
    const FULL_DATE_WIDTH: usize = 50;
    /// The narrowest source column worth showing.
    const MIN_SOURCE: usize = 8;

    fn for_width(width: usize) -> Columns {
        let date = if width >= Self::FULL_DATE_WIDTH {
            10
        } else {
            8
        };
        let title_min = width * 3 / 5;
        let room = width.saturating_sub(Self::MARKS + date + 1 + 1 + title_min);
        let source = if room >= Self::MIN_SOURCE {
            room.min(14)
        } else {
            0
        };
        let used = Self::MARKS + date + 1 + if source > 0 { source + 1 } else { 0 };
        Columns {
            date,
            source,
            title: width.saturating_sub(used),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Columns;

    #[test]
    fn titles_get_most_of_a_narrow_list() {
        // The list of the three-pane layout at 100 and 160 terminal columns.
        let at_100 = Columns::for_width(32);
        assert_eq!((at_100.date, at_100.source, at_100.title), (8, 0, 21));
        let at_160 = Columns::for_width(46);
        assert_eq!((at_160.date, at_160.source, at_160.title), (8, 0, 35));
        let wide = Columns::for_width(90);
        assert_eq!((wide.source, wide.title), (14, 62));
    }
}
