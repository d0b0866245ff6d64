//! Word clusters from unlabelled text by the exchange algorithm (Kneser &
//! Ney 1993, Martin et al. 1998): each word moves to the class that most
//! raises the likelihood of a class-bigram model, pass after pass. Several
//! class counts give coarse-to-fine clusterings, which the tagger uses the
//! way Brown-cluster path prefixes are used (Ratinov & Roth 2009).
//!
//! Deterministic: words are ordered by count then spelling, classes start
//! round-robin, ties go to the lowest class.

use std::collections::HashMap;
use std::fmt::Write as _;

use tidings_nlp::text;

/// A corpus as word ids, one vector per sentence.
pub struct Corpus {
    pub words: Vec<String>,
    pub counts: Vec<u64>,
    pub sentences: Vec<Vec<u32>>,
}

impl Corpus {
    /// Builds the vocabulary of words seen at least `min_count` times from
    /// texts; rarer words break bigrams as a sentence boundary does.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>, min_count: u64) -> Self {
        let mut sentences_text: Vec<Vec<String>> = Vec::new();
        for body in texts {
            let doc = text::analyze(body);
            for sentence in &doc.sentences {
                sentences_text.push(
                    doc.tokens[sentence.tokens.clone()]
                        .iter()
                        .map(|t| t.text.clone())
                        .collect(),
                );
            }
        }
        let mut counts: HashMap<&str, u64> = HashMap::new();
        for sentence in &sentences_text {
            for word in sentence {
                *counts.entry(word.as_str()).or_default() += 1;
            }
        }
        let mut vocabulary: Vec<(&str, u64)> = counts
            .into_iter()
            .filter(|(_, n)| *n >= min_count)
            .collect();
        vocabulary.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let ids: HashMap<&str, u32> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (*w, i as u32))
            .collect();
        let mut sentences = Vec::new();
        for sentence in &sentences_text {
            let mut run = Vec::new();
            for word in sentence {
                match ids.get(word.as_str()) {
                    Some(&id) => run.push(id),
                    None => {
                        if run.len() > 1 {
                            sentences.push(std::mem::take(&mut run));
                        }
                        run.clear();
                    }
                }
            }
            if run.len() > 1 {
                sentences.push(run);
            }
        }
        Corpus {
            words: vocabulary.iter().map(|(w, _)| (*w).to_owned()).collect(),
            counts: vocabulary.iter().map(|(_, n)| *n).collect(),
            sentences,
        }
    }
}

/// Neighbour lists in compressed rows: `targets[starts[w]..starts[w+1]]`.
struct Neighbours {
    starts: Vec<usize>,
    targets: Vec<(u32, u64)>,
}

impl Neighbours {
    fn build(words: usize, mut pairs: Vec<u64>) -> Self {
        pairs.sort_unstable();
        let mut starts = vec![0usize; words + 1];
        let mut targets: Vec<(u32, u64)> = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let mut j = i;
            while j < pairs.len() && pairs[j] == pairs[i] {
                j += 1;
            }
            let from = (pairs[i] >> 32) as usize;
            targets.push(((pairs[i] & 0xffff_ffff) as u32, (j - i) as u64));
            starts[from + 1] += 1;
            i = j;
        }
        for w in 0..words {
            starts[w + 1] += starts[w];
        }
        Neighbours { starts, targets }
    }

    fn of(&self, word: usize) -> &[(u32, u64)] {
        &self.targets[self.starts[word]..self.starts[word + 1]]
    }
}

/// Assigns each word of `corpus` one of `classes` classes.
pub fn exchange(corpus: &Corpus, classes: usize, iterations: usize) -> Vec<u16> {
    let v = corpus.words.len();
    let c = classes.max(2);
    let mut forward = Vec::new();
    let mut backward = Vec::new();
    for sentence in &corpus.sentences {
        for pair in sentence.windows(2) {
            forward.push(u64::from(pair[0]) << 32 | u64::from(pair[1]));
            backward.push(u64::from(pair[1]) << 32 | u64::from(pair[0]));
        }
    }
    let total = forward.len();
    let succ = Neighbours::build(v, forward);
    let pred = Neighbours::build(v, backward);

    // x ln x for every count that can occur.
    let f: Vec<f64> = (0..=total)
        .map(|x| {
            if x == 0 {
                0.0
            } else {
                x as f64 * (x as f64).ln()
            }
        })
        .collect();

    let mut class: Vec<u16> = (0..v).map(|w| (w % c) as u16).collect();
    let mut bigram = vec![0u64; c * c];
    let mut left = vec![0u64; c];
    let mut right = vec![0u64; c];
    for w in 0..v {
        for &(next, n) in succ.of(w) {
            bigram[class[w] as usize * c + class[next as usize] as usize] += n;
            left[class[w] as usize] += n;
            right[class[next as usize] as usize] += n;
        }
    }

    let mut to_class = vec![0u64; c];
    let mut from_class = vec![0u64; c];
    let mut touched_to: Vec<usize> = Vec::new();
    let mut touched_from: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..v {
            let (mut self_loop, mut out_total, mut in_total) = (0u64, 0u64, 0u64);
            for &(next, n) in succ.of(w) {
                out_total += n;
                if next as usize == w {
                    self_loop += n;
                    continue;
                }
                let k = class[next as usize] as usize;
                if to_class[k] == 0 {
                    touched_to.push(k);
                }
                to_class[k] += n;
            }
            for &(prev, n) in pred.of(w) {
                in_total += n;
                if prev as usize == w {
                    continue;
                }
                let k = class[prev as usize] as usize;
                if from_class[k] == 0 {
                    touched_from.push(k);
                }
                from_class[k] += n;
            }
            let old = class[w] as usize;
            apply(
                &mut bigram,
                &mut left,
                &mut right,
                c,
                old,
                (&to_class, &touched_to),
                (&from_class, &touched_from),
                (self_loop, out_total, in_total),
                false,
            );
            let mut best = old;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..c {
                let mut gain = 0.0;
                for &k in &touched_to {
                    if k != b {
                        let x = bigram[b * c + k] as usize;
                        gain += f[x + to_class[k] as usize] - f[x];
                    }
                }
                for &k in &touched_from {
                    if k != b {
                        let x = bigram[k * c + b] as usize;
                        gain += f[x + from_class[k] as usize] - f[x];
                    }
                }
                let x = bigram[b * c + b] as usize;
                let diagonal = (to_class[b] + from_class[b] + self_loop) as usize;
                gain += f[x + diagonal] - f[x];
                gain -= f[left[b] as usize + out_total as usize] - f[left[b] as usize];
                gain -= f[right[b] as usize + in_total as usize] - f[right[b] as usize];
                if gain > best_gain + 1e-9 || (b == old && gain >= best_gain - 1e-9) {
                    best_gain = gain;
                    best = b;
                }
            }
            apply(
                &mut bigram,
                &mut left,
                &mut right,
                c,
                best,
                (&to_class, &touched_to),
                (&from_class, &touched_from),
                (self_loop, out_total, in_total),
                true,
            );
            if best != old {
                moved += 1;
                class[w] = best as u16;
            }
            for &k in &touched_to {
                to_class[k] = 0;
            }
            for &k in &touched_from {
                from_class[k] = 0;
            }
            touched_to.clear();
            touched_from.clear();
        }
        tracing::info!(classes = c, moved, "exchange pass");
        if moved == 0 {
            break;
        }
    }
    class
}

/// Adds (or removes) word counts to class `b`'s statistics.
#[allow(clippy::too_many_arguments)]
fn apply(
    bigram: &mut [u64],
    left: &mut [u64],
    right: &mut [u64],
    c: usize,
    b: usize,
    (to_class, touched_to): (&[u64], &[usize]),
    (from_class, touched_from): (&[u64], &[usize]),
    (self_loop, out_total, in_total): (u64, u64, u64),
    add: bool,
) {
    let op = |x: &mut u64, n: u64| {
        if add {
            *x += n;
        } else {
            *x -= n;
        }
    };
    for &k in touched_to {
        op(&mut bigram[b * c + k], to_class[k]);
    }
    for &k in touched_from {
        op(&mut bigram[k * c + b], from_class[k]);
    }
    op(&mut bigram[b * c + b], self_loop);
    op(&mut left[b], out_total);
    op(&mut right[b], in_total);
}

/// Clusters at several class counts, as the TSV the tagger reads:
/// `word<TAB>id…`, sorted by word.
pub fn cluster_table(corpus: &Corpus, levels: &[usize], iterations: usize, header: &str) -> String {
    let assignments: Vec<Vec<u16>> = levels
        .iter()
        .map(|&classes| exchange(corpus, classes, iterations))
        .collect();
    let mut order: Vec<usize> = (0..corpus.words.len()).collect();
    order.sort_by(|a, b| corpus.words[*a].cmp(&corpus.words[*b]));
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "# {line}");
    }
    for w in order {
        out.push_str(&corpus.words[w]);
        for assignment in &assignments {
            let _ = write!(out, "\t{}", assignment[w]);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        // City verb city verb ...: two classes separate cities from verbs.
        let cities = ["Paris", "Rome", "Oslo", "Lima"];
        let verbs = ["likes", "sees", "meets"];
        let mut text = String::new();
        for i in 0..60 {
            let _ = writeln!(
                text,
                "{} {} {} {} {}",
                cities[i % 4],
                verbs[i % 3],
                cities[(i + 1) % 4],
                verbs[(i + 2) % 3],
                cities[(i + 3) % 4]
            );
        }
        let corpus = Corpus::from_texts(text.lines(), 2);
        let classes = exchange(&corpus, 2, 10);
        let id = |w: &str| {
            let i = corpus.words.iter().position(|x| x == w).expect("word");
            classes[i]
        };
        for city in cities {
            assert_eq!(id(city), id("Paris"), "{city}");
        }
        for verb in verbs {
            assert_eq!(id(verb), id("likes"), "{verb}");
        }
        assert_ne!(id("Paris"), id("likes"));
        // Same input, same clusters.
        assert_eq!(exchange(&corpus, 2, 10), classes);
    }
}
