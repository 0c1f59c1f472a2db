//! The timeline pane: events related to the open story or to an entity.

use crate::library::TimelineEvent;
use crate::tui::cursor::Cursor;

/// The events shown in the timeline pane and what they relate to.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// "related to this story" or the entity's name.
    pub(crate) title: String,
    pub(crate) events: Vec<TimelineEvent>,
    pub(crate) cursor: Cursor,
}

impl Timeline {
    /// The events, and the selection on the event of `own` story if it has one.
    pub fn new(title: String, events: Vec<TimelineEvent>, own: Option<i64>) -> Timeline {
        let index = events
            .iter()
            .position(|e| e.sources.iter().any(|s| Some(s.id) == own))
            .unwrap_or(0);
        Timeline {
            title,
            events,
            cursor: Cursor { index },
        }
    }

    /// What the events relate to.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The events, in date order.
    pub fn events(&self) -> &[TimelineEvent] {
        &self.events
    }

    /// The selected event.
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }
}
