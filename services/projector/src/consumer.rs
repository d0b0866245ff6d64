//! The projector's consumer: raw articles and analyses from two queues,
//! applied in batches, one transaction per batch; the shared consume loop
//! settles each delivery after the commit.
//!
//! Decisions, per delivery of a batch: a message that does not decode is
//! dead-lettered; a batch that fails with a permanent database error is
//! applied again one message per transaction, so that only the bad message
//! is dead-lettered; a conflict (deadlock, serialization failure) is
//! retried at once with jitter; any other transient error (the database
//! restarting, unreachable, read-only) holds the batch in process and
//! tries it again with backoff, not ready meanwhile, until the database is
//! back: nothing goes back to the queue, so an outage neither spins
//! messages between replicas nor spends their delivery budget.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use deadpool_postgres::Pool;
use lapin::message::Delivery;
use tidings_common::Health;
use tidings_common::amqp::{
    self, BatchHandler, BatchPolicy, DeadLetterReason, DlxPublisher, Outcome, QueueName, Settler,
    Subscription, Topology,
};
use tidings_common::db::{self, DbError};
use tidings_common::supervisor::Backoff;
use tidings_proto::{ArticleAnalyzed, RawArticle, WireMessage};
use tokio_util::sync::CancellationToken;

use crate::apply::{self, Incoming, IncomingError, Message};
use crate::metrics::Metrics;

/// The queues the projector consumes.
const QUEUES: [QueueName; 2] = [QueueName::ProjectorArticles, QueueName::ProjectorRecords];

/// The message type each queue carries, for deliveries without a type.
fn type_name(queue: QueueName) -> &'static str {
    match queue {
        QueueName::ProjectorArticles => RawArticle::TYPE_NAME,
        _ => ArticleAnalyzed::TYPE_NAME,
    }
}

fn event_type_label(queue: QueueName) -> &'static [&'static str] {
    match queue {
        QueueName::ProjectorArticles => &[RawArticle::EVENT_TYPE],
        _ => &[ArticleAnalyzed::EVENT_TYPE],
    }
}

#[derive(Clone)]
pub struct Consumer {
    pub amqp_url: String,
    pub topology: Topology,
    pub pool: Pool,
    pub metrics: Metrics,
    pub health: Arc<Health>,
    pub batch: BatchPolicy,
    /// Ends the wait for the database on shutdown.
    pub shutdown: CancellationToken,
}

struct Item<'a> {
    queue: QueueName,
    delivery: &'a Delivery,
    event: Incoming,
}

fn metadata(queue: &str, delivery: &Delivery) -> serde_json::Value {
    let properties = &delivery.properties;
    serde_json::json!({
        "queue": queue,
        "exchange": delivery.exchange.as_str(),
        "routing_key": delivery.routing_key.as_str(),
        "redelivered": delivery.redelivered,
        "message_id": properties.message_id().as_ref().map(|v| v.as_str().to_owned()),
        "type": properties.kind().as_ref().map(|v| v.as_str().to_owned()),
        "content_type": properties.content_type().as_ref().map(|v| v.as_str().to_owned()),
        "published_at": properties.timestamp(),
    })
}

impl Consumer {
    /// One session: check the schema, connect, consume until `shutdown`
    /// (`Ok`) or a fault (`Err`).
    pub async fn run_once(&self, shutdown: &CancellationToken) -> anyhow::Result<()> {
        {
            let client = self
                .pool
                .get()
                .await
                .context("connecting to the database")?;
            db::require_schema(&client, crate::schema::latest_version()).await?;
        }
        self.health.set_database(true);

        let (connection, publisher) = amqp::open(
            &self.amqp_url,
            "projector",
            &self.topology,
            self.topology.dead_letter_exchange(),
        )
        .await
        .context("opening the broker session")?;
        let subscription = Subscription::open(
            &connection,
            &self.topology,
            &QUEUES,
            self.batch.size,
            &format!("tidings-projector-{}", std::process::id()),
        )
        .await?;
        let settler = Arc::new(
            Settler::new(
                DlxPublisher {
                    publisher,
                    topology: self.topology.clone(),
                },
                self.topology.clone(),
                self.metrics.plumbing.clone(),
                self.metrics.messages_consumed.clone(),
            )
            .with_labels(event_type_label),
        );
        self.health.set_amqp(true);
        tracing::info!(
            message = "Consuming articles and analyses.",
            batch_size = self.batch.size
        );
        let result = amqp::consume_batches(
            subscription,
            settler,
            self.batch,
            shutdown,
            Arc::new(self.clone()),
        )
        .await;
        let _ = connection.close(200, "shutting down".into()).await;
        result
    }

    /// Applies `items` in one transaction. Serialization failures and
    /// deadlocks are retried here with jittered backoff; while the database
    /// is away, the batch is held and tried again with backoff until it is
    /// back (or shutdown), the service not ready meanwhile. Neither gives
    /// the messages back.
    async fn apply(&self, items: &[&Item<'_>]) -> Result<Vec<apply::Outcome>, DbError> {
        let mut conflicts = 0;
        let mut outage = Backoff::new(Duration::from_millis(100), Duration::from_secs(5));
        let mut away = false;
        loop {
            match self.apply_once(items).await {
                Err(error) if error.is_conflict() && conflicts < CONFLICT_RETRIES => {
                    conflicts += 1;
                    self.metrics.conflicts.inc();
                    let delay = jitter(conflicts);
                    tracing::info!(message = "Transaction conflict; retrying.", %error, attempt = conflicts, delay_ms = delay.as_millis() as u64);
                    tokio::time::sleep(delay).await;
                }
                Err(error)
                    if error.is_transient()
                        && !error.is_conflict()
                        && !self.shutdown.is_cancelled() =>
                {
                    away = true;
                    self.health.set_database(false);
                    self.metrics.database_retries.inc();
                    let delay = outage.next_delay();
                    tracing::warn!(message = "Database unavailable; holding the batch and trying again.", %error, retry_in_ms = delay.as_millis() as u64, messages = items.len());
                    tokio::select! {
                        () = tokio::time::sleep(delay) => {}
                        () = self.shutdown.cancelled() => return Err(error),
                    }
                }
                result => {
                    if away && result.is_ok() {
                        tracing::info!(message = "Database back; batch applied.");
                        self.health.set_database(true);
                    }
                    return result;
                }
            }
        }
    }

    async fn apply_once(&self, items: &[&Item<'_>]) -> Result<Vec<apply::Outcome>, DbError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let events: Vec<(&Incoming, serde_json::Value)> = items
            .iter()
            .map(|item| {
                let queue = self.topology.queue(item.queue);
                (&item.event, metadata(&queue, item.delivery))
            })
            .collect();
        let outcomes = apply::apply_batch(&transaction, &events).await?;
        transaction.commit().await?;
        Ok(outcomes)
    }

    /// Applies the decoded items of a batch; one outcome per item.
    async fn apply_batch(&self, items: &[&Item<'_>]) -> Vec<Outcome> {
        self.metrics.batch_size.observe(items.len() as f64);
        let timer = self.metrics.commit_seconds.start_timer();
        let result = self.apply(items).await;
        timer.observe_duration();
        let error = match result {
            Ok(outcomes) => {
                self.observe_latency(items, &outcomes);
                return outcomes.into_iter().map(ack).collect();
            }
            Err(error) if error.is_transient() => {
                let fault = anyhow::Error::new(error).context("applying a batch");
                return items.iter().map(|_| retry(&fault)).collect();
            }
            Err(error) => error,
        };
        tracing::warn!(message = "Batch failed on bad data; applying its messages one by one.", %error);
        let mut outcomes = Vec::with_capacity(items.len());
        let mut fault: Option<anyhow::Error> = None;
        for item in items {
            if let Some(fault) = &fault {
                outcomes.push(retry(fault));
                continue;
            }
            outcomes.push(match self.apply(std::slice::from_ref(item)).await {
                Ok(applied) => {
                    self.observe_latency(std::slice::from_ref(item), &applied);
                    ack(applied
                        .first()
                        .copied()
                        .unwrap_or(apply::Outcome::Projected))
                }
                Err(error) if error.is_transient() => {
                    let error = anyhow::Error::new(error).context("applying a message");
                    let outcome = retry(&error);
                    fault = Some(error);
                    outcome
                }
                Err(error) => {
                    Outcome::DeadLetter(DeadLetterReason::ProcessingFailed, error.to_string())
                }
            });
        }
        outcomes
    }

    /// Fetch-to-projected time of the analyses just projected.
    fn observe_latency(&self, items: &[&Item<'_>], outcomes: &[apply::Outcome]) {
        let now = chrono::Utc::now().timestamp_millis();
        for (item, outcome) in items.iter().zip(outcomes) {
            if let (Message::Analyzed(analysis), apply::Outcome::Projected) =
                (&item.event.message, outcome)
                && analysis.fetched_at_ms > 0
            {
                let seconds = (now - analysis.fetched_at_ms).max(0) as f64 / 1000.0;
                self.metrics.end_to_end_seconds.observe(seconds);
            }
        }
    }
}

/// Conflicts retried in process before the batch goes back to the queue.
const CONFLICT_RETRIES: u32 = 8;

/// Backoff before the `attempt`th retry of a conflict: 20 ms doubling,
/// with up to half of it random, so two replicas do not collide again.
fn jitter(attempt: u32) -> Duration {
    let base = 20u64 << attempt.min(6);
    let spread = rand::random::<u64>() % (base / 2 + 1);
    Duration::from_millis(base + spread)
}

fn ack(outcome: apply::Outcome) -> Outcome {
    Outcome::Ack(outcome.as_str())
}

/// The same transient fault for every delivery it sends back.
fn retry(fault: &anyhow::Error) -> Outcome {
    Outcome::Retry(anyhow::anyhow!("{fault:#}"))
}

impl BatchHandler for Consumer {
    async fn handle(&self, batch: &[(QueueName, Delivery)]) -> Vec<Outcome> {
        let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(batch.len());
        let mut items = Vec::with_capacity(batch.len());
        for (queue, delivery) in batch {
            let kind = amqp::message_type(&delivery.properties);
            match Incoming::from_delivery(kind, type_name(*queue), &delivery.data) {
                Ok(event) => {
                    outcomes.push(None);
                    items.push(Item {
                        queue: *queue,
                        delivery,
                        event,
                    });
                }
                Err(IncomingError::UnknownType(name)) => outcomes.push(Some(Outcome::DeadLetter(
                    DeadLetterReason::UnknownType,
                    format!("unknown message type {name:?}"),
                ))),
                Err(IncomingError::Decode(error)) => outcomes.push(Some(Outcome::DeadLetter(
                    DeadLetterReason::of_decode_error(&error),
                    error.to_string(),
                ))),
            }
        }
        if !items.is_empty() {
            let refs: Vec<&Item<'_>> = items.iter().collect();
            let mut applied = self.apply_batch(&refs).await.into_iter();
            for slot in outcomes.iter_mut().filter(|slot| slot.is_none()) {
                *slot = applied.next();
            }
        }
        outcomes
            .into_iter()
            .map(|outcome| {
                outcome.unwrap_or_else(|| {
                    Outcome::Retry(anyhow::anyhow!("no outcome for a decoded message"))
                })
            })
            .collect()
    }
}

/// How batches fill and how many commit at once, from the settings.
pub fn batch_policy(
    size: usize,
    max_bytes: usize,
    wait_ms: u64,
    concurrency: usize,
) -> BatchPolicy {
    BatchPolicy {
        size: size.max(1),
        max_bytes: max_bytes.max(1),
        wait: Duration::from_millis(wait_ms),
        concurrency: concurrency.max(1),
    }
}
