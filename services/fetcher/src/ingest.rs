//! `tidings-fetcher ingest PATH...`: publish local files and directories.

use std::path::PathBuf;

use tidings_common::amqp::Publisher;

use crate::metrics::Metrics;
use tidings_articles as article;

/// What an ingest run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub published: usize,
    pub skipped: usize,
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

/// Publishes every article in `files`; a bad file is reported and skipped.
pub async fn ingest(
    files: &[PathBuf],
    publisher: &Publisher,
    metrics: &Metrics,
    max_body_bytes: usize,
) -> anyhow::Result<Report> {
    let mut report = Report::default();
    for file in files {
        let drafts = match article::read_file(file, max_body_bytes) {
            Ok(drafts) => drafts,
            Err(error) => {
                skip(&mut report, metrics, &error);
                continue;
            }
        };
        for draft in drafts {
            let built =
                draft.and_then(|d| article::build(d, &file.display().to_string(), max_body_bytes));
            match built {
                Ok(article) => {
                    publisher.publish(&article).await?;
                    metrics
                        .articles_published
                        .with_label_values(&["file"])
                        .inc();
                    tracing::info!(message = "Published.", file = %file.display(), article_id = %article.article_id);
                    report.published += 1;
                }
                Err(error) => skip(&mut report, metrics, &error),
            }
        }
    }
    Ok(report)
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
}
