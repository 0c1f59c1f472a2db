//! The tense of the clause around a temporal expression, from cue words.
//!
//! A date without a year ("on June 3", "on Monday", "in September") is the next such date
//! when its clause looks ahead and the previous one when it looks back. The clause is read
//! on its own side of the quotation marks first: words inside quotes speak for the quote,
//! words outside speak for the narration.

use super::lexicon;
use super::tense_words::{
    CHOICE, CONDITIONAL, DATE_PREPOSITIONS, DEFERRAL, DETERMINERS, FUTURE, FUTURE_BEFORE_TO,
    INFINITIVE_MARKERS, NOT_NOUNS, NOT_PAST, PAST, PREPOSITIONS, SCHEDULE, SCHEDULE_PLURAL,
    SHARED_FORM, SUBJECT_PRONOUNS,
};
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

/// The tense of a date's clause and how surely it governs the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub tense: Option<Tense>,
    /// False when the cue is far from the date in the clause's structure (across a comma or
    /// an infinitive, on the other side of the quotation marks, or "until" with no verb):
    /// then a date a year off in the cue's direction yields to a near one.
    pub firm: bool,
}

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
    /// Which tokens are a comma or a semicolon.
    breaks: Vec<bool>,
    /// Which tokens are the "to" of an infinitive ("to purchase").
    infinitive: Vec<bool>,
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
    /// A verb of choosing whose object the date is ("set Friday as the deadline").
    Choice,

    Other,
}

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
            } else if CHOICE.contains(token.text) && !passive(tokens, i) {
                // "set Friday as the deadline", but not "the price was set Friday", where
                // the date tells when it was set.
                Role::Choice
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
    /// A form the present and the participle share ("set", "cut").
    shared_form: bool,
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
        let mut breaks = Vec::with_capacity(tokens.len());
        let mut infinitive = Vec::with_capacity(tokens.len());
        for (i, token) in tokens.iter().enumerate() {
            roles.push(role(tokens, i));
            breaks.push(token.is_punct(',') || token.is_punct(';'));
            infinitive.push(token.is("to") && tokens.get(i + 1).is_some_and(is_bare_verb));
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
                    shared_form: SHARED_FORM.contains(token.text),
                });
            }
        }
        Cues {
            cues,
            quoted,
            prepositions,
            roles,
            since,
            breaks,
            infinitive,
        }
    }

    /// The tense of the clause holding tokens `first..=last`, searched on the same side of
    /// the quotation marks first, then on the other: the nearest strong cue before it, else
    /// the nearest weak one before it, else the nearest strong and then weak cue after it.
    /// `None` when the sentence has no cue.
    pub fn around(&self, first: usize, last: usize) -> Reading {
        let firm = |tense| Reading { tense, firm: true };
        if let Some(tense) = self.governing(first, last) {
            // "until March 6" without a verb of its own: a deadline, mostly ahead.
            let end_point = first
                .checked_sub(1)
                .is_some_and(|p| self.roles[p] == Role::EndPoint);
            return Reading {
                tense: Some(tense),
                firm: !end_point || self.pluperfect(first, last),
            };
        }
        if let Some(noun) = self.qualified_noun(first, last) {
            // "Thursday's talks collapsed": the noun's own verb says when; otherwise
            // ("gave no reason for the Jan. 14 deadline", "the Nov. 1 deadline set in the
            // agreement") the nearest such date.
            let verb = self
                .cues
                .iter()
                .find(|c| c.at == noun + 1 && !c.shared_form);
            return firm(Some(verb.map_or(Tense::Nearest, |c| c.tense)));
        }
        let side = self.quoted.get(first).copied().unwrap_or(false);
        match self.nearest(first, last, side) {
            // "Since the clash in the pass in May, officials have tried …": a start in
            // the past, however far "since" stands.
            Some(_) if self.since_in_phrase(first) => firm(Some(Tense::Past)),
            Some(cue) => Reading {
                tense: Some(cue.tense),
                firm: !self.loosely_tied(cue, first, last),
            },
            // A cue only on the other side of the quotation marks speaks for other words;
            // none at all leaves the convention that news tells of the past.
            None => {
                let other = self.nearest(first, last, !side).map(|c| c.tense);
                Reading {
                    tense: other,
                    firm: other.is_none(),
                }
            }
        }
    }

    /// True when a cue at token `at` reaches the expression at `first..=last` only across a
    /// comma or semicolon ("invited the ministers of Poland, the Czech Republic and Hungary
    /// to a ceremony on March 12"), or a past cue across an infinitive, whose own time it
    /// leaves open ("agreed to purchase the line in February").
    fn loosely_tied(&self, cue: &Cue, first: usize, last: usize) -> bool {
        let at = cue.at;
        let between = if at < first {
            at + 1..first
        } else {
            last + 1..at
        };
        between.clone().any(|i| self.breaks[i])
            || (at < first
                && cue.tense == Tense::Past
                && between.clone().any(|i| self.infinitive[i]))
    }

    /// True when "since" stands before token `first` in the same phrase.
    fn since_in_phrase(&self, first: usize) -> bool {
        self.since
            .iter()
            .any(|&(at, end)| at < first && first < end)
    }

    /// The tense of a verb right next to the expression, which governs it: "announced
    /// Wednesday", "left on Tuesday", "on Tuesday said", whatever else the sentence holds
    /// ("would appeal the decision, announced Wednesday").
    fn governing(&self, first: usize, last: usize) -> Option<Tense> {
        let role_before = first.checked_sub(1).map(|p| self.roles[p]);
        if matches!(role_before, Some(Role::DeferredTo | Role::Effective)) {
            return Some(Tense::Future);
        }
        if role_before == Some(Role::Choice) {
            return Some(Tense::Nearest);
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
        let strong = || {
            self.cues
                .iter()
                .filter(move |c| c.strong && self.quoted[c.at] == side)
        };
        // The verb of the date's own clause comes first ("had filed reports by Wednesday,
        // and all were honoring them").
        let in_clause = strong()
            .rev()
            .find(|c| c.at < first && !(c.at..first).any(|i| self.breaks[i]));
        in_clause
            .or_else(|| strong().min_by_key(|c| c.at.abs_diff(first).min(c.at.abs_diff(last))))
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

    fn nearest(&self, first: usize, last: usize, side: bool) -> Option<&Cue> {
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
    }
}

/// True when `token` may be a bare verb after "to" ("to purchase", "to be"): a lowercase
/// word that is no determiner or preposition and no plural ("to shareholders").
fn is_bare_verb(token: &Token) -> bool {
    token.kind == TokenKind::Word
        && !token.is_capitalized()
        && !token.text.ends_with('s')
        && !DETERMINERS.contains(token.text)
        && !NOT_NOUNS.contains(token.text)
}

/// True when a form of "be" stands right before token `i` ("was set", "been picked").
fn passive(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        ["is", "are", "was", "were", "be", "been", "being"]
            .iter()
            .any(|w| tokens[p].is(w))
    })
}

/// True when token `i` stands in a clause of time or condition ("when the case is heard",
/// "once the deal is signed", "unless talks are resumed"): its opening word a few words
/// before, with no punctuation between.
fn in_conditional_clause(tokens: &[Token], i: usize) -> bool {
    tokens[i.saturating_sub(6)..i]
        .iter()
        .rev()
        .take_while(|t| t.kind != TokenKind::Punct)
        .any(|t| CONDITIONAL.contains(t.text))
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
    if (token.is("is") || token.is("are")) && in_conditional_clause(tokens, i) {
        // "when the case is heard in May", "if the deal is approved": the present of a
        // clause of time or condition tells of the future.
        return Some((Tense::Future, true));
    }
    // "had been due to expire Friday", "had been scheduled for Monday": a plan in the past
    // perfect, overtaken since; the date it named has passed.
    let pluperfect = i >= 2 && tokens[i - 1].is("been") && tokens[i - 2].is("had");
    if pluperfect
        && ["due", "expected", "planned", "scheduled", "set"]
            .iter()
            .any(|w| token.is(w))
    {
        return Some((Tense::Past, true));
    }
    if token.is("due") {
        // "is due on 30 June", "due to meet" look ahead; "due to the storm" gives a cause.
        let cause = next_is("to")
            && tokens
                .get(i + 2)
                .is_some_and(|t| DETERMINERS.contains(t.text));
        return (!cause).then_some((Tense::Future, true));
    }
    // "more than expected", "as planned", "as previously scheduled": a comparison with a
    // plan, whose tense is the verb's ("sales rose more than expected in November").
    let compared = previous.is_some_and(|p| {
        ["than", "as", "previously", "originally"]
            .iter()
            .any(|w| p.is(w))
    });
    if compared
        && ["expected", "planned", "scheduled"]
            .iter()
            .any(|w| token.is(w))
    {
        return None;
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
    // "will be held", "could be signed", "will cut", "to put", "is heard": the word before
    // carries the tense; after "a" or "the", "set" and "cut" are nouns.
    if previous.is_some_and(|p| {
        p.is("be")
            || p.is("being")
            || p.is("is")
            || p.is("are")
            || INFINITIVE_MARKERS.contains(p.text)
            || (DETERMINERS.contains(p.text) && !p.is("that"))
    }) {
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
    // "the results showed that …", "officials warned that …": a verb of saying or showing
    // before its clause, not "the report released that day".
    let before_clause = next_is("that")
        && tokens
            .get(i + 2)
            .is_some_and(|t| lexicon::unit(t).is_none() && !t.is_punct(','));
    Some((
        Tense::Past,
        past_form || after_subject || before_preposition || before_clause,
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
        Cues::new(&tokens).around(at, at).tense
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
            // A verb of showing before its clause governs, not the clause's present.
            (
                "The bank's disclosure Friday of a loss showed that the lender is shrinking.",
                "Friday",
            ),
            // A plan in the past perfect was overtaken: its date has passed.
            ("The bid had been due to expire on Friday.", "Friday"),
            ("The vote had been scheduled for Monday.", "Monday"),
            // A past form the present shares is a verb after its subject, nearer than a
            // participle ("planned").
            (
                "On Friday, when the envoy set aside her plans for a hastily planned trip, aides left.",
                "Friday",
            ),
            // A comparison with a plan is no plan.
            ("Exports fell more than expected in November.", "November"),
            (
                "The offensive began as previously planned on Thursday.",
                "Thursday",
            ),
            // A passive verb of choosing tells when the choice was made.
            ("The price was set Friday by the board.", "Friday"),
            // The date's own clause is in the past perfect, whatever the next one says.
            (
                "Forty states had filed their replies by Wednesday, and most were backing it.",
                "Wednesday",
            ),
        ] {
            assert_eq!(tense_at(sentence, date), Some(Tense::Past), "{sentence}");
        }
    }

    #[test]
    fn a_chosen_date_is_the_nearest() {
        for sentence in [
            "The agency ruled the boy must go home and set Friday as the deadline.",
            "The firm has set Friday as the deadline for bids.",
            "The general picked Friday as the best time to strike.",
            "The bank will fight on past the Friday deadline set in the agreement.",
        ] {
            assert_eq!(
                tense_at(sentence, "Friday"),
                Some(Tense::Nearest),
                "{sentence}"
            );
        }
    }
}
