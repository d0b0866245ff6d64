//! The `articles` projection: one row per article, from its newest fetch
//! (by fetch time, then content hash) and its newest analysis.

use std::collections::{BTreeMap, HashMap};

use deadpool_postgres::Transaction;
use tidings_proto::{ArticleAnalyzed, RawArticle};

use super::{non_empty, timestamp};

/// The analysis an article row holds now.
pub(super) struct Projected {
    pub analysis: Option<(u32, String)>,
}

impl Projected {
    /// Does `analysis` replace what is projected (a higher revision, or the
    /// same revision and a larger event id)?
    pub fn is_older_than(&self, analysis: &ArticleAnalyzed) -> bool {
        match &self.analysis {
            None => true,
            Some((revision, event_id)) => {
                (analysis.analysis_revision, analysis.event_id.as_str())
                    > (*revision, event_id.as_str())
            }
        }
    }
}

/// Creates the rows of `ids` that do not exist and locks all of them, in
/// id order (`ids` is sorted); returns what each holds.
pub(super) async fn lock(
    transaction: &Transaction<'_>,
    ids: &[&str],
) -> Result<HashMap<String, Projected>, tokio_postgres::Error> {
    let insert = transaction
        .prepare_cached(
            "INSERT INTO articles (id) SELECT unnest($1::text[]) ON CONFLICT (id) DO NOTHING",
        )
        .await?;
    transaction.execute(&insert, &[&ids]).await?;
    let select = transaction
        .prepare_cached(
            "SELECT id, analysis_revision, analysis_event_id FROM articles
              WHERE id = ANY($1) ORDER BY id FOR UPDATE",
        )
        .await?;
    let rows = transaction.query(&select, &[&ids]).await?;
    Ok(rows
        .iter()
        .map(|row| {
            let revision: Option<i32> = row.get(1);
            let event_id: Option<String> = row.get(2);
            let analysis = event_id.map(|id| (revision.unwrap_or(0).max(0) as u32, id));
            (row.get(0), Projected { analysis })
        })
        .collect())
}

/// Applies fetches: the newest fetch of each article (by fetch time, then
/// content hash) sets its metadata.
pub(super) async fn apply_fetched(
    transaction: &Transaction<'_>,
    fetched: &[&RawArticle],
) -> Result<(), tokio_postgres::Error> {
    let mut newest: BTreeMap<&str, &RawArticle> = BTreeMap::new();
    for article in fetched {
        let order = |a: &RawArticle| (a.fetched_at_ms, a.content_hash.clone());
        if newest
            .get(article.article_id.as_str())
            .is_none_or(|n| order(article) > order(n))
        {
            newest.insert(&article.article_id, article);
        }
    }
    if newest.is_empty() {
        return Ok(());
    }
    let articles: Vec<&RawArticle> = newest.into_values().collect();
    let ids: Vec<&str> = articles.iter().map(|a| a.article_id.as_str()).collect();
    let urls: Vec<Option<&str>> = articles
        .iter()
        .map(|a| non_empty(&a.canonical_url).or(non_empty(&a.url)))
        .collect();
    let titles: Vec<Option<&str>> = articles.iter().map(|a| non_empty(&a.title)).collect();
    let sources: Vec<Option<&str>> = articles.iter().map(|a| non_empty(&a.source)).collect();
    let published: Vec<Option<chrono::DateTime<chrono::Utc>>> = articles
        .iter()
        .map(|a| a.published_at_ms.and_then(timestamp))
        .collect();
    let fetched_at: Vec<Option<chrono::DateTime<chrono::Utc>>> = articles
        .iter()
        .map(|a| timestamp(a.fetched_at_ms))
        .collect();
    let languages: Vec<Option<&str>> = articles.iter().map(|a| non_empty(&a.language)).collect();
    let hashes: Vec<Option<&str>> = articles
        .iter()
        .map(|a| non_empty(&a.content_hash))
        .collect();
    let statement = transaction
        .prepare_cached(
            "UPDATE articles a SET url = u.url, title = u.title, source = u.source,
                    published_at = coalesce(u.published_at, a.published_at),
                    fetched_at = u.fetched_at, language = u.language, content_hash = u.hash
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[],
                           $6::timestamptz[], $7::text[], $8::text[])
                    AS u(id, url, title, source, published_at, fetched_at, language, hash)
              WHERE a.id = u.id
                AND (a.fetched_at IS NULL OR u.fetched_at > a.fetched_at
                     OR (u.fetched_at = a.fetched_at AND u.hash > coalesce(a.content_hash, '')))",
        )
        .await?;
    transaction
        .execute(
            &statement,
            &[
                &ids,
                &urls,
                &titles,
                &sources,
                &published,
                &fetched_at,
                &languages,
                &hashes,
            ],
        )
        .await?;
    Ok(())
}

/// Records which analysis each article holds now, with its tone.
pub(super) async fn apply_analyzed(
    transaction: &Transaction<'_>,
    analyses: &[&ArticleAnalyzed],
) -> Result<(), tokio_postgres::Error> {
    let ids: Vec<&str> = analyses.iter().map(|a| a.article_id.as_str()).collect();
    let versions: Vec<&str> = analyses
        .iter()
        .map(|a| a.extractor_version.as_str())
        .collect();
    let event_ids: Vec<&str> = analyses.iter().map(|a| a.event_id.as_str()).collect();
    let analyzed_at: Vec<Option<chrono::DateTime<chrono::Utc>>> = analyses
        .iter()
        .map(|a| timestamp(a.analyzed_at_ms))
        .collect();
    let published: Vec<Option<chrono::DateTime<chrono::Utc>>> = analyses
        .iter()
        .map(|a| a.published_at_ms.and_then(timestamp))
        .collect();
    let hashes: Vec<Option<&str>> = analyses
        .iter()
        .map(|a| non_empty(&a.content_hash))
        .collect();
    let revisions: Vec<i32> = analyses
        .iter()
        .map(|a| i32::try_from(a.analysis_revision).unwrap_or(i32::MAX))
        .collect();
    let tone = |f: fn(&tidings_proto::v1::Tone) -> f64| -> Vec<Option<f64>> {
        analyses.iter().map(|a| a.tone.as_ref().map(f)).collect()
    };
    let (tones, positive, negative, polarity) = (
        tone(|t| t.tone),
        tone(|t| t.positive),
        tone(|t| t.negative),
        tone(|t| t.polarity),
    );
    let words: Vec<Option<i32>> = analyses
        .iter()
        .map(|a| a.tone.as_ref().map(|t| t.word_count as i32))
        .collect();
    let statement = transaction
        .prepare_cached(
            "UPDATE articles a SET extractor_version = u.version, analysis_event_id = u.event_id,
                    analyzed_at = u.analyzed_at, analysis_revision = u.revision,
                    published_at = coalesce(a.published_at, u.published_at),
                    content_hash = coalesce(a.content_hash, u.hash),
                    tone = u.tone, tone_positive = u.positive, tone_negative = u.negative,
                    tone_polarity = u.polarity, word_count = u.words
               FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int4[],
                           $6::timestamptz[], $7::text[], $8::float8[], $9::float8[], $10::float8[],
                           $11::float8[], $12::int4[])
                    AS u(id, version, event_id, analyzed_at, revision, published_at, hash, tone,
                         positive, negative, polarity, words)
              WHERE a.id = u.id",
        )
        .await?;
    transaction
        .execute(
            &statement,
            &[
                &ids,
                &versions,
                &event_ids,
                &analyzed_at,
                &revisions,
                &published,
                &hashes,
                &tones,
                &positive,
                &negative,
                &polarity,
                &words,
            ],
        )
        .await?;
    Ok(())
}
