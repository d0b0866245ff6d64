//! The model-building and evaluation commands of `tidings-lab`:
//! `clusters`, `train` and `eval-ner`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;

use crate::conll::{self, Scores};
use crate::{clusters, corpus, train};
use tidings_nlp::tagger::features::Resources;
use tidings_nlp::tagger::{self, Model};

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Arguments of `clusters`.
#[derive(Debug, clap::Args)]
pub struct ClustersArgs {
    /// Reuters-21578 folder (its reut2-*.sgm files are read).
    #[arg(long)]
    pub reuters: PathBuf,
    /// BBC news folder (its */*.txt files are read).
    #[arg(long)]
    pub bbc: PathBuf,
    /// Where to write the cluster table.
    #[arg(long)]
    pub out: PathBuf,
    /// Class counts, coarse to fine.
    #[arg(long, value_delimiter = ',', default_value = "64,256,1024")]
    pub levels: Vec<usize>,
    /// Exchange passes per class count.
    #[arg(long, default_value_t = 15)]
    pub iterations: usize,
    /// Words seen fewer times are not clustered.
    #[arg(long, default_value_t = 3)]
    pub min_count: u64,
}

fn sorted_files(dir: &Path, keep: impl Fn(&Path) -> bool) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if keep(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

pub fn clusters(args: &ClustersArgs) -> anyhow::Result<()> {
    let mut texts = Vec::new();
    let sgm = sorted_files(&args.reuters, |p| p.extension().is_some_and(|e| e == "sgm"))?;
    for path in &sgm {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        texts.extend(corpus::reuters_texts(&corpus::latin1(&bytes)));
    }
    let bbc = sorted_files(&args.bbc, |p| p.extension().is_some_and(|e| e == "txt"))?;
    for path in &bbc {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        texts.push(String::from_utf8(bytes.clone()).unwrap_or_else(|_| corpus::latin1(&bytes)));
    }
    anyhow::ensure!(!texts.is_empty(), "no texts found under the given folders");
    let started = Instant::now();
    let corpus = clusters::Corpus::from_texts(texts.iter().map(String::as_str), args.min_count);
    let tokens: usize = corpus.sentences.iter().map(Vec::len).sum();
    let header = format!(
        "word\tcluster ids at {:?} classes (exchange algorithm, {} passes, words seen >= {} times)\n\
         Computed by `tidings-lab clusters` (make clusters) from Reuters-21578 ({} files) and BBC News ({} files): {} words, {} tokens.\n\
         Derived statistics only; the source texts are research-only and are not included.",
        args.levels,
        args.iterations,
        args.min_count,
        sgm.len(),
        bbc.len(),
        corpus.words.len(),
        tokens
    );
    let table = clusters::cluster_table(&corpus, &args.levels, args.iterations, &header);
    std::fs::write(&args.out, table).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "clusters words={} tokens={} levels={:?} seconds={:.1} out={}",
        corpus.words.len(),
        tokens,
        args.levels,
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

/// Arguments of `train`.
#[derive(Debug, clap::Args)]
pub struct TrainArgs {
    /// CoNLL-2003 training file (eng.train).
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-2003 development file (eng.testa): scored after each epoch of
    /// the final training, for the report; it chooses nothing.
    #[arg(long)]
    pub dev: PathBuf,
    /// Folds of the cross-validation on the training file that chooses the
    /// epoch count.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Word cluster table (from `clusters`).
    #[arg(long)]
    pub clusters: PathBuf,
    /// Name lists (`KIND<TAB>phrase`).
    #[arg(long)]
    pub lists: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    pub out: PathBuf,
    /// Most passes over the training data tried by the cross-validation.
    #[arg(long, default_value_t = 25)]
    pub epochs: usize,
    #[arg(long, default_value_t = 20_030_601)]
    pub seed: u64,
}

pub fn load_resources(clusters: &Path, lists: &Path) -> anyhow::Result<Resources> {
    let mut resources = Resources::default();
    resources
        .parse_clusters(&read(clusters)?)
        .with_context(|| format!("in {}", clusters.display()))?;
    resources
        .parse_lists(&read(lists)?)
        .with_context(|| format!("in {}", lists.display()))?;
    Ok(resources)
}

fn read_conll(path: &Path) -> anyhow::Result<Vec<conll::Document>> {
    conll::parse(&read(path)?).with_context(|| format!("in {}", path.display()))
}

pub fn train(args: &TrainArgs) -> anyhow::Result<()> {
    let resources = load_resources(&args.clusters, &args.lists)?;
    let train_docs = read_conll(&args.train)?;
    let dev_docs = read_conll(&args.dev)?;
    let started = Instant::now();
    let options = train::Options {
        epochs: args.epochs,
        seed: args.seed,
        keep: train::Keep::Last,
    };
    // The epoch count, by cross-validation on the training documents.
    let means = train::cross_validate(&resources, &train_docs, args.folds, options, |fold, e| {
        tracing::info!(fold, epoch = e.epoch, f1 = e.dev_f1, "cross-validation");
    });
    for (i, mean) in means.iter().enumerate() {
        println!("cv epoch {} mean_f1={mean:.4}", i + 1);
    }
    let epochs = train::best_epochs(&means);
    println!(
        "cv folds={} epochs={epochs} f1={:.4} seconds={:.1}",
        args.folds,
        means[epochs - 1],
        started.elapsed().as_secs_f64()
    );
    // The model: all of the training documents, that many epochs; the dev
    // set is scored for the report only.
    let options = train::Options { epochs, ..options };
    let (model, epoch) = train::train(&resources, &train_docs, &dev_docs, options, |e| {
        println!(
            "epoch {} mistakes={} dev_f1={:.4} seconds={:.1}",
            e.epoch,
            e.mistakes,
            e.dev_f1,
            started.elapsed().as_secs_f64()
        );
    });
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "model epoch={epoch} features={} bytes={} xxh3={:016x} out={}",
        model.features(),
        bytes.len(),
        xxhash_rust::xxh3::xxh3_64(&bytes),
        args.out.display()
    );
    Ok(())
}

/// Arguments of `eval-ner`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// A CoNLL-2003 file (IOB1 or IOB2).
    pub file: PathBuf,
    /// Also write the input with the predicted tag (IOB2) as a last column.
    #[arg(long)]
    pub predictions: Option<PathBuf>,
    /// A model file instead of the bundled model.
    #[arg(long)]
    pub model: Option<PathBuf>,
}

pub fn load_model(path: Option<&Path>) -> anyhow::Result<Model> {
    match path {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Model::from_bytes(&bytes).with_context(|| format!("loading {}", path.display()))
        }
        None => Ok(tagger::bundled()?),
    }
}

pub fn eval_ner(args: &EvalArgs) -> anyhow::Result<()> {
    let model = load_model(args.model.as_deref())?;
    let docs = read_conll(&args.file)?;
    let inputs: Vec<Vec<Vec<&str>>> = docs.iter().map(conll::Document::tokens).collect();
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();
    // Speed: the fastest of three passes, so a busy moment of the machine
    // does not decide the figure.
    let mut predicted: Vec<Vec<Vec<tagger::Tag>>> = Vec::new();
    let mut seconds = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        predicted = inputs.iter().map(|doc| model.tag(doc)).collect();
        seconds = seconds.min(started.elapsed().as_secs_f64());
    }
    let mut scores = Scores::default();
    for (doc, tags) in docs.iter().zip(&predicted) {
        for (sentence, tags) in doc.sentences.iter().zip(tags) {
            scores.add(&sentence.gold, tags);
        }
    }
    if let Some(out) = &args.predictions {
        std::fs::write(out, conll::write_predictions(&docs, &predicted))
            .with_context(|| format!("writing {}", out.display()))?;
    }
    print!("{}", scores.report());
    let (p, r, f) = scores.overall();
    let per_second = if seconds > 0.0 {
        (tokens as f64 / seconds).round() as u64
    } else {
        0
    };
    println!("ner f1={f:.4} precision={p:.4} recall={r:.4} tokens_per_second={per_second}");
    Ok(())
}
