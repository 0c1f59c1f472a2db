//! Temporal expressions scored the TempEval-3 way, against TimeML gold.
//!
//! - A predicted expression matches a gold one **relaxed** when their spans overlap and
//!   **strictly** when the spans are equal; each is matched at most once (a gold expression
//!   takes the free prediction overlapping it most).
//! - Span precision, recall and F1, strict and relaxed.
//! - **Value accuracy** over relaxed matches, and value F1 = relaxed F1 × value accuracy,
//!   as TempEval-3's scorer computes attribute F1.
//! - Per type (date, time, duration, set), gold and predictions of that type only.

use std::fmt;

use super::scores::write_tally;
use crate::model::DateKind;

/// Every kind, in table order.
const KINDS: [DateKind; 4] = [
    DateKind::Date,
    DateKind::Time,
    DateKind::Duration,
    DateKind::Set,
];

/// A temporal expression, gold or predicted: character span, type and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expression<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: DateKind,
    pub value: Option<&'a str>,
}

impl Expression<'_> {
    fn overlap(&self, other: &Expression) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// Counts behind the scores of one set of expressions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimexCounts {
    pub gold: usize,
    pub predicted: usize,
    pub strict: usize,
    pub relaxed: usize,
    /// Relaxed matches whose value equals the gold value.
    pub values: usize,
}

impl TimexCounts {
    fn add(&mut self, other: TimexCounts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.values += other.values;
    }

    /// Precision, recall and F1 of `matched` spans.
    fn prf(&self, matched: usize) -> (f64, f64, f64) {
        let p = ratio(matched, self.predicted);
        let r = ratio(matched, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Value accuracy over relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.values, self.relaxed)
    }

    /// Relaxed span F1 times value accuracy.
    pub fn value_f1(&self) -> f64 {
        self.prf(self.relaxed).2 * self.value_accuracy()
    }

    /// Relaxed span precision and recall.
    pub fn relaxed(&self) -> (f64, f64) {
        let (p, r, _) = self.prf(self.relaxed);
        (p, r)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// What went wrong with one expression, for reading the errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// A gold expression no prediction overlaps.
    Missed { at: usize },
    /// A prediction that overlaps no gold expression.
    Spurious { at: usize },
    /// A relaxed match with another span, kind or value: gold and predicted.
    Differs { gold: usize, predicted: usize },
}

/// Scores over a set of documents: all expressions and each type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimexScores {
    pub documents: usize,
    pub all: TimexCounts,
    pub by_kind: [TimexCounts; 4],
    /// Documents that could not be read, each as "file: reason".
    pub failures: Vec<String>,
}

impl TimexScores {
    /// Adds one document's gold and predicted expressions; returns what went wrong in it
    /// (over all types), in gold order, then the spurious predictions.
    pub fn add_document(&mut self, gold: &[Expression], predicted: &[Expression]) -> Vec<Miss> {
        self.documents += 1;
        let (counts, misses) = compare(gold, predicted);
        self.all.add(counts);
        for (slot, kind) in self.by_kind.iter_mut().zip(KINDS) {
            let of_kind = |list: &[Expression<'_>]| -> Vec<usize> {
                (0..list.len()).filter(|&i| list[i].kind == kind).collect()
            };
            let gold_of: Vec<Expression> = of_kind(gold).into_iter().map(|i| gold[i]).collect();
            let predicted_of: Vec<Expression> = of_kind(predicted)
                .into_iter()
                .map(|i| predicted[i])
                .collect();
            slot.add(compare(&gold_of, &predicted_of).0);
        }
        misses
    }
}

/// Matches `predicted` to `gold` and counts; the misses index the two lists.
fn compare(gold: &[Expression], predicted: &[Expression]) -> (TimexCounts, Vec<Miss>) {
    let mut counts = TimexCounts {
        gold: gold.len(),
        predicted: predicted.len(),
        ..TimexCounts::default()
    };
    let mut misses = Vec::new();
    let mut taken = vec![false; predicted.len()];
    for (g, expected) in gold.iter().enumerate() {
        let best = (0..predicted.len())
            .filter(|&p| !taken[p] && expected.overlap(&predicted[p]) > 0)
            .max_by_key(|&p| (expected.overlap(&predicted[p]), usize::MAX - p));
        let Some(p) = best else {
            misses.push(Miss::Missed { at: g });
            continue;
        };
        taken[p] = true;
        let found = &predicted[p];
        let same_span = (found.start, found.end) == (expected.start, expected.end);
        counts.relaxed += 1;
        counts.strict += usize::from(same_span);
        counts.values += usize::from(found.value == expected.value);
        if !same_span || found.value != expected.value || found.kind != expected.kind {
            misses.push(Miss::Differs {
                gold: g,
                predicted: p,
            });
        }
    }
    misses.extend(
        (0..predicted.len())
            .filter(|&p| !taken[p])
            .map(|at| Miss::Spurious { at }),
    );
    (counts, misses)
}

impl fmt::Display for TimexScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<9}{:>6}{:>6}  {:>6}{:>6}{:>6}  {:>6}{:>6}{:>6}  {:>6}{:>6}",
            "type",
            "gold",
            "found",
            "str P",
            "str R",
            "str F",
            "rel P",
            "rel R",
            "rel F",
            "val A",
            "val F"
        )?;
        let rows = std::iter::once(("all", self.all))
            .chain(KINDS.iter().map(|k| k.as_str()).zip(self.by_kind));
        for (name, c) in rows {
            let (sp, sr, sf) = c.prf(c.strict);
            let (rp, rr, rf) = c.prf(c.relaxed);
            let pct = |x: f64| 100.0 * x;
            writeln!(
                f,
                "{name:<9}{:>6}{:>6}  {:>6.1}{:>6.1}{:>6.1}  {:>6.1}{:>6.1}{:>6.1}  {:>6.1}{:>6.1}",
                c.gold,
                c.predicted,
                pct(sp),
                pct(sr),
                pct(sf),
                pct(rp),
                pct(rr),
                pct(rf),
                pct(c.value_accuracy()),
                pct(c.value_f1())
            )?;
        }
        write_tally(
            f,
            "documents",
            self.documents,
            "failed to read",
            &self.failures,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(start: usize, end: usize, kind: DateKind, value: &str) -> Expression<'_> {
        Expression {
            start,
            end,
            kind,
            value: Some(value),
        }
    }

    #[test]
    fn strict_relaxed_and_value_counts() {
        let gold = [
            expr(0, 6, DateKind::Date, "1998-01-12"),
            expr(10, 19, DateKind::Duration, "P2Y"),
            expr(30, 35, DateKind::Date, "1998"),
        ];
        let predicted = [
            expr(0, 6, DateKind::Date, "1998-01-12"),
            expr(14, 19, DateKind::Duration, "P1Y"),
            expr(40, 45, DateKind::Date, "1997"),
        ];
        let mut scores = TimexScores::default();
        let misses = scores.add_document(&gold, &predicted);
        let all = scores.all;
        assert_eq!((all.gold, all.predicted), (3, 3));
        assert_eq!((all.strict, all.relaxed, all.values), (1, 2, 1));
        assert!((all.value_f1() - 2.0 / 3.0 * 0.5).abs() < 1e-9);
        assert_eq!(
            misses,
            vec![
                Miss::Differs {
                    gold: 1,
                    predicted: 1
                },
                Miss::Missed { at: 2 },
                Miss::Spurious { at: 2 },
            ]
        );
        let dates = scores.by_kind[0];
        assert_eq!((dates.gold, dates.predicted, dates.values), (2, 2, 1));
        assert_eq!(scores.by_kind[2].relaxed, 1);
    }

    #[test]
    fn a_prediction_matches_one_gold_expression_only() {
        let gold = [
            expr(0, 6, DateKind::Date, "1998-01-12"),
            expr(7, 12, DateKind::Time, "1998-01-12TMO"),
        ];
        let predicted = [expr(0, 12, DateKind::Date, "1998-01-12")];
        let mut scores = TimexScores::default();
        scores.add_document(&gold, &predicted);
        assert_eq!((scores.all.relaxed, scores.all.values), (1, 1));
        assert_eq!(scores.all.relaxed().1, 0.5);
    }
}
