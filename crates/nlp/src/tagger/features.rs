//! Token features, as 64-bit keys: a template number mixed with the hash of
//! its value. Word-level parts are computed once per distinct word of a
//! document; the rest combines them over a window of two tokens each side.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use xxhash_rust::xxh3::xxh3_64;

use super::TYPES;
use crate::text;

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
fn key(template: u64, value: u64) -> u64 {
    mix(value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

#[inline]
fn pair(a: u64, b: u64) -> u64 {
    mix(a).rotate_left(17) ^ b
}

/// Hash of a phrase: its lowercase tokens in order.
pub fn phrase_hash<'a>(lowers: impl IntoIterator<Item = &'a str>) -> u64 {
    lowers
        .into_iter()
        .fold(0x51_7cc1_b727_220a, |h, w| mix(h ^ xxh3_64(w.as_bytes())))
}

/// Bit of a phrase that is a prefix of a longer listed phrase.
const PREFIX_BIT: u8 = 0x80;

/// Word clusters and name lists the features look words up in.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Resources {
    /// Word (as written) → cluster id at each level.
    pub clusters: HashMap<String, [u16; CLUSTER_LEVELS]>,
    /// Phrase hash → bit per type (PER ORG LOC MISC) of the lists holding
    /// it, plus [`PREFIX_BIT`].
    pub phrases: KeyMap<u8>,
    pub max_phrase_len: usize,
    /// Lowercase hashes of words that start people's names.
    pub first_words: KeySet,
}

/// Errors in the resource files.
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("line {line} of the cluster file: {reason}")]
    Clusters { line: usize, reason: &'static str },
    #[error("line {line} of the name lists: unknown kind {kind:?} (PER ORG LOC MISC FIRST)")]
    Lists { line: usize, kind: String },
}

impl Resources {
    /// Reads `word<TAB>id<TAB>id<TAB>id` lines.
    pub fn parse_clusters(&mut self, text: &str) -> Result<(), ResourceError> {
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut parts = line.split('\t');
            let word = parts.next().unwrap_or_default();
            let mut ids = [NO_CLUSTER; CLUSTER_LEVELS];
            for id in &mut ids {
                *id = parts
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or(ResourceError::Clusters {
                        line: n + 1,
                        reason: "expected a word and three cluster ids",
                    })?;
            }
            self.clusters.insert(word.to_owned(), ids);
        }
        Ok(())
    }

    /// Reads `KIND<TAB>phrase` lines (KIND one of PER ORG LOC MISC, or
    /// FIRST for a word that starts people's names).
    pub fn parse_lists(&mut self, text: &str) -> Result<(), ResourceError> {
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (kind, phrase) = line.split_once('\t').unwrap_or((line, ""));
            if kind == "FIRST" {
                self.first_words
                    .insert(xxh3_64(phrase.to_lowercase().as_bytes()));
                continue;
            }
            let bit =
                TYPES
                    .iter()
                    .position(|t| *t == kind)
                    .ok_or_else(|| ResourceError::Lists {
                        line: n + 1,
                        kind: kind.to_owned(),
                    })?;
            self.add_phrase(phrase, 1 << bit);
        }
        Ok(())
    }

    fn add_phrase(&mut self, phrase: &str, bits: u8) {
        let tokens = text::tokenize(phrase);
        if tokens.is_empty() {
            return;
        }
        let lowers: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
        for len in 1..lowers.len() {
            *self
                .phrases
                .entry(phrase_hash(lowers[..len].iter().copied()))
                .or_default() |= PREFIX_BIT;
        }
        *self
            .phrases
            .entry(phrase_hash(lowers.iter().copied()))
            .or_default() |= bits;
        self.max_phrase_len = self.max_phrase_len.max(lowers.len());
    }

    fn cluster_of(&self, word: &str, lower: &str) -> [u16; CLUSTER_LEVELS] {
        if let Some(ids) = self.clusters.get(word) {
            return *ids;
        }
        // Headlines are upper case; try the word as it reads in running text.
        let mut title = String::with_capacity(lower.len());
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            title.extend(first.to_uppercase());
            title.push_str(chars.as_str());
        }
        self.clusters
            .get(&title)
            .or_else(|| self.clusters.get(lower))
            .copied()
            .unwrap_or([NO_CLUSTER; CLUSTER_LEVELS])
    }
}

/// What is known of one distinct word.
struct WordInfo {
    lower: u64,
    org_suffix: bool,
    shape: u64,
    short_shape: u64,
    clusters: [u16; CLUSTER_LEVELS],
    upper_initial: bool,
    all_caps: bool,
    lowercase_word: bool,
    /// Keys of the features of the word alone.
    own: Vec<u64>,
}

fn shapes(word: &str) -> (String, String) {
    let mut long = String::new();
    let mut short = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if long.len() < 16 {
            long.push(class);
        }
        if !short.ends_with(class) {
            short.push(class);
        }
    }
    (long, short)
}

// Feature templates.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_PREFIX: u64 = 6; // 6..=9
const T_SUFFIX: u64 = 10; // 10..=13
const T_CLUSTER: u64 = 14; // 14..=16
const T_LOWER_AT: u64 = 20; // 20..=23: offsets -2, -1, +1, +2
const T_BIGRAM_LEFT: u64 = 24;
const T_BIGRAM_RIGHT: u64 = 25;
const T_SHAPE_WINDOW: u64 = 26;
const T_SHAPE_LEFT: u64 = 27;
const T_SHAPE_RIGHT: u64 = 28;
const T_CLUSTER_LEFT: u64 = 29; // 29..=31
const T_CLUSTER_RIGHT: u64 = 32; // 32..=34
const T_FIRST: u64 = 35;
const T_LIST: u64 = 36;
const T_LIST_LEFT: u64 = 37;
const T_LIST_RIGHT: u64 = 38;
const T_DOC: u64 = 39;
const T_HEADLINE: u64 = 40;
const T_LOWER_LEFT_SHAPE: u64 = 41;
const T_CLUSTER_PAIR: u64 = 42;
const T_LOWER_LEFT2_SHAPE: u64 = 43;

const T_OTHER_LEFT: u64 = 44;
const T_OTHER_RIGHT: u64 = 45;
const T_IN_RUN: u64 = 46;
const T_FIRST_WORD: u64 = 47;
const T_ORG_SUFFIX: u64 = 48; // 48..=50: this word, the next, the one after

/// Last words of organisation names.
const ORG_SUFFIXES: &[&str] = &[
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "co",
    "co.",
    "plc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "group",
    "holdings",
    "bank",
    "party",
    "ministry",
    "department",
    "association",
    "union",
    "council",
    "committee",
    "commission",
    "university",
    "institute",
    "club",
    "fc",
    "airlines",
    "airways",
    "agency",
    "federation",
    "fund",
    "organisation",
    "organization",
    "foundation",
    "league",
    "army",
    "police",
    "congress",
    "parliament",
    "court",
    "board",
    "exchange",
    "motors",
    "industries",
    "international",
    "press",
    "times",
    "news",
];

/// Other occurrences of a word whose contexts become features.
const OTHER_OCCURRENCES: usize = 4;

const BOUNDARY: u64 = 0x0b0f_5eed;

impl WordInfo {
    fn new(res: &Resources, word: &str) -> Self {
        let lower_text = word.to_lowercase();
        let (long, short) = shapes(word);
        let lower = xxh3_64(lower_text.as_bytes());
        let shape = xxh3_64(long.as_bytes());
        let short_shape = xxh3_64(short.as_bytes());
        let clusters = res.cluster_of(word, &lower_text);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let upper_initial = word.chars().next().is_some_and(char::is_uppercase);
        let all_caps = letters >= 1 && !word.chars().any(char::is_lowercase);
        let lowercase_word = letters >= 1 && !word.chars().any(char::is_uppercase);
        let mut own = vec![
            key(T_BIAS, 0),
            key(T_WORD, xxh3_64(word.as_bytes())),
            key(T_LOWER, lower),
            key(T_SHAPE, shape),
            key(T_SHORT, short_shape),
        ];
        let chars: Vec<char> = lower_text.chars().collect();
        for n in 1..=4usize {
            if chars.len() > n {
                let prefix: String = chars[..n].iter().collect();
                let suffix: String = chars[chars.len() - n..].iter().collect();
                own.push(key(T_PREFIX + n as u64 - 1, xxh3_64(prefix.as_bytes())));
                own.push(key(T_SUFFIX + n as u64 - 1, xxh3_64(suffix.as_bytes())));
            }
        }
        for (level, id) in clusters.iter().enumerate() {
            own.push(key(T_CLUSTER + level as u64, u64::from(*id)));
        }
        if res.first_words.contains(&lower) && upper_initial {
            own.push(key(T_FIRST_WORD, 1));
        }
        let org_suffix = ORG_SUFFIXES.contains(&lower_text.as_str());
        Self {
            lower,
            org_suffix,
            shape,
            short_shape,
            clusters,
            upper_initial,
            all_caps,
            lowercase_word,
            own,
        }
    }
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

/// Computes the features of a document given as sentences of tokens; the
/// features of token j of sentence s land at position (Σ earlier lengths) + j.
pub fn extract<S: AsRef<str>>(res: &Resources, sentences: &[Vec<S>], out: &mut FeatureBuf) {
    out.keys.clear();
    out.offsets.clear();
    out.offsets.push(0);

    // Distinct words and their information.
    let mut index: KeyMap<usize> = KeyMap::default();
    let mut infos: Vec<WordInfo> = Vec::new();
    let mut ids: Vec<Vec<usize>> = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let mut row = Vec::with_capacity(sentence.len());
        for word in sentence {
            let word = word.as_ref();
            let h = xxh3_64(word.as_bytes());
            let id = *index.entry(h).or_insert_with(|| {
                infos.push(WordInfo::new(res, word));
                infos.len() - 1
            });
            row.push(id);
        }
        ids.push(row);
    }

    // Document evidence: words seen in lower case, and capitalised in the
    // middle of a running-text sentence.
    let headline: Vec<bool> = ids
        .iter()
        .map(|row| {
            let caps = row
                .iter()
                .filter(|&&id| infos[id].all_caps && infos[id].upper_initial)
                .count();
            let words = row
                .iter()
                .filter(|&&id| infos[id].upper_initial || infos[id].lowercase_word)
                .count();
            caps >= 2 && caps * 10 >= words * 6
        })
        .collect();
    let mut seen_lower = KeySet::default();
    let mut seen_capitalised = KeySet::default();
    for (row, &is_headline) in ids.iter().zip(&headline) {
        for (j, &id) in row.iter().enumerate() {
            let info = &infos[id];
            if info.lowercase_word {
                seen_lower.insert(info.lower);
            } else if j > 0 && !is_headline && info.upper_initial && !info.all_caps {
                seen_capitalised.insert(info.lower);
            }
        }
    }

    // Where each capitalised word occurs, and its place in runs of several
    // capitalised words ("Antony Blinken" makes a later "Blinken" a last
    // name): bit 0 first of a run, 1 inside, 2 last.
    let mut occurrences: KeyMap<Vec<(u32, u32)>> = KeyMap::default();
    let mut in_runs: KeyMap<u8> = KeyMap::default();
    for (s, row) in ids.iter().enumerate() {
        let mut j = 0;
        while j < row.len() {
            if !infos[row[j]].upper_initial {
                j += 1;
                continue;
            }
            let start = j;
            while j < row.len() && infos[row[j]].upper_initial {
                let slots = occurrences.entry(infos[row[j]].lower).or_default();
                if slots.len() <= OTHER_OCCURRENCES {
                    slots.push((s as u32, j as u32));
                }
                j += 1;
            }
            if j - start >= 2 && !headline[s] {
                for k in start..j {
                    let place = if k == start {
                        1
                    } else if k + 1 == j {
                        4
                    } else {
                        2
                    };
                    *in_runs.entry(infos[row[k]].lower).or_default() |= place;
                }
            }
        }
    }
    let lower_in = |s: usize, j: isize| -> u64 {
        let row = &ids[s];
        if j < 0 || j >= row.len() as isize {
            BOUNDARY
        } else {
            infos[row[j as usize]].lower
        }
    };

    let mut lists: Vec<u8> = Vec::new();
    for (s, ((sentence, row), &is_headline)) in
        sentences.iter().zip(&ids).zip(&headline).enumerate()
    {
        list_matches(res, sentence, &infos, row, &mut lists);
        let n = row.len();
        let lower_at = |j: isize| -> u64 {
            if j < 0 || j >= n as isize {
                BOUNDARY
            } else {
                infos[row[j as usize]].lower
            }
        };
        for j in 0..n {
            let info = &infos[row[j]];
            out.keys.extend_from_slice(&info.own);
            let ji = j as isize;
            for (t, offset) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                out.keys
                    .push(key(T_LOWER_AT + t as u64, lower_at(ji + offset)));
            }
            let left = (j > 0).then(|| &infos[row[j - 1]]);
            let right = (j + 1 < n).then(|| &infos[row[j + 1]]);
            out.keys
                .push(key(T_BIGRAM_LEFT, pair(lower_at(ji - 1), info.lower)));
            out.keys
                .push(key(T_BIGRAM_RIGHT, pair(info.lower, lower_at(ji + 1))));
            let short_left = left.map_or(BOUNDARY, |w| w.short_shape);
            let short_right = right.map_or(BOUNDARY, |w| w.short_shape);
            out.keys.push(key(
                T_SHAPE_WINDOW,
                pair(pair(short_left, info.short_shape), short_right),
            ));
            out.keys
                .push(key(T_SHAPE_LEFT, left.map_or(BOUNDARY, |w| w.shape)));
            out.keys
                .push(key(T_SHAPE_RIGHT, right.map_or(BOUNDARY, |w| w.shape)));
            for level in 0..CLUSTER_LEVELS {
                let l = left.map_or(BOUNDARY, |w| u64::from(w.clusters[level]));
                let r = right.map_or(BOUNDARY, |w| u64::from(w.clusters[level]));
                out.keys.push(key(T_CLUSTER_LEFT + level as u64, l));
                out.keys.push(key(T_CLUSTER_RIGHT + level as u64, r));
            }
            out.keys.push(key(
                T_CLUSTER_PAIR,
                pair(
                    left.map_or(BOUNDARY, |w| u64::from(w.clusters[1])),
                    u64::from(info.clusters[1]),
                ),
            ));
            out.keys.push(key(
                T_FIRST,
                u64::from(j == 0) | u64::from(info.upper_initial) << 1,
            ));
            out.keys.push(key(
                T_LOWER_LEFT_SHAPE,
                pair(lower_at(ji - 1), info.short_shape),
            ));
            out.keys.push(key(
                T_LOWER_LEFT2_SHAPE,
                pair(lower_at(ji - 2), info.short_shape),
            ));
            for (template, at) in [(T_LIST, ji), (T_LIST_LEFT, ji - 1), (T_LIST_RIGHT, ji + 1)] {
                if at >= 0 && (at as usize) < n {
                    let bits = lists[at as usize];
                    for bit in 0..8u64 {
                        if bits & (1 << bit) != 0 {
                            out.keys.push(key(template, bit));
                        }
                    }
                }
            }
            if info.upper_initial {
                let evidence = u64::from(j == 0)
                    | u64::from(info.all_caps) << 1
                    | u64::from(seen_lower.contains(&info.lower)) << 2
                    | u64::from(seen_capitalised.contains(&info.lower)) << 3
                    | u64::from(is_headline) << 4;
                out.keys.push(key(T_DOC, evidence));
            }
            if is_headline {
                out.keys.push(key(T_HEADLINE, info.short_shape));
            }
            for ahead in 0..3 {
                if row
                    .get(j + ahead)
                    .is_some_and(|&id| infos[id].org_suffix && infos[id].upper_initial)
                {
                    out.keys.push(key(T_ORG_SUFFIX + ahead as u64, 1));
                }
            }
            if info.upper_initial {
                if let Some(others) = occurrences.get(&info.lower) {
                    for &(os, oj) in others
                        .iter()
                        .filter(|&&(os, oj)| (os as usize, oj as usize) != (s, j))
                        .take(OTHER_OCCURRENCES)
                    {
                        let (os, oj) = (os as usize, oj as isize);
                        out.keys.push(key(T_OTHER_LEFT, lower_in(os, oj - 1)));
                        out.keys.push(key(T_OTHER_RIGHT, lower_in(os, oj + 1)));
                    }
                }
                let runs = in_runs.get(&info.lower).copied().unwrap_or(0);
                let alone = !left.is_some_and(|w| w.upper_initial)
                    && !right.is_some_and(|w| w.upper_initial);
                out.keys
                    .push(key(T_IN_RUN, u64::from(runs) | u64::from(alone) << 3));
            }
            out.offsets.push(out.keys.len());
        }
    }
}

/// Marks, for each token of a sentence, the name lists of the longest
/// listed phrases covering it: bit `2t` begins a type-t phrase, bit `2t+1`
/// continues one.
fn list_matches<S: AsRef<str>>(
    res: &Resources,
    sentence: &[S],
    infos: &[WordInfo],
    row: &[usize],
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(sentence.len(), 0);
    let n = row.len();
    for start in 0..n {
        // Only capitalised or numeric-led phrases count as names.
        if !infos[row[start]].upper_initial {
            continue;
        }
        let mut h = 0x51_7cc1_b727_220a_u64;
        let mut best: Option<(usize, u8)> = None;
        for end in start..n.min(start + res.max_phrase_len) {
            h = mix(h ^ infos[row[end]].lower);
            let Some(&bits) = res.phrases.get(&h) else {
                break;
            };
            if bits & !PREFIX_BIT != 0 {
                best = Some((end + 1, bits & !PREFIX_BIT));
            }
            if bits & PREFIX_BIT == 0 {
                break;
            }
        }
        if let Some((end, bits)) = best {
            for t in 0..TYPES.len() {
                if bits & (1 << t) != 0 {
                    out[start] |= 1 << (2 * t);
                    for slot in &mut out[start + 1..end] {
                        *slot |= 1 << (2 * t + 1);
                    }
                }
            }
        }
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
