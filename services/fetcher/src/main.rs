//! `tidings-fetcher`: publish local files, or poll feeds as a service.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use tidings_common::{service, telemetry};
use tidings_fetcher::{RunSettings, Settings, ingest_paths, run};

#[derive(Parser)]
#[command(
    name = "tidings-fetcher",
    version,
    about = "Reads news and publishes raw articles."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Publish files and directories (`date YYYY-MM-DD` text, .html, .json,
    /// .jsonl) and exit once every message is confirmed.
    Ingest {
        #[command(flatten)]
        settings: Settings,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Poll the configured feeds and accept `POST /articles`.
    Run(RunSettings),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Ingest { settings, paths } => {
            telemetry::init(settings.common.log_format);
            let report = ingest_paths(&settings, &paths).await?;
            println!("published {} skipped {}", report.published, report.skipped);
            Ok(())
        }
        Command::Run(settings) => {
            let (format, addr) = (settings.base.common.log_format, settings.http_addr);
            service::main("fetcher", format, addr, settings, run).await
        }
    }
}
