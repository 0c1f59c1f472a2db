//! The learned weights: one row of label scores per feature hash, and label transition
//! scores; read from and written to a small binary file (`assets/models/names.bin`).

use foldhash::HashMap;

use super::labels::LABELS;

/// Scores of each label.
pub type Row = [f32; LABELS];

/// The weights of a trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Model {
    rows: Rows,
    /// `transitions[from][to]`; `from == LABELS` is the start of a stretch.
    pub transitions: [[f32; LABELS]; LABELS + 1],
}

/// The feature rows in an open-addressing table: a feature's hash is already a hash, so
/// one multiplication places it, and a look-up reads a slot or two.
#[derive(Debug, Clone, Default)]
struct Rows {
    keys: Vec<u64>,
    rows: Vec<Row>,
    /// Indexes into `keys` and `rows`, [`EMPTY`] for a free slot; a power of two long.
    slots: Vec<u32>,
    /// 64 minus the number of bits of a slot index.
    shift: u32,
}

/// A free slot of [`Rows::slots`].
const EMPTY: u32 = u32::MAX;

impl Rows {
    fn new(rows: HashMap<u64, Row>) -> Self {
        let bits = (rows.len() * 2).next_power_of_two().trailing_zeros().max(1);
        let mut table = Rows {
            keys: Vec::with_capacity(rows.len()),
            rows: Vec::with_capacity(rows.len()),
            slots: vec![EMPTY; 1 << bits],
            shift: 64 - bits,
        };
        for (key, row) in rows {
            let mut slot = table.slot_of(key);
            while table.slots[slot] != EMPTY {
                slot = (slot + 1) & (table.slots.len() - 1);
            }
            table.slots[slot] = table.keys.len() as u32;
            table.keys.push(key);
            table.rows.push(row);
        }
        table
    }

    fn slot_of(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn get(&self, key: u64) -> Option<&Row> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = self.slot_of(key);
        loop {
            let index = *self.slots.get(slot)? as usize;
            if index == EMPTY as usize {
                return None;
            }
            if self.keys.get(index) == Some(&key) {
                return self.rows.get(index);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a sitrep name model (bad header)")]
    Header,
    #[error("the model file is truncated")]
    Truncated,
}

const MAGIC: &[u8; 8] = b"SRNAMES1";

impl Model {
    /// A model from its rows and transitions.
    pub fn new(rows: HashMap<u64, Row>, transitions: [[f32; LABELS]; LABELS + 1]) -> Self {
        Model {
            rows: Rows::new(rows),
            transitions,
        }
    }

    /// Adds the rows of `features` to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut Row) {
        for f in features {
            if let Some(row) = self.rows.get(*f) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The number of feature rows.
    pub fn len(&self) -> usize {
        self.rows.keys.len()
    }

    /// True when the model has no feature rows.
    pub fn is_empty(&self) -> bool {
        self.rows.keys.is_empty()
    }

    /// The file form: header, transitions as f32, then each row as its key and
    /// label weights quantised to i16 against one scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .rows
            .rows
            .iter()
            .flatten()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = max / f32::from(i16::MAX);
        let mut order: Vec<usize> = (0..self.rows.keys.len()).collect();
        order.sort_unstable_by_key(|&i| self.rows.keys[i]);
        let mut out = Vec::with_capacity(16 + order.len() * (8 + 2 * LABELS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(order.len() as u32).to_le_bytes());
        for w in self.transitions.iter().flatten() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for i in order {
            out.extend_from_slice(&self.rows.keys[i].to_le_bytes());
            for w in &self.rows.rows[i] {
                let q = (w / scale).round() as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads the file form written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut input = Reader(bytes);
        if input.take(8)? != MAGIC {
            return Err(ModelError::Header);
        }
        let scale = f32::from_le_bytes(input.array()?);
        let count = u32::from_le_bytes(input.array()?) as usize;
        let mut transitions = [[0f32; LABELS]; LABELS + 1];
        for w in transitions.iter_mut().flatten() {
            *w = f32::from_le_bytes(input.array()?);
        }
        let mut rows = HashMap::default();
        rows.reserve(count);
        for _ in 0..count {
            let key = u64::from_le_bytes(input.array()?);
            let mut row = [0f32; LABELS];
            for w in &mut row {
                *w = f32::from(i16::from_le_bytes(input.array()?)) * scale;
            }
            rows.insert(key, row);
        }
        Ok(Model::new(rows, transitions))
    }
}

/// A cursor over the model bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.0.len() < n {
            return Err(ModelError::Truncated);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_row_and_no_other() {
        let rows: HashMap<u64, Row> = (0..1000u64)
            .map(|k| (k * 7919, [k as f32; LABELS]))
            .collect();
        let model = Model::new(rows, [[0f32; LABELS]; LABELS + 1]);
        for k in 0..1000u64 {
            assert_eq!(model.rows.get(k * 7919), Some(&[k as f32; LABELS]));
            assert_eq!(model.rows.get(k * 7919 + 1), None);
        }
        assert_eq!(Model::default().rows.get(0), None);
    }

    #[test]
    fn round_trips_through_bytes() {
        let mut rows = HashMap::default();
        rows.insert(7, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0]);
        let mut transitions = [[0f32; LABELS]; LABELS + 1];
        transitions[LABELS][1] = -1.5;
        let model = Model::new(rows, transitions);
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        let mut scores = [0f32; LABELS];
        back.score(&[7, 8], &mut scores);
        assert!((scores[1] + 2.0).abs() < 1e-3 && (scores[8] - 3.0).abs() < 1e-3);
        assert_eq!(back.transitions[LABELS][1], -1.5);
        assert!(matches!(
            Model::from_bytes(b"nonsense"),
            Err(ModelError::Header)
        ));
        assert!(matches!(
            Model::from_bytes(&model.to_bytes()[..20]),
            Err(ModelError::Truncated)
        ));
    }
}
