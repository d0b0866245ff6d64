//! The projector's consumer: raw articles and analyses from two queues,
//! applied in batches, one transaction per batch, acked after commit.
//!
//! Decisions: a message that does not decode is dead-lettered at once; a
//! batch that fails with a permanent database error is retried one message
//! per transaction so that only the bad message is dead-lettered; a
//! transient error (lost connection, restart, deadlock) leaves the batch
//! unacked for redelivery and ends the run, and the supervisor reconnects.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use deadpool_postgres::Pool;
use futures_util::StreamExt;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicNackOptions, BasicQosOptions};
use lapin::types::FieldTable;
use tidings_common::Health;
use tidings_common::amqp::{self, DeadLetterReason, Publisher, QueueName, Topology};
use tidings_common::db::{self, DbError};
use tidings_proto::{ArticleAnalyzed, RawArticle, WireMessage};
use tokio_util::sync::CancellationToken;

use crate::apply::{self, Incoming, Outcome};
use crate::metrics::Metrics;

#[derive(Clone)]
pub struct Consumer {
    pub amqp_url: String,
    pub database_url: String,
    pub topology: Topology,
    pub pool: Pool,
    pub metrics: Metrics,
    pub health: Arc<Health>,
    /// Most messages applied in one transaction (also the prefetch of each
    /// queue, so the broker never sends more than a batch can take).
    pub batch_size: usize,
    /// How long a batch waits to fill up after its first message.
    pub batch_wait: Duration,
}

struct Item {
    queue: QueueName,
    delivery: Delivery,
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
    pub async fn run_once(&self, shutdown: &CancellationToken) -> anyhow::Result<()> {
        db::ensure_database(&self.database_url)
            .await
            .context("creating the database")?;
        db::migrate(&self.database_url).await.context("migrating")?;
        drop(
            self.pool
                .get()
                .await
                .context("connecting to the database")?,
        );
        self.health.set_database(true);

        let (connection, publisher) = amqp::open(
            &self.amqp_url,
            "projector",
            &self.topology,
            self.topology.dead_letter_exchange(),
        )
        .await
        .context("opening the broker session")?;
        let prefetch = u16::try_from(self.batch_size).unwrap_or(u16::MAX);
        let mut streams = Vec::new();
        for queue in [QueueName::ProjectorArticles, QueueName::ProjectorRecords] {
            let channel = connection.create_channel().await?;
            channel
                .basic_qos(prefetch, BasicQosOptions::default())
                .await?;
            let consumer = channel
                .basic_consume(
                    self.topology.queue(queue).into(),
                    format!("tidings-projector-{}", std::process::id()).into(),
                    BasicConsumeOptions::default(),
                    FieldTable::default(),
                )
                .await?;
            streams.push(consumer.map(move |delivery| (queue, delivery)).boxed());
        }
        let mut incoming = futures_util::stream::select_all(streams);
        self.health.set_amqp(true);
        tracing::info!(
            message = "Consuming articles and analyses.",
            batch_size = self.batch_size
        );

        let mut failure = None;
        'outer: loop {
            let first = tokio::select! {
                () = shutdown.cancelled() => break,
                next = incoming.next() => next,
            };
            let mut batch = Vec::with_capacity(self.batch_size);
            match first {
                Some((queue, Ok(delivery))) => batch.push((queue, delivery)),
                Some((_, Err(error))) => {
                    failure = Some(anyhow::Error::new(error).context("consuming"));
                    break;
                }
                None => {
                    failure = Some(anyhow::anyhow!(
                        "the consumers were cancelled by the broker"
                    ));
                    break;
                }
            }
            let deadline = tokio::time::sleep(self.batch_wait);
            tokio::pin!(deadline);
            while batch.len() < self.batch_size {
                tokio::select! {
                    biased;
                    next = incoming.next() => match next {
                        Some((queue, Ok(delivery))) => batch.push((queue, delivery)),
                        Some((_, Err(error))) => {
                            failure = Some(anyhow::Error::new(error).context("consuming"));
                            self.process(&publisher, batch).await?;
                            break 'outer;
                        }
                        None => {
                            failure = Some(anyhow::anyhow!("the consumers were cancelled by the broker"));
                            self.process(&publisher, batch).await?;
                            break 'outer;
                        }
                    },
                    () = &mut deadline => break,
                }
            }
            self.process(&publisher, batch).await?;
        }
        let _ = connection.close(200, "shutting down".into()).await;
        match failure {
            Some(fault) => Err(fault),
            None => Ok(()),
        }
    }

    async fn process(
        &self,
        publisher: &Publisher,
        batch: Vec<(QueueName, Delivery)>,
    ) -> anyhow::Result<()> {
        let mut items = Vec::with_capacity(batch.len());
        for (queue, delivery) in batch {
            let event_type = match queue {
                QueueName::ProjectorArticles => RawArticle::EVENT_TYPE,
                _ => ArticleAnalyzed::EVENT_TYPE,
            };
            let kind = amqp::message_type(&delivery.properties);
            match Incoming::decode(event_type, kind, &delivery.data) {
                Ok(event) => items.push(Item {
                    queue,
                    delivery,
                    event,
                }),
                Err(error) => {
                    let reason = DeadLetterReason::of_decode_error(&error);
                    let text = error.to_string();
                    self.reject(publisher, queue, &delivery, event_type, reason, &text)
                        .await?;
                }
            }
        }
        if items.is_empty() {
            return Ok(());
        }
        self.metrics.batch_size.observe(items.len() as f64);
        let timer = self.metrics.commit_seconds.start_timer();
        let result = self.apply(&items).await;
        timer.observe_duration();
        match result {
            Ok(outcomes) => {
                for (item, outcome) in items.iter().zip(outcomes) {
                    self.ack(item, outcome).await?;
                }
                Ok(())
            }
            Err(error) if error.is_transient() => {
                self.requeue(&items).await;
                Err(anyhow::Error::new(error).context("applying a batch"))
            }
            Err(error) => {
                tracing::warn!(message = "Batch failed; applying its messages one by one.", %error);
                for item in &items {
                    match self.apply(std::slice::from_ref(item)).await {
                        Ok(outcomes) => {
                            for outcome in outcomes {
                                self.ack(item, outcome).await?;
                            }
                        }
                        Err(error) if error.is_transient() => {
                            self.requeue(&items).await;
                            return Err(anyhow::Error::new(error).context("applying a message"));
                        }
                        Err(error) => {
                            self.reject(
                                publisher,
                                item.queue,
                                &item.delivery,
                                item.event.event_type(),
                                DeadLetterReason::ProcessingFailed,
                                &error.to_string(),
                            )
                            .await?;
                        }
                    }
                }
                Ok(())
            }
        }
    }

    /// Applies `items` in one transaction.
    async fn apply(&self, items: &[Item]) -> Result<Vec<Outcome>, DbError> {
        let mut client = self.pool.get().await?;
        let transaction = client.transaction().await?;
        let mut outcomes = Vec::with_capacity(items.len());
        for item in items {
            let queue = self.topology.queue(item.queue);
            let outcome = apply::append_and_project(
                &*transaction,
                &item.event,
                metadata(&queue, &item.delivery),
            )
            .await?;
            outcomes.push(outcome);
        }
        transaction.commit().await?;
        Ok(outcomes)
    }

    async fn ack(&self, item: &Item, outcome: Outcome) -> anyhow::Result<()> {
        self.metrics
            .messages_consumed
            .with_label_values(&[item.event.event_type(), outcome.as_str()])
            .inc();
        tracing::debug!(
            message = "Event applied.",
            article_id = item.event.stream_id(),
            event_type = item.event.event_type(),
            outcome = outcome.as_str()
        );
        item.delivery
            .ack(BasicAckOptions::default())
            .await
            .context("acking after commit")?;
        Ok(())
    }

    async fn requeue(&self, items: &[Item]) {
        for item in items {
            self.metrics
                .messages_consumed
                .with_label_values(&[item.event.event_type(), "requeued"])
                .inc();
            let _ = item
                .delivery
                .nack(BasicNackOptions {
                    requeue: true,
                    ..BasicNackOptions::default()
                })
                .await;
        }
    }

    async fn reject(
        &self,
        publisher: &Publisher,
        queue: QueueName,
        delivery: &Delivery,
        event_type: &str,
        reason: DeadLetterReason,
        detail: &str,
    ) -> anyhow::Result<()> {
        self.metrics.plumbing.dead_lettering(
            &self.topology.queue(queue),
            reason.as_str(),
            detail,
            delivery.delivery_tag,
        );
        self.metrics
            .messages_consumed
            .with_label_values(&[event_type, "dead_lettered"])
            .inc();
        amqp::dead_letter(publisher, &self.topology, queue, delivery, reason, detail)
            .await
            .context("dead-lettering")
    }
}
