//! The tidings projector: appends every raw article and analysis to the
//! event store ([`store`]) and keeps the read model ([`projection`]) in the
//! same transaction ([`consumer`], [`apply`]); [`rebuild`] replays the store
//! into new projections while the old ones stay in use; [`digest`] tells
//! whether two read models hold the same rows.

pub mod apply;
pub mod cli;
pub mod consumer;
pub mod digest;
pub mod metrics;
pub mod projection;
pub mod rebuild;
pub mod reprocess;
pub mod schema;
pub mod store;

use std::net::SocketAddr;

use anyhow::Context as _;
use tidings_common::amqp::Topology;
use tidings_common::service::Service;
use tidings_common::{CommonArgs, db};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use digest::{TableDigest, WALL_CLOCK, digest, digest_except};
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
        shutdown: shutdown.clone(),
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

/// Passwords for the services' roles (migrations/V7__roles.sql), from the
/// environment of the migrate job; a role not given keeps its password.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RolePasswords {
    /// Password of `tidings_projector`.
    #[arg(long, env = "TIDINGS_PROJECTOR_DB_PASSWORD", hide_env_values = true)]
    pub projector: Option<tidings_common::config::Secret>,
    /// Password of `tidings_fetcher`.
    #[arg(long, env = "TIDINGS_FETCHER_DB_PASSWORD", hide_env_values = true)]
    pub fetcher: Option<tidings_common::config::Secret>,
    /// Password of `tidings_reader` (dashboards).
    #[arg(long, env = "TIDINGS_READER_DB_PASSWORD", hide_env_values = true)]
    pub reader: Option<tidings_common::config::Secret>,
}

/// Sets the passwords given; returns the roles changed.
pub async fn set_role_passwords(
    database_url: &str,
    passwords: &RolePasswords,
) -> anyhow::Result<Vec<&'static str>> {
    let given = [
        ("tidings_projector", &passwords.projector),
        ("tidings_fetcher", &passwords.fetcher),
        ("tidings_reader", &passwords.reader),
    ];
    if given.iter().all(|(_, password)| password.is_none()) {
        return Ok(Vec::new());
    }
    let client = db::connect(database_url)
        .await
        .context("connecting to set role passwords")?;
    let mut set = Vec::new();
    for (role, password) in given {
        let Some(password) = password else { continue };
        // Sent as a SCRAM verifier, never in clear (statements may be
        // logged); ALTER ROLE takes no parameters, the server quotes it.
        let verifier = postgres_protocol::password::scram_sha_256(password.expose().as_bytes());
        let literal: String = client
            .query_one("SELECT quote_literal($1)", &[&verifier])
            .await?
            .get(0);
        client
            .batch_execute(&format!("ALTER ROLE {role} PASSWORD {literal}"))
            .await
            .with_context(|| format!("setting the password of {role}"))?;
        set.push(role);
    }
    Ok(set)
}
