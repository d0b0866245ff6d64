//! Publishing with publisher confirms and `mandatory`: a message counts as
//! sent only when the broker has confirmed it and routed it to a queue.

use std::collections::VecDeque;
use std::time::Duration;

use lapin::PublisherConfirm;
use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Connection};
use tidings_proto::{CONTENT_TYPE, WireMessage};

/// How long the broker may take to confirm a message before the publish
/// counts as failed (a stuck broker must not hang a service).
pub const CONFIRM_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a publish did not go through.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("broker error while publishing: {0}")]
    Broker(#[from] lapin::Error),
    #[error("broker nacked the message")]
    Nacked,
    #[error("message was returned as unroutable: {0}")]
    Returned(String),
    #[error("the broker did not confirm the message within {0:?}")]
    ConfirmTimeout(Duration),
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
        let mut window = self.window(1);
        window.send(message).await?;
        window.flush().await
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
            .send_raw(exchange, routing_key, payload, properties)
            .await?;
        settle_confirm(confirm).await
    }

    /// Sends a message without waiting for its confirm.
    async fn send_raw(
        &self,
        exchange: &str,
        routing_key: &str,
        payload: &[u8],
        properties: BasicProperties,
    ) -> Result<PublisherConfirm, PublishError> {
        Ok(self
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
            .await?)
    }

    /// A window of up to `size` messages awaiting their confirms: many
    /// messages in flight at once, each still confirmed before it counts.
    pub fn window(&self, size: usize) -> PublishWindow<'_> {
        PublishWindow {
            publisher: self,
            pending: VecDeque::new(),
            size: size.max(1),
            confirmed: 0,
        }
    }
}

/// Waits (at most [`CONFIRM_TIMEOUT`]) for a confirm; a nack or a return is
/// an error.
async fn settle_confirm(confirm: PublisherConfirm) -> Result<(), PublishError> {
    let confirm = tokio::time::timeout(CONFIRM_TIMEOUT, confirm)
        .await
        .map_err(|_| PublishError::ConfirmTimeout(CONFIRM_TIMEOUT))??;
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

/// Pipelined publishing: messages go out without waiting, and their
/// confirms are collected in order once the window is full, or at
/// [`PublishWindow::flush`].
pub struct PublishWindow<'a> {
    publisher: &'a Publisher,
    pending: VecDeque<PublisherConfirm>,
    size: usize,
    confirmed: usize,
}

impl PublishWindow<'_> {
    /// Sends `message`; waits for the oldest confirm first if the window
    /// is full.
    pub async fn send<M: WireMessage>(&mut self, message: &M) -> Result<(), PublishError> {
        if self.pending.len() >= self.size
            && let Some(oldest) = self.pending.pop_front()
        {
            settle_confirm(oldest).await?;
            self.confirmed += 1;
        }
        let payload = message.encode_to_vec();
        let properties = message_properties::<M>(message.event_id());
        let confirm = self
            .publisher
            .send_raw(
                &self.publisher.exchange,
                M::ROUTING_KEY,
                &payload,
                properties,
            )
            .await?;
        self.pending.push_back(confirm);
        Ok(())
    }

    /// Sends bytes as they are (a stored message) with `properties` under
    /// `routing_key`; waits for the oldest confirm first if the window is
    /// full.
    pub async fn send_raw(
        &mut self,
        routing_key: &str,
        payload: &[u8],
        properties: BasicProperties,
    ) -> Result<(), PublishError> {
        if self.pending.len() >= self.size
            && let Some(oldest) = self.pending.pop_front()
        {
            settle_confirm(oldest).await?;
            self.confirmed += 1;
        }
        let confirm = self
            .publisher
            .send_raw(&self.publisher.exchange, routing_key, payload, properties)
            .await?;
        self.pending.push_back(confirm);
        Ok(())
    }

    /// Waits for every outstanding confirm.
    pub async fn flush(&mut self) -> Result<(), PublishError> {
        while let Some(confirm) = self.pending.pop_front() {
            settle_confirm(confirm).await?;
            self.confirmed += 1;
        }
        Ok(())
    }

    /// Messages confirmed so far.
    pub fn confirmed(&self) -> usize {
        self.confirmed
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
