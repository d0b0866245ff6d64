//! The harnesses that run the whole pipeline as production runs it
//! (release binaries as processes, the local RabbitMQ and PostgreSQL, a
//! database and a namespace of their own): `tidings-bench-e2e` measures
//! it, `tidings-chaos` breaks it while it works and checks what it kept.

pub mod corpus;
pub mod procs;
pub mod raw;

/// Deletes a run's queues, exchanges and database.
pub async fn cleanup(amqp_url: &str, postgres: &str, namespace: &str, database: &str) {
    if let Ok(connection) = tidings_common::amqp::connect(amqp_url, "bench").await
        && let Ok(channel) = connection.create_channel().await
    {
        tidings_common::amqp::Topology::new(namespace)
            .delete(&channel)
            .await;
    }
    tidings_common::db::drop_database(postgres, database).await;
}
