//! Feed polling. Feed state (ETag, Last-Modified, body hash, next poll) and
//! the items already published live in PostgreSQL, so a restart republishes
//! nothing; replicas share the feeds by claiming due ones with
//! `FOR UPDATE SKIP LOCKED` and a lease.

use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use deadpool_postgres::Pool;
use tidings_common::amqp::Publisher;

use crate::http_client::{Fetched, Fetcher};
use crate::metrics::Metrics;
use tidings_articles::{self as article, Draft};

/// A feed from the configuration file.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedConfig {
    pub url: String,
    pub name: Option<String>,
}

/// Reads a feed list: one `URL [name]` per line; `#` starts a comment.
pub fn read_config(path: &Path) -> anyhow::Result<Vec<FeedConfig>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_config(&text)
}

pub fn parse_config(text: &str) -> anyhow::Result<Vec<FeedConfig>> {
    let mut feeds = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (url, name) = match line.split_once(char::is_whitespace) {
            Some((url, name)) => (url, Some(name.trim().to_owned())),
            None => (line, None),
        };
        url::Url::parse(url)
            .with_context(|| format!("line {}: invalid feed URL {url:?}", n + 1))?;
        feeds.push(FeedConfig {
            url: url.to_owned(),
            name,
        });
    }
    Ok(feeds)
}

/// A claimed feed and its conditional-GET state.
struct Claimed {
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    body_hash: Option<String>,
    interval: i32,
}

/// What a poll did, stored back on the feed row.
struct PollResult {
    outcome: &'static str,
    etag: Option<String>,
    last_modified: Option<String>,
    body_hash: Option<String>,
    status: Option<i32>,
    error: Option<String>,
    published: i64,
}

pub struct Poller {
    pub pool: Pool,
    pub metrics: Metrics,
    pub fetcher: Fetcher,
    pub replica: String,
    pub max_body_bytes: usize,
    /// Feed text shorter than this is a summary: fetch the page.
    pub min_body_chars: usize,
    pub poll_interval: Duration,
    /// Limits on a page before it is parsed.
    pub html_limits: article::HtmlLimits,
}

impl Poller {
    /// Registers the configured feeds (idempotent).
    /// Refuses to poll with a schema older than the fetcher's tables.
    pub async fn check_schema(&self, needed: i32) -> anyhow::Result<()> {
        let client = self
            .pool
            .get()
            .await
            .context("connecting to the database")?;
        tidings_common::db::require_schema(&client, needed).await?;
        Ok(())
    }

    pub async fn register(&self, feeds: &[FeedConfig]) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        let interval = i32::try_from(self.poll_interval.as_secs()).unwrap_or(i32::MAX);
        for feed in feeds {
            client
                .execute(
                    "INSERT INTO feeds (url, name, poll_interval_seconds) VALUES ($1, $2, $3)
                     ON CONFLICT (url) DO UPDATE SET name = EXCLUDED.name,
                         poll_interval_seconds = EXCLUDED.poll_interval_seconds",
                    &[&feed.url, &feed.name, &interval],
                )
                .await?;
        }
        Ok(())
    }

    async fn claim(&self, limit: i64) -> anyhow::Result<Vec<Claimed>> {
        let client = self.pool.get().await?;
        let rows = client
            .query(
                "UPDATE feeds SET claimed_by = $1, claimed_until = now() + interval '5 minutes'
                  WHERE url IN (SELECT url FROM feeds
                                 WHERE next_poll_at <= now()
                                   AND (claimed_until IS NULL OR claimed_until < now())
                                 ORDER BY next_poll_at
                                 LIMIT $2
                                 FOR UPDATE SKIP LOCKED)
              RETURNING url, etag, last_modified, body_hash, poll_interval_seconds",
                &[&self.replica, &limit],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|row| Claimed {
                url: row.get(0),
                etag: row.get(1),
                last_modified: row.get(2),
                body_hash: row.get(3),
                interval: row.get(4),
            })
            .collect())
    }

    /// Polls every due feed once. Returns the number of articles published.
    pub async fn poll_due(&mut self, publisher: &Publisher) -> anyhow::Result<i64> {
        let mut total = 0;
        for feed in self.claim(16).await? {
            let result = self.poll(&feed, publisher).await?;
            total += result.published;
            self.metrics
                .feed_polls
                .with_label_values(&[result.outcome])
                .inc();
            let client = self.pool.get().await?;
            client
                .execute(
                    "UPDATE feeds SET etag = coalesce($2, etag), last_modified = coalesce($3, last_modified),
                            body_hash = coalesce($4, body_hash), last_status = $5, last_error = $6,
                            last_polled_at = now(), items_published = items_published + $7,
                            next_poll_at = now() + make_interval(secs => $8),
                            consecutive_failures = CASE WHEN $9 THEN consecutive_failures + 1 ELSE 0 END,
                            claimed_by = NULL, claimed_until = NULL
                      WHERE url = $1",
                    &[
                        &feed.url,
                        &result.etag,
                        &result.last_modified,
                        &result.body_hash,
                        &result.status,
                        &result.error,
                        &result.published,
                        &f64::from(feed.interval),
                        &(result.outcome == "failed"),
                    ],
                )
                .await?;
        }
        self.report_failures().await?;
        Ok(total)
    }

    /// Sets each feed's failures-in-a-row gauge from the feed table, so
    /// that every replica reports the same, current figure.
    async fn report_failures(&self) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        let rows = client
            .query(
                "SELECT coalesce(name, url), consecutive_failures FROM feeds",
                &[],
            )
            .await?;
        for row in rows {
            let (feed, failures): (String, i32) = (row.get(0), row.get(1));
            self.metrics
                .feed_consecutive_failures
                .with_label_values(&[&feed])
                .set(i64::from(failures));
        }
        Ok(())
    }

    /// Polls one feed. Publish and database faults are errors (the caller
    /// reconnects); everything about the feed itself is a result.
    async fn poll(&mut self, feed: &Claimed, publisher: &Publisher) -> anyhow::Result<PollResult> {
        let mut result = PollResult {
            outcome: "failed",
            etag: None,
            last_modified: None,
            body_hash: None,
            status: None,
            error: None,
            published: 0,
        };
        let timer = self.metrics.fetch_seconds.start_timer();
        let fetched = self
            .fetcher
            .get(
                &feed.url,
                feed.etag.as_deref(),
                feed.last_modified.as_deref(),
            )
            .await;
        timer.observe_duration();
        let (bytes, etag, last_modified) = match fetched {
            Ok(Fetched::NotModified) => {
                result.outcome = "not_modified";
                result.status = Some(304);
                return Ok(result);
            }
            Ok(Fetched::Body {
                bytes,
                etag,
                last_modified,
                ..
            }) => (bytes, etag, last_modified),
            Err(error) => {
                tracing::warn!(message = "Feed fetch failed.", feed = %feed.url, %error);
                result.error = Some(error.to_string());
                return Ok(result);
            }
        };
        result.status = Some(200);
        result.etag = etag;
        result.last_modified = last_modified;
        // Servers keep ETags after changing the body: compare the body too.
        let hash = article::hex128(&bytes);
        if feed.body_hash.as_deref() == Some(hash.as_str()) {
            result.outcome = "unchanged";
            return Ok(result);
        }
        let parsed = feed_rs::parser::parse(bytes.as_slice());
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(error) => {
                tracing::warn!(message = "Malformed feed.", feed = %feed.url, %error);
                self.metrics
                    .articles_skipped
                    .with_label_values(&["malformed_feed"])
                    .inc();
                result.error = Some(format!("malformed feed: {error}"));
                return Ok(result);
            }
        };
        result.body_hash = Some(hash);
        result.outcome = "new";
        for entry in parsed.entries {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone())
                .unwrap_or_default();
            let from_feed = entry
                .content
                .as_ref()
                .and_then(|c| c.body.as_deref())
                .or(entry.summary.as_ref().map(|s| s.content.as_str()))
                .map(article::html_fragment_text)
                .unwrap_or_default();
            let title = entry
                .title
                .as_ref()
                .map(|t| article::html_fragment_text(&t.content))
                .unwrap_or_default();
            // Seen before (by canonical URL, else by content)? Then skip.
            let seen_id = article::article_id(
                &link,
                if from_feed.is_empty() {
                    &title
                } else {
                    &from_feed
                },
            );
            if self.seen(&seen_id).await? {
                continue;
            }
            let mut draft = Draft {
                url: link.clone(),
                source: feed.url.clone(),
                title,
                authors: entry
                    .authors
                    .iter()
                    .filter_map(|a| a.name.clone())
                    .collect(),
                published_at: entry.published.or(entry.updated),
                language: entry.language.clone().unwrap_or_default(),
                body: from_feed,
            };
            if draft.body.chars().count() < self.min_body_chars && !link.is_empty() {
                match self.fetch_page(&link).await {
                    Ok(page) if page.body.trim().len() > draft.body.len() => draft.body = page.body,
                    Ok(_) => {}
                    Err(error) => {
                        tracing::warn!(message = "Article page fetch failed; using the feed text.", url = %link, %error);
                    }
                }
            }
            let article = match article::build(draft, &link, self.max_body_bytes) {
                Ok(article) => article,
                Err(error) => {
                    tracing::warn!(message = "Feed item skipped.", feed = %feed.url, %error);
                    self.metrics
                        .articles_skipped
                        .with_label_values(&["invalid_item"])
                        .inc();
                    continue;
                }
            };
            publisher
                .publish(&article)
                .await
                .context("publishing a feed item")?;
            self.metrics
                .articles_published
                .with_label_values(&["feed"])
                .inc();
            self.mark_seen(&seen_id, &feed.url, &article.url, &article.content_hash)
                .await?;
            result.published += 1;
        }
        Ok(result)
    }

    async fn fetch_page(&mut self, url: &str) -> anyhow::Result<Draft> {
        let fetched = self.fetcher.get(url, None, None).await?;
        let Fetched::Body {
            bytes,
            content_type,
            ..
        } = fetched
        else {
            anyhow::bail!("unexpected 304 for an unconditional GET");
        };
        let label = content_type
            .as_deref()
            .and_then(|ct| ct.split("charset=").nth(1))
            .map(|c| c.trim_matches(['"', ' ']).to_owned())
            .unwrap_or_else(|| article::sniff_charset(&bytes));
        let encoding =
            encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::UTF_8);
        let (html, _, _) = encoding.decode(&bytes);
        let html = html.into_owned();
        let url = url.to_owned();
        // HTML documents are not Send: parse on a blocking thread.
        let limits = self.html_limits;
        tokio::task::spawn_blocking(move || article::from_html_within(&html, Some(&url), limits))
            .await?
            .map_err(|problem| anyhow::anyhow!("extracting the page text: {problem}"))
    }

    async fn seen(&self, article_id: &str) -> anyhow::Result<bool> {
        let client = self.pool.get().await?;
        Ok(client
            .query_opt(
                "SELECT 1 FROM seen_items WHERE article_id = $1",
                &[&article_id],
            )
            .await?
            .is_some())
    }

    async fn mark_seen(
        &self,
        article_id: &str,
        feed: &str,
        url: &str,
        hash: &str,
    ) -> anyhow::Result<()> {
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO seen_items (article_id, feed_url, url, content_hash) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (article_id) DO NOTHING",
                &[&article_id, &feed, &url, &hash],
            )
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_lines() {
        let feeds = parse_config(
            "# feeds\nhttps://a.example/rss  A feed\n\nhttps://b.example/atom # note\n",
        )
        .expect("valid config");
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].name.as_deref(), Some("A feed"));
        assert_eq!(feeds[1].name, None);
        assert!(parse_config("not a url").is_err());
    }
}
