//! Turning one article into entities, events, tone and quotations: a
//! pipeline of stages, each a module that takes the document and what the
//! stages before it produced, and returns its own output. No stage reaches
//! back to a later one.
//!
//! ```text
//! text::analyze ─► recognize ─► resolve ─► events (dates) ─► tone, quotes ─► wire
//!  tokens,          typed        one key per   CAMEO events      article tone,
//!  sentences        spans        real entity   with actors,      quotations
//!                                              date and place
//! ```
//!
//! [`Analyzer`] runs them and builds the `ArticleAnalyzed` message.

pub mod dates;
pub mod events;
pub mod quotes;
pub mod recognize;
pub mod resolve;
pub mod tone;
mod wire;

use std::sync::{Arc, LazyLock};

use chrono::{DateTime, NaiveDate};
use tidings_proto::v1::{self, Quotation};
use tidings_proto::{ArticleAnalyzed, RawArticle};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use crate::gazetteer::{Gazetteer, GazetteerError};
use crate::text;
use events::{ArticleContext, CameoTable, EventCoder, RuleCoder, Triggers};
use recognize::{Recognizer, TaggerRecognizer};
use resolve::EntityResolver;
use tone::ToneLexicon;

/// Revision of the analysis (the rules around the model and the model
/// itself); bump it whenever they change what an article yields. Carried
/// in every analysis, it decides which of two analyses of an article is
/// the newest.
pub const RULES_REVISION: u32 = 23;

/// Version stamped on every analysis: the crate version, the rules and the
/// NER model's hash. It is part of the analysis event id, so a new model
/// or new rules re-analyse an article instead of being taken for a
/// redelivery.
pub static EXTRACTOR_VERSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{}+rules.{RULES_REVISION}+ner.{:08x}",
        env!("CARGO_PKG_VERSION"),
        xxh3_64(crate::tagger::BUNDLED) >> 32
    )
});

/// Why an article cannot be analysed. None of these gets better on retry.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AnalysisError {
    #[error("article {0} has an empty body")]
    Empty(String),
    #[error("article body is {size} bytes, more than the {max} accepted")]
    Oversized { size: usize, max: usize },
    #[error("the analysis ran past its budget of {0:?}")]
    TooSlow(std::time::Duration),
}

/// Bundled data that does not load (a broken build).
#[derive(Debug, thiserror::Error)]
pub enum AnalyzerError {
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    #[error("the NER model: {0}")]
    Model(#[from] crate::tagger::model::ModelError),
}

/// An article through the stages before events: its tokens and sentences,
/// its resolved entities, and its date.
pub struct Prepared {
    pub doc: text::Doc,
    pub resolution: resolve::Resolution,
    /// Its quotations, which the event coder weighs and the analysis
    /// reports.
    pub quotes: Vec<quotes::QuoteSpan>,
    pub context: ArticleContext,
}

impl Prepared {
    pub fn sentences(&self) -> usize {
        self.doc.sentences.len()
    }
}

/// Runs the whole extraction for one article.
pub struct Analyzer {
    recognizer: Box<dyn Recognizer>,
    resolver: EntityResolver,
    coder: Box<dyn EventCoder>,
    tone: Arc<ToneLexicon>,
    gazetteer: Arc<Gazetteer>,
    max_body_bytes: usize,
    /// The version and revision stamped on each analysis.
    version: String,
    revision: u32,
}

fn hex_id(parts: &[&str]) -> String {
    format!("{:032x}", xxh3_128(parts.join("\u{1f}").as_bytes()))
}

impl Analyzer {
    /// The analyzer with the bundled data.
    pub fn bundled(max_body_bytes: usize) -> Result<Self, AnalyzerError> {
        let gazetteer = Arc::new(Gazetteer::bundled()?);
        let model = Arc::new(crate::tagger::bundled()?);
        let tone = Arc::new(ToneLexicon::bundled());
        Ok(Self {
            recognizer: Box::new(TaggerRecognizer::new(model, gazetteer.clone())),
            resolver: EntityResolver::new(gazetteer.clone()),
            coder: Box::new(RuleCoder::new(
                Triggers::bundled(),
                CameoTable::bundled(),
                gazetteer.clone(),
                tone.clone(),
            )),
            tone,
            gazetteer,
            max_body_bytes,
            version: EXTRACTOR_VERSION.clone(),
            revision: RULES_REVISION,
        })
    }

    /// Stamps analyses with `revision` instead of [`RULES_REVISION`] (and a
    /// version that says so): to run two builds' analyses side by side, or
    /// to test re-analysis, without changing the rules.
    pub fn with_revision(mut self, revision: u32) -> Self {
        self.version = format!("{}+rev.{revision}", *EXTRACTOR_VERSION);
        self.revision = revision;
        self
    }

    /// The version stamped on this analyzer's analyses.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The gazetteer the stages read (places, countries, known actors).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The stages up to entity resolution: what the event coder reads.
    pub fn prepare(&self, article: &RawArticle) -> Result<Prepared, AnalysisError> {
        if article.body.trim().is_empty() {
            return Err(AnalysisError::Empty(article.article_id.clone()));
        }
        if article.body.len() > self.max_body_bytes {
            return Err(AnalysisError::Oversized {
                size: article.body.len(),
                max: self.max_body_bytes,
            });
        }
        let doc = text::analyze(&article.body);
        let spans = self.recognizer.recognize(&doc);
        let reference_ms = article.published_at_ms.unwrap_or(article.fetched_at_ms);
        let reference_date = DateTime::from_timestamp_millis(reference_ms)
            .map(|d| d.date_naive())
            .unwrap_or(NaiveDate::MIN);
        let known_date = (reference_ms > 0).then_some(reference_date);
        let resolution = self.resolver.resolve(&doc, &spans, known_date);
        let quotes = quotes::spans(&doc, &resolution);
        Ok(Prepared {
            doc,
            resolution,
            quotes,
            context: ArticleContext { reference_date },
        })
    }

    /// The event stage alone, over a prepared article.
    pub fn code_events(&self, prepared: &Prepared) -> Vec<events::CodedEvent> {
        self.coder.code(
            &prepared.doc,
            &prepared.resolution,
            &prepared.quotes,
            &prepared.context,
        )
    }

    /// Analyses `article`; `analyzed_at_ms` stamps the result.
    pub fn analyze(
        &self,
        article: &RawArticle,
        analyzed_at_ms: i64,
    ) -> Result<ArticleAnalyzed, AnalysisError> {
        self.analyze_within(article, analyzed_at_ms, None)
    }

    /// [`Analyzer::analyze`] within a time budget: the stages check it as
    /// they go, and the analysis stops with [`AnalysisError::TooSlow`] once
    /// it is spent, so a pathological article does not hold a worker.
    pub fn analyze_within(
        &self,
        article: &RawArticle,
        analyzed_at_ms: i64,
        budget: Option<std::time::Duration>,
    ) -> Result<ArticleAnalyzed, AnalysisError> {
        let started = std::time::Instant::now();
        let check = || match budget {
            Some(budget) if started.elapsed() > budget => Err(AnalysisError::TooSlow(budget)),
            _ => Ok(()),
        };
        let prepared = self.prepare(article)?;
        check()?;
        let coded = self.code_events(&prepared);
        check()?;
        let Prepared {
            doc,
            resolution,
            quotes,
            ..
        } = prepared;
        let tone = self.tone.score(&doc.tokens);
        let quotes = quotes::find(&article.body, &doc, &resolution, &quotes);
        check()?;

        let event_id = hex_id(&[
            "ArticleAnalyzed",
            &article.article_id,
            &article.content_hash,
            &self.version,
        ]);
        Ok(ArticleAnalyzed {
            event_id,
            article_id: article.article_id.clone(),
            extractor_version: self.version.clone(),
            content_hash: article.content_hash.clone(),
            analyzed_at_ms,
            published_at_ms: article.published_at_ms,
            fetched_at_ms: article.fetched_at_ms,
            analysis_revision: self.revision,
            entities: wire::entities(&resolution),
            events: coded
                .iter()
                .map(|event| wire::event(&article.article_id, &doc, &resolution, event))
                .collect(),
            tone: Some(v1::Tone {
                tone: tone.tone,
                positive: tone.positive,
                negative: tone.negative,
                word_count: tone.word_count,
                polarity: tone.polarity,
            }),
            quotations: quotes
                .into_iter()
                .map(|q| Quotation {
                    start: q.start,
                    end: q.end,
                    text: q.text,
                    speaker_key: q
                        .speaker
                        .map(|e| resolution.entities[e].key.clone())
                        .unwrap_or_default(),
                })
                .collect(),
        })
    }
}

#[cfg(test)]
mod revision_tests {
    use super::*;

    /// The model and rules of revision [`RULES_REVISION`]. A retrained model
    /// changes what articles yield: bump [`RULES_REVISION`] (so the new
    /// analyses replace the old ones whatever order they arrive in) and put
    /// the new model's hash here.
    const MODEL_OF_THIS_REVISION: (u32, &str) = (23, "61a0abbe");

    #[test]
    fn a_new_model_comes_with_a_new_revision() {
        let hash = format!("{:08x}", xxh3_64(crate::tagger::BUNDLED) >> 32);
        assert_eq!(
            (RULES_REVISION, hash.as_str()),
            MODEL_OF_THIS_REVISION,
            "the NER model changed: bump RULES_REVISION and record the model's hash"
        );
        assert!(EXTRACTOR_VERSION.contains(&format!("rules.{RULES_REVISION}+ner.{hash}")));
    }
}
