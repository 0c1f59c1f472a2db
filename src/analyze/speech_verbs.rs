//! The documented list of reporting verbs: verbs of speech ("said", "warned", "promised")
//! and of cognition ("believes", "expects") that introduce what someone said or holds,
//! in every inflected form news prose uses (say, says, said, saying); verbs that tell the
//! manner or attitude of speech ("fumed", "barked", "pressed"), which attribute quotations
//! only; and phrasal verbs of speech ("shot back", "chimed in").
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
    "even",
    "first",
    "just",
    "never",
    "now",
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

/// Verbs of speech that tell its manner or attitude ("fumed", "barked", "pressed",
/// "charged"): they attribute a quotation as "said" does (“…,” she fumed), but do not
/// open a reported clause, as most of them take an object instead ("pressed X to",
/// "charged X with").
static MANNER: WordSet = WordSet::new(&[
    "fumed",
    "fuming", //
    "barked", //
    "mused",
    "musing",  //
    "snapped", //
    "gushes",
    "gushed", //
    "chides",
    "chided", //
    "scolds",
    "scolded", //
    "lamented",
    "lamenting", //
    "marveled",
    "marvelled", //
    "teased",    //
    "sniffed",   //
    "groused",   //
    "grumbles",
    "grumbled", //
    "huffed",   //
    "interjects",
    "interjected",
    "interjecting", //
    "objected",     //
    "pleaded",      //
    "exclaims",
    "exclaimed", //
    "screamed",  //
    "muttered",  //
    "murmured",  //
    "sighed",    //
    "chuckled",  //
    "ranted",    //
    "bellowed",  //
    "hollered",  //
    "pressed",   //
    "charged",   //
    "counters",  //
    "rebuts",
    "rebutted", //
    "assures",
    "assured",
    "assuring", //
    "chimed",   //
    "griped",   //
    "blurted",  //
    "opines",
    "opined", //
    "concludes",
    "concluded",  //
    "bragged",    //
    "beamed",     //
    "retaliated", //
    "recounted",  //
    "questioned", //
]);

/// A verb and its particle that together are a verb of speech ("shot back", "chimed in").
static PHRASAL: &[(&str, &str)] = &[
    ("shot", "back"),
    ("shoots", "back"),
    ("fired", "back"),
    ("fires", "back"),
    ("hit", "back"),
    ("hits", "back"),
    ("pushed", "back"),
    ("pushes", "back"),
    ("snapped", "back"),
    ("chimed", "in"),
    ("weighed", "in"),
    ("went", "on"),
    ("goes", "on"),
    ("piped", "up"),
    ("spoke", "up"),
];

/// True when `verb` and the word after it (`particle`) are a phrasal verb of speech
/// ("shot back", "chimed in").
pub fn is_phrasal_speech_verb(verb: &str, particle: &str) -> bool {
    PHRASAL.iter().any(|&(v, p)| v == verb && p == particle)
}

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

/// True for a speech verb in any of its forms ("warned", "promises", "fumed").
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH.contains(word) || MANNER.contains(word)
}

/// True for a verb of speech or cognition that opens a reported clause, in any of its
/// forms (verbs of manner left out).
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
        assert!(is_speech_verb("fumed") && !is_reporting_verb("pressed"));
        assert!(!is_reporting_verb("walked"));
        assert!(is_phrasal_speech_verb("shot", "back"));
        assert!(!is_phrasal_speech_verb("shot", "down"));
    }
}
