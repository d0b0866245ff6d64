//! Events as the projector receives them: the exact bytes, their type and
//! contract version, and the decoded message. A batch of them is appended
//! to the store and the new ones projected in the caller's transaction
//! ([`apply_batch`]), so an article is never half-projected.

use deadpool_postgres::Transaction;
use tidings_proto::{ArticleAnalyzed, DecodeError, RawArticle, WireMessage, decode};

use crate::projection;
use crate::store::{self, NewEvent};

/// A decoded message of either type.
#[derive(Debug, Clone)]
pub enum Message {
    Fetched(RawArticle),
    Analyzed(ArticleAnalyzed),
}

/// One event: the bytes as received (stored as they are, so a field a
/// newer producer added survives replay), and what they decode to.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub bytes: Vec<u8>,
    pub schema_version: i32,
    pub message: Message,
}

/// Why a message is not an event the projector knows.
#[derive(Debug, thiserror::Error)]
pub enum IncomingError {
    #[error("unknown message type {0:?}")]
    UnknownType(String),
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

/// What applying an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Projected,
    /// An event with this id was stored before.
    Duplicate,
    /// A newer analysis of the article is projected already.
    Superseded,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Projected => "projected",
            Outcome::Duplicate => "duplicate",
            Outcome::Superseded => "superseded",
        }
    }
}

impl Incoming {
    /// Decodes a message by its AMQP type name (or, without one, the type
    /// the queue carries). An unknown type is an error of its own.
    pub fn from_delivery(
        type_name: Option<&str>,
        queue_type: &'static str,
        bytes: &[u8],
    ) -> Result<Self, IncomingError> {
        let type_name = type_name.unwrap_or(queue_type);
        let message = match type_name {
            RawArticle::TYPE_NAME => Message::Fetched(decode(Some(type_name), bytes)?),
            ArticleAnalyzed::TYPE_NAME => Message::Analyzed(decode(Some(type_name), bytes)?),
            other => return Err(IncomingError::UnknownType(other.to_owned())),
        };
        Ok(Self {
            bytes: bytes.to_vec(),
            schema_version: tidings_proto::schema_version(type_name).unwrap_or(1),
            message,
        })
    }

    /// Decodes a stored event by its event type.
    pub fn from_store(
        event_type: &str,
        schema_version: i32,
        bytes: &[u8],
    ) -> Result<Self, IncomingError> {
        let type_name = match event_type {
            RawArticle::EVENT_TYPE => RawArticle::TYPE_NAME,
            ArticleAnalyzed::EVENT_TYPE => ArticleAnalyzed::TYPE_NAME,
            other => return Err(IncomingError::UnknownType(other.to_owned())),
        };
        let mut event = Self::from_delivery(Some(type_name), type_name, bytes)?;
        event.schema_version = schema_version;
        Ok(event)
    }

    pub fn event_type(&self) -> &'static str {
        match &self.message {
            Message::Fetched(_) => RawArticle::EVENT_TYPE,
            Message::Analyzed(_) => ArticleAnalyzed::EVENT_TYPE,
        }
    }

    pub fn event_id(&self) -> &str {
        match &self.message {
            Message::Fetched(m) => m.event_id(),
            Message::Analyzed(m) => m.event_id(),
        }
    }

    pub fn stream_id(&self) -> &str {
        match &self.message {
            Message::Fetched(m) => m.stream_id(),
            Message::Analyzed(m) => m.stream_id(),
        }
    }
}

/// Appends `events` (with their metadata) and projects the new ones, in
/// `transaction`. One outcome per event, in order.
pub async fn apply_batch(
    transaction: &Transaction<'_>,
    events: &[(&Incoming, serde_json::Value)],
) -> Result<Vec<Outcome>, tokio_postgres::Error> {
    // A rebuild waits for this transaction before it reads a watermark.
    crate::rebuild::hold_shared(transaction).await?;
    let new_events: Vec<NewEvent<'_>> = events
        .iter()
        .map(|(event, metadata)| NewEvent {
            event_id: event.event_id(),
            stream_id: event.stream_id(),
            event_type: event.event_type(),
            schema_version: event.schema_version,
            payload: &event.bytes,
            metadata: metadata.clone(),
        })
        .collect();
    let appended = store::append_batch(transaction, &new_events).await?;
    // The first copy of an id in the batch is the new one; later copies
    // (a redelivery in the same batch) are duplicates.
    let mut taken = std::collections::HashSet::new();
    let fresh: Vec<bool> = events
        .iter()
        .map(|(event, _)| appended.contains(event.event_id()) && taken.insert(event.event_id()))
        .collect();
    let to_project: Vec<&Incoming> = events
        .iter()
        .zip(&fresh)
        .filter(|(_, fresh)| **fresh)
        .map(|((event, _), _)| *event)
        .collect();
    let projected = projection::project(transaction, &to_project).await?;
    let mut projected = projected.into_iter();
    Ok(fresh
        .iter()
        .map(|fresh| {
            if *fresh {
                projected.next().unwrap_or(Outcome::Projected)
            } else {
                Outcome::Duplicate
            }
        })
        .collect())
}
