//! `tidings-fetcher ingest PATH...`: publish local files and directories.

use std::path::PathBuf;

use std::io::BufRead as _;

use tidings_common::amqp::Publisher;
use tidings_common::progress::Progress;

use crate::metrics::Metrics;
use tidings_articles as article;

/// What an ingest run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub published: usize,
    pub skipped: usize,
    /// What was skipped and why, one line each ("dump.jsonl:7: 300000
    /// bytes is more than the 200000 accepted").
    pub problems: Vec<String>,
}

/// Files under `paths` (directories recursively, sorted; hidden files and
/// licence/readme files left out).
pub fn collect(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            files.extend(collect(&entries)?);
        } else {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let upper = name.to_uppercase();
            if !name.starts_with('.')
                && !upper.starts_with("LICENSE")
                && !upper.starts_with("README")
            {
                files.push(path.clone());
            }
        }
    }
    Ok(files)
}

/// Publishes every article in `files`, up to `window` unconfirmed at once;
/// a bad file or line is reported and skipped. Returns once every message
/// is confirmed. Files are read one article at a time (a JSON Lines dump of
/// any size in bounded memory).
pub async fn ingest(
    files: &[PathBuf],
    publisher: &Publisher,
    metrics: &Metrics,
    max_body_bytes: usize,
    window: usize,
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let mut sender = publisher.window(window);
    let mut progress = Progress::new("articles", Some(estimate(files)));
    for file in files {
        let drafts = match article::drafts(file, max_body_bytes) {
            Ok(drafts) => drafts,
            Err(error) => {
                skip(&mut report, metrics, &error);
                continue;
            }
        };
        for named in drafts {
            match named.and_then(|(what, d)| article::build(d, &what, max_body_bytes)) {
                Ok(article) => {
                    sender.send(&article).await?;
                    metrics
                        .articles_published
                        .with_label_values(&["file"])
                        .inc();
                    tracing::debug!(message = "Published.", file = %file.display(), article_id = %article.article_id);
                    report.published += 1;
                }
                Err(error) => skip(&mut report, metrics, &error),
            }
            progress.inc(1);
        }
    }
    sender.flush().await?;
    progress.finish();
    Ok(report)
}

/// How many articles `files` hold, for the progress bar: a line per
/// article in a JSON Lines dump (read, not parsed), one per other file.
fn estimate(files: &[PathBuf]) -> u64 {
    files
        .iter()
        .map(|file| {
            if file.extension().is_some_and(|e| e == "jsonl") {
                std::fs::File::open(file)
                    .map(|f| {
                        std::io::BufReader::new(f)
                            .split(b'\n')
                            .filter(|line| line.as_ref().is_ok_and(|l| !l.trim_ascii().is_empty()))
                            .count() as u64
                    })
                    .unwrap_or(1)
            } else {
                1
            }
        })
        .sum()
}

fn skip(report: &mut Report, metrics: &Metrics, error: &article::ArticleError) {
    let reason = match error {
        article::ArticleError::Empty(_) => "empty",
        article::ArticleError::Oversized { .. } => "oversized",
        article::ArticleError::NotUtf8(_) => "invalid_text",
        article::ArticleError::Invalid { .. } => "invalid",
        article::ArticleError::Io { .. } => "unreadable",
    };
    metrics.articles_skipped.with_label_values(&[reason]).inc();
    tracing::warn!(message = "Skipped.", reason, %error);
    eprintln!("skipped: {error}");
    report.skipped += 1;
    report.problems.push(error.to_string());
}
