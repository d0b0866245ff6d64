//! The `tidings-extractor` command line, here so that tests can check what
//! the deployment files run (commands, flags, environment variables)
//! against what the binary really accepts.

use crate::Settings;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "tidings-extractor",
    version,
    about = "Turns raw articles into entity and event records."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Consume raw articles and publish analyses.
    Run(Settings),
    /// Analyse a file as the fetcher reads it (`date YYYY-MM-DD` text,
    /// .html, .json, .jsonl) and print the analysis as JSON.
    Analyze { path: std::path::PathBuf },
    /// Print the version this build stamps on its analyses (what
    /// `tidings-projector reprocess --older-than-version` compares).
    AnalysisVersion,
}
