//! The tense of the clause around a temporal expression, from cue words.
//!
//! A date without a year ("on June 3", "on Monday", "in September") is the next such date
//! when its clause looks ahead and the previous one when it looks back. The clause is read
//! on its own side of the quotation marks first: words inside quotes speak for the quote,
//! words outside speak for the narration.

use super::lexicon::WordList;
use super::tokens::{Token, TokenKind};

/// Which way a clause looks from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No verb governs the date and it qualifies a noun ("the Jan. 14 deadline", "Wednesday's
    /// ruling"): the nearest occurrence, whichever side of publication.
    Nearest,
}

/// Words that put a clause in the future on their own (each list sorted).
#[rustfmt::skip]
const FUTURE_WORDS: &[&str] = &[
    "ahead", "can", "coming", "expected", "forthcoming", "ll", "might", "must", "next", "payable",
    "planned", "scheduled", "shall", "should", "tomorrow", "upcoming", "will", "would",
];
static FUTURE: WordList<{ FUTURE_WORDS.len() }> = WordList::new(FUTURE_WORDS);

/// Plural present-tense verbs of a fixed appointment ("the two leaders meet Monday"), when
/// no modal or "to" comes before them.
#[rustfmt::skip]
const SCHEDULE_PLURAL_WORDS: &[&str] = &[
    "arrive", "begin", "convene", "meet", "reconvene", "resume",
];
static SCHEDULE_PLURAL: WordList<{ SCHEDULE_PLURAL_WORDS.len() }> =
    WordList::new(SCHEDULE_PLURAL_WORDS);

/// Verbs that move something to a later date: "extended to Nov. 20", "postponed until
/// March" name the new date, which lies ahead whatever the verb's own tense.
#[rustfmt::skip]
const DEFERRAL_WORDS: &[&str] = &[
    "adjourned", "deferred", "delayed", "extended", "postponed", "rescheduled",
];
static DEFERRAL: WordList<{ DEFERRAL_WORDS.len() }> = WordList::new(DEFERRAL_WORDS);

/// Words that put a clause in the future when "to" follows ("is due to", "plans to").
#[rustfmt::skip]
const FUTURE_BEFORE_TO_WORDS: &[&str] = &[
    "aim", "aiming", "aims", "expect", "expecting", "expects", "going", "hope", "hopes",
    "hoping", "intend", "intending", "intends", "plan", "planning", "plans", "prepare",
    "prepares", "preparing", "seek", "seeking", "seeks", "set", "trying", "want", "wants",
];
static FUTURE_BEFORE_TO: WordList<{ FUTURE_BEFORE_TO_WORDS.len() }> =
    WordList::new(FUTURE_BEFORE_TO_WORDS);

/// Present-tense verbs of a fixed appointment: "the board meets on Monday" looks ahead.
#[rustfmt::skip]
const SCHEDULE_WORDS: &[&str] = &[
    "arrives", "begins", "closes", "convenes", "ends", "expires", "holds", "hosts", "launches",
    "meets", "opens", "reconvenes", "resumes", "starts", "visits", "votes",
];
static SCHEDULE: WordList<{ SCHEDULE_WORDS.len() }> = WordList::new(SCHEDULE_WORDS);

/// Words after which a verb form is an infinitive ("will cut", "to put"), whatever it looks
/// like: they carry the tense themselves.
#[rustfmt::skip]
const INFINITIVE_MARKERS_WORDS: &[&str] = &[
    "can", "could", "did", "do", "does", "might", "must", "shall", "should", "to", "will",
    "would",
];
static INFINITIVE_MARKERS: WordList<{ INFINITIVE_MARKERS_WORDS.len() }> =
    WordList::new(INFINITIVE_MARKERS_WORDS);

/// Subject pronouns: a "-ed" word after one is a past verb, not a participle.
#[rustfmt::skip]
const SUBJECT_PRONOUNS_WORDS: &[&str] = &[
    "he", "i", "it", "she", "they", "we", "which", "who", "you",
];
static SUBJECT_PRONOUNS: WordList<{ SUBJECT_PRONOUNS_WORDS.len() }> =
    WordList::new(SUBJECT_PRONOUNS_WORDS);

/// Prepositions that may follow a past verb: "an agreement signed in New Delhi on Thursday"
/// uses "signed" as a verb, "the expanded meeting" as an adjective. Not "by": "the session
/// convened by the WHO on April 11" is a passive participle naming a session to come.
#[rustfmt::skip]
const PREPOSITIONS_WORDS: &[&str] = &[
    "after", "at", "before", "during", "earlier", "for", "from", "in", "into", "last",
    "on", "over", "since", "to", "under", "until", "with",
];
static PREPOSITIONS: WordList<{ PREPOSITIONS_WORDS.len() }> = WordList::new(PREPOSITIONS_WORDS);

/// Prepositions between a verb and the date it governs ("left on Tuesday").
#[rustfmt::skip]
const DATE_PREPOSITIONS_WORDS: &[&str] = &[
    "by", "during", "from", "in", "on", "since", "through", "till", "to", "until",
];
static DATE_PREPOSITIONS: WordList<{ DATE_PREPOSITIONS_WORDS.len() }> =
    WordList::new(DATE_PREPOSITIONS_WORDS);

/// Words that open a noun phrase, as after "due to" giving a cause.
#[rustfmt::skip]
const DETERMINERS_WORDS: &[&str] = &[
    "a", "an", "her", "his", "its", "our", "that", "the", "their", "these", "this", "those",
];
static DETERMINERS: WordList<{ DETERMINERS_WORDS.len() }> = WordList::new(DETERMINERS_WORDS);

/// Past forms and past markers that do not end in "-ed".
#[rustfmt::skip]
const PAST_WORDS: &[&str] = &[
    "ago", "arose", "ate", "became", "been", "began", "bought", "broke", "brought", "built",
    "came", "caught", "chose", "cut", "dealt", "did", "drew", "drove", "earlier", "fed", "fell",
    "felt", "fled", "flew", "forgot", "fought", "found", "froze", "gave", "got", "grew", "had",
    "heard", "held", "hit", "kept", "knew", "last", "led", "left", "lost", "made", "meant",
    "met", "overtook", "paid", "put", "ran", "rode", "rose", "said", "sank", "sat", "saw",
    "sent", "shook", "shot", "slid", "sold", "sought", "spent", "spoke", "stole", "stood",
    "struck", "stuck", "sued", "swept", "swore", "taught", "thought", "threw", "told", "took",
    "tore", "understood", "undertook", "was", "went", "were", "withdrew", "woke", "won", "wore",
    "wrote", "yesterday",
];
static PAST: WordList<{ PAST_WORDS.len() }> = WordList::new(PAST_WORDS);

/// Words ending in "-ed" that are not past verbs.
#[rustfmt::skip]
const NOT_PAST_WORDS: &[&str] = &[
    "based", "bed", "exceed", "hundred", "indeed", "need", "proceed", "red", "speed", "succeed",
];
static NOT_PAST: WordList<{ NOT_PAST_WORDS.len() }> = WordList::new(NOT_PAST_WORDS);

/// The tense cues of one sentence, each with its token index and quote side.
pub struct Cues {
    cues: Vec<Cue>,
    quoted: Vec<bool>,
    /// Which tokens are "on", "in", "by" … (between a verb and its date).
    prepositions: Vec<bool>,
    /// What each token is to a date beside it: the verb governing it, or the noun phrase
    /// around it.
    roles: Vec<Role>,
    /// Each "since" with the index of the punctuation that ends its phrase (or the
    /// sentence's end).
    since: Vec<(usize, usize)>,
}

/// What a token beside a date says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// "the", "a", "its" … before the date ("the Jan. 14 deadline").
    Determiner,
    /// A lowercase word that may be the noun a date qualifies ("deadline").
    Noun,
    /// The apostrophe of a possessive ("Wednesday's").
    Apostrophe,
    /// "to", "until", "till" after a verb of deferral ("extended to Nov. 20").
    DeferredTo,
    /// "effective Dec. 7": a date from which something holds, ahead.
    Effective,
    /// "until", "till", "through", "by": the date ends a span, mostly a deadline ahead.
    EndPoint,

    Other,
}

/// Lowercase words that do not start or end a noun phrase: a date before one is no
/// qualifier ("the June 3 and June 4 talks" aside).
#[rustfmt::skip]
const NOT_NOUNS_WORDS: &[&str] = &[
    "a", "after", "and", "as", "at", "before", "but", "by", "for", "from", "in", "into", "of",
    "on", "or", "over", "than", "that", "the", "to", "until", "when", "which", "while", "with",
];
static NOT_NOUNS: WordList<{ NOT_NOUNS_WORDS.len() }> = WordList::new(NOT_NOUNS_WORDS);

/// The role of token `i` next to a date.
fn role(tokens: &[Token], i: usize) -> Role {
    let token = &tokens[i];
    match token.kind {
        TokenKind::Punct if token.text == "'" || token.text == "’" => {
            if tokens.get(i + 1).is_some_and(|t| t.is("s")) {
                Role::Apostrophe
            } else {
                Role::Other
            }
        }
        TokenKind::Word => {
            // "extended to Nov. 20", "postponed the vote until May": a verb of deferral a
            // few words back in the same clause.
            let deferred = tokens[i.saturating_sub(4)..i]
                .iter()
                .rev()
                .take_while(|t| t.kind != TokenKind::Punct)
                .any(|t| DEFERRAL.contains(t.text));
            if deferred && (token.is("to") || token.is("until") || token.is("till")) {
                Role::DeferredTo
            } else if token.is("effective") {
                Role::Effective
            } else if ["until", "till", "through", "by"]
                .iter()
                .any(|w| token.is(w))
            {
                Role::EndPoint
            } else if DETERMINERS.contains(token.text) && !token.is("that") && !token.is("this") {
                Role::Determiner
            } else if !token.is_capitalized() && !NOT_NOUNS.contains(token.text) {
                Role::Noun
            } else {
                Role::Other
            }
        }
        _ => Role::Other,
    }
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    at: usize,
    tense: Tense,
    /// Modals, auxiliaries and listed verbs are strong; any other "-ed" word is weak, as it
    /// may be a participle qualifying a noun ("the session convened by the WHO").
    strong: bool,
    /// "had": a past before the past.
    perfect: bool,
}

impl Cues {
    /// Finds the cues in a sentence's tokens and which tokens stand inside quotation marks.
    pub fn new(tokens: &[Token]) -> Self {
        let mut quoted = Vec::with_capacity(tokens.len());
        let mut prepositions = Vec::with_capacity(tokens.len());
        let mut inside = false;
        let mut cues = Vec::new();
        let mut roles = Vec::with_capacity(tokens.len());
        let mut since = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            roles.push(role(tokens, i));
            if token.kind == TokenKind::Punct {
                match token.text {
                    "\"" => inside = !inside,
                    "“" | "«" => inside = true,
                    "”" | "»" => inside = false,
                    _ => {}
                }
            }
            quoted.push(inside);
            prepositions
                .push(token.kind == TokenKind::Word && DATE_PREPOSITIONS.contains(token.text));
            if token.is("since") {
                let end = tokens[i..]
                    .iter()
                    .position(|t| t.kind == TokenKind::Punct)
                    .map_or(tokens.len(), |p| i + p);
                since.push((i, end));
            }
            // "Indian-led", "long-negotiated": part of a compound adjective, not a verb.
            let in_compound = i > 0 && tokens[i - 1].is_punct('-');
            if let Some((tense, strong)) = cue(tokens, i).filter(|_| !in_compound) {
                cues.push(Cue {
                    at: i,
                    tense,
                    strong,
                    perfect: token.is("had"),
                });
            }
        }
        Cues {
            cues,
            quoted,
            prepositions,
            roles,
            since,
        }
    }

    /// The tense of the clause holding tokens `first..=last`, searched on the same side of
    /// the quotation marks first, then on the other: the nearest strong cue before it, else
    /// the nearest weak one before it, else the nearest strong and then weak cue after it.
    /// `None` when the sentence has no cue.
    pub fn around(&self, first: usize, last: usize) -> Option<Tense> {
        if let Some(tense) = self.governing(first, last) {
            return Some(tense);
        }
        if let Some(noun) = self.qualified_noun(first, last) {
            // "Thursday's talks collapsed": the noun's own verb says when; otherwise
            // ("gave no reason for the Jan. 14 deadline") the nearest such date.
            let verb = self.cues.iter().find(|c| c.at == noun + 1);
            return Some(verb.map_or(Tense::Nearest, |c| c.tense));
        }
        let side = self.quoted.get(first).copied().unwrap_or(false);
        self.nearest(first, last, side)
            .or_else(|| self.nearest(first, last, !side))
    }

    /// The tense of a verb right next to the expression, which governs it: "announced
    /// Wednesday", "left on Tuesday", "on Tuesday said", whatever else the sentence holds
    /// ("would appeal the decision, announced Wednesday").
    fn governing(&self, first: usize, last: usize) -> Option<Tense> {
        let role_before = first.checked_sub(1).map(|p| self.roles[p]);
        if matches!(role_before, Some(Role::DeferredTo | Role::Effective)) {
            return Some(Tense::Future);
        }
        let at = |i: usize| self.cues.iter().find(|c| c.at == i).map(|c| c.tense);
        let before = first.checked_sub(1).and_then(at).or_else(|| {
            let preposition = first.checked_sub(1).is_some_and(|p| self.prepositions[p]);
            first.checked_sub(2).filter(|_| preposition).and_then(at)
        });
        // "talks due to conclude by May", "remain in Miami until March 6": a deadline,
        // unless the clause is in the past perfect ("until Thursday, they had not named
        // him", "had filed reports by Wednesday").
        if before.is_none() && role_before == Some(Role::EndPoint) {
            let pluperfect = self.pluperfect(first, last);
            return Some(if pluperfect {
                Tense::Past
            } else {
                Tense::Future
            });
        }
        // "since March 3", "since shortly after the Oct. 23 attack": a start in the past.
        if self.since_before(first) {
            return Some(Tense::Past);
        }
        before.or_else(|| at(last + 1))
    }

    /// True when the strong cue nearest to tokens `first..=last` on their side of the
    /// quotation marks is "had": the past perfect.
    fn pluperfect(&self, first: usize, last: usize) -> bool {
        let side = self.quoted.get(first).copied().unwrap_or(false);
        self.cues
            .iter()
            .filter(|c| c.strong && self.quoted[c.at] == side)
            .min_by_key(|c| c.at.abs_diff(first).min(c.at.abs_diff(last)))
            .is_some_and(|c| c.perfect)
    }

    /// True when "since" stands a few words before token `first`, in the same phrase.
    fn since_before(&self, first: usize) -> bool {
        self.since
            .iter()
            .any(|&(at, end)| at < first && first - at <= 4 && first < end)
    }

    /// The noun the date qualifies, if any: "the Jan. 14 deadline", "Wednesday's ruling".
    fn qualified_noun(&self, first: usize, last: usize) -> Option<usize> {
        let role = |i: usize| self.roles.get(i).copied().unwrap_or(Role::Other);
        if role(last + 1) == Role::Apostrophe && role(last + 3) == Role::Noun {
            return Some(last + 3);
        }
        let determined = first
            .checked_sub(1)
            .is_some_and(|p| role(p) == Role::Determiner);
        (determined && role(last + 1) == Role::Noun).then_some(last + 1)
    }

    fn nearest(&self, first: usize, last: usize, side: bool) -> Option<Tense> {
        let on_side = |strong: bool| {
            self.cues
                .iter()
                .filter(move |c| self.quoted[c.at] == side && c.strong == strong)
        };
        let before = |strong| on_side(strong).rev().find(|c| c.at < first);
        let after = |strong| on_side(strong).find(|c| c.at > last);
        before(true)
            .or_else(|| before(false))
            .or_else(|| after(true))
            .or_else(|| after(false))
            .map(|c| c.tense)
    }
}

/// The tense token `i` signals, if any, and whether the signal is strong.
fn cue(tokens: &[Token], i: usize) -> Option<(Tense, bool)> {
    let token = &tokens[i];
    if token.kind != TokenKind::Word {
        return None;
    }
    let next_is = |w: &str| tokens.get(i + 1).is_some_and(|t| t.is(w));
    let previous = i
        .checked_sub(1)
        .map(|p| &tokens[p])
        .filter(|p| p.kind == TokenKind::Word);
    let word = token.text;
    if token.is("won") && tokens.get(i + 2).is_some_and(|t| t.is("t")) {
        return Some((Tense::Future, true));
    }
    let progressive = tokens
        .get(i + 1)
        .is_some_and(|t| t.text.len() >= 5 && t.text.ends_with("ing"));
    if (token.is("is") || token.is("are")) && progressive {
        // "are meeting on Thursday": the present progressive of an arrangement.
        return Some((Tense::Future, true));
    }
    if token.is("due") {
        // "is due on 30 June", "due to meet" look ahead; "due to the storm" gives a cause.
        let cause = next_is("to")
            && tokens
                .get(i + 2)
                .is_some_and(|t| DETERMINERS.contains(t.text));
        return (!cause).then_some((Tense::Future, true));
    }
    // "may" the modal, not "May" the month.
    let modal_may = token.is("may") && !token.is_capitalized();
    // "next to the embassy" is beside it.
    let beside = token.is("next") && next_is("to");
    if !beside
        && (modal_may
            || FUTURE.contains(word)
            || (next_is("to") && FUTURE_BEFORE_TO.contains(word)))
    {
        return Some((Tense::Future, true));
    }
    // "talks set for June 5"; "the rules take effect on July 23": a fixed date ahead.
    if (token.is("set") && next_is("for"))
        || (token.is("effect") && previous.is_some_and(|p| p.is("take") || p.is("takes")))
    {
        return Some((Tense::Future, true));
    }
    if SCHEDULE.contains(word) {
        return Some((Tense::Future, true));
    }
    let after_marker = previous.is_some_and(|p| {
        p.is("be")
            || p.is("being")
            || INFINITIVE_MARKERS.contains(p.text)
            || DETERMINERS.contains(p.text)
    });
    if SCHEDULE_PLURAL.contains(word) && !after_marker {
        return Some((Tense::Future, true));
    }
    let past_form = PAST.contains(word);
    let past_participle = !past_form
        && token.text.len() >= 5
        && token.text.ends_with("ed")
        && !token.is_capitalized()
        && !NOT_PAST.contains(word);
    if !(past_form || past_participle) {
        return None;
    }
    // "will be held", "could be signed", "will cut", "to put": the word before carries the
    // tense.
    if previous.is_some_and(|p| p.is("be") || p.is("being") || INFINITIVE_MARKERS.contains(p.text))
    {
        return None;
    }
    // After its subject ("Moscow abandoned", "they agreed") or before a preposition ("a
    // treaty signed on Friday") an "-ed" word is a past verb; before a noun it may only
    // qualify it ("the expanded meeting").
    let after_subject =
        previous.is_some_and(|p| p.is_capitalized() || SUBJECT_PRONOUNS.contains(p.text));
    let before_preposition = tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && PREPOSITIONS.contains(t.text));
    Some((
        Tense::Past,
        past_form || after_subject || before_preposition,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_at(sentence: &str, date: &str) -> Option<Tense> {
        let mut tokens = Vec::new();
        super::super::tokens::tokenize(sentence, 0, sentence.len(), &mut tokens);
        let at = tokens
            .iter()
            .position(|t| t.text == date)
            .expect("date token");
        Cues::new(&tokens).around(at, at)
    }

    #[test]
    fn passives_schedules_and_modals_look_ahead() {
        for (sentence, date) in [
            ("The talks will be held in Seoul on October 12.", "October"),
            ("A first round of talks is set for June 5 in Hanoi.", "June"),
            (
                "They agreed to talks, with a first round set for June 5.",
                "June",
            ),
            ("The controls take effect on July 23.", "July"),
            ("The board can now meet in December.", "December"),
            ("The authority will cut transits from Tuesday.", "Tuesday"),
            (
                "The IAEA board of governors meets in Vienna on Monday.",
                "Monday",
            ),
        ] {
            assert_eq!(tense_at(sentence, date), Some(Tense::Future), "{sentence}");
        }
        for (sentence, date) in [
            ("The talks were held in Seoul on October 12.", "October"),
            ("The deal has been signed on June 5.", "June"),
            (
                "The ministers set out their terms and left on June 5.",
                "June",
            ),
            (
                "Turkey is pressing for the deal, which Moscow abandoned on Monday.",
                "Monday",
            ),
            (
                "The firm said it would appeal the decision, announced Wednesday.",
                "Wednesday",
            ),
            ("The minister on Tuesday said talks would go on.", "Tuesday"),
        ] {
            assert_eq!(tense_at(sentence, date), Some(Tense::Past), "{sentence}");
        }
    }

    #[test]
    fn cue_lists_are_sorted_for_binary_search() {
        assert!(FUTURE.is_sorted() && FUTURE_BEFORE_TO.is_sorted());
        assert!(PAST.is_sorted() && NOT_PAST.is_sorted() && DETERMINERS.is_sorted());
        assert!(SCHEDULE.is_sorted() && INFINITIVE_MARKERS.is_sorted());
        assert!(SUBJECT_PRONOUNS.is_sorted() && PREPOSITIONS.is_sorted());
        assert!(DATE_PREPOSITIONS.is_sorted() && SCHEDULE_PLURAL.is_sorted());
        assert!(DEFERRAL.is_sorted() && NOT_NOUNS.is_sorted());
    }
}
