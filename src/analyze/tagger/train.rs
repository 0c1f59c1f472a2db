//! Training: an averaged structured perceptron (Collins 2002) over the same stretches
//! and features the tagger uses, so what is learned is what runs. Run it with
//! `sitrep train-tagger` (README, "Training the name tagger").

use foldhash::HashMap;

use super::features::{LowerForms, Prepared, StoryCase};
use super::labels::{LABELS, NameType, OUTSIDE, begin, inside};
use super::model::{Model, Row};
use super::{listed, stretches, tokens, viterbi};
use crate::analyze::gazetteer::Gazetteer;
use crate::text::Span;
use crate::text::words::words;

/// One annotated story: its text and the byte spans of its names.
pub struct Example {
    pub text: String,
    pub names: Vec<(Span, NameType)>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Passes over the training stories.
    pub epochs: usize,
    /// Features seen fewer times than this in training are left out.
    pub min_count: u32,
}

/// One stretch of tokens: feature indexes per token and the gold labels.
struct Instance {
    features: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// Trains on `examples`, calling `after_epoch` with the averaged model after each pass.
/// Returns the model of the last pass.
pub fn train(
    gaz: &Gazetteer,
    examples: &[Example],
    options: Options,
    mut after_epoch: impl FnMut(usize, &Model),
) -> Model {
    let (hashes, instances) = instances(gaz, examples, options.min_count);
    let mut weights = Weights::new(hashes.len());
    let mut order: Vec<usize> = (0..instances.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut last = Model::default();
    for epoch in 1..=options.epochs {
        shuffle(&mut order, &mut seed);
        for &i in &order {
            weights.learn(&instances[i]);
        }
        last = weights.averaged(&hashes);
        after_epoch(epoch, &last);
    }
    last
}

/// The feature hashes kept (index = feature id) and the training instances.
fn instances(gaz: &Gazetteer, examples: &[Example], min_count: u32) -> (Vec<u64>, Vec<Instance>) {
    let mut raw: Vec<(Vec<Vec<u64>>, Vec<usize>)> = Vec::new();
    let mut counts: HashMap<u64, u32> = HashMap::default();
    for example in examples {
        let text = example.text.as_str();
        let words = words(text);
        let word_marks = listed::marks(gaz, &words, &gaz.find(text, &words));
        let tokens = tokens::tokens(text, &words);
        let token_marks = super::marks_of_tokens(&tokens, &words, &word_marks);
        let forms = LowerForms::of(text, &tokens);
        let case = StoryCase::of(text, &tokens, &forms);
        let stretches = stretches::stretches(&tokens);
        let prepared = Prepared::new(text, &tokens, &forms, &token_marks, &stretches);
        let gold = gold_labels(&tokens, &example.names);
        for stretch in stretches {
            let features: Vec<Vec<u64>> = stretch
                .clone()
                .map(|i| {
                    let mut f = Vec::new();
                    prepared.features(i, &case, &mut f);
                    f
                })
                .collect();
            for f in features.iter().flatten() {
                *counts.entry(*f).or_default() += 1;
            }
            raw.push((features, gold[stretch].to_vec()));
        }
    }
    let mut hashes: Vec<u64> = counts
        .iter()
        .filter(|&(_, &c)| c >= min_count)
        .map(|(&h, _)| h)
        .collect();
    hashes.sort_unstable();
    let ids: HashMap<u64, u32> = hashes
        .iter()
        .enumerate()
        .map(|(i, &h)| (h, i as u32))
        .collect();
    let instances = raw
        .into_iter()
        .map(|(features, gold)| Instance {
            features: features
                .into_iter()
                .map(|f| f.iter().filter_map(|h| ids.get(h).copied()).collect())
                .collect(),
            gold,
        })
        .collect();
    (hashes, instances)
}

/// Each token's gold label: begin on a name's first token, inside on the rest.
fn gold_labels(tokens: &[tokens::Token], names: &[(Span, NameType)]) -> Vec<usize> {
    let mut labels = vec![OUTSIDE; tokens.len()];
    for &(span, kind) in names {
        let mut first = true;
        for (label, token) in labels.iter_mut().zip(tokens) {
            if token.span.start >= span.start && token.span.start < span.end {
                *label = if first { begin(kind) } else { inside(kind) };
                first = false;
            }
        }
    }
    labels
}

/// Perceptron weights with the sums needed for averaging: after `step` updates, the
/// average of a weight `w` with running sum `u` (each change times its step) is
/// `w - u / step`.
struct Weights {
    rows: Vec<Row>,
    sums: Vec<Row>,
    transitions: [[f32; LABELS]; LABELS + 1],
    transition_sums: [[f32; LABELS]; LABELS + 1],
    step: f32,
}

impl Weights {
    fn new(features: usize) -> Self {
        Weights {
            rows: vec![[0.0; LABELS]; features],
            sums: vec![[0.0; LABELS]; features],
            transitions: [[0.0; LABELS]; LABELS + 1],
            transition_sums: [[0.0; LABELS]; LABELS + 1],
            step: 1.0,
        }
    }

    /// Decodes one instance and moves the weights toward its gold labels.
    fn learn(&mut self, instance: &Instance) {
        let emissions: Vec<Row> = instance
            .features
            .iter()
            .map(|features| {
                let mut row = [0.0; LABELS];
                for &f in features {
                    for (s, w) in row.iter_mut().zip(&self.rows[f as usize]) {
                        *s += w;
                    }
                }
                row
            })
            .collect();
        let predicted = viterbi::best_path(&emissions, &self.transitions);
        if predicted != instance.gold {
            let step = self.step;
            let (mut gold_before, mut predicted_before) = (LABELS, LABELS);
            for (t, features) in instance.features.iter().enumerate() {
                let (g, p) = (instance.gold[t], predicted[t]);
                if g != p {
                    for &f in features {
                        let f = f as usize;
                        self.rows[f][g] += 1.0;
                        self.rows[f][p] -= 1.0;
                        self.sums[f][g] += step;
                        self.sums[f][p] -= step;
                    }
                }
                if (gold_before, g) != (predicted_before, p) {
                    self.transitions[gold_before][g] += 1.0;
                    self.transitions[predicted_before][p] -= 1.0;
                    self.transition_sums[gold_before][g] += step;
                    self.transition_sums[predicted_before][p] -= step;
                }
                (gold_before, predicted_before) = (g, p);
            }
        }
        self.step += 1.0;
    }

    /// The averaged weights as a model, leaving out features whose weights are all zero.
    fn averaged(&self, hashes: &[u64]) -> Model {
        let average = |w: f32, u: f32| w - u / self.step;
        let mut rows = HashMap::default();
        for ((&hash, row), sums) in hashes.iter().zip(&self.rows).zip(&self.sums) {
            let mut averaged = [0.0; LABELS];
            for (a, (&w, &u)) in averaged.iter_mut().zip(row.iter().zip(sums)) {
                *a = average(w, u);
            }
            if averaged.iter().any(|a| a.abs() > 1e-3) {
                rows.insert(hash, averaged);
            }
        }
        let mut transitions = [[0.0; LABELS]; LABELS + 1];
        for (from, row) in transitions.iter_mut().enumerate() {
            for (to, t) in row.iter_mut().enumerate() {
                *t = average(self.transitions[from][to], self.transition_sums[from][to]);
            }
        }
        Model::new(rows, transitions)
    }
}

/// A deterministic Fisher-Yates shuffle (xorshift), so training is reproducible.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tagger::Tagger;

    /// A toy set: invented names after "said" cues; the tagger must learn to find a
    /// name it has seen in a new sentence.
    #[test]
    fn learns_names_from_examples() {
        let make = |text: &str, name: &str, kind: NameType| {
            let start = text.find(name).unwrap();
            Example {
                text: text.to_string(),
                names: vec![(
                    Span {
                        start,
                        end: start + name.len(),
                    },
                    kind,
                )],
            }
        };
        let examples = vec![
            make(
                "Talks stalled, Orla Benn said on Monday.",
                "Orla Benn",
                NameType::Person,
            ),
            make(
                "The Kestrel Fund said it would wait.",
                "Kestrel Fund",
                NameType::Organization,
            ),
            make(
                "Orla Benn met officials in Varna.",
                "Orla Benn",
                NameType::Person,
            ),
            make(
                "Trade with Varna grew, the Kestrel Fund said.",
                "Kestrel Fund",
                NameType::Organization,
            ),
        ];
        let options = Options {
            epochs: 5,
            min_count: 1,
        };
        let model = train(
            crate::analyze::gazetteer::shared(),
            &examples,
            options,
            |_, _| {},
        );
        let text = "Later, Orla Benn said the Kestrel Fund had left.";
        let w = words(text);
        let tagger = Tagger::new(model);
        let gaz = crate::analyze::gazetteer::shared();
        let found: Vec<(&str, NameType)> = tagger
            .tag(gaz, text, &w, &[])
            .iter()
            .map(|n| (&text[n.span.start..n.span.end], n.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("Orla Benn", NameType::Person),
                ("Kestrel Fund", NameType::Organization)
            ]
        );
    }
}
