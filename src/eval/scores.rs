//! The quality figures of one evaluation run and their table.

use std::fmt;

/// `hits` out of `total`; the score of a metric, kept as counts so runs add up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub hits: usize,
    pub total: usize,
}

impl Ratio {
    /// `hits / total`, or `None` when there was nothing to count.
    pub fn value(self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }

    /// Counts one item, a hit or not.
    pub fn record(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }

    fn add(&mut self, other: Ratio) {
        self.hits += other.hits;
        self.total += other.total;
    }
}

/// Counts gathered over scored stories (micro-averaged: counts are summed, then divided).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Stories in the gold set, including those that failed to import.
    pub stories: usize,
    /// "file: reason" for each story that could not be imported; its gold counts as missed.
    pub failures: Vec<String>,
    /// Predicted (canonical name, kind) pairs that are in the story's gold.
    pub entities_found: usize,
    /// Predicted (canonical name, kind) pairs that are not in the story's gold.
    pub entities_spurious: usize,
    /// Gold (canonical name, kind) pairs that were not predicted.
    pub entities_missed: usize,
    /// Gold direct and partial quotes with a speaker: matched with the same speaker.
    pub speakers: Ratio,
    /// Gold reported-speech clauses: matched by a predicted quote.
    pub reported: Ratio,
    /// Gold dates and durations: matched with an equal value (null equals null).
    pub dates: Ratio,
}

impl Scores {
    /// Found entities among predicted ones.
    pub fn entity_precision(&self) -> Ratio {
        Ratio {
            hits: self.entities_found,
            total: self.entities_found + self.entities_spurious,
        }
    }

    /// Found entities among gold ones.
    pub fn entity_recall(&self) -> Ratio {
        Ratio {
            hits: self.entities_found,
            total: self.entities_found + self.entities_missed,
        }
    }

    /// F1 = 2·found / (2·found + spurious + missed), the harmonic mean of precision and recall.
    pub fn entity_f1(&self) -> Ratio {
        Ratio {
            hits: 2 * self.entities_found,
            total: 2 * self.entities_found + self.entities_spurious + self.entities_missed,
        }
    }

    /// Every metric with its name, in table order.
    pub fn metrics(&self) -> [(&'static str, Ratio); 6] {
        [
            ("entity precision", self.entity_precision()),
            ("entity recall", self.entity_recall()),
            ("entity F1", self.entity_f1()),
            ("quote speaker accuracy", self.speakers),
            ("reported-speech recall", self.reported),
            ("date value accuracy", self.dates),
        ]
    }

    /// Adds another run's counts to these.
    pub fn add(&mut self, other: Scores) {
        self.stories += other.stories;
        self.failures.extend(other.failures);
        self.entities_found += other.entities_found;
        self.entities_spurious += other.entities_spurious;
        self.entities_missed += other.entities_missed;
        self.speakers.add(other.speakers);
        self.reported.add(other.reported);
        self.dates.add(other.dates);
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<24} {:>6}  {:>11}", "metric", "score", "hits/total")?;
        for (name, ratio) in self.metrics() {
            let score = ratio.value().map_or("-".to_string(), |v| format!("{v:.3}"));
            let counts = format!("{}/{}", ratio.hits, ratio.total);
            writeln!(f, "{name:<24} {score:>6}  {counts:>11}")?;
        }
        write_tally(
            f,
            "stories",
            self.stories,
            "failed to import",
            &self.failures,
        )
    }
}

/// The closing lines of a score table: "stories: 23, failed to import: 1", then each
/// failure on its own indented line.
pub(super) fn write_tally(
    f: &mut fmt::Formatter<'_>,
    items: &str,
    count: usize,
    failed: &str,
    failures: &[String],
) -> fmt::Result {
    write!(f, "{items}: {count}, {failed}: {}", failures.len())?;
    for failure in failures {
        write!(f, "\n  {failure}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{Ratio, Scores};

    #[test]
    fn f1_is_the_harmonic_mean_of_precision_and_recall() {
        let scores = Scores {
            entities_found: 6,
            entities_spurious: 2,
            entities_missed: 4,
            ..Scores::default()
        };
        let precision = scores.entity_precision().value().unwrap();
        let recall = scores.entity_recall().value().unwrap();
        let f1 = scores.entity_f1().value().unwrap();
        assert!((f1 - 2.0 * precision * recall / (precision + recall)).abs() < 1e-12);
    }

    #[test]
    fn the_table_shows_scores_and_counts() {
        let scores = Scores {
            stories: 2,
            dates: Ratio { hits: 3, total: 4 },
            failures: vec!["a.txt: file is empty".to_string()],
            ..Scores::default()
        };
        let table = scores.to_string();
        assert!(table.contains("date value accuracy       0.750          3/4"));
        assert!(table.contains("entity precision              -          0/0"));
        assert!(table.ends_with("stories: 2, failed to import: 1\n  a.txt: file is empty"));
    }
}
