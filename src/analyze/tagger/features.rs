//! Token features of the name tagger, each a stable 64-bit hash of a template and its
//! value: the word and its lower-case form, shape, affixes, neighbouring words and
//! punctuation, the clause start, all-capital lines, gazetteer membership, and how the
//! same word is written elsewhere in the story.

use std::ops::Range;

use foldhash::HashSet;

use super::cue_words::{is_organisation_word, is_title};
use super::listed::{Listed, Mark};
use super::tokens::Token;
use crate::text::words::{is_capitalised, lowercase};

/// How a story writes its words: which appear in lower case, and which capitalised
/// away from a clause start. A capitalised word that the story also writes in lower
/// case is rarely a name.
pub struct StoryCase<'a> {
    lower: HashSet<&'a str>,
    capitalised: HashSet<String>,
}

impl<'a> StoryCase<'a> {
    /// True when the story writes `lower`, the lower-case form of a capitalised word of
    /// the story, in lower case somewhere.
    pub fn written_lower(&self, lower: &str) -> bool {
        self.lower.contains(lower)
    }

    /// Collects the case evidence of `tokens`. Only the words that are asked about, the
    /// lower-case forms of capitalised tokens, are looked for in lower case.
    pub fn of(text: &'a str, tokens: &[Token]) -> Self {
        let mut asked = HashSet::default();
        let mut capitalised = HashSet::default();
        for token in tokens {
            let word = &text[token.span.start..token.span.end];
            if !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let lower = lowercase(word);
            if !token.starts_clause && !is_all_caps(word) {
                capitalised.insert(lower.clone());
            }
            asked.insert(lower);
        }
        let lower = tokens
            .iter()
            .map(|token| &text[token.span.start..token.span.end])
            .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
            .filter(|word| asked.contains(*word))
            .collect();
        StoryCase { lower, capitalised }
    }
}

/// The words of one stretch of tokens, prepared once for the features.
pub struct Prepared<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: Vec<String>,
    shapes: Vec<String>,
    marks: &'a [Mark],
    caps_line: Vec<bool>,
}

/// Marker for "no word here" (before the first or after the last token of a clause).
const EDGE: &str = "<edge>";

impl<'a> Prepared<'a> {
    /// Prepares `tokens` of `text` with their gazetteer `marks` (one per token).
    /// Only tokens of `stretches` and their two neighbours on each side, which the
    /// features of a stretch look at, are prepared.
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        marks: &'a [Mark],
        stretches: &[Range<usize>],
    ) -> Self {
        let empty = || {
            std::iter::repeat_with(String::new)
                .take(tokens.len())
                .collect()
        };
        let mut lower: Vec<String> = empty();
        let mut shapes: Vec<String> = empty();
        for stretch in stretches {
            let from = stretch.start.saturating_sub(2);
            let to = (stretch.end + 2).min(tokens.len());
            for k in from..to {
                if shapes[k].is_empty() {
                    let word = &text[tokens[k].span.start..tokens[k].span.end];
                    lower[k] = lowercase(word);
                    shapes[k] = shape(word);
                }
            }
        }
        Prepared {
            text,
            tokens,
            lower,
            shapes,
            marks,
            caps_line: caps_lines(text, tokens),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        let span = self.tokens[i].span;
        &self.text[span.start..span.end]
    }

    /// The lower-case word at `i + offset` inside the clause of `i`, else [`EDGE`].
    fn lower_at(&self, i: usize, offset: isize) -> &str {
        self.neighbour(i, offset).map_or(EDGE, |j| &self.lower[j])
    }

    fn shape_at(&self, i: usize, offset: isize) -> &str {
        self.neighbour(i, offset)
            .map_or(EDGE, |j| short_shape(&self.shapes[j]))
    }

    /// The token `offset` away from `i`, if no clause start lies between them.
    fn neighbour(&self, i: usize, offset: isize) -> Option<usize> {
        let j = i
            .checked_add_signed(offset)
            .filter(|&j| j < self.tokens.len())?;
        let (from, to) = if j < i { (j + 1, i) } else { (i + 1, j) };
        (from..=to)
            .all(|k| !self.tokens[k].starts_clause)
            .then_some(j)
    }

    /// True when the run of capitalised tokens holding token `i` (joined by at most one
    /// small word, "Bank of England") holds an organisation word.
    fn run_ends_in_organisation_word(&self, i: usize) -> bool {
        let capital = |k: usize| is_capitalised(self.word(k));
        if !capital(i) {
            return false;
        }
        let mut k = i;
        while k < self.tokens.len() {
            if is_organisation_word(self.word(k)) {
                return true;
            }
            let next = k + 1;
            if next < self.tokens.len() && !self.tokens[next].starts_clause && capital(next) {
                k = next;
            } else {
                return false;
            }
        }
        false
    }

    /// The punctuation between token `i - 1` and token `i` (white space left out).
    fn gap_before(&self, i: usize) -> &'a str {
        let end = self.tokens[i].span.start;
        let start = if i == 0 {
            0
        } else {
            self.tokens[i - 1].span.end
        };
        let gap = self.text[start..end].trim();
        let cut = gap.char_indices().nth(3).map_or(gap.len(), |(k, _)| k);
        &gap[..cut]
    }

    /// Appends the feature hashes of token `i` to `out`.
    pub fn features(&self, i: usize, case: &StoryCase, out: &mut Vec<u64>) {
        let word = self.word(i);
        let lower = self.lower[i].as_str();
        let long = self.shapes[i].as_str();
        let short = short_shape(long);
        let start = self.tokens[i].starts_clause;
        let caps = self.caps_line[i];
        let mut add = |template: u8, parts: &[&str]| out.push(hash(template, parts));
        add(0, &[]);
        add(1, &[word]);
        add(2, &[lower]);
        add(3, &[long]);
        add(4, &[short]);
        for (template, n) in [(5, 2), (6, 3)] {
            add(template, &[prefix(lower, n)]);
        }
        for (template, n) in [(7, 2), (8, 3), (9, 4)] {
            add(template, &[suffix(lower, n)]);
        }
        let previous = self.lower_at(i, -1);
        let next = self.lower_at(i, 1);
        add(10, &[previous]);
        add(11, &[next]);
        add(12, &[self.lower_at(i, -2)]);
        add(13, &[self.lower_at(i, 2)]);
        add(14, &[self.shape_at(i, -1)]);
        add(15, &[self.shape_at(i, 1)]);
        add(16, &[previous, short]);
        add(17, &[short, next]);
        add(18, &[previous, lower]);
        add(19, &[lower, next]);
        add(20, &[flag(start), short]);
        add(21, &[flag(caps), short]);
        if caps {
            add(22, &[lower]);
        }
        add(23, &[self.gap_before(i)]);
        if i + 1 < self.tokens.len() {
            add(24, &[self.gap_before(i + 1)]);
        }
        add(25, &[mark_name(self.marks[i])]);
        add(
            26,
            &[mark_name(self.neighbour(i, -1).and_then(|j| self.marks[j]))],
        );
        add(
            27,
            &[mark_name(self.neighbour(i, 1).and_then(|j| self.marks[j]))],
        );
        add(28, &[mark_name(self.marks[i]), short]);
        add(30, &[flag(self.run_ends_in_organisation_word(i))]);
        if let Some(previous) = self.neighbour(i, -1) {
            add(31, &[flag(is_title(self.word(previous))), short]);
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            let seen_lower = case.lower.contains(lower);
            let seen_capitalised = case.capitalised.contains(lower);
            add(
                29,
                &[
                    flag(seen_lower),
                    flag(seen_capitalised),
                    flag(start || caps),
                ],
            );
        }
    }
}

/// A stable FNV-1a hash of a feature template and its parts.
fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    for part in parts {
        part.bytes().for_each(&mut eat);
        eat(0xff);
    }
    h
}

fn flag(b: bool) -> &'static str {
    if b { "1" } else { "0" }
}

fn mark_name(mark: Mark) -> &'static str {
    match mark {
        None => "-",
        Some((Listed::Person, true)) => "B-per",
        Some((Listed::Person, false)) => "I-per",
        Some((Listed::Country, true)) => "B-cty",
        Some((Listed::Country, false)) => "I-cty",
        Some((Listed::Place, true)) => "B-plc",
        Some((Listed::Place, false)) => "I-plc",
        Some((Listed::Organization, true)) => "B-org",
        Some((Listed::Organization, false)) => "I-org",
        Some((Listed::Modifier, true)) => "B-mod",
        Some((Listed::Modifier, false)) => "I-mod",
    }
}

/// The first `n` characters of `word`.
fn prefix(word: &str, n: usize) -> &str {
    let end = word.char_indices().nth(n).map_or(word.len(), |(k, _)| k);
    &word[..end]
}

/// The last `n` characters of `word`.
fn suffix(word: &str, n: usize) -> &str {
    let start = word.char_indices().rev().nth(n - 1).map_or(0, |(k, _)| k);
    &word[start..]
}

/// A word's shape: X for a capital, x for a small letter, d for a digit, other
/// characters as they are; at most 12 characters.
fn shape(word: &str) -> String {
    if word.is_ascii() {
        let shape = word.bytes().take(12).map(|b| match b {
            b'A'..=b'Z' => 'X',
            b'a'..=b'z' => 'x',
            b'0'..=b'9' => 'd',
            _ => char::from(b),
        });
        return shape.collect();
    }
    let mut out = String::with_capacity(word.len().min(12));
    out.extend(word.chars().take(12).map(|c| {
        if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        }
    }));
    out
}

/// A shape with runs of one class collapsed ("Xxxxx" → "Xx"): borrowed from a static
/// table for the common shapes, else the long shape itself.
fn short_shape(long: &str) -> &str {
    match long.as_bytes() {
        [b'X'] => "X",
        [b'x', rest @ ..] if rest.iter().all(|&b| b == b'x') => "x",
        [b'X', rest @ ..] if !rest.is_empty() && rest.iter().all(|&b| b == b'x') => "Xx",
        [b'X', rest @ ..] if rest.iter().all(|&b| b == b'X') => "XX",
        [b'd', rest @ ..] if rest.iter().all(|&b| b == b'd') => "d",
        _ => long,
    }
}

fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// For each token, true when its line is set in capitals or in title case (a headline
/// or dateline): there, capitals say nothing about names.
fn caps_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut from = 0;
    let (mut letters, mut capitals, mut title_case) = (0, 0, 0);
    for (k, token) in tokens.iter().enumerate() {
        let word = &text[token.span.start..token.span.end];
        if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
            letters += 1;
        } else if word.chars().any(char::is_alphabetic) {
            letters += 1;
            capitals += usize::from(!word.chars().any(char::is_lowercase));
            title_case += usize::from(is_capitalised(word));
        }
        let line_ends = tokens
            .get(k + 1)
            .is_none_or(|next| text[token.span.end..next.span.start].contains('\n'));
        if line_ends {
            let line_in_caps = (letters >= 2 && capitals * 4 >= letters * 3)
                || (letters >= 3 && title_case * 4 >= letters * 3);
            out[from..=k].fill(line_in_caps);
            from = k + 1;
            (letters, capitals, title_case) = (0, 0, 0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(shape("McCain-2"), "XxXxxx-d");
        assert_eq!(short_shape(&shape("Obama")), "Xx");
        assert_eq!(short_shape(&shape("NATO")), "XX");
        assert_eq!(prefix("zoë", 3), "zoë");
        assert_eq!(suffix("berlin", 3), "lin");
        assert_eq!(suffix("ab", 4), "ab");
    }

    #[test]
    fn hashes_keep_parts_apart() {
        assert_ne!(hash(1, &["ab", "c"]), hash(1, &["a", "bc"]));
        assert_ne!(hash(1, &["a"]), hash(2, &["a"]));
    }
}
