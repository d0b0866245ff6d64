//! Turning one article into entities, events, tone and quotations.
//!
//! The stages, each behind its own module:
//! [`text`] (tokens, sentences) → [`ner`] (typed spans, behind the
//! [`ner::Recognizer`] trait) → [`entities`] (one key per real entity,
//! country, sector, coordinates) → [`events`] (CAMEO events, behind the
//! [`events::EventCoder`] trait, dated by [`dates`]) plus [`tone`] and
//! [`quotes`]. [`Analyzer`] runs them and builds the wire message.

pub mod dates;
pub mod entities;
pub mod events;
pub mod ner;
pub mod quotes;
pub mod tone;

use std::sync::{Arc, LazyLock};

use chrono::{DateTime, NaiveDate};
use tidings_proto::v1::{
    self, Actor, DatePrecision, Entity, EntityKind, Event, GeoPoint, Location, Mention, Quotation,
};
use tidings_proto::{ArticleAnalyzed, RawArticle};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use crate::gazetteer::{Gazetteer, GazetteerError};
use entities::{EntityResolver, Resolution};
use events::{ArticleContext, CameoTable, EventCoder, VerbCoder};
use ner::{NerKind, Recognizer, TaggerRecognizer};
use tone::ToneLexicon;

use crate::text;

/// Revision of the rules around the model (entity resolution, repairs,
/// event coding); bump it when they change what an article yields.
const RULES_REVISION: u32 = 5;

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
}

/// Bundled data that does not load (a broken build).
#[derive(Debug, thiserror::Error)]
pub enum AnalyzerError {
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    #[error("the NER model: {0}")]
    Model(#[from] crate::tagger::model::ModelError),
}

/// Runs the whole extraction for one article.
pub struct Analyzer {
    recognizer: Box<dyn Recognizer>,
    resolver: EntityResolver,
    coder: Box<dyn EventCoder>,
    tone: ToneLexicon,
    max_body_bytes: usize,
}

fn hex_id(parts: &[&str]) -> String {
    format!("{:032x}", xxh3_128(parts.join("\u{1f}").as_bytes()))
}

impl Analyzer {
    /// The analyzer with the bundled data and the baseline stages.
    pub fn bundled(max_body_bytes: usize) -> Result<Self, AnalyzerError> {
        let gazetteer = Arc::new(Gazetteer::bundled()?);
        let model = Arc::new(crate::tagger::bundled()?);
        Ok(Self {
            recognizer: Box::new(TaggerRecognizer::new(model, gazetteer.clone())),
            resolver: EntityResolver::new(gazetteer),
            coder: Box::new(VerbCoder::new(CameoTable::bundled())),
            tone: ToneLexicon::bundled(),
            max_body_bytes,
        })
    }

    /// Analyses `article`; `analyzed_at_ms` stamps the result.
    pub fn analyze(
        &self,
        article: &RawArticle,
        analyzed_at_ms: i64,
    ) -> Result<ArticleAnalyzed, AnalysisError> {
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
        let resolution = self.resolver.resolve(&doc, &spans);
        let reference_ms = article.published_at_ms.unwrap_or(article.fetched_at_ms);
        let reference_date = DateTime::from_timestamp_millis(reference_ms)
            .map(|d| d.date_naive())
            .unwrap_or(NaiveDate::MIN);
        let context = ArticleContext { reference_date };
        let coded = self.coder.code(&doc, &resolution, &context);
        let tone = self.tone.score(&doc.tokens);
        let quotes = quotes::find(&article.body, &doc, &resolution);

        let event_id = hex_id(&[
            "ArticleAnalyzed",
            &article.article_id,
            &article.content_hash,
            &EXTRACTOR_VERSION,
        ]);
        Ok(ArticleAnalyzed {
            event_id,
            article_id: article.article_id.clone(),
            extractor_version: EXTRACTOR_VERSION.clone(),
            content_hash: article.content_hash.clone(),
            analyzed_at_ms,
            published_at_ms: article.published_at_ms,
            entities: wire_entities(&resolution),
            events: coded
                .iter()
                .map(|event| wire_event(&article.article_id, &doc, &resolution, event))
                .collect(),
            tone: Some(v1::Tone {
                tone: tone.tone,
                positive: tone.positive,
                negative: tone.negative,
                word_count: tone.word_count,
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

fn wire_kind(kind: NerKind) -> EntityKind {
    match kind {
        NerKind::Person => EntityKind::Person,
        NerKind::Org => EntityKind::Org,
        NerKind::Loc => EntityKind::Loc,
        NerKind::Misc => EntityKind::Misc,
    }
}

fn wire_entities(resolution: &Resolution) -> Vec<Entity> {
    resolution
        .entities
        .iter()
        .map(|entity| Entity {
            key: entity.key.clone(),
            name: entity.name.clone(),
            kind: wire_kind(entity.kind) as i32,
            country: entity.country.clone().unwrap_or_default(),
            sector: entity.sector.clone().unwrap_or_default(),
            geo: entity.geo.map(|(latitude, longitude)| GeoPoint {
                latitude,
                longitude,
            }),
            mentions: entity
                .mentions
                .iter()
                .map(|m| {
                    let mention = &resolution.mentions[*m];
                    Mention {
                        start: mention.start,
                        end: mention.end,
                        text: mention.text.clone(),
                    }
                })
                .collect(),
            geonames_id: entity.geonames_id,
        })
        .collect()
}

fn wire_actor(resolution: &Resolution, actor: &events::EventActor) -> Actor {
    let entity = &resolution.entities[actor.entity];
    Actor {
        key: entity.key.clone(),
        name: entity.name.clone(),
        country: entity.country.clone().unwrap_or_default(),
        sector: actor.sector.clone().unwrap_or_default(),
    }
}

fn wire_event(
    article_id: &str,
    doc: &text::Doc,
    resolution: &Resolution,
    event: &events::CodedEvent,
) -> Event {
    let sentence = &doc.sentences[event.sentence];
    let source = wire_actor(resolution, &event.source);
    let target = event.target.as_ref().map(|t| wire_actor(resolution, t));
    let id = hex_id(&[
        article_id,
        &event.trigger_start.to_string(),
        &event.code.code,
        &source.key,
        target.as_ref().map(|t| t.key.as_str()).unwrap_or(""),
    ]);
    Event {
        id,
        cameo_code: event.code.code.clone(),
        root_code: event.code.root().to_owned(),
        quad_class: event.code.quad_class(),
        goldstein: event.code.goldstein,
        source: Some(source),
        target,
        date: event.date.date.format("%Y-%m-%d").to_string(),
        date_precision: match event.date.precision {
            dates::Precision::Day => DatePrecision::Day,
            dates::Precision::Month => DatePrecision::Month,
            dates::Precision::Year => DatePrecision::Year,
        } as i32,
        location: event.location.map(|l| {
            let entity = &resolution.entities[l];
            Location {
                key: entity.key.clone(),
                name: entity.name.clone(),
                geo: entity.geo.map(|(latitude, longitude)| GeoPoint {
                    latitude,
                    longitude,
                }),
            }
        }),
        sentence_start: sentence.start,
        sentence_end: sentence.end,
        confidence: (event.confidence * 100.0).round() / 100.0,
        trigger: event.trigger.clone(),
    }
}
