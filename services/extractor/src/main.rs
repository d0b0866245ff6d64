//! `tidings-extractor`: run the extractor service, or analyse files.

use clap::Parser as _;
use tidings_common::service;
use tidings_extractor::cli::{Cli, Command};
use tidings_extractor::{analyze, run};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run(settings) => {
            let (format, addr) = (settings.common.log_format, settings.http_addr);
            service::main("extractor", format, addr, settings, run).await
        }
        Command::Analyze { path } => analyze::analyze_file(&path),
        Command::AnalysisVersion => {
            println!("{}", *tidings_nlp::analysis::EXTRACTOR_VERSION);
            Ok(())
        }
    }
}
