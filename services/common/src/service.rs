//! The shape every service shares, written once: a [`Service`] owns the
//! metrics registry, the readiness flags and the operations endpoint
//! (`/metrics`, `/healthz`, `/readyz`, plus any routes of its own), keeps
//! the service's work running through broker and database faults
//! ([`supervisor`](crate::supervisor)), and shuts down in a fixed order.
//!
//! Shutdown order, once the token is cancelled (SIGTERM, SIGINT, or a test):
//! 1. `/readyz` answers 503 at once, so a load balancer stops sending work;
//! 2. the work stops taking messages, finishes and acks what is in flight,
//!    and returns;
//! 3. only then does the operations endpoint stop, so `/metrics` and
//!    `/healthz` answer through the whole drain.
//!
//! [`main`] is the body of every service binary's `run` command: logs,
//! settings, the listener, and the signal that cancels the token.

use std::fmt::Debug;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context as _;
use axum::Router;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::metrics::{PlumbingMetrics, Registrar};
use crate::telemetry::{self, LogFormat};
use crate::{Health, http, shutdown, supervisor};

/// How long in-flight work may take to finish after SIGTERM, with the
/// default settings: an analysis within its 10 s budget and then its
/// publish confirm within 30 s; a projector batch's statements within
/// their 30 s timeout. A cluster's grace period must be longer.
pub const DRAIN_BOUND: std::time::Duration = std::time::Duration::from_secs(40);

/// One running service: its name, metrics and readiness.
pub struct Service {
    name: &'static str,
    registrar: Registrar,
    plumbing: PlumbingMetrics,
    health: Arc<Health>,
    routes: Router,
}

impl Service {
    /// A service called `name` (the `<service>` of its metric names);
    /// `needs_database` makes readiness wait for the database as well as
    /// the broker.
    pub fn new(name: &'static str, needs_database: bool) -> Self {
        let registrar = Registrar::new(name);
        let plumbing = PlumbingMetrics::new(&registrar);
        Self {
            name,
            registrar,
            plumbing,
            health: Health::new(needs_database),
            routes: Router::new(),
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Where the service registers its own metrics.
    pub fn registrar(&self) -> &Registrar {
        &self.registrar
    }

    /// Reconnects and dead letters, counted alike in every service.
    pub fn plumbing(&self) -> &PlumbingMetrics {
        &self.plumbing
    }

    /// The readiness flags the work sets as connections come and go.
    pub fn health(&self) -> &Arc<Health> {
        &self.health
    }

    /// Adds routes of the service's own (the fetcher's `POST /articles`)
    /// to the operations endpoint.
    pub fn with_routes(mut self, routes: Router) -> Self {
        self.routes = self.routes.merge(routes);
        self
    }

    /// Serves the operations endpoint on `listener` and keeps `work` running
    /// until `shutdown` is cancelled, then shuts down in the order the
    /// module explains. `work` is one session: it opens its own
    /// connections, returns `Ok` when it stops because of `shutdown`, and
    /// `Err` on a fault, after which it is started again with backoff.
    pub async fn run<F, Fut>(
        self,
        listener: TcpListener,
        shutdown: CancellationToken,
        work: F,
    ) -> anyhow::Result<()>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = anyhow::Result<()>>,
    {
        let app = http::router(
            self.registrar.registry().clone(),
            self.health.clone(),
            self.plumbing.ready.clone(),
        )
        .merge(self.routes);
        // The endpoint has a token of its own: it outlives the drain.
        let endpoint_stop = CancellationToken::new();
        let server = tokio::spawn(http::serve(listener, app, endpoint_stop.clone()));
        let draining = {
            let health = self.health.clone();
            let shutdown = shutdown.clone();
            tokio::spawn(async move {
                shutdown.cancelled().await;
                health.set_draining();
            })
        };
        supervisor::supervise(
            self.name,
            shutdown.clone(),
            &self.health,
            &self.plumbing.reconnects,
            work,
        )
        .await;
        self.health.set_draining();
        draining.abort();
        tracing::info!(
            message = "Work drained; stopping the operations endpoint.",
            service = self.name
        );
        endpoint_stop.cancel();
        server
            .await
            .context("operations endpoint task")?
            .context("operations endpoint")?;
        Ok(())
    }
}

/// The `run` command of a service binary: installs logging, logs the
/// settings (secrets redacted by their `Debug`), binds `addr`, wires
/// SIGTERM/SIGINT to a token, and runs `run` with them.
pub async fn main<S, F, Fut>(
    name: &'static str,
    log_format: LogFormat,
    addr: SocketAddr,
    settings: S,
    run: F,
) -> anyhow::Result<()>
where
    S: Debug,
    F: FnOnce(S, TcpListener, CancellationToken) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    telemetry::init(log_format);
    tracing::info!(message = "Starting.", service = name, settings = ?settings);
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let token = CancellationToken::new();
    shutdown::cancel_on_signal(token.clone());
    run(settings, listener, token).await
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::time::Duration;

    use super::*;

    async fn status(addr: SocketAddr, path: &str) -> Option<u16> {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).await.ok()?;
        response.get(9..12)?.parse().ok()
    }

    /// The endpoint answers while the work drains, readiness drops first,
    /// and the endpoint stops only after the work has returned.
    #[tokio::test]
    async fn shutdown_drains_work_before_the_endpoint_stops() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let service = Service::new("test", false);
        let health = service.health().clone();
        let shutdown = CancellationToken::new();
        let log = Arc::new(Mutex::new(Vec::<String>::new()));
        let record = {
            let log = log.clone();
            move |line: String| log.lock().expect("log").push(line)
        };
        let work = {
            let shutdown = shutdown.clone();
            let record = record.clone();
            move || {
                let shutdown = shutdown.clone();
                let health = health.clone();
                let record = record.clone();
                async move {
                    health.set_amqp(true);
                    record("working".to_owned());
                    shutdown.cancelled().await;
                    // Draining: the endpoint still answers, readiness is off.
                    let ready = status(addr, "/readyz").await;
                    let alive = status(addr, "/healthz").await;
                    record(format!("draining readyz={ready:?} healthz={alive:?}"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    record("drained".to_owned());
                    Ok(())
                }
            }
        };
        let running = tokio::spawn(service.run(listener, shutdown.clone(), work));
        for _ in 0..100 {
            if status(addr, "/readyz").await == Some(200) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert_eq!(status(addr, "/readyz").await, Some(200));
        shutdown.cancel();
        running.await.expect("joins").expect("runs cleanly");
        record(format!(
            "stopped healthz={:?}",
            status(addr, "/healthz").await
        ));
        let log = log.lock().expect("log").clone();
        assert_eq!(
            log,
            [
                "working",
                "draining readyz=Some(503) healthz=Some(200)",
                "drained",
                "stopped healthz=None",
            ]
        );
    }

    /// A session that fails is started again; one that returns `Ok` after
    /// shutdown ends the run.
    #[tokio::test(start_paused = true)]
    async fn failed_sessions_restart_until_shutdown() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let service = Service::new("test", false);
        let reconnects = service.plumbing().reconnects.clone();
        let shutdown = CancellationToken::new();
        let sessions = Arc::new(Mutex::new(0));
        let work = {
            let shutdown = shutdown.clone();
            let sessions = sessions.clone();
            move || {
                let shutdown = shutdown.clone();
                let sessions = sessions.clone();
                async move {
                    let n = {
                        let mut n = sessions.lock().expect("count");
                        *n += 1;
                        *n
                    };
                    if n < 3 {
                        anyhow::bail!("broker down");
                    }
                    shutdown.cancel();
                    Ok(())
                }
            }
        };
        service
            .run(listener, shutdown, work)
            .await
            .expect("runs cleanly");
        assert_eq!(*sessions.lock().expect("count"), 3);
        assert_eq!(reconnects.get(), 2);
    }
}
