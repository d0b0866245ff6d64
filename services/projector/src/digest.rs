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

/// The digest of every projection table.
pub async fn digest(
    client: &tokio_postgres::Client,
) -> Result<Vec<TableDigest>, tokio_postgres::Error> {
    let mut digests = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let row = client
            .query_one(
                &format!(
                    "SELECT count(*), md5(coalesce(string_agg(h, '' ORDER BY h), ''))
                       FROM (SELECT md5(t::text) AS h FROM public.{table} t) rows"
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
