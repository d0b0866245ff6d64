//! A database that goes away, or comes back read-only (as after a failover
//! to a replica), is waited for: the projector holds its batch, reports
//! not ready and tries again; nothing is requeued in a loop, nothing is
//! dead-lettered, and the article lands once the database is writable.

use std::time::Duration;

use tidings_common::amqp::QueueName;

use crate::helpers::{TestEnv, dead_reasons, metrics, sample_dir, sample_value};

async fn readyz(addr: std::net::SocketAddr) -> u16 {
    reqwest::get(format!("http://{addr}/readyz"))
        .await
        .map_or(0, |r| r.status().as_u16())
}

/// Ends the projector's sessions, so its next ones see the new settings.
async fn drop_projector_sessions(env: &TestEnv) {
    env.db
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = $1 AND usename = 'tidings_projector'",
            &[&env.database],
        )
        .await
        .expect("terminate");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_database_is_waited_for_not_dead_lettered() {
    let env = TestEnv::start().await;
    env.db
        .batch_execute(&format!(
            "ALTER DATABASE \"{}\" SET default_transaction_read_only = on",
            env.database
        ))
        .await
        .expect("read-only");
    drop_projector_sessions(&env).await;

    tidings_fetcher::ingest_paths(&env.fetcher_settings(), &[sample_dir()])
        .await
        .expect("ingest");
    // The projector tries, fails with 25006, holds the batch, not ready.
    let mut text = String::new();
    for _ in 0..300 {
        text = metrics(env.projector_addr).await;
        if sample_value(&text, "tidings_projector_database_retries_total") >= 3.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        sample_value(&text, "tidings_projector_database_retries_total") >= 3.0,
        "{text}"
    );
    assert_eq!(readyz(env.projector_addr).await, 503, "not ready meanwhile");
    for outcome in ["requeued", "dead_lettered"] {
        for event_type in ["ArticleFetched", "ArticleAnalyzed"] {
            let series = format!(
                "tidings_projector_messages_consumed_total{{event_type=\"{event_type}\",outcome=\"{outcome}\"}}"
            );
            assert_eq!(
                sample_value(&text, &series),
                0.0,
                "held, not {outcome}: {text}"
            );
        }
    }
    assert_eq!(env.count("SELECT count(*) FROM event_store").await, 0);

    // Writable again: the held batch lands, readiness returns.
    env.db
        .batch_execute(&format!(
            "ALTER DATABASE \"{}\" RESET default_transaction_read_only",
            env.database
        ))
        .await
        .expect("writable");
    drop_projector_sessions(&env).await;
    env.wait_for_count(
        "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL",
        1,
    )
    .await;
    let mut ready = 0;
    for _ in 0..100 {
        ready = readyz(env.projector_addr).await;
        if ready == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(ready, 200);
    for queue in [QueueName::ProjectorArticles, QueueName::ProjectorRecords] {
        assert!(dead_reasons(&env, queue, 0).await.is_empty());
    }
    let text = metrics(env.projector_addr).await;
    assert_eq!(
        sample_value(
            &text,
            "tidings_projector_messages_consumed_total{event_type=\"ArticleAnalyzed\",outcome=\"requeued\"}"
        ),
        0.0,
        "{text}"
    );
    env.finish().await;
}
