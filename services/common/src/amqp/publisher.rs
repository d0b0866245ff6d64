//! Publishing with publisher confirms and `mandatory`: a message counts as
//! sent only when the broker has confirmed it and routed it to a queue.

use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Connection};
use tidings_proto::{CONTENT_TYPE, WireMessage};

/// Why a publish did not go through.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("broker error while publishing: {0}")]
    Broker(#[from] lapin::Error),
    #[error("broker nacked the message")]
    Nacked,
    #[error("message was returned as unroutable: {0}")]
    Returned(String),
}

/// A confirm-mode channel bound to one exchange.
#[derive(Clone)]
pub struct Publisher {
    channel: Channel,
    exchange: String,
}

impl Publisher {
    /// Opens a channel on `connection` and puts it in confirm mode.
    pub async fn new(connection: &Connection, exchange: String) -> Result<Self, lapin::Error> {
        let channel = connection.create_channel().await?;
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await?;
        Ok(Self { channel, exchange })
    }

    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    /// Publishes `message` persistently and waits for the broker's confirm.
    pub async fn publish<M: WireMessage>(&self, message: &M) -> Result<(), PublishError> {
        let payload = message.encode_to_vec();
        let properties = message_properties::<M>(message.event_id());
        self.publish_raw(&self.exchange, M::ROUTING_KEY, &payload, properties)
            .await
    }

    /// Publishes bytes with the given properties and waits for the confirm.
    pub async fn publish_raw(
        &self,
        exchange: &str,
        routing_key: &str,
        payload: &[u8],
        properties: BasicProperties,
    ) -> Result<(), PublishError> {
        let confirm = self
            .channel
            .basic_publish(
                ShortString::from(exchange),
                ShortString::from(routing_key),
                BasicPublishOptions {
                    mandatory: true,
                    ..BasicPublishOptions::default()
                },
                payload,
                properties,
            )
            .await?
            .await?;
        if confirm.is_nack() {
            return Err(PublishError::Nacked);
        }
        if let Some(returned) = confirm.take_message() {
            return Err(PublishError::Returned(format!(
                "{} {}",
                returned.reply_code, returned.reply_text
            )));
        }
        Ok(())
    }
}

/// Properties of a contract message: persistent, typed, with its event id.
pub fn message_properties<M: WireMessage>(event_id: &str) -> BasicProperties {
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let mut headers = FieldTable::default();
    headers.insert(
        "x-tidings-schema".into(),
        AMQPValue::LongString(LongString::from(M::TYPE_NAME)),
    );
    BasicProperties::default()
        .with_content_type(CONTENT_TYPE.into())
        .with_type(M::TYPE_NAME.into())
        .with_message_id(event_id.into())
        .with_delivery_mode(2)
        .with_timestamp(timestamp)
        .with_headers(headers)
}
