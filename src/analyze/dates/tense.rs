//! The tense of the clause around a temporal expression, from cue words.
//!
//! A date without a year ("on June 3", "on Monday", "in September") is the next such date
//! when its clause looks ahead and the previous one when it looks back. The clause is read
//! on its own side of the quotation marks first: words inside quotes speak for the quote,
//! words outside speak for the narration.

use super::tokens::{Token, TokenKind};

/// Which way a clause looks from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// Words that put a clause in the future on their own.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "would",
    "upcoming",
    "ahead",
    "next",
    "coming",
    "expected",
    "scheduled",
    "tomorrow",
    "planned",
    "forthcoming",
];

/// Words that put a clause in the future when "to" follows ("is due to", "plans to").
const FUTURE_BEFORE_TO: &[&str] = &[
    "due", "set", "plans", "plan", "aims", "intends", "going", "hopes",
];

/// Past forms that do not end in "-ed".
const PAST: &[&str] = &[
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "been",
    "ago",
    "last",
    "earlier",
    "yesterday",
    "met",
    "held",
    "took",
    "made",
    "began",
    "came",
    "went",
    "gave",
    "saw",
    "left",
    "broke",
    "fell",
    "rose",
    "spoke",
    "won",
    "lost",
    "led",
    "sent",
    "struck",
    "fought",
    "wrote",
    "sought",
    "brought",
    "thought",
    "ran",
    "grew",
    "drew",
    "threw",
    "hit",
    "put",
    "cut",
    "became",
    "kept",
    "felt",
    "paid",
    "shot",
    "stood",
    "understood",
    "chose",
    "flew",
    "froze",
    "knew",
    "meant",
    "sold",
    "withdrew",
    "overtook",
    "undertook",
    "shook",
    "stole",
    "swore",
    "tore",
];

/// Words ending in "-ed" that are not past verbs.
const NOT_PAST: &[&str] = &[
    "need", "speed", "exceed", "proceed", "succeed", "hundred", "indeed", "red", "bed", "based",
];

/// The tense cues of one sentence, each with its token index and quote side.
pub struct Cues {
    cues: Vec<Cue>,
    quoted: Vec<bool>,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    at: usize,
    tense: Tense,
}

impl Cues {
    /// Finds the cues in a sentence's tokens and which tokens stand inside quotation marks.
    pub fn new(tokens: &[Token]) -> Self {
        let mut quoted = Vec::with_capacity(tokens.len());
        let mut inside = false;
        let mut cues = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            if token.kind == TokenKind::Punct {
                match token.text {
                    "\"" => inside = !inside,
                    "“" | "«" => inside = true,
                    "”" | "»" => inside = false,
                    _ => {}
                }
                quoted.push(inside);
                continue;
            }
            quoted.push(inside);
            if let Some(tense) = cue(tokens, i) {
                cues.push(Cue { at: i, tense });
            }
        }
        Cues { cues, quoted }
    }

    /// The tense of the clause holding tokens `first..=last`: the nearest cue before it on the
    /// same side of the quotation marks, else the nearest after it, else the same search on
    /// the other side. `None` when the sentence has no cue.
    pub fn around(&self, first: usize, last: usize) -> Option<Tense> {
        let side = self.quoted.get(first).copied().unwrap_or(false);
        self.nearest(first, last, |quoted| quoted == side)
            .or_else(|| self.nearest(first, last, |quoted| quoted != side))
    }

    fn nearest(&self, first: usize, last: usize, side: impl Fn(bool) -> bool) -> Option<Tense> {
        let on_side = |c: &&Cue| side(self.quoted[c.at]);
        let before = self
            .cues
            .iter()
            .filter(on_side)
            .rev()
            .find(|c| c.at < first);
        let after = self.cues.iter().filter(on_side).find(|c| c.at > last);
        before.or(after).map(|c| c.tense)
    }
}

/// The tense token `i` signals, if any.
fn cue(tokens: &[Token], i: usize) -> Option<Tense> {
    let token = &tokens[i];
    if token.kind != TokenKind::Word {
        return None;
    }
    let next_is = |w: &str| tokens.get(i + 1).is_some_and(|t| t.is(w));
    if token.is("won") && tokens.get(i + 2).is_some_and(|t| t.is("t")) {
        return Some(Tense::Future);
    }
    if FUTURE.iter().any(|w| token.is(w))
        || (next_is("to") && FUTURE_BEFORE_TO.iter().any(|w| token.is(w)))
    {
        return Some(Tense::Future);
    }
    if PAST.iter().any(|w| token.is(w)) {
        return Some(Tense::Past);
    }
    let past_participle = token.text.len() >= 5
        && token.text.ends_with("ed")
        && !token.is_capitalized()
        && !NOT_PAST.iter().any(|w| token.is(w));
    past_participle.then_some(Tense::Past)
}
