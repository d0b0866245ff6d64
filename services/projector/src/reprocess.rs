//! `tidings-projector reprocess`: sends stored raw articles to the
//! extractor again, so that a new model or new rules re-analyse history.
//!
//! The projector owns the event store, so the command lives here. It reads
//! the newest stored `ArticleFetched` of each selected article and
//! publishes its bytes, as stored, on the backfill routing key: only the
//! extractor's backfill queue takes them, and the extractor gives that
//! queue a bounded share of its workers, so live articles go first. The
//! new analyses reach the projector as any analysis does; the highest
//! analysis revision wins, whatever the order of arrival.
//!
//! A run has a name and a row in `reprocess_runs`: the selection and a
//! cursor (the last article id whose message the broker confirmed), moved
//! after every confirmed batch. A run stopped by a crash or Ctrl-C
//! continues after its cursor; at most one batch (confirmed but not yet
//! recorded) is sent twice, which changes nothing downstream (the same
//! analysis has the same event id). Two runs at once refuse to collide (an
//! advisory lock). It paces itself (a rate limit), pauses while the live
//! extractor queue is deep, and keeps the backfill queue short.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use deadpool_postgres::Object;
use lapin::options::QueueDeclareOptions;
use prometheus::{IntCounter, IntGauge};
use tidings_common::amqp::{self, BACKFILL_ROUTING_KEY, QueueName, Topology};
use tidings_common::db::{self, DbError};
use tidings_common::metrics::Registrar;
use tidings_common::progress::Progress;
use tidings_common::{CommonArgs, Health, http};
use tidings_proto::RawArticle;
use tokio_util::sync::CancellationToken;

/// Held for a run's whole length: one reprocess at a time.
const REPROCESS_LOCK: i64 = 0x7469_6469_6e67_7342; // "tidingsB"

/// Articles read, sent and confirmed per batch (the cursor moves after
/// each).
const BATCH: i64 = 200;

/// How long a broker or database call may take before the run fails.
const CALL_TIMEOUT: Duration = Duration::from_secs(10);

/// What `reprocess` selects and how fast it sends.
#[derive(Debug, Clone, clap::Args)]
pub struct ReprocessArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Only articles published (or, without a date, fetched) at or after
    /// this: `YYYY-MM-DD` or an RFC 3339 time.
    #[arg(long, value_parser = parse_when)]
    pub since: Option<DateTime<Utc>>,
    /// Only articles published (or fetched) before this.
    #[arg(long, value_parser = parse_when)]
    pub until: Option<DateTime<Utc>>,
    /// Only articles whose projected analysis came from another extractor
    /// version than this one (`tidings-extractor analysis-version`), or
    /// that have none.
    #[arg(long)]
    pub older_than_version: Option<String>,
    /// Only articles from this source (a feed URL, `file` or `http`).
    #[arg(long)]
    pub source: Option<String>,
    /// At most this many articles.
    #[arg(long)]
    pub limit: Option<i64>,
    /// Articles sent per second, at most (0: no limit).
    #[arg(long, env = "TIDINGS_REPROCESS_RATE", default_value_t = 500.0)]
    pub rate: f64,
    /// Pause while the live extractor queue holds more than this many
    /// articles.
    #[arg(long, default_value_t = 1000)]
    pub pause_above: u32,
    /// Most re-sent articles waiting in the backfill queue at once.
    #[arg(long, default_value_t = 2000)]
    pub backlog: u32,
    /// The run's name: a stopped run with this name and the same selection
    /// continues where it was.
    #[arg(long, default_value = "reprocess")]
    pub name: String,
    /// Print how many articles would be sent, and send none.
    #[arg(long)]
    pub dry_run: bool,
    /// Address of `/metrics` while it runs.
    #[arg(long, env = "TIDINGS_HTTP_ADDR", default_value = "127.0.0.1:9104")]
    pub http_addr: SocketAddr,
}

/// A day (`2024-01-31`, midnight UTC) or an RFC 3339 time.
pub fn parse_when(value: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(time) = DateTime::parse_from_rfc3339(value) {
        return Ok(time.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map(|time| time.and_utc())
        .ok_or_else(|| format!("{value:?} is neither YYYY-MM-DD nor an RFC 3339 time"))
}

/// Errors of a reprocess run.
#[derive(Debug, thiserror::Error)]
pub enum ReprocessError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("database error: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("database pool error: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    #[error("broker: {0}")]
    Broker(#[from] amqp::AmqpError),
    #[error("broker error: {0}")]
    Lapin(#[from] lapin::Error),
    #[error("publishing: {0}")]
    Publish(#[from] amqp::PublishError),
    #[error("the {0} did not answer within {CALL_TIMEOUT:?}")]
    Timeout(&'static str),
    #[error("another reprocess of this database is running")]
    Busy,
    #[error(
        "a run named {0:?} with another selection has not finished: run it again as it was, or choose another --name"
    )]
    OtherSelection(String),
    #[error("serving metrics: {0}")]
    Metrics(#[from] std::io::Error),
}

/// What a run did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Report {
    /// Articles the run selected in all (over every resumption).
    pub selected: i64,
    /// Articles sent in this invocation.
    pub sent: i64,
    /// Whether it went through the whole selection (not stopped).
    pub finished: bool,
    /// Articles per second in this invocation.
    pub rate: f64,
}

/// The metrics a running reprocess serves, for the pipeline dashboard.
struct Metrics {
    registrar: Registrar,
    selected: IntGauge,
    remaining: IntGauge,
    sent: IntCounter,
    paused: IntGauge,
    ready: IntGauge,
}

impl Metrics {
    fn new() -> Self {
        let registrar = Registrar::new("reprocess");
        Self {
            selected: registrar.gauge("selected_articles", "Articles the run selected."),
            remaining: registrar.gauge(
                "remaining_articles",
                "Selected articles not yet sent and confirmed.",
            ),
            sent: registrar.counter(
                "articles_sent_total",
                "Articles sent to the backfill queue and confirmed.",
            ),
            paused: registrar.gauge(
                "paused",
                "1 while the run waits for the live queue (or its own backlog) to shrink.",
            ),
            ready: registrar.gauge("ready", "1 while the run is connected and sending."),
            registrar,
        }
    }
}

/// The selection as stored with the run (to recognise a resumption).
fn selection(args: &ReprocessArgs) -> serde_json::Value {
    serde_json::json!({
        "since": args.since.map(|t| t.to_rfc3339()),
        "until": args.until.map(|t| t.to_rfc3339()),
        "older_than_version": args.older_than_version,
        "source": args.source,
        "limit": args.limit,
    })
}

/// The filters every selection query shares; `$1` is the cursor.
const FILTERS: &str = "a.id > $1
   AND ($2::timestamptz IS NULL OR coalesce(a.published_at, a.fetched_at) >= $2)
   AND ($3::timestamptz IS NULL OR coalesce(a.published_at, a.fetched_at) < $3)
   AND ($4::text IS NULL OR a.extractor_version IS DISTINCT FROM $4)
   AND ($5::text IS NULL OR a.source = $5)";

/// Selected articles after `cursor`.
async fn count_after(
    client: &Object,
    args: &ReprocessArgs,
    cursor: &str,
) -> Result<i64, ReprocessError> {
    let row = client
        .query_one(
            &format!(
                "SELECT count(*) FROM articles a WHERE {FILTERS}
                   AND EXISTS (SELECT FROM event_store e
                                WHERE e.stream_id = a.id AND e.event_type = 'ArticleFetched')"
            ),
            &[
                &cursor,
                &args.since,
                &args.until,
                &args.older_than_version,
                &args.source,
            ],
        )
        .await?;
    Ok(row.get(0))
}

/// Sends the selected articles; returns when all are sent and confirmed,
/// or when `shutdown` is cancelled (the run stays resumable).
pub async fn reprocess(
    args: &ReprocessArgs,
    shutdown: &CancellationToken,
) -> Result<Report, ReprocessError> {
    let pool = db::pool(&args.common.database_url, 1)?;
    let client = pool.get().await?;
    let alone: bool = client
        .query_one("SELECT pg_try_advisory_lock($1)", &[&REPROCESS_LOCK])
        .await?
        .get(0);
    if !alone {
        return Err(ReprocessError::Busy);
    }
    let result = run(&client, args, shutdown).await;
    let _ = client
        .execute("SELECT pg_advisory_unlock($1)", &[&REPROCESS_LOCK])
        .await;
    result
}

async fn run(
    client: &Object,
    args: &ReprocessArgs,
    shutdown: &CancellationToken,
) -> Result<Report, ReprocessError> {
    let wanted = selection(args);
    let existing = client
        .query_opt(
            "SELECT selection, cursor, sent, selected, finished_at IS NOT NULL
               FROM reprocess_runs WHERE name = $1",
            &[&args.name],
        )
        .await?;
    let (mut cursor, mut sent_before, selected) = match existing {
        Some(row) if !row.get::<_, bool>(4) => {
            let stored: serde_json::Value = row.get(0);
            if stored != wanted {
                return Err(ReprocessError::OtherSelection(args.name.clone()));
            }
            tracing::info!(message = "Resuming a stopped run.", name = %args.name, sent = row.get::<_, i64>(2));
            (
                row.get::<_, String>(1),
                row.get::<_, i64>(2),
                row.get::<_, i64>(3),
            )
        }
        _ => {
            let mut selected = count_after(client, args, "").await?;
            if let Some(limit) = args.limit {
                selected = selected.min(limit.max(0));
            }
            (String::new(), 0, selected)
        }
    };
    let remaining_total = (selected - sent_before).max(0);
    if args.dry_run {
        println!(
            "would send {remaining_total} articles (run {:?}: {selected} selected, {sent_before} sent before)",
            args.name
        );
        return Ok(Report {
            selected,
            sent: 0,
            finished: false,
            rate: 0.0,
        });
    }
    if sent_before == 0 && cursor.is_empty() {
        client
            .execute(
                "INSERT INTO reprocess_runs (name, selection, cursor, selected, sent)
                 VALUES ($1, $2, '', $3, 0)
                 ON CONFLICT (name) DO UPDATE SET selection = $2, cursor = '', selected = $3,
                     sent = 0, started_at = now(), updated_at = now(), finished_at = NULL",
                &[&args.name, &wanted, &selected],
            )
            .await?;
    }

    // Metrics while it runs.
    let metrics = Metrics::new();
    metrics.selected.set(selected);
    metrics.remaining.set(remaining_total);
    let listener = tokio::net::TcpListener::bind(args.http_addr).await?;
    let endpoint_stop = CancellationToken::new();
    let health = Health::new(false);
    let app = http::router(
        metrics.registrar.registry().clone(),
        health.clone(),
        metrics.ready.clone(),
    );
    let endpoint = tokio::spawn(http::serve(listener, app, endpoint_stop.clone()));

    let topology = Topology::new(args.common.namespace.clone());
    let (connection, publisher) = amqp::open(
        &args.common.amqp_url,
        "reprocess",
        &topology,
        topology.articles_exchange(),
    )
    .await?;
    let probe = connection.create_channel().await?;
    health.set_amqp(true);
    let mut progress = Progress::new("articles", Some(remaining_total as u64));
    let started = Instant::now();
    let mut sent_now: i64 = 0;
    let statement = client
        .prepare(&format!(
            "SELECT a.id, s.event_id, s.payload
               FROM articles a
               JOIN LATERAL (SELECT e.event_id, e.payload FROM event_store e
                              WHERE e.stream_id = a.id AND e.event_type = 'ArticleFetched'
                              ORDER BY e.position DESC LIMIT 1) s ON true
              WHERE {FILTERS}
              ORDER BY a.id
              LIMIT $6"
        ))
        .await?;
    let finished = loop {
        if shutdown.is_cancelled() {
            break false;
        }
        let left = selected - sent_before;
        if left <= 0 {
            break true;
        }
        // Live articles first: wait while the live queue is deep, and keep
        // the backfill queue short.
        let live = depth(&probe, &topology, QueueName::ExtractorArticles).await?;
        let backlog = depth(&probe, &topology, QueueName::ExtractorBackfill).await?;
        if live > args.pause_above || backlog > args.backlog {
            metrics.paused.set(1);
            progress.note(&format!("paused: live queue {live}, backlog {backlog}"));
            tokio::select! {
                () = tokio::time::sleep(Duration::from_secs(1)) => {}
                () = shutdown.cancelled() => {}
            }
            continue;
        }
        metrics.paused.set(0);
        progress.note("");
        let rows = client
            .query(
                &statement,
                &[
                    &cursor,
                    &args.since,
                    &args.until,
                    &args.older_than_version,
                    &args.source,
                    &BATCH.min(left),
                ],
            )
            .await?;
        if rows.is_empty() {
            break true;
        }
        let mut window = publisher.window(rows.len());
        for row in &rows {
            let (event_id, payload): (String, Vec<u8>) = (row.get(1), row.get(2));
            window
                .send_raw(
                    BACKFILL_ROUTING_KEY,
                    &payload,
                    amqp::message_properties::<RawArticle>(&event_id),
                )
                .await?;
        }
        window.flush().await?;
        let last: String = rows[rows.len() - 1].get(0);
        let n = rows.len() as i64;
        client
            .execute(
                "UPDATE reprocess_runs SET cursor = $2, sent = sent + $3, updated_at = now()
                  WHERE name = $1",
                &[&args.name, &last, &n],
            )
            .await?;
        cursor = last;
        sent_before += n;
        sent_now += n;
        metrics.sent.inc_by(n as u64);
        metrics.remaining.set((selected - sent_before).max(0));
        progress.inc(n as u64);
        // The rate limit: no faster than `rate` articles a second.
        if args.rate > 0.0 {
            let due = Duration::from_secs_f64(sent_now as f64 / args.rate);
            if let Some(wait) = due.checked_sub(started.elapsed()) {
                tokio::select! {
                    () = tokio::time::sleep(wait) => {}
                    () = shutdown.cancelled() => {}
                }
            }
        }
    };
    if finished {
        client
            .execute(
                "UPDATE reprocess_runs SET finished_at = now(), updated_at = now() WHERE name = $1",
                &[&args.name],
            )
            .await?;
    }
    let rate = progress.rate();
    progress.finish();
    let _ = connection.close(200, "done".into()).await;
    endpoint_stop.cancel();
    let _ = endpoint.await;
    Ok(Report {
        selected,
        sent: sent_now,
        finished,
        rate,
    })
}

/// Messages ready in `queue`.
async fn depth(
    channel: &lapin::Channel,
    topology: &Topology,
    queue: QueueName,
) -> Result<u32, ReprocessError> {
    let declared = tokio::time::timeout(
        CALL_TIMEOUT,
        channel.queue_declare(
            topology.queue(queue).into(),
            QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            },
            Default::default(),
        ),
    )
    .await
    .map_err(|_| ReprocessError::Timeout("broker"))??;
    Ok(declared.message_count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_days_or_rfc3339() {
        assert_eq!(
            parse_when("2024-01-31").map(|t| t.to_rfc3339()),
            Ok("2024-01-31T00:00:00+00:00".to_owned())
        );
        assert_eq!(
            parse_when("2024-01-31T12:00:00+02:00").map(|t| t.to_rfc3339()),
            Ok("2024-01-31T10:00:00+00:00".to_owned())
        );
        assert!(parse_when("last week").is_err());
    }
}
