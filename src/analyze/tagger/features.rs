//! Token features of the name tagger, each a stable 64-bit hash of a template and its
//! value: the word and its lower-case form, shape, affixes, neighbouring words and
//! punctuation, the clause start, all-capital lines, gazetteer membership, and how the
//! same word is written elsewhere in the story.

use std::ops::Range;

use foldhash::HashMap;

use super::cue_words::{is_organisation_word, is_title};
use super::listed::{Listed, Mark};
use super::tokens::Token;

/// The lower-case form of every token, lowered once per story: a token without
/// capitals borrows its own text, the others are kept in one buffer.
pub struct LowerForms<'a> {
    text: &'a str,
    buffer: String,
    /// Per token: the byte range of its form, in `buffer` when the flag is set.
    forms: Vec<(usize, usize, bool)>,
}

impl<'a> LowerForms<'a> {
    /// The lower-case forms of `tokens` of `text`.
    pub fn of(text: &'a str, tokens: &[Token]) -> Self {
        let mut buffer = String::new();
        let forms = tokens
            .iter()
            .map(|token| {
                let word = &text[token.span.start..token.span.end];
                if word.is_ascii() && !token.has_capital {
                    return (token.span.start, token.span.end, false);
                }
                let start = buffer.len();
                if word.is_ascii() {
                    buffer.push_str(word);
                    buffer[start..].make_ascii_lowercase();
                } else {
                    buffer.push_str(&word.to_lowercase());
                }
                (start, buffer.len(), true)
            })
            .collect();
        LowerForms {
            text,
            buffer,
            forms,
        }
    }

    /// The lower-case form of token `k`.
    pub fn get(&self, k: usize) -> &str {
        let (start, end, lowered) = self.forms[k];
        if lowered {
            &self.buffer[start..end]
        } else {
            &self.text[start..end]
        }
    }
}

/// How a story writes its words: which appear in lower case, and which capitalised
/// away from a clause start. A capitalised word that the story also writes in lower
/// case is rarely a name.
pub struct StoryCase<'a> {
    /// The lower-case forms of the story's capitalised words, with how else the story
    /// writes them.
    words: HashMap<&'a str, Seen>,
}

/// How a story writes a capitalised word elsewhere.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    /// In lower case.
    lower: bool,
    /// Capitalised away from a clause start, not in a word of capitals.
    capitalised: bool,
}

impl<'a> StoryCase<'a> {
    /// True when the story writes `lower`, the lower-case form of a capitalised word of
    /// the story, in lower case somewhere.
    pub fn written_lower(&self, lower: &str) -> bool {
        self.seen(lower).lower
    }

    fn seen(&self, lower: &str) -> Seen {
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// Collects the case evidence of `tokens`, with their lower-case `forms`. Only the
    /// words that are asked about, the lower-case forms of capitalised tokens, are
    /// looked for in lower case.
    pub fn of(text: &'a str, tokens: &[Token], forms: &'a LowerForms<'a>) -> Self {
        let mut words: HashMap<&'a str, Seen> = HashMap::default();
        for (k, token) in tokens.iter().enumerate() {
            if !token.capitalised {
                continue;
            }
            let seen = words.entry(forms.get(k)).or_default();
            if !token.starts_clause && !is_all_caps(&text[token.span.start..token.span.end]) {
                seen.capitalised = true;
            }
        }
        if !words.is_empty() {
            let filter = LengthFilter::of(words.keys().copied());
            for token in tokens {
                let word = &text[token.span.start..token.span.end];
                if filter.may_hold(word)
                    && starts_lower(word)
                    && let Some(seen) = words.get_mut(word)
                {
                    seen.lower = true;
                }
            }
        }
        StoryCase { words }
    }
}

/// A quick test in front of a set of words: by first byte (modulo 64), a bit per length
/// (lengths past 31 share bit 31). Most words that are not in the set fail it and are
/// never hashed.
struct LengthFilter([u32; 64]);

impl LengthFilter {
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut bits = [0; 64];
        for word in words {
            if let Some((slot, bit)) = Self::slot(word) {
                bits[slot] |= bit;
            }
        }
        LengthFilter(bits)
    }

    fn slot(word: &str) -> Option<(usize, u32)> {
        let first = word.as_bytes().first()?;
        Some((usize::from(first % 64), 1 << word.len().min(31)))
    }

    /// False when `word` is surely not one of the filter's words.
    fn may_hold(&self, word: &str) -> bool {
        Self::slot(word).is_some_and(|(slot, bit)| self.0[slot] & bit != 0)
    }
}

/// True when `word` starts with a lower-case letter.
fn starts_lower(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => word.chars().next().is_some_and(char::is_lowercase),
    }
}

/// The words of one stretch of tokens, prepared once for the features.
pub struct Prepared<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: &'a LowerForms<'a>,
    /// The long shapes of the prepared tokens, one after another.
    shape_buffer: String,
    /// Per token: the byte range of its long shape in `shape_buffer`, and its short
    /// shape when that is a common one.
    shapes: Vec<(usize, usize, Option<&'static str>)>,
    marks: &'a [Mark],
    caps_line: Vec<bool>,
}

/// Marker for "no word here" (before the first or after the last token of a clause).
const EDGE: &str = "<edge>";

impl<'a> Prepared<'a> {
    /// Prepares `tokens` of `text` with their lower-case `forms` and gazetteer `marks`
    /// (one per token). Only tokens of `stretches` and their two neighbours on each
    /// side, which the features of a stretch look at, are given shapes.
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        forms: &'a LowerForms<'a>,
        marks: &'a [Mark],
        stretches: &[Range<usize>],
    ) -> Self {
        let mut shape_buffer = String::new();
        let mut shapes = vec![(0, 0, None); tokens.len()];
        let mut done = vec![false; tokens.len()];
        for stretch in stretches {
            let from = stretch.start.saturating_sub(2);
            let to = (stretch.end + 2).min(tokens.len());
            for k in from..to {
                if !done[k] {
                    done[k] = true;
                    let start = shape_buffer.len();
                    push_shape(
                        &text[tokens[k].span.start..tokens[k].span.end],
                        &mut shape_buffer,
                    );
                    let short = common_short_shape(&shape_buffer[start..]);
                    shapes[k] = (start, shape_buffer.len(), short);
                }
            }
        }
        Prepared {
            text,
            tokens,
            lower: forms,
            shape_buffer,
            shapes,
            marks,
            caps_line: caps_lines(text, tokens),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        let span = self.tokens[i].span;
        &self.text[span.start..span.end]
    }

    fn long_shape(&self, i: usize) -> &str {
        let (start, end, _) = self.shapes[i];
        &self.shape_buffer[start..end]
    }

    /// The shape with runs of one class collapsed (see [`common_short_shape`]).
    fn short_shape(&self, i: usize) -> &str {
        self.shapes[i].2.unwrap_or_else(|| self.long_shape(i))
    }

    /// The lower-case word at `j`, else [`EDGE`].
    fn lower_or_edge(&self, j: Option<usize>) -> &str {
        j.map_or(EDGE, |j| self.lower.get(j))
    }

    fn shape_or_edge(&self, j: Option<usize>) -> &str {
        j.map_or(EDGE, |j| self.short_shape(j))
    }

    /// The tokens one and two before `i` inside its clause, and one and two after.
    fn neighbours(&self, i: usize) -> [Option<usize>; 4] {
        let open = |k: usize| k < self.tokens.len() && !self.tokens[k].starts_clause;
        let before = (i >= 1 && open(i)).then(|| i - 1);
        let before2 = before.filter(|_| i >= 2 && open(i - 1)).map(|_| i - 2);
        let after = open(i + 1).then_some(i + 1);
        let after2 = after.filter(|_| open(i + 2)).map(|_| i + 2);
        [before, before2, after, after2]
    }

    /// True when the run of capitalised tokens holding token `i` (joined by at most one
    /// small word, "Bank of England") holds an organisation word.
    fn run_ends_in_organisation_word(&self, i: usize) -> bool {
        let capital = |k: usize| self.tokens[k].capitalised;
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
        let gap = &self.text[start..end];
        if gap.bytes().all(|b| b == b' ') {
            return "";
        }
        let gap = gap.trim();
        let cut = gap.char_indices().nth(3).map_or(gap.len(), |(k, _)| k);
        &gap[..cut]
    }

    /// Appends the feature hashes of token `i` to `out`.
    pub fn features(&self, i: usize, case: &StoryCase, out: &mut Vec<u64>) {
        let word = self.word(i);
        let lower = self.lower.get(i);
        let long = self.long_shape(i);
        let short = self.short_shape(i);
        let start = self.tokens[i].starts_clause;
        let caps = self.caps_line[i];
        let [before, before2, after, after2] = self.neighbours(i);
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
        let previous = self.lower_or_edge(before);
        let next = self.lower_or_edge(after);
        add(10, &[previous]);
        add(11, &[next]);
        add(12, &[self.lower_or_edge(before2)]);
        add(13, &[self.lower_or_edge(after2)]);
        add(14, &[self.shape_or_edge(before)]);
        add(15, &[self.shape_or_edge(after)]);
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
        add(26, &[mark_name(before.and_then(|j| self.marks[j]))]);
        add(27, &[mark_name(after.and_then(|j| self.marks[j]))]);
        add(28, &[mark_name(self.marks[i]), short]);
        add(30, &[flag(self.run_ends_in_organisation_word(i))]);
        if let Some(previous) = before {
            add(31, &[flag(is_title(self.word(previous))), short]);
        }
        if self.tokens[i].capitalised {
            let seen = case.seen(lower);
            add(
                29,
                &[
                    flag(seen.lower),
                    flag(seen.capitalised),
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

/// Appends `word`'s shape to `out`: X for a capital, x for a small letter, d for a
/// digit, other characters as they are; at most 12 characters.
fn push_shape(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.reserve(12);
        for b in word.bytes().take(12) {
            out.push(match b {
                b'A'..=b'Z' => 'X',
                b'a'..=b'z' => 'x',
                b'0'..=b'9' => 'd',
                _ => char::from(b),
            });
        }
        return;
    }
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
}

/// A shape with runs of one class collapsed ("Xxxxx" → "Xx"), for the common shapes;
/// any other shape stands for itself.
fn common_short_shape(long: &str) -> Option<&'static str> {
    match long.as_bytes() {
        [b'X'] => Some("X"),
        [b'x', rest @ ..] if rest.iter().all(|&b| b == b'x') => Some("x"),
        [b'X', rest @ ..] if !rest.is_empty() && rest.iter().all(|&b| b == b'x') => Some("Xx"),
        [b'X', rest @ ..] if rest.iter().all(|&b| b == b'X') => Some("XX"),
        [b'd', rest @ ..] if rest.iter().all(|&b| b == b'd') => Some("d"),
        _ => None,
    }
}

fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// True when `word` holds a letter; ASCII words are read byte by byte.
fn has_letter(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().any(char::is_alphabetic)
    }
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
        } else if has_letter(word) {
            letters += 1;
            capitals += usize::from(!word.chars().any(char::is_lowercase));
            title_case += usize::from(token.capitalised);
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
        let shape = |word: &str| {
            let mut out = String::new();
            push_shape(word, &mut out);
            out
        };
        assert_eq!(shape("McCain-2"), "XxXxxx-d");
        assert_eq!(common_short_shape(&shape("Obama")), Some("Xx"));
        assert_eq!(common_short_shape(&shape("NATO")), Some("XX"));
        assert_eq!(common_short_shape(&shape("McCain")), None);
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
