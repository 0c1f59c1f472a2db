//! Who said it: attribution of quotations (`"Q," X said`, `X said: "Q"`, `said X`,
//! `X told Y "Q"`, `quoted X as saying`, `according to X`, pronouns, continued quotes)
//! and their kind (direct, partial, scare).

use super::gazetteer::Gender;
use super::pronouns::pronoun_gender;
use super::quotes::{Marked, is_title_or_markup};
use super::speech_verbs::{is_phrasal_speech_verb, is_speech_verb};
use super::story_entities::{Form, Found, Story};
use super::verb_followers::{is_adverb, is_framing_word};
use crate::model::{EntityKind, QuoteKind};
use crate::text::words::{Word, words_in};
use crate::text::{Span, WordSet, is_weekday_name};

mod party_tags;
mod subjects;
pub use party_tags::is_party_tag;
pub use subjects::{resolve_pronoun, subject_people};

/// Verbs by which a holder labels something with a quoted term.
static LABEL_VERBS: WordSet = WordSet::new(&[
    "call",
    "calls",
    "called",
    "describe",
    "describes",
    "described",
    "label",
    "labels",
    "labelled",
    "labeled",
    "brand",
    "brands",
    "branded",
    "dub",
    "dubs",
    "dubbed",
    "term",
    "terms",
    "termed",
    "see",
    "sees",
    "regard",
    "regards",
    "consider",
    "considers",
]);

/// An attributed quotation, before it becomes a [`crate::model::Quote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attributed {
    pub inner: Span,
    pub speaker: Option<usize>,
    pub kind: QuoteKind,
}

/// Where the speaker of one quotation comes from.
enum Cue {
    /// An entity named next to a reporting verb.
    Entity(usize),
    /// "he said", "she added": resolved to the last person in subject position.
    Pronoun(Gender, usize),
    /// A reporting verb with an unnamed subject ("one diplomat said").
    Anonymous,
}

/// Attributes every quotation to a speaker and gives it a kind.
pub fn attribute(
    text: &str,
    words: &[Word],
    story: &mut Story,
    subjects: &[(usize, usize)],
    sentences: &[Span],
    quotes: &[Marked],
) -> Vec<Attributed> {
    let mut out: Vec<Attributed> = Vec::with_capacity(quotes.len());
    let mut speakers_so_far: Vec<(usize, usize)> = Vec::new();
    let mut previous_anonymous = false;
    // The last quotation that is someone's words: a quoted show title in between
    // ("said on “Morning Joe,” adding, “…”") is passed over.
    let mut last_spoken: Option<usize> = None;
    for (k, q) in quotes.iter().enumerate() {
        let previous_end = k.checked_sub(1).map(|p| quotes[p].outer.end);
        let start = clause_start(sentences, q.outer.start, previous_end);
        let sentence_closed = ends_own_sentence(text, q);
        let end = cue_sentence_end(text, sentences, q.outer.end, sentence_closed);
        let before = Span {
            start,
            end: q.outer.start,
        };
        let after = Span {
            start: q.outer.end,
            end,
        };
        if names_a_title(text, q) {
            out.push(Attributed {
                inner: q.inner,
                speaker: None,
                kind: QuoteKind::Direct,
            });
            continue;
        }
        let previous = last_spoken.replace(k);
        if is_fragment(text, q) {
            let mut a = fragment(text, words, story, q, Span { start, end });
            // "Trump is a “change agent,” Anna Novak said.": the cue that closes the sentence.
            let closes_clause = text[q.inner.start..q.inner.end].trim_end().ends_with(',')
                || text[q.outer.end..].starts_with(',');
            if a.speaker.is_none() && closes_clause {
                let speaker = match after_cue(text, words, story, after, sentence_closed) {
                    Some(Cue::Entity(e)) => Some(e),
                    Some(Cue::Pronoun(gender, at)) => {
                        resolve_pronoun(story, subjects, &speakers_so_far, gender, at)
                    }
                    _ => None,
                };
                if let Some(e) = speaker {
                    a.speaker = Some(e);
                    a.kind = QuoteKind::Partial;
                }
            }
            out.push(a);
            previous_anonymous = false;
            continue;
        }
        let cue = after_cue(text, words, story, after, sentence_closed)
            .or_else(|| before_cue(text, words, story, before))
            .or_else(|| {
                let lead_in = lead_in_paragraph(text, sentences, q, previous_end)?;
                before_cue(text, words, story, lead_in)
            });
        let attributed = cue.is_some();
        let speaker = match cue {
            Some(Cue::Entity(e)) => Some(e),
            // "“…,” a senior official said. “…,” he added.": still the unnamed official.
            Some(Cue::Pronoun(..))
                if previous_anonymous
                    && continues(text, story, sentences, quotes, previous, k, usize::MAX) =>
            {
                None
            }
            Some(Cue::Pronoun(gender, at)) => {
                resolve_pronoun(story, subjects, &speakers_so_far, gender, at)
            }
            Some(Cue::Anonymous) => None,
            // No cue of its own: a quotation right after another one continues it.
            None => previous
                .and_then(|p| out[p].speaker)
                .filter(|&e| continues(text, story, sentences, quotes, previous, k, e)),
        };
        // “…,” said X, speaking of Y, “…”: the rest of a quotation its cue splits.
        let speaker = speaker.or_else(|| {
            previous
                .filter(|&p| splits(text, &quotes[p], q))
                .and_then(|p| out[p].speaker)
        });
        if let Some(e) = speaker {
            speakers_so_far.push((q.outer.start, e));
        }
        previous_anonymous = attributed && speaker.is_none();
        out.push(Attributed {
            inner: q.inner,
            speaker,
            kind: QuoteKind::Direct,
        });
    }
    share_speakers_across_paragraphs(quotes, &mut out);
    out
}

/// The sentence ending in a colon that closes the paragraph before a quotation opening
/// its own paragraph ("Cruz continued:\n\n“…”"), not reaching back past the previous
/// quotation (`previous_end`).
fn lead_in_paragraph(
    text: &str,
    sentences: &[Span],
    q: &Marked,
    previous_end: Option<usize>,
) -> Option<Span> {
    let before = &text[..q.outer.start];
    let lead = before.trim_end();
    let opens_paragraph = before[lead.len()..].contains('\n');
    if !opens_paragraph || !lead.ends_with(':') {
        return None;
    }
    let colon = lead.len() - 1;
    let start = clause_start(sentences, colon, previous_end);
    Some(Span {
        start,
        end: colon + 1,
    })
}

/// The most words of a sentence that only attributes the quotation before it
/// ("Republican National Committee chairman Anna Novak said on Tuesday.").
const MAX_CUE_SENTENCE_WORDS: usize = 10;

/// The most words before the speech verb of a longer cue sentence.
const MAX_WORDS_BEFORE_CUE_VERB: usize = 5;

/// Where the words after a quotation ending at byte `at` stop: the end of its sentence,
/// or, when the quotation closes its own sentence there (“Why?” Anna Novak asked.), the
/// end of the next sentence of the same paragraph, which holds the cue. A longer
/// sentence is the cue only when its speech verb comes early and reports no clause of
/// its own (“…?” X remarked, alluding to …); "X said the vote was close" tells its own
/// news.
fn cue_sentence_end(text: &str, sentences: &[Span], at: usize, sentence_closed: bool) -> usize {
    let end = clause_end(text, sentences, at);
    if !sentence_closed || !text[at..end].trim().is_empty() {
        return end;
    }
    let next = sentences.partition_point(|s| s.start < at);
    match sentences.get(next) {
        Some(s) if text[at..s.start].trim_matches(' ').is_empty() => {
            let cue_end = clause_end(text, sentences, s.start);
            let cue = &text[s.start..cue_end];
            let short = cue.split_whitespace().nth(MAX_CUE_SENTENCE_WORDS).is_none();
            if short || reports_no_clause(cue) {
                cue_end
            } else {
                end
            }
        }
        _ => end,
    }
}

/// True when sentence `cue` opens with a speech verb (after a short subject) that reports
/// no clause of its own: a pause, or a time, place or manner phrase follows it (“…?” X
/// remarked, alluding to …; “…?” X said of Y in February, when …; X asked rhetorically).
fn reports_no_clause(cue: &str) -> bool {
    let opening: Vec<&str> = cue
        .split_whitespace()
        .take(MAX_WORDS_BEFORE_CUE_VERB + 2)
        .collect();
    let Some(verb) = opening[..opening.len().min(MAX_WORDS_BEFORE_CUE_VERB + 1)]
        .iter()
        .position(|w| is_speech_verb(w.trim_end_matches(',')))
    else {
        return false;
    };
    if opening[verb].ends_with(',') {
        return true;
    }
    opening.get(verb + 1).is_some_and(|next| {
        let next = next.trim_end_matches(',');
        is_framing_word(next) || is_weekday_name(next) || is_adverb(next)
    }) && !cue.split_whitespace().any(|w| w == "that")
}

/// True when the quotation ends its sentence inside the marks and a capital follows
/// (“… done.” Next …): what follows attributes it only if it names the speaker at once
/// (“Why?” Anna Novak asked). “Why?” she asked continues in lower case.
fn ends_own_sentence(text: &str, q: &Marked) -> bool {
    let inner = text[q.inner.start..q.inner.end].trim_end();
    let next_word = text[q.outer.end..].trim_start_matches([' ', ',']);
    inner.ends_with(['.', '?', '!']) && !next_word.starts_with(|c: char| c.is_lowercase())
}

/// True when quotation `k` continues quotation `k - 1`, said by `speaker`: the next
/// piece of a multi-paragraph quotation, later in the same paragraph with no other
/// person named in between (“…,” X said after the talks. “…”), or the opening of the
/// next paragraph when the previous one ends with quotation `k - 1` and its cue (news
/// gives a speaker's next words a paragraph of their own). People named in the
/// sentence that names the speaker are not in between (“…,” said X, an adviser to Y. “…”).
fn continues(
    text: &str,
    story: &Story,
    sentences: &[Span],
    quotes: &[Marked],
    previous: Option<usize>,
    k: usize,
    speaker: usize,
) -> bool {
    let Some(p) = previous.map(|p| quotes[p]) else {
        return false;
    };
    if p.continues {
        return true;
    }
    let gap = Span {
        start: p.outer.end,
        end: quotes[k].outer.start,
    };
    if let Some(break_at) = text[gap.start..gap.end].find('\n') {
        let paragraph_end = gap.start + break_at;
        let opens_next_paragraph = text[paragraph_end..gap.end].trim().is_empty();
        // A quotation that closes its sentence (“Why?” X asked.) leaves its cue a sentence.
        let cue_sentences = usize::from(ends_own_sentence(text, &p));
        let later_sentences = sentences
            .partition_point(|s| s.start < paragraph_end)
            .saturating_sub(sentences.partition_point(|s| s.start <= p.outer.end));
        let inner = quotes[k].inner;
        // Another person named after the quotation in its paragraph may be its speaker.
        let own_paragraph_end = text[inner.end..]
            .find('\n')
            .map_or(text.len(), |i| inner.end + i);
        let other_named_after = story
            .mentions_in(Span {
                start: quotes[k].outer.end,
                end: own_paragraph_end,
            })
            .iter()
            .any(|m| m.entity != speaker && story.entities[m.entity].kind == EntityKind::Person);
        if !opens_next_paragraph
            || later_sentences > cue_sentences
            || other_named_after
            || is_title_or_markup(&text[inner.start..inner.end])
        {
            return false;
        }
    }
    let mentions = story.mentions_in(gap);
    // The end of the sentence naming the speaker, or of the cue right after the previous
    // quotation when a he/she opens it (“…,” he told X.): others named before are asides.
    let cue_by_pronoun = text[gap.start..gap.end]
        .trim_start_matches([',', ' '])
        .split(' ')
        .next()
        .is_some_and(|w| pronoun_gender(w).is_some());
    let aside_end = mentions
        .iter()
        .find(|m| m.entity == speaker)
        .map(|m| m.span.end)
        .or(cue_by_pronoun.then_some(gap.start))
        .map_or(gap.start, |at| sentence_end(text, sentences, at, false));
    mentions.iter().all(|m| {
        m.entity == speaker
            || m.span.start < aside_end
            || story.entities[m.entity].kind != EntityKind::Person
    })
}

/// True when quotation `q` is the rest of quotation `p` that its cue splits: `p` ends with
/// a comma inside its marks, and the words between, in one paragraph, hold a speech verb
/// and end with a comma (“…,” said X, director of Y, “…”).
fn splits(text: &str, p: &Marked, q: &Marked) -> bool {
    let inner = text[p.inner.start..p.inner.end].trim_end();
    let gap = &text[p.outer.end..q.outer.start];
    inner.ends_with(',')
        && gap.trim_end().ends_with(',')
        && !gap.contains(['\n', ';'])
        && gap
            .split(|c: char| !c.is_alphanumeric())
            .any(is_speech_verb)
}

/// A multi-paragraph quotation is one speaker's: pieces take the speaker found on any piece.
fn share_speakers_across_paragraphs(quotes: &[Marked], out: &mut [Attributed]) {
    let mut chain_start = 0;
    for k in 0..quotes.len() {
        if quotes[k].continues {
            continue;
        }
        let speaker = out[chain_start..=k].iter().find_map(|a| a.speaker);
        for a in &mut out[chain_start..=k] {
            a.speaker = a.speaker.or(speaker);
        }
        chain_start = k + 1;
    }
}

/// True for a title in quotation marks after a preposition or a possessive ("on CNN's
/// “State of the Union,”", "a broadcast of “Meet the Press”"): a show or a work, no
/// one's words, whatever speech verb follows.
fn names_a_title(text: &str, q: &Marked) -> bool {
    let before = text[..q.outer.start].trim_end();
    ends_with_title_lead(before) && is_title_or_markup(&text[q.inner.start..q.inner.end])
}

/// True when `before` ends with a preposition or a possessive, the words before a title
/// in quotation marks ("on CNN's “…”", "a broadcast of “…”").
fn ends_with_title_lead(before: &str) -> bool {
    let last_word = before.rsplit([' ', '\n']).next().unwrap_or("");
    matches!(
        last_word.to_lowercase().as_str(),
        "on" | "of" | "in" | "at" | "from" | "to"
    ) || last_word.ends_with("'s")
        || last_word.ends_with("’s")
}

/// A short phrase quoted inside the writer's own sentence (`as “frank and useful”`).
fn is_fragment(text: &str, q: &Marked) -> bool {
    let inner = text[q.inner.start..q.inner.end].trim_end();
    let glued_to_words = text[..q.outer.start]
        .trim_end_matches(' ')
        .ends_with(|c: char| c.is_alphanumeric());
    let starts_lower = inner.starts_with(|c: char| c.is_lowercase());
    glued_to_words
        && (starts_lower || !inner.ends_with(['.', ',', '?', '!', '…', ':']))
        && inner.split_whitespace().nth(12).is_none()
}

/// Partial (a speaker's fragment) or scare quote (a term held at a distance).
fn fragment(text: &str, words: &[Word], story: &Story, q: &Marked, sentence: Span) -> Attributed {
    let before = Span {
        start: sentence.start,
        end: q.outer.start,
    };
    // The first person followed by a speech or labelling verb, else the first speakable
    // entity so followed ("spokesperson Lin Jian said …", "NATO allies call …").
    let with_verb = |m: &Found| {
        let from = past_apposition(text, m.span.end, q.outer.start);
        verb_after(text, words, from, q.outer.start).map(|v| (m.entity, v))
    };
    let mentions = story.mentions_in(before);
    let subject = mentions
        .iter()
        .filter(|m| story.entities[m.entity].kind == EntityKind::Person)
        .find_map(with_verb)
        .or_else(|| {
            mentions
                .iter()
                .filter(|m| speakable(story, m))
                .find_map(with_verb)
        });
    let (speaker, kind) = match subject {
        Some((e, verb))
            if story.entities[e].kind == EntityKind::Person || !LABEL_VERBS.contains(verb) =>
        {
            (Some(e), QuoteKind::Partial)
        }
        Some((e, _)) => (Some(e), QuoteKind::Scare),
        None => (None, QuoteKind::Scare),
    };
    Attributed {
        inner: q.inner,
        speaker,
        kind,
    }
}

/// Longest apposition, in bytes, skipped between a name and its verb.
const MAX_APPOSITION: usize = 160;

/// The byte after an apposition set off by commas at byte `at` (", an analyst at X,"),
/// or `at` itself when none closes before `limit`.
fn past_apposition(text: &str, at: usize, limit: usize) -> usize {
    if !text[at..limit].starts_with(", ") {
        return at;
    }
    let reach = char_boundary_at_or_after(text, (at + MAX_APPOSITION).min(limit));
    text[at + 2..reach]
        .find(", ")
        .map_or(at, |i| at + 2 + i + 2)
}

/// The speech or labelling verb within three words after byte `from` (before `limit`).
fn verb_after<'t>(text: &'t str, words: &[Word], from: usize, limit: usize) -> Option<&'t str> {
    let first = words.partition_point(|w| w.span.start < from);
    words[first..]
        .iter()
        .take(3)
        .take_while(|w| w.span.end <= limit)
        .map(|w| &text[w.span.start..w.span.end])
        .find(|w| is_speech_verb(w) || LABEL_VERBS.contains(w))
}

/// The most words between a quotation and the verb that attributes it.
const MAX_WORDS_TO_VERB: usize = 18;

/// The speaker named after a quotation: `, X said`, `, said X`, `, she added`.
fn after_cue(
    text: &str,
    words: &[Word],
    story: &Story,
    after: Span,
    sentence_closed: bool,
) -> Option<Cue> {
    // Words running into the next quotation introduce that one (“…” X said: “…”),
    // unless a comma splits one quotation (“We will,” she said, “respond.”).
    let lead = text[after.start..after.end].trim_end();
    let runs_into_quote =
        after.end < text.len() && text[after.end..].starts_with(['“', '"', '‘', '«', '„']);
    // After a comma inside the marks the words are this quotation's cue; a quotation they
    // run into is introduced by them only after a colon or a speech verb, else it is the
    // rest of a split quotation (“…,” she said, “…”) or a fragment glued to the sentence
    // ("…,” X said, adding that Y was “…”).
    // A title after a preposition or a possessive ("said on KTV’s “Morning Hour.”") is
    // no quotation these words introduce.
    let title_follows = ends_with_title_lead(lead);
    let introduces_next = !title_follows && sentence_closed
        || lead.ends_with(':')
        || lead
            .rsplit(' ')
            .next()
            .is_some_and(|w| is_speech_verb(w.trim_end_matches(';')))
        || is_bare_participle(lead);
    if runs_into_quote && introduces_next {
        return None;
    }
    let ws = words_in(words, after);
    let word = |w: &Word| &text[w.span.start..w.span.end];
    // “…,” according to the agency.
    if let [first, second, ..] = ws
        && word(first).eq_ignore_ascii_case("according")
        && word(second) == "to"
    {
        let named = Span {
            start: second.span.end,
            end: after.end,
        };
        return preferred_speaker(text, story, named).map(Cue::Entity);
    }
    // A verb further away counts when an apposition closes right before it
    // (“…,” Anna Novak, a researcher at the Halden Institute in Oslo, said).
    let reach = if sentence_closed { 5 } else { 9 };
    let speech_at = |i: usize| {
        is_speech_verb(word(&ws[i]))
            || ws
                .get(i + 1)
                .is_some_and(|p| is_phrasal_speech_verb(word(&ws[i]), word(p)))
    };
    let verb = (0..ws.len().min(MAX_WORDS_TO_VERB)).find(|&i| speech_at(i))?;
    let after_apposition = text[..ws[verb].span.start].ends_with(", ");
    if verb >= reach && !after_apposition {
        return None;
    }
    if sentence_closed {
        let subject = Span {
            start: after.start,
            end: ws[verb].span.start,
        };
        // A sentence naming no one may be the next statement ("“…” Analysts say the
        // mood has hardened."): the quotation's cue is then looked for before it.
        return preferred_speaker(text, story, subject)
            .map(Cue::Entity)
            .or_else(|| pronoun(text, ws.first()));
    }
    if verb == 0 {
        // "said X, the …": the speaker follows up to the next comma.
        let stop = text[ws[0].span.end..after.end]
            .find(',')
            .map_or(after.end, |i| ws[0].span.end + i);
        let named = Span {
            start: ws[0].span.end,
            end: stop,
        };
        if let Some(e) = preferred_speaker(text, story, named) {
            return Some(Cue::Entity(e));
        }
        return Some(pronoun(text, ws.get(1)).unwrap_or(Cue::Anonymous));
    }
    let subject = Span {
        start: after.start,
        end: ws[verb].span.start,
    };
    if let Some(e) = preferred_speaker(text, story, subject) {
        return Some(Cue::Entity(e));
    }
    // “…” because …, he said: the pronoun stands right before the verb.
    let cue =
        pronoun(text, ws.first()).or_else(|| pronoun(text, verb.checked_sub(1).map(|v| &ws[v])));
    Some(cue.unwrap_or(Cue::Anonymous))
}

/// True when the words between two quotations are a participle alone (“…,” adding,
/// “…”): they introduce the next one.
fn is_bare_participle(lead: &str) -> bool {
    let participle = lead.trim().trim_end_matches([',', ':']);
    !participle.contains(' ') && participle.ends_with("ing") && is_speech_verb(participle)
}

/// The speaker named before a quotation: `X said:`, `X told his counterpart Y:`,
/// `a statement quoted X as saying`, `according to X,`, `X wrote:`.
fn before_cue(text: &str, words: &[Word], story: &Story, before: Span) -> Option<Cue> {
    let lead = text[before.start..before.end].trim_end();
    let ws = words_in(words, before);
    let word = |w: &Word| &text[w.span.start..w.span.end];
    let lower: Vec<String> = ws.iter().map(|w| word(w).to_lowercase()).collect();
    if let Some(k) = lower
        .windows(2)
        .position(|p| p[0] == "according" && p[1] == "to")
    {
        let named = Span {
            start: ws[k + 1].span.end,
            end: before.end,
        };
        return preferred_speaker(text, story, named).map(Cue::Entity);
    }
    if let Some(k) = lower.iter().position(|w| w == "quoted") {
        let named = Span {
            start: ws[k].span.end,
            end: before.end,
        };
        if let Some(e) = preferred_speaker(text, story, named) {
            return Some(Cue::Entity(e));
        }
    }
    let verb = (0..lower.len()).rev().find(|&i| {
        is_speech_verb(&lower[i])
            || lower
                .get(i + 1)
                .is_some_and(|p| is_phrasal_speech_verb(&lower[i], p))
    });
    // "X said:", "X said", "X told his counterpart Y" right before the quotation.
    let ends_with_cue = lead.ends_with([':', ','])
        || verb.is_some_and(|v| v + 4 >= ws.len() || matches!(lower[v].as_str(), "told" | "tells"));
    if !ends_with_cue {
        return None;
    }
    let subject_end = verb.map_or(before.end, |v| ws[v].span.start);
    let subject = Span {
        start: before.start,
        end: subject_end,
    };
    if let Some(e) = preferred_speaker(text, story, subject) {
        return Some(Cue::Entity(e));
    }
    let Some(verb) = verb else {
        // "But back home, he returned to his lines: “…”": the lead's own subject.
        if !lead.ends_with(':') {
            return None;
        }
        let opening = ws
            .iter()
            .take(MAX_WORDS_BEFORE_SUBJECT + 1)
            .find(|w| pronoun_gender(word(w)).is_some());
        return pronoun(text, opening);
    };
    let pronoun_at = ws[..verb]
        .iter()
        .rev()
        .find(|w| pronoun_gender(word(w)).is_some());
    // “…,” adding, “…”: a participle with no subject of its own continues the speaker.
    if pronoun_at.is_none() && lower[verb].ends_with("ing") && verb == 0 {
        return None;
    }
    Some(pronoun(text, pronoun_at).unwrap_or(Cue::Anonymous))
}

/// Most words before a subject pronoun that opens a clause ("But back home, he …").
const MAX_WORDS_BEFORE_SUBJECT: usize = 5;

/// A "he"/"she" word as a pronoun cue.
fn pronoun(text: &str, w: Option<&Word>) -> Option<Cue> {
    let w = w?;
    let gender = pronoun_gender(&text[w.span.start..w.span.end])?;
    Some(Cue::Pronoun(gender, w.span.start))
}

/// The speaker named within `span`, a subject or an inverted "said X, …" phrase. The span
/// splits at commas; pieces that open in lower case are appositions ("director of the
/// Institute", "a spokesman for …") and name nobody. From the last piece that names
/// someone: the last person (the head of "campaign spokesman Jason Miller"), else the
/// last organisation or government. A possessor ("X's spokesman") is not the speaker.
pub fn preferred_speaker(text: &str, story: &Story, span: Span) -> Option<usize> {
    let piece_starts = std::iter::once(span.start).chain(
        text[span.start..span.end]
            .match_indices(", ")
            .map(|(i, _)| span.start + i + 2),
    );
    let mut pieces: Vec<Span> = Vec::new();
    for start in piece_starts {
        if let Some(last) = pieces.last_mut() {
            last.end = start;
        }
        pieces.push(Span {
            start,
            end: span.end,
        });
    }
    // "Anna Novak, Lars Dahl's campaign manager, said": a person named by the whole
    // first piece is the subject that the appositions after it describe, up to the comma
    // that closes them ("Dahl, Novak wrote" is another shape).
    let appositions_closed = text[span.start..span.end].trim_end().ends_with(',');
    if pieces.len() > 1 && appositions_closed {
        let first = Span {
            start: pieces[0].start,
            end: pieces[1].start - 2,
        };
        let named = story.mentions_in(first).iter().find(|m| {
            story.entities[m.entity].kind == EntityKind::Person
                && is_whole_subject(text, m.span, first.start, first.end)
        });
        if let Some(m) = named {
            return Some(m.entity);
        }
    }
    pieces.iter().rev().find_map(|piece| {
        let opening = text[piece.start..piece.end].trim_start();
        // "…, and X said": a conjunction opens a new subject, not an apposition.
        let conjunction = matches!(
            opening.split(' ').next().unwrap_or(""),
            "and" | "but" | "while" | "so" | "yet" | "then"
        );
        let apposition = opening.starts_with(|c: char| c.is_lowercase())
            && !conjunction
            && piece.start != span.start;
        if apposition {
            return None;
        }
        let owned = |m: &&Found| {
            let after = &text[m.span.end..];
            after.starts_with("'s ")
                || after.starts_with("’s ")
                || after.starts_with("' ")
                || after.starts_with("’ ")
        };
        let inside: Vec<&Found> = story
            .mentions_in(*piece)
            .iter()
            .filter(|m| !owned(m) && !is_party_tag(text, m.span))
            .collect();
        let people: Vec<Found> = inside
            .iter()
            .filter(|m| story.entities[m.entity].kind == EntityKind::Person)
            .map(|m| **m)
            .collect();
        people
            .len()
            .checked_sub(1)
            .map(|last| people[first_coordinated(text, &people, last)])
            .or_else(|| {
                inside
                    .iter()
                    .rev()
                    .find(|m| speakable(story, m))
                    .map(|m| **m)
            })
            .or_else(|| {
                inside
                    .iter()
                    .find(|m| is_whole_subject(text, m.span, piece.start, piece.end))
                    .map(|m| **m)
            })
            .map(|m| m.entity)
    })
}

/// The first of the people coordinated with `people[k]` ("Anna Novak and Lars Dahl
/// said"): both speak, and the one named first leads. `people` are person mentions in
/// order.
pub fn first_coordinated(text: &str, people: &[Found], mut k: usize) -> usize {
    while k > 0 {
        let between = text[people[k - 1].span.end..people[k].span.start].trim_start();
        let joined = between.starts_with("and ")
            && !between.contains([',', '.', ';', ':', '“', '"'])
            && between.split(' ').count() <= 4;
        if !joined {
            break;
        }
        k -= 1;
    }
    k
}

/// True when the name at `name` is all of the subject between `start` and `end` but for
/// "the" ("The White House said", "“…,” Sweeny said"): a place so named speaks for the
/// people in it, and a surname the finder took for a place still names a speaker.
pub fn is_whole_subject(text: &str, name: Span, start: usize, end: usize) -> bool {
    if name.start < start || name.end > end {
        return false;
    }
    let before = text[start..name.start].trim();
    let after = text[name.end..end].trim();
    after.is_empty() && matches!(before, "" | "the" | "The")
}

/// True when a mention can be a speaker: a person, an organisation, or a country named
/// as a government (not an adjective, not a place).
pub fn speakable(story: &Story, m: &Found) -> bool {
    match story.entities[m.entity].kind {
        EntityKind::Person | EntityKind::Organization | EntityKind::Group => true,
        EntityKind::Country => m.form != Form::Modifier,
        EntityKind::Place | EntityKind::Other => false,
    }
}

/// The first char boundary at or after byte `at`.
fn char_boundary_at_or_after(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The sentence of `sentences` (the one splitter's, in order) holding byte `at`, or the
/// last one starting before it.
fn sentence_at(sentences: &[Span], at: usize) -> Span {
    let i = sentences.partition_point(|s| s.start <= at);
    i.checked_sub(1)
        .map(|i| sentences[i])
        .filter(|s| s.end >= at)
        .unwrap_or(Span { start: at, end: at })
}

/// The start of the sentence holding byte `at`, not before the end of the previous
/// quotation in that sentence.
pub fn clause_start(sentences: &[Span], at: usize, previous_quote_end: Option<usize>) -> usize {
    let start = sentence_at(sentences, at).start;
    previous_quote_end
        .filter(|&e| e >= start && e <= at)
        .unwrap_or(start)
}

/// The end of the sentence from byte `at`, or the next opening quotation mark before it.
pub fn clause_end(text: &str, sentences: &[Span], at: usize) -> usize {
    sentence_end(text, sentences, at, true)
}

/// The end of the sentence holding byte `at`, before its final stop (and the closing
/// marks after it); with `stop_at_quotes`, also before the next opening quotation mark.
pub fn sentence_end(text: &str, sentences: &[Span], at: usize, stop_at_quotes: bool) -> usize {
    let sentence = sentence_at(sentences, at);
    let piece = &text[sentence.start..sentence.end];
    let unmarked = piece.trim_end_matches(['”', '"', '’', '\'', ')', ']', '»']);
    let end = if unmarked.ends_with(['.', '?', '!']) {
        sentence.start + unmarked.trim_end_matches(['.', '?', '!']).len()
    } else {
        sentence.end
    };
    let end = end.max(at);
    if !stop_at_quotes {
        return end;
    }
    // Only quotation marks matter here: '“', '‘' and '„' start with the byte 0xE2, '«' with 0xC2.
    let tail = &text[at..end];
    let opening = memchr::memchr3_iter(b'"', 0xE2, 0xC2, tail.as_bytes()).find(|&i| {
        let c = tail[i..].chars().next().unwrap_or(' ');
        matches!(c, '“' | '‘' | '„' | '«') || (c == '"' && i > 0)
    });
    opening.map_or(end, |i| at + i)
}
