//! The learned name tagger: an averaged structured perceptron over BIO labels of four
//! name types (person, location, organisation, other), trained on public
//! human-annotated news (CoNLL-2003 `eng.train`; see `sitrep train-tagger`). It finds
//! the names the gazetteer and the cues cannot know; the entity finder combines them.

mod consistency;
mod cue_words;
mod features;
pub mod labels;
mod listed;
mod model;
mod stretches;
mod tokens;
pub mod train;
mod viterbi;

use std::sync::OnceLock;

pub use cue_words::is_organisation_word;
pub use labels::NameType;
use listed::{Mark, marks};
pub use model::{Model, ModelError};

use super::gazetteer::{Gazetteer, TermMatch};
use crate::text::Span;
use crate::text::words::Word;
use features::{LowerForms, Prepared, StoryCase};
use labels::{LABELS, is_begin, type_of};

/// The bundled weights, trained by `sitrep train-tagger`.
static BUNDLED: &[u8] = include_bytes!("../../../assets/models/names.bin");

/// A name the tagger found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedName {
    pub span: Span,
    pub kind: NameType,
}

/// A loaded tagger.
pub struct Tagger {
    model: Model,
}

impl Tagger {
    /// The tagger with the bundled weights, loaded once per process.
    pub fn bundled() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger {
            // The bundled file is written by the trainer and checked by a test.
            model: Model::from_bytes(BUNDLED).unwrap_or_default(),
        })
    }

    /// A tagger with the given weights.
    pub fn new(model: Model) -> Tagger {
        Tagger { model }
    }

    /// The names in `text`, split into `words`; `listed` are the gazetteer's matches in
    /// it, which the tagger weighs as features.
    pub fn tag(
        &self,
        gaz: &Gazetteer,
        text: &str,
        words: &[Word],
        listed: &[TermMatch],
    ) -> Vec<TaggedName> {
        let tokens = tokens::tokens(text, words);
        let token_marks = marks_of_tokens(&tokens, words, &marks(gaz, words, listed));
        let forms = LowerForms::of(text, &tokens);
        let case = StoryCase::of(text, &tokens, &forms);
        let stretches = stretches::stretches(&tokens);
        let prepared = Prepared::new(text, &tokens, &forms, &token_marks, &stretches);
        let mut features = Vec::with_capacity(32);
        let mut emissions: Vec<[f32; LABELS]> = Vec::new();
        let mut names: Vec<(usize, usize, NameType)> = Vec::new();
        for stretch in stretches {
            emissions.clear();
            emissions.extend(stretch.clone().map(|i| {
                features.clear();
                prepared.features(i, &case, &mut features);
                let mut row = [0f32; LABELS];
                self.model.score(&features, &mut row);
                row
            }));
            let path = viterbi::best_path(&emissions, &self.model.transitions);
            names.extend(
                spans_of(&path)
                    .into_iter()
                    .map(|(from, to, kind)| (stretch.start + from, stretch.start + to, kind)),
            );
        }
        consistency::settle(gaz, text, &tokens, &forms, &token_marks, &case, &mut names);
        names
            .into_iter()
            .map(|(from, to, kind)| TaggedName {
                span: balanced(
                    text,
                    Span {
                        start: tokens[from].span.start,
                        end: tokens[to - 1].span.end,
                    },
                ),
                kind,
            })
            .collect()
    }
}

/// `span` with its brackets balanced: a name that opens a bracket takes the closing
/// one right after it ("Proleter (Z)"), else ends before the bracket.
fn balanced(text: &str, span: Span) -> Span {
    let name = &text[span.start..span.end];
    let Some(open) = name.rfind('(') else {
        return span;
    };
    if name[open..].contains(')') {
        span
    } else if text[span.end..].starts_with(')') {
        Span {
            start: span.start,
            end: span.end + 1,
        }
    } else {
        Span {
            start: span.start,
            end: span.start + name[..open].trim_end().len(),
        }
    }
}

/// The token ranges (`from..to`, relative) and types of the names a label path holds.
fn spans_of(path: &[usize]) -> Vec<(usize, usize, NameType)> {
    let mut out: Vec<(usize, usize, NameType)> = Vec::new();
    for (i, &label) in path.iter().enumerate() {
        let Some(kind) = type_of(label) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if !is_begin(label) && last.1 == i && last.2 == kind => last.1 = i + 1,
            _ => out.push((i, i + 1, kind)),
        }
    }
    out
}

/// Each token's mark: the mark of the first word inside it.
fn marks_of_tokens(tokens: &[tokens::Token], words: &[Word], marks: &[Mark]) -> Vec<Mark> {
    let mut k = 0;
    tokens
        .iter()
        .map(|token| {
            while k < words.len() && words[k].span.start < token.span.start {
                k += 1;
            }
            marks.get(k).copied().flatten()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_loads() {
        let model = Model::from_bytes(BUNDLED).expect("assets/models/names.bin");
        assert!(model.len() > 10_000);
    }

    #[test]
    fn a_name_keeps_its_brackets_balanced() {
        let text = "Proleter (Z) won; Mladost (L 2";
        let span = |start, end| Span { start, end };
        assert_eq!(balanced(text, span(0, 11)), span(0, 12));
        assert_eq!(balanced(text, span(18, 28)), span(18, 25));
        assert_eq!(balanced(text, span(0, 8)), span(0, 8));
    }

    #[test]
    fn label_paths_become_spans() {
        use labels::{OUTSIDE, begin, inside};
        let per = NameType::Person;
        let org = NameType::Organization;
        let path = [
            begin(per),
            inside(per),
            begin(per),
            OUTSIDE,
            begin(org),
            inside(org),
        ];
        assert_eq!(spans_of(&path), [(0, 2, per), (2, 3, per), (4, 6, org)]);
    }
}
