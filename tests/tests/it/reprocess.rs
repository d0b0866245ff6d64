//! Re-analysing history: `tidings-projector reprocess` sends stored raw
//! articles to the extractor's backfill queue; the newer analyses replace
//! the older ones (by revision, whatever the order of arrival), live
//! articles go first, a stopped run continues where it was, and running it
//! again with the same version changes nothing.

use std::io::Write as _;
use std::time::{Duration, Instant};

use lapin::options::{BasicGetOptions, BasicPublishOptions, QueueDeclareOptions};
use prost::Message as _;
use tidings_common::amqp::{self, QueueName};
use tidings_projector::reprocess::{ReprocessArgs, ReprocessError, reprocess};
use tidings_proto::{ArticleAnalyzed, WireMessage};
use tokio_util::sync::CancellationToken;

use crate::helpers::{TestEnv, metrics, sample_dir, sample_value};

const LEADERS: [(&str, &str, &str); 8] = [
    ("Joe Biden", "United States", "Washington"),
    ("Xi Jinping", "China", "Beijing"),
    ("Emmanuel Macron", "France", "Paris"),
    ("Fumio Kishida", "Japan", "Tokyo"),
    ("Narendra Modi", "India", "New Delhi"),
    ("Olaf Scholz", "Germany", "Berlin"),
    ("Rishi Sunak", "Britain", "London"),
    ("Anthony Albanese", "Australia", "Canberra"),
];

/// `n` news-like articles, each naming two leaders and their countries,
/// with a meeting, a criticism and a promise of talks.
fn articles(n: usize) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| {
            let (a, b) = (LEADERS[i % 8], LEADERS[(i / 8 + i + 1) % 8]);
            let b = if a.0 == b.0 { LEADERS[(i + 3) % 8] } else { b };
            let day = 1 + i % 28;
            serde_json::json!({
                "url": format!("https://news.example/reprocess/{i}"),
                "title": format!("{} meets {} ({i})", a.0, b.0),
                "published_at": format!("2023-05-{day:02}"),
                "body": format!(
                    "{city} - {a} met {b} in {city} on Tuesday, officials said. \
                     {ca} criticised {cb} over its trade policy, and {a} urged {b} to reopen its markets. \
                     The two leaders agreed to hold further talks next month. \
                     Story number {i} of the day quoted a spokesman who said the meeting was \"frank and useful\".",
                    city = a.2, a = a.0, b = b.0, ca = a.1, cb = b.1,
                ),
            })
        })
        .collect()
}

fn write_dump(env: &TestEnv, articles: &[serde_json::Value]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("{}-reprocess.jsonl", env.namespace));
    let mut file = std::fs::File::create(&path).expect("dump");
    for article in articles {
        writeln!(file, "{article}").expect("line");
    }
    path
}

fn args(env: &TestEnv, name: &str) -> ReprocessArgs {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port");
    ReprocessArgs {
        common: env.common.clone(),
        since: None,
        until: None,
        older_than_version: None,
        source: None,
        limit: None,
        rate: 0.0,
        pause_above: 1000,
        backlog: 5000,
        name: name.to_owned(),
        dry_run: false,
        http_addr: port,
    }
}

fn version(revision: u32) -> String {
    format!(
        "{}+rev.{revision}",
        *tidings_nlp::analysis::EXTRACTOR_VERSION
    )
}

async fn backfill_depth(env: &TestEnv) -> u32 {
    let connection = amqp::connect(&env.common.amqp_url, "test")
        .await
        .expect("broker");
    let channel = connection.create_channel().await.expect("channel");
    let declared = channel
        .queue_declare(
            env.topology().queue(QueueName::ExtractorBackfill).into(),
            QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            },
            Default::default(),
        )
        .await
        .expect("queue");
    let _ = connection.close(200, "done".into()).await;
    declared.message_count()
}

/// The read model, wall-clock columns aside.
async fn digest(env: &TestEnv) -> Vec<tidings_projector::TableDigest> {
    tidings_projector::digest_except(&env.db, &tidings_projector::WALL_CLOCK)
        .await
        .expect("digest")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_is_reanalysed_live_articles_first() {
    const N: usize = 300;
    let mut env = TestEnv::start_with(|extractor, projector| {
        extractor.analysis_revision = Some(100);
        projector.batch_size = 100;
    })
    .await;
    let dump = write_dump(&env, &articles(N));
    let settings = env.fetcher_settings();
    let report = tidings_fetcher::ingest_paths(&settings, std::slice::from_ref(&dump))
        .await
        .expect("ingest");
    assert_eq!(report.published, N);
    let old = version(100);
    let new = version(101);
    env.wait_for_count_within(
        &format!("SELECT count(*) FROM articles WHERE extractor_version = '{old}'"),
        N as i64,
        Duration::from_secs(120),
    )
    .await;

    // A new extractor; nothing changes until history is sent again.
    env.start_extractor(|extractor| extractor.analysis_revision = Some(101))
        .await;
    let mut dry = args(&env, "upgrade");
    dry.older_than_version = Some(new.clone());
    dry.dry_run = true;
    let planned = reprocess(&dry, &CancellationToken::new())
        .await
        .expect("dry run");
    assert_eq!((planned.selected, planned.sent), (N as i64, 0));

    // The backfill, with a live article arriving in the middle of it.
    let mut upgrade = args(&env, "upgrade");
    upgrade.older_than_version = Some(new.clone());
    let backfill =
        tokio::spawn(async move { reprocess(&upgrade, &CancellationToken::new()).await });
    env.wait_for_count_within(
        "SELECT count(*)::int8 FROM reprocess_runs WHERE name = 'upgrade' AND sent > 0",
        1,
        Duration::from_secs(30),
    )
    .await;
    let live_started = Instant::now();
    tidings_fetcher::ingest_paths(&settings, &[sample_dir()])
        .await
        .expect("live ingest");
    let live = "SELECT count(*) FROM articles WHERE title LIKE 'US Secretary of State%' AND analyzed_at IS NOT NULL";
    env.wait_for_count_within(live, 1, Duration::from_secs(30))
        .await;
    let live_latency = live_started.elapsed();
    let still_old = env
        .count(&format!(
            "SELECT count(*) FROM articles WHERE extractor_version = '{old}'"
        ))
        .await;
    eprintln!(
        "live article projected in {live_latency:?}, {still_old} of {N} still on the old analysis"
    );
    assert!(
        still_old > 0,
        "the live article was projected before the backfill finished"
    );
    assert!(
        live_latency < Duration::from_secs(10),
        "a live article waits at most 10 s behind a backfill (took {live_latency:?})"
    );
    let report = backfill.await.expect("task").expect("backfill");
    assert!(report.finished && report.sent == N as i64, "{report:?}");
    env.wait_for_count_within(
        &format!("SELECT count(*) FROM articles WHERE extractor_version = '{new}'"),
        N as i64 + 1,
        Duration::from_secs(120),
    )
    .await;
    let extractor = metrics(env.extractor_addr).await;
    assert_eq!(
        sample_value(
            &extractor,
            "tidings_extractor_backfill_articles_consumed_total{outcome=\"analyzed\"}"
        ),
        N as f64
    );

    // The same as a fresh run under the new version: nothing doubled,
    // nothing of the old analyses left.
    let reprocessed = digest(&env).await;
    let mut fresh =
        TestEnv::start_with(|extractor, _| extractor.analysis_revision = Some(101)).await;
    tidings_fetcher::ingest_paths(&fresh.fetcher_settings(), &[dump.clone(), sample_dir()])
        .await
        .expect("fresh ingest");
    fresh
        .wait_for_count_within(
            &format!("SELECT count(*) FROM articles WHERE extractor_version = '{new}'"),
            N as i64 + 1,
            Duration::from_secs(120),
        )
        .await;
    assert_eq!(
        reprocessed,
        digest(&fresh).await,
        "re-analysed vs fresh run"
    );
    fresh.stop_extractor().await;
    fresh.finish().await;

    // An older analysis arriving after the newer one changes nothing.
    let payload: Vec<u8> = env
        .db
        .query_one(
            "SELECT e.payload FROM event_store e JOIN articles a ON a.id = e.stream_id
              WHERE e.event_type = 'ArticleAnalyzed' AND a.title LIKE '% (7)'
                AND position($1::bytea IN e.payload) > 0",
            &[&old.as_bytes()],
        )
        .await
        .expect("an old analysis")
        .get(0);
    let mut late = ArticleAnalyzed::decode(payload.as_slice()).expect("decodes");
    late.event_id = format!("{}-late", late.event_id);
    let connection = amqp::connect(&env.common.amqp_url, "test")
        .await
        .expect("broker");
    let channel = connection.create_channel().await.expect("channel");
    channel
        .basic_publish(
            env.topology().records_exchange().into(),
            ArticleAnalyzed::ROUTING_KEY.into(),
            BasicPublishOptions::default(),
            &late.encode_to_vec(),
            amqp::message_properties::<ArticleAnalyzed>(&late.event_id),
        )
        .await
        .expect("publish")
        .await
        .expect("confirm");
    let superseded = "tidings_projector_messages_consumed_total{event_type=\"ArticleAnalyzed\",outcome=\"superseded\"}";
    let deadline = Instant::now() + Duration::from_secs(20);
    while sample_value(&metrics(env.projector_addr).await, superseded) < 1.0 {
        assert!(
            Instant::now() < deadline,
            "the late analysis was never consumed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        digest(&env).await,
        reprocessed,
        "a late older analysis changes nothing"
    );

    // Reprocessing with the same version changes no table, wall clock
    // included.
    let before = tidings_projector::digest(&env.db).await.expect("digest");
    let again = reprocess(&args(&env, "again"), &CancellationToken::new())
        .await
        .expect("again");
    assert_eq!(again.sent, N as i64 + 1);
    let consumed = "tidings_extractor_backfill_articles_consumed_total{outcome=\"analyzed\"}";
    let deadline = Instant::now() + Duration::from_secs(120);
    while sample_value(&metrics(env.extractor_addr).await, consumed) < (2 * N + 1) as f64 {
        assert!(
            Instant::now() < deadline,
            "the second backfill never drained"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    let duplicates = "tidings_projector_messages_consumed_total{event_type=\"ArticleAnalyzed\",outcome=\"duplicate\"}";
    while sample_value(&metrics(env.projector_addr).await, duplicates) < (N + 1) as f64 {
        assert!(
            Instant::now() < deadline,
            "the duplicates never reached the projector"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        tidings_projector::digest(&env.db).await.expect("digest"),
        before
    );
    let _ = std::fs::remove_file(dump);
    env.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_reprocess_continues_and_two_do_not_collide() {
    const N: usize = 400;
    let mut env = TestEnv::start().await;
    let dump = write_dump(&env, &articles(N));
    tidings_fetcher::ingest_paths(&env.fetcher_settings(), std::slice::from_ref(&dump))
        .await
        .expect("ingest");
    env.wait_for_count_within(
        "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL",
        N as i64,
        Duration::from_secs(120),
    )
    .await;
    // No extractor: what is sent stays in the backfill queue, to be counted.
    env.stop_extractor().await;

    let mut slow = args(&env, "stopped");
    slow.rate = 500.0;
    let stop = CancellationToken::new();
    let first = {
        let slow = slow.clone();
        let stop = stop.clone();
        tokio::spawn(async move { reprocess(&slow, &stop).await })
    };
    env.wait_for_count_within(
        "SELECT count(*)::int8 FROM reprocess_runs WHERE name = 'stopped' AND sent > 0",
        1,
        Duration::from_secs(30),
    )
    .await;
    // A second run meanwhile is refused.
    let mut other = args(&env, "other");
    other.rate = 500.0;
    assert!(matches!(
        reprocess(&other, &CancellationToken::new()).await,
        Err(ReprocessError::Busy)
    ));
    // Stopped half-way (Ctrl-C), then run again: it continues.
    stop.cancel();
    let stopped = first.await.expect("task").expect("first run");
    assert!(
        !stopped.finished && stopped.sent > 0 && stopped.sent < N as i64,
        "{stopped:?}"
    );
    let mut changed = slow.clone();
    changed.source = Some("http".into());
    assert!(matches!(
        reprocess(&changed, &CancellationToken::new()).await,
        Err(ReprocessError::OtherSelection(_))
    ));
    let rest = reprocess(&slow, &CancellationToken::new())
        .await
        .expect("second run");
    assert!(rest.finished, "{rest:?}");
    assert_eq!(
        stopped.sent + rest.sent,
        N as i64,
        "each remaining article sent once"
    );

    // What the backfill queue received: every article, once.
    assert_eq!(backfill_depth(&env).await, N as u32);
    let connection = amqp::connect(&env.common.amqp_url, "test")
        .await
        .expect("broker");
    let channel = connection.create_channel().await.expect("channel");
    let mut ids = std::collections::BTreeSet::new();
    while let Some(message) = channel
        .basic_get(
            env.topology().queue(QueueName::ExtractorBackfill).into(),
            BasicGetOptions { no_ack: true },
        )
        .await
        .expect("get")
    {
        let article: tidings_proto::RawArticle = tidings_proto::decode(
            amqp::message_type(&message.delivery.properties),
            &message.delivery.data,
        )
        .expect("a stored raw article, as stored");
        assert!(ids.insert(article.article_id), "an article sent twice");
    }
    assert_eq!(ids.len(), N);
    let _ = connection.close(200, "done".into()).await;
    let _ = std::fs::remove_file(dump);
    env.finish().await;
}
