//! Real Reuters-21578 and BBC articles of the events gold file through all
//! three services: the `world_events` rows are the events the coder finds
//! offline, and they match the hand-coded events as `eval-events` scores
//! them. Skipped, with a message, where `../shared/data` is absent (the
//! texts are research-only and never committed).

use tidings_lab::events_eval::{self, GoldArticle};
use tidings_nlp::analysis::Analyzer;
use tidings_proto::v1::{Actor, Event};

use crate::helpers::{TestEnv, repo, shared_data as data};

/// A `world_events` row as a wire event, for scoring.
fn event_of(row: &tokio_postgres::Row) -> Event {
    let text = |i: usize| row.get::<_, Option<String>>(i).unwrap_or_default();
    Event {
        root_code: text(0),
        date: text(1),
        source: Some(Actor {
            key: text(2),
            country: text(3),
            ..Actor::default()
        }),
        target: Some(Actor {
            key: text(4),
            country: text(5),
            ..Actor::default()
        }),
        ..Event::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gold_articles_through_the_pipeline_match_the_gold_file() {
    if !data().join("reuters21578").exists() {
        eprintln!(
            "skipped: {} is absent (research-only data)",
            data().display()
        );
        return;
    }
    let gold_text = std::fs::read_to_string(repo().join("crates/lab/gold/events.gold.jsonl"))
        .expect("gold file");
    let gold: Vec<GoldArticle> = events_eval::read_gold(&gold_text)
        .expect("gold parses")
        .into_iter()
        .filter(|a| a.doc.as_deref().is_some_and(|d| !d.starts_with("samples/")))
        .take(12)
        .collect();
    assert!(
        gold.len() >= 10,
        "the gold file has Reuters and BBC articles"
    );

    // The articles as a JSON Lines dump, each with a URL of its own.
    let env = TestEnv::start().await;
    let mut articles = Vec::new();
    let mut urls = Vec::new();
    for (n, article) in gold.iter().enumerate() {
        let doc = article.doc.as_deref().unwrap_or_default();
        let body = tidings_lab::corpus::document_text(doc, &data(), &repo()).expect("article text");
        let url = format!("https://gold.example/{n}");
        articles.push(serde_json::json!({
            "url": url, "title": doc, "published_at": article.date.to_string(), "body": body,
        }));
        urls.push(url);
    }
    env.ingest_and_wait(&articles).await;

    let analyzer = Analyzer::bundled(usize::MAX).expect("analyzer");
    let (mut expected, mut coded, mut matched) = (0, 0, 0);
    for (article, url) in gold.iter().zip(&urls) {
        let rows = env
            .db
            .query(
                "SELECT w.root_code, w.event_date::text, w.source_key, w.source_country,
                        w.target_key, w.target_country
                   FROM world_events w JOIN articles a ON a.id = w.article
                  WHERE a.url = $1",
                &[url],
            )
            .await
            .expect("world_events");
        let projected: Vec<Event> = rows.iter().map(event_of).collect();
        // The pipeline projects what the coder finds offline.
        let raw = events_eval::article_of(article, &data(), &repo()).expect("article");
        let offline = analyzer.analyze(&raw, 0).expect("analysis").events;
        let key = |e: &Event| {
            let actor = |a: Option<&Actor>| a.map(|a| a.key.clone()).unwrap_or_default();
            format!(
                "{} {} {} {}",
                e.root_code,
                e.date,
                actor(e.source.as_ref()),
                actor(e.target.as_ref())
            )
        };
        let mut a: Vec<String> = projected.iter().map(key).collect();
        let mut b: Vec<String> = offline.iter().map(key).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{:?}", article.doc);
        let assigned = events_eval::assign(&article.events, &projected, article.date);
        expected += article.events.len();
        coded += projected.len();
        matched += assigned.iter().flatten().count();
    }
    eprintln!(
        "gold articles through the pipeline: expected={expected} coded={coded} matched={matched}"
    );
    // The figures themselves are `eval-events`'s to report; here the rows
    // must be the coder's, and score as it does.
    assert!(matched > 0, "world_events rows match the gold file");
    env.finish().await;
}
