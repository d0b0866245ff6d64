//! The fetcher's metrics, all in one place.

use prometheus::{Histogram, IntCounterVec, IntGaugeVec};
use tidings_common::metrics::{PlumbingMetrics, Registrar, SECONDS_BUCKETS, initialise};

#[derive(Clone)]
pub struct Metrics {
    pub plumbing: PlumbingMetrics,
    /// Articles published and confirmed, by source (file, feed, http).
    pub articles_published: IntCounterVec,
    /// Inputs that did not become articles, by reason.
    pub articles_skipped: IntCounterVec,
    /// Feed polls by outcome (new, not_modified, unchanged, failed).
    pub feed_polls: IntCounterVec,
    pub fetch_seconds: Histogram,
    /// Polls of each feed that failed in a row (from the feed table).
    pub feed_consecutive_failures: IntGaugeVec,
}

impl Metrics {
    pub fn new(registrar: &Registrar, plumbing: &PlumbingMetrics) -> Self {
        let metrics = Self {
            plumbing: plumbing.clone(),
            articles_published: registrar.counter_vec(
                "articles_published_total",
                "Raw articles published and confirmed, by source.",
                &["source"],
            ),
            articles_skipped: registrar.counter_vec(
                "articles_skipped_total",
                "Inputs that did not become articles, by reason.",
                &["reason"],
            ),
            feed_polls: registrar.counter_vec(
                "feed_polls_total",
                "Feed polls, by outcome.",
                &["outcome"],
            ),
            fetch_seconds: registrar.histogram(
                "fetch_seconds",
                "Time of one HTTP fetch.",
                SECONDS_BUCKETS,
            ),
            feed_consecutive_failures: registrar.gauge_vec(
                "feed_consecutive_failures",
                "Polls of a feed that failed in a row, by feed name (or URL).",
                &["feed"],
            ),
        };
        initialise(
            &metrics.articles_published,
            &[&["file"], &["feed"], &["http"]],
        );
        initialise(
            &metrics.feed_polls,
            &[&["new"], &["not_modified"], &["unchanged"], &["failed"]],
        );
        metrics
    }
}
