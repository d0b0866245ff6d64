//! Evidence from the whole document: headline sentences (mostly upper
//! case), words seen in lower case or capitalised mid-sentence elsewhere,
//! where each capitalised word occurs and its place in runs of capitalised
//! words ("Antony Blinken" makes a later "Blinken" a last name), and
//! name-list matches over each sentence.

use super::resources::{PREFIX_BIT, Resources};
use super::word::{WordInfo, Words};
use super::{BOUNDARY, KeyMap, KeySet, mix};
use crate::tagger::TYPES;

/// Other occurrences of a word whose contexts become features.
pub(super) const OTHER_OCCURRENCES: usize = 4;

/// What the document says about its words.
pub(super) struct Evidence {
    /// Per sentence: a headline (two or more all-caps words, 60% or more).
    pub headline: Vec<bool>,
    /// Words seen in lower case.
    pub seen_lower: KeySet,
    /// Words seen capitalised in the middle of a running-text sentence.
    pub seen_capitalised: KeySet,
    /// Where each capitalised word occurs (sentence, token), at most
    /// [`OTHER_OCCURRENCES`] + 1 places.
    pub occurrences: KeyMap<Vec<(u32, u32)>>,
    /// Place of each word in runs of capitalised words: bit 0 first of a
    /// run, 1 inside, 2 last.
    pub in_runs: KeyMap<u8>,
}

impl Evidence {
    pub(super) fn gather(words: &Words) -> Self {
        let infos = &words.infos;
        let ids = &words.ids;
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
        let mut evidence = Self {
            headline,
            seen_lower,
            seen_capitalised,
            occurrences: KeyMap::default(),
            in_runs: KeyMap::default(),
        };
        evidence.gather_runs(words);
        evidence
    }

    fn gather_runs(&mut self, words: &Words) {
        let infos = &words.infos;
        for (s, row) in words.ids.iter().enumerate() {
            let mut j = 0;
            while j < row.len() {
                if !infos[row[j]].upper_initial {
                    j += 1;
                    continue;
                }
                let start = j;
                while j < row.len() && infos[row[j]].upper_initial {
                    let slots = self.occurrences.entry(infos[row[j]].lower).or_default();
                    if slots.len() <= OTHER_OCCURRENCES {
                        slots.push((s as u32, j as u32));
                    }
                    j += 1;
                }
                if j - start >= 2 && !self.headline[s] {
                    for k in start..j {
                        let place = if k == start {
                            1
                        } else if k + 1 == j {
                            4
                        } else {
                            2
                        };
                        *self.in_runs.entry(infos[row[k]].lower).or_default() |= place;
                    }
                }
            }
        }
    }
}

/// The lowercase hash of token `j` of sentence `s`, or the boundary.
pub(super) fn lower_in(words: &Words, s: usize, j: isize) -> u64 {
    let row = &words.ids[s];
    if j < 0 || j >= row.len() as isize {
        BOUNDARY
    } else {
        words.infos[row[j as usize]].lower
    }
}

/// Marks, for each token of a sentence, the name lists of the longest
/// listed phrases covering it: bit `2t` begins a type-t phrase, bit `2t+1`
/// continues one.
pub(super) fn list_matches<S: AsRef<str>>(
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
