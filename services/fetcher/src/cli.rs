//! The `tidings-fetcher` command line, here so that tests can check what
//! the deployment files run (commands, flags, environment variables)
//! against what the binary really accepts.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

use crate::{RunSettings, Settings};

#[derive(Parser)]
#[command(
    name = "tidings-fetcher",
    version,
    about = "Reads news and publishes raw articles."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
