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
    /// Whether retrying later may succeed (lost connection, restart,
    /// serialization conflict), as opposed to bad data or bad SQL.
    pub fn is_transient(&self) -> bool {
        match self {
            DbError::Postgres(error) => is_transient(error),
            DbError::Pool(_) => true,
            _ => false,
        }
    }
}

/// Classifies a driver error: connection-level faults and the SQLSTATEs of
/// restarts, overload and serialization conflicts are transient.
pub fn is_transient(error: &tokio_postgres::Error) -> bool {
    if error.is_closed() {
        return true;
    }
    match error.code() {
        None => true, // I/O or protocol: the connection is gone.
        Some(code) => {
            let class = &code.code()[..2];
            class == "08" // connection exception
                || class == "53" // insufficient resources
                || class == "57" // operator intervention (shutdown)
                || *code == SqlState::T_R_SERIALIZATION_FAILURE
                || *code == SqlState::T_R_DEADLOCK_DETECTED
                || *code == SqlState::LOCK_NOT_AVAILABLE
                || *code == SqlState::QUERY_CANCELED
        }
    }
}

/// A pool whose connections are verified before reuse, so a database restart
/// does not hand out dead connections.
pub fn pool(database_url: &str, max_size: usize) -> Result<Pool, DbError> {
    let config = tokio_postgres::Config::from_str(database_url)
        .map_err(|error| DbError::InvalidUrl(error.to_string()))?;
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
        .create_timeout(Some(Duration::from_secs(10)))
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
