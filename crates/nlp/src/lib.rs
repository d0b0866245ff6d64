//! The language side of tidings, as layers that only import downwards:
//!
//! ```text
//! analysis   recognise → resolve entities → events (dates) → tone, quotes; the wire message
//!    │
//! tagger     the NER model's runtime: features, weights, Viterbi, the model file
//!    │
//! gazetteer, actors, lexicon   countries, places; known people (dated roles)
//!                     and international organisations; every closed word list
//!    │
//! text       tokens with char offsets, sentences
//! ```
//!
//! Everything here is synchronous and allocation-bounded by the input: the
//! extractor service calls [`analysis::Analyzer`] on blocking threads, and
//! the `tidings-lab` tool trains and scores the tagger over the same code.

pub mod actors;
pub mod analysis;
pub mod gazetteer;
pub mod lexicon;
pub mod tagger;
pub mod text;
