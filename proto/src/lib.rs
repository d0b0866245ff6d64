//! The wire contract of tidings.
//!
//! The `.proto` files under `proto/tidings/` are the source of truth; the
//! Rust types are generated at build time. This crate adds the routing keys,
//! AMQP type names and a decoder that never panics.

/// Version 1 of the contract.
pub mod v1 {
    include!(concat!(env!("OUT_DIR"), "/tidings.v1.rs"));
}

pub use v1::{ArticleAnalyzed, RawArticle};

/// Content type set on every message.
pub const CONTENT_TYPE: &str = "application/x-protobuf";

/// A message type that travels on one routing key.
pub trait WireMessage: prost::Message + Default + Sized {
    /// Routing key the message is published with.
    const ROUTING_KEY: &'static str;
    /// Fully qualified protobuf name, sent as the AMQP `type` property.
    const TYPE_NAME: &'static str;
    /// Past-tense event name stored in the event store.
    const EVENT_TYPE: &'static str;

    /// The id of the event this message carries (`message_id`).
    fn event_id(&self) -> &str;
    /// The stream (article) the event belongs to.
    fn stream_id(&self) -> &str;
}

impl WireMessage for RawArticle {
    const ROUTING_KEY: &'static str = "article.raw.v1";
    const TYPE_NAME: &'static str = "tidings.v1.RawArticle";
    const EVENT_TYPE: &'static str = "ArticleFetched";

    fn event_id(&self) -> &str {
        &self.event_id
    }
    fn stream_id(&self) -> &str {
        &self.article_id
    }
}

impl WireMessage for ArticleAnalyzed {
    const ROUTING_KEY: &'static str = "article.analyzed.v1";
    const TYPE_NAME: &'static str = "tidings.v1.ArticleAnalyzed";
    const EVENT_TYPE: &'static str = "ArticleAnalyzed";

    fn event_id(&self) -> &str {
        &self.event_id
    }
    fn stream_id(&self) -> &str {
        &self.article_id
    }
}

/// The contract version of a fully qualified type name
/// (`tidings.v1.RawArticle` → 1), or `None` when it is not ours.
pub fn schema_version(type_name: &str) -> Option<i32> {
    let rest = type_name.strip_prefix("tidings.v")?;
    let (version, _) = rest.split_once('.')?;
    version.parse().ok()
}

/// Why bytes could not be turned into a message.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("expected message type {expected}, got {got:?}")]
    WrongType { expected: &'static str, got: String },
    #[error("payload is not a valid {type_name}: {source}")]
    Malformed {
        type_name: &'static str,
        #[source]
        source: prost::DecodeError,
    },
    #[error("{type_name}.{field} is missing or empty")]
    MissingField {
        type_name: &'static str,
        field: &'static str,
    },
}

/// Decodes a message, checking the AMQP `type` property when present and
/// that the event and stream ids are set. Never panics.
pub fn decode<M: WireMessage>(type_name: Option<&str>, bytes: &[u8]) -> Result<M, DecodeError> {
    if let Some(got) = type_name
        && got != M::TYPE_NAME
    {
        return Err(DecodeError::WrongType {
            expected: M::TYPE_NAME,
            got: got.to_owned(),
        });
    }
    let message = M::decode(bytes).map_err(|source| DecodeError::Malformed {
        type_name: M::TYPE_NAME,
        source,
    })?;
    if message.event_id().is_empty() {
        return Err(DecodeError::MissingField {
            type_name: M::TYPE_NAME,
            field: "event_id",
        });
    }
    if message.stream_id().is_empty() {
        return Err(DecodeError::MissingField {
            type_name: M::TYPE_NAME,
            field: "article_id",
        });
    }
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message;

    #[test]
    fn round_trips_a_raw_article() {
        let article = RawArticle {
            event_id: "e1".into(),
            article_id: "a1".into(),
            body: "Text".into(),
            ..Default::default()
        };
        let bytes = article.encode_to_vec();
        let back: RawArticle = decode(Some(RawArticle::TYPE_NAME), &bytes).expect("decodes");
        assert_eq!(back, article);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b"\xff\xff\xff\xff"[..],
            b"\x0a\xff\x01",
            b"not protobuf at all",
        ] {
            assert!(decode::<RawArticle>(None, bytes).is_err());
            assert!(decode::<ArticleAnalyzed>(None, bytes).is_err());
        }
    }

    #[test]
    fn wrong_type_property_is_rejected() {
        let bytes = RawArticle::default().encode_to_vec();
        let err =
            decode::<ArticleAnalyzed>(Some(RawArticle::TYPE_NAME), &bytes).expect_err("wrong type");
        assert!(matches!(err, DecodeError::WrongType { .. }));
    }

    #[test]
    fn schema_versions_come_from_type_names() {
        assert_eq!(schema_version(RawArticle::TYPE_NAME), Some(1));
        assert_eq!(schema_version("tidings.v2.Other"), Some(2));
        assert_eq!(schema_version("other.v1.Thing"), None);
    }

    #[test]
    fn empty_ids_are_rejected() {
        let err = decode::<RawArticle>(None, &[]).expect_err("empty ids");
        assert!(matches!(
            err,
            DecodeError::MissingField {
                field: "event_id",
                ..
            }
        ));
    }
}
