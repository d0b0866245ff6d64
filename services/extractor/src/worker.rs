//! The extractor's consumer: takes raw articles with the prefetch the
//! topology gives, keeps up to `in_flight` of them moving at once, analyses
//! them on blocking threads (at most `workers` at once: the CPU-bound part),
//! and publishes each analysis with a confirm; the shared consume loop acks
//! the input only after that. Many confirms are outstanding at once, so the
//! broker's round trips overlap instead of adding up.
//!
//! Re-sent articles (`tidings-projector reprocess`) come on a queue of
//! their own, consumed beside the live one with a bounded share of the
//! workers (`backfill_workers`): live articles always find a worker free,
//! so a backfill of a million articles does not hold up today's news.
//!
//! Every delivery ends in one decision: ack after the confirmed publish;
//! dead-letter (with its reason) what can never be analysed; on a broker
//! fault, requeue it and end the session so the supervisor reconnects.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context as _;
use lapin::message::Delivery;
use tidings_common::Health;
use tidings_common::amqp::{
    self, DeadLetterReason, DlxPublisher, Handler, Outcome, Publisher, QueueName, Settler,
    Subscription, Topology,
};
use tidings_nlp::analysis::{AnalysisError, Analyzer};
use tidings_proto::{RawArticle, decode};
use tokio_util::sync::CancellationToken;
use tracing::Instrument;

use crate::metrics::Metrics;

/// What a consumer session needs.
#[derive(Clone)]
pub struct Worker {
    pub amqp_url: String,
    pub topology: Topology,
    pub analyzer: Arc<Analyzer>,
    pub metrics: Metrics,
    pub health: Arc<Health>,
    /// Analyses running at once (CPU-bound).
    pub workers: usize,
    /// Articles handled at once: analysing, or awaiting their confirm.
    pub in_flight: usize,
    /// Analyses of backfill articles running at once, at most.
    pub backfill_workers: usize,
    /// The most time one article's analysis may take.
    pub budget: std::time::Duration,
}

/// Analyses one article and publishes the result on this session's channel.
struct Analysis {
    analyzer: Arc<Analyzer>,
    publisher: Publisher,
    metrics: Metrics,
    cpu: Arc<tokio::sync::Semaphore>,
    /// For the backfill: its share of the workers, taken before a worker.
    share: Option<Arc<tokio::sync::Semaphore>>,
    budget: std::time::Duration,
}

impl Worker {
    /// Consumes until `shutdown` (returns `Ok`) or a broker fault (`Err`).
    pub async fn run_once(&self, shutdown: &CancellationToken) -> anyhow::Result<()> {
        let (connection, publisher) = amqp::open(
            &self.amqp_url,
            "extractor",
            &self.topology,
            self.topology.records_exchange(),
        )
        .await
        .context("opening the broker session")?;
        let tag = format!("tidings-extractor-{}", std::process::id());
        let live = Subscription::open(
            &connection,
            &self.topology,
            &[QueueName::ExtractorArticles],
            self.in_flight,
            &tag,
        )
        .await?;
        // Backfill articles in flight: enough to keep its share of the
        // workers busy while confirms travel; the share bounds the CPU.
        let backfill_in_flight = (self.in_flight / 2).max(self.backfill_workers * 2);
        let backfill = Subscription::open(
            &connection,
            &self.topology,
            &[QueueName::ExtractorBackfill],
            backfill_in_flight,
            &tag,
        )
        .await?;
        let settler = |counter| {
            Arc::new(Settler::new(
                DlxPublisher {
                    publisher: publisher.clone(),
                    topology: self.topology.clone(),
                },
                self.topology.clone(),
                self.metrics.plumbing.clone(),
                counter,
            ))
        };
        let cpu = Arc::new(tokio::sync::Semaphore::new(self.workers.max(1)));
        let analysis = |share| {
            Arc::new(Analysis {
                analyzer: self.analyzer.clone(),
                publisher: publisher.clone(),
                metrics: self.metrics.clone(),
                cpu: cpu.clone(),
                share,
                budget: self.budget,
            })
        };
        self.health.set_amqp(true);
        tracing::info!(
            message = "Consuming raw articles.",
            queue = %self.topology.queue(QueueName::ExtractorArticles),
            prefetch = Topology::prefetch(QueueName::ExtractorArticles, self.in_flight),
            backfill_queue = %self.topology.queue(QueueName::ExtractorBackfill),
            backfill_workers = self.backfill_workers,
        );
        // Either consumer's fault ends both: the session reconnects whole.
        let session = shutdown.child_token();
        let run = |subscription, settler, in_flight, handler| {
            let session = session.clone();
            async move {
                let result =
                    amqp::consume_each(subscription, settler, in_flight, &session, handler).await;
                if result.is_err() {
                    session.cancel();
                }
                result
            }
        };
        let (live, backfill) = tokio::join!(
            run(
                live,
                settler(self.metrics.articles_consumed.clone()),
                self.in_flight,
                analysis(None),
            ),
            run(
                backfill,
                settler(self.metrics.backfill_consumed.clone()),
                backfill_in_flight,
                analysis(Some(Arc::new(tokio::sync::Semaphore::new(
                    self.backfill_workers.max(1)
                )))),
            ),
        );
        let _ = connection.close(200, "shutting down".into()).await;
        live.and(backfill)
    }
}

impl Handler for Analysis {
    async fn handle(&self, _queue: QueueName, delivery: &Delivery) -> Outcome {
        self.metrics.in_flight.inc();
        let timer = self.metrics.processing_seconds.start_timer();
        let outcome = self.process(delivery).await;
        timer.observe_duration();
        self.metrics.in_flight.dec();
        outcome
    }
}

impl Analysis {
    async fn process(&self, delivery: &Delivery) -> Outcome {
        let kind = amqp::message_type(&delivery.properties);
        let article: RawArticle = match decode(kind, &delivery.data) {
            Ok(article) => article,
            Err(error) => {
                return Outcome::DeadLetter(
                    DeadLetterReason::of_decode_error(&error),
                    error.to_string(),
                );
            }
        };
        let span = tracing::info_span!("analyze", article_id = %article.article_id);
        async {
            let analyzer = self.analyzer.clone();
            let now_ms = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or_default();
            let budget = self.budget;
            let outcome = {
                let _share = match &self.share {
                    Some(share) => Some(share.acquire().await),
                    None => None,
                };
                let _cpu = self.cpu.acquire().await;
                let analysis = tokio::task::spawn_blocking(move || {
                    analyzer.analyze_within(&article, now_ms, Some(budget))
                });
                // The stages stop themselves once the budget is spent; the
                // worker does not wait much longer than that for them.
                match tokio::time::timeout(budget + budget / 2, analysis).await {
                    Ok(joined) => joined,
                    Err(_) => Ok(Err(AnalysisError::TooSlow(budget))),
                }
            };
            let analysis = match outcome {
                Ok(Ok(analysis)) => analysis,
                Ok(Err(error)) => {
                    let reason = match error {
                        AnalysisError::Empty(_) => DeadLetterReason::Empty,
                        AnalysisError::Oversized { .. } => DeadLetterReason::Oversized,
                        AnalysisError::TooSlow(_) => DeadLetterReason::TooSlow,
                    };
                    return Outcome::DeadLetter(reason, error.to_string());
                }
                Err(join_error) => {
                    return Outcome::DeadLetter(
                        DeadLetterReason::ProcessingFailed,
                        format!("analysis panicked: {join_error}"),
                    );
                }
            };
            if let Err(error) = self.publisher.publish(&analysis).await {
                return Outcome::Retry(
                    anyhow::Error::new(error).context("publishing the analysis"),
                );
            }
            self.metrics.analyses_published.inc();
            self.metrics
                .entities_extracted
                .inc_by(analysis.entities.len() as u64);
            self.metrics
                .events_coded
                .inc_by(analysis.events.len() as u64);
            tracing::debug!(
                message = "Article analysed.",
                entities = analysis.entities.len(),
                events = analysis.events.len()
            );
            Outcome::Ack("analyzed")
        }
        .instrument(span)
        .await
    }
}
