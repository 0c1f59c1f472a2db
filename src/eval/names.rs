//! Name scores the CoNLL way: mention level, per type, exact span and overlapping span
//! precision, recall and F1. Other names (MISC) are left out of both sides.

use std::fmt;

use crate::analyze::tagger::NameType;
use crate::analyze::tagger::train::Example;
use crate::text::Span;

/// Counts of one type (or of all), for exact or overlapping matches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub found: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1 (zero where undefined).
    pub fn prf(self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.found, self.predicted);
        let r = ratio(self.found, self.gold);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn add(&mut self, other: Counts) {
        self.found += other.found;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// The three scored types.
const SCORED: [NameType; 3] = [NameType::Person, NameType::Location, NameType::Organization];

/// Exact and overlap counts per scored type, summed over stories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameScores {
    pub stories: usize,
    pub exact: [Counts; 3],
    pub overlap: [Counts; 3],
}

impl NameScores {
    /// Adds one story: its gold names and the predicted ones.
    pub fn add_story(&mut self, gold: &[(Span, NameType)], predicted: &[(Span, NameType)]) {
        self.stories += 1;
        for (t, kind) in SCORED.into_iter().enumerate() {
            let gold: Vec<Span> = of_type(gold, kind);
            let predicted: Vec<Span> = of_type(predicted, kind);
            let exact = predicted.iter().filter(|p| gold.contains(p)).count();
            self.exact[t].add(Counts {
                found: exact,
                predicted: predicted.len(),
                gold: gold.len(),
            });
            // Overlap: each gold name matched at most once.
            let mut used = vec![false; gold.len()];
            let mut found = 0;
            for p in &predicted {
                if let Some(g) = (0..gold.len()).find(|&g| !used[g] && gold[g].overlaps(p)) {
                    used[g] = true;
                    found += 1;
                }
            }
            self.overlap[t].add(Counts {
                found,
                predicted: predicted.len(),
                gold: gold.len(),
            });
        }
    }

    /// Exact counts over all scored types.
    pub fn exact_all(&self) -> Counts {
        sum(&self.exact)
    }
}

/// One line per name that is only in the gold ("missed") or only predicted
/// ("spurious"), with its type and text, MISC left out.
pub fn differences(story: &Example, predicted: &[(Span, NameType)]) -> String {
    let mut out = String::new();
    let scored = |k: &NameType| SCORED.contains(k);
    for (side, these, those) in [
        ("missed", story.names.as_slice(), predicted),
        ("spurious", predicted, story.names.as_slice()),
    ] {
        for (span, kind) in these.iter().filter(|(_, k)| scored(k)) {
            if !those.contains(&(*span, *kind)) {
                let context = &story.text[span.start..span.end];
                out.push_str(&format!("{side}\t{}\t{context}\n", kind.conll()));
            }
        }
    }
    out
}

fn sum(counts: &[Counts; 3]) -> Counts {
    let mut all = Counts::default();
    counts.iter().for_each(|c| all.add(*c));
    all
}

fn of_type(names: &[(Span, NameType)], kind: NameType) -> Vec<Span> {
    names
        .iter()
        .filter(|(_, k)| *k == kind)
        .map(|(s, _)| *s)
        .collect()
}

impl fmt::Display for NameScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "stories  {}", self.stories)?;
        writeln!(
            f,
            "type   exact P   R     F1    | overlap P   R     F1    | gold"
        )?;
        let rows = SCORED
            .iter()
            .map(|k| k.conll())
            .zip(self.exact.iter().zip(&self.overlap))
            .map(|(name, (e, o))| (name, *e, *o))
            .chain([("all", self.exact_all(), sum(&self.overlap))]);
        for (name, exact, overlap) in rows {
            let (ep, er, ef) = exact.prf();
            let (op, or, of) = overlap.prf();
            writeln!(
                f,
                "{name:<6} {ep:.3} {er:.3} {ef:.3} | {op:.3} {or:.3} {of:.3} | {}",
                exact.gold
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[test]
    fn exact_and_overlap_per_type() {
        let mut scores = NameScores::default();
        let gold = [
            (span(0, 5), NameType::Person),
            (span(10, 20), NameType::Organization),
            (span(30, 35), NameType::Misc),
        ];
        let predicted = [
            (span(0, 5), NameType::Person),
            (span(10, 15), NameType::Organization),
            (span(40, 45), NameType::Location),
            (span(30, 35), NameType::Misc),
        ];
        scores.add_story(&gold, &predicted);
        assert_eq!(
            scores.exact_all(),
            Counts {
                found: 1,
                predicted: 3,
                gold: 2
            }
        );
        assert_eq!(
            sum(&scores.overlap),
            Counts {
                found: 2,
                predicted: 3,
                gold: 2
            }
        );
        let (p, r, f) = scores.exact_all().prf();
        assert!((p - 1.0 / 3.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.4).abs() < 1e-9);
    }
}
