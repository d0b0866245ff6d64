//! The harnesses that run the whole pipeline as production runs it
//! (release binaries as processes, the local RabbitMQ and PostgreSQL, a
//! database and a namespace of their own): `tidings-bench-e2e` measures
//! it, `tidings-chaos` breaks it while it works and checks what it kept.

pub mod corpus;
pub mod procs;
pub mod raw;

/// Deletes a run's queues, exchanges and database.
pub async fn cleanup(amqp_url: &str, postgres: &str, namespace: &str, database: &str) {
    use lapin::options::{ExchangeDeleteOptions, QueueDeleteOptions};
    let topology = tidings_common::amqp::Topology::new(namespace);
    if let Ok(connection) = tidings_common::amqp::connect(amqp_url, "bench").await
        && let Ok(channel) = connection.create_channel().await
    {
        for queue in tidings_common::amqp::QueueName::ALL {
            for name in [topology.queue(queue), topology.dead_queue(queue)] {
                let _ = channel
                    .queue_delete(name.into(), QueueDeleteOptions::default())
                    .await;
            }
        }
        for exchange in [
            topology.articles_exchange(),
            topology.records_exchange(),
            topology.dead_letter_exchange(),
        ] {
            let _ = channel
                .exchange_delete(exchange.into(), ExchangeDeleteOptions::default())
                .await;
        }
    }
    if let Ok(admin) = tidings_common::db::connect(&format!("{postgres}/postgres")).await {
        let _ = admin
            .batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"
            ))
            .await;
    }
}
