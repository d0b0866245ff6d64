//! Test harness: every test gets its own namespace (exchanges, queues) and
//! its own database on the real local RabbitMQ and PostgreSQL, runs the
//! services in-process on port 0, and removes what it created at the end.

use std::net::SocketAddr;
use std::time::Duration;

use tidings_common::CommonArgs;
use tidings_common::amqp::{QueueName, Topology};
use tidings_common::telemetry::LogFormat;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub fn amqp_url() -> String {
    std::env::var("TIDINGS_TEST_AMQP_URL")
        .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".to_owned())
}

/// Server URL without a database name.
pub fn postgres_base() -> String {
    std::env::var("TIDINGS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

pub fn sample_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples")
}

/// The repository's root.
pub fn repo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The shared research data (`../shared/data`, or `TIDINGS_DATA`); tests
/// that need it skip themselves where it is absent.
pub fn shared_data() -> std::path::PathBuf {
    std::env::var_os("TIDINGS_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/data"))
}

pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The URL of `database` as `role` (the services' least-privilege roles).
pub fn role_url(role: &str, database: &str) -> String {
    let base = postgres_base();
    let (scheme, rest) = base.split_once("://").unwrap_or(("postgres", &base));
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    format!("{scheme}://{role}@{host}/{database}")
}

/// A namespace and a database of a test's own, and the settings that name them.
pub struct Isolated {
    pub namespace: String,
    pub database: String,
    pub common: CommonArgs,
}

impl Isolated {
    pub fn new() -> Self {
        let id = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
        let namespace = format!("test-{id}");
        let database = format!("tidings_test_{id}");
        let common = CommonArgs {
            amqp_url: amqp_url(),
            database_url: format!("{}/{database}", postgres_base()),
            namespace: namespace.clone(),
            log_format: LogFormat::Pretty,
        };
        Self {
            namespace,
            database,
            common,
        }
    }

    /// Deletes the namespace's queues and exchanges and the database.
    pub async fn remove(&self) {
        drop_namespace(&self.namespace).await;
        drop_database(&self.database).await;
    }
}

pub struct TestEnv {
    pub namespace: String,
    pub database: String,
    pub common: CommonArgs,
    pub db: tokio_postgres::Client,
    pub extractor_addr: SocketAddr,
    pub projector_addr: SocketAddr,
    shutdown: CancellationToken,
    tasks: Vec<JoinHandle<anyhow::Result<()>>>,
    /// The extractor runs apart, so a test can stop it and start another.
    extractor: Option<(CancellationToken, JoinHandle<anyhow::Result<()>>)>,
}

/// The extractor settings the tests start from.
pub fn extractor_settings(common: &CommonArgs, addr: SocketAddr) -> tidings_extractor::Settings {
    tidings_extractor::Settings {
        common: common.clone(),
        http_addr: addr,
        workers: Some(2),
        in_flight: 8,
        analysis_budget_ms: 10_000,
        max_body_bytes: 200_000,
        backfill_workers: None,
        analysis_revision: None,
    }
}

impl TestEnv {
    /// Migrated database, extractor and projector running.
    pub async fn start() -> Self {
        Self::start_with(|_, _| {}).await
    }

    /// [`TestEnv::start`], with the services' settings changed by `tweak`.
    pub async fn start_with(
        tweak: impl FnOnce(&mut tidings_extractor::Settings, &mut tidings_projector::Settings),
    ) -> Self {
        let Isolated {
            namespace,
            database,
            common,
        } = Isolated::new();
        tidings_projector::migrate(&common.database_url)
            .await
            .expect("migrations apply");
        let db = tidings_common::db::connect(&common.database_url)
            .await
            .expect("database connects");
        let shutdown = CancellationToken::new();
        let mut tasks = Vec::new();

        let extractor_listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let extractor_addr = extractor_listener.local_addr().expect("addr");
        // The services connect as their own roles, as in production.
        let as_role = |role: &str| CommonArgs {
            database_url: role_url(role, &database),
            ..common.clone()
        };
        let mut extractor = extractor_settings(&common, extractor_addr);
        let projector_listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let projector_addr = projector_listener.local_addr().expect("addr");
        let mut projector = tidings_projector::Settings {
            common: as_role("tidings_projector"),
            http_addr: projector_addr,
            batch_size: 20,
            batch_wait_ms: 20,
            batch_bytes: 1 << 20,
            concurrency: 2,
        };
        tweak(&mut extractor, &mut projector);
        let extractor_stop = shutdown.child_token();
        let extractor_task = tokio::spawn(tidings_extractor::run(
            extractor,
            extractor_listener,
            extractor_stop.clone(),
        ));
        tasks.push(tokio::spawn(tidings_projector::run(
            projector,
            projector_listener,
            shutdown.clone(),
        )));

        let env = Self {
            namespace,
            database,
            common,
            db,
            extractor_addr,
            projector_addr,
            shutdown,
            tasks,
            extractor: Some((extractor_stop, extractor_task)),
        };
        env.wait_ready(extractor_addr).await;
        env.wait_ready(projector_addr).await;
        env
    }

    /// Stops the extractor (it drains, as on SIGTERM).
    pub async fn stop_extractor(&mut self) {
        if let Some((stop, task)) = self.extractor.take() {
            stop.cancel();
            task.await
                .expect("extractor task")
                .expect("extractor exits cleanly");
        }
    }

    /// Starts an extractor (after [`TestEnv::stop_extractor`]) with the
    /// test settings changed by `tweak`; returns once it is ready.
    pub async fn start_extractor(&mut self, tweak: impl FnOnce(&mut tidings_extractor::Settings)) {
        self.stop_extractor().await;
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        self.extractor_addr = listener.local_addr().expect("addr");
        let mut settings = extractor_settings(&self.common, self.extractor_addr);
        tweak(&mut settings);
        let stop = self.shutdown.child_token();
        let task = tokio::spawn(tidings_extractor::run(settings, listener, stop.clone()));
        self.extractor = Some((stop, task));
        self.wait_ready(self.extractor_addr).await;
    }

    pub fn topology(&self) -> Topology {
        Topology::new(self.namespace.clone())
    }

    pub fn fetcher_settings(&self) -> tidings_fetcher::Settings {
        tidings_fetcher::Settings {
            common: CommonArgs {
                database_url: role_url("tidings_fetcher", &self.database),
                ..self.common.clone()
            },
            max_body_bytes: 200_000,
            publish_window: 64,
        }
    }

    async fn wait_ready(&self, addr: SocketAddr) {
        let url = format!("http://{addr}/readyz");
        for _ in 0..200 {
            if let Ok(response) = reqwest::get(&url).await
                && response.status().is_success()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{url} never became ready");
    }

    /// Polls `query` (one bigint column) until it returns `expected`.
    /// Ingests `articles` (JSON objects) as one JSON Lines dump through the
    /// fetcher and waits until all of them are analysed and projected.
    pub async fn ingest_and_wait(&self, articles: &[serde_json::Value]) {
        let lines: String = articles.iter().map(|a| format!("{a}\n")).collect();
        let dump = std::env::temp_dir().join(format!("{}-dump.jsonl", self.namespace));
        std::fs::write(&dump, lines).expect("dump written");
        let report =
            tidings_fetcher::ingest_paths(&self.fetcher_settings(), std::slice::from_ref(&dump))
                .await
                .expect("ingest");
        let _ = std::fs::remove_file(&dump);
        assert_eq!(report.published, articles.len());
        self.wait_for_count(
            "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL",
            articles.len() as i64,
        )
        .await;
    }

    /// Waits until `query` returns `expected`, for up to 15 seconds.
    pub async fn wait_for_count(&self, query: &str, expected: i64) {
        self.wait_for_count_within(query, expected, Duration::from_secs(15))
            .await;
    }

    /// Waits until `query` returns `expected`, for up to `within`.
    pub async fn wait_for_count_within(&self, query: &str, expected: i64, within: Duration) {
        let deadline = std::time::Instant::now() + within;
        let mut last = -1;
        while std::time::Instant::now() < deadline {
            last = self.count(query).await;
            if last == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{query} returned {last}, expected {expected}");
    }

    pub async fn count(&self, query: &str) -> i64 {
        self.db
            .query_one(query, &[])
            .await
            .expect("count query")
            .get(0)
    }

    /// Stops the services and deletes the test's queues, exchanges and database.
    pub async fn finish(mut self) {
        self.stop_extractor().await;
        self.shutdown.cancel();
        for task in self.tasks {
            task.await
                .expect("service task")
                .expect("service exits cleanly");
        }
        drop(self.db);
        drop_namespace(&self.namespace).await;
        drop_database(&self.database).await;
    }
}

/// Deletes the queues and exchanges of a test's namespace.
pub async fn drop_namespace(namespace: &str) {
    if let Ok(connection) = tidings_common::amqp::connect(&amqp_url(), "tests").await
        && let Ok(channel) = connection.create_channel().await
    {
        Topology::new(namespace).delete(&channel).await;
    }
}

/// Drops a test's database, closing what still uses it.
pub async fn drop_database(database: &str) {
    tidings_common::db::drop_database(&postgres_base(), database).await;
}

/// The `x-tidings-reason` of up to `expected` messages of a dead-letter
/// queue, waiting up to five seconds for them.
pub async fn dead_reasons(env: &TestEnv, queue: QueueName, expected: usize) -> Vec<String> {
    let connection = tidings_common::amqp::connect(&amqp_url(), "tests")
        .await
        .expect("connects");
    let channel = connection.create_channel().await.expect("channel");
    let dead = env.topology().dead_queue(queue);
    let mut reasons = Vec::new();
    for _ in 0..100 {
        match channel
            .basic_get(
                dead.clone().into(),
                lapin::options::BasicGetOptions { no_ack: true },
            )
            .await
            .expect("basic_get")
        {
            Some(message) => {
                reasons.push(
                    tidings_common::amqp::header_string(
                        &message.delivery.properties,
                        "x-tidings-reason",
                    )
                    .unwrap_or_default(),
                );
                if reasons.len() == expected {
                    break;
                }
            }
            None => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    let _ = connection.close(200, "done".into()).await;
    reasons.sort();
    reasons
}

/// The `/metrics` text of a service.
pub async fn metrics(addr: SocketAddr) -> String {
    reqwest::get(format!("http://{addr}/metrics"))
        .await
        .expect("metrics answer")
        .text()
        .await
        .expect("metrics body")
}

/// The value of the sample `series` (name with labels, as printed), or 0.
pub fn sample_value(metrics: &str, series: &str) -> f64 {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or(0.0)
}
