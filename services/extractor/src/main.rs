//! `tidings-extractor`: run the extractor service, or analyse files.

use clap::{Parser, Subcommand};
use tidings_common::service;
use tidings_extractor::{Settings, analyze, run};

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
    /// Analyse a file as the fetcher reads it (`date YYYY-MM-DD` text,
    /// .html, .json, .jsonl) and print the analysis as JSON.
    Analyze { path: std::path::PathBuf },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run(settings) => {
            let (format, addr) = (settings.common.log_format, settings.http_addr);
            service::main("extractor", format, addr, settings, run).await
        }
        Command::Analyze { path } => analyze::analyze_file(&path),
    }
}
