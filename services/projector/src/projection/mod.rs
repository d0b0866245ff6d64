//! The projections, updated from a batch of new events in the caller's
//! transaction: `articles` ([`articles`]), `entities`, `article_entities`
//! and `entity_daily` ([`entities`]), `world_events` and `event_quotes`
//! ([`events`]).
//!
//! Invariants:
//! - **Flat cost.** A batch issues the same statements whatever the history:
//!   entity aggregates move by deltas (an analysis adds its rows, a
//!   re-analysis first subtracts the rows it replaces), never recomputed.
//! - **Order does not matter.** Every update is commutative or decided by a
//!   total order carried in the events (the analysis revision, the fetch
//!   time), so replicas applying batches in any order, and a rebuild
//!   replaying the store, end with the same tables.
//! - **No deadlocks between replicas.** Rows are locked in one global
//!   order: articles (by id), then entities (by key), then entity days (by
//!   key and day); rows scoped to an article are only touched while its
//!   article row is locked.

mod articles;
mod entities;
mod events;

use std::collections::BTreeMap;

use deadpool_postgres::Transaction;
use tidings_proto::{ArticleAnalyzed, RawArticle};

use crate::apply::{Incoming, Message, Outcome};

/// Projects `events` (new ones, in the order received); one outcome each.
pub async fn project(
    transaction: &Transaction<'_>,
    events: &[&Incoming],
) -> Result<Vec<Outcome>, tokio_postgres::Error> {
    if events.is_empty() {
        return Ok(Vec::new());
    }
    // Every article the batch touches, locked in id order.
    let ids: Vec<&str> = events
        .iter()
        .map(|e| e.stream_id())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let current = articles::lock(transaction, &ids).await?;

    let fetched: Vec<&RawArticle> = events
        .iter()
        .filter_map(|e| match &e.message {
            Message::Fetched(article) => Some(article),
            Message::Analyzed(_) => None,
        })
        .collect();
    articles::apply_fetched(transaction, &fetched).await?;

    // The newest analysis of each article in the batch, if it is newer
    // than the projected one.
    let mut best: BTreeMap<&str, &ArticleAnalyzed> = BTreeMap::new();
    for event in events {
        if let Message::Analyzed(analysis) = &event.message {
            let id = analysis.article_id.as_str();
            if best.get(id).is_none_or(|b| newer(analysis, b)) {
                best.insert(id, analysis);
            }
        }
    }
    let winners: Vec<&ArticleAnalyzed> = best
        .into_values()
        .filter(|analysis| {
            current
                .get(&analysis.article_id)
                .is_none_or(|projected| projected.is_older_than(analysis))
        })
        .collect();
    if !winners.is_empty() {
        let replaced: Vec<&str> = winners
            .iter()
            .filter(|a| {
                current
                    .get(&a.article_id)
                    .is_some_and(|p| p.analysis.is_some())
            })
            .map(|a| a.article_id.as_str())
            .collect();
        entities::apply(transaction, &winners, &replaced).await?;
        events::apply(transaction, &winners, &replaced).await?;
        articles::apply_analyzed(transaction, &winners).await?;
    }
    let won: std::collections::HashSet<&str> =
        winners.iter().map(|a| a.event_id.as_str()).collect();
    Ok(events
        .iter()
        .map(|event| match &event.message {
            Message::Fetched(_) => Outcome::Projected,
            Message::Analyzed(a) if won.contains(a.event_id.as_str()) => Outcome::Projected,
            Message::Analyzed(_) => Outcome::Superseded,
        })
        .collect())
}

/// The total order of analyses of one article: revision, then event id.
fn newer(a: &ArticleAnalyzed, b: &ArticleAnalyzed) -> bool {
    (a.analysis_revision, a.event_id.as_str()) > (b.analysis_revision, b.event_id.as_str())
}

/// Milliseconds since the epoch as a timestamp.
fn timestamp(ms: i64) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp_millis(ms)
}

fn non_empty(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}
