//! Token features, as 64-bit keys: a template number mixed with the hash of
//! its value. Word-level parts are computed once per distinct word of a
//! document ([`word`]); the window features combine them over two tokens
//! each side; document evidence ([`document`]) adds what other sentences
//! say about a word. The look-up tables are [`Resources`].
//!
//! The order in which a token's keys are pushed is part of the model: the
//! emission sums weights in that order, so reordering them would change
//! float rounding and, rarely, a tag.

mod document;
mod resources;
mod word;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use xxhash_rust::xxh3::xxh3_64;

use document::{Evidence, OTHER_OCCURRENCES, list_matches, lower_in};
pub use resources::{ResourceError, Resources};
use templates::*;
use word::{WordInfo, Words};

/// Granularities of word clusters (coarse to fine).
pub const CLUSTER_LEVELS: usize = 3;
/// Cluster id meaning "word not clustered".
pub const NO_CLUSTER: u16 = u16::MAX;

/// A hasher for keys that already are good 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
pub type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;

/// The splitmix64 finaliser: a cheap, well-mixing bijection.
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[inline]
pub(super) fn key(template: u64, value: u64) -> u64 {
    mix(value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
pub(super) fn pair(a: u64, b: u64) -> u64 {
    mix(a).rotate_left(17) ^ b
}

/// Hash of a phrase: its lowercase tokens in order.
pub fn phrase_hash<'a>(lowers: impl IntoIterator<Item = &'a str>) -> u64 {
    lowers
        .into_iter()
        .fold(0x51_7cc1_b727_220a, |h, w| mix(h ^ xxh3_64(w.as_bytes())))
}

/// Feature keys of every token of a document, in order.
#[derive(Debug, Default)]
pub struct FeatureBuf {
    pub keys: Vec<u64>,
    /// `keys[offsets[i]..offsets[i + 1]]` are token i's.
    pub offsets: Vec<usize>,
}

impl FeatureBuf {
    pub fn token(&self, i: usize) -> &[u64] {
        &self.keys[self.offsets[i]..self.offsets[i + 1]]
    }

    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Feature templates: the number mixed into each kind of key.
mod templates {
    pub(super) const T_BIAS: u64 = 1;
    pub(super) const T_WORD: u64 = 2;
    pub(super) const T_LOWER: u64 = 3;
    pub(super) const T_SHAPE: u64 = 4;
    pub(super) const T_SHORT: u64 = 5;
    pub(super) const T_PREFIX: u64 = 6; // 6..=9
    pub(super) const T_SUFFIX: u64 = 10; // 10..=13
    pub(super) const T_CLUSTER: u64 = 14; // 14..=16
    pub(super) const T_LOWER_AT: u64 = 20; // 20..=23: offsets -2, -1, +1, +2
    pub(super) const T_BIGRAM_LEFT: u64 = 24;
    pub(super) const T_BIGRAM_RIGHT: u64 = 25;
    pub(super) const T_SHAPE_WINDOW: u64 = 26;
    pub(super) const T_SHAPE_LEFT: u64 = 27;
    pub(super) const T_SHAPE_RIGHT: u64 = 28;
    pub(super) const T_CLUSTER_LEFT: u64 = 29; // 29..=31
    pub(super) const T_CLUSTER_RIGHT: u64 = 32; // 32..=34
    pub(super) const T_FIRST: u64 = 35;
    pub(super) const T_LIST: u64 = 36;
    pub(super) const T_LIST_LEFT: u64 = 37;
    pub(super) const T_LIST_RIGHT: u64 = 38;
    pub(super) const T_DOC: u64 = 39;
    pub(super) const T_HEADLINE: u64 = 40;
    pub(super) const T_LOWER_LEFT_SHAPE: u64 = 41;
    pub(super) const T_CLUSTER_PAIR: u64 = 42;
    pub(super) const T_LOWER_LEFT2_SHAPE: u64 = 43;

    pub(super) const T_OTHER_LEFT: u64 = 44;
    pub(super) const T_OTHER_RIGHT: u64 = 45;
    pub(super) const T_IN_RUN: u64 = 46;
    pub(super) const T_FIRST_WORD: u64 = 47;
    pub(super) const T_ORG_SUFFIX: u64 = 48; // 48..=50: this word, the next, the one after
}

/// The value of a neighbour outside the sentence.
const BOUNDARY: u64 = 0x0b0f_5eed;

/// Computes the features of a document given as sentences of tokens; the
/// features of token j of sentence s land at position (Σ earlier lengths) + j.
pub fn extract<S: AsRef<str>>(res: &Resources, sentences: &[Vec<S>], out: &mut FeatureBuf) {
    out.keys.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let words = Words::index(res, sentences);
    let evidence = Evidence::gather(&words);
    let mut lists: Vec<u8> = Vec::new();
    for (s, sentence) in sentences.iter().enumerate() {
        list_matches(res, sentence, &words.infos, &words.ids[s], &mut lists);
        for j in 0..words.ids[s].len() {
            let at = Position {
                words: &words,
                s,
                j,
            };
            at.window(&lists, &mut out.keys);
            at.document(&evidence, &mut out.keys);
            out.offsets.push(out.keys.len());
        }
    }
}

/// Token `j` of sentence `s`.
struct Position<'a> {
    words: &'a Words,
    s: usize,
    j: usize,
}

impl Position<'_> {
    fn info(&self) -> &WordInfo {
        self.words.at(self.s, self.j)
    }

    fn len(&self) -> usize {
        self.words.ids[self.s].len()
    }

    /// The word `offset` tokens away in the sentence, if any.
    fn neighbour(&self, offset: isize) -> Option<&WordInfo> {
        let at = self.j as isize + offset;
        (at >= 0 && (at as usize) < self.len()).then(|| self.words.at(self.s, at as usize))
    }

    /// The lowercase hash `offset` tokens away, or the boundary.
    fn lower_at(&self, offset: isize) -> u64 {
        lower_in(self.words, self.s, self.j as isize + offset)
    }

    /// The word's own features and those of its window of two tokens each
    /// side: neighbours, bigrams, shapes, clusters, position, name lists.
    fn window(&self, lists: &[u8], keys: &mut Vec<u64>) {
        let info = self.info();
        keys.extend_from_slice(&info.own);
        for (t, offset) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            keys.push(key(T_LOWER_AT + t as u64, self.lower_at(offset)));
        }
        let left = self.neighbour(-1);
        let right = self.neighbour(1);
        keys.push(key(T_BIGRAM_LEFT, pair(self.lower_at(-1), info.lower)));
        keys.push(key(T_BIGRAM_RIGHT, pair(info.lower, self.lower_at(1))));
        let short_left = left.map_or(BOUNDARY, |w| w.short_shape);
        let short_right = right.map_or(BOUNDARY, |w| w.short_shape);
        keys.push(key(
            T_SHAPE_WINDOW,
            pair(pair(short_left, info.short_shape), short_right),
        ));
        keys.push(key(T_SHAPE_LEFT, left.map_or(BOUNDARY, |w| w.shape)));
        keys.push(key(T_SHAPE_RIGHT, right.map_or(BOUNDARY, |w| w.shape)));
        for level in 0..CLUSTER_LEVELS {
            let l = left.map_or(BOUNDARY, |w| u64::from(w.clusters[level]));
            let r = right.map_or(BOUNDARY, |w| u64::from(w.clusters[level]));
            keys.push(key(T_CLUSTER_LEFT + level as u64, l));
            keys.push(key(T_CLUSTER_RIGHT + level as u64, r));
        }
        keys.push(key(
            T_CLUSTER_PAIR,
            pair(
                left.map_or(BOUNDARY, |w| u64::from(w.clusters[1])),
                u64::from(info.clusters[1]),
            ),
        ));
        keys.push(key(
            T_FIRST,
            u64::from(self.j == 0) | u64::from(info.upper_initial) << 1,
        ));
        keys.push(key(
            T_LOWER_LEFT_SHAPE,
            pair(self.lower_at(-1), info.short_shape),
        ));
        keys.push(key(
            T_LOWER_LEFT2_SHAPE,
            pair(self.lower_at(-2), info.short_shape),
        ));
        let ji = self.j as isize;
        for (template, at) in [(T_LIST, ji), (T_LIST_LEFT, ji - 1), (T_LIST_RIGHT, ji + 1)] {
            if at >= 0 && (at as usize) < self.len() {
                let bits = lists[at as usize];
                for bit in 0..8u64 {
                    if bits & (1 << bit) != 0 {
                        keys.push(key(template, bit));
                    }
                }
            }
        }
    }

    /// What the rest of the document says: capitalisation evidence, the
    /// headline, organisation suffixes ahead, the contexts of the word's
    /// other occurrences and its place in runs of capitalised words.
    fn document(&self, evidence: &Evidence, keys: &mut Vec<u64>) {
        let info = self.info();
        let is_headline = evidence.headline[self.s];
        if info.upper_initial {
            let seen = u64::from(self.j == 0)
                | u64::from(info.all_caps) << 1
                | u64::from(evidence.seen_lower.contains(&info.lower)) << 2
                | u64::from(evidence.seen_capitalised.contains(&info.lower)) << 3
                | u64::from(is_headline) << 4;
            keys.push(key(T_DOC, seen));
        }
        if is_headline {
            keys.push(key(T_HEADLINE, info.short_shape));
        }
        for ahead in 0..3 {
            if self
                .neighbour(ahead)
                .is_some_and(|w| w.org_suffix && w.upper_initial)
            {
                keys.push(key(T_ORG_SUFFIX + ahead as u64, 1));
            }
        }
        if !info.upper_initial {
            return;
        }
        if let Some(others) = evidence.occurrences.get(&info.lower) {
            for &(os, oj) in others
                .iter()
                .filter(|&&(os, oj)| (os as usize, oj as usize) != (self.s, self.j))
                .take(OTHER_OCCURRENCES)
            {
                let (os, oj) = (os as usize, oj as isize);
                keys.push(key(T_OTHER_LEFT, lower_in(self.words, os, oj - 1)));
                keys.push(key(T_OTHER_RIGHT, lower_in(self.words, os, oj + 1)));
            }
        }
        let runs = evidence.in_runs.get(&info.lower).copied().unwrap_or(0);
        let alone = !self.neighbour(-1).is_some_and(|w| w.upper_initial)
            && !self.neighbour(1).is_some_and(|w| w.upper_initial);
        keys.push(key(T_IN_RUN, u64::from(runs) | u64::from(alone) << 3));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resources() -> Resources {
        let mut res = Resources::default();
        res.parse_lists("LOC\tNew York\nLOC\tYork\nPER\tXi Jinping\nMISC\tChinese\n")
            .expect("lists");
        res.parse_clusters("Paris\t1\t2\t3\nparis\t1\t2\t4\n")
            .expect("clusters");
        res
    }

    #[test]
    fn phrase_hash_matches_the_incremental_one() {
        let infos_hash = ["new", "york"]
            .iter()
            .fold(0x51_7cc1_b727_220a_u64, |h, w| {
                mix(h ^ xxh3_64(w.as_bytes()))
            });
        assert_eq!(phrase_hash(["new", "york"]), infos_hash);
    }

    #[test]
    fn lists_mark_longest_phrases() {
        let res = resources();
        let sentence = [
            "He", "left", "New", "York", "for", "Xi", "Jinping", "'s", "party",
        ];
        let infos: Vec<WordInfo> = sentence.iter().map(|w| WordInfo::new(&res, w)).collect();
        let row: Vec<usize> = (0..sentence.len()).collect();
        let mut marks = Vec::new();
        list_matches(&res, &sentence, &infos, &row, &mut marks);
        let loc = 2;
        let per = 0;
        assert_eq!(marks[2], 1 << (2 * loc));
        assert_eq!(marks[3] & (1 << (2 * loc + 1)), 1 << (2 * loc + 1));
        assert_eq!(marks[5], 1 << (2 * per));
        assert_eq!(marks[6], 1 << (2 * per + 1));
        assert_eq!(marks[0] | marks[1] | marks[4] | marks[7] | marks[8], 0);
    }

    #[test]
    fn clusters_fall_back_to_running_text_forms() {
        let res = resources();
        assert_eq!(res.cluster_of("PARIS", "paris"), [1, 2, 3]);
        assert_eq!(res.cluster_of("paris", "paris"), [1, 2, 4]);
        assert_eq!(res.cluster_of("Lyon", "lyon"), [NO_CLUSTER; 3]);
    }

    #[test]
    fn same_document_same_keys() {
        let res = resources();
        let doc = vec![vec!["Paris", "is", "big"], vec!["PARIS", "WINS"]];
        let mut a = FeatureBuf::default();
        let mut b = FeatureBuf::default();
        extract(&res, &doc, &mut a);
        extract(&res, &doc, &mut b);
        assert_eq!(a.len(), 5);
        assert_eq!(a.keys, b.keys);
        assert_ne!(a.token(0), a.token(3));
    }
}
