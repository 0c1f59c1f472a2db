//! The best label sequence of a stretch of tokens under the model's label and
//! transition scores, keeping to the allowed transitions.

use super::labels::{LABELS, allowed};
use super::model::Row;

/// `ALLOWED[from][to]`: [`allowed`] as a table, looked up in the inner loop.
const ALLOWED: [[bool; LABELS]; LABELS + 1] = {
    let mut table = [[false; LABELS]; LABELS + 1];
    let mut from = 0;
    while from <= LABELS {
        let mut to = 0;
        while to < LABELS {
            table[from][to] = allowed(from, to);
            to += 1;
        }
        from += 1;
    }
    table
};

/// The best-scoring labels for `emissions` (one row per token).
pub fn best_path(emissions: &[Row], transitions: &[[f32; LABELS]; LABELS + 1]) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = [f32::NEG_INFINITY; LABELS];
    for (to, s) in score.iter_mut().enumerate() {
        if ALLOWED[LABELS][to] {
            *s = transitions[LABELS][to] + emissions[0][to];
        }
    }
    let mut back = vec![[0u8; LABELS]; n];
    for t in 1..n {
        let mut next = [f32::NEG_INFINITY; LABELS];
        for (to, slot) in next.iter_mut().enumerate() {
            for from in 0..LABELS {
                if !ALLOWED[from][to] {
                    continue;
                }
                let s = score[from] + transitions[from][to];
                if s > *slot {
                    *slot = s;
                    back[t][to] = from as u8;
                }
            }
            *slot += emissions[t][to];
        }
        score = next;
    }
    let mut label = (0..LABELS)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(0);
    let mut path = vec![0; n];
    for t in (0..n).rev() {
        path[t] = label;
        label = usize::from(back[t][label]);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tagger::labels::{NameType, OUTSIDE, begin, inside};

    #[test]
    fn follows_emissions_within_allowed_transitions() {
        let transitions = [[0f32; LABELS]; LABELS + 1];
        let mut first = [0f32; LABELS];
        // Inside-person scores best on the first token, but a stretch cannot start inside.
        first[inside(NameType::Person)] = 5.0;
        first[begin(NameType::Person)] = 4.0;
        let mut second = [0f32; LABELS];
        second[inside(NameType::Person)] = 1.0;
        let mut third = [0f32; LABELS];
        third[OUTSIDE] = 1.0;
        assert_eq!(
            best_path(&[first, second, third], &transitions),
            [begin(NameType::Person), inside(NameType::Person), OUTSIDE]
        );
    }
}
