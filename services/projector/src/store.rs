//! The event store: one append-only table. Appending an event that is
//! already there (same event id) changes nothing and says so.

use tokio_postgres::GenericClient;

/// Outcome of an append.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appended {
    /// Stored at this global position.
    New(i64),
    /// An event with this id was stored before.
    Duplicate,
}

/// One event to append.
pub struct NewEvent<'a> {
    pub event_id: &'a str,
    pub stream_id: &'a str,
    pub event_type: &'a str,
    pub schema_version: i32,
    pub payload: &'a [u8],
    pub metadata: serde_json::Value,
}

pub async fn append<C: GenericClient>(
    client: &C,
    event: &NewEvent<'_>,
) -> Result<Appended, tokio_postgres::Error> {
    let row = client
        .query_opt(
            "INSERT INTO event_store (event_id, stream_id, event_type, schema_version, payload, metadata)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (event_id) DO NOTHING
             RETURNING position",
            &[
                &event.event_id,
                &event.stream_id,
                &event.event_type,
                &event.schema_version,
                &event.payload,
                &event.metadata,
            ],
        )
        .await?;
    Ok(match row {
        Some(row) => Appended::New(row.get(0)),
        None => Appended::Duplicate,
    })
}
