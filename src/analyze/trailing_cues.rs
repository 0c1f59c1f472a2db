//! Reported speech whose cue follows or interrupts the clause, or names its source with
//! "according to": `The talks will resume, she said on Monday.`, `The risk, he said, is a
//! clash.`, `Prices rose, said Lena Vos, an analyst.`, `According to the agency, prices
//! rose.` The clause is the sentence without its cue; the speaker is the cue's subject.

use super::gazetteer::Gender;
use super::pronouns::pronoun_gender;
use super::reported::ReportedClause;
use super::speakers::{preferred_speaker, resolve_pronoun};
use super::speech_verbs::{AUXILIARIES, is_speech_verb};
use super::story_entities::Story;
use crate::text::WordSet;
use crate::text::words::{Word, words_in};
use crate::text::{Span, is_weekday_name};

/// The most words between the comma and the verb of a cue ("a senior administration
/// official said"), and after the verb before the sentence or the cue ends
/// ("said in an interview with the paper on Tuesday").
const MAX_SUBJECT_WORDS: usize = 6;
const MAX_TAIL_WORDS: usize = 12;

/// Words that open a time, place or manner phrase after a cue verb, besides the weekday
/// names.
static ADVERBIAL_OPENERS: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "as",
    "to",
    "about",
    "with",
    "by",
    "from",
    "earlier",
    "later",
    "recently",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "afterward",
    "afterwards",
    "privately",
    "publicly",
    "then",
    "again",
    "via",
    "through",
    "outside",
    "inside",
    "over",
    "under",
    "of",
    "told",
]);

/// Finds the reported clauses of every sentence whose cue follows or interrupts it.
/// Sentences mostly inside quotation marks (`quoted`) are the quotation finder's.
pub fn find_trailing(
    text: &str,
    words: &[Word],
    story: &mut Story,
    subjects: &[(usize, usize)],
    sentences: &[Span],
    quoted: &[Span],
) -> Vec<ReportedClause> {
    let mut out = Vec::new();
    for &sentence in sentences {
        // Every cue handled here stands after a comma or is "according to".
        let piece = &text[sentence.start..sentence.end];
        if memchr::memchr(b',', piece.as_bytes()).is_none() && !piece.contains("ccording to") {
            continue;
        }
        let ws = words_in(words, sentence);
        if ws.len() < 5 {
            continue;
        }
        let found = according_to(text, ws, sentence).or_else(|| cue_after(text, ws, sentence));
        let Some((clause, source)) = found else {
            continue;
        };
        let clause = trim_clause(text, clause);
        if words_in(words, clause).len() < 3 || mostly_quoted(clause, quoted) {
            continue;
        }
        let speaker = match source {
            Source::Named(span) => preferred_speaker(text, story, span),
            // "X fits the bill, he added": X, in the clause, is not who "he" is.
            Source::Pronoun(gender, at) => {
                resolve_pronoun(story, subjects, &[], gender, at.min(clause.start))
            }
            Source::Unnamed => None,
        };
        out.push(ReportedClause {
            span: clause,
            speaker,
        });
    }
    out
}

/// Who a cue names.
enum Source {
    Named(Span),
    Pronoun(Gender, usize),
    Unnamed,
}

/// "According to X, …", "…, according to X." and "… according to X": the clause and X.
fn according_to(text: &str, ws: &[Word], sentence: Span) -> Option<(Span, Source)> {
    let word = |w: &Word| &text[w.span.start..w.span.end];
    let k = ws
        .windows(2)
        .position(|p| word(&p[0]).eq_ignore_ascii_case("according") && word(&p[1]) == "to")?;
    let named_from = ws[k + 1].span.end;
    let comma_after = text[named_from..sentence.end]
        .find(", ")
        .map(|i| named_from + i);
    if k == 0 {
        // "According to X, the clause."
        let comma = comma_after?;
        let named = Span {
            start: named_from,
            end: comma,
        };
        return Some((
            Span {
                start: comma + 2,
                end: sentence.end,
            },
            Source::Named(named),
        ));
    }
    let before = text[..ws[k].span.start].trim_end();
    let named = Span {
        start: named_from,
        end: comma_after.unwrap_or(sentence.end),
    };
    // "…, according to X, is …" interrupts the clause; otherwise X closes it.
    let end = match comma_after {
        Some(_) if before.ends_with(',') => sentence.end,
        _ => before.len(),
    };
    let clause = Span {
        start: sentence.start,
        end,
    };
    Some((clause, Source::Named(named)))
}

/// "…, X said (in an interview)." and "…, X said, …" and "…, said X, a …": the clause
/// around a comma-set speech cue.
fn cue_after(text: &str, ws: &[Word], sentence: Span) -> Option<(Span, Source)> {
    let word = |w: &Word| &text[w.span.start..w.span.end];
    for (v, verb) in ws.iter().enumerate().skip(1) {
        // A participle after a comma opens a clause ("…, saying the board …"), never
        // closes one.
        if !is_speech_verb(word(verb)) || word(verb).ends_with("ing") {
            continue;
        }
        // The comma opening the cue: right before the verb ("…, said X") or before a
        // short subject ("…, the spokeswoman said").
        let mut s = v;
        while s > 0 && v - s < MAX_SUBJECT_WORDS && !comma_before(text, ws, s) {
            s -= 1;
        }
        if s == 0 || !comma_before(text, ws, s) {
            continue;
        }
        let inverted = s == v;
        let mut a = v;
        while a > s && AUXILIARIES.contains(word(&ws[a - 1])) {
            a -= 1;
        }
        let comma = text[..ws[s].span.start].trim_end().len() - 1;
        // What follows the verb: the end of the sentence or a comma closing the cue.
        let tail_start = ws[v].span.end;
        let tail = &text[tail_start..sentence.end];
        if tail.trim_start().starts_with(['“', '"', '‘', ':']) || starts_that(tail) {
            continue;
        }
        let tail_words = ws[v + 1..].len();
        let closes_at = tail.find(", ").map(|i| tail_start + i);
        // After a cue only a time, place or manner may follow ("said in an interview",
        // "told reporters on Tuesday"); "said a prayer" is no cue. An inverted cue names
        // its speaker next ("said spokesman Josh Schwerin", "said the minister").
        let next = ws.get(v + 1).map(word);
        let plain_tail = match next {
            None => true,
            Some(n) if inverted => {
                n.starts_with(char::is_uppercase)
                    || matches!(n, "the" | "a" | "an" | "one")
                    || role_then_name(tail)
            }
            Some(n) => {
                (ADVERBIAL_OPENERS.contains(n) || is_weekday_name(n))
                    || (matches!(
                        word(verb),
                        "told" | "tells" | "telling" | "wrote" | "writes"
                    ) && tail_words <= 6)
            }
        };
        let tail_closed = tail.trim_start().starts_with(',')
            || tail.trim().trim_end_matches(['.', '?', '!']).is_empty();
        if !plain_tail && !tail_closed {
            continue;
        }
        let (source_span, clause) = match closes_at {
            // "…, he said, is a clash": the clause runs on after the cue.
            Some(close) if !inverted && words_between(ws, tail_start, close) <= 8 => {
                let rest = words_between(ws, close, sentence.end);
                if rest < 3 || text[close..sentence.end].contains(['“', '"']) {
                    continue;
                }
                (
                    Span {
                        start: ws[s].span.start,
                        end: ws[a].span.start,
                    },
                    Span {
                        start: sentence.start,
                        end: sentence.end,
                    },
                )
            }
            _ if tail_words <= MAX_TAIL_WORDS || inverted => {
                let source_span = if inverted {
                    Span {
                        start: tail_start,
                        end: closes_at.unwrap_or(sentence.end),
                    }
                } else {
                    Span {
                        start: ws[s].span.start,
                        end: ws[a].span.start,
                    }
                };
                (
                    source_span,
                    Span {
                        start: sentence.start,
                        end: comma,
                    },
                )
            }
            _ => continue,
        };
        if !inverted && !is_subject(text, words_in(ws, source_span)) {
            continue;
        }
        // An inverted cue names a short speaker ("said Lena Vos, an analyst"), and what
        // stands before its comma is a clause, not a name with its apposition
        // ("Lena Vos, an analyst at …, said the …").
        if inverted
            && (words_in(ws, source_span).len() > MAX_SUBJECT_WORDS || !is_clause(text, ws, clause))
        {
            continue;
        }
        let subject = words_in(ws, source_span);
        let pronoun = match subject {
            [only] => pronoun_gender(word(only)).map(|g| (g, only.span.start)),
            _ => None,
        };
        let source = match (pronoun, subject.is_empty()) {
            (Some((gender, at)), _) => Source::Pronoun(gender, at),
            (None, false) => Source::Named(source_span),
            (None, true) => Source::Unnamed,
        };
        return Some((clause, source));
    }
    None
}

/// True when the words after an inverted verb, up to a comma or the sentence end, are a
/// few role words closed by a name ("said harbour spokesman Teodor Lind").
fn role_then_name(tail: &str) -> bool {
    let phrase = tail
        .split(',')
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', '?', '!']);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    words.len() <= MAX_SUBJECT_WORDS
        && words
            .last()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// True when a "that" soon after the verb opens a forward clause ("…, he said that …").
fn starts_that(tail: &str) -> bool {
    tail.split_whitespace().take(6).any(|w| w == "that")
}

/// True when word `k` of `ws` follows a comma.
fn comma_before(text: &str, ws: &[Word], k: usize) -> bool {
    k > 0 && text[ws[k - 1].span.end..ws[k].span.start].trim() == ","
}

/// How many of `ws` start inside `from..to`.
fn words_between(ws: &[Word], from: usize, to: usize) -> usize {
    ws.iter()
        .filter(|w| w.span.start >= from && w.span.start < to)
        .count()
}

/// True for a short subject: a pronoun, a name, or a noun phrase without a verb of its
/// own ("the spokeswoman", "aides to the governor").
fn is_subject(text: &str, subject: &[Word]) -> bool {
    let word = |w: &Word| &text[w.span.start..w.span.end];
    match subject {
        [] => false,
        [only] => {
            let w = word(only);
            matches!(
                w,
                "he" | "she" | "they" | "we" | "I" | "officials" | "aides"
            ) || w.starts_with(char::is_uppercase)
                || w.ends_with('s')
        }
        many => many
            .iter()
            .all(|w| !matches!(word(w), "is" | "was" | "are" | "were" | "be" | "not")),
    }
}

/// True when the first comma-separated piece of `clause` holds a lower-case word other
/// than a connector: "Prices rose" does, "Lena Vos" and "Mr. Vos of the Party" do not.
fn is_clause(text: &str, ws: &[Word], clause: Span) -> bool {
    let first_piece_end = text[clause.start..clause.end]
        .find(',')
        .map_or(clause.end, |i| clause.start + i);
    let piece = Span {
        start: clause.start,
        end: first_piece_end,
    };
    words_in(ws, piece).iter().any(|w| {
        let w = &text[w.span.start..w.span.end];
        w.starts_with(char::is_lowercase)
            && !matches!(
                w,
                "of" | "the" | "and" | "for" | "at" | "de" | "van" | "von"
            )
    })
}

/// The clause without the spaces and punctuation around it.
fn trim_clause(text: &str, clause: Span) -> Span {
    let piece = &text[clause.start..clause.end];
    let start = clause.start + (piece.len() - piece.trim_start().len());
    let end = clause.start + piece.trim_end_matches([' ', ',', '.', ';', ':']).len();
    Span {
        start,
        end: end.max(start),
    }
}

/// True when quotation marks enclose at least half of the clause (`quoted` is in order).
fn mostly_quoted(clause: Span, quoted: &[Span]) -> bool {
    let first = quoted.partition_point(|q| q.end <= clause.start);
    let inside: usize = quoted[first..]
        .iter()
        .take_while(|q| q.start < clause.end)
        .map(|q| {
            q.end
                .min(clause.end)
                .saturating_sub(q.start.max(clause.start))
        })
        .sum();
    2 * inside >= clause.end - clause.start
}
