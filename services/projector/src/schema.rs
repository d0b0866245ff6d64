//! The database schema: the SQL files in `migrations/`, compiled in and
//! applied by `tidings-projector migrate` (a one-shot job in a cluster),
//! never by a running service. Services check the version at start and
//! stay not-ready while the schema is older than they need.

use tidings_common::db::{self, DbError, SCHEMA_HISTORY};

mod embedded {
    refinery::embed_migrations!("../../migrations");
}

/// Lock id taken around migrations, so two migrate jobs started together
/// do not race (refinery takes no lock of its own). "tidings" in ASCII.
const MIGRATION_LOCK: i64 = 0x0074_6964_696e_6773;

/// The newest migration this build carries: the version it needs.
pub fn latest_version() -> i32 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| m.version())
        .max()
        .unwrap_or(0)
}

/// Errors of migrating.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("database error: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] refinery::Error),
}

/// Creates the database if needed and applies the migrations not yet
/// applied, under an advisory lock. Returns how many were applied now.
pub async fn migrate(database_url: &str) -> Result<usize, MigrateError> {
    db::ensure_database(database_url).await?;
    let mut client = db::connect(database_url).await?;
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    let result = embedded::migrations::runner()
        .set_migration_table_name(SCHEMA_HISTORY)
        .run_async(&mut client)
        .await;
    client
        .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
        .await?;
    let report = result?;
    for migration in report.applied_migrations() {
        tracing::info!(message = "Applied migration.", name = %migration.name(), version = migration.version());
    }
    Ok(report.applied_migrations().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_knows_its_newest_migration() {
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations"))
            .expect("migrations folder")
            .count();
        assert_eq!(latest_version() as usize, files);
    }
}
