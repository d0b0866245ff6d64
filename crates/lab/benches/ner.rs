//! `make bench`: NER tagging speed on one core, beside a baseline measured
//! in the same run (tokenising the same text), and the whole analysis of
//! the bundled sample article.
//!
//! Reads CoNLL-2003 testa from `../../../shared/data` (or the file named by
//! `TIDINGS_BENCH_CONLL`), falling back to the committed fixture.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use tidings_lab::conll;
use tidings_nlp::analysis::Analyzer;
use tidings_nlp::{tagger, text};

/// Best of `rounds` timings of `f`, in seconds.
fn best_of(rounds: usize, mut f: impl FnMut()) -> f64 {
    (0..rounds)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() -> anyhow::Result<()> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = std::env::var_os("TIDINGS_BENCH_CONLL")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../../shared/data/conll2003/eng.testa"));
    let path = if path.exists() {
        path
    } else {
        manifest.join("tests/fixtures/mini.conll")
    };
    let docs = conll::parse(&std::fs::read_to_string(&path)?)?;
    let inputs: Vec<Vec<Vec<&str>>> = docs.iter().map(conll::Document::tokens).collect();
    let texts: Vec<String> = inputs
        .iter()
        .map(|doc| {
            doc.iter()
                .map(|s| s.join(" "))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let tokens: usize = inputs.iter().flatten().map(Vec::len).sum();

    let load_started = Instant::now();
    let model = tagger::bundled()?;
    let load_seconds = load_started.elapsed().as_secs_f64();

    let rounds = 5;
    let tokenize = best_of(rounds, || {
        for t in &texts {
            black_box(text::analyze(black_box(t)));
        }
    });
    let tag = best_of(rounds, || {
        for doc in &inputs {
            black_box(model.tag(black_box(doc)));
        }
    });
    let tokenize_rate = tokens as f64 / tokenize;
    let tag_rate = tokens as f64 / tag;
    println!(
        "input {} ({} documents, {tokens} tokens)",
        path.display(),
        docs.len()
    );
    println!(
        "model bytes={} features={} load_ms={:.1}",
        tagger::BUNDLED.len(),
        model.features(),
        load_seconds * 1e3
    );
    println!("baseline tokenize tokens_per_second={tokenize_rate:.0}");
    println!("ner tag tokens_per_second={tag_rate:.0}");
    println!(
        "ratio ner/tokenize={:.3} (tagging a token takes {:.1}x the time of tokenising it)",
        tag_rate / tokenize_rate,
        tokenize_rate / tag_rate
    );

    // Whole articles: the news corpus (Reuters-21578 reut2-010, BBC
    // politics) when ../shared is there, else the bundled sample.
    let analyzer = Analyzer::bundled(usize::MAX)?;
    let articles = bench_articles(&manifest)?;
    let article_tokens: usize = articles.iter().map(|a| text::tokenize(&a.body).len()).sum();
    let plain = best_of(rounds, || {
        for article in &articles {
            black_box(text::analyze(black_box(&article.body)));
        }
    });
    let analyze = best_of(rounds, || {
        for article in &articles {
            black_box(analyzer.analyze(black_box(article), 0).ok());
        }
    });
    println!(
        "articles {} ({article_tokens} tokens): baseline tokenize articles_per_second={:.0}",
        articles.len(),
        articles.len() as f64 / plain
    );
    println!(
        "analyze articles_per_second={:.0} tokens_per_second={:.0} ratio analyze/tokenize={:.4}",
        articles.len() as f64 / analyze,
        article_tokens as f64 / analyze,
        plain / analyze
    );
    // The event stage alone, over prepared articles.
    let prepared: Vec<_> = articles
        .iter()
        .filter_map(|a| analyzer.prepare(a).ok())
        .collect();
    let sentences: usize = prepared.iter().map(|p| p.sentences()).sum();
    let code = best_of(rounds, || {
        for p in &prepared {
            black_box(analyzer.code_events(black_box(p)));
        }
    });
    let split = best_of(rounds, || {
        for article in &articles {
            black_box(text::analyze(black_box(&article.body)).sentences.len());
        }
    });
    println!(
        "events sentences_per_second={:.0} beside baseline tokenize sentences_per_second={:.0}",
        sentences as f64 / code,
        sentences as f64 / split
    );
    if let Some(peak) = peak_rss_kib() {
        println!("memory peak_rss_mib={:.1}", peak as f64 / 1024.0);
    }
    Ok(())
}

/// Articles to analyse: up to 500 real stories when ../shared is there,
/// else the bundled sample.
fn bench_articles(manifest: &std::path::Path) -> anyhow::Result<Vec<tidings_proto::RawArticle>> {
    let data = manifest.join("../../../shared/data");
    let mut bodies = Vec::new();
    let reuters = data.join("reuters21578/reut2-010.sgm");
    if reuters.exists() {
        let sgml = tidings_lab::corpus::latin1(&std::fs::read(&reuters)?);
        bodies.extend(
            tidings_lab::corpus::reuters_stories(&sgml)
                .into_iter()
                .map(|s| s.body)
                .filter(|b| !b.trim().is_empty())
                .take(400),
        );
        let mut bbc: Vec<PathBuf> = std::fs::read_dir(data.join("bbc/politics"))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        bbc.sort();
        for path in bbc.iter().take(100) {
            bodies.push(tidings_lab::corpus::read_lenient(path)?);
        }
    } else {
        bodies.push(std::fs::read_to_string(
            manifest.join("../../samples/2023-06-18-blinken-beijing.txt"),
        )?);
    }
    Ok(bodies
        .into_iter()
        .map(|body| tidings_proto::RawArticle {
            article_id: "bench".into(),
            published_at_ms: Some(1_687_089_600_000),
            body,
            ..Default::default()
        })
        .collect())
}

/// Peak resident memory of this process (Linux), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
