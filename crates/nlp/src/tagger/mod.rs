//! The runtime of the named-entity tagger: an averaged perceptron over rich
//! token features with first-order Viterbi decoding, trained on CoNLL-2003
//! by `tidings-lab train`.
//!
//! - [`features`] turns a document (sentences of tokens) into hashed feature
//!   keys: word forms, shapes, affixes, neighbours, word clusters learned
//!   from unlabelled news (`tidings-lab clusters`), name-list matches and
//!   document-level capitalisation evidence.
//! - [`model`] holds the weights, decodes, and reads and writes the model
//!   file (one self-contained binary: weights, clusters and name lists).

pub mod features;
pub mod model;

pub use model::Model;

/// Entity types of CoNLL-2003.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Number of tags: O, then B- and I- of each type (IOB2).
pub const NUM_TAGS: usize = 1 + 2 * TYPES.len();

/// A tag in IOB2: 0 is O, `1 + 2t` is B-type t, `2 + 2t` is I-type t.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub u8);

impl Tag {
    pub const O: Tag = Tag(0);

    pub fn begin(kind: usize) -> Tag {
        Tag(1 + 2 * kind as u8)
    }

    pub fn inside(kind: usize) -> Tag {
        Tag(2 + 2 * kind as u8)
    }

    /// The entity type index, unless O.
    pub fn kind(self) -> Option<usize> {
        (self.0 > 0).then(|| (self.0 as usize - 1) / 2)
    }

    pub fn is_begin(self) -> bool {
        self.0 > 0 && self.0 % 2 == 1
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// Parses "O", "B-PER", "I-LOC" ...
    pub fn parse(text: &str) -> Option<Tag> {
        if text == "O" {
            return Some(Tag::O);
        }
        let (prefix, kind) = text.split_once('-')?;
        let kind = TYPES.iter().position(|t| *t == kind)?;
        match prefix {
            "B" => Some(Tag::begin(kind)),
            "I" => Some(Tag::inside(kind)),
            _ => None,
        }
    }

    /// Whether this tag may follow `prev` in IOB2 (`None`: sentence start).
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        if self.0 == 0 || self.is_begin() {
            return true;
        }
        prev.is_some_and(|p| p.kind() == self.kind())
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind() {
            None => f.write_str("O"),
            Some(kind) => {
                let prefix = if self.is_begin() { "B" } else { "I" };
                write!(f, "{prefix}-{}", TYPES[kind])
            }
        }
    }
}

/// Entity spans `(start, end, type)` of an IOB2 (or IOB1) tag sequence, by
/// the conlleval rules: a chunk starts at B-, or at I- after O or after a
/// tag of another type.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let continues = !tag.is_begin()
            && tag.kind().is_some()
            && open.is_some_and(|(_, kind)| Some(kind) == tag.kind());
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            out.push((start, i, kind));
        }
        if let Some(kind) = tag.kind() {
            open = Some((i, kind));
        }
    }
    if let Some((start, kind)) = open {
        out.push((start, tags.len(), kind));
    }
    out
}

/// The bundled model (trained by `make train`), parsed.
pub fn bundled() -> Result<Model, model::ModelError> {
    Model::from_bytes(BUNDLED)
}

/// The bytes of the bundled model file.
pub static BUNDLED: &[u8] = include_bytes!("../../data/ner.model");

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<Tag> {
        text.split(' ')
            .map(|t| Tag::parse(t).expect("tag"))
            .collect()
    }

    #[test]
    fn tags_round_trip() {
        for i in 0..NUM_TAGS as u8 {
            assert_eq!(Tag::parse(&Tag(i).to_string()), Some(Tag(i)));
        }
        assert_eq!(Tag::parse("X-PER"), None);
        assert_eq!(Tag::parse("B-FOO"), None);
    }

    #[test]
    fn spans_follow_conlleval() {
        // IOB1: a chunk starts with I-, B- only splits touching chunks.
        assert_eq!(
            spans(&tags("I-PER I-PER O I-LOC B-LOC I-ORG")),
            [(0, 2, 0), (3, 4, 2), (4, 5, 2), (5, 6, 1)]
        );
        assert_eq!(spans(&tags("B-MISC I-MISC I-PER")), [(0, 2, 3), (2, 3, 0)]);
        assert!(spans(&tags("O O")).is_empty());
    }

    #[test]
    fn iob2_constraint() {
        assert!(Tag::inside(0).may_follow(Some(Tag::begin(0))));
        assert!(!Tag::inside(0).may_follow(Some(Tag::O)));
        assert!(!Tag::inside(0).may_follow(None));
        assert!(Tag::begin(1).may_follow(None));
    }
}
