//! The trained weights, decoding, and the model file.
//!
//! File layout (little endian): magic `TIDNER02`; tag and cluster-level
//! counts; clusters (word, ids) sorted by word; list phrases (hash, bits)
//! sorted by hash and the longest phrase length; first words of names
//! (hashes, sorted); feature keys sorted, then
//! their weight rows; the transition matrix; an xxh3 checksum of all that
//! precedes it. Everything is sorted, so equal models give equal bytes.

use xxhash_rust::xxh3::xxh3_64;

use super::features::{self, CLUSTER_LEVELS, FeatureBuf, KeyMap, Resources};
use super::{NUM_TAGS, Tag};

const MAGIC: &[u8; 8] = b"TIDNER02";

/// Transition weights: row `NUM_TAGS` is the sentence start.
pub type Transitions = [[f32; NUM_TAGS]; NUM_TAGS + 1];

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub resources: Resources,
    index: KeyMap<u32>,
    weights: Vec<f32>,
    transitions: Transitions,
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a tidings NER model (bad magic)")]
    Magic,
    #[error("the model file is truncated")]
    Truncated,
    #[error("the model file is corrupt (checksum mismatch)")]
    Checksum,
    #[error("the model was built for {found} {what}, this build uses {expected}")]
    Shape {
        what: &'static str,
        found: u32,
        expected: u32,
    },
    #[error("the model file holds a word that is not UTF-8")]
    Utf8,
}

impl Model {
    /// A model from feature weights (`weights[i]` is the row of `keys[i]`).
    pub fn new(
        resources: Resources,
        rows: Vec<(u64, [f32; NUM_TAGS])>,
        transitions: Transitions,
    ) -> Self {
        let mut rows = rows;
        rows.sort_by_key(|(key, _)| *key);
        let mut index = KeyMap::default();
        index.reserve(rows.len());
        let mut weights = Vec::with_capacity(rows.len() * NUM_TAGS);
        for (i, (key, row)) in rows.iter().enumerate() {
            index.insert(*key, i as u32);
            weights.extend_from_slice(row);
        }
        Self {
            resources,
            index,
            weights,
            transitions,
        }
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Tags a document given as sentences of tokens.
    pub fn tag<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Tag>> {
        let mut buf = FeatureBuf::default();
        features::extract(&self.resources, sentences, &mut buf);
        let mut out = Vec::with_capacity(sentences.len());
        let mut emissions = Vec::new();
        let mut at = 0;
        for sentence in sentences {
            emissions.clear();
            for i in at..at + sentence.len() {
                emissions.push(self.emission(buf.token(i)));
            }
            at += sentence.len();
            out.push(viterbi(&emissions, &self.transitions));
        }
        out
    }

    fn emission(&self, keys: &[u64]) -> [f32; NUM_TAGS] {
        emission(&self.index, &self.weights, keys)
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, NUM_TAGS as u32);
        put_u32(&mut out, CLUSTER_LEVELS as u32);

        let mut clusters: Vec<(&String, &[u16; CLUSTER_LEVELS])> =
            self.resources.clusters.iter().collect();
        clusters.sort();
        put_u32(&mut out, clusters.len() as u32);
        for (word, ids) in clusters {
            put_u32(&mut out, word.len() as u32);
            out.extend_from_slice(word.as_bytes());
            for id in ids {
                out.extend_from_slice(&id.to_le_bytes());
            }
        }

        let mut phrases: Vec<(&u64, &u8)> = self.resources.phrases.iter().collect();
        phrases.sort();
        put_u32(&mut out, phrases.len() as u32);
        for (hash, bits) in phrases {
            out.extend_from_slice(&hash.to_le_bytes());
            out.push(*bits);
        }
        put_u32(&mut out, self.resources.max_phrase_len as u32);
        let mut first_words: Vec<&u64> = self.resources.first_words.iter().collect();
        first_words.sort();
        put_u32(&mut out, first_words.len() as u32);
        for hash in first_words {
            out.extend_from_slice(&hash.to_le_bytes());
        }

        let mut keys: Vec<(&u64, &u32)> = self.index.iter().collect();
        keys.sort();
        put_u32(&mut out, keys.len() as u32);
        for (key, _) in &keys {
            out.extend_from_slice(&key.to_le_bytes());
        }
        for (_, row) in &keys {
            let row = **row as usize * NUM_TAGS;
            for w in &self.weights[row..row + NUM_TAGS] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let checksum = xxh3_64(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Reads a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < MAGIC.len() + 8 || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::Magic);
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut sum_bytes = [0u8; 8];
        sum_bytes.copy_from_slice(sum);
        if xxh3_64(body) != u64::from_le_bytes(sum_bytes) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader {
            bytes: body,
            at: MAGIC.len(),
        };
        for (what, expected) in [("tags", NUM_TAGS), ("cluster levels", CLUSTER_LEVELS)] {
            let found = r.u32()?;
            if found != expected as u32 {
                return Err(ModelError::Shape {
                    what,
                    found,
                    expected: expected as u32,
                });
            }
        }
        let mut resources = Resources::default();
        let n = r.u32()? as usize;
        resources.clusters.reserve(n);
        for _ in 0..n {
            let len = r.u32()? as usize;
            let word = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ModelError::Utf8)?
                .to_owned();
            let mut ids = [0u16; CLUSTER_LEVELS];
            for id in &mut ids {
                *id = u16::from_le_bytes(r.array()?);
            }
            resources.clusters.insert(word, ids);
        }
        let n = r.u32()? as usize;
        resources.phrases.reserve(n);
        for _ in 0..n {
            let hash = u64::from_le_bytes(r.array()?);
            let [bits] = r.array()?;
            resources.phrases.insert(hash, bits);
        }
        resources.max_phrase_len = r.u32()? as usize;
        let n = r.u32()? as usize;
        resources.first_words.reserve(n);
        for _ in 0..n {
            resources.first_words.insert(u64::from_le_bytes(r.array()?));
        }

        let n = r.u32()? as usize;
        let keys: Vec<u64> = (0..n)
            .map(|_| r.array().map(u64::from_le_bytes))
            .collect::<Result<_, _>>()?;
        let mut weights = Vec::with_capacity(n * NUM_TAGS);
        for _ in 0..n * NUM_TAGS {
            weights.push(f32::from_le_bytes(r.array()?));
        }
        let mut transitions = [[0.0f32; NUM_TAGS]; NUM_TAGS + 1];
        for row in &mut transitions {
            for w in row.iter_mut() {
                *w = f32::from_le_bytes(r.array()?);
            }
        }
        let mut index = KeyMap::default();
        index.reserve(n);
        for (i, key) in keys.into_iter().enumerate() {
            index.insert(key, i as u32);
        }
        Ok(Self {
            resources,
            index,
            weights,
            transitions,
        })
    }
}

fn put_u32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, len: usize) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(len).ok_or(ModelError::Truncated)?;
        let slice = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.array().map(u32::from_le_bytes)
    }
}

/// Score of each tag for a token with feature `keys`: the sum of the weight
/// rows (`index` maps a key to its row in `weights`) of the known keys.
pub fn emission(index: &KeyMap<u32>, weights: &[f32], keys: &[u64]) -> [f32; NUM_TAGS] {
    let mut scores = [0.0f32; NUM_TAGS];
    for key in keys {
        if let Some(&row) = index.get(key) {
            let row = row as usize * NUM_TAGS;
            for (score, w) in scores.iter_mut().zip(&weights[row..row + NUM_TAGS]) {
                *score += w;
            }
        }
    }
    scores
}

/// The best tag sequence under IOB2 constraints.
pub fn viterbi(emissions: &[[f32; NUM_TAGS]], transitions: &Transitions) -> Vec<Tag> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; NUM_TAGS]; n];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for t in 0..NUM_TAGS {
        if Tag(t as u8).may_follow(None) {
            score[0][t] = transitions[NUM_TAGS][t] + emissions[0][t];
        }
    }
    for i in 1..n {
        for t in 0..NUM_TAGS {
            let tag = Tag(t as u8);
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for p in 0..NUM_TAGS {
                if !tag.may_follow(Some(Tag(p as u8))) {
                    continue;
                }
                let s = score[i - 1][p] + transitions[p][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            score[i][t] = best + emissions[i][t];
            back[i][t] = arg;
        }
    }
    let mut last = 0;
    for t in 1..NUM_TAGS {
        if score[n - 1][t] > score[n - 1][last] {
            last = t;
        }
    }
    let mut tags = vec![Tag::O; n];
    let mut t = last as u8;
    for i in (0..n).rev() {
        tags[i] = Tag(t);
        t = back[i][t as usize];
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Model {
        let mut resources = Resources::default();
        resources
            .parse_lists("PER\tAda Lovelace\nFIRST\tAda\n")
            .expect("lists");
        resources
            .parse_clusters("Ada\t1\t2\t3\n")
            .expect("clusters");
        let mut transitions = [[0.0; NUM_TAGS]; NUM_TAGS + 1];
        transitions[1][2] = 0.5;
        Model::new(
            resources,
            vec![(7, [0.25; NUM_TAGS]), (3, [1.0; NUM_TAGS])],
            transitions,
        )
    }

    #[test]
    fn bytes_round_trip_and_are_canonical() {
        let model = toy();
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).expect("reads");
        assert_eq!(back, model);
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn damaged_files_are_refused() {
        let mut bytes = toy().to_bytes();
        assert!(matches!(
            Model::from_bytes(b"nonsense"),
            Err(ModelError::Magic)
        ));
        let middle = bytes.len() / 2;
        bytes[middle] ^= 1;
        assert!(matches!(
            Model::from_bytes(&bytes),
            Err(ModelError::Checksum)
        ));
    }

    #[test]
    fn viterbi_respects_iob2() {
        let mut emissions = vec![[0.0f32; NUM_TAGS]; 2];
        // I-PER scores best on its own at both positions, but may not start.
        emissions[0][Tag::inside(0).index()] = 5.0;
        emissions[0][Tag::begin(0).index()] = 1.0;
        emissions[1][Tag::inside(0).index()] = 5.0;
        let transitions = [[0.0; NUM_TAGS]; NUM_TAGS + 1];
        assert_eq!(
            viterbi(&emissions, &transitions),
            [Tag::begin(0), Tag::inside(0)]
        );
    }
}
