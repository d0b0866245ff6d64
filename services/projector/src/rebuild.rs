//! Rebuilding the read model from the event store while it stays in use.
//!
//! The new projections are built in shadow tables (schema
//! `tidings_rebuild`, same columns, constraints, indexes and names as the
//! live ones) by replaying the store through the live projector's code,
//! and swapped in by one short transaction that renames schemas of tables
//! and recreates the views on top of them. Readers keep reading the live
//! tables the whole time and wait only for the swap; live projectors keep
//! projecting and pause only for the last catch-up and the swap.
//!
//! How the rebuild knows it has every event: each projector transaction
//! takes [`PROJECTION_LOCK`] shared before it appends ([`hold_shared`]). The
//! rebuild takes it exclusively for an instant to read a *watermark*, the
//! highest position stored: with no projector transaction in flight,
//! every position up to it is committed and any later append gets a
//! higher one (positions come from a sequence). It replays up to each
//! watermark without the lock, and once a round has little left, holds the
//! lock for the last round and the swap.
//!
//! Why one file of about 520 lines: the watermarks, the shadow build, the
//! catch-up rounds and the swap are one protocol around one lock; each step
//! is only correct beside the others.

use std::time::{Duration, Instant};

use deadpool_postgres::{GenericClient, Object};
use tidings_common::db::{self, DbError, SessionLimits};
use tidings_common::progress::Progress;

use crate::apply::{Incoming, IncomingError};
use crate::projection;

/// Taken shared by every transaction that appends to the event store, and
/// exclusively by a rebuild while it reads a watermark and swaps tables.
pub const PROJECTION_LOCK: i64 = 0x7469_6469_6e67_7350; // "tidingsP"

/// Held by the rebuild for its whole run: one rebuild at a time.
const REBUILD_LOCK: i64 = 0x7469_6469_6e67_7352; // "tidingsR"

/// Where the new projections are built.
const SHADOW: &str = "tidings_rebuild";
/// Where the old projections go in the swap, to be dropped in it.
const RETIRED: &str = "tidings_retired";

/// The projection tables, parents before the tables that refer to them.
pub const TABLES: [&str; 6] = [
    "articles",
    "entities",
    "article_entities",
    "entity_daily",
    "world_events",
    "event_quotes",
];

/// A round with at most this many events left is replayed with the live
/// projectors paused (a second or so of work).
const LAST_ROUND: u64 = 2_000;
/// Events read from the store per statement.
const REPLAY_BATCH: i32 = 500;

/// Errors of a rebuild.
#[derive(Debug, thiserror::Error)]
pub enum RebuildError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("database error: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("database pool error: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    #[error("stored event at position {position} does not decode: {source}")]
    Decode {
        position: i64,
        #[source]
        source: IncomingError,
    },
    #[error("another rebuild of this database is running")]
    Busy,
}

/// What a rebuild did.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    /// Events replayed into the new projections.
    pub replayed: u64,
    /// Rounds of replay (one per watermark).
    pub rounds: u32,
    /// How long live projectors were paused for the last round and swap.
    pub paused: Duration,
    /// How long the swap held the tables (readers waited at most this).
    pub swap: Duration,
}

/// Takes [`PROJECTION_LOCK`] shared for the rest of `transaction`.
pub async fn hold_shared(
    transaction: &deadpool_postgres::Transaction<'_>,
) -> Result<(), tokio_postgres::Error> {
    let statement = transaction
        .prepare_cached("SELECT pg_advisory_xact_lock_shared($1)")
        .await?;
    transaction
        .execute(&statement, &[&PROJECTION_LOCK])
        .await
        .map(drop)
}

/// Rebuilds every projection from the event store (see the module's
/// documentation). Run it as the database's owner.
pub async fn rebuild(database_url: &str) -> Result<Report, RebuildError> {
    let limits = SessionLimits {
        statement: Duration::from_secs(3600),
        // Waiting for the projectors' in-flight transactions to end.
        lock: Duration::from_secs(120),
        ..SessionLimits::default()
    };
    let pool = db::pool_with(database_url, 2, limits)?;
    let control = pool.get().await?;
    let mut replay = pool.get().await?;
    let alone: bool = control
        .query_one("SELECT pg_try_advisory_lock($1)", &[&REBUILD_LOCK])
        .await?
        .get(0);
    if !alone {
        return Err(RebuildError::Busy);
    }
    let result = run(&control, &mut replay).await;
    if result.is_err() {
        // Best effort: the shadow is rebuilt from scratch next time anyway.
        let _ = control
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {SHADOW} CASCADE"))
            .await;
    }
    let _ = control
        .batch_execute("SELECT pg_advisory_unlock_all()")
        .await;
    result
}

async fn run(control: &Object, replay: &mut Object) -> Result<Report, RebuildError> {
    create_shadow(control).await?;
    let stored: i64 = control
        .query_one("SELECT count(*) FROM public.event_store", &[])
        .await?
        .get(0);
    let mut progress = Progress::new("events", Some(stored as u64));
    replay
        .batch_execute(&format!("SET search_path = {SHADOW}, public"))
        .await?;

    let mut done = 0;
    let mut replayed = 0;
    let mut rounds = 0;
    loop {
        let mark = watermark(control).await?;
        let count = replay_range(replay, done, mark, &mut progress).await?;
        tracing::info!(
            message = "Replayed a round.",
            round = rounds,
            events = count,
            up_to = mark
        );
        replayed += count;
        rounds += 1;
        done = mark;
        if count <= LAST_ROUND {
            break;
        }
    }
    control
        .batch_execute(&format!("ANALYZE {}", shadow_tables()))
        .await?;

    let paused = Instant::now();
    control
        .execute("SELECT pg_advisory_lock($1)", &[&PROJECTION_LOCK])
        .await?;
    let mark = max_position(control).await?;
    replayed += replay_range(replay, done, mark, &mut progress).await?;
    progress.finish();
    rounds += 1;
    let swap = swap(control).await?;
    control
        .execute("SELECT pg_advisory_unlock($1)", &[&PROJECTION_LOCK])
        .await?;
    let paused = paused.elapsed();
    tracing::info!(
        message = "Projections rebuilt and swapped in.",
        replayed,
        rounds,
        paused_ms = paused.as_millis() as u64,
        swap_ms = swap.as_millis() as u64
    );
    Ok(Report {
        replayed,
        rounds,
        paused,
        swap,
    })
}

fn shadow_tables() -> String {
    TABLES
        .iter()
        .map(|table| format!("{SHADOW}.{table}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A double-quoted identifier.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Empty copies of the projection tables in the shadow schema, with the
/// live tables' constraint and index names, so that a later migration
/// finds the names it expects.
async fn create_shadow(control: &Object) -> Result<(), RebuildError> {
    control
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {SHADOW} CASCADE; DROP SCHEMA IF EXISTS {RETIRED} CASCADE;
             CREATE SCHEMA {SHADOW}"
        ))
        .await?;
    let tables: Vec<String> = TABLES.iter().map(|t| t.to_string()).collect();
    // Definitions are read with only `public` on the path, so that names
    // come out unqualified and resolve to the shadow tables below.
    control.batch_execute("SET search_path = public").await?;
    let constraints = control
        .query(
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid), c.contype = 'f'
               FROM pg_constraint c
               JOIN pg_class t ON t.oid = c.conrelid
              WHERE t.relnamespace = 'public'::regnamespace AND t.relname::text = ANY($1::text[])
                AND c.contype IN ('p', 'u', 'x', 'f')
              ORDER BY c.contype = 'f', array_position($1::text[], t.relname::text), c.conname",
            &[&tables],
        )
        .await?;
    // Indexes that back no constraint.
    let indexes = control
        .query(
            "SELECT t.relname, i.relname, x.indisunique,
                    substring(pg_get_indexdef(x.indexrelid) FROM ' USING .*$')
               FROM pg_index x
               JOIN pg_class i ON i.oid = x.indexrelid
               JOIN pg_class t ON t.oid = x.indrelid
              WHERE t.relnamespace = 'public'::regnamespace AND t.relname::text = ANY($1::text[])
                AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid)
              ORDER BY array_position($1::text[], t.relname::text), i.relname",
            &[&tables],
        )
        .await?;
    control
        .batch_execute(&format!("SET search_path = {SHADOW}, public"))
        .await?;
    let mut ddl = String::new();
    for table in TABLES {
        ddl.push_str(&format!(
            "CREATE TABLE {SHADOW}.{table} (LIKE public.{table} INCLUDING ALL EXCLUDING INDEXES);\n"
        ));
    }
    for row in &constraints {
        let (table, name, definition): (String, String, String) =
            (row.get(0), row.get(1), row.get(2));
        ddl.push_str(&format!(
            "ALTER TABLE {SHADOW}.{} ADD CONSTRAINT {} {definition};\n",
            ident(&table),
            ident(&name)
        ));
    }
    for row in &indexes {
        let (table, name, unique, rest): (String, String, bool, String) =
            (row.get(0), row.get(1), row.get(2), row.get(3));
        ddl.push_str(&format!(
            "CREATE {}INDEX {} ON {SHADOW}.{}{rest};\n",
            if unique { "UNIQUE " } else { "" },
            ident(&name),
            ident(&table),
        ));
    }
    let result = control.batch_execute(&ddl).await;
    control.batch_execute("RESET search_path").await?;
    Ok(result?)
}

/// The highest position stored, read while no projector transaction is in
/// flight: everything up to it is committed.
async fn watermark(control: &Object) -> Result<i64, RebuildError> {
    control
        .execute("SELECT pg_advisory_lock($1)", &[&PROJECTION_LOCK])
        .await?;
    let mark = max_position(control).await;
    control
        .execute("SELECT pg_advisory_unlock($1)", &[&PROJECTION_LOCK])
        .await?;
    mark
}

async fn max_position(client: &Object) -> Result<i64, RebuildError> {
    Ok(client
        .query_one(
            "SELECT coalesce(max(position), 0) FROM public.event_store",
            &[],
        )
        .await?
        .get(0))
}

/// Replays the events after position `after` up to `until` into the shadow
/// tables, in one transaction; returns how many.
async fn replay_range(
    replay: &mut Object,
    after: i64,
    until: i64,
    progress: &mut Progress,
) -> Result<u64, RebuildError> {
    let transaction = replay.transaction().await?;
    let statement = transaction
        .prepare(
            "SELECT position, event_type, schema_version, payload FROM public.event_store
              WHERE position > $1 AND position <= $2 ORDER BY position",
        )
        .await?;
    let portal = transaction.bind(&statement, &[&after, &until]).await?;
    let mut replayed = 0;
    loop {
        let rows = transaction.query_portal(&portal, REPLAY_BATCH).await?;
        if rows.is_empty() {
            break;
        }
        let mut events = Vec::with_capacity(rows.len());
        for row in &rows {
            let position: i64 = row.get(0);
            let event = Incoming::from_store(row.get(1), row.get(2), row.get(3))
                .map_err(|source| RebuildError::Decode { position, source })?;
            events.push(event);
        }
        let refs: Vec<&Incoming> = events.iter().collect();
        projection::project(&transaction, &refs).await?;
        replayed += rows.len() as u64;
        progress.inc(rows.len() as u64);
    }
    transaction.commit().await?;
    Ok(replayed)
}

/// A view built on the projection tables, as it must be recreated.
struct View {
    name: String,
    definition: String,
}

/// Attempts at the swap's locks before the rebuild gives up.
const SWAP_ATTEMPTS: u32 = 40;

/// Moves the live tables out and the shadow tables in, recreates the views
/// on them and their grants, and drops the old tables: one transaction,
/// short whatever the size of the tables. Returns how long the tables
/// were locked.
///
/// The locks are taken views first (a query on a view locks the view,
/// then its tables), each attempt waiting a little longer but never long:
/// when a long reader holds a table, or a query takes its locks in
/// another order (a deadlock), the swap lets go, so readers queue behind
/// it only briefly, and tries again.
async fn swap(control: &Object) -> Result<Duration, RebuildError> {
    let mut attempt = 0;
    loop {
        let wait = Duration::from_millis(25 * u64::from(attempt + 1)).min(Duration::from_secs(1));
        match swap_once(control, wait).await {
            Err(RebuildError::Postgres(error))
                if attempt + 1 < SWAP_ATTEMPTS && is_lock_failure(&error) =>
            {
                attempt += 1;
                tracing::info!(message = "Swap could not take its locks yet; trying again.", attempt, %error);
                tokio::time::sleep(wait).await;
            }
            result => return result,
        }
    }
}

/// A lock not granted in time (55P03) or a deadlock (40P01).
fn is_lock_failure(error: &tokio_postgres::Error) -> bool {
    use tokio_postgres::error::SqlState;
    error.code().is_some_and(|code| {
        *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::T_R_DEADLOCK_DETECTED
    })
}

async fn swap_once(control: &Object, wait: Duration) -> Result<Duration, RebuildError> {
    let tables: Vec<String> = TABLES.iter().map(|t| t.to_string()).collect();
    control
        .batch_execute(&format!(
            "BEGIN; SET LOCAL search_path = public; SET LOCAL lock_timeout = {}",
            wait.as_millis()
        ))
        .await?;
    let result = async {
        let views = dependent_views(control, &tables).await?;
        // Views that depend on others come later: lock them first.
        let relations: Vec<String> = views
            .iter()
            .rev()
            .map(|view| format!("public.{}", ident(&view.name)))
            .chain(TABLES.iter().map(|table| format!("public.{table}")))
            .collect();
        control
            .batch_execute(&format!(
                "LOCK TABLE {} IN ACCESS EXCLUSIVE MODE",
                relations.join(", ")
            ))
            .await?;
        let locked = Instant::now();
        let mut grants = Vec::new();
        for table in TABLES {
            grants.extend(grants_on(control, table).await?);
        }
        for view in &views {
            grants.extend(grants_on(control, &view.name).await?);
        }
        let mut ddl = String::new();
        if !views.is_empty() {
            let names: Vec<String> = views
                .iter()
                .map(|v| format!("public.{}", ident(&v.name)))
                .collect();
            ddl.push_str(&format!("DROP VIEW {};\n", names.join(", ")));
        }
        ddl.push_str(&format!("CREATE SCHEMA {RETIRED};\n"));
        for table in TABLES {
            ddl.push_str(&format!(
                "ALTER TABLE public.{table} SET SCHEMA {RETIRED};\n"
            ));
        }
        for table in TABLES {
            ddl.push_str(&format!(
                "ALTER TABLE {SHADOW}.{table} SET SCHEMA public;\n"
            ));
        }
        for view in &views {
            ddl.push_str(&format!(
                "CREATE VIEW public.{} AS {};\n",
                ident(&view.name),
                view.definition
            ));
        }
        ddl.push_str(&grants.join(""));
        let retired: Vec<String> = TABLES.iter().map(|t| format!("{RETIRED}.{t}")).collect();
        ddl.push_str(&format!(
            "DROP TABLE {};\nDROP SCHEMA {RETIRED};\nDROP SCHEMA {SHADOW};\n",
            retired.join(", ")
        ));
        control.batch_execute(&ddl).await?;
        control.batch_execute("COMMIT").await?;
        Ok::<_, RebuildError>(locked.elapsed())
    }
    .await;
    if result.is_err() {
        let _ = control.batch_execute("ROLLBACK").await;
    }
    result
}

/// The views on `tables`, and the views on those, in creation order.
async fn dependent_views(client: &Object, tables: &[String]) -> Result<Vec<View>, RebuildError> {
    let rows = client
        .query(
            "WITH RECURSIVE base AS (
                 SELECT c.oid FROM pg_class c
                  WHERE c.relnamespace = 'public'::regnamespace AND c.relname::text = ANY($1::text[])
             ), views(oid) AS (
                 SELECT r.ev_class FROM pg_depend d
                   JOIN pg_rewrite r ON r.oid = d.objid
                  WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid IN (SELECT oid FROM base)
                    AND r.ev_class <> d.refobjid
                 UNION
                 SELECT r.ev_class FROM pg_depend d
                   JOIN pg_rewrite r ON r.oid = d.objid
                   JOIN views v ON d.refobjid = v.oid
                  WHERE d.classid = 'pg_rewrite'::regclass AND r.ev_class <> d.refobjid
             )
             SELECT c.relname, pg_get_viewdef(c.oid)
               FROM pg_class c WHERE c.oid IN (SELECT oid FROM views) AND c.relkind = 'v'
              ORDER BY c.oid",
            &[&tables],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|row| View {
            name: row.get(0),
            definition: row
                .get::<_, String>(1)
                .trim()
                .trim_end_matches(';')
                .to_owned(),
        })
        .collect())
}

/// The GRANT statements that give others what they hold on `relation`.
async fn grants_on(client: &Object, relation: &str) -> Result<Vec<String>, RebuildError> {
    let rows = client
        .query(
            "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                    a.privilege_type, a.is_grantable
               FROM pg_class c, aclexplode(c.relacl) a
              WHERE c.relnamespace = 'public'::regnamespace AND c.relname = $1
                AND a.grantee <> c.relowner
              ORDER BY 1, 2",
            &[&relation],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|row| {
            let (grantee, privilege, grantable): (String, String, bool) =
                (row.get(0), row.get(1), row.get(2));
            format!(
                "GRANT {privilege} ON public.{} TO {grantee}{};\n",
                ident(relation),
                if grantable { " WITH GRANT OPTION" } else { "" }
            )
        })
        .collect())
}
