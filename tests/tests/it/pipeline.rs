//! The sample article through fetcher → extractor → projector, duplicates,
//! poison messages, metrics, readiness, and rebuild.

use lapin::BasicProperties;
use lapin::options::{BasicGetOptions, BasicPublishOptions, ConfirmSelectOptions};
use prost::Message;
use tidings_common::amqp::{self, QueueName};
use tidings_proto::{ArticleAnalyzed, RawArticle, WireMessage};

use crate::helpers::{TestEnv, metrics, sample_dir};

const ANALYZED: &str =
    "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL AND title IS NOT NULL";

async fn snapshot(env: &TestEnv) -> Vec<String> {
    let mut tables = Vec::new();
    for table in tidings_projector::rebuild::TABLES {
        let row = env
            .db
            .query_one(
                &format!("SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM {table} t"),
                &[],
            )
            .await
            .expect("snapshot query");
        tables.push(row.get(0));
    }
    tables
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sample_goes_through_all_three_services() {
    let env = TestEnv::start().await;
    let report = tidings_fetcher::ingest_paths(&env.fetcher_settings(), &[sample_dir()])
        .await
        .expect("ingest succeeds");
    assert_eq!((report.published, report.skipped), (1, 0));
    env.wait_for_count(ANALYZED, 1).await;

    // Entities: one key per person, with the sample's people and places.
    let rows = env
        .db
        .query(
            "SELECT key, kind, country, mentions FROM entities ORDER BY key",
            &[],
        )
        .await
        .expect("entities");
    let entity = |key: &str| {
        rows.iter()
            .find(|r| r.get::<_, String>(0) == key)
            .unwrap_or_else(|| panic!("{key} missing from entities"))
    };
    let blinken = entity("person:antony-blinken");
    assert_eq!(blinken.get::<_, String>(1), "PERSON");
    assert_eq!(blinken.get::<_, Option<String>>(2).as_deref(), Some("USA"));
    assert!(blinken.get::<_, i32>(3) >= 10, "Blinken is mentioned often");
    for key in [
        "person:qin-gang",
        "person:xi-jinping",
        "place:beijing-chn",
        "country:CHN",
        "country:USA",
    ] {
        entity(key);
    }
    assert_eq!(
        env.count("SELECT count(*) FROM entities WHERE kind = 'PERSON' AND name LIKE '%Blinken%'")
            .await,
        1,
        "Blinken is one entity"
    );

    // The people, organisations and places of DESIGN.md, with countries
    // and sectors.
    let coded = env
        .db
        .query("SELECT key, country, sector FROM entities", &[])
        .await
        .expect("entities");
    let coded: std::collections::HashMap<String, (Option<String>, Option<String>)> = coded
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2))))
        .collect();
    for (key, country, sector) in [
        ("person:antony-blinken", Some("USA"), Some("GOV")),
        ("person:qin-gang", Some("CHN"), Some("GOV")),
        ("person:xi-jinping", Some("CHN"), Some("GOV")),
        ("person:joe-biden", Some("USA"), Some("GOV")),
        ("person:lloyd-austin", Some("USA"), Some("MIL")),
        ("person:william-burns", Some("USA"), Some("SPY")),
        ("person:bill-gates", None, Some("BUS")),
        ("org:microsoft", None, Some("BUS")),
        ("org:aukus", None, Some("IGO")),
        ("org:central-intelligence-agency", Some("USA"), Some("SPY")),
        ("place:beijing-chn", Some("CHN"), None),
        ("place:vienna-aut", Some("AUT"), None),
        ("country:AUS", Some("AUS"), None),
        ("country:GBR", Some("GBR"), None),
    ] {
        let found = coded
            .get(key)
            .unwrap_or_else(|| panic!("{key} missing from entities"));
        assert_eq!(
            (found.0.as_deref(), found.1.as_deref()),
            (country, sector),
            "{key}"
        );
    }
    let vienna = env
        .db
        .query_one(
            "SELECT geonames_id, latitude, longitude FROM entities WHERE key = 'place:vienna-aut'",
            &[],
        )
        .await
        .expect("Vienna");
    assert_eq!(vienna.get::<_, Option<i64>>(0), Some(2_761_369));
    assert!(
        vienna
            .get::<_, Option<f64>>(1)
            .is_some_and(|lat| (lat - 48.2).abs() < 0.1)
    );
    assert!(
        vienna
            .get::<_, Option<f64>>(2)
            .is_some_and(|lon| (lon - 16.37).abs() < 0.1)
    );

    // One row per real entity: no person row is a part of another
    // person's name, and no row but the country's is named as a country.
    let people: Vec<String> = rows
        .iter()
        .filter(|r| r.get::<_, String>(1) == "PERSON")
        .map(|r| r.get::<_, String>(0))
        .collect();
    for short in &people {
        for long in &people {
            assert!(
                short == long || !long.ends_with(&format!("-{}", &short["person:".len()..])),
                "{short} is part of {long}"
            );
            assert!(
                short == long || !long.starts_with(&format!("{short}-")),
                "{short} is part of {long}"
            );
        }
    }
    assert_eq!(
        env.count(
            "SELECT count(*) FROM entities WHERE key NOT LIKE 'country:%'
               AND name IN ('US', 'U.S.', 'United States', 'America', 'American', 'China', 'Chinese')"
        )
        .await,
        0,
        "country names resolve to countries"
    );

    // The analysis in the event store carries both surface forms under one key.
    let payload: Vec<u8> = env
        .db
        .query_one(
            "SELECT payload FROM event_store WHERE event_type = 'ArticleAnalyzed'",
            &[],
        )
        .await
        .expect("stored analysis")
        .get(0);
    let analysis = ArticleAnalyzed::decode(payload.as_slice()).expect("stored analysis decodes");
    let blinken = analysis
        .entities
        .iter()
        .find(|e| e.key == "person:antony-blinken")
        .expect("Blinken in the analysis");
    let forms: std::collections::BTreeSet<&str> =
        blinken.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(
        forms.contains("Blinken") && forms.contains("Antony Blinken"),
        "{forms:?}"
    );

    sample_events(&env).await;

    // Views answer.
    assert!(
        env.count("SELECT count(*) FROM daily_entity_mentions WHERE day = DATE '2023-06-18'")
            .await
            > 5
    );
    assert!(env.count("SELECT count(*) FROM daily_dyads").await >= 1);

    // Metrics and readiness.
    let extractor = metrics(env.extractor_addr).await;
    assert!(
        extractor.contains("tidings_extractor_articles_consumed_total{outcome=\"analyzed\"} 1"),
        "{extractor}"
    );
    assert!(extractor.contains("tidings_extractor_analyses_published_total 1"));
    let projector = metrics(env.projector_addr).await;
    assert!(projector.contains(
        "tidings_projector_messages_consumed_total{event_type=\"ArticleAnalyzed\",outcome=\"projected\"} 1"
    ));
    assert!(projector.contains(
        "tidings_projector_messages_consumed_total{event_type=\"ArticleFetched\",outcome=\"projected\"} 1"
    ));
    for addr in [env.extractor_addr, env.projector_addr] {
        let ready = reqwest::get(format!("http://{addr}/readyz"))
            .await
            .expect("readyz");
        assert_eq!(ready.status(), 200);
        let healthy = reqwest::get(format!("http://{addr}/healthz"))
            .await
            .expect("healthz");
        assert_eq!(healthy.status(), 200);
    }

    // Rebuild gives the same projections.
    let live = snapshot(&env).await;
    let report = tidings_projector::rebuild(&env.common.database_url)
        .await
        .expect("rebuild");
    assert_eq!(report.replayed, 2);
    assert_eq!(snapshot(&env).await, live);
    env.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_article_twice_changes_nothing() {
    let env = TestEnv::start().await;
    let settings = env.fetcher_settings();
    tidings_fetcher::ingest_paths(&settings, &[sample_dir()])
        .await
        .expect("first ingest");
    env.wait_for_count(ANALYZED, 1).await;
    let before = snapshot(&env).await;
    tidings_fetcher::ingest_paths(&settings, &[sample_dir()])
        .await
        .expect("second ingest");
    // The projector sees both duplicates (raw and analysis) and ignores them.
    let mut duplicates = String::new();
    for _ in 0..200 {
        duplicates = metrics(env.projector_addr).await;
        if duplicates.contains("outcome=\"duplicate\"} 1\n")
            && duplicates.matches("outcome=\"duplicate\"} 1").count() == 2
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        duplicates.matches("outcome=\"duplicate\"} 1").count(),
        2,
        "{duplicates}"
    );
    assert_eq!(env.count("SELECT count(*) FROM event_store").await, 2);
    assert_eq!(env.count("SELECT count(*) FROM articles").await, 1);
    assert_eq!(snapshot(&env).await, before);
    env.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_is_dead_lettered_and_the_next_article_flows() {
    let env = TestEnv::start().await;
    let topology = env.topology();
    let connection = amqp::connect(&env.common.amqp_url, "test")
        .await
        .expect("broker");
    let channel = connection.create_channel().await.expect("channel");
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .expect("confirms");
    let publish = |payload: Vec<u8>, kind: Option<&str>| {
        let channel = channel.clone();
        let exchange = topology.articles_exchange();
        let mut properties = BasicProperties::default();
        if let Some(kind) = kind {
            properties = properties.with_type(kind.into());
        }
        async move {
            let confirm = channel
                .basic_publish(
                    exchange.into(),
                    RawArticle::ROUTING_KEY.into(),
                    BasicPublishOptions {
                        mandatory: true,
                        ..BasicPublishOptions::default()
                    },
                    &payload,
                    properties,
                )
                .await
                .expect("publish")
                .await
                .expect("confirm");
            assert!(confirm.is_ack());
        }
    };
    // Garbage bytes, then a well-formed article with an empty body.
    publish(b"\xff\x00garbage\x13\x37".to_vec(), None).await;
    let empty = RawArticle {
        event_id: "e-empty".into(),
        article_id: "a-empty".into(),
        body: "   ".into(),
        ..RawArticle::default()
    };
    publish(empty.encode_to_vec(), Some(RawArticle::TYPE_NAME)).await;
    // The line keeps moving: a good article is projected.
    tidings_fetcher::ingest_paths(&env.fetcher_settings(), &[sample_dir()])
        .await
        .expect("ingest");
    env.wait_for_count(ANALYZED, 1).await;

    // The extractor dead-lettered both with their reasons.
    let dead = topology.dead_queue(QueueName::ExtractorArticles);
    let mut reasons = Vec::new();
    for _ in 0..100 {
        if let Some(message) = channel
            .basic_get(dead.clone().into(), BasicGetOptions { no_ack: true })
            .await
            .expect("basic_get")
        {
            reasons.push(
                amqp::header_string(&message.delivery.properties, "x-tidings-reason")
                    .unwrap_or_default(),
            );
            if reasons.len() == 2 {
                break;
            }
        } else {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    reasons.sort();
    assert_eq!(reasons, ["empty", "undecodable"]);
    let extractor = metrics(env.extractor_addr).await;
    assert!(
        extractor.contains("tidings_extractor_dead_letters_total{reason=\"undecodable\"} 1"),
        "{extractor}"
    );
    assert!(extractor.contains("tidings_extractor_dead_letters_total{reason=\"empty\"} 1"));
    // The projector stores raw articles too: the garbage went to its DLQ.
    let projector = metrics(env.projector_addr).await;
    assert!(
        projector.contains("tidings_projector_dead_letters_total{reason=\"undecodable\"} 1"),
        "{projector}"
    );
    let _ = connection.close(200, "done".into()).await;
    env.finish().await;
}

/// One `world_events` row, as the checks below read it.
#[derive(Debug)]
struct Coded {
    source: String,
    source_country: String,
    target: String,
    target_country: String,
    root: String,
    date: String,
    precision: String,
    place: String,
    intention: bool,
}

/// The sample's events as the events issue lists them: what a reader
/// expects, and what must not be there.
async fn sample_events(env: &TestEnv) {
    let rows = env
        .db
        .query(
            "SELECT source_key, source_country, target_key, target_country, root_code,
                    event_date::text, date_precision, coalesce(location_name, ''), is_intention
               FROM world_events",
            &[],
        )
        .await
        .expect("world_events");
    let events: Vec<Coded> = rows
        .iter()
        .map(|r| {
            let text = |i: usize| r.get::<_, Option<String>>(i).unwrap_or_default();
            Coded {
                source: text(0),
                source_country: text(1),
                target: text(2),
                target_country: text(3),
                root: text(4),
                date: text(5),
                precision: text(6),
                place: text(7),
                intention: r.get(8),
            }
        })
        .collect();
    let has = |what: &str, test: &dyn Fn(&Coded) -> bool| {
        assert!(events.iter().any(test), "{what}: {events:#?}");
    };
    has(
        "Blinken (USA) meets Qin Gang (CHN) in Beijing on 2023-06-18",
        &|e| {
            e.source == "person:antony-blinken"
                && e.source_country == "USA"
                && e.target == "person:qin-gang"
                && e.target_country == "CHN"
                && e.root == "04"
                && e.date == "2023-06-18"
                && e.place == "Beijing"
                && !e.intention
        },
    );
    has("Xi Jinping meets Bill Gates on Friday 2023-06-16", &|e| {
        e.source == "person:xi-jinping"
            && e.target == "person:bill-gates"
            && e.root == "04"
            && e.date == "2023-06-16"
    });
    has("China rejects Lloyd Austin's request, early June", &|e| {
        e.source_country == "CHN"
            && e.target_country == "USA"
            && e.root == "12"
            && e.date == "2023-06-01"
            && e.precision == "month"
    });
    has("Biden and Xi met last year in Bali", &|e| {
        let pair = (e.source.as_str(), e.target.as_str());
        (pair == ("person:joe-biden", "person:xi-jinping")
            || pair == ("person:xi-jinping", "person:joe-biden"))
            && matches!(e.root.as_str(), "03" | "04" | "05")
            && e.date == "2022-01-01"
            && e.precision == "year"
            && e.place == "Bali"
    });
    has(
        "additional talks with Qin on Monday are an intention",
        &|e| {
            e.source == "person:antony-blinken"
                && e.target == "person:qin-gang"
                && e.root == "03"
                && e.date == "2023-06-19"
                && e.intention
        },
    );
    for e in &events {
        for never in [
            "person:leah-millis",
            "org:diaoyutai-state-guesthouse",
            "misc:",
            "place:",
        ] {
            assert!(
                !e.source.starts_with(never) && !e.target.starts_with(never),
                "{never} is never an actor: {e:?}"
            );
        }
        assert!(
            !(e.source == "country:CHN" && e.target == "country:RUS" && e.root == "11"),
            "China's refusal to condemn Russia is not a condemnation"
        );
        let a_country = e.source.starts_with("country:") || e.target.starts_with("country:");
        assert!(
            !(a_country && e.source_country == e.target_country),
            "an actor and its own country: {e:?}"
        );
    }
    let codes = env
        .count(
            "SELECT count(*) FROM world_events
              WHERE source_key = 'person:antony-blinken' AND source_actor_code = 'USAGOV'",
        )
        .await;
    assert!(codes >= 1, "actors carry GDELT-style codes");
}

/// An analysis past its time budget is dead-lettered as `too_slow`, and
/// the next article flows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_too_slow_analysis_is_dead_lettered_and_the_next_flows() {
    let env = TestEnv::start_with(|extractor, _| extractor.analysis_budget_ms = 150).await;
    // A long article: far more work than the budget allows in a test build.
    let paragraph = std::fs::read_to_string(sample_dir().join("2023-06-18-blinken-beijing.txt"))
        .expect("sample")
        .replacen("date 2023-06-18", "", 1);
    let long = paragraph.repeat(18);
    let dir = std::env::temp_dir().join(format!("{}-slow", env.namespace));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("a-long.txt"), format!("date 2023-06-18\n{long}")).expect("long");
    std::fs::write(
        dir.join("b-short.txt"),
        "date 2023-06-18\nJapan criticised China on Sunday.",
    )
    .expect("short");
    let report = tidings_fetcher::ingest_paths(&env.fetcher_settings(), std::slice::from_ref(&dir))
        .await
        .expect("ingest");
    assert_eq!(report.published, 2);
    env.wait_for_count(ANALYZED, 1).await;
    assert_eq!(
        crate::helpers::dead_reasons(&env, QueueName::ExtractorArticles, 1).await,
        ["too_slow"]
    );
    let extractor = metrics(env.extractor_addr).await;
    assert!(
        extractor.contains("tidings_extractor_dead_letters_total{reason=\"too_slow\"} 1"),
        "{extractor}"
    );
    let _ = std::fs::remove_dir_all(dir);
    env.finish().await;
}
