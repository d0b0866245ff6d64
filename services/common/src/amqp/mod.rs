//! RabbitMQ plumbing: connecting, the topology, publishing with confirms,
//! the consume loops, and settling each delivery (ack, dead-letter with a
//! reason, or requeue) in one place.

mod consumer;
mod dead_letter;
mod publisher;
mod settle;
mod topology;

use std::time::Duration;

use lapin::{Connection, ConnectionProperties};

pub use consumer::{
    BatchHandler, BatchPolicy, Handler, Subscription, consume_batches, consume_each,
};
pub use dead_letter::{DeadLetterReason, dead_letter_properties};
pub use publisher::{CONFIRM_TIMEOUT, PublishError, PublishWindow, Publisher, message_properties};
pub use settle::{DeadLetters, DlxPublisher, Outcome, Settle, Settled, Settler};
pub use topology::{BACKFILL_ROUTING_KEY, QueueName, Topology};

/// How long a connection attempt may take before it counts as failed
/// (lapin's own connect can wait for a long time when the broker is down).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Errors of the AMQP layer. All of them are transient from the point of
/// view of a service: the supervisor reconnects and tries again.
#[derive(Debug, thiserror::Error)]
pub enum AmqpError {
    #[error("connecting to the broker timed out after {0:?}")]
    ConnectTimeout(Duration),
    #[error("broker error: {0}")]
    Broker(#[from] lapin::Error),
}

/// Opens a connection named after the service (it shows in the management UI).
pub async fn connect(url: &str, service: &str) -> Result<Connection, AmqpError> {
    let properties =
        ConnectionProperties::default().with_connection_name(format!("tidings-{service}").into());
    match tokio::time::timeout(CONNECT_TIMEOUT, Connection::connect(url, properties)).await {
        Ok(connection) => Ok(connection?),
        Err(_) => Err(AmqpError::ConnectTimeout(CONNECT_TIMEOUT)),
    }
}

/// Connects, declares the whole topology, and opens a confirm-mode
/// publisher on `exchange`: the start of every service's broker session.
pub async fn open(
    url: &str,
    service: &str,
    topology: &Topology,
    exchange: String,
) -> Result<(Connection, Publisher), AmqpError> {
    let connection = connect(url, service).await?;
    topology
        .declare(&connection.create_channel().await?)
        .await?;
    let publisher = Publisher::new(&connection, exchange).await?;
    Ok((connection, publisher))
}

/// The AMQP `type` property of a message, if set.
pub fn message_type(properties: &lapin::BasicProperties) -> Option<&str> {
    properties.kind().as_ref().map(|kind| kind.as_str())
}

/// The `x-tidings-reason` header of a delivery, if it carries one.
pub fn header_string(properties: &lapin::BasicProperties, name: &str) -> Option<String> {
    let headers = properties.headers().as_ref()?;
    match headers.inner().get(name)? {
        lapin::types::AMQPValue::LongString(value) => Some(value.to_string()),
        lapin::types::AMQPValue::ShortString(value) => Some(value.as_str().to_owned()),
        _ => None,
    }
}
