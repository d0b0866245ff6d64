//! `tidings-projector`: run the projector, migrate, or rebuild projections.

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use tidings_common::{CommonArgs, service, telemetry};
use tidings_projector::{
    RolePasswords, Settings, digest_except, migrate, rebuild, run, set_role_passwords,
};

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
    /// Create the database if needed, apply the migrations and set the
    /// services' role passwords given.
    Migrate(MigrateArgs),
    /// Replay the event store into new projections and swap them in,
    /// while readers and projectors go on (run as the database's owner).
    Rebuild(CommonArgs),
    /// Print each projection table's row count and a hash of its rows.
    Digest(DigestArgs),
}

#[derive(clap::Args)]
struct MigrateArgs {
    #[command(flatten)]
    common: CommonArgs,
    #[command(flatten)]
    passwords: RolePasswords,
}

#[derive(clap::Args)]
struct DigestArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// Leave out the wall-clock columns (fetched_at, analyzed_at), to
    /// compare two runs over the same articles.
    #[arg(long)]
    ignore_wall_clock: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Run(settings) => {
            let (format, addr) = (settings.common.log_format, settings.http_addr);
            service::main("projector", format, addr, settings, run).await
        }
        Command::Migrate(MigrateArgs { common, passwords }) => {
            telemetry::init(common.log_format);
            let applied = migrate(&common.database_url).await?;
            println!("migrations applied: {applied}");
            let set = set_role_passwords(&common.database_url, &passwords).await?;
            if !set.is_empty() {
                println!("passwords set for: {}", set.join(", "));
            }
            Ok(())
        }
        Command::Rebuild(common) => {
            telemetry::init(common.log_format);
            let report = rebuild(&common.database_url).await?;
            println!(
                "events replayed: {} in {} rounds; projectors paused {} ms, tables locked {} ms",
                report.replayed,
                report.rounds,
                report.paused.as_millis(),
                report.swap.as_millis()
            );
            Ok(())
        }
        Command::Digest(DigestArgs {
            common,
            ignore_wall_clock,
        }) => {
            telemetry::init(common.log_format);
            let client = tidings_common::db::connect(&common.database_url)
                .await
                .context("connecting to the database")?;
            let ignored: &[&str] = if ignore_wall_clock {
                &tidings_projector::WALL_CLOCK
            } else {
                &[]
            };
            for table in digest_except(&client, ignored).await? {
                println!("{table}");
            }
            Ok(())
        }
    }
}
