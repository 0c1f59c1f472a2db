//! How a fuzzy pattern matches a text: word by word, each pattern word inside one word of
//! the text from that word's first letter, its letters in order ("sumt" matches
//! "summit"; "grain" does not match "Gibran"). Used by the fuzzy index (`fuzzy.rs`).

use std::collections::HashSet;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// The lowercase alphanumeric words of a pattern.
pub(super) fn pattern_words(pattern: &str) -> Vec<String> {
    pattern
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// How tightly `words` match `text` (both lowercase): 2 when each begins a word of the
/// text, 1 when some is only scattered through a word starting with its first letter,
/// `None` when some matches no word.
pub(super) fn tightness(text: &str, words: &[String]) -> Option<u8> {
    let mut least = 2;
    for word in words {
        let best = if text.is_ascii() && word.is_ascii() {
            ascii_tightness(text.as_bytes(), word.as_bytes())
        } else {
            text.split(|c: char| !c.is_alphanumeric())
                .filter_map(|candidate| word_tightness(candidate, word))
                .max()
        };
        least = least.min(best?);
    }
    Some(least)
}

/// [`tightness`] of one word in ASCII text, reaching word starts through `memchr`.
fn ascii_tightness(text: &[u8], word: &[u8]) -> Option<u8> {
    let (&first, rest) = word.split_first()?;
    let mut best = None;
    let mut from = 0;
    while let Some(found) = memchr::memchr(first, &text[from..]) {
        let at = from + found;
        from = at + 1;
        if at > 0 && text[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let end = text[at..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(text.len(), |length| at + length);
        let candidate = &text[at + 1..end];
        if candidate.starts_with(rest) {
            return Some(2);
        }
        let mut letters = rest.iter().peekable();
        for b in candidate {
            letters.next_if(|&l| l == b);
        }
        if letters.peek().is_none() {
            best = Some(1);
        }
    }
    best
}

/// 2 when `word` begins `candidate`, 1 when its letters appear in order in `candidate`
/// starting with the first, else `None`.
fn word_tightness(candidate: &str, word: &str) -> Option<u8> {
    if candidate.starts_with(word) {
        return Some(2);
    }
    let mut letters = word.chars();
    let first = letters.next()?;
    let mut rest = candidate.chars();
    if rest.next() != Some(first) {
        return None;
    }
    let mut letters = letters.peekable();
    for c in rest {
        if letters.peek() == Some(&c) {
            letters.next();
        }
    }
    letters.peek().is_none().then_some(1)
}

/// Character ranges of `words` in `text`, each placed by skim inside the tightest word of
/// the text it matches, merged in order; and the sum of skim's scores.
pub(super) fn place(text: &str, words: &[String]) -> (Vec<(usize, usize)>, i64) {
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut indices: HashSet<usize> = HashSet::new();
    let mut score = 0;
    for word in words {
        let mut best: Option<(u8, usize, &str)> = None;
        let mut offset = 0;
        for candidate in text.split(|c: char| !c.is_alphanumeric()) {
            let tightness = word_tightness(&candidate.to_lowercase(), word);
            if let Some(t) = tightness
                && best.is_none_or(|(b, _, _)| t > b)
            {
                best = Some((t, offset, candidate));
            }
            offset += candidate.chars().count() + 1;
        }
        let Some((_, start, candidate)) = best else {
            continue;
        };
        // skim folds ASCII case only: it is given the word lowercased, unless that
        // changes its length in characters (and so the places of the highlights).
        let lowercase = candidate.to_lowercase();
        let same_length = lowercase.chars().count() == candidate.chars().count();
        let candidate = if same_length {
            lowercase.as_str()
        } else {
            candidate
        };
        if let Some((word_score, found)) = matcher.fuzzy_indices(candidate, word) {
            score += word_score;
            indices.extend(found.into_iter().map(|i| start + i));
        }
    }
    let mut sorted: Vec<usize> = indices.into_iter().collect();
    sorted.sort_unstable();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for i in sorted {
        match ranges.last_mut() {
            Some((_, end)) if *end == i => *end = i + 1,
            _ => ranges.push((i, i + 1)),
        }
    }
    (ranges, score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(pattern: &str) -> Vec<String> {
        pattern_words(pattern)
    }

    #[test]
    fn each_word_must_match_inside_one_word_from_its_start() {
        assert_eq!(tightness("nato summit opens", &words("nato sumt")), Some(1));
        assert_eq!(tightness("nato summit opens", &words("NATO sum")), Some(2));
        assert_eq!(tightness("gibran rakabuming", &words("grain")), None);
        assert_eq!(tightness("migrants", &words("grain")), None);
        assert_eq!(tightness("grain deal", &words("deal grain")), Some(2));
    }

    #[test]
    fn highlights_fall_inside_the_matched_words() {
        let (ranges, score) = place("NATO [summit] opens", &words("nato sumt"));
        assert_eq!(ranges, [(0, 4), (6, 9), (11, 12)]);
        assert!(score > 0);
        let (ranges, _) = place("Zoë Ångström", &words("ång"));
        assert_eq!(ranges, [(4, 7)]);
    }
}
