//! What the features look words up in: word clusters (from `tidings-lab
//! clusters`) and name lists (people, organisations, places, demonyms, and
//! first words of people's names), as the model file carries them.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64;

use super::{CLUSTER_LEVELS, KeyMap, KeySet, NO_CLUSTER, phrase_hash};
use crate::tagger::TYPES;
use crate::text;

/// Bit of a phrase that is a prefix of a longer listed phrase.
pub(super) const PREFIX_BIT: u8 = 0x80;

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

    pub(super) fn cluster_of(&self, word: &str, lower: &str) -> [u16; CLUSTER_LEVELS] {
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
