//! The entities pane: the open story's entities grouped by kind (most mentioned first),
//! its cursor, and the entity whose mentions are highlighted. The row geometry is shared
//! by drawing and by mouse hit-testing, so a click lands on what is drawn.

use crate::model::Entity;
use crate::tui::cursor::Cursor;
use crate::tui::pane::Story;

/// The entities pane's state.
#[derive(Debug, Clone, Default)]
pub struct EntitiesPane {
    pub(crate) cursor: Cursor,
    pub(crate) selected: Option<String>,
}

/// One row of the pane: a kind heading or an entity (its index in the display order).
#[derive(Debug, Clone, Copy)]
pub enum EntityRow<'a> {
    Heading(&'static str),
    Entity(usize, &'a Entity),
}

impl EntitiesPane {
    /// The row selected in the pane (an index into the display order).
    pub fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// The entity whose mentions are highlighted.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// The story's entities in display order: indexes into its entity list, grouped by
    /// kind, most mentioned first.
    pub fn order(story: Option<&Story>) -> Vec<usize> {
        let Some(story) = story else {
            return Vec::new();
        };
        let entities = &story.analysis.entities;
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by_key(|&i| {
            (
                entities[i].kind,
                std::cmp::Reverse(entities[i].mentions.len()),
                &entities[i].name,
            )
        });
        order
    }

    /// The pane's rows: a heading before each kind, then its entities.
    pub fn rows<'a>(story: Option<&'a Story>, order: &[usize]) -> Vec<EntityRow<'a>> {
        let Some(story) = story else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut kind = None;
        for (position, &i) in order.iter().enumerate() {
            let entity = &story.analysis.entities[i];
            if kind != Some(entity.kind) {
                kind = Some(entity.kind);
                out.push(EntityRow::Heading(entity.kind.as_str()));
            }
            out.push(EntityRow::Entity(position, entity));
        }
        out
    }

    /// The first row to show in `height` rows so the selected entity is visible.
    pub fn window_start(&self, rows: &[EntityRow], height: usize) -> usize {
        let row = rows
            .iter()
            .position(|r| matches!(r, EntityRow::Entity(p, _) if *p == self.cursor.index))
            .unwrap_or(0);
        if height == 0 {
            0
        } else {
            row.saturating_sub(height - 1)
        }
    }

    /// The display index of the entity drawn at `row` (inside the border), if any.
    pub fn entity_at_row(&self, story: Option<&Story>, row: usize, height: usize) -> Option<usize> {
        let order = EntitiesPane::order(story);
        let rows = EntitiesPane::rows(story, &order);
        let start = self.window_start(&rows, height);
        match rows.get(start + row)? {
            EntityRow::Entity(position, _) => Some(*position),
            EntityRow::Heading(_) => None,
        }
    }
}
