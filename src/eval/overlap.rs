//! How much two annotated texts have in common, independent of offsets, quote marks,
//! punctuation, case and whitespace (gold and prediction may come from differently
//! cleaned bodies).

/// The longest run of consecutive words the two texts share, as a fraction of the
/// shorter text's word count: 1.0 when one text contains the other, 0.0 when they share
/// nothing or either has no words. A word is a maximal run of alphanumeric characters,
/// compared case-insensitively.
pub fn word_overlap(a: &str, b: &str) -> f64 {
    let a = words(a);
    let b = words(b);
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    longest_common_run(&a, &b) as f64 / shorter as f64
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Length of the longest common contiguous subsequence (dynamic programming, one row).
fn longest_common_run(a: &[String], b: &[String]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    let mut best = 0;
    for word_a in a {
        for (j, word_b) in b.iter().enumerate() {
            current[j + 1] = if word_a == word_b { previous[j] + 1 } else { 0 };
            best = best.max(current[j + 1]);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::word_overlap;

    #[test]
    fn containment_is_full_overlap() {
        assert_eq!(word_overlap("August 21", "August 21, 2022"), 1.0);
        assert_eq!(word_overlap("“We will act.”", "we will act"), 1.0);
    }

    #[test]
    fn overlap_counts_the_longest_shared_run() {
        // Shared run "the talks" (2 words) out of the shorter text's 4 words.
        assert_eq!(
            word_overlap("the talks were useful", "after the talks ended badly"),
            0.5
        );
    }

    #[test]
    fn texts_without_words_never_overlap() {
        assert_eq!(word_overlap("", "anything"), 0.0);
        assert_eq!(word_overlap("“…”", "…"), 0.0);
        assert_eq!(word_overlap("Monday", "Tuesday"), 0.0);
    }
}
