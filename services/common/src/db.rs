//! PostgreSQL plumbing: the pool, the schema check every service makes at
//! start, and telling transient errors from permanent ones. The migrations
//! themselves belong to `tidings-projector migrate`.

use std::str::FromStr;
use std::time::Duration;

use deadpool_postgres::{ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;
use tokio_postgres::error::SqlState;

/// The table where `tidings-projector migrate` records applied migrations.
pub const SCHEMA_HISTORY: &str = "tidings_schema_history";

/// Errors of the database layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    #[error("database error: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("connection pool error: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    #[error("building the pool failed: {0}")]
    Build(#[from] deadpool_postgres::BuildError),
    #[error("database {0} has no name in its URL")]
    NoDatabaseName(String),
    #[error(
        "the database schema is at version {found}, this build needs {needed}: run `tidings-projector migrate`"
    )]
    SchemaTooOld { found: i32, needed: i32 },
}

impl DbError {
    /// Whether retrying later may succeed: everything but a data error
    /// about the message ([`is_data_error`]) and a bad configuration.
    pub fn is_transient(&self) -> bool {
        match self {
            DbError::Postgres(error) => is_transient(error),
            DbError::Pool(_) | DbError::SchemaTooOld { .. } => true,
            DbError::InvalidUrl(_) | DbError::Build(_) | DbError::NoDatabaseName(_) => false,
        }
    }

    /// A serialization failure or deadlock ([`is_conflict`]).
    pub fn is_conflict(&self) -> bool {
        matches!(self, DbError::Postgres(error) if is_conflict(error))
    }
}

/// Classifies a driver error by what it means for the message being
/// processed: only a data error about it ([`is_data_error`]) is permanent.
/// Everything else (a lost connection, a restart, a read-only failover,
/// a missing table, a timeout, a deadlock) is about the database, not the
/// message, and may pass.
pub fn is_transient(error: &tokio_postgres::Error) -> bool {
    !is_data_error(error)
}

/// A data error about the message itself: SQLSTATE classes 22 (data
/// exception) and 23 (integrity constraint violation), and 54 (program
/// limit exceeded, e.g. a value too large for an index), which the same
/// message would hit every time.
pub fn is_data_error(error: &tokio_postgres::Error) -> bool {
    error
        .code()
        .is_some_and(|code| matches!(&code.code()[..2], "22" | "23" | "54"))
}

/// A conflict between concurrent transactions, worth retrying at once in
/// the same process: serialization failure (40001) or deadlock (40P01).
pub fn is_conflict(error: &tokio_postgres::Error) -> bool {
    error.code().is_some_and(|code| {
        *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED
    })
}

/// Time limits on every session of a pool, so a stuck database (or a lock
/// held by someone else) ends a statement with an error instead of hanging
/// the service.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    /// `statement_timeout`: the longest one statement may run.
    pub statement: Duration,
    /// `lock_timeout`: the longest a statement may wait for a lock.
    pub lock: Duration,
    /// How long opening a connection may take.
    pub connect: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self {
            statement: Duration::from_secs(30),
            lock: Duration::from_secs(10),
            connect: Duration::from_secs(10),
        }
    }
}

/// A pool whose connections are verified before reuse, so a database restart
/// does not hand out dead connections, with the default session limits.
pub fn pool(database_url: &str, max_size: usize) -> Result<Pool, DbError> {
    pool_with(database_url, max_size, SessionLimits::default())
}

/// [`pool`] with explicit session limits.
pub fn pool_with(
    database_url: &str,
    max_size: usize,
    limits: SessionLimits,
) -> Result<Pool, DbError> {
    let mut config = tokio_postgres::Config::from_str(database_url)
        .map_err(|error| DbError::InvalidUrl(error.to_string()))?;
    let options = format!(
        "{} -c statement_timeout={} -c lock_timeout={}",
        config.get_options().unwrap_or(""),
        limits.statement.as_millis(),
        limits.lock.as_millis()
    );
    config
        .options(options.trim())
        .connect_timeout(limits.connect);
    let manager = deadpool_postgres::Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            recycling_method: RecyclingMethod::Verified,
        },
    );
    Ok(Pool::builder(manager)
        .max_size(max_size)
        .runtime(Runtime::Tokio1)
        .wait_timeout(Some(Duration::from_secs(10)))
        .create_timeout(Some(limits.connect))
        .recycle_timeout(Some(Duration::from_secs(5)))
        .build()?)
}

/// Opens one connection, driving it on a background task.
pub async fn connect(database_url: &str) -> Result<tokio_postgres::Client, DbError> {
    let (client, connection) = tokio_postgres::connect(database_url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            tracing::warn!(message = "Database connection ended.", %error);
        }
    });
    Ok(client)
}

/// Creates the database named in `database_url` if it does not exist, by
/// connecting to the server's `postgres` database.
pub async fn ensure_database(database_url: &str) -> Result<(), DbError> {
    let mut config = tokio_postgres::Config::from_str(database_url)
        .map_err(|error| DbError::InvalidUrl(error.to_string()))?;
    let name = config
        .get_dbname()
        .ok_or_else(|| DbError::NoDatabaseName(crate::config::redact_url(database_url)))?
        .to_owned();
    config.dbname("postgres");
    let (client, connection) = config.connect(NoTls).await?;
    let driver = tokio::spawn(connection);
    let exists = client
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
        .await?
        .is_some();
    if !exists {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        match client
            .batch_execute(&format!("CREATE DATABASE {quoted}"))
            .await
        {
            Ok(()) => tracing::info!(message = "Created database.", database = %name),
            // Another process created it between our check and our CREATE.
            Err(error) if error.code() == Some(&SqlState::DUPLICATE_DATABASE) => {}
            Err(error) => return Err(error.into()),
        }
    }
    drop(client);
    let _ = driver.await;
    Ok(())
}

/// Drops `database` on the server at `server_url` (no database name),
/// closing what still uses it; best effort, for benches and tests that
/// made a database of their own.
pub async fn drop_database(server_url: &str, database: &str) {
    if let Ok(admin) = connect(&format!("{server_url}/postgres")).await {
        let quoted = format!("\"{}\"", database.replace('"', "\"\""));
        let _ = admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
            .await;
    }
}

/// The newest migration applied to the database (0 when none is).
pub async fn schema_version(client: &tokio_postgres::Client) -> Result<i32, DbError> {
    let exists: bool = client
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&SCHEMA_HISTORY])
        .await?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client
        .query_one(
            &format!("SELECT coalesce(max(version), 0)::int4 FROM {SCHEMA_HISTORY}"),
            &[],
        )
        .await?;
    Ok(row.get(0))
}

/// Refuses to go on with a schema older than `needed`: a service started
/// before its migrations stays not-ready and says what to run, instead of
/// failing on a missing table later.
pub async fn require_schema(client: &tokio_postgres::Client, needed: i32) -> Result<(), DbError> {
    let found = schema_version(client).await?;
    if found < needed {
        return Err(DbError::SchemaTooOld { found, needed });
    }
    Ok(())
}
