//! Migrations run once, by `tidings-projector migrate`; a service that finds
//! the schema older than it needs stays not-ready until it is migrated.

use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::helpers::{Isolated, role_url};

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

/// Each service's role can do its job and nothing more: the projector cannot
/// rewrite or erase the event store, the fetcher cannot touch the read
/// model, dashboards cannot write at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_are_least_privilege() {
    let isolated = Isolated::new();
    tidings_common::db::ensure_database(&isolated.common.database_url)
        .await
        .expect("database created");
    tidings_projector::migrate(&isolated.common.database_url)
        .await
        .expect("migrations apply");
    let owner = tidings_common::db::connect(&isolated.common.database_url)
        .await
        .expect("owner connects");
    owner
        .batch_execute(
            "INSERT INTO event_store (event_id, stream_id, event_type, schema_version, payload) \
             VALUES (gen_random_uuid()::text, 's', 'ArticleFetched', 1, '\\x00'::bytea)",
        )
        .await
        .expect("owner appends");

    let as_role = |role: &'static str| {
        let url = role_url(role, &isolated.database);
        async move {
            tidings_common::db::connect(&url)
                .await
                .unwrap_or_else(|error| panic!("{role} connects: {error}"))
        }
    };
    let projector = as_role("tidings_projector").await;
    let appended = projector
        .batch_execute(
            "INSERT INTO event_store (event_id, stream_id, event_type, schema_version, payload) \
             VALUES (gen_random_uuid()::text, 's', 'ArticleFetched', 1, '\\x00'::bytea)",
        )
        .await;
    assert!(appended.is_ok(), "projector appends: {appended:?}");
    projector
        .batch_execute("SELECT count(*) FROM event_store; DELETE FROM entity_daily")
        .await
        .expect("projector reads the store and keeps the read model");
    refused(&projector, "UPDATE event_store SET event_type = 'x'").await;
    refused(&projector, "DELETE FROM event_store").await;
    refused(&projector, "TRUNCATE event_store").await;
    refused(&projector, "DELETE FROM feeds").await;
    refused(&projector, "CREATE TABLE intruder (x int)").await;

    let fetcher = as_role("tidings_fetcher").await;
    fetcher
        .batch_execute("SELECT count(*) FROM feeds; DELETE FROM seen_items")
        .await
        .expect("fetcher keeps its own tables");
    refused(&fetcher, "SELECT count(*) FROM event_store").await;
    refused(&fetcher, "DELETE FROM articles").await;

    let reader = as_role("tidings_reader").await;
    reader
        .batch_execute(
            "SELECT count(*) FROM articles; SELECT count(*) FROM daily_dyads; \
             SELECT count(*) FROM entity_overview",
        )
        .await
        .expect("reader reads the read model");
    for sql in [
        "INSERT INTO event_store (event_id, stream_id, event_type, schema_version, payload) \
         VALUES (gen_random_uuid()::text, 's', 'x', 1, '\\x00'::bytea)",
        "DELETE FROM articles",
        "UPDATE entities SET revision = 0",
        "TRUNCATE world_events",
        "DELETE FROM feeds",
        "CREATE TABLE intruder (x int)",
    ] {
        refused(&reader, sql).await;
    }

    // The migrate job sets passwords from its environment, as verifiers.
    let set = tidings_projector::set_role_passwords(
        &isolated.common.database_url,
        &tidings_projector::RolePasswords {
            reader: Some("correct horse".parse().expect("secret")),
            ..Default::default()
        },
    )
    .await
    .expect("passwords set");
    assert_eq!(set, ["tidings_reader"]);
    let stored: String = owner
        .query_one(
            "SELECT rolpassword FROM pg_authid WHERE rolname = 'tidings_reader'",
            &[],
        )
        .await
        .expect("role")
        .get(0);
    assert!(stored.starts_with("SCRAM-SHA-256$"), "stored as a verifier");
    assert!(!stored.contains("correct horse"));
    drop((projector, fetcher, reader, owner));
    isolated.remove().await;
}

/// `sql` fails for lack of privilege (not for any other reason).
async fn refused(client: &tokio_postgres::Client, sql: &str) {
    let error = client
        .batch_execute(sql)
        .await
        .expect_err(&format!("refused: {sql}"));
    let state = error.code().map(|code| code.code().to_owned());
    assert_eq!(
        state.as_deref(),
        Some("42501"),
        "{sql}: refused for lack of privilege, not {error:?}"
    );
}
