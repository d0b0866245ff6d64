//! Migrations run once, by `tidings-projector migrate`; a service that finds
//! the schema older than it needs stays not-ready until it is migrated.

use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::helpers::Isolated;

async fn readyz(addr: std::net::SocketAddr) -> u16 {
    match reqwest::get(format!("http://{addr}/readyz")).await {
        Ok(response) => response.status().as_u16(),
        Err(_) => 0,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_projector_waits_for_its_migrations() {
    let isolated = Isolated::new();
    let common = isolated.common.clone();
    // An empty database: no schema at all.
    tidings_common::db::ensure_database(&common.database_url)
        .await
        .expect("database created");

    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let shutdown = CancellationToken::new();
    let settings = tidings_projector::Settings {
        common: common.clone(),
        http_addr: addr,
        batch_size: 10,
        batch_wait_ms: 10,
        batch_bytes: 1 << 20,
        concurrency: 1,
    };
    let projector = tokio::spawn(tidings_projector::run(settings, listener, shutdown.clone()));

    // Alive, but not ready, for as long as the schema is missing.
    for _ in 0..15 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(readyz(addr).await, 503, "not ready without its schema");
    }
    let applied = tidings_projector::migrate(&common.database_url)
        .await
        .expect("migrations apply");
    assert!(applied > 0);
    let mut status = 0;
    for _ in 0..200 {
        status = readyz(addr).await;
        if status == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(status, 200, "ready once migrated");
    // A second migrate finds nothing to do.
    assert_eq!(
        tidings_projector::migrate(&common.database_url)
            .await
            .expect("migrate again"),
        0
    );

    shutdown.cancel();
    projector
        .await
        .expect("projector task")
        .expect("projector exits cleanly");
    isolated.remove().await;
}
