//! Dead-lettering with a reason: the original bytes and properties go to
//! `<queue>.dead` with `x-tidings-reason` and `x-tidings-error` headers, the
//! publish is confirmed, and only then is the original acked. Nothing is lost.

use lapin::message::Delivery;
use lapin::options::BasicAckOptions;
use lapin::types::{AMQPValue, LongString};

use super::{PublishError, Publisher, QueueName, Topology};

/// Bounded set of reasons (they are a metric label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadLetterReason {
    /// The bytes are not the expected protobuf message.
    Undecodable,
    /// The article has no text.
    Empty,
    /// The article is larger than the service accepts.
    Oversized,
    /// The text is not valid UTF-8.
    InvalidText,
    /// The message decoded but its content is unusable.
    Invalid,
    /// Processing failed for a reason that retrying will not fix.
    ProcessingFailed,
}

impl DeadLetterReason {
    /// The reason for a message that did not decode: text that is not
    /// UTF-8 (prost refuses such strings) or anything else undecodable.
    pub fn of_decode_error(error: &tidings_proto::DecodeError) -> Self {
        if error.to_string().contains("UTF-8") {
            DeadLetterReason::InvalidText
        } else {
            DeadLetterReason::Undecodable
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DeadLetterReason::Undecodable => "undecodable",
            DeadLetterReason::Empty => "empty",
            DeadLetterReason::Oversized => "oversized",
            DeadLetterReason::InvalidText => "invalid_text",
            DeadLetterReason::Invalid => "invalid",
            DeadLetterReason::ProcessingFailed => "processing_failed",
        }
    }
}

/// Moves `delivery` to the dead-letter queue of `queue` and acks it.
pub async fn dead_letter(
    publisher: &Publisher,
    topology: &Topology,
    queue: QueueName,
    delivery: &Delivery,
    reason: DeadLetterReason,
    detail: &str,
) -> Result<(), PublishError> {
    let mut headers = delivery.properties.headers().clone().unwrap_or_default();
    headers.insert(
        "x-tidings-reason".into(),
        AMQPValue::LongString(LongString::from(reason.as_str())),
    );
    let detail: String = detail.chars().take(1000).collect();
    headers.insert(
        "x-tidings-error".into(),
        AMQPValue::LongString(LongString::from(detail.as_str())),
    );
    headers.insert(
        "x-tidings-source-queue".into(),
        AMQPValue::LongString(LongString::from(topology.queue(queue).as_str())),
    );
    let properties = delivery
        .properties
        .clone()
        .with_headers(headers)
        .with_delivery_mode(2);
    publisher
        .publish_raw(
            &topology.dead_letter_exchange(),
            &topology.dead_queue(queue),
            &delivery.data,
            properties,
        )
        .await?;
    delivery.ack(BasicAckOptions::default()).await?;
    Ok(())
}
