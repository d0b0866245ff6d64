//! `make chaos`: the fault suite. A few thousand real articles go through
//! two extractors and two projectors (release binaries, the local RabbitMQ
//! and PostgreSQL) while processes are killed with SIGKILL, the broker is
//! restarted and the database is restarted. Then the same articles go
//! through one extractor and one projector with no faults. It checks that
//! every article was projected exactly once, that both read models hold
//! the same rows (a digest of every table, wall-clock columns aside), that
//! nothing was dead-lettered and that no deadlock was logged, prints the
//! figures and exits non-zero if any check fails.
//!
//! Settings (environment): `ARTICLES` (default 3000), `CHUNKS` (ingest
//! calls, default 20), `CORPUS` (as for `tidings-bench-e2e`),
//! `TIDINGS_BIN` (default `target/release`), `CHAOS_BROKER_RESTART` and
//! `CHAOS_DB_RESTART` (shell commands; by default `rabbitmqctl
//! stop_app/start_app` and `pg_ctlcluster ... restart`).
//!
//! It restarts the machine's RabbitMQ and PostgreSQL: run it alone, not
//! beside the test suite.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use lapin::options::QueueDeclareOptions;
use tidings_bench::procs::Service;
use tidings_common::amqp::{QueueName, Topology};
use tidings_projector::TableDigest;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Where everything runs.
struct Machine {
    bin: PathBuf,
    amqp_url: String,
    /// `postgres://user@host:port` of the database owner.
    postgres: String,
    broker_restart: String,
    db_restart: String,
}

impl Machine {
    /// The server URL as `role` instead of the owner.
    fn as_role(&self, role: &str, database: &str) -> String {
        let (scheme, rest) = self
            .postgres
            .split_once("://")
            .unwrap_or(("postgres", &self.postgres));
        let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
        format!("{scheme}://{role}@{host}/{database}")
    }
}

/// What one run did and left behind.
struct RunResult {
    seconds: f64,
    articles: i64,
    fetched_events: i64,
    analyzed_events: i64,
    dead_letters: Vec<(String, u32)>,
    deadlocks: usize,
    kills: u32,
    broker_restarts: u32,
    db_restarts: u32,
    ingest_retries: u32,
    digest: Vec<TableDigest>,
}

/// The faults of a run, by chunk (after that chunk is ingested, while the
/// services work on it).
#[derive(Debug, Clone, Copy)]
enum Fault {
    KillProjector(usize),
    KillExtractor(usize),
    KillBoth(usize),
    RestartBroker,
    RestartDatabase,
}

fn schedule(chunks: usize) -> Vec<(usize, Fault)> {
    let at = |share: f64| ((chunks as f64 * share) as usize).min(chunks.saturating_sub(1));
    vec![
        (at(0.15), Fault::KillProjector(0)),
        (at(0.30), Fault::KillExtractor(0)),
        (at(0.45), Fault::RestartBroker),
        (at(0.60), Fault::RestartDatabase),
        (at(0.75), Fault::KillBoth(1)),
    ]
}

fn shell(command: &str) -> anyhow::Result<()> {
    let status = std::process::Command::new("sh")
        .args(["-c", command])
        .stdout(std::process::Stdio::null())
        .status()?;
    anyhow::ensure!(status.success(), "`{command}` failed: {status}");
    Ok(())
}

/// The corpus split into `chunks` JSON Lines files of `articles` in all.
fn chunk_files(dir: &Path, articles: usize, chunks: usize) -> anyhow::Result<Vec<PathBuf>> {
    let (dump, available, _) = tidings_bench::corpus::corpus(dir)?;
    let text = std::fs::read_to_string(&dump)?;
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(articles)
        .collect();
    anyhow::ensure!(
        lines.len() == articles,
        "the corpus has {available} articles, fewer than the {articles} asked for"
    );
    let per = articles.div_ceil(chunks.max(1));
    let mut files = Vec::new();
    for (n, chunk) in lines.chunks(per).enumerate() {
        let path = dir.join(format!("chunk-{n:03}.jsonl"));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for line in chunk {
            writeln!(file, "{line}")?;
        }
        file.flush()?;
        files.push(path);
    }
    Ok(files)
}

/// Ingests one file, again and again until it succeeds (a retry re-sends
/// what was sent already; the store drops the duplicates). Returns the
/// number of retries.
async fn ingest(machine: &Machine, env: &[(&str, String)], file: &Path) -> anyhow::Result<u32> {
    for retry in 0..180 {
        let status = std::process::Command::new(machine.bin.join("tidings-fetcher"))
            .arg("ingest")
            .arg(file)
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .env("RUST_LOG", "error")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()?;
        if status.success() {
            return Ok(retry);
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    anyhow::bail!("{} could not be ingested in three minutes", file.display())
}

/// Counts, or `None` while the database is away.
async fn counts(database_url: &str) -> Option<(i64, i64, i64)> {
    let client = tidings_common::db::connect(database_url).await.ok()?;
    let row = client
        .query_one(
            "SELECT (SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL),
                    (SELECT count(*) FROM event_store WHERE event_type = 'ArticleFetched'),
                    (SELECT count(*) FROM event_store WHERE event_type = 'ArticleAnalyzed')",
            &[],
        )
        .await
        .ok()?;
    Some((row.get(0), row.get(1), row.get(2)))
}

/// Messages in every dead-letter queue of `namespace`.
async fn dead_letters(amqp_url: &str, namespace: &str) -> anyhow::Result<Vec<(String, u32)>> {
    let topology = Topology::new(namespace);
    let connection = tidings_common::amqp::connect(amqp_url, "chaos").await?;
    let mut found = Vec::new();
    for queue in QueueName::ALL {
        let channel = connection.create_channel().await?;
        let name = topology.dead_queue(queue);
        let declared = channel
            .queue_declare(
                name.as_str().into(),
                QueueDeclareOptions {
                    passive: true,
                    ..QueueDeclareOptions::default()
                },
                Default::default(),
            )
            .await
            .with_context(|| format!("looking at {name}"))?;
        found.push((name, declared.message_count()));
    }
    let _ = connection.close(200, "done".into()).await;
    Ok(found)
}

/// Lines of the services' logs that report a deadlock.
fn deadlocks_logged(dir: &Path) -> anyhow::Result<usize> {
    let mut count = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "log") {
            count += std::fs::read_to_string(&path)?
                .lines()
                .filter(|line| line.contains("deadlock"))
                .count();
        }
    }
    Ok(count)
}

async fn run(
    machine: &Machine,
    label: &str,
    chunks: &[PathBuf],
    articles: usize,
    faults: bool,
) -> anyhow::Result<RunResult> {
    let id = uuid::Uuid::new_v4().simple().to_string()[..10].to_owned();
    let namespace = format!("chaos-{id}-{label}");
    let database = format!("tidings_chaos_{id}_{label}");
    let owner_url = format!("{}/{database}", machine.postgres);
    let logs = std::env::temp_dir().join(&namespace);
    std::fs::create_dir_all(&logs)?;
    let status = std::process::Command::new(machine.bin.join("tidings-projector"))
        .arg("migrate")
        .env("TIDINGS_DATABASE_URL", &owner_url)
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .status()?;
    anyhow::ensure!(status.success(), "migrate failed");

    let common = |database_url: String| -> Vec<(&'static str, String)> {
        vec![
            ("TIDINGS_AMQP_URL", machine.amqp_url.clone()),
            ("TIDINGS_DATABASE_URL", database_url),
            ("TIDINGS_NAMESPACE", namespace.clone()),
            ("TIDINGS_LOG_FORMAT", "json".into()),
            ("RUST_LOG", "info".into()),
        ]
    };
    let projector_env = common(machine.as_role("tidings_projector", &database));
    // The extractor never connects to the database.
    let extractor_env = common(machine.as_role("tidings_reader", &database));
    let fetcher_env = common(machine.as_role("tidings_fetcher", &database));
    let replicas = if faults { 2 } else { 1 };
    let start = |kind: &str, n: usize| -> anyhow::Result<Service> {
        let env = if kind == "projector" {
            &projector_env
        } else {
            &extractor_env
        };
        Service::start(
            &machine.bin,
            &format!("tidings-{kind}"),
            &format!("{kind}-{n}"),
            env,
            &logs.join(format!("{kind}-{n}.log")),
        )
    };
    let mut projectors: Vec<Option<Service>> = Vec::new();
    let mut extractors: Vec<Option<Service>> = Vec::new();
    for n in 0..replicas {
        projectors.push(Some(start("projector", n)?));
        extractors.push(Some(start("extractor", n)?));
    }
    for service in projectors.iter().chain(&extractors).flatten() {
        service.wait_ready().await?;
    }

    let plan = if faults {
        schedule(chunks.len())
    } else {
        Vec::new()
    };
    let started = Instant::now();
    let (mut kills, mut broker_restarts, mut db_restarts, mut ingest_retries) = (0, 0, 0, 0);
    for (n, chunk) in chunks.iter().enumerate() {
        ingest_retries += ingest(machine, &fetcher_env, chunk).await?;
        for (_, fault) in plan.iter().filter(|(at, _)| *at == n) {
            let ingested = chunks[..=n]
                .iter()
                .map(|c| std::fs::read_to_string(c).map(|t| t.lines().count()))
                .sum::<Result<usize, _>>()?;
            let projected = counts(&owner_url).await.map_or(0, |c| c.0);
            println!(
                "{label}: {fault:?} at {:.1}s, with {projected} of the {ingested} articles ingested so far projected",
                started.elapsed().as_secs_f64()
            );
            let mut restart = Vec::new();
            match *fault {
                Fault::KillProjector(i) => restart.push(("projector", i)),
                Fault::KillExtractor(i) => restart.push(("extractor", i)),
                Fault::KillBoth(i) => {
                    restart.push(("projector", i));
                    restart.push(("extractor", i));
                }
                Fault::RestartBroker => {
                    shell(&machine.broker_restart)?;
                    broker_restarts += 1;
                }
                Fault::RestartDatabase => {
                    shell(&machine.db_restart)?;
                    db_restarts += 1;
                }
            }
            for &(kind, i) in &restart {
                let slot = if kind == "projector" {
                    &mut projectors[i]
                } else {
                    &mut extractors[i]
                };
                if let Some(service) = slot.take() {
                    service.kill()?;
                    kills += 1;
                }
            }
            if !restart.is_empty() {
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            for &(kind, i) in &restart {
                let service = start(kind, i)?;
                if kind == "projector" {
                    projectors[i] = Some(service);
                } else {
                    extractors[i] = Some(service);
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Wait for everything to land, and for nothing more to.
    let expected = articles as i64;
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut last = (0, 0, 0);
    loop {
        if let Some(now) = counts(&owner_url).await {
            if now.0 >= expected && now == last {
                break;
            }
            last = now;
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "{label}: after ten minutes {} of {expected} articles are projected",
            last.0
        );
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let seconds = started.elapsed().as_secs_f64();
    let dead = dead_letters(&machine.amqp_url, &namespace).await?;
    for service in projectors.into_iter().chain(extractors).flatten() {
        service.stop()?;
    }
    let deadlocks = deadlocks_logged(&logs)?;
    let client = tidings_common::db::connect(&owner_url).await?;
    let digest = tidings_projector::digest_except(&client, &tidings_projector::WALL_CLOCK).await?;
    drop(client);
    let result = RunResult {
        seconds,
        articles: last.0,
        fetched_events: last.1,
        analyzed_events: last.2,
        dead_letters: dead,
        deadlocks,
        kills,
        broker_restarts,
        db_restarts,
        ingest_retries,
        digest,
    };
    let clean = result.dead_letters.iter().all(|(_, n)| *n == 0) && deadlocks == 0;
    tidings_bench::cleanup(&machine.amqp_url, &machine.postgres, &namespace, &database).await;
    if clean {
        let _ = std::fs::remove_dir_all(&logs);
    } else {
        println!("{label}: logs kept in {}", logs.display());
    }
    Ok(result)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let version = std::fs::read_dir("/etc/postgresql")
        .ok()
        .and_then(|mut dir| dir.next())
        .and_then(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .unwrap_or_else(|| "15".into());
    let machine = Machine {
        bin: PathBuf::from(
            std::env::var("TIDINGS_BIN").unwrap_or_else(|_| "target/release".into()),
        ),
        amqp_url: std::env::var("TIDINGS_AMQP_URL")
            .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".to_owned()),
        postgres: std::env::var("TIDINGS_BENCH_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned()),
        broker_restart: std::env::var("CHAOS_BROKER_RESTART").unwrap_or_else(|_| {
            "rabbitmqctl -q stop_app && sleep 2 && rabbitmqctl -q start_app".into()
        }),
        db_restart: std::env::var("CHAOS_DB_RESTART").unwrap_or_else(|_| {
            format!("pg_ctlcluster --skip-systemctl-redirect {version} main restart")
        }),
    };
    let articles: usize = env_or("ARTICLES", 3000);
    let chunk_count: usize = env_or("CHUNKS", 20);
    let dir = std::env::temp_dir().join(format!("chaos-corpus-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    let chunks = chunk_files(&dir, articles, chunk_count).context("preparing the corpus")?;
    println!(
        "chaos: {articles} articles in {} ingests; faults: SIGKILL projector, SIGKILL extractor, broker restart, database restart, SIGKILL projector+extractor",
        chunks.len()
    );

    let faulty = run(&machine, "faults", &chunks, articles, true).await?;
    let clean = run(&machine, "clean", &chunks, articles, false).await?;
    let _ = std::fs::remove_dir_all(&dir);

    for (label, r) in [("faults (2+2 replicas)", &faulty), ("clean (1+1)", &clean)] {
        let dead: u32 = r.dead_letters.iter().map(|(_, n)| n).sum();
        println!(
            "{label}: seconds={:.1} articles_projected={} fetched_events={} analyzed_events={} \
             lost={} doubled={} dead_lettered={dead} deadlocks_logged={} kills={} broker_restarts={} \
             database_restarts={} ingest_retries={}",
            r.seconds,
            r.articles,
            r.fetched_events,
            r.analyzed_events,
            (articles as i64 - r.articles).max(0),
            (r.fetched_events - articles as i64).max(0)
                + (r.analyzed_events - articles as i64).max(0),
            r.deadlocks,
            r.kills,
            r.broker_restarts,
            r.db_restarts,
            r.ingest_retries,
        );
    }
    let mut failures = Vec::new();
    for (label, r) in [("faults", &faulty), ("clean", &clean)] {
        let n = articles as i64;
        if (r.articles, r.fetched_events, r.analyzed_events) != (n, n, n) {
            failures.push(format!(
                "{label}: {} projected, {} fetched and {} analysed events for {n} articles",
                r.articles, r.fetched_events, r.analyzed_events
            ));
        }
        for (queue, count) in &r.dead_letters {
            if *count > 0 {
                failures.push(format!("{label}: {count} messages in {queue}"));
            }
        }
        if r.deadlocks > 0 {
            failures.push(format!("{label}: {} deadlocks logged", r.deadlocks));
        }
    }
    for (a, b) in faulty.digest.iter().zip(&clean.digest) {
        let same = a == b;
        println!(
            "digest {:<17} rows={:<7} {} {}",
            a.table,
            a.rows,
            a.md5,
            if same {
                "= clean run"
            } else {
                "differs from the clean run"
            }
        );
        if !same {
            failures.push(format!("{}: {a} vs clean {b}", a.table));
        }
    }
    if failures.is_empty() {
        println!("chaos: PASS");
        Ok(())
    } else {
        for failure in &failures {
            println!("FAIL {failure}");
        }
        anyhow::bail!("chaos: {} checks failed", failures.len())
    }
}
