//! `tidings-projector`: run the projector, migrate, or rebuild projections.

use anyhow::Context as _;
use clap::Parser as _;
use tidings_common::{service, telemetry};
use tidings_projector::cli::{Cli, Command, DigestArgs, MigrateArgs};
use tidings_projector::{digest_except, migrate, rebuild, run, set_role_passwords};

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
        Command::Reprocess(args) => {
            telemetry::init(args.common.log_format);
            let shutdown = tokio_util::sync::CancellationToken::new();
            tidings_common::shutdown::cancel_on_signal(shutdown.clone());
            let report = tidings_projector::reprocess::reprocess(&args, &shutdown).await?;
            if !args.dry_run {
                println!(
                    "sent {} articles ({:.0}/s); {} selected in all; {}",
                    report.sent,
                    report.rate,
                    report.selected,
                    if report.finished {
                        "finished"
                    } else {
                        "stopped: run it again to continue"
                    }
                );
            }
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
