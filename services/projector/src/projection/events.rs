//! `world_events` and `event_quotes`: an article's events and quotations
//! are those of its projected analysis; a re-analysis replaces them.

use chrono::NaiveDate;
use deadpool_postgres::Transaction;
use tidings_proto::ArticleAnalyzed;
use tidings_proto::v1::{Actor, DatePrecision, Event};

use super::non_empty;

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

/// Replaces the events and quotations of `replaced` articles and adds
/// those of `analyses`.
pub(super) async fn apply(
    transaction: &Transaction<'_>,
    analyses: &[&ArticleAnalyzed],
    replaced: &[&str],
) -> Result<(), tokio_postgres::Error> {
    if !replaced.is_empty() {
        let events = transaction
            .prepare_cached("DELETE FROM world_events WHERE article = ANY($1)")
            .await?;
        transaction.execute(&events, &[&replaced]).await?;
        let quotes = transaction
            .prepare_cached("DELETE FROM event_quotes WHERE article = ANY($1)")
            .await?;
        transaction.execute(&quotes, &[&replaced]).await?;
    }
    insert_events(transaction, analyses).await?;
    insert_quotes(transaction, analyses).await
}

async fn insert_events(
    transaction: &Transaction<'_>,
    analyses: &[&ArticleAnalyzed],
) -> Result<(), tokio_postgres::Error> {
    let pairs: Vec<(&str, &Event)> = analyses
        .iter()
        .flat_map(|a| a.events.iter().map(move |e| (a.article_id.as_str(), e)))
        .collect();
    if pairs.is_empty() {
        return Ok(());
    }
    let article_ids: Vec<&str> = pairs.iter().map(|(a, _)| *a).collect();
    let events: Vec<&Event> = pairs.iter().map(|(_, e)| *e).collect();
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
    let actor =
        |pick: fn(&Event) -> Option<&Actor>, field: fn(&Actor) -> &str| -> Vec<Option<&str>> {
            events
                .iter()
                .map(|e| pick(e).and_then(|a| non_empty(field(a))))
                .collect()
        };
    fn source(e: &Event) -> Option<&Actor> {
        e.source.as_ref()
    }
    fn target(e: &Event) -> Option<&Actor> {
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
    let statement = transaction
        .prepare_cached(
            "INSERT INTO world_events (id, article, event_date, date_precision, cameo_code, root_code,
                 quad_class, goldstein, source_key, source_name, source_country, target_key,
                 target_name, target_country, location_name, latitude, longitude, confidence, sentence,
                 source_sector, source_actor_code, target_sector, target_actor_code, place_country,
                 supporting_sentences, is_intention)
             SELECT u.id, u.article, u.d, u.p, u.c, u.r, u.q, u.g, u.sk, u.sn, u.sc, u.tk, u.tn, u.tc, u.ln,
                    u.lat, u.lon, u.conf, u.s, u.ss, u.sac, u.ts, u.tac, u.pc, u.sup, u.intent
               FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::int2[],
                           $8::float8[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
                           $14::text[], $15::text[], $16::float8[], $17::float8[], $18::float8[], $19::text[],
                           $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::int4[],
                           $26::bool[])
                    AS u(article, id, d, p, c, r, q, g, sk, sn, sc, tk, tn, tc, ln, lat, lon, conf, s,
                         ss, sac, ts, tac, pc, sup, intent)
             ON CONFLICT (id) DO NOTHING",
        )
        .await?;
    transaction
        .execute(
            &statement,
            &[
                &article_ids,
                &ids,
                &dates,
                &precisions,
                &codes,
                &roots,
                &quads,
                &goldstein,
                &source_keys,
                &source_names,
                &source_countries,
                &target_keys,
                &target_names,
                &target_countries,
                &location_names,
                &location_lat,
                &location_lon,
                &confidence,
                &sentences,
                &source_sectors,
                &source_codes,
                &target_sectors,
                &target_codes,
                &place_countries,
                &supporting,
                &intentions,
            ],
        )
        .await?;
    Ok(())
}

async fn insert_quotes(
    transaction: &Transaction<'_>,
    analyses: &[&ArticleAnalyzed],
) -> Result<(), tokio_postgres::Error> {
    let pairs: Vec<(&str, &tidings_proto::v1::Quotation)> = analyses
        .iter()
        .flat_map(|a| a.quotations.iter().map(move |q| (a.article_id.as_str(), q)))
        .collect();
    if pairs.is_empty() {
        return Ok(());
    }
    let article_ids: Vec<&str> = pairs.iter().map(|(a, _)| *a).collect();
    let quotes: Vec<&tidings_proto::v1::Quotation> = pairs.iter().map(|(_, q)| *q).collect();
    let quote_starts: Vec<i32> = quotes.iter().map(|q| q.start as i32).collect();
    let quote_ends: Vec<i32> = quotes.iter().map(|q| q.end as i32).collect();
    let speakers: Vec<Option<&str>> = quotes.iter().map(|q| non_empty(&q.speaker_key)).collect();
    let quote_texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
    let statement = transaction
        .prepare_cached(
            "INSERT INTO event_quotes (article, start_char, end_char, speaker_key, quote)
             SELECT * FROM unnest($1::text[], $2::int4[], $3::int4[], $4::text[], $5::text[])
             ON CONFLICT DO NOTHING",
        )
        .await?;
    transaction
        .execute(
            &statement,
            &[
                &article_ids,
                &quote_starts,
                &quote_ends,
                &speakers,
                &quote_texts,
            ],
        )
        .await?;
    Ok(())
}
