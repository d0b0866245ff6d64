//! The consume loops every consumer shares: subscribe to queues with the
//! prefetch the topology gives, hand deliveries to the service's handler
//! (one by one with bounded concurrency, or in batches), and settle each
//! delivery exactly once through the [`Settler`].
//!
//! A session ends `Ok` when `shutdown` is cancelled (in-flight work is
//! finished and settled first), and `Err` on a broker fault, a consumer
//! cancelled by the broker, or a handler's [`Outcome::Retry`]: the
//! supervisor then reconnects and unacked messages are redelivered.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::{BoxStream, SelectAll};
use lapin::Connection;
use lapin::message::Delivery;
use lapin::options::{BasicConsumeOptions, BasicQosOptions};
use lapin::types::FieldTable;
use tokio::sync::{Semaphore, mpsc};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::settle::{DeadLetters, Outcome, Settler};
use super::topology::DELIVERY_LIMIT;
use super::{DeadLetterReason, QueueName, Topology};

type Incoming = (QueueName, Result<Delivery, lapin::Error>);

/// Deliveries from one or more queues, merged.
pub struct Subscription {
    deliveries: SelectAll<BoxStream<'static, Incoming>>,
}

impl Subscription {
    /// Consumes `queues` on `connection`, one channel each, with the
    /// prefetch [`Topology::prefetch`] gives for `work_units`.
    pub async fn open(
        connection: &Connection,
        topology: &Topology,
        queues: &[QueueName],
        work_units: usize,
        consumer_tag: &str,
    ) -> Result<Self, lapin::Error> {
        let mut streams = Vec::with_capacity(queues.len());
        for &queue in queues {
            let channel = connection.create_channel().await?;
            channel
                .basic_qos(
                    Topology::prefetch(queue, work_units),
                    BasicQosOptions::default(),
                )
                .await?;
            let consumer = channel
                .basic_consume(
                    topology.queue(queue).into(),
                    consumer_tag.into(),
                    BasicConsumeOptions::default(),
                    FieldTable::default(),
                )
                .await?;
            streams.push(consumer.map(move |delivery| (queue, delivery)).boxed());
        }
        Ok(Self {
            deliveries: futures_util::stream::select_all(streams),
        })
    }

    /// The next delivery; `Err` when the broker cancelled the consumers or
    /// the channel failed.
    async fn next(&mut self) -> anyhow::Result<(QueueName, Delivery)> {
        match self.deliveries.next().await {
            Some((queue, Ok(delivery))) => Ok((queue, delivery)),
            Some((_, Err(error))) => Err(anyhow::Error::new(error).context("consuming")),
            None => Err(anyhow::anyhow!(
                "the consumers were cancelled by the broker"
            )),
        }
    }
}

/// How many times the broker has delivered this message before
/// (`x-delivery-count`, set by quorum queues on redelivery).
pub fn delivery_count(delivery: &Delivery) -> i64 {
    let Some(headers) = delivery.properties.headers().as_ref() else {
        return 0;
    };
    match headers.inner().get("x-delivery-count") {
        Some(lapin::types::AMQPValue::LongLongInt(n)) => *n,
        Some(lapin::types::AMQPValue::LongInt(n)) => i64::from(*n),
        Some(lapin::types::AMQPValue::ShortInt(n)) => i64::from(*n),
        Some(lapin::types::AMQPValue::LongUInt(n)) => i64::from(*n),
        _ => 0,
    }
}

/// A message delivered as often as the queue allows, less one: something
/// kills its consumer each time. The service dead-letters it itself, with
/// a reason, before the broker drops it without one.
fn redelivered_too_often(delivery: &Delivery) -> Option<Outcome> {
    let count = delivery_count(delivery);
    (count >= DELIVERY_LIMIT - 1).then(|| {
        Outcome::DeadLetter(
            DeadLetterReason::RedeliveredTooOften,
            format!("delivered {} times", count + 1),
        )
    })
}

/// Handles one delivery at a time.
pub trait Handler: Send + Sync + 'static {
    fn handle(&self, queue: QueueName, delivery: &Delivery)
    -> impl Future<Output = Outcome> + Send;
}

/// Handles a batch of deliveries together (one transaction).
pub trait BatchHandler {
    /// One outcome per delivery, in order.
    fn handle(&self, batch: &[(QueueName, Delivery)]) -> impl Future<Output = Vec<Outcome>> + Send;
}

/// How batches fill: up to `size` deliveries or `max_bytes` of payload,
/// waiting at most `wait` after the first; `concurrency` batches at once.
#[derive(Debug, Clone, Copy)]
pub struct BatchPolicy {
    pub size: usize,
    pub max_bytes: usize,
    pub wait: Duration,
    pub concurrency: usize,
}

/// Runs `handler` on each delivery, at most `concurrency` at once, and
/// settles each as it finishes.
pub async fn consume_each<H, P>(
    mut subscription: Subscription,
    settler: Arc<Settler<P>>,
    concurrency: usize,
    shutdown: &CancellationToken,
    handler: Arc<H>,
) -> anyhow::Result<()>
where
    H: Handler,
    P: DeadLetters + 'static,
{
    let permits = Arc::new(Semaphore::new(concurrency.max(1)));
    let tracker = TaskTracker::new();
    let (fault_tx, mut fault_rx) = mpsc::channel::<anyhow::Error>(1);
    let failure = loop {
        tokio::select! {
            () = shutdown.cancelled() => break None,
            Some(fault) = fault_rx.recv() => break Some(fault),
            next = subscription.next() => match next {
                Err(fault) => break Some(fault),
                Ok((queue, delivery)) => {
                    let permit = permits.clone().acquire_owned().await?;
                    let handler = handler.clone();
                    let settler = settler.clone();
                    let fault_tx = fault_tx.clone();
                    tracker.spawn(async move {
                        let _permit = permit;
                        let outcome = match redelivered_too_often(&delivery) {
                            Some(outcome) => outcome,
                            None => handler.handle(queue, &delivery).await,
                        };
                        if let Some(fault) = settler.settle(queue, &delivery, outcome).await.into_fault() {
                            // The first fault ends the session; later ones say the same.
                            let _ = fault_tx.try_send(fault);
                        }
                    });
                }
            }
        }
    };
    end_session(tracker, failure, fault_rx, shutdown).await
}

/// Ends a consume session: finishes and settles what is in flight, then
/// reports the first fault, unless the session ended because of shutdown.
async fn end_session(
    tracker: TaskTracker,
    failure: Option<anyhow::Error>,
    mut fault_rx: mpsc::Receiver<anyhow::Error>,
    shutdown: &CancellationToken,
) -> anyhow::Result<()> {
    tracker.close();
    tracker.wait().await;
    match failure.or_else(|| fault_rx.try_recv().ok()) {
        Some(fault) if !shutdown.is_cancelled() => Err(fault),
        Some(fault) => {
            tracing::info!(message = "Session ended during shutdown.", error = %format!("{fault:#}"));
            Ok(())
        }
        None => Ok(()),
    }
}

/// Collects batches by `policy` (count, bytes, time), runs `handler` on up
/// to `policy.concurrency` of them at once (the next batch fills while one
/// commits), and settles every delivery of a batch once, after its
/// handler returns.
pub async fn consume_batches<H, P>(
    mut subscription: Subscription,
    settler: Arc<Settler<P>>,
    policy: BatchPolicy,
    shutdown: &CancellationToken,
    handler: Arc<H>,
) -> anyhow::Result<()>
where
    H: BatchHandler + Send + Sync + 'static,
    P: DeadLetters + 'static,
{
    let size = policy.size.max(1);
    let permits = Arc::new(Semaphore::new(policy.concurrency.max(1)));
    let tracker = TaskTracker::new();
    let (fault_tx, mut fault_rx) = mpsc::channel::<anyhow::Error>(1);
    let failure = 'sessions: loop {
        let first = tokio::select! {
            () = shutdown.cancelled() => break None,
            Some(fault) = fault_rx.recv() => break Some(fault),
            next = subscription.next() => match next {
                Ok(item) => item,
                Err(fault) => break Some(fault),
            },
        };
        let mut bytes = first.1.data.len();
        let mut batch = Vec::with_capacity(size);
        batch.push(first);
        let mut ended = None;
        let deadline = tokio::time::sleep(policy.wait);
        tokio::pin!(deadline);
        while batch.len() < size && bytes < policy.max_bytes {
            tokio::select! {
                biased;
                next = subscription.next() => match next {
                    Ok(item) => {
                        bytes += item.1.data.len();
                        batch.push(item);
                    }
                    Err(fault) => {
                        ended = Some(fault);
                        break;
                    }
                },
                () = &mut deadline => break,
            }
        }
        let permit = permits.clone().acquire_owned().await?;
        let settler = settler.clone();
        let handler = handler.clone();
        let fault_tx = fault_tx.clone();
        tracker.spawn(async move {
            let _permit = permit;
            if let Some(fault) = process_batch(&settler, &*handler, batch).await {
                let _ = fault_tx.try_send(fault);
            }
        });
        if let Some(fault) = ended {
            break 'sessions Some(fault);
        }
    };
    end_session(tracker, failure, fault_rx, shutdown).await
}

/// Handles one batch and settles each of its deliveries; returns the first
/// fault that must end the session.
async fn process_batch<H, P>(
    settler: &Settler<P>,
    handler: &H,
    batch: Vec<(QueueName, Delivery)>,
) -> Option<anyhow::Error>
where
    H: BatchHandler,
    P: DeadLetters,
{
    // Messages past their delivery budget are set aside first.
    let mut fault = None;
    let mut kept = Vec::with_capacity(batch.len());
    for (queue, delivery) in batch {
        match redelivered_too_often(&delivery) {
            Some(outcome) => {
                if let Some(error) = settler.settle(queue, &delivery, outcome).await.into_fault() {
                    fault.get_or_insert(error);
                }
            }
            None => kept.push((queue, delivery)),
        }
    }
    let batch = kept;
    let mut outcomes = if batch.is_empty() {
        Vec::new().into_iter()
    } else {
        handler.handle(&batch).await.into_iter()
    };
    for (queue, delivery) in &batch {
        // A handler that gave too few outcomes leaves nothing unsettled.
        let outcome = outcomes.next().unwrap_or_else(|| {
            Outcome::Retry(anyhow::anyhow!("the batch handler gave no outcome"))
        });
        if let Some(error) = settler.settle(*queue, delivery, outcome).await.into_fault() {
            fault.get_or_insert(error);
        }
    }
    fault
}
