//! `make bench-e2e`: the whole pipeline on this machine, as it runs in
//! production (release binaries as separate processes, the local RabbitMQ
//! and PostgreSQL, a database and a namespace of its own), fed a real
//! corpus; and, in the same run, the ceilings it shares: the raw one-hop
//! broker rate and the raw binary COPY rate.
//!
//! Settings (environment): `CORPUS` (a directory of files or a JSON Lines
//! dump; default all of Reuters-21578 from `../shared/data`, else a
//! generated corpus), `EXTRACTORS` and `PROJECTORS` (replicas, default 1),
//! `PRELOAD_ROWS` (`article_entities` history to start from, default 0),
//! `TIDINGS_BIN` (default `target/release`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use tidings_bench::corpus::corpus;
use tidings_bench::procs::{self, Service};
use tidings_bench::{cleanup, raw};

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn count(db: &tokio_postgres::Client) -> anyhow::Result<i64> {
    Ok(db
        .query_one(
            "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL",
            &[],
        )
        .await?
        .get(0))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let amqp_url = std::env::var("TIDINGS_AMQP_URL")
        .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".to_owned());
    let postgres = std::env::var("TIDINGS_BENCH_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned());
    let bin =
        PathBuf::from(std::env::var("TIDINGS_BIN").unwrap_or_else(|_| "target/release".into()));
    let extractors: usize = env_or("EXTRACTORS", 1);
    let projectors: usize = env_or("PROJECTORS", 1);
    let preload: i64 = env_or("PRELOAD_ROWS", 0);
    let id = uuid::Uuid::new_v4().simple().to_string()[..10].to_owned();
    let namespace = format!("bench-{id}");
    let database_url = format!("{postgres}/tidings_bench_{id}");
    let dir = std::env::temp_dir().join(&namespace);
    std::fs::create_dir_all(&dir)?;

    let (dump, articles, mean_size) = corpus(&dir).context("preparing the corpus")?;
    println!(
        "corpus articles={articles} mean_body_bytes={mean_size} extractors={extractors} projectors={projectors}"
    );

    // The ceilings, measured now, on the same machine.
    let broker = raw::broker_rate(
        &amqp_url,
        &format!("{namespace}.raw"),
        20_000,
        mean_size.max(256),
    )
    .await?;
    println!(
        "raw broker one_hop_messages_per_second={broker:.0} (quorum queue, confirms, acks, {mean_size} bytes)"
    );
    let status = std::process::Command::new(bin.join("tidings-projector"))
        .args(["migrate"])
        .env("TIDINGS_DATABASE_URL", &database_url)
        .env("RUST_LOG", "warn")
        .status()?;
    anyhow::ensure!(status.success(), "migrate failed");
    let copy = raw::copy_rate(&database_url, 200_000).await?;
    println!("raw copy article_entities_rows_per_second={copy:.0}");

    let db = tidings_common::db::connect(&database_url).await?;
    if preload > 0 {
        let started = Instant::now();
        db.execute(
            "INSERT INTO entities (key, name, kind, mentions, articles)
             SELECT 'org:preload-' || i, 'Preload ' || i, 'ORG', 0, 0 FROM generate_series(0, 999) i",
            &[],
        )
        .await?;
        db.execute(
            "INSERT INTO articles (id, published_at)
             SELECT 'preload-' || i, TIMESTAMPTZ '1986-01-01' + (i % 400) * INTERVAL '1 day'
               FROM generate_series(1, $1::int8 / 10) i",
            &[&preload],
        )
        .await?;
        db.execute(
            "INSERT INTO article_entities (article, entity, mentions, salience, day)
             SELECT 'preload-' || (i / 10 + 1), 'org:preload-' || (i % 1000), 1, 0.1,
                    DATE '1986-01-01' + (i / 10 % 400)::int
               FROM generate_series(0, $1::int8 - 1) i
             ON CONFLICT DO NOTHING",
            &[&preload],
        )
        .await?;
        db.batch_execute(
            "INSERT INTO entity_daily (entity, day, mentions, articles)
             SELECT entity, day, sum(mentions), count(*) FROM article_entities GROUP BY 1, 2;
             UPDATE entities e SET mentions = s.m, articles = s.a
               FROM (SELECT entity, sum(mentions) m, count(*) a FROM article_entities GROUP BY 1) s
              WHERE e.key = s.entity;
             ANALYZE;",
        )
        .await?;
        println!(
            "preloaded article_entities_rows={preload} seconds={:.1}",
            started.elapsed().as_secs_f64()
        );
    }
    let baseline = count(&db).await?;

    let env: Vec<(&str, String)> = vec![
        ("TIDINGS_AMQP_URL", amqp_url.clone()),
        ("TIDINGS_DATABASE_URL", database_url.clone()),
        ("TIDINGS_NAMESPACE", namespace.clone()),
        ("TIDINGS_LOG_FORMAT", "json".into()),
    ];
    let mut services = Vec::new();
    for n in 0..projectors {
        services.push(Service::start(
            &bin,
            "tidings-projector",
            &format!("projector-{n}"),
            &env,
            &dir.join(format!("projector-{n}.log")),
        )?);
    }
    for n in 0..extractors {
        services.push(Service::start(
            &bin,
            "tidings-extractor",
            &format!("extractor-{n}"),
            &env,
            &dir.join(format!("extractor-{n}.log")),
        )?);
    }
    for service in &services {
        service.wait_ready().await?;
    }

    // The run: ingest the dump; watch the projected count.
    let broker_cpu = procs::cpu_of_command("beam.smp");
    let database_cpu = procs::cpu_of_command("postgres");
    let started = Instant::now();
    let mut ingest = std::process::Command::new(bin.join("tidings-fetcher"))
        .arg("ingest")
        .arg(&dump)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    let ingest_pid = ingest.id();
    let mut ingest_usage: Option<(f64, f64)> = None;
    let quarters = [0.25, 0.5, 0.75, 1.0].map(|q| (articles as f64 * q).round() as i64);
    let mut crossed = Vec::new();
    let deadline = Duration::from_secs(3600);
    loop {
        // The last reading before the ingest process ends.
        if let Some(usage) = procs::usage_of(ingest_pid) {
            ingest_usage = Some(usage);
        }
        let _ = ingest.try_wait()?;
        let done = count(&db).await? - baseline;
        while crossed.len() < quarters.len() && done >= quarters[crossed.len()] {
            crossed.push(started.elapsed().as_secs_f64());
        }
        if crossed.len() == quarters.len() || started.elapsed() > deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = ingest.wait();
    let seconds = started.elapsed().as_secs_f64();
    let broker_cpu = procs::cpu_of_command("beam.smp") - broker_cpu;
    let database_cpu = procs::cpu_of_command("postgres") - database_cpu;
    let done = count(&db).await? - baseline;
    let rate = done as f64 / seconds;
    println!("e2e articles={done} seconds={seconds:.1} articles_per_second={rate:.1}");
    let mut previous = 0.0;
    for (q, at) in crossed.iter().enumerate() {
        let per = (articles as f64 / 4.0) / (at - previous).max(1e-9);
        println!("quarter {} articles_per_second={per:.1}", q + 1);
        previous = *at;
    }
    if crossed.len() == 4 {
        let first = (articles as f64 / 4.0) / crossed[0];
        let last = (articles as f64 / 4.0) / (crossed[3] - crossed[2]).max(1e-9);
        println!("flatness last_quarter/first_quarter={:.2}", last / first);
    }
    for service in services.iter().filter(|s| s.name.starts_with("projector")) {
        let metrics = service.metrics().await?;
        let p50 = procs::histogram_quantile(&metrics, "tidings_projector_end_to_end_seconds", 0.5);
        let p99 = procs::histogram_quantile(&metrics, "tidings_projector_end_to_end_seconds", 0.99);
        println!(
            "latency {} fetch_to_projected p50={:.2}s p99={:.2}s",
            service.name,
            p50.unwrap_or(f64::NAN),
            p99.unwrap_or(f64::NAN)
        );
    }
    if let Some((cpu, rss)) = ingest_usage {
        println!("usage fetcher-ingest cpu_seconds={cpu:.1} peak_rss_mib={rss:.0}");
    }
    println!("usage rabbitmq cpu_seconds={broker_cpu:.1}");
    println!("usage postgresql cpu_seconds={database_cpu:.1}");
    println!(
        "usage machine core_seconds_available={:.1} (2 cores x {seconds:.1} s)",
        2.0 * seconds
    );
    for service in &services {
        if let Some((cpu, rss)) = service.usage() {
            println!(
                "usage {} cpu_seconds={cpu:.1} peak_rss_mib={rss:.0}",
                service.name
            );
        }
    }
    let rows_per_article: f64 = db
        .query_one(
            "SELECT count(*)::float8 / greatest(count(DISTINCT article), 1) FROM article_entities
              WHERE article NOT LIKE 'preload-%'",
            &[],
        )
        .await?
        .get(0);
    let copy_articles = copy / rows_per_article.max(1.0);
    println!(
        "ratio e2e/broker_one_hop={:.3} (each article crosses the broker three times) e2e/copy={:.4} (COPY of its {rows_per_article:.1} article_entities rows alone would take {copy_articles:.0} articles/s)",
        rate / broker,
        rate / copy_articles,
    );

    for service in services {
        service.stop()?;
    }
    drop(db);
    cleanup(
        &amqp_url,
        &postgres,
        &namespace,
        &format!("tidings_bench_{id}"),
    )
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
