//! The tidings extractor: consumes `RawArticle`s, turns each into entities,
//! CAMEO events, tone and quotations ([`analysis`]), and publishes one
//! `ArticleAnalyzed` per article ([`worker`]).

pub mod analyze;
pub mod cli;
pub mod metrics;
pub mod worker;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context as _;
use tidings_common::CommonArgs;
use tidings_common::amqp::Topology;
use tidings_common::config::DEFAULT_MAX_BODY_BYTES;
use tidings_common::service::Service;
use tidings_nlp::analysis::Analyzer;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// Settings of the extractor service.
#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Address of `/metrics`, `/healthz` and `/readyz`.
    #[arg(long, env = "TIDINGS_HTTP_ADDR", default_value = "127.0.0.1:9102")]
    pub http_addr: SocketAddr,
    /// Articles analysed at once (default: the number of cores).
    #[arg(long, env = "TIDINGS_EXTRACTOR_WORKERS")]
    pub workers: Option<usize>,
    /// Articles in flight at once: analysing, or awaiting the broker's
    /// confirm of their analysis. The prefetch is twice this.
    #[arg(long, env = "TIDINGS_EXTRACTOR_IN_FLIGHT", default_value_t = 32)]
    pub in_flight: usize,
    /// Milliseconds one article's analysis may take; past it the article is
    /// dead-lettered as `too_slow` and the worker takes the next.
    #[arg(long, env = "TIDINGS_ANALYSIS_BUDGET_MS", default_value_t = 10_000)]
    pub analysis_budget_ms: u64,
    /// Largest article body accepted, in bytes; larger ones are dead-lettered.
    #[arg(long, env = "TIDINGS_MAX_BODY_BYTES", default_value_t = DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// Analyses of re-sent articles (the backfill queue) running at once, at
    /// most: the rest of the workers stay free for live articles (default:
    /// half the workers, at least one).
    #[arg(long, env = "TIDINGS_EXTRACTOR_BACKFILL_WORKERS")]
    pub backfill_workers: Option<usize>,
    /// Stamp analyses with this revision instead of the build's own (to run
    /// two builds' analyses side by side, or to test re-analysis).
    #[arg(long, env = "TIDINGS_ANALYSIS_REVISION", hide = true)]
    pub analysis_revision: Option<u32>,
}

/// Runs the extractor until `shutdown` is cancelled, serving operations
/// endpoints on `listener`.
pub async fn run(
    settings: Settings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let service = Service::new("extractor", false);
    let metrics = metrics::Metrics::new(service.registrar(), service.plumbing());
    let mut analyzer =
        Analyzer::bundled(settings.max_body_bytes).context("loading the extraction data")?;
    if let Some(revision) = settings.analysis_revision {
        analyzer = analyzer.with_revision(revision);
    }
    tracing::info!(message = "Analysis version.", version = analyzer.version());
    let analyzer = Arc::new(analyzer);
    let workers = settings
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let backfill_workers = settings
        .backfill_workers
        .unwrap_or(workers / 2)
        .clamp(1, workers);
    let worker = worker::Worker {
        amqp_url: settings.common.amqp_url.clone(),
        topology: Topology::new(settings.common.namespace.clone()),
        analyzer,
        metrics,
        health: service.health().clone(),
        workers,
        in_flight: settings.in_flight.max(workers),
        backfill_workers,
        budget: std::time::Duration::from_millis(settings.analysis_budget_ms.max(1)),
    };
    service
        .run(listener, shutdown.clone(), || worker.run_once(&shutdown))
        .await
}
