//! The fetcher polling a real feed and a real article page served on
//! loopback, with conditional GET, page extraction, a broken feed, state
//! in PostgreSQL, and `POST /articles`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::helpers::{TestEnv, fixture};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_are_polled_once_and_pages_extracted() {
    let env = TestEnv::start().await;

    // A real RSS feed (BBC, from feed-rs's fixtures) whose item links to a
    // real BBC article page (from Mozilla Readability's fixtures).
    let site = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let site_addr = site.local_addr().expect("addr");
    let feed = std::fs::read_to_string(fixture("rss_2.0_bbc.xml"))
        .expect("feed fixture")
        .replace(
            "http://www.bbc.co.uk/programmes/m000sjxt",
            &format!("http://{site_addr}/article"),
        );
    let page = std::fs::read(fixture("bbc-1.html")).expect("page fixture");
    let feed_requests = Arc::new(AtomicUsize::new(0));
    let counter = feed_requests.clone();
    let app = Router::new()
        .route(
            "/feed.xml",
            get(move |headers: HeaderMap| {
                let feed = feed.clone();
                counter.fetch_add(1, Ordering::SeqCst);
                async move {
                    if headers
                        .get(header::IF_NONE_MATCH)
                        .is_some_and(|v| v == "\"v1\"")
                    {
                        return StatusCode::NOT_MODIFIED.into_response();
                    }
                    (
                        [
                            (header::ETAG, "\"v1\""),
                            (header::CONTENT_TYPE, "application/rss+xml"),
                        ],
                        feed,
                    )
                        .into_response()
                }
            }),
        )
        .route(
            "/broken.xml",
            get(|| async { "<rss><channel><item><title>unclosed" }),
        )
        .route(
            "/article",
            get(move || {
                let page = page.clone();
                async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page) }
            }),
        );
    let site_stop = CancellationToken::new();
    let stop = site_stop.clone();
    tokio::spawn(async move {
        axum::serve(site, app)
            .with_graceful_shutdown(async move { stop.cancelled().await })
            .await
    });

    let feeds_file = std::env::temp_dir().join(format!("{}-feeds.txt", env.namespace));
    std::fs::write(
        &feeds_file,
        format!("http://{site_addr}/feed.xml BBC\nhttp://{site_addr}/broken.xml Broken\n"),
    )
    .expect("feeds file");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let fetcher_addr = listener.local_addr().expect("addr");
    let settings = tidings_fetcher::RunSettings {
        base: env.fetcher_settings(),
        http_addr: fetcher_addr,
        feeds: feeds_file.clone(),
        poll_interval_seconds: 3600,
        per_host_delay_ms: 10,
        fetch_timeout_seconds: 5,
        allow_private_addresses: true,
        allowed_networks: Vec::new(),
        ingest_token: None,
        html_max_elements: 200_000,
        html_max_depth: 512,
    };
    let shutdown = CancellationToken::new();
    let fetcher = tokio::spawn(tidings_fetcher::run(settings, listener, shutdown.clone()));

    let analyzed = format!(
        "SELECT count(*) FROM articles WHERE source = 'http://{site_addr}/feed.xml' AND analyzed_at IS NOT NULL"
    );
    env.wait_for_count(&analyzed, 1).await;
    // The feed had only a summary: the body came from the page.
    let payload: Vec<u8> = env
        .db
        .query_one(
            "SELECT payload FROM event_store WHERE event_type = 'ArticleFetched'",
            &[],
        )
        .await
        .expect("raw article")
        .get(0);
    let raw =
        <tidings_proto::RawArticle as prost::Message>::decode(payload.as_slice()).expect("decodes");
    assert!(
        raw.body.len() > 2000,
        "page text extracted, got {} bytes",
        raw.body.len()
    );
    assert_eq!(raw.url, format!("http://{site_addr}/article"));

    // The broken feed is recorded as such; the service stays up.
    env.wait_for_count(
        "SELECT count(*) FROM feeds WHERE last_error LIKE 'malformed feed%'",
        1,
    )
    .await;

    // A second poll is conditional (304) and publishes nothing.
    let before = feed_requests.load(Ordering::SeqCst);
    env.db
        .execute("UPDATE feeds SET next_poll_at = now()", &[])
        .await
        .expect("make feeds due");
    env.wait_for_count("SELECT count(*) FROM feeds WHERE last_status = 304", 1)
        .await;
    assert!(feed_requests.load(Ordering::SeqCst) > before);
    assert_eq!(env.count("SELECT count(*) FROM seen_items").await, 1);
    assert_eq!(
        env.count("SELECT count(*) FROM event_store WHERE event_type = 'ArticleFetched'")
            .await,
        1
    );

    // POST /articles publishes a JSON article.
    let client = reqwest::Client::new();
    let response = client
        .post(format!("http://{fetcher_addr}/articles"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(r#"{"title":"Posted","published_at":"2023-06-18","body":"Antony Blinken met Qin Gang in Beijing on Sunday."}"#)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), 202);
    let empty = client
        .post(format!("http://{fetcher_addr}/articles"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(r#"{"body":"  "}"#)
        .send()
        .await
        .expect("post");
    assert_eq!(empty.status(), 422);
    env.wait_for_count(
        "SELECT count(*) FROM articles WHERE title = 'Posted' AND analyzed_at IS NOT NULL",
        1,
    )
    .await;

    let metrics = reqwest::get(format!("http://{fetcher_addr}/metrics"))
        .await
        .expect("metrics")
        .text()
        .await
        .expect("body");
    assert!(
        metrics.contains("tidings_fetcher_articles_published_total{source=\"feed\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("tidings_fetcher_articles_published_total{source=\"http\"} 1"));
    assert!(metrics.contains("tidings_fetcher_ready 1"), "{metrics}");
    // The broken feed failed both polls in a row; the good one none.
    env.wait_for_count(
        "SELECT consecutive_failures::int8 FROM feeds WHERE name = 'Broken'",
        2,
    )
    .await;
    let mut metrics = String::new();
    for _ in 0..100 {
        metrics = crate::helpers::metrics(fetcher_addr).await;
        if metrics.contains("tidings_fetcher_feed_consecutive_failures{feed=\"Broken\"} 2") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        metrics.contains("tidings_fetcher_feed_consecutive_failures{feed=\"Broken\"} 2")
            && metrics.contains("tidings_fetcher_feed_consecutive_failures{feed=\"BBC\"} 0"),
        "{metrics}"
    );

    shutdown.cancel();
    tokio::time::timeout(Duration::from_secs(10), fetcher)
        .await
        .expect("fetcher stops")
        .expect("fetcher task")
        .expect("fetcher exits cleanly");
    site_stop.cancel();
    let _ = std::fs::remove_file(feeds_file);
    env.finish().await;
}

/// A JSON Lines dump larger than four times the article limit is read line
/// by line: every line is published, and an oversized line is skipped and
/// named by its number.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_json_lines_dump_streams_and_names_its_oversized_line() {
    let env = TestEnv::start().await;
    let settings = env.fetcher_settings();
    let paragraph = "The minister met his counterpart in the capital on Monday. ".repeat(50);
    let mut lines = String::new();
    for n in 0..300 {
        lines.push_str(
            &serde_json::json!({
                "url": format!("https://dump.example/{n}"),
                "published_at": "2023-06-18",
                "body": format!("Story {n}. {paragraph}"),
            })
            .to_string(),
        );
        lines.push('\n');
        if n == 149 {
            let huge = "x".repeat(settings.max_body_bytes * 2);
            lines.push_str(&serde_json::json!({ "body": huge }).to_string());
            lines.push('\n');
        }
    }
    assert!(
        lines.len() > settings.max_body_bytes * 4,
        "the dump is large"
    );
    let dump = std::env::temp_dir().join(format!("{}-dump.jsonl", env.namespace));
    std::fs::write(&dump, lines).expect("dump written");
    let report = tidings_fetcher::ingest_paths(&settings, std::slice::from_ref(&dump))
        .await
        .expect("ingest");
    assert_eq!((report.published, report.skipped), (300, 1));
    assert!(
        report.problems[0].contains(&format!("{}:151", dump.display())),
        "{:?}",
        report.problems
    );
    env.wait_for_count(
        "SELECT count(*) FROM articles WHERE url LIKE 'https://dump.example/%'",
        300,
    )
    .await;
    let _ = std::fs::remove_file(dump);
    env.finish().await;
}

/// `POST /articles` off loopback needs the bearer token; and a post can
/// never replace the text of an article a source published under its URL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_need_the_token_and_cannot_overwrite_a_published_article() {
    let env = TestEnv::start().await;
    let feeds_file = std::env::temp_dir().join(format!("{}-nofeeds.txt", env.namespace));
    std::fs::write(&feeds_file, "# no feeds\n").expect("feeds file");
    let settings = |token: Option<&str>| tidings_fetcher::RunSettings {
        base: env.fetcher_settings(),
        http_addr: "0.0.0.0:0".parse().expect("addr"),
        feeds: feeds_file.clone(),
        poll_interval_seconds: 3600,
        per_host_delay_ms: 10,
        fetch_timeout_seconds: 5,
        allow_private_addresses: false,
        allowed_networks: Vec::new(),
        ingest_token: token.map(|t| t.parse().expect("secret")),
        html_max_elements: 200_000,
        html_max_depth: 512,
    };
    // Off loopback without a token, the fetcher refuses to start.
    let listener = TcpListener::bind("0.0.0.0:0").await.expect("bind");
    let refused = tidings_fetcher::run(settings(None), listener, CancellationToken::new()).await;
    assert!(refused.is_err_and(|e| e.to_string().contains("TIDINGS_INGEST_TOKEN")));

    // With one, posts must carry it.
    let listener = TcpListener::bind("0.0.0.0:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let shutdown = CancellationToken::new();
    let fetcher = tokio::spawn(tidings_fetcher::run(
        settings(Some("s3cret-token")),
        listener,
        shutdown.clone(),
    ));
    let url = format!("http://127.0.0.1:{port}/articles");
    for _ in 0..100 {
        if reqwest::get(format!("http://127.0.0.1:{port}/readyz"))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let body = r#"{"url":"https://news.example/story","published_at":"2023-06-18","body":"Forged text: Japan declared war on Canada."}"#;
    let client = reqwest::Client::new();
    let post = |token: Option<&'static str>| {
        let mut request = client
            .post(&url)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    assert_eq!(post(None).await.expect("post").status(), 401);
    assert_eq!(post(Some("wrong")).await.expect("post").status(), 401);

    // A source publishes the story first; then the right token posts a
    // different text under the same URL.
    let dir = std::env::temp_dir().join(format!("{}-published", env.namespace));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("story.json"),
        r#"{"url":"https://news.example/story","published_at":"2023-06-18","body":"Antony Blinken met Qin Gang in Beijing on Sunday."}"#,
    )
    .expect("story");
    tidings_fetcher::ingest_paths(&env.fetcher_settings(), std::slice::from_ref(&dir))
        .await
        .expect("ingest");
    env.wait_for_count(
        "SELECT count(*) FROM articles WHERE url = 'https://news.example/story' AND analyzed_at IS NOT NULL",
        1,
    )
    .await;
    let published: String = env
        .db
        .query_one(
            "SELECT content_hash FROM articles WHERE url = 'https://news.example/story'",
            &[],
        )
        .await
        .expect("published")
        .get(0);
    let accepted = post(Some("s3cret-token")).await.expect("post");
    assert_eq!(accepted.status(), 202);
    env.wait_for_count(
        "SELECT count(*) FROM articles WHERE url = 'https://news.example/story' AND analyzed_at IS NOT NULL",
        2,
    )
    .await;
    // The published article keeps its text; the post is an article of its own.
    let hashes: Vec<String> = env
        .db
        .query(
            "SELECT content_hash FROM articles WHERE url = 'https://news.example/story' ORDER BY source",
            &[],
        )
        .await
        .expect("articles")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(hashes.len(), 2);
    assert!(hashes.contains(&published));
    assert_eq!(
        env.count(
            "SELECT count(*) FROM article_entities ae JOIN articles a ON a.id = ae.article
              WHERE a.url = 'https://news.example/story' AND a.source = 'file'
                AND ae.entity = 'person:antony-blinken'"
        )
        .await,
        1,
        "the published article's analysis stands"
    );

    shutdown.cancel();
    tokio::time::timeout(Duration::from_secs(10), fetcher)
        .await
        .expect("fetcher stops")
        .expect("fetcher task")
        .expect("fetcher exits cleanly");
    let _ = std::fs::remove_file(feeds_file);
    let _ = std::fs::remove_dir_all(dir);
    env.finish().await;
}
