//! Reported speech without quotation marks: `X said (that) …`, `X warned …`,
//! `X hopes …`, `X told reporters that …`, `…, adding that …`. The reported clause is
//! the quote's text; its speaker is the subject before the verb (or none when the
//! subject is unnamed: "Diplomats familiar with the talks said …").

use super::affiliations::is_party_member;
use super::participles::{Subject, participle_subject};
use super::pronouns::pronoun_gender;
use super::speakers::{
    first_coordinated, is_whole_subject, preferred_speaker, resolve_pronoun, sentence_end,
    speakable,
};
use super::speech_verbs::{AUXILIARIES, is_reporting_verb};
use super::story_entities::{Found, Story};
use super::verb_followers::{is_adverb, is_framing_word};
use crate::model::EntityKind;
use crate::text::WordSet;
use crate::text::words::{Word, words_in};
use crate::text::{QuoteMarks, Span, is_weekday_name};

/// Verbs whose clause follows at once or after "that".
static DIRECT_VERBS: WordSet = WordSet::new(&[
    "said", "says", "say", "added", "adds", "warned", "warns", "hopes", "hoped", "hope", "hailed",
    "believes", "believed", "believe", "think", "thinks", "insisted", "insists", "argued",
    "argues", "stressed",
]);

/// Verbs whose clause must open with "that" ("noted that", "told reporters that").
static THAT_VERBS: WordSet = WordSet::new(&[
    "told",
    "tells",
    "noted",
    "note",
    "notes",
    "claimed",
    "claims",
    "announced",
    "acknowledged",
    "conceded",
    "maintained",
    "suggested",
    "predicted",
    "confirmed",
    "explained",
    "emphasised",
    "emphasized",
    "complain",
    "complained",
    "caution",
    "cautioned",
    "agree",
    "agreed",
    "warn",
    "argue",
    "concede",
    "acknowledge",
    "admitted",
    "recalled",
    "out",
    "adding",
    "saying",
]);

/// Words after "think" or "believe" that make no clause of it: a noun ("think tank"), a
/// particle ("think back", "think about") or an object ("believe me").
static NO_THOUGHT_AFTER: WordSet = WordSet::new(&[
    "tank", "tanks", "about", "back", "twice", "ahead", "again", "me", "you", "him", "her", "them",
    "us",
]);

/// "<pronoun> <verb> (that)" openings of a clause that only frame it ("he hopes …").
static FRAMING_VERBS: WordSet = WordSet::new(&[
    "hopes", "hoped", "believed", "believes", "thinks", "thought", "expects", "expected", "feared",
    "fears", "felt", "feels", "knew", "knows",
]);

/// Words that start a new clause after a comma and so end the reported one.
static CLAUSE_BREAKS: WordSet = WordSet::new(&[
    "and",
    "but",
    "although",
    "though",
    "even",
    "which",
    "who",
    "while",
    "whereas",
    "adding",
    "saying",
    "a",
    "an",
    "according",
    "so",
    "as",
    "officials",
    "diplomats",
    "he",
    "she",
    "they",
]);

/// One reported clause with its speaker (an entity index of the story).
pub struct ReportedClause {
    pub span: Span,
    pub speaker: Option<usize>,
}

/// Finds reported clauses outside quotation marks (`quoted` spans are skipped).
pub fn find_reported(
    text: &str,
    words: &[Word],
    story: &mut Story,
    subjects: &[(usize, usize)],
    sentences: &[Span],
    quoted: &[Span],
) -> Vec<ReportedClause> {
    let mut out: Vec<ReportedClause> = Vec::new();
    let mut resume = 0;
    for (k, w) in words.iter().enumerate() {
        if w.span.start < resume {
            continue;
        }
        let verb = &text[w.span.start..w.span.end];
        // "…, saying the board had …": after a comma the participle's clause follows at once.
        let after_comma = k > 0 && text[words[k - 1].span.end..w.span.start].trim() == ",";
        let direct =
            DIRECT_VERBS.contains(verb) || (after_comma && matches!(verb, "saying" | "adding"));
        // Any other reporting verb opens a clause only with a mark of one: "that", a
        // subject pronoun or a question word ("announced he is", "asked whether").
        let needs_that = !direct
            && (THAT_VERBS.contains(verb)
                || (is_reporting_verb(verb) && !after_determiner(text, words, k)));
        if !needs_that && !direct {
            continue;
        }
        if inside(quoted, w.span.start) {
            continue;
        }
        let thought = matches!(verb, "think" | "thinks" | "believe");
        if thought
            && words
                .get(k + 1)
                .is_some_and(|n| NO_THOUGHT_AFTER.contains(&text[n.span.start..n.span.end]))
        {
            continue;
        }
        if verb == "out"
            && !(k > 0 && &text[words[k - 1].span.start..words[k - 1].span.end] == "point")
        {
            continue;
        }
        let Some(start) = clause_start_after(text, words, k, needs_that) else {
            continue;
        };
        let end = reported_end(text, sentences, start);
        let span = Span { start, end };
        if words_in(words, span).len() < 3 || names_the_speaker(text, story, w.span.start, span) {
            continue;
        }
        // "X was asked to …", "X was told that …": the subject is who heard it ("X was
        // saying" is no passive).
        let passive = !verb.ends_with("ing")
            && k.checked_sub(1).is_some_and(|p| {
                matches!(
                    &text[words[p].span.start..words[p].span.end],
                    "was" | "were" | "been" | "being" | "be" | "is" | "are"
                )
            });
        let speaker = if passive {
            None
        } else {
            subject_before(text, words, story, subjects, sentences, k)
        };
        out.push(ReportedClause { span, speaker });
        resume = end;
        // "… said that X, and that Y": each clause joined by "and that" is its own.
        while let Some(next) = joined_clause_start(text, resume) {
            let span = Span {
                start: next,
                end: reported_end(text, sentences, next),
            };
            out.push(ReportedClause { span, speaker });
            resume = span.end;
        }
    }
    out
}

/// The start of a further reported clause right after byte `end` ("…, and that Y").
fn joined_clause_start(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let skipped = rest.len() - rest.trim_start_matches([',', ' ']).len();
    rest[skipped..]
        .strip_prefix("and that ")
        .map(|_| end + skipped + "and that ".len())
}

fn inside(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= at);
    spans.get(i).is_some_and(|s| s.start <= at)
}

/// Where the reported clause after verb `k` starts: after "that" (which may follow a
/// time phrase or an object: "said on Monday that", "told reporters that"), after a
/// framing "he hopes", or right after the verb.
fn clause_start_after(text: &str, words: &[Word], k: usize, needs_that: bool) -> Option<usize> {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let next = k + 1;
    if next >= words.len()
        || !text[words[k].span.end..words[next].span.start]
            .trim()
            .is_empty()
    {
        return None;
    }
    let that = (next..(next + 6).min(words.len()))
        .take_while(|&i| {
            text[words[i - 1].span.end..words[i].span.start]
                .trim()
                .is_empty()
        })
        .find(|&i| word(i) == "that");
    let mut first = match that {
        Some(t) => t + 1,
        None if needs_that => {
            return marked_clause_start(text, words, k).or_else(|| {
                APPEAL_VERBS
                    .contains(word(k))
                    .then(|| appeal_start(text, words, k))
                    .flatten()
            });
        }
        None if is_framing_word(word(next)) => return None,
        None => next,
    };
    // "he hopes …", "she was confident that …": the frame is not what was said.
    if first + 1 < words.len() && matches!(word(first), "he" | "she" | "they" | "it" | "we") {
        if FRAMING_VERBS.contains(word(first + 1)) {
            first += 2;
            if first < words.len() && word(first) == "that" {
                first += 1;
            }
        } else if matches!(word(first + 1), "was" | "is" | "were" | "are")
            && let Some(t) = (first + 1..(first + 4).min(words.len())).find(|&i| word(i) == "that")
        {
            first = t + 1;
        }
    }
    words.get(first).map(|w| w.span.start)
}

/// Verbs of a request or an appeal: what was asked is the object and its infinitive
/// ("urged the board to act", "asked voters to stay home").
static APPEAL_VERBS: WordSet = WordSet::new(&[
    "urged", "urges", "urge", "urging", "asked", "asks", "asking", "implored", "implores",
    "begged", "begs",
]);

/// Words after "to" that show a place or a recipient, not an infinitive ("to the board").
static NOT_INFINITIVE: WordSet = WordSet::new(&[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "be",
]);

/// Where an appeal's content starts after verb `k` ("urged the board to act"): right
/// after the verb, when an infinitive follows at once or after a short object.
fn appeal_start(text: &str, words: &[Word], k: usize) -> Option<usize> {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let last = (k + 2 + MAX_OBJECT_WORDS).min(words.len().saturating_sub(1));
    let to = (k + 1..last)
        .take_while(|&i| {
            text[words[i - 1].span.end..words[i].span.start]
                .trim()
                .is_empty()
        })
        .find(|&i| word(i) == "to")?;
    let verb = word(to + 1);
    let infinitive = verb.starts_with(char::is_lowercase) && !NOT_INFINITIVE.contains(verb);
    infinitive.then(|| words[k + 1].span.start)
}

/// Subject pronouns that open a reported clause ("announced she is running").
static SUBJECT_PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "we", "I"]);

/// Words that open an embedded question ("asked whether", "would not say how").
static QUESTION_WORDS: WordSet =
    WordSet::new(&["whether", "if", "how", "why", "what", "who", "which"]);

/// Most words of an object between a verb and its clause ("told the local paper he").
const MAX_OBJECT_WORDS: usize = 4;

/// Where a clause without "that" starts after verb `k`: at a subject pronoun or a
/// question word right after the verb or after a short object on the same clause
/// ("told CNN he would", "asked the senator whether"). None for anything else.
fn marked_clause_start(text: &str, words: &[Word], k: usize) -> Option<usize> {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    let last = (k + 1 + MAX_OBJECT_WORDS).min(words.len());
    (k + 1..last)
        .take_while(|&i| {
            text[words[i - 1].span.end..words[i].span.start]
                .trim()
                .is_empty()
        })
        .find(|&i| SUBJECT_PRONOUNS.contains(word(i)) || QUESTION_WORDS.contains(word(i)))
        .map(|i| words[i].span.start)
}

/// True when word `k` follows a determiner or possessive: a noun ("the fear that",
/// "his hope"), not a verb.
fn after_determiner(text: &str, words: &[Word], k: usize) -> bool {
    k > 0
        && matches!(
            text[words[k - 1].span.start..words[k - 1].span.end]
                .to_ascii_lowercase()
                .as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "no"
                | "any"
                | "some"
                | "new"
                | "widespread"
        )
}

/// Pronouns and auxiliaries: a phrase holding one is a clause ("said he would welcome
/// Anna Vos"), never a speaker's name and role.
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "i", "he", "she", "it", "we", "they", "you", "there", "this", "that", "is", "was", "are",
    "were", "be", "been", "has", "had", "have", "will", "would", "can", "could", "should", "may",
    "might", "must", "did", "does", "not",
]);

/// Most words of a speaker phrase after an inverted verb ("said chief economist Anna Vos").
const MAX_SPEAKER_PHRASE_WORDS: usize = 6;

/// True when the words after an inverted verb (one right after a comma or a closing
/// quotation mark: `", said Anna Vos, an analyst"`, `, said spokesman Ben Roe.`) name
/// its speaker rather than report a clause: their first comma-separated piece is short
/// and ends with a name or a party member ("said a Nevada Democrat").
fn names_the_speaker(text: &str, story: &Story, verb_start: usize, clause: Span) -> bool {
    let before = text[..verb_start].trim_end();
    let inverted = before.ends_with([',', '”', '"', '’', '\'']);
    if !inverted {
        return false;
    }
    let piece_end = text[clause.start..clause.end]
        .find(", ")
        .map_or(clause.end, |i| clause.start + i);
    let piece = &text[clause.start..piece_end];
    let piece = piece.trim_end_matches(['.', ',', ';', ':']).trim_end();
    if piece
        .split_whitespace()
        .nth(MAX_SPEAKER_PHRASE_WORDS)
        .is_some()
        || piece.split_whitespace().any(|w| CLAUSE_WORDS.contains(w))
    {
        return false;
    }
    let end = clause.start + piece.len();
    let ends_with_name = story
        .mentions_in(Span {
            start: clause.start,
            end,
        })
        .last()
        .is_some_and(|m| m.span.end == end);
    ends_with_name
        || piece.split_whitespace().last().is_some_and(is_party_member)
        || piece
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// The end of a reported clause: the sentence end, or a comma before a new clause.
fn reported_end(text: &str, sentences: &[Span], start: usize) -> usize {
    // A quoted fragment inside the clause belongs to it (said the deal was "fair").
    let end = sentence_end(text, sentences, start, false);
    let piece = &text[start..end];
    let mut cut = piece.len();
    let mut relative_clause_end = 0;
    for (i, _) in piece.match_indices(", ") {
        if i < relative_clause_end {
            continue;
        }
        let next = first_word(&piece[i + 2..]);
        // A relative clause between commas ("the island, which lies offshore, would …")
        // sits inside the reported clause when the sentence goes on after it.
        let closing = || {
            piece[i + 2..]
                .find(", ")
                .map(|j| i + 2 + j)
                .filter(|&close| !CLAUSE_BREAKS.contains(first_word(&piece[close + 2..])))
        };
        if matches!(next, "which" | "who")
            && let Some(close) = closing()
        {
            relative_clause_end = close + 1;
            continue;
        }
        if CLAUSE_BREAKS.contains(next) {
            cut = i;
            break;
        }
    }
    if let Some(i) = first_clause_stop(&piece[..cut]) {
        cut = i;
    }
    let clause = piece[..cut]
        .trim_end()
        .trim_end_matches(['.', ',', ';', ':']);
    let end = start + clause.len();
    // A quotation opened inside the clause closes inside it ("the last friction points.").
    let marks = QuoteMarks::of(clause);
    let open = marks.opening > marks.closing || marks.straight % 2 == 1;
    let tail = text[end..].trim_start_matches(['.', ',', '?', '!']);
    match tail.chars().next() {
        Some(mark @ ('”' | '"')) if open => text.len() - tail.len() + mark.len_utf8(),
        _ => end,
    }
}

/// Where the first ";" or spaced dash (" — ", " – ", " -- ") of `text` begins.
fn first_clause_stop(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // ';', '-' and the first byte of the UTF-8 en and em dashes.
    memchr::memchr3_iter(b';', b'-', 0xE2, bytes).find_map(|i| {
        if bytes[i] == b';' {
            return Some(i);
        }
        let dash = ["—", "–", "--"]
            .iter()
            .find(|dash| text[i..].starts_with(**dash))?;
        let spaced = i > 0 && bytes[i - 1] == b' ' && bytes.get(i + dash.len()) == Some(&b' ');
        spaced.then(|| i - 1)
    })
}

/// The leading run of letters and digits of `text`.
fn first_word(text: &str) -> &str {
    text.split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// The speaker of verb `k`: the entity ending just before it (past auxiliaries, adverbs
/// and an apposition between commas), a pronoun, or none for an unnamed subject. For
/// "adding"/"saying" the subject is that of the sentence.
fn subject_before(
    text: &str,
    words: &[Word],
    story: &mut Story,
    subjects: &[(usize, usize)],
    sentences: &[Span],
    k: usize,
) -> Option<usize> {
    let word = |i: usize| &text[words[i].span.start..words[i].span.end];
    // "X is insisting that …": the progressive's "is" stands between subject and verb.
    let progressive =
        |w: &str| word(k).ends_with("ing") && matches!(w, "is" | "was" | "are" | "were" | "been");
    // Only spaces separate the skipped words: "family, said" has no adverb "family".
    let joined = |j: usize| {
        text[words[j - 1].span.end..words[j].span.start]
            .bytes()
            .all(|b| b == b' ')
    };
    let mut j = k;
    loop {
        if j > 0
            && joined(j)
            && (AUXILIARIES.contains(word(j - 1))
                || is_adverb(word(j - 1))
                || progressive(word(j - 1)))
        {
            j -= 1;
        } else if j > 1 && joined(j) && joined(j - 1) && is_time_phrase(word(j - 2), word(j - 1)) {
            // "X on Friday announced", "X last week said".
            j -= 2;
        } else {
            break;
        }
    }
    // The subject is in the verb's sentence ("Sen. X (R-Ky.) said": the stops of
    // abbreviations end no sentence).
    let sentence_start = super::speakers::clause_start(sentences, words[k].span.start, None);
    if j == 0 || words[j - 1].span.start < sentence_start {
        return None;
    }
    let mut end = words[j - 1].span.end;
    let gap = &text[end..words[j].span.start];
    // A comma before the verb, also after a closing bracket ("X (D-Vt.), said").
    let comma = gap.trim().ends_with(',');
    // "X met Y and said …", "X is a trader but concedes …": a second verb of the subject.
    let coordinated = matches!(word(j - 1), "and" | "but") && !comma;
    if comma || coordinated || matches!(word(k), "adding" | "saying") {
        // "X, the foreign minister, said" / "X …, adding that": the subject opens the sentence.
        let end = if coordinated {
            words[j - 1].span.start
        } else {
            words[k].span.start
        };
        let sentence = Span {
            start: sentence_start,
            end: end.max(sentence_start),
        };
        // "X attacked Y, calling him …": a participle's subject is the sentence's.
        let participle = word(k).ends_with("ing");
        if comma && !participle {
            let opener = words_in(words, sentence).first().map(|w| w.span);
            if let Some(w) = opener
                && let Some(gender) = pronoun_gender(&text[w.start..w.end])
            {
                return resolve_pronoun(story, subjects, &[], gender, w.start);
            }
            return preferred_speaker(text, story, sentence);
        }
        return match participle_subject(text, words, story, sentence)? {
            Subject::Entity(e) => Some(e),
            Subject::Pronoun(gender, at) => resolve_pronoun(story, subjects, &[], gender, at),
        };
    }
    if let Some(gender) = pronoun_gender(word(j - 1)) {
        return resolve_pronoun(story, subjects, &[], gender, words[j - 1].span.start);
    }
    if !gap.trim().is_empty() {
        end = words[j].span.start;
    }
    let i = story.mentions.partition_point(|m| m.span.end <= end);
    let m = i.checked_sub(1).map(|i| story.mentions[i])?;
    let clause_start = text[sentence_start..end]
        .rfind([',', ';', ':'])
        .map_or(sentence_start, |i| sentence_start + i + 1);
    let at_verb = m.span.end == end
        && (speakable(story, &m) || is_whole_subject(text, m.span, clause_start, end));
    if at_verb && story.entities[m.entity].kind == EntityKind::Person {
        // "X and Y said": the first of coordinated people.
        let from = story.mentions[..i].partition_point(|p| p.span.start < sentence_start);
        let people: Vec<Found> = story.mentions[from..i]
            .iter()
            .filter(|p| story.entities[p.entity].kind == EntityKind::Person)
            .copied()
            .collect();
        let first = first_coordinated(text, &people, people.len() - 1);
        return Some(people[first].entity);
    }
    // "Senator X of Ohio said": the person the place qualifies, not the place.
    person_qualified_before(text, words, story, sentence_start, end).or(at_verb.then_some(m.entity))
}

/// Words naming a time in a two-word phrase between a subject and its verb, besides the
/// weekday names.
static TIME_NOUNS: WordSet = WordSet::new(&[
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "time",
]);

/// True for a two-word time phrase ("on Friday", "last week", "this morning").
fn is_time_phrase(first: &str, second: &str) -> bool {
    matches!(
        first,
        "on" | "last" | "this" | "that" | "earlier" | "later" | "one"
    ) && (TIME_NOUNS.contains(second) || is_weekday_name(second))
}

/// Most words of a subject whose head is a qualified person ("Senator Anna Vos of the
/// Harbour Party").
const MAX_QUALIFIED_SUBJECT_WORDS: usize = 10;

/// Words after a person's name that qualify it without ending the subject: "X of Y",
/// "X and other leaders", "X (D-Vt.)".
static QUALIFIERS: WordSet = WordSet::new(&["of", "from", "at", "in", "and", "with"]);

/// The person heading the subject that ends at byte `end` when words qualify the name
/// ("Senator Anna Vos of Ohio said", "Mr. Vos and other leaders have said"): the last
/// person of the subject (which starts after the last comma of the sentence) that a
/// qualifier follows.
fn person_qualified_before(
    text: &str,
    words: &[Word],
    story: &Story,
    sentence_start: usize,
    end: usize,
) -> Option<usize> {
    let start = text[sentence_start..end]
        .rfind([',', ';', ':'])
        .map_or(sentence_start, |i| sentence_start + i + 1);
    let subject = Span { start, end };
    if words_in(words, subject).len() > MAX_QUALIFIED_SUBJECT_WORDS {
        return None;
    }
    story
        .mentions_in(subject)
        .iter()
        .rev()
        .find(|m| {
            let after = text[m.span.end..end].trim_start();
            let qualified = after.starts_with('(')
                || QUALIFIERS.contains(first_word(after)) && after.starts_with(char::is_lowercase);
            story.entities[m.entity].kind == EntityKind::Person && qualified
        })
        .map(|m| m.entity)
}
