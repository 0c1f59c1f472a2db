//! The learned weights: one row of label scores per feature hash, and label transition
//! scores; read from and written to a small binary file (`assets/models/names.bin`).

use foldhash::HashMap;

use super::labels::LABELS;

/// Scores of each label.
pub type Row = [f32; LABELS];

/// The weights of a trained tagger.
#[derive(Debug, Clone, Default)]
pub struct Model {
    rows: HashMap<u64, Row>,
    /// `transitions[from][to]`; `from == LABELS` is the start of a stretch.
    pub transitions: [[f32; LABELS]; LABELS + 1],
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
        Model { rows, transitions }
    }

    /// Adds the rows of `features` to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut Row) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The number of feature rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the model has no feature rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The file form: header, transitions as f32, then each row as its key and
    /// label weights quantised to i16 against one scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .rows
            .values()
            .flatten()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = max / f32::from(i16::MAX);
        let mut keys: Vec<&u64> = self.rows.keys().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(16 + keys.len() * (8 + 2 * LABELS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for w in self.transitions.iter().flatten() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for key in keys {
            out.extend_from_slice(&key.to_le_bytes());
            for w in &self.rows[key] {
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
        Ok(Model { rows, transitions })
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
