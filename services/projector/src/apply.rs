//! One event: append it to the store and, if it is new, project it — in
//! the caller's transaction, so an article is never half-projected.

use prost::Message;
use tidings_proto::{ArticleAnalyzed, DecodeError, RawArticle, WireMessage, decode};
use tokio_postgres::GenericClient;

use crate::projection::{self, Applied};
use crate::store::{self, Appended, NewEvent};

/// A decoded event of either type.
#[derive(Debug, Clone)]
pub enum Incoming {
    Fetched(RawArticle),
    Analyzed(ArticleAnalyzed),
}

/// What applying an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Projected,
    Duplicate,
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
    /// Decodes an event by its stored or AMQP type name.
    pub fn decode(
        event_type: &str,
        type_name: Option<&str>,
        bytes: &[u8],
    ) -> Result<Self, DecodeError> {
        if event_type == RawArticle::EVENT_TYPE {
            decode::<RawArticle>(type_name, bytes).map(Incoming::Fetched)
        } else {
            decode::<ArticleAnalyzed>(type_name, bytes).map(Incoming::Analyzed)
        }
    }

    pub fn event_type(&self) -> &'static str {
        match self {
            Incoming::Fetched(_) => RawArticle::EVENT_TYPE,
            Incoming::Analyzed(_) => ArticleAnalyzed::EVENT_TYPE,
        }
    }

    pub fn event_id(&self) -> &str {
        match self {
            Incoming::Fetched(m) => m.event_id(),
            Incoming::Analyzed(m) => m.event_id(),
        }
    }

    pub fn stream_id(&self) -> &str {
        match self {
            Incoming::Fetched(m) => m.stream_id(),
            Incoming::Analyzed(m) => m.stream_id(),
        }
    }

    fn encode(&self) -> Vec<u8> {
        match self {
            Incoming::Fetched(m) => m.encode_to_vec(),
            Incoming::Analyzed(m) => m.encode_to_vec(),
        }
    }
}

/// Projects an event without storing it (used by rebuild).
pub async fn project<C: GenericClient>(
    client: &C,
    event: &Incoming,
) -> Result<Outcome, tokio_postgres::Error> {
    match event {
        Incoming::Fetched(article) => {
            projection::apply_fetched(client, article).await?;
            Ok(Outcome::Projected)
        }
        Incoming::Analyzed(analysis) => {
            Ok(match projection::apply_analyzed(client, analysis).await? {
                Applied::Projected => Outcome::Projected,
                Applied::Superseded => Outcome::Superseded,
            })
        }
    }
}

/// Appends `event` (with `metadata`) and projects it when it is new.
pub async fn append_and_project<C: GenericClient>(
    client: &C,
    event: &Incoming,
    metadata: serde_json::Value,
) -> Result<Outcome, tokio_postgres::Error> {
    let payload = event.encode();
    let appended = store::append(
        client,
        &NewEvent {
            event_id: event.event_id(),
            stream_id: event.stream_id(),
            event_type: event.event_type(),
            schema_version: 1,
            payload: &payload,
            metadata,
        },
    )
    .await?;
    match appended {
        Appended::Duplicate => Ok(Outcome::Duplicate),
        Appended::New(_) => project(client, event).await,
    }
}
