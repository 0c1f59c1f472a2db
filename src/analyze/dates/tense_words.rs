//! The cue words of tense: modals, verbs of schedule and deferral, past forms, and the
//! function words around them. Each list is sorted for binary search.

use super::lexicon::WordList;

/// Words that put a clause in the future on their own (each list sorted).
#[rustfmt::skip]
const FUTURE_WORDS: &[&str] = &[
    "ahead", "can", "coming", "expected", "forthcoming", "ll", "might", "must", "next", "payable",
    "planned", "scheduled", "shall", "should", "tomorrow", "upcoming", "will", "would",
];
pub(super) static FUTURE: WordList<{ FUTURE_WORDS.len() }> = WordList::new(FUTURE_WORDS);

/// Plural present-tense verbs of a fixed appointment ("the two leaders meet Monday"), when
/// no modal or "to" comes before them.
#[rustfmt::skip]
const SCHEDULE_PLURAL_WORDS: &[&str] = &[
    "arrive", "begin", "convene", "meet", "reconvene", "resume",
];
pub(super) static SCHEDULE_PLURAL: WordList<{ SCHEDULE_PLURAL_WORDS.len() }> =
    WordList::new(SCHEDULE_PLURAL_WORDS);

/// Verbs that move something to a later date: "extended to Nov. 20", "postponed until
/// March" name the new date, which lies ahead whatever the verb's own tense.
#[rustfmt::skip]
const DEFERRAL_WORDS: &[&str] = &[
    "adjourned", "deferred", "delayed", "extended", "postponed", "rescheduled",
];
pub(super) static DEFERRAL: WordList<{ DEFERRAL_WORDS.len() }> = WordList::new(DEFERRAL_WORDS);

/// Words that put a clause in the future when "to" follows ("is due to", "plans to").
#[rustfmt::skip]
const FUTURE_BEFORE_TO_WORDS: &[&str] = &[
    "aim", "aiming", "aims", "expect", "expecting", "expects", "going", "hope", "hopes",
    "hoping", "intend", "intending", "intends", "plan", "planning", "plans", "prepare",
    "prepares", "preparing", "seek", "seeking", "seeks", "set", "trying", "want", "wants",
];
pub(super) static FUTURE_BEFORE_TO: WordList<{ FUTURE_BEFORE_TO_WORDS.len() }> =
    WordList::new(FUTURE_BEFORE_TO_WORDS);

/// Present-tense verbs of a fixed appointment: "the board meets on Monday" looks ahead.
#[rustfmt::skip]
const SCHEDULE_WORDS: &[&str] = &[
    "arrives", "begins", "closes", "convenes", "ends", "expires", "holds", "hosts", "launches",
    "meets", "opens", "reconvenes", "resumes", "starts", "visits", "votes",
];
pub(super) static SCHEDULE: WordList<{ SCHEDULE_WORDS.len() }> = WordList::new(SCHEDULE_WORDS);

/// Words after which a verb form is an infinitive ("will cut", "to put"), whatever it looks
/// like: they carry the tense themselves.
#[rustfmt::skip]
const INFINITIVE_MARKERS_WORDS: &[&str] = &[
    "can", "could", "did", "do", "does", "might", "must", "shall", "should", "to", "will",
    "would",
];
pub(super) static INFINITIVE_MARKERS: WordList<{ INFINITIVE_MARKERS_WORDS.len() }> =
    WordList::new(INFINITIVE_MARKERS_WORDS);

/// Words opening a clause of time or condition, whose present tense tells of the future
/// ("when the case is heard in May").
#[rustfmt::skip]
const CONDITIONAL_WORDS: &[&str] = &[
    "if", "once", "unless", "until", "when",
];
pub(super) static CONDITIONAL: WordList<{ CONDITIONAL_WORDS.len() }> =
    WordList::new(CONDITIONAL_WORDS);

/// Subject pronouns: a "-ed" word after one is a past verb, not a participle.
#[rustfmt::skip]
const SUBJECT_PRONOUNS_WORDS: &[&str] = &[
    "he", "i", "it", "she", "they", "we", "which", "who", "you",
];
pub(super) static SUBJECT_PRONOUNS: WordList<{ SUBJECT_PRONOUNS_WORDS.len() }> =
    WordList::new(SUBJECT_PRONOUNS_WORDS);

/// Prepositions that may follow a past verb: "an agreement signed in New Delhi on Thursday"
/// uses "signed" as a verb, "the expanded meeting" as an adjective. Not "by": "the session
/// convened by the WHO on April 11" is a passive participle naming a session to come.
#[rustfmt::skip]
const PREPOSITIONS_WORDS: &[&str] = &[
    "after", "at", "before", "during", "earlier", "for", "from", "in", "into", "last",
    "on", "over", "since", "to", "under", "until", "with",
];
pub(super) static PREPOSITIONS: WordList<{ PREPOSITIONS_WORDS.len() }> =
    WordList::new(PREPOSITIONS_WORDS);

/// Prepositions between a verb and the date it governs ("left on Tuesday").
#[rustfmt::skip]
const DATE_PREPOSITIONS_WORDS: &[&str] = &[
    "by", "during", "from", "in", "on", "since", "through", "till", "to", "until",
];
pub(super) static DATE_PREPOSITIONS: WordList<{ DATE_PREPOSITIONS_WORDS.len() }> =
    WordList::new(DATE_PREPOSITIONS_WORDS);

/// Words that open a noun phrase, as after "due to" giving a cause.
#[rustfmt::skip]
const DETERMINERS_WORDS: &[&str] = &[
    "a", "an", "her", "his", "its", "our", "that", "the", "their", "these", "this", "those",
];
pub(super) static DETERMINERS: WordList<{ DETERMINERS_WORDS.len() }> =
    WordList::new(DETERMINERS_WORDS);

/// Past forms and past markers that do not end in "-ed". Forms the present shares ("set",
/// "cut", "put") count as past where no modal, "to" or "is" stands before them: news that
/// uses them of a date ("set Friday as the deadline") tells what was done.
#[rustfmt::skip]
const PAST_WORDS: &[&str] = &[
    "ago", "arose", "ate", "became", "been", "began", "bought", "broke", "brought", "built",
    "came", "caught", "chose", "cut", "dealt", "did", "drew", "drove", "earlier", "fed", "fell",
    "felt", "fled", "flew", "forgot", "fought", "found", "froze", "gave", "got", "grew", "had",
    "heard", "held", "hit", "kept", "knew", "last", "led", "left", "let", "lost", "made", "meant",
    "met", "overtook", "paid", "put", "quit", "ran", "rode", "rose", "said", "sank", "sat", "saw",
    "sent", "set", "shook", "shot", "shut", "slid", "sold", "sought", "spent", "spoke", "spread",
    "stole", "stood", "struck", "stuck", "sued", "swept", "swore", "taught", "thought", "threw",
    "told", "took", "tore", "understood", "undertook", "was", "went", "were", "withdrew", "woke",
    "won", "wore", "wrote", "yesterday",
];
pub(super) static PAST: WordList<{ PAST_WORDS.len() }> = WordList::new(PAST_WORDS);

/// Past forms the present and the participle share: after a noun ("the deadline set in the
/// agreement", "the rates cut last week") they may qualify it rather than tell its time.
#[rustfmt::skip]
const SHARED_FORM_WORDS: &[&str] = &[
    "cut", "hit", "let", "put", "quit", "set", "shut", "spread",
];
pub(super) static SHARED_FORM: WordList<{ SHARED_FORM_WORDS.len() }> =
    WordList::new(SHARED_FORM_WORDS);

/// Verbs of choosing a date, whose object it is: "set Friday as the deadline", "picked
/// Saturday night as the time" name a date on either side of the telling, the nearest.
#[rustfmt::skip]
const CHOICE_WORDS: &[&str] = &[
    "chose", "fixed", "picked", "selected", "set",
];
pub(super) static CHOICE: WordList<{ CHOICE_WORDS.len() }> = WordList::new(CHOICE_WORDS);

/// Words ending in "-ed" that are not past verbs ("preferred shares" are a kind of stock).
#[rustfmt::skip]
const NOT_PAST_WORDS: &[&str] = &[
    "based", "bed", "exceed", "hundred", "indeed", "need", "preferred", "proceed", "red", "speed",
    "succeed",
];
pub(super) static NOT_PAST: WordList<{ NOT_PAST_WORDS.len() }> = WordList::new(NOT_PAST_WORDS);

/// Lowercase words that do not start or end a noun phrase: a date before one is no
/// qualifier ("the June 3 and June 4 talks" aside).
#[rustfmt::skip]
const NOT_NOUNS_WORDS: &[&str] = &[
    "a", "after", "and", "as", "at", "before", "but", "by", "for", "from", "in", "into", "of",
    "on", "or", "over", "than", "that", "the", "to", "until", "when", "which", "while", "with",
];
pub(super) static NOT_NOUNS: WordList<{ NOT_NOUNS_WORDS.len() }> = WordList::new(NOT_NOUNS_WORDS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_lists_are_sorted_for_binary_search() {
        assert!(FUTURE.is_sorted() && FUTURE_BEFORE_TO.is_sorted());
        assert!(PAST.is_sorted() && NOT_PAST.is_sorted() && DETERMINERS.is_sorted());
        assert!(SCHEDULE.is_sorted() && INFINITIVE_MARKERS.is_sorted());
        assert!(SUBJECT_PRONOUNS.is_sorted() && PREPOSITIONS.is_sorted());
        assert!(DATE_PREPOSITIONS.is_sorted() && SCHEDULE_PLURAL.is_sorted());
        assert!(DEFERRAL.is_sorted() && NOT_NOUNS.is_sorted());
        assert!(CONDITIONAL.is_sorted() && SHARED_FORM.is_sorted() && CHOICE.is_sorted());
    }
}
