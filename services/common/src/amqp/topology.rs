//! The broker topology, declared in one place.
//!
//! ```text
//! <ns>.articles (topic) --article.raw.v1--> <ns>.extractor.articles
//!                       --article.raw.v1--> <ns>.projector.articles
//!                       --article.backfill.v1--> <ns>.extractor.backfill
//! <ns>.records  (topic) --article.analyzed.v1--> <ns>.projector.records
//! <ns>.dlx      (direct) --<queue>.dead--> <queue>.dead   (one per queue)
//! ```
//!
//! Every service declares the whole topology at start. Declarations are
//! idempotent, and declaring the consumers' queues before anything is
//! published means a `mandatory` publish is never returned just because a
//! consumer has not started yet.

use lapin::options::{
    ExchangeDeclareOptions, ExchangeDeleteOptions, QueueBindOptions, QueueDeclareOptions,
    QueueDeleteOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{Channel, ExchangeKind};
use tidings_proto::{ArticleAnalyzed, RawArticle, WireMessage};

/// How many times the broker redelivers a message (after a crash or a
/// requeue) before it dead-letters it. RabbitMQ 3.10 sets no limit by
/// default, so a message that kills its consumer would loop for ever.
pub const DELIVERY_LIMIT: i64 = 5;

/// Routing key of stored raw articles sent again for re-analysis
/// (`tidings-projector reprocess`): only the backfill queue takes them, so
/// live articles never wait behind a backfill, and the projector, which
/// stored them already, does not see them again.
pub const BACKFILL_ROUTING_KEY: &str = "article.backfill.v1";

/// The consumer queues of a deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueName {
    /// Raw articles for the extractor.
    ExtractorArticles,
    /// Raw articles for the projector (stored as `ArticleFetched`).
    ProjectorArticles,
    /// Analyses for the projector.
    ProjectorRecords,
    /// Stored raw articles sent again for re-analysis, consumed by the
    /// extractor with a bounded share of its workers.
    ExtractorBackfill,
}

impl QueueName {
    pub const ALL: [QueueName; 4] = [
        QueueName::ExtractorArticles,
        QueueName::ProjectorArticles,
        QueueName::ProjectorRecords,
        QueueName::ExtractorBackfill,
    ];

    fn suffix(self) -> &'static str {
        match self {
            QueueName::ExtractorArticles => "extractor.articles",
            QueueName::ProjectorArticles => "projector.articles",
            QueueName::ProjectorRecords => "projector.records",
            QueueName::ExtractorBackfill => "extractor.backfill",
        }
    }
}

/// Names of every exchange and queue of one namespace.
#[derive(Debug, Clone)]
pub struct Topology {
    namespace: String,
}

impl Topology {
    pub fn new(namespace: impl Into<String>) -> Self {
        Self {
            namespace: namespace.into(),
        }
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// Exchange of raw articles.
    pub fn articles_exchange(&self) -> String {
        format!("{}.articles", self.namespace)
    }

    /// Exchange of extraction records.
    pub fn records_exchange(&self) -> String {
        format!("{}.records", self.namespace)
    }

    /// Exchange that routes dead letters to their queue's `.dead` queue.
    pub fn dead_letter_exchange(&self) -> String {
        format!("{}.dlx", self.namespace)
    }

    pub fn queue(&self, queue: QueueName) -> String {
        format!("{}.{}", self.namespace, queue.suffix())
    }

    /// The dead-letter queue of `queue` (also its routing key on the DLX).
    pub fn dead_queue(&self, queue: QueueName) -> String {
        format!("{}.dead", self.queue(queue))
    }

    fn binding(&self, queue: QueueName) -> (String, &'static str) {
        match queue {
            QueueName::ExtractorArticles | QueueName::ProjectorArticles => {
                (self.articles_exchange(), RawArticle::ROUTING_KEY)
            }
            QueueName::ProjectorRecords => (self.records_exchange(), ArticleAnalyzed::ROUTING_KEY),
            QueueName::ExtractorBackfill => (self.articles_exchange(), BACKFILL_ROUTING_KEY),
        }
    }

    /// The prefetch of a consumer of `queue` that does `work_units` at once,
    /// decided here for every consumer:
    /// - the extractor keeps `work_units` articles in flight (analysing, or
    ///   awaiting a confirm) and takes twice that, so the next articles are
    ///   on their way while those finish, and memory stays bounded;
    /// - the projector applies batches of `work_units` messages; each of its
    ///   queues may deliver two batches, so the next one fills while one
    ///   commits.
    pub fn prefetch(queue: QueueName, work_units: usize) -> u16 {
        let units = work_units.max(1);
        let prefetch = match queue {
            QueueName::ExtractorArticles | QueueName::ExtractorBackfill => units.saturating_mul(2),
            QueueName::ProjectorArticles | QueueName::ProjectorRecords => units.saturating_mul(2),
        };
        u16::try_from(prefetch).unwrap_or(u16::MAX)
    }

    /// Deletes every queue (with its dead-letter queue) and exchange of the
    /// namespace, as far as they exist: the undoing of [`Self::declare`],
    /// for benches and tests that made a namespace of their own.
    pub async fn delete(&self, channel: &Channel) {
        for queue in QueueName::ALL {
            for name in [self.queue(queue), self.dead_queue(queue)] {
                let _ = channel
                    .queue_delete(name.into(), QueueDeleteOptions::default())
                    .await;
            }
        }
        for exchange in [
            self.articles_exchange(),
            self.records_exchange(),
            self.dead_letter_exchange(),
        ] {
            let _ = channel
                .exchange_delete(exchange.into(), ExchangeDeleteOptions::default())
                .await;
        }
    }

    /// Declares exchanges, queues and bindings. Idempotent.
    pub async fn declare(&self, channel: &Channel) -> Result<(), lapin::Error> {
        let durable = ExchangeDeclareOptions {
            durable: true,
            ..ExchangeDeclareOptions::default()
        };
        for exchange in [self.articles_exchange(), self.records_exchange()] {
            channel
                .exchange_declare(
                    exchange.into(),
                    ExchangeKind::Topic,
                    durable,
                    FieldTable::default(),
                )
                .await?;
        }
        let dlx = self.dead_letter_exchange();
        channel
            .exchange_declare(
                dlx.clone().into(),
                ExchangeKind::Direct,
                durable,
                FieldTable::default(),
            )
            .await?;

        let queue_options = QueueDeclareOptions {
            durable: true,
            ..QueueDeclareOptions::default()
        };
        for queue in QueueName::ALL {
            let dead = self.dead_queue(queue);
            // Dead-letter queues are quorum queues too (replicated in a
            // cluster); nothing consumes them automatically: an operator
            // inspects and replays them.
            channel
                .queue_declare(dead.clone().into(), queue_options, quorum_args())
                .await?;
            channel
                .queue_bind(
                    dead.clone().into(),
                    dlx.clone().into(),
                    dead.clone().into(),
                    QueueBindOptions::default(),
                    FieldTable::default(),
                )
                .await?;

            let mut args = quorum_args();
            // Messages the broker gives up on (delivery limit reached) go to
            // the DLX with routing key `<queue>.dead`.
            args.insert(
                "x-delivery-limit".into(),
                AMQPValue::LongLongInt(DELIVERY_LIMIT),
            );
            args.insert(
                "x-dead-letter-exchange".into(),
                AMQPValue::LongString(LongString::from(dlx.as_str())),
            );
            args.insert(
                "x-dead-letter-routing-key".into(),
                AMQPValue::LongString(LongString::from(dead.as_str())),
            );
            let name = self.queue(queue);
            channel
                .queue_declare(name.clone().into(), queue_options, args)
                .await?;
            let (exchange, routing_key) = self.binding(queue);
            channel
                .queue_bind(
                    name.into(),
                    exchange.into(),
                    ShortString::from(routing_key),
                    QueueBindOptions::default(),
                    FieldTable::default(),
                )
                .await?;
        }
        Ok(())
    }
}

/// Quorum queues: replicated, durable, with a delivery limit; available on
/// a single node as well.
fn quorum_args() -> FieldTable {
    let mut args = FieldTable::default();
    args.insert(
        "x-queue-type".into(),
        AMQPValue::LongString(LongString::from("quorum")),
    );
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_namespaced() {
        let topology = Topology::new("t1");
        assert_eq!(topology.articles_exchange(), "t1.articles");
        assert_eq!(topology.records_exchange(), "t1.records");
        assert_eq!(
            topology.queue(QueueName::ProjectorRecords),
            "t1.projector.records"
        );
        assert_eq!(
            topology.dead_queue(QueueName::ExtractorArticles),
            "t1.extractor.articles.dead"
        );
    }
}
