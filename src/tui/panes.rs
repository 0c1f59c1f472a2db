//! Which panes exist and where they go on screen. Pure geometry shared by drawing and by
//! mouse hit-testing, so a click lands on what is drawn.

use ratatui::layout::{Constraint, Layout, Rect};

/// A focusable pane of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Stories,
    Story,
    Entities,
    Quotes,
    Notes,
    Timeline,
}

impl Pane {
    /// Panes in Tab order.
    pub const ALL: [Pane; 6] = [
        Pane::Stories,
        Pane::Story,
        Pane::Entities,
        Pane::Quotes,
        Pane::Notes,
        Pane::Timeline,
    ];

    /// The name on a tab.
    pub fn label(self) -> &'static str {
        match self {
            Pane::Stories => "Stories",
            Pane::Story => "Story",
            Pane::Entities => "Entities",
            Pane::Quotes => "Quotes",
            Pane::Notes => "Notes",
            Pane::Timeline => "Timeline",
        }
    }

    /// The next (or, with `back`, previous) pane in Tab order.
    pub fn cycle(self, back: bool) -> Pane {
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let n = Pane::ALL.len();
        Pane::ALL[if back { (i + n - 1) % n } else { (i + 1) % n }]
    }
}

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    /// Visible panes and their areas (one pane when narrow).
    pub panes: Vec<(Pane, Rect)>,
    /// The tab bar, shown only when panes are shown one at a time.
    pub tabs: Option<Rect>,
    /// The status line at the bottom.
    pub status: Rect,
}

impl Screen {
    /// The pane under a terminal cell, if any.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        self.panes.iter().copied().find(|(_, r)| {
            column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
        })
    }

    /// The area of a pane, if it is visible.
    pub fn area(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }
}

/// Under this width or height the reader shows one pane at a time, with tabs.
pub const WIDE_MIN_WIDTH: u16 = 100;
pub const WIDE_MIN_HEIGHT: u16 = 24;

/// Lays out a `width`×`height` screen with `focus` the pane shown when narrow.
pub fn screen(width: u16, height: u16, focus: Pane) -> Screen {
    let area = Rect::new(0, 0, width, height);
    let [main, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    if width < WIDE_MIN_WIDTH || height < WIDE_MIN_HEIGHT {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(main);
        return Screen {
            panes: vec![(focus, body)],
            tabs: Some(tabs),
            status,
        };
    }
    let timeline_height = (main.height / 4).clamp(5, 12);
    let [top, timeline] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(timeline_height)]).areas(main);
    let side = (top.width / 5).clamp(24, 40);
    let [stories, story, right] = Layout::horizontal([
        Constraint::Length((top.width * 3 / 10).max(34)),
        Constraint::Min(0),
        Constraint::Length(side),
    ])
    .areas(top);
    let [entities, quotes, notes] = Layout::vertical([
        Constraint::Percentage(45),
        Constraint::Percentage(30),
        Constraint::Percentage(25),
    ])
    .areas(right);
    Screen {
        panes: vec![
            (Pane::Stories, stories),
            (Pane::Story, story),
            (Pane::Entities, entities),
            (Pane::Quotes, quotes),
            (Pane::Notes, notes),
            (Pane::Timeline, timeline),
        ],
        tabs: None,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_every_pane_without_overlap() {
        let s = screen(160, 45, Pane::Stories);
        assert_eq!(s.panes.len(), 6);
        for (i, (_, a)) in s.panes.iter().enumerate() {
            assert!(a.right() <= 160 && a.bottom() <= 44);
            for (_, b) in &s.panes[i + 1..] {
                assert!(a.intersection(*b).area() == 0);
            }
        }
    }

    #[test]
    fn narrow_and_tiny_screens_show_one_pane() {
        for (w, h) in [(60, 20), (99, 45), (160, 10), (20, 5), (1, 1), (0, 0)] {
            let s = screen(w, h, Pane::Story);
            assert_eq!(s.panes.len(), 1);
            assert!(s.tabs.is_some());
        }
        let s = screen(60, 20, Pane::Quotes);
        assert_eq!(s.pane_at(5, 5).map(|(p, _)| p), Some(Pane::Quotes));
    }
}
