//! `tidings-lab`: build and measure the models the extractor ships.

use clap::{Parser, Subcommand};
use tidings_lab::{actors_eval, commands, events_eval, explain};

#[derive(Parser)]
#[command(
    name = "tidings-lab",
    version,
    about = "Builds and measures the extraction models (clusters, NER)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Learn word clusters from unlabelled news (Reuters-21578, BBC).
    Clusters(commands::ClustersArgs),
    /// Train the NER model on CoNLL-2003 (picks the epoch on the dev set).
    Train(commands::TrainArgs),
    /// Tag a CoNLL-2003 file and print per-type and overall scores.
    EvalNer(commands::EvalArgs),
    /// Code the articles of a gold file and print precision and recall of
    /// their events.
    EvalEvents(events_eval::EvalEventsArgs),
    /// Analyse the stories of an actor gold file and print how their
    /// actors come out (key, kind, country, sector, code).
    EvalActors(actors_eval::EvalActorsArgs),
    /// Print an article's sentences, resolved mentions and coded events.
    Explain(explain::ExplainArgs),
}

fn main() -> anyhow::Result<()> {
    // Progress of the long commands goes to stderr; results stay on stdout.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Clusters(args) => commands::clusters(&args),
        Command::Train(args) => commands::train(&args),
        Command::EvalNer(args) => commands::eval_ner(&args),
        Command::EvalEvents(args) => events_eval::eval_events(&args),
        Command::EvalActors(args) => actors_eval::eval_actors(&args),
        Command::Explain(args) => explain::explain(&args).or_else(|error| {
            // The reader went away ("| head"): nothing is left to say.
            let closed = error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
            if closed { Ok(()) } else { Err(error) }
        }),
    }
}
