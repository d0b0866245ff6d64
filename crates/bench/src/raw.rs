//! The ceilings the pipeline shares, measured in the same run: one hop of
//! the broker (persistent messages of the articles' size to a quorum queue,
//! publisher confirms, consumer acks) and binary COPY into a table shaped
//! like `article_entities`.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicQosOptions, QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString};
use tokio_postgres::binary_copy::BinaryCopyInWriter;
use tokio_postgres::types::Type;

/// Messages per second through one quorum-queue hop with confirms and acks.
pub async fn broker_rate(
    amqp_url: &str,
    queue: &str,
    messages: usize,
    size: usize,
) -> anyhow::Result<f64> {
    let connection = tidings_common::amqp::connect(amqp_url, "bench").await?;
    let setup = connection.create_channel().await?;
    let mut args = FieldTable::default();
    args.insert(
        "x-queue-type".into(),
        AMQPValue::LongString(LongString::from("quorum")),
    );
    setup
        .queue_declare(
            queue.into(),
            QueueDeclareOptions {
                durable: true,
                ..QueueDeclareOptions::default()
            },
            args,
        )
        .await?;
    let publisher = tidings_common::amqp::Publisher::new(&connection, String::new()).await?;
    let consumer_channel = connection.create_channel().await?;
    consumer_channel
        .basic_qos(256, BasicQosOptions::default())
        .await?;
    let mut consumer = consumer_channel
        .basic_consume(
            queue.into(),
            "bench".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await?;
    let payload = vec![b'x'; size];
    let started = Instant::now();
    let consume = tokio::spawn(async move {
        let mut received = 0;
        while received < messages {
            match tokio::time::timeout(Duration::from_secs(60), consumer.next()).await {
                Ok(Some(Ok(delivery))) => {
                    delivery.ack(BasicAckOptions::default()).await?;
                    received += 1;
                }
                _ => anyhow::bail!("the raw consumer stopped after {received} messages"),
            }
        }
        Ok(())
    });
    let properties = lapin::BasicProperties::default().with_delivery_mode(2);
    let mut window = std::collections::VecDeque::new();
    for _ in 0..messages {
        if window.len() >= 256
            && let Some(confirm) = window.pop_front()
        {
            publisher_confirm(confirm).await?;
        }
        let confirm = publisher
            .channel()
            .basic_publish(
                "".into(),
                queue.into(),
                lapin::options::BasicPublishOptions::default(),
                &payload,
                properties.clone(),
            )
            .await?;
        window.push_back(confirm);
    }
    while let Some(confirm) = window.pop_front() {
        publisher_confirm(confirm).await?;
    }
    consume.await??;
    let seconds = started.elapsed().as_secs_f64();
    let _ = setup
        .queue_delete(queue.into(), QueueDeleteOptions::default())
        .await;
    let _ = connection.close(200, "done".into()).await;
    Ok(messages as f64 / seconds)
}

async fn publisher_confirm(confirm: lapin::PublisherConfirm) -> anyhow::Result<()> {
    let confirmation = confirm.await?;
    anyhow::ensure!(!confirmation.is_nack(), "the broker nacked a raw message");
    Ok(())
}

/// Rows per second of binary COPY into a table shaped like
/// `article_entities` (article, entity, mentions, salience, day).
pub async fn copy_rate(database_url: &str, rows: usize) -> anyhow::Result<f64> {
    let client = tidings_common::db::connect(database_url).await?;
    client
        .batch_execute(
            "CREATE TEMP TABLE bench_copy (article text, entity text, mentions int4,
                                           salience float8, day date)",
        )
        .await?;
    let started = Instant::now();
    let sink = client
        .copy_in("COPY bench_copy (article, entity, mentions, salience, day) FROM STDIN BINARY")
        .await?;
    let writer = BinaryCopyInWriter::new(
        sink,
        &[Type::TEXT, Type::TEXT, Type::INT4, Type::FLOAT8, Type::DATE],
    );
    futures_util::pin_mut!(writer);
    let day = chrono::NaiveDate::from_ymd_opt(1987, 3, 1).unwrap_or_default();
    for n in 0..rows {
        let article = format!("{:032x}", n / 8);
        let entity = format!("org:entity-{}", n % 5000);
        writer
            .as_mut()
            .write(&[&article, &entity, &1i32, &0.125f64, &day])
            .await?;
    }
    writer.finish().await?;
    Ok(rows as f64 / started.elapsed().as_secs_f64())
}
