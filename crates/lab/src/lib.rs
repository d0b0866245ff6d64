//! The model factory of tidings, kept out of the services: it reads
//! research corpora (CoNLL-2003, Reuters-21578, BBC News) that never ship,
//! and writes the files the `tidings-nlp` crate compiles in.
//!
//! - [`clusters`]: word clusters by the exchange algorithm over unlabelled news.
//! - [`conll`]: CoNLL-2003 reading and conlleval-style scoring.
//! - [`train`]: the averaged perceptron that learns the tagger's weights.
//! - [`corpus`]: reading Reuters-21578 and BBC News from `../shared/data`.
//! - [`events_eval`]: precision and recall of coded events against a gold file.
//! - [`commands`]: the `tidings-lab` subcommands over those.

pub mod actors_eval;
pub mod clusters;
pub mod commands;
pub mod conll;
pub mod corpus;
pub mod events_eval;
pub mod explain;
pub mod train;
