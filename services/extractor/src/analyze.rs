//! `tidings-extractor analyze FILE`: the analysis of local files, printed
//! as JSON, without a broker. Files are read as the fetcher reads them
//! (`date YYYY-MM-DD` text, `.html`, `.json`, `.jsonl`), so what an
//! operator sees here is what the pipeline makes of the same file.

use std::path::Path;

use anyhow::Context as _;
use tidings_nlp::analysis::Analyzer;
use tidings_proto::ArticleAnalyzed;

/// Analyses every article in `path` and prints one JSON summary each.
pub fn analyze_file(path: &Path) -> anyhow::Result<()> {
    let analyzer = Analyzer::bundled(usize::MAX)?;
    let drafts = tidings_articles::read_file(path, usize::MAX)
        .with_context(|| format!("reading {}", path.display()))?;
    for draft in drafts {
        let article = draft
            .and_then(|draft| {
                tidings_articles::build(draft, &path.display().to_string(), usize::MAX)
            })
            .with_context(|| format!("reading {}", path.display()))?;
        let analysis = analyzer.analyze(&article, 0)?;
        println!("{}", serde_json::to_string_pretty(&summary(&analysis))?);
    }
    Ok(())
}

/// What an operator wants to see of an analysis: entities with their
/// country, sector and mention count; events with code, actors, date and
/// place; tone; the number of quotations.
pub fn summary(analysis: &ArticleAnalyzed) -> serde_json::Value {
    serde_json::json!({
        "entities": analysis.entities.iter().map(|e| serde_json::json!({
            "key": e.key, "name": e.name, "kind": e.kind().as_str_name(),
            "country": e.country, "sector": e.sector, "mentions": e.mentions.len(),
        })).collect::<Vec<_>>(),
        "events": analysis.events.iter().map(|e| serde_json::json!({
            "code": e.cameo_code, "trigger": e.trigger, "date": e.date,
            "source": e.source.as_ref().map(|a| &a.key),
            "target": e.target.as_ref().map(|a| &a.key),
            "location": e.location.as_ref().map(|l| &l.key),
        })).collect::<Vec<_>>(),
        "tone": analysis.tone.as_ref().map(|t| t.tone),
        "quotations": analysis.quotations.len(),
    })
}
