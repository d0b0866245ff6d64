//! The extractor's metrics, all in one place.

use prometheus::{Histogram, IntCounter, IntCounterVec, IntGauge};
use tidings_common::metrics::{PlumbingMetrics, Registrar, SECONDS_BUCKETS, initialise};

#[derive(Clone)]
pub struct Metrics {
    pub plumbing: PlumbingMetrics,
    /// Raw articles taken off the queue, by outcome.
    pub articles_consumed: IntCounterVec,
    /// Re-sent articles consumed from the backfill queue, by outcome.
    pub backfill_consumed: IntCounterVec,
    /// Analyses published and confirmed.
    pub analyses_published: IntCounter,
    pub entities_extracted: IntCounter,
    pub events_coded: IntCounter,
    pub processing_seconds: Histogram,
    pub in_flight: IntGauge,
}

impl Metrics {
    pub fn new(registrar: &Registrar, plumbing: &PlumbingMetrics) -> Self {
        let metrics = Self {
            plumbing: plumbing.clone(),
            articles_consumed: registrar.counter_vec(
                "articles_consumed_total",
                "Raw articles consumed, by outcome (analyzed, dead_lettered, requeued, unsettled).",
                &["outcome"],
            ),
            backfill_consumed: registrar.counter_vec(
                "backfill_articles_consumed_total",
                "Re-sent articles consumed from the backfill queue, by outcome.",
                &["outcome"],
            ),
            analyses_published: registrar.counter(
                "analyses_published_total",
                "ArticleAnalyzed messages published and confirmed by the broker.",
            ),
            entities_extracted: registrar.counter(
                "entities_extracted_total",
                "Entities found in analysed articles.",
            ),
            events_coded: registrar
                .counter("events_coded_total", "Events coded in analysed articles."),
            processing_seconds: registrar.histogram(
                "processing_seconds",
                "Time from delivery to ack, per article.",
                SECONDS_BUCKETS,
            ),
            in_flight: registrar.gauge("in_flight_articles", "Articles being analysed now."),
        };
        for counter in [&metrics.articles_consumed, &metrics.backfill_consumed] {
            initialise(counter, &[&["analyzed"], &["dead_lettered"], &["requeued"]]);
        }
        metrics
    }
}
