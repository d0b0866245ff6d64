//! The event store keeps what was received, byte for byte, and `rebuild`
//! replays it into new projections while articles flow and dashboards
//! read: the final tables equal a clean run, readers are never held up
//! for long, and the schema (indexes, constraints, views, grants) comes
//! out as the migrations made it.

use std::time::{Duration, Instant};

use lapin::BasicProperties;
use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use prost::Message;
use tidings_common::amqp::{self, QueueName};
use tidings_projector::apply::{self, Incoming};
use tidings_proto::v1::{Actor, DatePrecision, Entity, EntityKind, Event, Mention, Quotation};
use tidings_proto::{ArticleAnalyzed, RawArticle, WireMessage};

use crate::helpers::{Isolated, TestEnv, role_url};

/// One message as published: its type name and bytes.
struct Wire {
    type_name: &'static str,
    bytes: Vec<u8>,
}

const PEOPLE: [(&str, &str, &str); 6] = [
    ("person:joe-biden", "Joe Biden", "USA"),
    ("person:xi-jinping", "Xi Jinping", "CHN"),
    ("person:antony-blinken", "Antony Blinken", "USA"),
    ("person:qin-gang", "Qin Gang", "CHN"),
    ("person:fumio-kishida", "Fumio Kishida", "JPN"),
    ("person:emmanuel-macron", "Emmanuel Macron", "FRA"),
];

/// The raw article `i` and its analysis at `revision`: a few entities
/// shared by many articles (so that articles contend for the same rows),
/// one of its own, an event between two people and a quotation.
fn article(i: usize, revision: u32) -> (RawArticle, ArticleAnalyzed) {
    let id = format!("article-{i:05}");
    let day_ms = 1_687_000_000_000 + (i as i64 % 40) * 86_400_000;
    let raw = RawArticle {
        event_id: format!("fetched-{i}"),
        article_id: id.clone(),
        url: format!("https://news.example/{i}"),
        source: "news.example".into(),
        title: format!("Talks, part {i}"),
        published_at_ms: Some(day_ms),
        fetched_at_ms: day_ms + 60_000,
        language: "en".into(),
        body: format!("Story {i}."),
        content_hash: format!("hash-{i}"),
        ..RawArticle::default()
    };
    let (source, target) = (PEOPLE[i % 6], PEOPLE[(i / 6 + 1 + i) % 6]);
    let person = |(key, name, country): (&str, &str, &str), mentions: u32| Entity {
        key: key.into(),
        name: name.into(),
        kind: EntityKind::Person as i32,
        country: country.into(),
        sector: "GOV".into(),
        mentions: (0..mentions)
            .map(|m| Mention {
                start: m * 10,
                end: m * 10 + 5,
                text: name.into(),
            })
            .collect(),
        ..Entity::default()
    };
    let actor = |(key, name, country): (&str, &str, &str)| Actor {
        key: key.into(),
        name: name.into(),
        country: country.into(),
        sector: "GOV".into(),
        actor_code: format!("{country}GOV"),
    };
    let mut entities = vec![
        person(source, 1 + revision),
        Entity {
            key: format!("org:company-{}", i % 97),
            name: format!("Company {}", i % 97),
            kind: EntityKind::Org as i32,
            mentions: vec![Mention {
                start: 50,
                end: 57,
                text: "Company".into(),
            }],
            ..Entity::default()
        },
    ];
    if source.0 != target.0 {
        entities.push(person(target, 1));
    }
    let analysis = ArticleAnalyzed {
        event_id: format!("analyzed-{i}-r{revision}"),
        article_id: id,
        extractor_version: "test".into(),
        content_hash: format!("hash-{i}"),
        analyzed_at_ms: day_ms + 120_000,
        published_at_ms: Some(day_ms),
        fetched_at_ms: day_ms + 60_000,
        analysis_revision: revision,
        entities,
        events: vec![Event {
            id: format!("event-{i}-r{revision}"),
            cameo_code: if revision > 1 { "036" } else { "042" }.into(),
            root_code: "04".into(),
            quad_class: 1,
            goldstein: 1.9,
            source: Some(actor(source)),
            target: Some(actor(target)),
            date: "2023-06-18".into(),
            date_precision: DatePrecision::Day as i32,
            sentence_start: 0,
            sentence_end: 20,
            confidence: 0.8,
            trigger: "visit".into(),
            supporting_sentences: 1,
            ..Event::default()
        }],
        quotations: vec![Quotation {
            start: 30,
            end: 45,
            text: format!("We talked about {i}."),
            speaker_key: source.0.into(),
        }],
        ..ArticleAnalyzed::default()
    };
    (raw, analysis)
}

/// Articles `range`, raw and analysed, with every seventh analysed again
/// at a newer revision: the messages a projector would receive.
fn messages(range: std::ops::Range<usize>) -> Vec<Wire> {
    let mut wires = Vec::new();
    for i in range {
        let (raw, analysis) = article(i, 1);
        wires.push(Wire {
            type_name: RawArticle::TYPE_NAME,
            bytes: raw.encode_to_vec(),
        });
        wires.push(Wire {
            type_name: ArticleAnalyzed::TYPE_NAME,
            bytes: analysis.encode_to_vec(),
        });
        if i % 7 == 0 {
            wires.push(Wire {
                type_name: ArticleAnalyzed::TYPE_NAME,
                bytes: article(i, 2).1.encode_to_vec(),
            });
        }
    }
    wires
}

/// Publishes `wires` straight to the projector's queues (through the
/// default exchange), confirmed, `pace` messages at a time with a short
/// pause between.
async fn publish(env: &TestEnv, wires: &[Wire], pace: usize) {
    let topology = env.topology();
    let connection = amqp::connect(&env.common.amqp_url, "test")
        .await
        .expect("broker");
    let channel = connection.create_channel().await.expect("channel");
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .expect("confirms");
    for chunk in wires.chunks(pace.max(1)) {
        let mut confirms = Vec::with_capacity(chunk.len());
        for wire in chunk {
            let queue = if wire.type_name == RawArticle::TYPE_NAME {
                topology.queue(QueueName::ProjectorArticles)
            } else {
                topology.queue(QueueName::ProjectorRecords)
            };
            let properties = BasicProperties::default()
                .with_type(wire.type_name.into())
                .with_delivery_mode(2);
            confirms.push(
                channel
                    .basic_publish(
                        "".into(),
                        queue.as_str().into(),
                        BasicPublishOptions {
                            mandatory: true,
                            ..BasicPublishOptions::default()
                        },
                        &wire.bytes,
                        properties,
                    )
                    .await
                    .expect("publish"),
            );
        }
        for confirm in confirms {
            assert!(confirm.await.expect("confirm").is_ack());
        }
        tokio::time::sleep(Duration::from_millis(15)).await;
    }
    let _ = connection.close(200, "done".into()).await;
}

/// What the migrations made of the schema around the projections:
/// indexes, constraints, views and grants, as text.
async fn catalog(client: &tokio_postgres::Client) -> Vec<String> {
    let queries = [
        "SELECT tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'",
        "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
           FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
        "SELECT viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'",
        "SELECT table_name || ' ' || grantee || ' ' || privilege_type
           FROM information_schema.role_table_grants WHERE table_schema = 'public'",
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tidings%'",
    ];
    let mut lines = Vec::new();
    for query in queries {
        let mut rows: Vec<String> = client
            .query(query, &[])
            .await
            .expect("catalog query")
            .iter()
            .map(|row| row.get(0))
            .collect();
        rows.sort();
        lines.extend(rows);
    }
    lines
}

const ANALYZED: &str = "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rebuild_while_articles_flow_equals_a_clean_run() {
    let env = TestEnv::start_with(|_, projector| {
        projector.batch_size = 100;
        projector.concurrency = 2;
    })
    .await;
    let (before, during) = (0..1_500, 1_500..2_500);
    publish(&env, &messages(before.clone()), 500).await;
    env.wait_for_count_within(ANALYZED, before.len() as i64, Duration::from_secs(120))
        .await;
    let schema_before = catalog(&env.db).await;

    // Rebuild while the next thousand articles arrive and a dashboard
    // reads, as the reader role, all the while.
    let url = env.common.database_url.clone();
    let rebuild = tokio::spawn(async move { tidings_projector::rebuild(&url).await });
    let reader_url = role_url("tidings_reader", &env.database);
    let reader = tidings_common::db::connect(&reader_url)
        .await
        .expect("reader connects");
    let arriving = messages(during.clone());
    let flow = publish(&env, &arriving, 50);
    let watch = async {
        let mut slowest = Duration::ZERO;
        let mut queries = 0;
        while !rebuild.is_finished() {
            let started = Instant::now();
            reader
                .query_one(
                    "SELECT (SELECT count(*) FROM entity_overview) + (SELECT count(*) FROM daily_dyads)",
                    &[],
                )
                .await
                .expect("reader query during the rebuild");
            slowest = slowest.max(started.elapsed());
            queries += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        (slowest, queries)
    };
    let ((), (slowest, queries)) = tokio::join!(flow, watch);
    let report = rebuild
        .await
        .expect("rebuild task")
        .expect("rebuild succeeds");
    eprintln!(
        "rebuild under load: {report:?}; slowest reader {slowest:?} of {queries}; projected during: {}",
        env.count(ANALYZED).await
    );
    assert!(
        report.replayed >= messages(before.clone()).len() as u64,
        "{report:?}"
    );
    assert!(
        slowest < Duration::from_secs(1),
        "a reader waited {slowest:?} (slowest of {queries} queries during the rebuild; {report:?})"
    );
    env.wait_for_count_within(
        ANALYZED,
        (before.len() + during.len()) as i64,
        Duration::from_secs(120),
    )
    .await;
    assert_eq!(
        catalog(&env.db).await,
        schema_before,
        "indexes, constraints, views and grants as the migrations made them"
    );
    reader
        .query_one("SELECT count(*) FROM articles", &[])
        .await
        .expect("the reader role still reads the new tables");

    // A clean run: the same messages applied once, in one go, to a fresh
    // database.
    let clean = Isolated::new();
    tidings_projector::migrate(&clean.common.database_url)
        .await
        .expect("migrations");
    let pool = tidings_common::db::pool(&clean.common.database_url, 1).expect("pool");
    let mut client = pool.get().await.expect("connection");
    let all = messages(0..during.end);
    for chunk in all.chunks(400) {
        let events: Vec<Incoming> = chunk
            .iter()
            .map(|wire| {
                Incoming::from_delivery(Some(wire.type_name), wire.type_name, &wire.bytes)
                    .expect("decodes")
            })
            .collect();
        let with_metadata: Vec<(&Incoming, serde_json::Value)> = events
            .iter()
            .map(|event| (event, serde_json::json!({})))
            .collect();
        let transaction = client.transaction().await.expect("transaction");
        apply::apply_batch(&transaction, &with_metadata)
            .await
            .expect("applies");
        transaction.commit().await.expect("commits");
    }
    let expected = tidings_projector::digest(&client).await.expect("digest");
    let live = tidings_projector::digest(&env.db).await.expect("digest");
    assert_eq!(live, expected, "rebuilt under load vs a clean run");
    drop(client);
    drop(pool);
    clean.remove().await;
    env.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_store_keeps_the_bytes_received_and_replays_them() {
    let env = TestEnv::start().await;
    // An analysis from a newer producer: a field this build does not know
    // (number 99, a varint) after the known ones.
    let (raw, analysis) = article(1, 1);
    let mut newer = analysis.encode_to_vec();
    newer.extend_from_slice(&[0x98, 0x06, 0x2a]);
    let raw_bytes = raw.encode_to_vec();
    publish(
        &env,
        &[
            Wire {
                type_name: RawArticle::TYPE_NAME,
                bytes: raw_bytes.clone(),
            },
            Wire {
                type_name: ArticleAnalyzed::TYPE_NAME,
                bytes: newer.clone(),
            },
        ],
        10,
    )
    .await;
    env.wait_for_count_within(ANALYZED, 1, Duration::from_secs(120))
        .await;

    let stored = |event_type: &'static str| {
        let db = &env.db;
        async move {
            let row = db
                .query_one(
                    "SELECT payload, schema_version FROM event_store WHERE event_type = $1",
                    &[&event_type],
                )
                .await
                .expect("stored event");
            (row.get::<_, Vec<u8>>(0), row.get::<_, i32>(1))
        }
    };
    let (payload, version) = stored(ArticleAnalyzed::EVENT_TYPE).await;
    assert_eq!(payload, newer, "the analysis is stored as received");
    assert_eq!(
        Some(version),
        tidings_proto::schema_version(ArticleAnalyzed::TYPE_NAME)
    );
    assert_eq!(stored(RawArticle::EVENT_TYPE).await.0, raw_bytes);

    let live = tidings_projector::digest(&env.db).await.expect("digest");
    let report = tidings_projector::rebuild(&env.common.database_url)
        .await
        .expect("rebuild");
    assert_eq!(report.replayed, 2);
    assert_eq!(
        tidings_projector::digest(&env.db).await.expect("digest"),
        live
    );
    let (replayed, _) = stored(ArticleAnalyzed::EVENT_TYPE).await;
    assert_eq!(replayed, newer, "replay leaves the bytes as they were");
    // Decoded again from the store, the unknown field is still there to
    // pass on.
    let event =
        Incoming::from_store(ArticleAnalyzed::EVENT_TYPE, version, &replayed).expect("decodes");
    assert_eq!(event.bytes, newer);
    env.finish().await;
}
