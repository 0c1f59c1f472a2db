//! A name found from cues, and the tests of words that the cue finders (`cues.rs`,
//! `people.rs`) share.

use super::gazetteer::Gender;
use crate::text::Span;
use crate::text::words::{Word, is_capitalised};

/// What a cue says a span is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CueKind {
    Person {
        role: Option<String>,
        gender: Option<Gender>,
    },
    Organization,
    Place,
}

/// A name found from cues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub kind: CueKind,
}

/// True when word `k` follows word `k - 1` after exactly one space.
pub fn joined(text: &str, words: &[Word], k: usize) -> bool {
    &text[words[k - 1].span.end..words[k].span.start] == " "
}

/// Capitalised words, and "al-"/"el-" prefixed surnames.
pub fn is_name_word(w: &str) -> bool {
    is_capitalised(w) || ((w.starts_with("al-") || w.starts_with("el-")) && w.len() > 3)
}
