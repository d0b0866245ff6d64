//! Plumbing shared by the three tidings services.
//!
//! - [`config`]: the settings every service takes (broker, database,
//!   namespace, log format), from flags or `TIDINGS_*` environment variables.
//! - [`telemetry`]: JSON logs through `tracing`.
//! - [`shutdown`]: SIGTERM/SIGINT turned into a `CancellationToken`.
//! - [`http`]: `/metrics`, `/healthz`, `/readyz` for one service.
//! - [`metrics`]: a registrar that names metrics `tidings_<service>_<what>`.
//! - [`amqp`]: connection, topology, confirmed publishing, dead-lettering.
//! - [`db`]: connection pool, migrations, error classification.
//! - [`supervisor`]: reconnect-with-backoff around a unit of work.

pub mod amqp;
pub mod config;
pub mod db;
pub mod http;
pub mod metrics;
pub mod progress;
pub mod service;
pub mod shutdown;
pub mod supervisor;
pub mod telemetry;

pub use config::CommonArgs;
pub use http::Health;
