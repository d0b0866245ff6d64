//! A digest of the read model: per projection table, its row count and a
//! hash of its rows that does not depend on their physical order, so two
//! databases (a run with faults and a clean one, a rebuild and the live
//! tables) can be compared table by table.

use crate::rebuild::TABLES;

/// One table's digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    pub table: &'static str,
    pub rows: i64,
    /// md5 of the sorted md5s of its rows' text.
    pub md5: String,
}

impl std::fmt::Display for TableDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.table, self.rows, self.md5)
    }
}

/// Columns that hold the time a run happened rather than what it
/// computed (when an article was fetched, when it was analysed): two runs
/// over the same articles differ there and nowhere else.
pub const WALL_CLOCK: [&str; 2] = ["fetched_at", "analyzed_at"];

/// The digest of every projection table.
pub async fn digest(
    client: &tokio_postgres::Client,
) -> Result<Vec<TableDigest>, tokio_postgres::Error> {
    digest_except(client, &[]).await
}

/// The digest of every projection table over all columns but `ignored`.
pub async fn digest_except(
    client: &tokio_postgres::Client,
    ignored: &[&str],
) -> Result<Vec<TableDigest>, tokio_postgres::Error> {
    let mut digests = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let columns: Vec<String> = client
            .query(
                "SELECT quote_ident(column_name::text) FROM information_schema.columns
                  WHERE table_schema = 'public' AND table_name = $1
                    AND NOT column_name::text = ANY($2::text[])
                  ORDER BY ordinal_position",
                &[&table, &ignored],
            )
            .await?
            .iter()
            .map(|row| row.get(0))
            .collect();
        let row = client
            .query_one(
                &format!(
                    "SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), ''))
                       FROM (SELECT md5(ROW({})::text) AS h FROM public.{table}) rows",
                    columns.join(", ")
                ),
                &[],
            )
            .await?;
        digests.push(TableDigest {
            table,
            rows: row.get(0),
            md5: row.get(1),
        });
    }
    Ok(digests)
}
