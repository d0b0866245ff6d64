//! The projections: `articles`, `entities`, `article_entities`,
//! `world_events`, updated from events in the caller's transaction.
//!
//! Invariants: applying an event twice gives the same rows as applying it
//! once; the newest analysis of an article (by `analyzed_at`) is the one
//! projected; entity aggregates (mentions, articles, first/last seen) are
//! recomputed from `article_entities`, so a replay in event-store order
//! yields identical tables.

use chrono::{DateTime, NaiveDate, Utc};
use tidings_proto::v1::{DatePrecision, EntityKind};
use tidings_proto::{ArticleAnalyzed, RawArticle};
use tokio_postgres::GenericClient;

/// Outcome of applying an analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Projected,
    /// A newer analysis of the article is already projected.
    Superseded,
}

fn timestamp(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
}

fn non_empty(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

fn kind_name(kind: i32) -> &'static str {
    match EntityKind::try_from(kind) {
        Ok(EntityKind::Person) => "PERSON",
        Ok(EntityKind::Org) => "ORG",
        Ok(EntityKind::Loc) => "LOC",
        _ => "MISC",
    }
}

fn precision_name(precision: i32) -> Option<&'static str> {
    match DatePrecision::try_from(precision) {
        Ok(DatePrecision::Day) => Some("day"),
        Ok(DatePrecision::Month) => Some("month"),
        Ok(DatePrecision::Year) => Some("year"),
        Ok(DatePrecision::Week) => Some("week"),
        Ok(DatePrecision::Article) => Some("article"),
        _ => None,
    }
}

/// Recomputes the aggregates of `keys` from `article_entities`.
async fn refresh_entities<C: GenericClient>(
    client: &C,
    keys: &[String],
) -> Result<(), tokio_postgres::Error> {
    if keys.is_empty() {
        return Ok(());
    }
    client
        .execute(
            "UPDATE entities e
                SET mentions = coalesce(s.mentions, 0),
                    articles = coalesce(s.articles, 0),
                    first_seen = s.first_seen,
                    last_seen = s.last_seen
               FROM (SELECT k.key,
                            sum(ae.mentions)::int AS mentions,
                            count(ae.article)::int AS articles,
                            min(coalesce(a.published_at, a.fetched_at)) AS first_seen,
                            max(coalesce(a.published_at, a.fetched_at)) AS last_seen
                       FROM unnest($1::text[]) AS k(key)
                       LEFT JOIN article_entities ae ON ae.entity = k.key
                       LEFT JOIN articles a ON a.id = ae.article
                      GROUP BY k.key) s
              WHERE e.key = s.key",
            &[&keys],
        )
        .await?;
    Ok(())
}

/// Projects a fetched article.
pub async fn apply_fetched<C: GenericClient>(
    client: &C,
    article: &RawArticle,
) -> Result<(), tokio_postgres::Error> {
    let url = non_empty(&article.canonical_url).or(non_empty(&article.url));
    let published = article.published_at_ms.and_then(timestamp);
    let fetched = timestamp(article.fetched_at_ms);
    client
        .execute(
            "INSERT INTO articles (id, url, title, source, published_at, fetched_at, language, content_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (id) DO UPDATE SET
                url = EXCLUDED.url,
                title = EXCLUDED.title,
                source = EXCLUDED.source,
                published_at = coalesce(EXCLUDED.published_at, articles.published_at),
                fetched_at = EXCLUDED.fetched_at,
                language = EXCLUDED.language,
                content_hash = EXCLUDED.content_hash",
            &[
                &article.article_id,
                &url,
                &non_empty(&article.title),
                &non_empty(&article.source),
                &published,
                &fetched,
                &non_empty(&article.language),
                &non_empty(&article.content_hash),
            ],
        )
        .await?;
    // Dates may have changed: refresh the entities this article mentions.
    let keys: Vec<String> = client
        .query(
            "SELECT entity FROM article_entities WHERE article = $1 ORDER BY entity",
            &[&article.article_id],
        )
        .await?
        .iter()
        .map(|row| row.get(0))
        .collect();
    refresh_entities(client, &keys).await
}

/// Projects an analysis, replacing the article's previous one unless that
/// one is newer.
pub async fn apply_analyzed<C: GenericClient>(
    client: &C,
    analysis: &ArticleAnalyzed,
) -> Result<Applied, tokio_postgres::Error> {
    let article = &analysis.article_id;
    let analyzed_at = timestamp(analysis.analyzed_at_ms);
    let published = analysis.published_at_ms.and_then(timestamp);
    client
        .execute(
            "INSERT INTO articles (id, published_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
            &[article, &published],
        )
        .await?;
    let current: Option<DateTime<Utc>> = client
        .query_one(
            "SELECT analyzed_at FROM articles WHERE id = $1 FOR UPDATE",
            &[article],
        )
        .await?
        .get(0);
    if current.is_some_and(|current| analyzed_at.is_some_and(|new| current > new)) {
        return Ok(Applied::Superseded);
    }

    let mut keys: Vec<String> = client
        .query(
            "DELETE FROM article_entities WHERE article = $1 RETURNING entity",
            &[article],
        )
        .await?
        .iter()
        .map(|row| row.get(0))
        .collect();
    client
        .execute("DELETE FROM world_events WHERE article = $1", &[article])
        .await?;
    client
        .execute("DELETE FROM event_quotes WHERE article = $1", &[article])
        .await?;

    // Entities, in key order so concurrent projectors lock rows alike.
    let mut entities: Vec<_> = analysis
        .entities
        .iter()
        .filter(|e| !e.key.is_empty())
        .collect();
    entities.sort_by(|a, b| a.key.cmp(&b.key));
    entities.dedup_by(|a, b| a.key == b.key);
    let total_mentions: usize = entities
        .iter()
        .map(|e| e.mentions.len())
        .sum::<usize>()
        .max(1);
    let entity_keys: Vec<&str> = entities.iter().map(|e| e.key.as_str()).collect();
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    let kinds: Vec<&str> = entities.iter().map(|e| kind_name(e.kind)).collect();
    let countries: Vec<Option<&str>> = entities.iter().map(|e| non_empty(&e.country)).collect();
    let sectors: Vec<Option<&str>> = entities.iter().map(|e| non_empty(&e.sector)).collect();
    let latitudes: Vec<Option<f64>> = entities.iter().map(|e| e.geo.map(|g| g.latitude)).collect();
    let longitudes: Vec<Option<f64>> = entities
        .iter()
        .map(|e| e.geo.map(|g| g.longitude))
        .collect();
    let geonames_ids: Vec<Option<i64>> = entities
        .iter()
        .map(|e| i64::try_from(e.geonames_id).ok().filter(|id| *id > 0))
        .collect();
    let mentions: Vec<i32> = entities.iter().map(|e| e.mentions.len() as i32).collect();
    let salience: Vec<f64> = entities
        .iter()
        .map(|e| ((e.mentions.len() as f64 / total_mentions as f64) * 10_000.0).round() / 10_000.0)
        .collect();
    client
        .execute(
            "INSERT INTO entities (key, name, kind, country, sector, latitude, longitude, geonames_id)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::int8[])
             ON CONFLICT (key) DO UPDATE SET
                name = EXCLUDED.name,
                kind = EXCLUDED.kind,
                country = coalesce(EXCLUDED.country, entities.country),
                sector = coalesce(EXCLUDED.sector, entities.sector),
                latitude = coalesce(EXCLUDED.latitude, entities.latitude),
                longitude = coalesce(EXCLUDED.longitude, entities.longitude),
                geonames_id = coalesce(EXCLUDED.geonames_id, entities.geonames_id)",
            &[
                &entity_keys, &names, &kinds, &countries, &sectors, &latitudes, &longitudes,
                &geonames_ids,
            ],
        )
        .await?;
    client
        .execute(
            "INSERT INTO article_entities (article, entity, mentions, salience)
             SELECT $1, * FROM unnest($2::text[], $3::int[], $4::float8[])",
            &[article, &entity_keys, &mentions, &salience],
        )
        .await?;

    let events = &analysis.events;
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let dates: Vec<Option<NaiveDate>> = events
        .iter()
        .map(|e| NaiveDate::parse_from_str(&e.date, "%Y-%m-%d").ok())
        .collect();
    let precisions: Vec<Option<&str>> = events
        .iter()
        .map(|e| precision_name(e.date_precision))
        .collect();
    let codes: Vec<&str> = events.iter().map(|e| e.cameo_code.as_str()).collect();
    let roots: Vec<&str> = events.iter().map(|e| e.root_code.as_str()).collect();
    let quads: Vec<i16> = events.iter().map(|e| e.quad_class as i16).collect();
    let goldstein: Vec<f64> = events.iter().map(|e| e.goldstein).collect();
    let actor = |pick: fn(&tidings_proto::v1::Event) -> Option<&tidings_proto::v1::Actor>,
                 field: fn(&tidings_proto::v1::Actor) -> &str|
     -> Vec<Option<&str>> {
        events
            .iter()
            .map(|e| pick(e).and_then(|a| non_empty(field(a))))
            .collect()
    };
    fn source(e: &tidings_proto::v1::Event) -> Option<&tidings_proto::v1::Actor> {
        e.source.as_ref()
    }
    fn target(e: &tidings_proto::v1::Event) -> Option<&tidings_proto::v1::Actor> {
        e.target.as_ref()
    }
    let source_keys = actor(source, |a| &a.key);
    let source_names = actor(source, |a| &a.name);
    let source_countries = actor(source, |a| &a.country);
    let source_sectors = actor(source, |a| &a.sector);
    let source_codes = actor(source, |a| &a.actor_code);
    let target_keys = actor(target, |a| &a.key);
    let target_names = actor(target, |a| &a.name);
    let target_countries = actor(target, |a| &a.country);
    let target_sectors = actor(target, |a| &a.sector);
    let target_codes = actor(target, |a| &a.actor_code);
    let place_countries: Vec<Option<&str>> = events
        .iter()
        .map(|e| e.location.as_ref().and_then(|l| non_empty(&l.country)))
        .collect();
    let supporting: Vec<i32> = events
        .iter()
        .map(|e| e.supporting_sentences.max(1) as i32)
        .collect();
    let intentions: Vec<bool> = events.iter().map(|e| e.is_intention).collect();
    let location_names: Vec<Option<&str>> = events
        .iter()
        .map(|e| e.location.as_ref().and_then(|l| non_empty(&l.name)))
        .collect();
    let location_lat: Vec<Option<f64>> = events
        .iter()
        .map(|e| e.location.as_ref().and_then(|l| l.geo).map(|g| g.latitude))
        .collect();
    let location_lon: Vec<Option<f64>> = events
        .iter()
        .map(|e| e.location.as_ref().and_then(|l| l.geo).map(|g| g.longitude))
        .collect();
    let confidence: Vec<f64> = events.iter().map(|e| e.confidence).collect();
    let sentences: Vec<Option<String>> = events
        .iter()
        .map(|e| {
            (e.sentence_end > e.sentence_start)
                .then(|| format!("{}-{}", e.sentence_start, e.sentence_end))
        })
        .collect();
    client
        .execute(
            "INSERT INTO world_events (id, article, event_date, date_precision, cameo_code, root_code,
                 quad_class, goldstein, source_key, source_name, source_country, target_key,
                 target_name, target_country, location_name, latitude, longitude, confidence, sentence,
                 source_sector, source_actor_code, target_sector, target_actor_code, place_country,
                 supporting_sentences, is_intention)
             SELECT u.id, $1, u.d, u.p, u.c, u.r, u.q, u.g, u.sk, u.sn, u.sc, u.tk, u.tn, u.tc, u.ln,
                    u.lat, u.lon, u.conf, u.s, u.ss, u.sac, u.ts, u.tac, u.pc, u.sup, u.intent
               FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::int2[],
                           $8::float8[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                           $14::text[], $15::text[], $16::float8[], $17::float8[], $18::float8[], $19::text[],
                           $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::int4[],
                           $26::bool[])
                    AS u(id, d, p, c, r, q, g, sk, sn, sc, tk, tn, tc, ln, lat, lon, conf, s,
                         ss, sac, ts, tac, pc, sup, intent)
             ON CONFLICT (id) DO NOTHING",
            &[
                article, &ids, &dates, &precisions, &codes, &roots, &quads, &goldstein, &source_keys,
                &source_names, &source_countries, &target_keys, &target_names, &target_countries,
                &location_names, &location_lat, &location_lon, &confidence, &sentences,
                &source_sectors, &source_codes, &target_sectors, &target_codes, &place_countries,
                &supporting, &intentions,
            ],
        )
        .await?;

    let quotes = &analysis.quotations;
    let quote_starts: Vec<i32> = quotes.iter().map(|q| q.start as i32).collect();
    let quote_ends: Vec<i32> = quotes.iter().map(|q| q.end as i32).collect();
    let speakers: Vec<Option<&str>> = quotes.iter().map(|q| non_empty(&q.speaker_key)).collect();
    let quote_texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
    client
        .execute(
            "INSERT INTO event_quotes (article, start_char, end_char, speaker_key, quote)
             SELECT $1, * FROM unnest($2::int4[], $3::int4[], $4::text[], $5::text[])
             ON CONFLICT DO NOTHING",
            &[article, &quote_starts, &quote_ends, &speakers, &quote_texts],
        )
        .await?;

    let tone = analysis.tone.as_ref();
    client
        .execute(
            "UPDATE articles SET tone = $2, extractor_version = $3, analysis_event_id = $4,
                    analyzed_at = $5, published_at = coalesce(published_at, $6),
                    content_hash = coalesce(content_hash, $7), tone_positive = $8,
                    tone_negative = $9, tone_polarity = $10, word_count = $11
              WHERE id = $1",
            &[
                article,
                &tone.map(|t| t.tone),
                &analysis.extractor_version,
                &analysis.event_id,
                &analyzed_at,
                &published,
                &non_empty(&analysis.content_hash),
                &tone.map(|t| t.positive),
                &tone.map(|t| t.negative),
                &tone.map(|t| t.polarity),
                &tone.map(|t| t.word_count as i32),
            ],
        )
        .await?;

    keys.extend(entity_keys.iter().map(|k| (*k).to_owned()));
    keys.sort();
    keys.dedup();
    refresh_entities(client, &keys).await?;
    Ok(Applied::Projected)
}

/// Empties every projection (the event store is untouched).
pub async fn truncate<C: GenericClient>(client: &C) -> Result<(), tokio_postgres::Error> {
    client
        .batch_execute("TRUNCATE event_quotes, world_events, article_entities, entities, articles")
        .await
}
