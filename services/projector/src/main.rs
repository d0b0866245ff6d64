//! `tidings-projector`: run the projector, migrate, or rebuild projections.

use clap::{Parser, Subcommand};
use tidings_common::{CommonArgs, service, telemetry};
use tidings_projector::{Settings, migrate, rebuild, run};

#[derive(Parser)]
#[command(
    name = "tidings-projector",
    version,
    about = "Keeps the event store and the read model in PostgreSQL."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Consume articles and analyses into the event store and projections.
    Run(Settings),
    /// Create the database if needed and apply the migrations.
    Migrate(CommonArgs),
    /// Drop the projections and replay the event store into them.
    Rebuild(CommonArgs),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run(settings) => {
            let (format, addr) = (settings.common.log_format, settings.http_addr);
            service::main("projector", format, addr, settings, run).await
        }
        Command::Migrate(common) => {
            telemetry::init(common.log_format);
            let applied = migrate(&common.database_url).await?;
            println!("migrations applied: {applied}");
            Ok(())
        }
        Command::Rebuild(common) => {
            telemetry::init(common.log_format);
            let replayed = rebuild(&common.database_url).await?;
            println!("events replayed: {replayed}");
            Ok(())
        }
    }
}
