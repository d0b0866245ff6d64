//! `tidings-fetcher`: publish local files, or poll feeds as a service.

use clap::Parser as _;
use tidings_common::{service, telemetry};
use tidings_fetcher::cli::{Cli, Command};
use tidings_fetcher::{ingest_paths, run};

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
