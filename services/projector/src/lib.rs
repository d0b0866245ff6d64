//! The tidings projector: appends every raw article and analysis to the
//! event store ([`store`]) and keeps the read model ([`projection`]) in the
//! same transaction ([`consumer`], [`apply`]); [`rebuild`] replays the store
//! into new projections while the old ones stay in use; [`digest`] tells
//! whether two read models hold the same rows.

pub mod apply;
pub mod consumer;
pub mod digest;
pub mod metrics;
pub mod projection;
pub mod rebuild;
pub mod schema;
pub mod store;

use std::net::SocketAddr;

use anyhow::Context as _;
use tidings_common::amqp::Topology;
use tidings_common::service::Service;
use tidings_common::{CommonArgs, db};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use digest::{TableDigest, digest};
pub use rebuild::{Report as RebuildReport, rebuild};

/// Settings of the projector service.
#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Address of `/metrics`, `/healthz` and `/readyz`.
    #[arg(long, env = "TIDINGS_HTTP_ADDR", default_value = "127.0.0.1:9103")]
    pub http_addr: SocketAddr,
    /// Most messages applied in one transaction.
    #[arg(long, env = "TIDINGS_PROJECTOR_BATCH_SIZE", default_value_t = 500)]
    pub batch_size: usize,
    /// Most payload bytes applied in one transaction.
    #[arg(long, env = "TIDINGS_PROJECTOR_BATCH_BYTES", default_value_t = 16 << 20)]
    pub batch_bytes: usize,
    /// Milliseconds a batch waits to fill after its first message.
    #[arg(long, env = "TIDINGS_PROJECTOR_BATCH_WAIT_MS", default_value_t = 50)]
    pub batch_wait_ms: u64,
    /// Batches applied at once (each in its own transaction): the next one
    /// fills and commits while another waits for its commit.
    #[arg(long, env = "TIDINGS_PROJECTOR_CONCURRENCY", default_value_t = 2)]
    pub concurrency: usize,
}

/// Runs the projector until `shutdown` is cancelled.
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let service = Service::new("projector", true);
    let metrics = metrics::Metrics::new(service.registrar(), service.plumbing());
    let consumer = consumer::Consumer {
        amqp_url: settings.common.amqp_url.clone(),
        topology: Topology::new(settings.common.namespace.clone()),
        pool: db::pool(
            &settings.common.database_url,
            settings.concurrency.max(1) * 2 + 1,
        )
        .context("building the pool")?,
        metrics,
        health: service.health().clone(),
        batch: consumer::batch_policy(
            settings.batch_size,
            settings.batch_bytes,
            settings.batch_wait_ms,
            settings.concurrency,
        ),
    };
    service
        .run(listener, shutdown.clone(), || consumer.run_once(&shutdown))
        .await
}

/// Creates the database if needed and applies the migrations; returns how
/// many were applied now.
pub async fn migrate(database_url: &str) -> anyhow::Result<usize> {
    Ok(schema::migrate(database_url).await?)
}
