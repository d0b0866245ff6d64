//! The tidings fetcher: reads news from local files ([`ingest`]), RSS/Atom
//! feeds ([`feeds`], over [`http_client`]) and HTTP POST, and publishes
//! `RawArticle`s ([`article`]) with publisher confirms.

pub mod addresses;
pub mod cli;
pub mod feeds;
pub mod http_client;
pub mod ingest;
pub mod metrics;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use tidings_articles as article;
use tidings_common::amqp::{self, Publisher, Topology};
use tidings_common::config::DEFAULT_MAX_BODY_BYTES;
use tidings_common::metrics::{PlumbingMetrics, Registrar};
use tidings_common::service::Service;
use tidings_common::{CommonArgs, db};
use tokio::net::TcpListener;
use tokio::sync::RwLock;
use tokio_util::sync::CancellationToken;

/// The schema version the fetcher's tables (`feeds`, `seen_items`) need:
/// V8 added `feeds.consecutive_failures`.
pub const SCHEMA_NEEDED: i32 = 8;

/// Settings shared by `ingest` and `run`.
#[derive(Debug, Clone, clap::Args)]
pub struct Settings {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Largest article body published, in bytes.
    #[arg(long, env = "TIDINGS_MAX_BODY_BYTES", default_value_t = DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// Messages `ingest` keeps in flight before waiting for their confirms.
    #[arg(long, env = "TIDINGS_PUBLISH_WINDOW", default_value_t = 256)]
    pub publish_window: usize,
}

/// Settings of the feed-polling service.
#[derive(Debug, Clone, clap::Args)]
pub struct RunSettings {
    #[command(flatten)]
    pub base: Settings,
    /// Address of `/metrics`, `/healthz`, `/readyz` and `POST /articles`.
    #[arg(long, env = "TIDINGS_HTTP_ADDR", default_value = "127.0.0.1:9101")]
    pub http_addr: SocketAddr,
    /// File listing the feeds, one `URL [name]` per line.
    #[arg(long, env = "TIDINGS_FEEDS", default_value = "deploy/feeds.txt")]
    pub feeds: PathBuf,
    /// Seconds between polls of one feed.
    #[arg(long, env = "TIDINGS_POLL_INTERVAL_SECONDS", default_value_t = 900)]
    pub poll_interval_seconds: u64,
    /// Milliseconds between two requests to the same host.
    #[arg(long, env = "TIDINGS_PER_HOST_DELAY_MS", default_value_t = 2000)]
    pub per_host_delay_ms: u64,
    /// Seconds one HTTP request may take.
    #[arg(long, env = "TIDINGS_FETCH_TIMEOUT_SECONDS", default_value_t = 20)]
    pub fetch_timeout_seconds: u64,
    /// Allow fetching from private and loopback addresses (tests, intranets).
    #[arg(long, env = "TIDINGS_ALLOW_PRIVATE_ADDRESSES", default_value_t = false)]
    pub allow_private_addresses: bool,
    /// The bearer token `POST /articles` requires. Without one, the server
    /// accepts posts only while it listens on loopback, and refuses to start
    /// on any other address.
    #[arg(long, env = "TIDINGS_INGEST_TOKEN", hide_env_values = true)]
    pub ingest_token: Option<tidings_common::config::Secret>,
    /// Private networks the fetcher may reach all the same, comma-separated
    /// CIDRs ("10.2.0.0/16"); everything else private stays refused.
    #[arg(long, env = "TIDINGS_ALLOWED_NETWORKS", value_delimiter = ',')]
    pub allowed_networks: Vec<ipnet::IpNet>,
    /// Most elements a page may hold before it is refused unparsed.
    #[arg(long, env = "TIDINGS_HTML_MAX_ELEMENTS", default_value_t = 200_000)]
    pub html_max_elements: usize,
    /// Deepest nesting of elements a page may have before it is refused.
    #[arg(long, env = "TIDINGS_HTML_MAX_DEPTH", default_value_t = 512)]
    pub html_max_depth: usize,
}

/// Publishes the articles in `paths` and returns once all are confirmed.
pub async fn ingest_paths(
    settings: &Settings,
    paths: &[PathBuf],
) -> anyhow::Result<ingest::Report> {
    let registrar = Registrar::new("fetcher");
    let metrics = metrics::Metrics::new(&registrar, &PlumbingMetrics::new(&registrar));
    let files = ingest::collect(paths).context("listing the input paths")?;
    let topology = Topology::new(settings.common.namespace.clone());
    let (connection, publisher) = amqp::open(
        &settings.common.amqp_url,
        "fetcher",
        &topology,
        topology.articles_exchange(),
    )
    .await?;
    let report = ingest::ingest(
        &files,
        &publisher,
        &metrics,
        settings.max_body_bytes,
        settings.publish_window,
    )
    .await?;
    let _ = connection.close(200, "done".into()).await;
    Ok(report)
}

#[derive(Clone)]
struct PostState {
    publisher: Arc<RwLock<Option<Publisher>>>,
    metrics: metrics::Metrics,
    max_body_bytes: usize,
    /// The bearer token a POST must carry, if one is required.
    token: Option<Arc<str>>,
}

/// Does the request carry the token (when one is required)? Compared in
/// constant time.
fn authorized(headers: &axum::http::HeaderMap, token: Option<&str>) -> bool {
    let Some(token) = token else {
        return true;
    };
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// `POST /articles` with a JSON article: published and confirmed before
/// the answer (202 with the article id).
async fn post_article(
    State(state): State<PostState>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> (StatusCode, Json<serde_json::Value>) {
    let error = |status: StatusCode, message: String| {
        (status, Json(serde_json::json!({ "error": message })))
    };
    if !authorized(&headers, state.token.as_deref()) {
        state
            .metrics
            .articles_skipped
            .with_label_values(&["unauthorized"])
            .inc();
        return error(
            StatusCode::UNAUTHORIZED,
            "a bearer token is required (Authorization: Bearer …)".to_owned(),
        );
    }
    let input: article::JsonArticle = match serde_json::from_slice(&body) {
        Ok(input) => input,
        Err(problem) => return error(StatusCode::UNPROCESSABLE_ENTITY, problem.to_string()),
    };
    let draft = match input.into_draft("http") {
        Ok(draft) => draft,
        Err(problem) => return error(StatusCode::UNPROCESSABLE_ENTITY, problem),
    };
    let built = article::build_from(
        draft,
        "request",
        state.max_body_bytes,
        article::Origin::Posted,
    );
    let article = match built {
        Ok(article) => article,
        Err(problem) => {
            state
                .metrics
                .articles_skipped
                .with_label_values(&["invalid_post"])
                .inc();
            return error(StatusCode::UNPROCESSABLE_ENTITY, problem.to_string());
        }
    };
    let guard = state.publisher.read().await;
    let Some(publisher) = guard.as_ref() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "not connected to the broker".to_owned(),
        );
    };
    match publisher.publish(&article).await {
        Ok(()) => {
            state
                .metrics
                .articles_published
                .with_label_values(&["http"])
                .inc();
            (
                StatusCode::ACCEPTED,
                Json(serde_json::json!({ "article_id": article.article_id })),
            )
        }
        Err(problem) => error(StatusCode::SERVICE_UNAVAILABLE, problem.to_string()),
    }
}

/// Polls the configured feeds until `shutdown`, and accepts articles by
/// HTTP POST.
pub async fn run(
    settings: RunSettings,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let feeds = feeds::read_config(&settings.feeds)?;
    let common = &settings.base.common;
    let on_loopback = listener.local_addr()?.ip().is_loopback();
    let token = settings
        .ingest_token
        .as_ref()
        .map(|t| t.expose())
        .filter(|t| !t.is_empty())
        .map(Arc::<str>::from);
    anyhow::ensure!(
        on_loopback || token.is_some(),
        "POST /articles listens on {} without a token: set TIDINGS_INGEST_TOKEN, or bind to loopback",
        listener.local_addr()?
    );
    let service = Service::new("fetcher", true);
    let metrics = metrics::Metrics::new(service.registrar(), service.plumbing());
    let publisher_slot = Arc::new(RwLock::new(None::<Publisher>));
    let service = service.with_routes(
        axum::Router::new()
            .route("/articles", post(post_article))
            .with_state(PostState {
                publisher: publisher_slot.clone(),
                metrics: metrics.clone(),
                max_body_bytes: settings.base.max_body_bytes,
                token,
            }),
    );
    let health = service.health().clone();

    let fetcher = http_client::Fetcher::new(http_client::Limits {
        timeout: Duration::from_secs(settings.fetch_timeout_seconds),
        max_redirects: 5,
        max_bytes: settings.base.max_body_bytes.saturating_mul(8),
        per_host_delay: Duration::from_millis(settings.per_host_delay_ms),
        addresses: addresses::AddressPolicy {
            allow_private: settings.allow_private_addresses,
            allowed: settings.allowed_networks.clone(),
        },
    })?;
    let poller = Arc::new(tokio::sync::Mutex::new(feeds::Poller {
        pool: db::pool(&common.database_url, 2)?,
        metrics: metrics.clone(),
        fetcher,
        replica: format!("{}-{}", hostname(), std::process::id()),
        max_body_bytes: settings.base.max_body_bytes,
        min_body_chars: 600,
        poll_interval: Duration::from_secs(settings.poll_interval_seconds),
        html_limits: article::HtmlLimits {
            max_bytes: settings.base.max_body_bytes.saturating_mul(8),
            max_elements: settings.html_max_elements,
            max_depth: settings.html_max_depth,
        },
    }));

    // One session: check the schema, register the feeds, connect to the
    // broker, poll until shutdown or a fault.
    let session = || {
        let poller = poller.clone();
        let shutdown = shutdown.clone();
        let health = health.clone();
        let publisher_slot = publisher_slot.clone();
        let feeds = feeds.clone();
        let common = common.clone();
        async move {
            let mut poller = poller.lock().await;
            poller.check_schema(SCHEMA_NEEDED).await?;
            poller.register(&feeds).await?;
            health.set_database(true);
            let topology = Topology::new(common.namespace.clone());
            let (connection, publisher) = amqp::open(
                &common.amqp_url,
                "fetcher",
                &topology,
                topology.articles_exchange(),
            )
            .await?;
            *publisher_slot.write().await = Some(publisher.clone());
            health.set_amqp(true);
            let result = loop {
                if let Err(error) = poller.poll_due(&publisher).await {
                    break Err(error);
                }
                tokio::select! {
                    () = shutdown.cancelled() => break Ok(()),
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            };
            *publisher_slot.write().await = None;
            let _ = connection.close(200, "shutting down".into()).await;
            result
        }
    };
    service.run(listener, shutdown.clone(), session).await
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "fetcher".to_owned())
}
