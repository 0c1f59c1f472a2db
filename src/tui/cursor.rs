//! A selection in a list: an index that stays inside the list and moves by steps or pages.

/// The selected row of a list of `len` rows (0 when empty).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub index: usize,
}

impl Cursor {
    /// Moves by `delta` rows, clamped to the list.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.index = (self.index as isize + delta).clamp(0, last.max(0)) as usize;
    }

    /// Jumps to the first row.
    pub fn top(&mut self) {
        self.index = 0;
    }

    /// Jumps to the last row.
    pub fn bottom(&mut self, len: usize) {
        self.index = len.saturating_sub(1);
    }

    /// Keeps the index inside a list that may have shrunk.
    pub fn clamp(&mut self, len: usize) {
        self.index = self.index.min(len.saturating_sub(1));
    }

    /// The first row to show so the selection is visible in `height` rows.
    pub fn window_start(&self, height: usize) -> usize {
        if height == 0 {
            0
        } else {
            self.index.saturating_sub(height - 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    #[test]
    fn steps_stay_inside() {
        let mut c = Cursor::default();
        c.step(-3, 5);
        assert_eq!(c.index, 0);
        c.step(10, 5);
        assert_eq!(c.index, 4);
        c.step(1, 0);
        assert_eq!(c.index, 0);
        c.bottom(3);
        c.clamp(2);
        assert_eq!(c.index, 1);
        assert_eq!(Cursor { index: 12 }.window_start(5), 8);
    }
}
