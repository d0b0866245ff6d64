//! How a delivery ends, decided in one place.
//!
//! A handler says what should happen to a delivery ([`Outcome`]); [`Settler::settle`]
//! makes it so: it acks, dead-letters (the original bytes and properties go to
//! `<queue>.dead` with `x-tidings-reason` and `x-tidings-error`, confirmed, and
//! only then is the original acked) or nacks back to the queue; then it logs
//! and counts what really happened. lapin answers `Ok(false)` to an ack or
//! nack on a closed channel: that delivery is counted as `unsettled` (the
//! broker will deliver it again), never as done.

use std::future::Future;

use lapin::BasicProperties;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicNackOptions};
use prometheus::IntCounterVec;

use super::dead_letter::dead_letter_properties;
use super::{DeadLetterReason, PublishError, Publisher, QueueName, Topology};
use crate::metrics::PlumbingMetrics;

/// What should become of one delivery.
#[derive(Debug)]
pub enum Outcome {
    /// Done and durable; the label says how (`analyzed`, `projected`,
    /// `duplicate` …), a value of the consumed-messages metric.
    Ack(&'static str),
    /// Can never be processed: to the dead-letter queue with a reason.
    DeadLetter(DeadLetterReason, String),
    /// A transient fault (broker or database): back to the queue, and the
    /// session ends so the supervisor reconnects with backoff.
    Retry(anyhow::Error),
}

/// What settling did.
#[derive(Debug)]
pub enum Settled {
    Acked,
    DeadLettered,
    /// Back on the queue; the fault that sent it there ends the session.
    Requeued(anyhow::Error),
    /// The channel would not take the ack or nack; the broker delivers the
    /// message again after the session ends.
    Unsettled(anyhow::Error),
}

impl Settled {
    /// The fault that must end the consumer's session, if any.
    pub fn into_fault(self) -> Option<anyhow::Error> {
        match self {
            Settled::Acked | Settled::DeadLettered => None,
            Settled::Requeued(fault) | Settled::Unsettled(fault) => Some(fault),
        }
    }
}

/// The part of a delivery settling needs (lapin's [`Delivery`], or a fake
/// in tests).
pub trait Settle: Send + Sync {
    fn delivery_tag(&self) -> u64;
    fn data(&self) -> &[u8];
    fn properties(&self) -> &BasicProperties;
    /// `Ok(true)` when the channel took the ack.
    fn ack(&self) -> impl Future<Output = Result<bool, lapin::Error>> + Send;
    /// `Ok(true)` when the channel took the nack (with requeue).
    fn requeue(&self) -> impl Future<Output = Result<bool, lapin::Error>> + Send;
}

impl Settle for Delivery {
    fn delivery_tag(&self) -> u64 {
        self.delivery_tag
    }

    fn data(&self) -> &[u8] {
        &self.data
    }

    fn properties(&self) -> &BasicProperties {
        &self.properties
    }

    async fn ack(&self) -> Result<bool, lapin::Error> {
        self.acker.ack(BasicAckOptions::default()).await
    }

    async fn requeue(&self) -> Result<bool, lapin::Error> {
        self.acker
            .nack(BasicNackOptions {
                requeue: true,
                ..BasicNackOptions::default()
            })
            .await
    }
}

/// Where dead letters are published (the DLX, or a fake in tests).
pub trait DeadLetters: Send + Sync {
    /// Publishes `data` with `properties` to the dead-letter queue of
    /// `queue` and waits for the broker's confirm.
    fn publish(
        &self,
        queue: QueueName,
        data: &[u8],
        properties: BasicProperties,
    ) -> impl Future<Output = Result<(), PublishError>> + Send;
}

/// Dead letters through a confirm-mode publisher to `<ns>.dlx`.
#[derive(Clone)]
pub struct DlxPublisher {
    pub publisher: Publisher,
    pub topology: Topology,
}

impl DeadLetters for DlxPublisher {
    async fn publish(
        &self,
        queue: QueueName,
        data: &[u8],
        properties: BasicProperties,
    ) -> Result<(), PublishError> {
        self.publisher
            .publish_raw(
                &self.topology.dead_letter_exchange(),
                &self.topology.dead_queue(queue),
                data,
                properties,
            )
            .await
    }
}

/// Settles deliveries of one service and counts them in its
/// consumed-messages metric, whose last label is `outcome`.
pub struct Settler<P = DlxPublisher> {
    dead_letters: P,
    topology: Topology,
    plumbing: PlumbingMetrics,
    consumed: IntCounterVec,
    /// Label values that precede `outcome` for a delivery from a queue.
    labels: fn(QueueName) -> &'static [&'static str],
}

fn no_labels(_: QueueName) -> &'static [&'static str] {
    &[]
}

impl<P: DeadLetters> Settler<P> {
    /// `consumed` is counted with the label values `labels(queue)` and the
    /// outcome: the `Ack` label, `dead_lettered`, `requeued` or `unsettled`.
    pub fn new(
        dead_letters: P,
        topology: Topology,
        plumbing: PlumbingMetrics,
        consumed: IntCounterVec,
    ) -> Self {
        Self {
            dead_letters,
            topology,
            plumbing,
            consumed,
            labels: no_labels,
        }
    }

    /// Label values before `outcome`, by queue (the projector's event type).
    pub fn with_labels(mut self, labels: fn(QueueName) -> &'static [&'static str]) -> Self {
        self.labels = labels;
        self
    }

    fn count(&self, queue: QueueName, outcome: &str) {
        let mut values: Vec<&str> = (self.labels)(queue).to_vec();
        values.push(outcome);
        self.consumed.with_label_values(&values).inc();
    }

    /// Acts on `outcome` for `delivery`, once, and counts what happened.
    pub async fn settle<D: Settle>(
        &self,
        queue: QueueName,
        delivery: &D,
        outcome: Outcome,
    ) -> Settled {
        let tag = delivery.delivery_tag();
        match outcome {
            Outcome::Ack(label) => match delivery.ack().await {
                Ok(true) => {
                    self.count(queue, label);
                    Settled::Acked
                }
                result => self.unsettled(queue, tag, "ack", result),
            },
            Outcome::DeadLetter(reason, detail) => {
                let source = self.topology.queue(queue);
                let properties =
                    dead_letter_properties(delivery.properties(), &source, reason, &detail);
                if let Err(error) = self
                    .dead_letters
                    .publish(queue, delivery.data(), properties)
                    .await
                {
                    // Not in the dead-letter queue: it must stay in its own.
                    let fault = anyhow::Error::new(error).context("dead-lettering");
                    return match delivery.requeue().await {
                        Ok(true) => {
                            tracing::warn!(message = "Could not dead-letter; requeued.", queue = %source, delivery_tag = tag, error = %format!("{fault:#}"));
                            self.count(queue, "requeued");
                            Settled::Requeued(fault)
                        }
                        result => self.unsettled(queue, tag, "nack", result),
                    };
                }
                self.plumbing
                    .dead_lettering(&source, reason.as_str(), &detail, tag);
                match delivery.ack().await {
                    Ok(true) => {
                        self.count(queue, "dead_lettered");
                        Settled::DeadLettered
                    }
                    result => self.unsettled(queue, tag, "ack", result),
                }
            }
            Outcome::Retry(fault) => match delivery.requeue().await {
                Ok(true) => {
                    tracing::warn!(message = "Requeued after a transient fault.", queue = %self.topology.queue(queue), delivery_tag = tag, error = %format!("{fault:#}"));
                    self.count(queue, "requeued");
                    Settled::Requeued(fault)
                }
                result => self.unsettled(queue, tag, "nack", result),
            },
        }
    }

    fn unsettled(
        &self,
        queue: QueueName,
        tag: u64,
        what: &str,
        result: Result<bool, lapin::Error>,
    ) -> Settled {
        let fault = match result {
            Ok(_) => anyhow::anyhow!("the channel is closed: the {what} was not sent"),
            Err(error) => anyhow::Error::new(error).context(format!("sending the {what}")),
        };
        tracing::warn!(message = "Delivery not settled; the broker will redeliver it.", queue = %self.topology.queue(queue), delivery_tag = tag, error = %format!("{fault:#}"));
        self.count(queue, "unsettled");
        Settled::Unsettled(fault)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::metrics::Registrar;

    /// A delivery that records what was done to it; `open` false plays a
    /// closed channel (lapin's `Ok(false)`).
    struct FakeDelivery {
        open: bool,
        calls: Mutex<Vec<&'static str>>,
        properties: BasicProperties,
    }

    impl FakeDelivery {
        fn new(open: bool) -> Self {
            Self {
                open,
                calls: Mutex::new(Vec::new()),
                properties: BasicProperties::default(),
            }
        }

        fn calls(&self) -> Vec<&'static str> {
            self.calls.lock().expect("calls").clone()
        }
    }

    impl Settle for FakeDelivery {
        fn delivery_tag(&self) -> u64 {
            7
        }
        fn data(&self) -> &[u8] {
            b"payload"
        }
        fn properties(&self) -> &BasicProperties {
            &self.properties
        }
        async fn ack(&self) -> Result<bool, lapin::Error> {
            self.calls.lock().expect("calls").push("ack");
            Ok(self.open)
        }
        async fn requeue(&self) -> Result<bool, lapin::Error> {
            self.calls.lock().expect("calls").push("requeue");
            Ok(self.open)
        }
    }

    /// A dead letter as the fake DLX received it: queue, bytes, reason.
    type Sent = (QueueName, Vec<u8>, Option<String>);

    #[derive(Default)]
    struct FakeDlx {
        fail: bool,
        sent: Mutex<Vec<Sent>>,
    }

    impl DeadLetters for FakeDlx {
        async fn publish(
            &self,
            queue: QueueName,
            data: &[u8],
            properties: BasicProperties,
        ) -> Result<(), PublishError> {
            if self.fail {
                return Err(PublishError::Nacked);
            }
            let reason = crate::amqp::header_string(&properties, "x-tidings-reason");
            self.sent
                .lock()
                .expect("sent")
                .push((queue, data.to_vec(), reason));
            Ok(())
        }
    }

    fn settler(fail_dlx: bool) -> (Settler<FakeDlx>, Registrar) {
        let registrar = Registrar::new("test");
        let plumbing = PlumbingMetrics::new(&registrar);
        let consumed = registrar.counter_vec("consumed_total", "Consumed.", &["outcome"]);
        let dlx = FakeDlx {
            fail: fail_dlx,
            ..FakeDlx::default()
        };
        (
            Settler::new(dlx, Topology::new("t"), plumbing, consumed),
            registrar,
        )
    }

    /// Every sample of the registry as `name{labels} value` lines.
    fn counted(registrar: &Registrar) -> Vec<String> {
        let mut lines = Vec::new();
        for family in registrar.registry().gather() {
            if !family.name().contains("consumed") && !family.name().contains("dead_letters") {
                continue;
            }
            for metric in family.get_metric() {
                let labels: Vec<String> = metric
                    .get_label()
                    .iter()
                    .map(|l| format!("{}={}", l.name(), l.value()))
                    .collect();
                let value = metric.get_counter().get_value();
                if value > 0.0 {
                    lines.push(format!("{}{{{}}} {value}", family.name(), labels.join(",")));
                }
            }
        }
        lines.sort();
        lines
    }

    const QUEUE: QueueName = QueueName::ExtractorArticles;

    #[tokio::test]
    async fn an_ack_is_sent_once_and_counted_once() {
        let (settler, registrar) = settler(false);
        let delivery = FakeDelivery::new(true);
        let settled = settler
            .settle(QUEUE, &delivery, Outcome::Ack("analyzed"))
            .await;
        assert!(matches!(settled, Settled::Acked));
        assert_eq!(delivery.calls(), ["ack"]);
        assert_eq!(
            counted(&registrar),
            ["tidings_test_consumed_total{outcome=analyzed} 1"]
        );
    }

    #[tokio::test]
    async fn a_dead_letter_is_published_then_acked_and_counted_once() {
        let (settler, registrar) = settler(false);
        let delivery = FakeDelivery::new(true);
        let outcome = Outcome::DeadLetter(DeadLetterReason::Empty, "no text".into());
        let settled = settler.settle(QUEUE, &delivery, outcome).await;
        assert!(matches!(settled, Settled::DeadLettered));
        assert_eq!(delivery.calls(), ["ack"]);
        let sent = settler.dead_letters.sent.lock().expect("sent").clone();
        assert_eq!(
            sent,
            [(QUEUE, b"payload".to_vec(), Some("empty".to_owned()))]
        );
        assert_eq!(
            counted(&registrar),
            [
                "tidings_test_consumed_total{outcome=dead_lettered} 1",
                "tidings_test_dead_letters_total{reason=empty} 1",
            ]
        );
    }

    #[tokio::test]
    async fn a_retry_is_nacked_once_and_ends_the_session() {
        let (settler, registrar) = settler(false);
        let delivery = FakeDelivery::new(true);
        let outcome = Outcome::Retry(anyhow::anyhow!("database restarting"));
        let settled = settler.settle(QUEUE, &delivery, outcome).await;
        assert_eq!(delivery.calls(), ["requeue"]);
        let fault = settled.into_fault().expect("a retry ends the session");
        assert!(fault.to_string().contains("database restarting"));
        assert_eq!(
            counted(&registrar),
            ["tidings_test_consumed_total{outcome=requeued} 1"]
        );
    }

    #[tokio::test]
    async fn an_ack_on_a_closed_channel_is_counted_as_not_acked() {
        let (settler, registrar) = settler(false);
        let delivery = FakeDelivery::new(false);
        let settled = settler
            .settle(QUEUE, &delivery, Outcome::Ack("analyzed"))
            .await;
        assert!(matches!(settled, Settled::Unsettled(_)));
        assert_eq!(delivery.calls(), ["ack"]);
        assert_eq!(
            counted(&registrar),
            ["tidings_test_consumed_total{outcome=unsettled} 1"]
        );
    }

    #[tokio::test]
    async fn a_dead_letter_that_cannot_be_published_stays_in_its_queue() {
        let (settler, registrar) = settler(true);
        let delivery = FakeDelivery::new(true);
        let outcome = Outcome::DeadLetter(DeadLetterReason::Undecodable, "garbage".into());
        let settled = settler.settle(QUEUE, &delivery, outcome).await;
        assert!(matches!(settled, Settled::Requeued(_)));
        assert_eq!(delivery.calls(), ["requeue"]);
        assert_eq!(
            counted(&registrar),
            ["tidings_test_consumed_total{outcome=requeued} 1"]
        );
    }

    #[tokio::test]
    async fn labels_before_the_outcome_come_from_the_queue() {
        let registrar = Registrar::new("plumbing");
        let registrar2 = Registrar::new("labelled");
        let consumed =
            registrar2.counter_vec("consumed_total", "Consumed.", &["event_type", "outcome"]);
        let settler = Settler::new(
            FakeDlx::default(),
            Topology::new("t"),
            PlumbingMetrics::new(&registrar),
            consumed,
        )
        .with_labels(|queue| match queue {
            QueueName::ProjectorArticles => &["ArticleFetched"],
            _ => &["ArticleAnalyzed"],
        });
        let delivery = FakeDelivery::new(true);
        settler
            .settle(
                QueueName::ProjectorArticles,
                &delivery,
                Outcome::Ack("projected"),
            )
            .await;
        assert_eq!(
            counted(&registrar2),
            ["tidings_labelled_consumed_total{event_type=ArticleFetched,outcome=projected} 1"]
        );
    }
}
