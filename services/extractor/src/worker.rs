//! The extractor's consumer: takes raw articles with a bounded prefetch,
//! analyses them on blocking threads (at most `workers` at once), publishes
//! each analysis with a confirm, and only then acks the input.
//!
//! Every delivery ends in one decision: ack after the confirmed publish;
//! dead-letter (with its reason) what can never be analysed; on a broker
//! fault, leave it unacked so the broker redelivers it, and reconnect.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context as _;
use futures_util::StreamExt;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions, BasicQosOptions};
use lapin::types::FieldTable;
use tidings_common::Health;
use tidings_common::amqp::{self, DeadLetterReason, Publisher, QueueName, Topology};
use tidings_proto::{RawArticle, decode};
use tokio::sync::{Semaphore, mpsc};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::Instrument;

use tidings_nlp::analysis::{AnalysisError, Analyzer};
use crate::metrics::Metrics;

/// What a consumer run needs.
#[derive(Clone)]
pub struct Worker {
    pub amqp_url: String,
    pub topology: Topology,
    pub analyzer: Arc<Analyzer>,
    pub metrics: Metrics,
    pub health: Arc<Health>,
    pub workers: usize,
}

/// A fault that ends this connection's run (the supervisor reconnects).
type Fault = anyhow::Error;

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
        let channel = connection.create_channel().await?;
        // Prefetch bounds memory: twice the workers keeps them busy while
        // the next articles are on their way.
        let prefetch = u16::try_from(self.workers * 2).unwrap_or(u16::MAX);
        channel
            .basic_qos(prefetch, BasicQosOptions::default())
            .await?;
        let queue = self.topology.queue(QueueName::ExtractorArticles);
        let mut consumer = channel
            .basic_consume(
                queue.clone().into(),
                format!("tidings-extractor-{}", std::process::id()).into(),
                BasicConsumeOptions::default(),
                FieldTable::default(),
            )
            .await?;
        self.health.set_amqp(true);
        tracing::info!(message = "Consuming raw articles.", queue = %queue, prefetch);

        let permits = Arc::new(Semaphore::new(self.workers));
        let tracker = TaskTracker::new();
        let (fault_tx, mut fault_rx) = mpsc::channel::<Fault>(1);
        let mut failure = None;
        loop {
            tokio::select! {
                () = shutdown.cancelled() => break,
                Some(fault) = fault_rx.recv() => {
                    failure = Some(fault);
                    break;
                }
                next = consumer.next() => match next {
                    None => {
                        failure = Some(anyhow::anyhow!("the consumer was cancelled by the broker"));
                        break;
                    }
                    Some(Err(error)) => {
                        failure = Some(anyhow::Error::new(error).context("consuming"));
                        break;
                    }
                    Some(Ok(delivery)) => {
                        let permit = permits.clone().acquire_owned().await?;
                        let worker = self.clone();
                        let publisher = publisher.clone();
                        let fault_tx = fault_tx.clone();
                        tracker.spawn(async move {
                            let _permit = permit;
                            if let Err(fault) = worker.handle(&publisher, delivery).await {
                                let _ = fault_tx.try_send(fault);
                            }
                        });
                    }
                }
            }
        }
        // Finish and ack what is in flight before closing.
        tracker.close();
        tracker.wait().await;
        let _ = connection.close(200, "shutting down".into()).await;
        match failure {
            Some(fault) => Err(fault),
            None => Ok(()),
        }
    }

    async fn handle(&self, publisher: &Publisher, delivery: Delivery) -> Result<(), Fault> {
        self.metrics.in_flight.inc();
        let timer = self.metrics.processing_seconds.start_timer();
        let result = self.process(publisher, &delivery).await;
        timer.observe_duration();
        self.metrics.in_flight.dec();
        match result {
            Ok(outcome) => {
                self.metrics
                    .articles_consumed
                    .with_label_values(&[outcome])
                    .inc();
                Ok(())
            }
            Err(fault) => {
                // Leave the message to the broker: requeue if the channel
                // still works, otherwise it is redelivered on reconnect.
                self.metrics
                    .articles_consumed
                    .with_label_values(&["requeued"])
                    .inc();
                let _ = delivery
                    .nack(BasicNackOptions {
                        requeue: true,
                        ..BasicNackOptions::default()
                    })
                    .await;
                Err(fault)
            }
        }
    }

    async fn process(
        &self,
        publisher: &Publisher,
        delivery: &Delivery,
    ) -> Result<&'static str, Fault> {
        let kind = amqp::message_type(&delivery.properties);
        let article: RawArticle = match decode(kind, &delivery.data) {
            Ok(article) => article,
            Err(error) => {
                let reason = DeadLetterReason::of_decode_error(&error);
                return self
                    .reject(publisher, delivery, reason, &error.to_string())
                    .await;
            }
        };
        let span = tracing::info_span!("analyze", article_id = %article.article_id);
        async {
            let analyzer = self.analyzer.clone();
            let now_ms = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or_default();
            let outcome =
                tokio::task::spawn_blocking(move || analyzer.analyze(&article, now_ms)).await;
            let analysis = match outcome {
                Ok(Ok(analysis)) => analysis,
                Ok(Err(error)) => {
                    let reason = match error {
                        AnalysisError::Empty(_) => DeadLetterReason::Empty,
                        AnalysisError::Oversized { .. } => DeadLetterReason::Oversized,
                    };
                    return self
                        .reject(publisher, delivery, reason, &error.to_string())
                        .await;
                }
                Err(join_error) => {
                    let text = format!("analysis panicked: {join_error}");
                    return self
                        .reject(
                            publisher,
                            delivery,
                            DeadLetterReason::ProcessingFailed,
                            &text,
                        )
                        .await;
                }
            };
            publisher
                .publish(&analysis)
                .await
                .context("publishing the analysis")?;
            self.metrics.analyses_published.inc();
            self.metrics
                .entities_extracted
                .inc_by(analysis.entities.len() as u64);
            self.metrics
                .events_coded
                .inc_by(analysis.events.len() as u64);
            delivery
                .ack(BasicAckOptions::default())
                .await
                .context("acking the raw article")?;
            tracing::debug!(
                message = "Article analysed.",
                entities = analysis.entities.len(),
                events = analysis.events.len()
            );
            Ok("analyzed")
        }
        .instrument(span)
        .await
    }

    async fn reject(
        &self,
        publisher: &Publisher,
        delivery: &Delivery,
        reason: DeadLetterReason,
        detail: &str,
    ) -> Result<&'static str, Fault> {
        let queue = QueueName::ExtractorArticles;
        self.metrics.plumbing.dead_lettering(
            &self.topology.queue(queue),
            reason.as_str(),
            detail,
            delivery.delivery_tag,
        );
        amqp::dead_letter(publisher, &self.topology, queue, delivery, reason, detail)
            .await
            .context("dead-lettering")?;
        Ok("dead_lettered")
    }
}
