//! The documented list of reporting verbs: verbs of speech ("said", "warned", "promised")
//! and of cognition ("believes", "expects") that introduce what someone said or holds,
//! in every inflected form news prose uses (say, says, said, saying).
//!
//! Quotation attribution, reported speech and the PolNeAR evaluation all read this one
//! list, so "what counts as a reporting verb" is decided in one place.

use crate::text::WordSet;

/// Words that may stand between a subject and its reporting verb ("has repeatedly said",
/// "would later say").
pub static AUXILIARIES: WordSet = WordSet::new(&[
    "again",
    "already",
    "also",
    "broadly",
    "did",
    "does",
    "had",
    "has",
    "have",
    "later",
    "long",
    "often",
    "once",
    "previously",
    "privately",
    "publicly",
    "quickly",
    "recently",
    "repeatedly",
    "separately",
    "still",
    "then",
    "will",
    "would",
]);

/// Verbs of speech, every form.
static SPEECH: WordSet = WordSet::new(&[
    "say",
    "says",
    "said",
    "saying", //
    "tell",
    "tells",
    "told",
    "telling", //
    "add",
    "adds",
    "added",
    "adding", //
    "write",
    "writes",
    "wrote",
    "writing",
    "written", //
    "ask",
    "asks",
    "asked",
    "asking", //
    "answered",
    "answering", //
    "reply",
    "replies",
    "replied",
    "replying", //
    "respond",
    "responds",
    "responded",
    "responding", //
    "continue",
    "continues",
    "continued", //
    "insist",
    "insists",
    "insisted",
    "insisting", //
    "stress",
    "stresses",
    "stressed",
    "stressing", //
    "warn",
    "warns",
    "warned",
    "warning", //
    "note",
    "notes",
    "noted",
    "noting", //
    "argue",
    "argues",
    "argued",
    "arguing", //
    "explain",
    "explains",
    "explained",
    "explaining", //
    "declare",
    "declares",
    "declared",
    "declaring", //
    "announce",
    "announces",
    "announced",
    "announcing", //
    "tweet",
    "tweeted",
    "tweeting", //
    "posted",   //
    "recall",
    "recalls",
    "recalled",
    "recalling", //
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledging", //
    "admit",
    "admits",
    "admitted",
    "admitting", //
    "concede",
    "concedes",
    "conceded",
    "conceding", //
    "claim",
    "claims",
    "claimed",
    "claiming", //
    "complain",
    "complains",
    "complained",
    "complaining", //
    "caution",
    "cautions",
    "cautioned",
    "cautioning", //
    "urge",
    "urges",
    "urged",
    "urging", //
    "observe",
    "observes",
    "observed",
    "observing", //
    "remark",
    "remarked", //
    "suggest",
    "suggests",
    "suggested",
    "suggesting", //
    "predict",
    "predicts",
    "predicted",
    "predicting", //
    "promise",
    "promises",
    "promised",
    "promising", //
    "pledge",
    "pledges",
    "pledged",
    "pledging", //
    "vow",
    "vows",
    "vowed",
    "vowing", //
    "swear",
    "swore",
    "sworn", //
    "assert",
    "asserts",
    "asserted",
    "asserting", //
    "contend",
    "contends",
    "contended",
    "contending", //
    "maintain",
    "maintains",
    "maintained",
    "maintaining", //
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasizing", //
    "emphasise",
    "emphasises",
    "emphasised",
    "emphasising", //
    "confirm",
    "confirms",
    "confirmed",
    "confirming", //
    "deny",
    "denies",
    "denied",
    "denying", //
    "reveal",
    "reveals",
    "revealed",
    "revealing", //
    "disclose",
    "discloses",
    "disclosed",
    "disclosing", //
    "reported",
    "stated",
    "stating", //
    "mention",
    "mentions",
    "mentioned",
    "mentioning", //
    "boast",
    "boasts",
    "boasted",
    "boasting", //
    "joke",
    "jokes",
    "joked",
    "joking", //
    "quip",
    "quips",
    "quipped", //
    "scoff",
    "scoffs",
    "scoffed", //
    "shout",
    "shouts",
    "shouted", //
    "yell",
    "yells",
    "yelled", //
    "testify",
    "testifies",
    "testified",
    "testifying", //
    "agree",
    "agrees",
    "agreed", //
    "allege",
    "alleges",
    "alleged",   //
    "countered", //
    "retort",
    "retorts",
    "retorted", //
    "repeat",
    "repeats",
    "repeated", //
    "reiterate",
    "reiterates",
    "reiterated",
    "reiterating", //
    "advise",
    "advises",
    "advised", //
    "demand",
    "demanded", //
    "describe",
    "describes",
    "described", //
    "estimated", //
    "proclaim",
    "proclaims",
    "proclaimed", //
    "speculate",
    "speculates",
    "speculated", //
    "wonder",
    "wonders",
    "wondered", //
    "whisper",
    "whispers",
    "whispered", //
    "protested", //
    "tout",
    "touts",
    "touted", //
    "signaled",
    "signalled", //
    "indicate",
    "indicates",
    "indicated", //
]);

/// Verbs of cognition and attitude, every form: they introduce what someone holds.
static COGNITION: WordSet = WordSet::new(&[
    "believe",
    "believes",
    "believed",
    "believing", //
    "think",
    "thinks",
    "thought",
    "thinking", //
    "expect",
    "expects",
    "expected",
    "expecting", //
    "hope",
    "hopes",
    "hoped",
    "hoping", //
    "fear",
    "fears",
    "feared",
    "fearing", //
    "feel",
    "feels",
    "felt",
    "feeling", //
    "know",
    "knows",
    "knew", //
    "worry",
    "worries",
    "worried", //
    "doubt",
    "doubts",
    "doubted", //
    "suspect",
    "suspects",
    "suspected", //
    "conclude",
    "concludes",
    "concluded", //
    "decide",
    "decides",
    "decided", //
    "realize",
    "realizes",
    "realized", //
    "realise",
    "realises",
    "realised", //
    "recognize",
    "recognizes",
    "recognized", //
    "recognise",
    "recognises",
    "recognised", //
    "understand",
    "understands",
    "understood", //
    "assume",
    "assumes",
    "assumed", //
    "reckon",
    "reckons",
    "reckoned", //
    "imagine",
    "imagines",
    "imagined", //
]);

/// True for a speech verb in any of its forms ("warned", "promises").
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH.contains(word)
}

/// True for a verb of speech or cognition in any of its forms.
pub fn is_reporting_verb(word: &str) -> bool {
    SPEECH.contains(word) || COGNITION.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_listed_verb_reports() {
        for w in [
            "say", "says", "said", "saying", "warned", "promised", "insists",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        for w in ["believes", "expected", "thinks"] {
            assert!(is_reporting_verb(w) && !is_speech_verb(w), "{w}");
        }
        assert!(!is_reporting_verb("walked"));
    }
}
