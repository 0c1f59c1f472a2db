//! PolNeAR (Newell et al., LREC 2018): US political news with hand-annotated attributions
//! (source, cue, content) in brat standoff. Scores sitrep's quotes and reported speech
//! against them. A split directory holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`;
//! a story annotated more than once is scored against its first annotation file (by name).
//!
//! Gold categories, from the content span:
//! - direct: the content opens with a double quotation mark and ends with a closing one;
//! - mixed: paraphrase holding a quoted fragment ("has pledged to “cancel” the accord");
//! - reported: no quotation marks, a content of 3+ words, and a cue that holds a speech or
//!   cognition verb of `analyze::speech_verbs`, or "according to";
//! - other attributions (an opinion shown by "endorsed", "mocked", …) are not counted in
//!   recall, but a prediction matching one is not spurious.
//!
//! Matching rules:
//! - a sitrep quote matches a gold attribution when their character spans share at least
//!   half of the shorter one (the gold content's pieces taken together); of several
//!   matching quotes, the one sharing the most characters gives the speaker. Scare quotes
//!   are left out: they claim nobody's words;
//! - precision: predicted quotes that match any gold attribution;
//! - recall: gold direct quotes, and gold reported and mixed ones, matched by a quote;
//! - speaker accuracy, over matched gold attributions whose source is a name or he/she:
//!   the source's name words are its first run of capitalised words that are not titles,
//!   possessives ("Trump's") or modifiers of a lower-case noun ("Trump campaign
//!   spokesman", "Wyoming GOP chairman"), middle initials skipped: "Jason Miller",
//!   "Corey Lewandowski", "Jeffrey Lewis". Weekdays are no name words, and a lone plural
//!   noun the story also writes in lower case ("Aides said") names no one. A he/she
//!   source stands for the nearest earlier gold source that has name words. The speaker
//!   is right when the last word of its name is one of those name words, or the last
//!   name word is one of its name's words, or (named sources) it is the entity sitrep
//!   found at the source's last name word: sitrep's "AP" for a source "The Associated
//!   Press".

use std::fmt;
use std::path::{Path, PathBuf};

use crate::analyze::Analyzer;
use crate::analyze::speech_verbs::is_reporting_verb;
use crate::model::{Article, Entity, Quote, QuoteKind};
use crate::text::is_weekday_name;

use super::scores::{Ratio, write_tally};

/// How a gold attribution's content is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldKind {
    Direct,
    Mixed,
    Reported,
    Other,
}

/// One gold attribution: content pieces (character offsets), cue text and source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub content: Vec<(usize, usize)>,
    pub cue: String,
    /// The source's text and character start, when annotated.
    pub source: Option<(String, usize)>,
    pub kind: GoldKind,
}

/// Counts of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PolnearScores {
    pub stories: usize,
    pub failures: Vec<String>,
    /// Predicted quotes (not scare quotes) matching a gold attribution.
    pub precision: Ratio,
    pub direct: Ratio,
    pub reported: Ratio,
    pub mixed: Ratio,
    pub named_speaker: Ratio,
    pub pronoun_speaker: Ratio,
}

impl fmt::Display for PolnearScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let recall = Ratio {
            hits: self.direct.hits + self.reported.hits + self.mixed.hits,
            total: self.direct.total + self.reported.total + self.mixed.total,
        };
        let f1 = |r: Ratio| match (self.precision.value(), r.value()) {
            (Some(p), Some(r)) if p + r > 0.0 => format!("{:.3}", 2.0 * p * r / (p + r)),
            _ => "-".to_string(),
        };
        writeln!(f, "{:<34} {:>6}  {:>11}", "metric", "score", "hits/total")?;
        let rows = [
            ("quote precision", self.precision),
            ("direct-quote recall", self.direct),
            ("reported-speech recall", self.reported),
            ("partial quotes in paraphrase recall", self.mixed),
            ("right speaker, named sources", self.named_speaker),
            ("right speaker, pronoun sources", self.pronoun_speaker),
        ];
        for (name, ratio) in rows {
            let score = ratio.value().map_or("-".to_string(), |v| format!("{v:.3}"));
            let counts = format!("{}/{}", ratio.hits, ratio.total);
            writeln!(f, "{name:<34} {score:>6}  {counts:>11}")?;
        }
        writeln!(f, "{:<34} {:>6}", "F1, direct quotes", f1(self.direct))?;
        writeln!(
            f,
            "{:<34} {:>6}",
            "F1, reported speech + partial",
            f1(Ratio {
                hits: self.reported.hits + self.mixed.hits,
                total: self.reported.total + self.mixed.total
            })
        )?;
        writeln!(f, "{:<34} {:>6}", "F1, all", f1(recall))?;
        write_tally(f, "stories", self.stories, "failed to read", &self.failures)
    }
}

/// Scores every story of the PolNeAR split in `dir`; with `misses`, each missed gold
/// attribution, spurious quote and wrong speaker is listed first, one line each.
pub fn run_polnear(dir: &Path, misses: bool) -> anyhow::Result<String> {
    if dir.file_name().is_some_and(|n| n == "test") {
        anyhow::bail!(
            "{}: the PolNeAR test split is the team's held-out measurement; score train or dev",
            dir.display()
        );
    }
    let stories = story_files(dir)?;
    let analyzer = Analyzer::new();
    let mut scores = PolnearScores::default();
    let mut report = String::new();
    for (name, text_path, ann_path) in stories {
        scores.stories += 1;
        let read = std::fs::read_to_string(&text_path)
            .map_err(|e| format!("{}: {e}", text_path.display()))
            .and_then(|text| {
                let ann = std::fs::read_to_string(&ann_path)
                    .map_err(|e| format!("{}: {e}", ann_path.display()))?;
                Ok((text, ann))
            });
        let (text, ann) = match read {
            Ok(pair) => pair,
            Err(reason) => {
                scores.failures.push(reason);
                continue;
            }
        };
        let chars: Vec<char> = text.chars().collect();
        let gold = parse_attributions(&chars, &ann);
        let article = Article {
            body: text.clone(),
            ..Article::default()
        };
        let analysis = analyzer.analyze(&article);
        let predicted: Vec<Quote> = analysis
            .quotes
            .into_iter()
            .filter(|q| q.kind != QuoteKind::Scare)
            .collect();
        let lines = score_story(&chars, &gold, &predicted, &analysis.entities, &mut scores);
        if misses {
            for line in lines {
                report.push_str(&format!("{name}\t{line}\n"));
            }
        }
    }
    Ok(format!("{report}{scores}"))
}

/// (story name, text file, first annotation file) for each story of `dir`, by name.
fn story_files(dir: &Path) -> anyhow::Result<Vec<(String, PathBuf, PathBuf)>> {
    let list = |sub: &str| -> anyhow::Result<Vec<PathBuf>> {
        let path = dir.join(sub);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        Ok(files)
    };
    let annotations = list("attributions")?;
    let mut out = Vec::new();
    for text in list("text")? {
        let Some(name) = text.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let prefix = format!("{name}_");
        let ann = annotations.iter().find(|a| {
            a.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(&prefix))
                .is_some_and(|rest| rest.ends_with(".ann") && !rest.contains('_'))
        });
        if let Some(ann) = ann {
            out.push((name.to_string(), text.clone(), ann.clone()));
        }
    }
    if out.is_empty() {
        anyhow::bail!("{}: no text/*.txt with attributions/*.ann", dir.display());
    }
    Ok(out)
}

/// The attributions of one brat standoff file over `chars` (the story's characters).
/// Lines that do not parse, or spans outside the text, are skipped.
pub fn parse_attributions(chars: &[char], ann: &str) -> Vec<Attribution> {
    let mut spans: std::collections::HashMap<&str, Vec<(usize, usize)>> = Default::default();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let pieces: Option<Vec<(usize, usize)>> = ranges
                .split(';')
                .map(|r| {
                    let (s, e) = r.trim().split_once(' ')?;
                    let (s, e) = (s.parse().ok()?, e.parse().ok()?);
                    (s <= e && e <= chars.len()).then_some((s, e))
                })
                .collect();
            if let Some(pieces) = pieces {
                spans.insert(id, pieces);
            }
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let text_of = |pieces: &[(usize, usize)]| -> String {
        let parts: Vec<String> = pieces
            .iter()
            .map(|&(s, e)| chars[s..e].iter().collect())
            .collect();
        parts.join(" ")
    };
    let mut out = Vec::new();
    for event in events {
        let role = |name: &str| {
            event
                .split(' ')
                .filter_map(|arg| arg.split_once(':'))
                .find(|(r, _)| *r == name)
                .and_then(|(_, id)| spans.get(id))
        };
        let Some(content) = role("Content") else {
            continue;
        };
        let cue = role("Cue").map(|c| text_of(c)).unwrap_or_default();
        let source = role("Source").map(|s| (text_of(s), s[0].0));
        let kind = gold_kind(&text_of(content), &cue);
        out.push(Attribution {
            content: content.clone(),
            cue,
            source,
            kind,
        });
    }
    out.sort_by_key(|a| a.content.first().map_or(0, |p| p.0));
    out
}

/// The category of a gold attribution (see the module documentation).
fn gold_kind(content: &str, cue: &str) -> GoldKind {
    let trimmed = content
        .trim()
        .trim_start_matches('(')
        .trim_end_matches([')', '.', ',']);
    let opens = trimmed.starts_with(['“', '"', '«', '„']);
    let closes = trimmed.ends_with(['”', '"', '»', '“']);
    if opens && closes {
        return GoldKind::Direct;
    }
    if content.contains(['“', '”', '"', '«', '»', '„']) {
        return GoldKind::Mixed;
    }
    let lower = cue.to_lowercase();
    let reporting = lower.contains("according to")
        || lower
            .split(|c: char| !c.is_alphabetic())
            .any(is_reporting_verb);
    let clause = content.split_whitespace().nth(2).is_some();
    if reporting && clause {
        GoldKind::Reported
    } else {
        GoldKind::Other
    }
}

/// Characters the two spans share, over the shorter one's length.
fn overlap(gold: &[(usize, usize)], quote: &Quote) -> f64 {
    let shared = shared(gold, quote);
    let gold_len: usize = gold.iter().map(|&(s, e)| e - s).sum();
    let shorter = gold_len.min(quote.end - quote.start);
    if shorter == 0 {
        0.0
    } else {
        shared as f64 / shorter as f64
    }
}

/// Characters the gold content and the quote share.
fn shared(gold: &[(usize, usize)], quote: &Quote) -> usize {
    gold.iter()
        .map(|&(s, e)| e.min(quote.end).saturating_sub(s.max(quote.start)))
        .sum()
}

/// True when the quote and the gold content overlap enough to match.
fn matches(gold: &Attribution, quote: &Quote) -> bool {
    overlap(&gold.content, quote) >= 0.5
}

/// Adds one story's counts to `scores`; returns a line per miss.
fn score_story(
    chars: &[char],
    gold: &[Attribution],
    predicted: &[Quote],
    entities: &[Entity],
    scores: &mut PolnearScores,
) -> Vec<String> {
    let piece = |s: usize, e: usize| -> String {
        let s = s.min(chars.len());
        chars[s..e.min(chars.len()).max(s)]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    };
    let text: String = chars.iter().collect();
    let lower_words: std::collections::HashSet<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .collect();
    let mut lines = Vec::new();
    for q in predicted {
        let hit = gold.iter().any(|g| matches(g, q));
        scores.precision.record(hit);
        if !hit {
            lines.push(format!(
                "spurious {}\t«{}»",
                q.kind.as_str(),
                piece(q.start, q.end)
            ));
        }
    }
    for (k, g) in gold.iter().enumerate() {
        // Of the quotes that match, the one sharing the most characters with the content
        // speaks for it (a content may span a quotation and its continuation).
        let best = predicted
            .iter()
            .filter(|q| matches(g, q))
            .max_by_key(|q| shared(&g.content, q));
        let ratio = match g.kind {
            GoldKind::Direct => &mut scores.direct,
            GoldKind::Mixed => &mut scores.mixed,
            GoldKind::Reported => &mut scores.reported,
            GoldKind::Other => continue,
        };
        ratio.record(best.is_some());
        let content = || {
            let (s, e) = (g.content[0].0, g.content[g.content.len() - 1].1);
            piece(s, e)
        };
        let Some(q) = best else {
            lines.push(format!(
                "missed {:?}\tcue «{}»\t«{}»",
                g.kind,
                g.cue,
                content()
            ));
            continue;
        };
        let Some((source, source_at)) = &g.source else {
            continue;
        };
        let pronoun = matches!(source.to_lowercase().as_str(), "he" | "she");
        let names = if pronoun {
            antecedent(gold, k)
        } else {
            name_words(source)
        };
        if !pronoun && is_common_plural(&names, &lower_words) {
            continue;
        }
        if names.is_empty() {
            continue;
        }
        let right = q.speaker.as_deref().is_some_and(|s| {
            speaker_matches(s, &names)
                || !pronoun
                    && entity_named_at(source, *source_at, &names, entities)
                        .is_some_and(|e| e.name == s)
        });
        if pronoun {
            scores.pronoun_speaker.record(right);
        } else {
            scores.named_speaker.record(right);
        }
        if !right {
            let around = piece(
                source_at.saturating_sub(60),
                source_at + source.chars().count() + 60,
            );
            let found = if pronoun {
                "-".to_string()
            } else {
                entity_at_source(source, *source_at, &names, entities)
            };
            lines.push(format!(
                "speaker {:?}\tgold «{source}» ({})\tgot {}\t«{}»\tsource in «{around}»\tentity there: {found}\tmatched {} «{}»",
                g.kind,
                names.join(" "),
                q.speaker.as_deref().unwrap_or("none"),
                content(),
                q.kind.as_str(),
                piece(q.start, q.end)
            ));
        }
    }
    lines
}

/// The entity sitrep found at the last name word of a gold source (starting at character
/// `at`), as "name (kind)", or "none": tells a speaker never found from one found but
/// not chosen.
fn entity_at_source(source: &str, at: usize, names: &[String], entities: &[Entity]) -> String {
    entity_named_at(source, at, names, entities)
        .map_or("none".to_string(), |e| format!("{} ({:?})", e.name, e.kind))
}

/// The entity with a mention over the last name word of a gold source (starting at
/// character `at`): "The Associated Press" is the entity sitrep calls "AP".
fn entity_named_at<'e>(
    source: &str,
    at: usize,
    names: &[String],
    entities: &'e [Entity],
) -> Option<&'e Entity> {
    let last = names.last()?;
    let byte = source.rfind(last.as_str())?;
    let word_at = at + source[..byte].chars().count();
    entities.iter().find(|e| {
        e.mentions
            .iter()
            .any(|m| m.start <= word_at && word_at < m.end)
    })
}

/// True when the only name word is a plural noun the story also writes in lower case
/// ("Aides said", "Analysts say"): capitalised by its place, it names no one.
fn is_common_plural(names: &[String], lower_words: &std::collections::HashSet<&str>) -> bool {
    match names {
        [only] => only.ends_with('s') && lower_words.contains(only.to_lowercase().as_str()),
        _ => false,
    }
}

/// The name words of the nearest gold source before attribution `k` that has some.
fn antecedent(gold: &[Attribution], k: usize) -> Vec<String> {
    let Some((_, at)) = &gold[k].source else {
        return Vec::new();
    };
    let mut earlier: Vec<&(String, usize)> = gold
        .iter()
        .filter_map(|g| g.source.as_ref())
        .filter(|(_, start)| start < at)
        .collect();
    earlier.sort_by_key(|(_, start)| std::cmp::Reverse(*start));
    earlier
        .into_iter()
        .map(|(text, _)| name_words(text))
        .find(|names| !names.is_empty())
        .unwrap_or_default()
}

/// Words that are capitalised but never a name word of a source (nor are weekday names).
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Some",
    "Many",
    "One",
    "Two",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Senator",
    "Sen",
    "Rep",
    "Gov",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Its",
    "Former",
    "Secretary",
    "Democratic",
    "Republican",
    "GOP",
];

/// The name words of a gold source (see the module documentation).
pub fn name_words(source: &str) -> Vec<String> {
    let tokens: Vec<&str> = source.split_whitespace().collect();
    let mut run: Vec<String> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let word = t
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
            .trim_end_matches('.');
        let possessive = t.ends_with("'s") || t.ends_with("’s");
        let capitalised = word.starts_with(|c: char| c.is_uppercase());
        // The first word after the capitalised run this word opens, within its comma.
        let mut next = i + 1;
        while next < tokens.len()
            && !tokens[next - 1].ends_with(',')
            && tokens[next].starts_with(|c: char| c.is_uppercase())
        {
            next += 1;
        }
        let modifies = !tokens[i..next].iter().any(|t| t.ends_with(','))
            && tokens.get(next).is_some_and(|n| {
                n.starts_with(|c: char| c.is_lowercase()) && !CONNECTORS.contains(n)
            });
        let initial = word.chars().count() == 1 && t.ends_with('.') && capitalised;
        if initial && !run.is_empty() {
            // "Gregory T. Angelo": a middle initial stays inside the name.
            continue;
        }
        let name = capitalised
            && word.chars().count() > 1
            && !NOT_NAMES.contains(&word)
            && !is_weekday_name(word)
            && !NOT_NAMES.contains(&format!("{word}.").as_str());
        if TITLES.contains(&word) && !run.is_empty() {
            // "Former Florida Gov. Jeb Bush": a title inside the run starts it over.
            run.clear();
            continue;
        }
        if name && !possessive && !modifies {
            run.push(word.to_string());
            if t.ends_with(',') {
                return run;
            }
        } else if name {
            // The run owns or modifies what follows ("White House press secretary Josh
            // Earnest", "Wyoming GOP chairman Matt Micheli", "Donald Trump's spokeswoman
            // Hope Hicks"): it names nobody.
            run.clear();
        } else if !run.is_empty() {
            // A run ends at the first word that is not a name; a name that only modifies
            // or owns what follows ("Trump campaign", "Trump's") starts none.
            return run;
        }
    }
    run
}

/// Titles that may stand inside a source's name run ("Florida Gov. Jeb Bush").
const TITLES: &[&str] = &[
    "Gov",
    "Sen",
    "Senator",
    "Rep",
    "Gen",
    "Secretary",
    "Speaker",
    "President",
];

/// Lower-case words that may follow a name without making it a modifier.
const CONNECTORS: &[&str] = &[
    "of", "at", "for", "from", "in", "on", "with", "who", "whose", "and", "the", "a", "an", "to",
    "said", "says",
];

/// True when a sitrep speaker name and gold name words name the same one (see the module
/// documentation).
pub fn speaker_matches(speaker: &str, names: &[String]) -> bool {
    let words: Vec<&str> = speaker
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_end_matches(['.', ',']))
        .collect();
    let Some(last) = words.last() else {
        return false;
    };
    names.iter().any(|n| n == last)
        || names
            .last()
            .is_some_and(|n| words.iter().any(|w| w == n) || n.split('-').any(|p| p == *last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_name_words_skip_titles_possessives_and_modifiers() {
        assert_eq!(name_words("Mr. Obama"), ["Obama"]);
        assert_eq!(
            name_words("Trump campaign spokesman Jason Miller"),
            ["Jason", "Miller"]
        );
        assert_eq!(
            name_words("Mr. Trump's former campaign manager, Corey Lewandowski"),
            ["Corey", "Lewandowski"]
        );
        assert_eq!(
            name_words("Josh Earnest, the White House press secretary"),
            ["Josh", "Earnest"]
        );
        assert!(name_words("he").is_empty());
        assert!(name_words("the group").is_empty());
        assert_eq!(
            name_words("Jeffrey Lewis of the James Martin Center"),
            ["Jeffrey", "Lewis"]
        );
        assert_eq!(name_words("Former Florida Gov. Jeb Bush"), ["Jeb", "Bush"]);
        assert_eq!(
            name_words("White House press secretary Josh Earnest"),
            ["Josh", "Earnest"]
        );
        assert_eq!(
            name_words("Donald Trump's spokeswoman Hope Hicks"),
            ["Hope", "Hicks"]
        );
        assert_eq!(
            name_words("Wyoming GOP chairman Matt Micheli"),
            ["Matt", "Micheli"]
        );
        assert_eq!(
            name_words("Gregory T. Angelo, president of the club"),
            ["Gregory", "Angelo"]
        );
        assert_eq!(
            name_words("State Senator Ana Ruiz, Democrat of Texas"),
            ["Ana", "Ruiz"]
        );
        assert!(name_words("the order released Friday").is_empty());
    }

    #[test]
    fn plural_nouns_written_in_lower_case_elsewhere_name_no_one() {
        let lower: std::collections::HashSet<&str> = ["aides", "said"].into_iter().collect();
        assert!(is_common_plural(&["Aides".to_string()], &lower));
        assert!(!is_common_plural(&["Sanders".to_string()], &lower));
        assert!(!is_common_plural(
            &["Anna".to_string(), "Aides".to_string()],
            &lower
        ));
    }

    #[test]
    fn speakers_match_by_surname() {
        let names = vec!["Obama".to_string()];
        assert!(speaker_matches("Barack Obama", &names));
        assert!(!speaker_matches("Donald Trump", &names));
        let full = vec!["Jason".to_string(), "Miller".to_string()];
        assert!(speaker_matches("Miller", &full));
        assert!(!speaker_matches("Donald Trump", &full));
    }

    #[test]
    fn gold_kinds_follow_the_content_and_cue() {
        assert_eq!(gold_kind("“We will win.”", "said"), GoldKind::Direct);
        assert_eq!(
            gold_kind("he would “cancel” the accord", "pledged"),
            GoldKind::Mixed
        );
        assert_eq!(
            gold_kind("the economy is recovering", "argued"),
            GoldKind::Reported
        );
        assert_eq!(
            gold_kind("the economy is recovering", "according to"),
            GoldKind::Reported
        );
        assert_eq!(gold_kind("Hillary Clinton", "endorsed"), GoldKind::Other);
    }

    #[test]
    fn brat_events_become_attributions() {
        let text: Vec<char> = "Anna Berg said the talks “went well” today."
            .chars()
            .collect();
        let ann = "T1\tSource 0 9\tAnna Berg\nT2\tCue 10 14\tsaid\nT3\tContent 15 36\tthe talks\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\nT9\tContent 99 200\tbad\n";
        let got = parse_attributions(&text, ann);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].cue, "said");
        assert_eq!(got[0].source, Some(("Anna Berg".to_string(), 0)));
        assert_eq!(got[0].kind, GoldKind::Mixed);
    }

    #[test]
    fn the_entity_at_a_sources_last_name_word_is_its_speaker() {
        let source = "The Nordic Press Agency";
        let agency = Entity {
            name: "NPA".to_string(),
            kind: crate::model::EntityKind::Organization,
            mentions: vec![crate::model::Mention {
                start: 10,
                end: 33,
                text: source.to_string(),
            }],
        };
        let names = name_words(source);
        let entities = [agency];
        let found = entity_named_at(source, 10, &names, &entities);
        assert_eq!(found.map(|e| e.name.as_str()), Some("NPA"));
        assert!(entity_named_at(source, 40, &names, &entities).is_none());
    }
}
