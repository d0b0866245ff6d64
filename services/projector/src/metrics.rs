//! The projector's metrics, all in one place.

use prometheus::{Histogram, IntCounter, IntCounterVec};
use tidings_common::metrics::{PlumbingMetrics, Registrar, SECONDS_BUCKETS};
use tidings_proto::{ArticleAnalyzed, RawArticle, WireMessage};

#[derive(Clone)]
pub struct Metrics {
    pub plumbing: PlumbingMetrics,
    /// Messages consumed, by event type and outcome (projected, duplicate,
    /// superseded, dead_lettered, requeued).
    pub messages_consumed: IntCounterVec,
    pub batch_size: Histogram,
    pub commit_seconds: Histogram,
    /// From an article's fetch to its analysis projected.
    pub end_to_end_seconds: Histogram,
    /// Serialization failures and deadlocks retried in process.
    pub conflicts: IntCounter,
    /// Batches tried again, held in process, while the database was away.
    pub database_retries: IntCounter,
}

impl Metrics {
    pub fn new(registrar: &Registrar, plumbing: &PlumbingMetrics) -> Self {
        let metrics = Self {
            plumbing: plumbing.clone(),
            messages_consumed: registrar.counter_vec(
                "messages_consumed_total",
                "Messages consumed, by event type and outcome.",
                &["event_type", "outcome"],
            ),
            batch_size: registrar.histogram(
                "batch_size_messages",
                "Messages applied per transaction.",
                &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0],
            ),
            commit_seconds: registrar.histogram(
                "commit_seconds",
                "Time to apply and commit one batch.",
                SECONDS_BUCKETS,
            ),
            end_to_end_seconds: registrar.histogram(
                "end_to_end_seconds",
                "Time from an article's fetch to its analysis projected.",
                &[
                    0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0,
                ],
            ),
            conflicts: registrar.counter(
                "conflicts_total",
                "Serialization failures and deadlocks retried in process.",
            ),
            database_retries: registrar.counter(
                "database_retries_total",
                "Batches tried again while the database was unavailable (held, not requeued).",
            ),
        };
        for event_type in [RawArticle::EVENT_TYPE, ArticleAnalyzed::EVENT_TYPE] {
            for outcome in [
                "projected",
                "duplicate",
                "superseded",
                "dead_lettered",
                "requeued",
            ] {
                metrics
                    .messages_consumed
                    .with_label_values(&[event_type, outcome]);
            }
        }
        metrics
    }
}
