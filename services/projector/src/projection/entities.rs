//! `entities`, `article_entities` and `entity_daily`, by deltas.
//!
//! An analysis adds one `article_entities` row per entity it names, and the
//! same amounts to the entity's counters and to its day in `entity_daily`;
//! a re-analysis first deletes the rows of the analysis it replaces and
//! subtracts what they added. So the cost of an article depends on what it
//! names, never on how many articles named the same entities before.
//!
//! An entity's attributes (name, kind, country, sector, place) come from
//! the highest analysis revision that gave them; at equal revisions the
//! smallest value is kept (byte order: `COLLATE \"C\"`, as Rust compares), so
//! any order of application and any batching agree.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use deadpool_postgres::Transaction;
use tidings_proto::ArticleAnalyzed;
use tidings_proto::v1::EntityKind;

use super::non_empty;

fn kind_name(kind: i32) -> &'static str {
    match EntityKind::try_from(kind) {
        Ok(EntityKind::Person) => "PERSON",
        Ok(EntityKind::Org) => "ORG",
        Ok(EntityKind::Loc) => "LOC",
        _ => "MISC",
    }
}

/// The day an analysis counts on: its article's publication day, else its
/// fetch day (UTC).
pub(super) fn day_of(analysis: &ArticleAnalyzed) -> Option<NaiveDate> {
    let ms = analysis
        .published_at_ms
        .or((analysis.fetched_at_ms > 0).then_some(analysis.fetched_at_ms))?;
    chrono::DateTime::from_timestamp_millis(ms).map(|d| d.date_naive())
}

/// What an entity's row must gain: attributes (when an analysis names it)
/// and counter deltas.
#[derive(Default)]
struct Change<'a> {
    attributes: Option<Attributes<'a>>,
    mentions: i32,
    articles: i32,
}

#[derive(Clone)]
struct Attributes<'a> {
    revision: i32,
    name: &'a str,
    kind: &'static str,
    country: Option<&'a str>,
    sector: Option<&'a str>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    geonames_id: Option<i64>,
}

/// One new `article_entities` row.
struct Row<'a> {
    article: &'a str,
    entity: &'a str,
    mentions: i32,
    salience: f64,
    day: Option<NaiveDate>,
}

/// Replaces the entity rows of `replaced` articles and adds those of
/// `analyses`, moving the aggregates by the difference.
pub(super) async fn apply(
    transaction: &Transaction<'_>,
    analyses: &[&ArticleAnalyzed],
    replaced: &[&str],
) -> Result<(), tokio_postgres::Error> {
    let mut changes: BTreeMap<String, Change<'_>> = BTreeMap::new();
    let mut days: BTreeMap<(String, NaiveDate), (i32, i32)> = BTreeMap::new();

    // What the replaced analyses added, taken back.
    if !replaced.is_empty() {
        let delete = transaction
            .prepare_cached(
                "DELETE FROM article_entities WHERE article = ANY($1) RETURNING entity, mentions, day",
            )
            .await?;
        for row in transaction.query(&delete, &[&replaced]).await? {
            let entity: String = row.get(0);
            let mentions: i32 = row.get(1);
            let day: Option<NaiveDate> = row.get(2);
            let change = changes.entry(entity.clone()).or_default();
            change.mentions -= mentions;
            change.articles -= 1;
            if let Some(day) = day {
                let slot = days.entry((entity, day)).or_default();
                slot.0 -= mentions;
                slot.1 -= 1;
            }
        }
    }

    // What the new analyses add.
    let mut rows: Vec<Row<'_>> = Vec::new();
    for analysis in analyses {
        let day = day_of(analysis);
        let mut named: BTreeMap<&str, &tidings_proto::v1::Entity> = BTreeMap::new();
        for entity in analysis.entities.iter().filter(|e| !e.key.is_empty()) {
            named.entry(entity.key.as_str()).or_insert(entity);
        }
        let total: usize = named
            .values()
            .map(|e| e.mentions.len())
            .sum::<usize>()
            .max(1);
        let revision = i32::try_from(analysis.analysis_revision).unwrap_or(i32::MAX);
        for (key, entity) in named {
            let mentions = entity.mentions.len() as i32;
            rows.push(Row {
                article: &analysis.article_id,
                entity: key,
                mentions,
                salience: ((mentions as f64 / total as f64) * 10_000.0).round() / 10_000.0,
                day,
            });
            let change = changes.entry(key.to_owned()).or_default();
            change.mentions += mentions;
            change.articles += 1;
            let offered = Attributes {
                revision,
                name: &entity.name,
                kind: kind_name(entity.kind),
                country: non_empty(&entity.country),
                sector: non_empty(&entity.sector),
                latitude: entity.geo.map(|g| g.latitude),
                longitude: entity.geo.map(|g| g.longitude),
                geonames_id: i64::try_from(entity.geonames_id).ok().filter(|id| *id > 0),
            };
            change.attributes = Some(match change.attributes.take() {
                None => offered,
                Some(kept) => merge(kept, offered),
            });
            if let Some(day) = day {
                let slot = days.entry((key.to_owned(), day)).or_default();
                slot.0 += mentions;
                slot.1 += 1;
            }
        }
    }

    upsert_entities(transaction, &changes).await?;
    insert_rows(transaction, &rows).await?;
    upsert_days(transaction, &days).await?;
    Ok(())
}

/// Two analyses of one batch naming the same entity: the same rule as the
/// table's (higher revision, else the smaller value, unknowns never win).
fn merge<'a>(a: Attributes<'a>, b: Attributes<'a>) -> Attributes<'a> {
    use std::cmp::Ordering::*;
    fn pick<T: PartialOrd + Copy>(
        a: Option<T>,
        b: Option<T>,
        order: std::cmp::Ordering,
    ) -> Option<T> {
        match (a, b) {
            (None, x) | (x, None) => x,
            (Some(x), Some(y)) => Some(match order {
                Greater => x,
                Less => y,
                Equal => {
                    if y < x {
                        y
                    } else {
                        x
                    }
                }
            }),
        }
    }
    let order = a.revision.cmp(&b.revision);
    let pick_str =
        |x: &'a str, y: &'a str| -> &'a str { pick(Some(x), Some(y), order).unwrap_or(x) };
    Attributes {
        revision: a.revision.max(b.revision),
        name: pick_str(a.name, b.name),
        kind: pick(Some(a.kind), Some(b.kind), order).unwrap_or(a.kind),
        country: pick(a.country, b.country, order),
        sector: pick(a.sector, b.sector, order),
        latitude: pick(a.latitude, b.latitude, order),
        longitude: pick(a.longitude, b.longitude, order),
        geonames_id: pick(a.geonames_id, b.geonames_id, order),
    }
}

/// One statement over every key the batch touches, in key order.
async fn upsert_entities(
    transaction: &Transaction<'_>,
    changes: &BTreeMap<String, Change<'_>>,
) -> Result<(), tokio_postgres::Error> {
    if changes.is_empty() {
        return Ok(());
    }
    let keys: Vec<&str> = changes.keys().map(String::as_str).collect();
    let attr = |f: &dyn Fn(&Attributes<'_>) -> Option<String>| -> Vec<Option<String>> {
        changes
            .values()
            .map(|c| c.attributes.as_ref().and_then(f))
            .collect()
    };
    // A key only taken back keeps its attributes: revision -1 never wins,
    // so the key, which stands in for its name in the statement, is never
    // stored as one (the row exists).
    let names: Vec<String> = changes
        .iter()
        .map(|(key, c)| {
            c.attributes
                .as_ref()
                .map_or_else(|| key.clone(), |a| a.name.to_owned())
        })
        .collect();
    let kinds: Vec<&str> = changes
        .values()
        .map(|c| c.attributes.as_ref().map_or("MISC", |a| a.kind))
        .collect();
    let countries = attr(&|a| a.country.map(str::to_owned));
    let sectors = attr(&|a| a.sector.map(str::to_owned));
    let latitudes: Vec<Option<f64>> = changes
        .values()
        .map(|c| c.attributes.as_ref().and_then(|a| a.latitude))
        .collect();
    let longitudes: Vec<Option<f64>> = changes
        .values()
        .map(|c| c.attributes.as_ref().and_then(|a| a.longitude))
        .collect();
    let geonames: Vec<Option<i64>> = changes
        .values()
        .map(|c| c.attributes.as_ref().and_then(|a| a.geonames_id))
        .collect();
    let revisions: Vec<i32> = changes
        .values()
        .map(|c| c.attributes.as_ref().map_or(-1, |a| a.revision))
        .collect();
    let mentions: Vec<i32> = changes.values().map(|c| c.mentions).collect();
    let articles: Vec<i32> = changes.values().map(|c| c.articles).collect();
    let statement = transaction
        .prepare_cached(
            "INSERT INTO entities (key, name, kind, country, sector, latitude, longitude, geonames_id,
                                   revision, mentions, articles)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                                  $6::float8[], $7::float8[], $8::int8[], $9::int4[], $10::int4[],
                                  $11::int4[])
             ON CONFLICT (key) DO UPDATE SET
                name = CASE WHEN EXCLUDED.revision > entities.revision THEN EXCLUDED.name
                            WHEN EXCLUDED.revision = entities.revision THEN LEAST(entities.name COLLATE \"C\", EXCLUDED.name COLLATE \"C\")
                            ELSE entities.name END,
                kind = CASE WHEN EXCLUDED.revision > entities.revision THEN EXCLUDED.kind
                            WHEN EXCLUDED.revision = entities.revision THEN LEAST(entities.kind COLLATE \"C\", EXCLUDED.kind COLLATE \"C\")
                            ELSE entities.kind END,
                country = CASE WHEN EXCLUDED.revision > entities.revision THEN coalesce(EXCLUDED.country, entities.country)
                               WHEN EXCLUDED.revision = entities.revision THEN LEAST(entities.country COLLATE \"C\", EXCLUDED.country COLLATE \"C\")
                               ELSE coalesce(entities.country, EXCLUDED.country) END,
                sector = CASE WHEN EXCLUDED.revision > entities.revision THEN coalesce(EXCLUDED.sector, entities.sector)
                              WHEN EXCLUDED.revision = entities.revision THEN LEAST(entities.sector COLLATE \"C\", EXCLUDED.sector COLLATE \"C\")
                              ELSE coalesce(entities.sector, EXCLUDED.sector) END,
                latitude = CASE WHEN EXCLUDED.revision > entities.revision THEN coalesce(EXCLUDED.latitude, entities.latitude)
                                WHEN EXCLUDED.revision = entities.revision THEN LEAST(entities.latitude, EXCLUDED.latitude)
                                ELSE coalesce(entities.latitude, EXCLUDED.latitude) END,
                longitude = CASE WHEN EXCLUDED.revision > entities.revision THEN coalesce(EXCLUDED.longitude, entities.longitude)
                                 WHEN EXCLUDED.revision = entities.revision THEN LEAST(entities.longitude, EXCLUDED.longitude)
                                 ELSE coalesce(entities.longitude, EXCLUDED.longitude) END,
                geonames_id = CASE WHEN EXCLUDED.revision > entities.revision THEN coalesce(EXCLUDED.geonames_id, entities.geonames_id)
                                   WHEN EXCLUDED.revision = entities.revision THEN LEAST(entities.geonames_id, EXCLUDED.geonames_id)
                                   ELSE coalesce(entities.geonames_id, EXCLUDED.geonames_id) END,
                revision = GREATEST(entities.revision, EXCLUDED.revision),
                mentions = entities.mentions + EXCLUDED.mentions,
                articles = entities.articles + EXCLUDED.articles",
        )
        .await?;
    transaction
        .execute(
            &statement,
            &[
                &keys,
                &names,
                &kinds,
                &countries,
                &sectors,
                &latitudes,
                &longitudes,
                &geonames,
                &revisions,
                &mentions,
                &articles,
            ],
        )
        .await?;
    Ok(())
}

async fn insert_rows(
    transaction: &Transaction<'_>,
    rows: &[Row<'_>],
) -> Result<(), tokio_postgres::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let articles: Vec<&str> = rows.iter().map(|r| r.article).collect();
    let entities: Vec<&str> = rows.iter().map(|r| r.entity).collect();
    let mentions: Vec<i32> = rows.iter().map(|r| r.mentions).collect();
    let salience: Vec<f64> = rows.iter().map(|r| r.salience).collect();
    let days: Vec<Option<NaiveDate>> = rows.iter().map(|r| r.day).collect();
    let statement = transaction
        .prepare_cached(
            "INSERT INTO article_entities (article, entity, mentions, salience, day)
             SELECT * FROM unnest($1::text[], $2::text[], $3::int4[], $4::float8[], $5::date[])",
        )
        .await?;
    transaction
        .execute(
            &statement,
            &[&articles, &entities, &mentions, &salience, &days],
        )
        .await?;
    Ok(())
}

/// One statement over every (entity, day) the batch touches, in order.
async fn upsert_days(
    transaction: &Transaction<'_>,
    days: &BTreeMap<(String, NaiveDate), (i32, i32)>,
) -> Result<(), tokio_postgres::Error> {
    let changed = || days.iter().filter(|(_, delta)| **delta != (0, 0));
    if changed().next().is_none() {
        return Ok(());
    }
    let entities: Vec<&str> = changed().map(|((e, _), _)| e.as_str()).collect();
    let dates: Vec<NaiveDate> = changed().map(|((_, d), _)| *d).collect();
    let mentions: Vec<i32> = changed().map(|(_, (m, _))| *m).collect();
    let articles: Vec<i32> = changed().map(|(_, (_, a))| *a).collect();
    let statement = transaction
        .prepare_cached(
            "INSERT INTO entity_daily (entity, day, mentions, articles)
             SELECT * FROM unnest($1::text[], $2::date[], $3::int4[], $4::int4[])
             ON CONFLICT (entity, day) DO UPDATE SET
                mentions = entity_daily.mentions + EXCLUDED.mentions,
                articles = entity_daily.articles + EXCLUDED.articles",
        )
        .await?;
    transaction
        .execute(&statement, &[&entities, &dates, &mentions, &articles])
        .await?;
    Ok(())
}
