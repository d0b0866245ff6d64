//! `make bench-backfill`: how fast history is re-analysed after an
//! extractor upgrade, and what that costs live articles. The corpus (all of
//! Reuters-21578 by default, as for `tidings-bench-e2e`) is analysed under
//! one revision; a new extractor (another revision) starts, and
//! `tidings-projector reprocess` sends the whole history to its backfill
//! queue while a live article arrives five times a second. It prints the
//! backfill's rate beside the first analysis's rate in the same run, and
//! the live articles' fetch-to-projected latency during the backfill.
//!
//! Settings (environment): `CORPUS`, `TIDINGS_BIN` (default
//! `target/release`), `LIVE_PER_SECOND` (default 5).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use tidings_bench::procs::{Service, free_addr};

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn as_role(postgres: &str, role: &str, database: &str) -> String {
    let (scheme, rest) = postgres.split_once("://").unwrap_or(("postgres", postgres));
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    format!("{scheme}://{role}@{host}/{database}")
}

async fn count(db: &tokio_postgres::Client, query: &str) -> anyhow::Result<i64> {
    Ok(db.query_one(query, &[]).await?.get(0))
}

/// Waits until `query` reaches `expected`; returns the seconds it took.
async fn wait_for(db: &tokio_postgres::Client, query: &str, expected: i64) -> anyhow::Result<f64> {
    let started = Instant::now();
    while count(db, query).await? < expected {
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(3600),
            "{query} did not reach {expected} in an hour"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(started.elapsed().as_secs_f64())
}

fn ingest(bin: &Path, env: &[(&str, String)], file: &Path) -> anyhow::Result<()> {
    let status = Command::new(bin.join("tidings-fetcher"))
        .arg("ingest")
        .arg(file)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    anyhow::ensure!(status.success(), "ingest of {} failed", file.display());
    Ok(())
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let bin =
        PathBuf::from(std::env::var("TIDINGS_BIN").unwrap_or_else(|_| "target/release".into()));
    let amqp_url = std::env::var("TIDINGS_AMQP_URL")
        .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".to_owned());
    let postgres = std::env::var("TIDINGS_BENCH_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned());
    let live_per_second: f64 = env_or("LIVE_PER_SECOND", 5.0);
    let id = uuid::Uuid::new_v4().simple().to_string()[..10].to_owned();
    let namespace = format!("backfill-{id}");
    let database = format!("tidings_backfill_{id}");
    let owner_url = format!("{postgres}/{database}");
    let dir = std::env::temp_dir().join(&namespace);
    std::fs::create_dir_all(&dir)?;
    let (dump, articles, mean_size) =
        tidings_bench::corpus::corpus(&dir).context("preparing the corpus")?;
    println!(
        "corpus articles={articles} mean_body_bytes={mean_size} live_per_second={live_per_second}"
    );

    let status = Command::new(bin.join("tidings-projector"))
        .arg("migrate")
        .env("TIDINGS_DATABASE_URL", &owner_url)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .status()?;
    anyhow::ensure!(status.success(), "migrate failed");
    let common = |database_url: String| -> Vec<(&'static str, String)> {
        vec![
            ("TIDINGS_AMQP_URL", amqp_url.clone()),
            ("TIDINGS_DATABASE_URL", database_url),
            ("TIDINGS_NAMESPACE", namespace.clone()),
            ("TIDINGS_LOG_FORMAT", "json".into()),
        ]
    };
    let fetcher_env = common(as_role(&postgres, "tidings_fetcher", &database));
    let projector = Service::start(
        &bin,
        "tidings-projector",
        "projector",
        &common(as_role(&postgres, "tidings_projector", &database)),
        &dir.join("projector.log"),
    )?;
    let extractor_env = |revision: u32| {
        let mut env = common(as_role(&postgres, "tidings_reader", &database));
        env.push(("TIDINGS_ANALYSIS_REVISION", revision.to_string()));
        env
    };
    let old = Service::start(
        &bin,
        "tidings-extractor",
        "extractor-old",
        &extractor_env(1000),
        &dir.join("extractor-old.log"),
    )?;
    projector.wait_ready().await?;
    old.wait_ready().await?;
    let db = tidings_common::db::connect(&owner_url).await?;

    // History, analysed by the old extractor.
    let started = Instant::now();
    ingest(&bin, &fetcher_env, &dump)?;
    wait_for(
        &db,
        "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL",
        articles as i64,
    )
    .await?;
    let first_rate = articles as f64 / started.elapsed().as_secs_f64();
    println!("first analysis articles_per_second={first_rate:.0}");
    old.stop()?;

    // The upgrade: a new extractor, then the backfill.
    let new = Service::start(
        &bin,
        "tidings-extractor",
        "extractor-new",
        &extractor_env(1001),
        &dir.join("extractor-new.log"),
    )?;
    new.wait_ready().await?;
    let version = {
        let output = Command::new(bin.join("tidings-extractor"))
            .arg("analysis-version")
            .output()?;
        format!(
            "{}+rev.1001",
            String::from_utf8_lossy(&output.stdout).trim()
        )
    };
    let metrics_addr = free_addr()?;
    let backfill_started = Instant::now();
    let mut reprocess = Command::new(bin.join("tidings-projector"))
        .args(["reprocess", "--name", "bench", "--rate", "0"])
        .arg(format!("--older-than-version={version}"))
        .envs(
            common(owner_url.clone())
                .iter()
                .map(|(k, v)| (*k, v.as_str())),
        )
        .env("TIDINGS_HTTP_ADDR", metrics_addr.to_string())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;

    // Live articles while it runs: each timed from its ingest to its
    // analysis projected.
    let interval = Duration::from_secs_f64(1.0 / live_per_second.max(0.1));
    let mut pending: Vec<(String, Instant)> = Vec::new();
    let mut latencies = Vec::new();
    let done_query = format!(
        "SELECT count(*) FROM articles WHERE extractor_version = '{version}' AND coalesce(title, '') NOT LIKE 'Live %'"
    );
    let mut n = 0;
    let mut sent_all_at = None;
    loop {
        let tick = Instant::now();
        if reprocess.try_wait()?.is_some() && sent_all_at.is_none() {
            sent_all_at = Some(backfill_started.elapsed().as_secs_f64());
        }
        let backfilled = count(&db, &done_query).await?;
        if backfilled >= articles as i64 {
            break;
        }
        n += 1;
        let title = format!("Live {id} {n}");
        let file = dir.join("live.jsonl");
        std::fs::write(
            &file,
            format!(
                "{}\n",
                serde_json::json!({
                    "url": format!("https://live.example/{id}/{n}"),
                    "title": title,
                    "body": format!("Officials in Washington said on Monday that talks with China would resume next week, in update {n}."),
                })
            ),
        )?;
        let sent = Instant::now();
        ingest(&bin, &fetcher_env, &file)?;
        pending.push((title, sent));
        let mut still = Vec::new();
        for (title, sent) in pending.drain(..) {
            let projected = db
                .query_one(
                    "SELECT count(*) FROM articles WHERE title = $1 AND analyzed_at IS NOT NULL",
                    &[&title],
                )
                .await?
                .get::<_, i64>(0);
            if projected > 0 {
                latencies.push(sent.elapsed().as_secs_f64());
            } else {
                still.push((title, sent));
            }
        }
        pending = still;
        if let Some(wait) = interval.checked_sub(tick.elapsed()) {
            tokio::time::sleep(wait).await;
        }
    }
    let seconds = backfill_started.elapsed().as_secs_f64();
    let _ = reprocess.wait();
    // The last live articles.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !pending.is_empty() && Instant::now() < deadline {
        let mut still = Vec::new();
        for (title, sent) in pending.drain(..) {
            let projected: i64 = db
                .query_one(
                    "SELECT count(*) FROM articles WHERE title = $1 AND analyzed_at IS NOT NULL",
                    &[&title],
                )
                .await?
                .get(0);
            if projected > 0 {
                latencies.push(sent.elapsed().as_secs_f64());
            } else {
                still.push((title, sent));
            }
        }
        pending = still;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rate = articles as f64 / seconds;
    println!(
        "backfill articles={articles} seconds={seconds:.1} articles_per_second={rate:.0} (sending took {:.1} s) ratio backfill/first_analysis={:.2}",
        sent_all_at.unwrap_or(seconds),
        rate / first_rate
    );
    println!(
        "backfill one_million_articles_hours={:.2}",
        1_000_000.0 / rate / 3600.0
    );
    latencies.sort_by(f64::total_cmp);
    println!(
        "live during backfill articles={} fetch_to_projected p50={:.2}s p99={:.2}s max={:.2}s not_projected={}",
        latencies.len(),
        quantile(&latencies, 0.5),
        quantile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(f64::NAN),
        pending.len()
    );
    for service in [&projector, &new] {
        if let Some((cpu, rss)) = service.usage() {
            println!(
                "usage {} cpu_seconds={cpu:.1} peak_rss_mib={rss:.0}",
                service.name
            );
        }
    }
    new.stop()?;
    projector.stop()?;
    drop(db);
    tidings_bench::cleanup(&amqp_url, &postgres, &namespace, &database).await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
