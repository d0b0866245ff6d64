//! Averaged-perceptron training (Collins 2002) with the lazy averaging
//! trick, sentence order shuffled each epoch by a seeded generator, and the
//! epoch count chosen by k-fold cross-validation on the training documents
//! ([`cross_validate`]), so the development set is only reported, never
//! tuned against. Single-threaded and free of hash-order effects, so a fixed
//! seed gives the same model bytes.

use crate::conll::{Document, Scores};
use tidings_nlp::tagger::features::{self, FeatureBuf, KeyMap, Resources};
use tidings_nlp::tagger::model::{self, Model, Transitions, viterbi};
use tidings_nlp::tagger::{NUM_TAGS, Tag};

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Most passes over the training data.
    pub epochs: usize,
    pub seed: u64,
    /// Which epoch's weights to keep.
    pub keep: Keep,
}

/// Which epoch's weights a training run returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The last epoch's (the epoch count was chosen beforehand).
    Last,
    /// The epoch with the best development F1.
    BestOnDev,
}

/// What one epoch did.
#[derive(Debug, Clone, PartialEq)]
pub struct Epoch {
    pub epoch: usize,
    /// Training sentences decoded wrongly during the pass.
    pub mistakes: usize,
    /// Development F1 of the averaged weights after the pass.
    pub dev_f1: f64,
}

/// A small, fixed pseudo-random generator (splitmix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        features::mix(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Corpus {
    keys: Vec<u64>,
    offsets: Vec<usize>,
    gold: Vec<Tag>,
    /// Token ranges of the sentences.
    sentences: Vec<(usize, usize)>,
}

impl Corpus {
    fn new(resources: &Resources, docs: &[Document]) -> Self {
        let mut corpus = Corpus {
            keys: Vec::new(),
            offsets: vec![0],
            gold: Vec::new(),
            sentences: Vec::new(),
        };
        let mut buf = FeatureBuf::default();
        for doc in docs {
            features::extract(resources, &doc.tokens(), &mut buf);
            let mut token = 0;
            for sentence in &doc.sentences {
                let start = corpus.gold.len();
                for (i, tag) in sentence.gold.iter().enumerate() {
                    corpus.keys.extend_from_slice(buf.token(token + i));
                    corpus.offsets.push(corpus.keys.len());
                    corpus.gold.push(*tag);
                }
                token += sentence.tokens.len();
                corpus.sentences.push((start, corpus.gold.len()));
            }
        }
        corpus
    }

    fn token(&self, i: usize) -> &[u64] {
        &self.keys[self.offsets[i]..self.offsets[i + 1]]
    }
}

#[derive(Default)]
struct Weights {
    index: KeyMap<u32>,
    current: Vec<f32>,
    /// Σ (update count at the time) × change, for averaging.
    totals: Vec<f64>,
    transitions: Transitions,
    transition_totals: [[f64; NUM_TAGS]; NUM_TAGS + 1],
}

impl Weights {
    fn emission(&self, keys: &[u64]) -> [f32; NUM_TAGS] {
        model::emission(&self.index, &self.current, keys)
    }

    fn update(&mut self, keys: &[u64], tag: Tag, delta: f32, count: f64) {
        for key in keys {
            let next = self.index.len() as u32;
            let row = *self.index.entry(*key).or_insert_with(|| next);
            if row == next {
                self.current.extend_from_slice(&[0.0; NUM_TAGS]);
                self.totals.extend_from_slice(&[0.0; NUM_TAGS]);
            }
            let at = row as usize * NUM_TAGS + tag.index();
            self.current[at] += delta;
            self.totals[at] += count * f64::from(delta);
        }
    }

    fn update_transition(&mut self, prev: Option<Tag>, tag: Tag, delta: f32, count: f64) {
        let p = prev.map_or(NUM_TAGS, Tag::index);
        self.transitions[p][tag.index()] += delta;
        self.transition_totals[p][tag.index()] += count * f64::from(delta);
    }

    /// The averaged model after `count` steps.
    fn averaged(&self, resources: &Resources, count: f64) -> Model {
        let average = |w: f32, total: f64| (f64::from(w) - total / count) as f32;
        let mut rows = Vec::with_capacity(self.index.len());
        for (key, &row) in &self.index {
            let at = row as usize * NUM_TAGS;
            let mut weights = [0.0f32; NUM_TAGS];
            for (t, w) in weights.iter_mut().enumerate() {
                *w = average(self.current[at + t], self.totals[at + t]);
            }
            if weights.iter().any(|w| *w != 0.0) {
                rows.push((*key, weights));
            }
        }
        let mut transitions = [[0.0f32; NUM_TAGS]; NUM_TAGS + 1];
        for (p, row) in transitions.iter_mut().enumerate() {
            for (t, w) in row.iter_mut().enumerate() {
                *w = average(self.transitions[p][t], self.transition_totals[p][t]);
            }
        }
        Model::new(resources.clone(), rows, transitions)
    }
}

/// Scores a model on documents.
pub fn evaluate(model: &Model, docs: &[Document]) -> Scores {
    let mut scores = Scores::default();
    for doc in docs {
        let predicted = model.tag(&doc.tokens());
        for (sentence, tags) in doc.sentences.iter().zip(&predicted) {
            scores.add(&sentence.gold, tags);
        }
    }
    scores
}

/// Trains on `train` for `options.epochs` passes, scores each pass on `dev`
/// and calls `progress` after it, and keeps the weights `options.keep`
/// says. Returns the model and its epoch number.
pub fn train(
    resources: &Resources,
    train: &[Document],
    dev: &[Document],
    options: Options,
    mut progress: impl FnMut(&Epoch),
) -> (Model, usize) {
    let corpus = Corpus::new(resources, train);
    let mut weights = Weights::default();
    let mut rng = SplitMix(options.seed);
    let mut order: Vec<usize> = (0..corpus.sentences.len()).collect();
    let mut count = 1.0f64;
    let mut best: Option<(f64, usize, Model)> = None;
    let mut emissions = Vec::new();
    for epoch in 1..=options.epochs.max(1) {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut mistakes = 0;
        for &s in &order {
            let (start, end) = corpus.sentences[s];
            emissions.clear();
            for i in start..end {
                emissions.push(weights.emission(corpus.token(i)));
            }
            let predicted = viterbi(&emissions, &weights.transitions);
            let gold = &corpus.gold[start..end];
            if predicted != gold {
                mistakes += 1;
                for (j, (&g, &p)) in gold.iter().zip(&predicted).enumerate() {
                    let keys = corpus.token(start + j);
                    if g != p {
                        weights.update(keys, g, 1.0, count);
                        weights.update(keys, p, -1.0, count);
                    }
                    let gold_prev = (j > 0).then(|| gold[j - 1]);
                    let predicted_prev = (j > 0).then(|| predicted[j - 1]);
                    if (gold_prev, g) != (predicted_prev, p) {
                        weights.update_transition(gold_prev, g, 1.0, count);
                        weights.update_transition(predicted_prev, p, -1.0, count);
                    }
                }
            }
            count += 1.0;
        }
        let model = weights.averaged(resources, count);
        let dev_f1 = evaluate(&model, dev).overall().2;
        progress(&Epoch {
            epoch,
            mistakes,
            dev_f1,
        });
        let keep = match options.keep {
            Keep::Last => true,
            Keep::BestOnDev => best.as_ref().is_none_or(|(f, _, _)| dev_f1 > *f),
        };
        if keep {
            best = Some((dev_f1, epoch, model));
        }
    }
    match best {
        Some((_, epoch, model)) => (model, epoch),
        None => (weights.averaged(resources, count), 0),
    }
}

/// Mean F1 per epoch (index 0 is epoch 1) over `folds` folds of `docs`:
/// each fold's documents (every `folds`-th document) are held out in turn
/// and the tagger trained on the rest. `progress` sees (fold, epoch).
pub fn cross_validate(
    resources: &Resources,
    docs: &[Document],
    folds: usize,
    options: Options,
    mut progress: impl FnMut(usize, &Epoch),
) -> Vec<f64> {
    let folds = folds.max(2);
    let mut sums = vec![0.0; options.epochs.max(1)];
    for fold in 0..folds {
        let of_fold = |keep: bool| -> Vec<Document> {
            docs.iter()
                .enumerate()
                .filter(|(i, _)| (i % folds == fold) == keep)
                .map(|(_, d)| d.clone())
                .collect()
        };
        let (held, kept) = (of_fold(true), of_fold(false));
        train(resources, &kept, &held, options, |epoch| {
            sums[epoch.epoch - 1] += epoch.dev_f1;
            progress(fold, epoch);
        });
    }
    sums.iter().map(|s| s / folds as f64).collect()
}

/// The epoch count with the best mean F1 (the fewer on a tie).
pub fn best_epochs(means: &[f64]) -> usize {
    means
        .iter()
        .enumerate()
        .fold(
            (0, f64::MIN),
            |(best, top), (i, &f)| {
                if f > top { (i, f) } else { (best, top) }
            },
        )
        .0
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll;

    const DATA: &str = "-DOCSTART- -X- O O\n\nAda NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n.\t. O O\n\nBob NNP I-NP I-PER\nlikes VBZ I-VP O\nRome NNP I-NP I-LOC\n\nCarl NNP I-NP I-PER\nflew VBD I-VP O\nto TO I-PP O\nOslo NNP I-NP I-LOC\n";

    #[test]
    fn learns_a_toy_corpus_and_is_reproducible() {
        let docs = conll::parse(DATA).expect("parses");
        let resources = Resources::default();
        let options = Options {
            epochs: 5,
            seed: 7,
            keep: Keep::BestOnDev,
        };
        let (model, _) = train(&resources, &docs, &docs, options, |_| {});
        assert_eq!(evaluate(&model, &docs).overall().2, 1.0);
        let (again, _) = train(&resources, &docs, &docs, options, |_| {});
        assert_eq!(model.to_bytes(), again.to_bytes());
    }

    #[test]
    fn cross_validation_scores_every_epoch_and_picks_the_best() {
        let docs = conll::parse(&DATA.repeat(3)).expect("parses");
        let options = Options {
            epochs: 4,
            seed: 7,
            keep: Keep::Last,
        };
        let means = cross_validate(&Resources::default(), &docs, 3, options, |_, _| {});
        assert_eq!(means.len(), 4);
        assert!(means.iter().all(|f| (0.0..=1.0).contains(f)));
        assert_eq!(best_epochs(&[0.5, 0.9, 0.9, 0.7]), 2);
    }
}
