//! The operations endpoint of a service: `/metrics` (Prometheus text),
//! `/healthz` (the process answers) and `/readyz` (broker and, where the
//! service uses one, database connected).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use prometheus::{Encoder, IntGauge, Registry, TextEncoder};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// What `/readyz` reports. Workers flip the flags as connections come and go.
#[derive(Debug)]
pub struct Health {
    amqp: AtomicBool,
    database: AtomicBool,
    needs_database: bool,
    /// Set once shutdown has begun: a draining service takes no new work.
    draining: AtomicBool,
}

impl Health {
    /// A service that uses only the broker passes `needs_database = false`.
    pub fn new(needs_database: bool) -> Arc<Self> {
        Arc::new(Self {
            amqp: AtomicBool::new(false),
            database: AtomicBool::new(false),
            needs_database,
            draining: AtomicBool::new(false),
        })
    }

    pub fn set_amqp(&self, up: bool) {
        self.amqp.store(up, Ordering::Relaxed);
    }

    pub fn set_database(&self, up: bool) {
        self.database.store(up, Ordering::Relaxed);
    }

    /// Shutdown has begun: not ready from now on.
    pub fn set_draining(&self) {
        self.draining.store(true, Ordering::Relaxed);
    }

    pub fn is_ready(&self) -> bool {
        !self.draining.load(Ordering::Relaxed)
            && self.amqp.load(Ordering::Relaxed)
            && (!self.needs_database || self.database.load(Ordering::Relaxed))
    }
}

#[derive(Clone)]
struct AppState {
    registry: Registry,
    health: Arc<Health>,
    /// Set from `health` at each scrape, so alerts see readiness.
    ready: IntGauge,
}

/// Routes of the operations endpoint; services may merge their own.
/// `ready` is the service's readiness gauge, read at each scrape.
pub fn router(registry: Registry, health: Arc<Health>, ready: IntGauge) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .with_state(AppState {
            registry,
            health,
            ready,
        })
}

/// Serves `app` on `listener` until `shutdown` is cancelled.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    state.ready.set(i64::from(state.health.is_ready()));
    let mut body = Vec::new();
    let encoder = TextEncoder::new();
    match encoder.encode(&state.registry.gather(), &mut body) {
        Ok(()) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, encoder.format_type().to_owned())],
            body,
        ),
        Err(error) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(header::CONTENT_TYPE, "text/plain".to_owned())],
            error.to_string().into_bytes(),
        ),
    }
}

async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    if state.health.is_ready() {
        (StatusCode::OK, "ready\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_needs_what_the_service_uses() {
        let broker_only = Health::new(false);
        assert!(!broker_only.is_ready());
        broker_only.set_amqp(true);
        assert!(broker_only.is_ready());

        let both = Health::new(true);
        both.set_amqp(true);
        assert!(!both.is_ready());
        both.set_database(true);
        assert!(both.is_ready());
        both.set_amqp(false);
        assert!(!both.is_ready());
        both.set_amqp(true);
        both.set_draining();
        assert!(!both.is_ready(), "a draining service is not ready");
    }
}
