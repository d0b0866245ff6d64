//! The `tidings-projector` command line, here so that tests can check what
//! the deployment files run (commands, flags, environment variables)
//! against what the binary really accepts.

use clap::{Parser, Subcommand};
use tidings_common::CommonArgs;

use crate::{RolePasswords, Settings};

#[derive(Parser)]
#[command(
    name = "tidings-projector",
    version,
    about = "Keeps the event store and the read model in PostgreSQL."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// Send stored raw articles to the extractor again (its backfill
    /// queue), to re-analyse history with a new model or rules; resumable.
    Reprocess(crate::reprocess::ReprocessArgs),
}

#[derive(clap::Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub passwords: RolePasswords,
}

#[derive(clap::Args)]
pub struct DigestArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Leave out the wall-clock columns (fetched_at, analyzed_at), to
    /// compare two runs over the same articles.
    #[arg(long)]
    pub ignore_wall_clock: bool,
}
