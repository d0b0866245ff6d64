//! What is known of one distinct word of a document (computed once per
//! word, whatever its number of occurrences), and the document's words as
//! rows of ids.

use xxhash_rust::xxh3::xxh3_64;

use super::resources::Resources;
use super::templates::*;
use super::{CLUSTER_LEVELS, KeyMap, key};

/// What is known of one distinct word.
pub(super) struct WordInfo {
    pub lower: u64,
    pub org_suffix: bool,
    pub shape: u64,
    pub short_shape: u64,
    pub clusters: [u16; CLUSTER_LEVELS],
    pub upper_initial: bool,
    pub all_caps: bool,
    pub lowercase_word: bool,
    /// Keys of the features of the word alone.
    pub own: Vec<u64>,
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

impl WordInfo {
    pub(super) fn new(res: &Resources, word: &str) -> Self {
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

/// The distinct words of a document and, per sentence, the id of each
/// token's word.
pub(super) struct Words {
    pub infos: Vec<WordInfo>,
    pub ids: Vec<Vec<usize>>,
}

impl Words {
    pub(super) fn index<S: AsRef<str>>(res: &Resources, sentences: &[Vec<S>]) -> Self {
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
        Self { infos, ids }
    }

    /// The word of token `j` of sentence `s`.
    pub(super) fn at(&self, s: usize, j: usize) -> &WordInfo {
        &self.infos[self.ids[s][j]]
    }
}
