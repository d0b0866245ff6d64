//! The event store: one append-only table. A batch is appended in one
//! statement; an event whose id is stored already changes nothing, and the
//! statement says which ids were new.

use std::collections::HashSet;

use deadpool_postgres::Transaction;

/// One event to append.
pub struct NewEvent<'a> {
    pub event_id: &'a str,
    pub stream_id: &'a str,
    pub event_type: &'a str,
    pub schema_version: i32,
    pub payload: &'a [u8],
    pub metadata: serde_json::Value,
}

/// Appends `events` in order; returns the ids stored now (not before).
pub async fn append_batch(
    transaction: &Transaction<'_>,
    events: &[NewEvent<'_>],
) -> Result<HashSet<String>, tokio_postgres::Error> {
    if events.is_empty() {
        return Ok(HashSet::new());
    }
    let ids: Vec<&str> = events.iter().map(|e| e.event_id).collect();
    let streams: Vec<&str> = events.iter().map(|e| e.stream_id).collect();
    let types: Vec<&str> = events.iter().map(|e| e.event_type).collect();
    let versions: Vec<i32> = events.iter().map(|e| e.schema_version).collect();
    let payloads: Vec<&[u8]> = events.iter().map(|e| e.payload).collect();
    let metadata: Vec<&serde_json::Value> = events.iter().map(|e| &e.metadata).collect();
    let statement = transaction
        .prepare_cached(
            "INSERT INTO event_store (event_id, stream_id, event_type, schema_version, payload, metadata)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::bytea[], $6::jsonb[])
             ON CONFLICT (event_id) DO NOTHING
             RETURNING event_id",
        )
        .await?;
    let rows = transaction
        .query(
            &statement,
            &[&ids, &streams, &types, &versions, &payloads, &metadata],
        )
        .await?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}
