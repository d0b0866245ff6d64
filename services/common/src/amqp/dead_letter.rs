//! Why a message is dead-lettered: a bounded set of reasons, carried in the
//! `x-tidings-reason` header beside the original bytes and properties, with
//! the error text in `x-tidings-error`.

use lapin::BasicProperties;
use lapin::types::{AMQPValue, LongString};

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
    /// The message's type is not one this consumer knows.
    UnknownType,
    /// Delivered as many times as the queue allows, less one: something
    /// kills its consumer each time, so the service sets it aside itself
    /// while it can still say why.
    RedeliveredTooOften,
    /// Its analysis ran past the time budget.
    TooSlow,
}

impl DeadLetterReason {
    /// Every reason, so that each counter series exists (at 0) from the start.
    pub const ALL: [DeadLetterReason; 9] = [
        DeadLetterReason::Undecodable,
        DeadLetterReason::Empty,
        DeadLetterReason::Oversized,
        DeadLetterReason::InvalidText,
        DeadLetterReason::Invalid,
        DeadLetterReason::ProcessingFailed,
        DeadLetterReason::UnknownType,
        DeadLetterReason::RedeliveredTooOften,
        DeadLetterReason::TooSlow,
    ];

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
            DeadLetterReason::UnknownType => "unknown_type",
            DeadLetterReason::RedeliveredTooOften => "redelivered_too_often",
            DeadLetterReason::TooSlow => "too_slow",
        }
    }
}

/// The original properties plus the reason, the error and the queue it
/// came from; persistent.
pub fn dead_letter_properties(
    original: &BasicProperties,
    source_queue: &str,
    reason: DeadLetterReason,
    detail: &str,
) -> BasicProperties {
    let mut headers = original.headers().clone().unwrap_or_default();
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
        AMQPValue::LongString(LongString::from(source_queue)),
    );
    original.clone().with_headers(headers).with_delivery_mode(2)
}
