//! The per-article cost of projecting does not grow with history: one more
//! article naming an entity that 10,000 articles named before touches the
//! same rows, table by table, as after 20,000, and only a handful of them.
//! Checked by PostgreSQL's own counters of tuples read and written, not by
//! timing. (The statements are the same whatever the history; against a
//! nearly empty read model the planner prefers scanning tiny tables to
//! using their indexes, so the counts are compared between two histories
//! large enough for the plans of a real deployment.)

use std::collections::BTreeMap;

use tidings_projector::apply::{self, Incoming};
use tidings_proto::v1::{Entity, EntityKind, Mention};
use tidings_proto::{ArticleAnalyzed, WireMessage};

use crate::helpers::Isolated;

/// An analysis of `article` naming the United States, China and one
/// person.
fn analysis(article: &str) -> ArticleAnalyzed {
    let entity = |key: &str, name: &str, kind: EntityKind, country: &str| Entity {
        key: key.into(),
        name: name.into(),
        kind: kind as i32,
        country: country.into(),
        mentions: vec![Mention {
            start: 0,
            end: 1,
            text: name.into(),
        }],
        ..Entity::default()
    };
    ArticleAnalyzed {
        event_id: format!("analysis-{article}"),
        article_id: article.into(),
        extractor_version: "test".into(),
        analysis_revision: 1,
        published_at_ms: Some(1_687_089_600_000),
        fetched_at_ms: 1_687_089_600_000,
        entities: vec![
            entity("country:USA", "United States", EntityKind::Loc, "USA"),
            entity("country:CHN", "China", EntityKind::Loc, "CHN"),
            entity(
                "person:test-person",
                "Test Person",
                EntityKind::Person,
                "USA",
            ),
        ],
        ..ArticleAnalyzed::default()
    }
}

/// Tuples read and written per table of the read model since the last
/// reset of the database's statistics.
async fn counters(client: &tokio_postgres::Client) -> BTreeMap<String, [i64; 5]> {
    client
        .batch_execute("SELECT pg_stat_clear_snapshot()")
        .await
        .expect("snapshot cleared");
    let rows = client
        .query(
            "SELECT relname, coalesce(seq_tup_read, 0), coalesce(idx_tup_fetch, 0),
                    n_tup_ins, n_tup_upd + n_tup_hot_upd, n_tup_del
               FROM pg_stat_user_tables
              WHERE relname IN ('articles', 'entities', 'article_entities', 'entity_daily',
                                'world_events', 'event_quotes', 'event_store')",
            &[],
        )
        .await
        .expect("statistics");
    rows.iter()
        .map(|r| (r.get(0), [r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)]))
        .collect()
}

/// Projects one analysis and returns the tuples it touched, per table.
async fn touched_by_one_article(database_url: &str, article: &str) -> BTreeMap<String, [i64; 5]> {
    let pool = tidings_common::db::pool(database_url, 1).expect("pool");
    let watcher = tidings_common::db::connect(database_url)
        .await
        .expect("watcher");
    let mut client = pool.get().await.expect("connection");
    // Flush this session's statistics at the end of its next transaction.
    client
        .batch_execute("SELECT pg_stat_force_next_flush()")
        .await
        .expect("flush");
    let before = counters(&watcher).await;
    let bytes = prost::Message::encode_to_vec(&analysis(article));
    let event = Incoming::from_delivery(
        Some(ArticleAnalyzed::TYPE_NAME),
        ArticleAnalyzed::TYPE_NAME,
        &bytes,
    )
    .expect("decodes");
    let transaction = client.transaction().await.expect("transaction");
    let outcomes = apply::apply_batch(&transaction, &[(&event, serde_json::json!({}))])
        .await
        .expect("applies");
    transaction.commit().await.expect("commits");
    assert_eq!(outcomes, [apply::Outcome::Projected]);
    client
        .batch_execute("SELECT pg_stat_force_next_flush()")
        .await
        .expect("flush");
    drop(client);
    let after = counters(&watcher).await;
    after
        .iter()
        .map(|(table, a)| {
            let b = before.get(table).copied().unwrap_or_default();
            (table.clone(), std::array::from_fn(|i| a[i] - b[i]))
        })
        .collect()
}

/// A read model with `n` articles of history, each naming the United
/// States and an organisation of its own.
async fn seeded(n: i32) -> Isolated {
    let isolated = Isolated::new();
    tidings_projector::migrate(&isolated.common.database_url)
        .await
        .expect("migrations");
    let seed = tidings_common::db::connect(&isolated.common.database_url)
        .await
        .expect("seed connection");
    seed.execute(
        "INSERT INTO entities (key, name, kind, country, mentions, articles)
         VALUES ('country:USA', 'United States', 'LOC', 'USA', $1, $1)",
        &[&n],
    )
    .await
    .expect("entity");
    seed.execute(
        "INSERT INTO entities (key, name, kind, mentions, articles)
         SELECT 'org:history-' || i, 'History ' || i, 'ORG', 1, 1 FROM generate_series(1, $1) i",
        &[&n],
    )
    .await
    .expect("entities");
    seed.execute(
        "INSERT INTO articles (id, published_at)
         SELECT 'history-' || i, TIMESTAMPTZ '2023-01-01' + i * INTERVAL '1 hour'
           FROM generate_series(1, $1) i",
        &[&n],
    )
    .await
    .expect("articles");
    seed.execute(
        "INSERT INTO article_entities (article, entity, mentions, salience, day)
         SELECT 'history-' || i, e, 1, 0.5, (TIMESTAMPTZ '2023-01-01' + i * INTERVAL '1 hour')::date
           FROM generate_series(1, $1) i, LATERAL (VALUES ('country:USA'), ('org:history-' || i)) v(e)",
        &[&n],
    )
    .await
    .expect("article entities");
    seed.batch_execute(
        "INSERT INTO entity_daily (entity, day, mentions, articles)
         SELECT entity, day, sum(mentions), count(*) FROM article_entities GROUP BY 1, 2;
         INSERT INTO entity_daily (entity, day, mentions, articles)
         VALUES ('country:CHN', DATE '2023-06-18', 1, 1), ('person:test-person', DATE '2023-06-18', 1, 1);
         INSERT INTO entities (key, name, kind, mentions, articles)
         VALUES ('country:CHN', 'China', 'LOC', 1, 1), ('person:test-person', 'Test Person', 'PERSON', 1, 1);
         INSERT INTO entity_daily (entity, day, mentions, articles)
         VALUES ('country:USA', DATE '2023-06-18', 1, 1) ON CONFLICT DO NOTHING;
         ANALYZE;",
    )
    .await
    .expect("rollup");
    isolated
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_more_article_costs_the_same_after_10000() {
    let small = seeded(10_000).await;
    let large = seeded(20_000).await;
    let in_small = touched_by_one_article(&small.common.database_url, "new-article").await;
    let in_large = touched_by_one_article(&large.common.database_url, "new-article").await;
    assert_eq!(
        in_large, in_small,
        "tuples (seq read, index fetched, inserted, updated, deleted) per table, after 20,000 articles and after 10,000"
    );
    // Nothing reads history: a handful of tuples per table at most.
    for (table, [seq, fetched, ..]) in &in_large {
        assert!(seq + fetched <= 12, "{table} read {seq} + {fetched} tuples");
    }
    // And the delta landed: 20,001 articles name the United States.
    let check = tidings_common::db::connect(&large.common.database_url)
        .await
        .expect("check");
    let row = check
        .query_one(
            "SELECT mentions, articles FROM entities WHERE key = 'country:USA'",
            &[],
        )
        .await
        .expect("entity");
    assert_eq!(
        (row.get::<_, i32>(0), row.get::<_, i32>(1)),
        (20_001, 20_001)
    );
    drop(check);
    small.remove().await;
    large.remove().await;
}
