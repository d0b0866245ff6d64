//! `tidings-extractor`: run the extractor service, or analyse one file.

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use tidings_common::{shutdown, telemetry};
use tidings_extractor::{Settings, run};
use tidings_nlp::analysis::Analyzer;

#[derive(Parser)]
#[command(
    name = "tidings-extractor",
    version,
    about = "Turns raw articles into entity and event records."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Consume raw articles and publish analyses.
    Run(Settings),
    /// Analyse a text file (first line may be `date YYYY-MM-DD`) and print
    /// the analysis as JSON.
    Analyze { path: std::path::PathBuf },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run(settings) => {
            telemetry::init(settings.common.log_format);
            tracing::info!(message = "Starting the extractor.", settings = ?settings);
            shutdown::bind_and_run(settings.http_addr, |listener, token| {
                run(settings, listener, token)
            })
            .await
        }
        Command::Analyze { path } => {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let (published, body) = match text.split_once('\n') {
                Some((first, rest)) if first.trim().starts_with("date ") => {
                    let date =
                        chrono::NaiveDate::parse_from_str(first.trim()[5..].trim(), "%Y-%m-%d")
                            .context("parsing the date line")?;
                    let ms = date
                        .and_hms_opt(12, 0, 0)
                        .map(|d| d.and_utc().timestamp_millis());
                    (ms, rest.to_owned())
                }
                _ => (None, text),
            };
            let article = tidings_proto::RawArticle {
                event_id: "local".into(),
                article_id: "local".into(),
                published_at_ms: published,
                body,
                ..Default::default()
            };
            let analyzer = Analyzer::bundled(usize::MAX)?;
            let analysis = analyzer.analyze(&article, 0)?;
            println!("{}", serde_json::to_string_pretty(&summary(&analysis))?);
            Ok(())
        }
    }
}

fn summary(analysis: &tidings_proto::ArticleAnalyzed) -> serde_json::Value {
    serde_json::json!({
        "entities": analysis.entities.iter().map(|e| serde_json::json!({
            "key": e.key, "name": e.name, "kind": e.kind().as_str_name(),
            "country": e.country, "sector": e.sector, "mentions": e.mentions.len(),
        })).collect::<Vec<_>>(),
        "events": analysis.events.iter().map(|e| serde_json::json!({
            "code": e.cameo_code, "trigger": e.trigger, "date": e.date,
            "source": e.source.as_ref().map(|a| &a.key),
            "target": e.target.as_ref().map(|a| &a.key),
            "location": e.location.as_ref().map(|l| &l.key),
        })).collect::<Vec<_>>(),
        "tone": analysis.tone.as_ref().map(|t| t.tone),
        "quotations": analysis.quotations.len(),
    })
}
