//! `tidings-lab explain FILE|DOC`: an article as the stages see it — its
//! sentences, the mentions with the entity, country and role each resolved
//! to, and the events coded — for finding why a rule fires or does not.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use tidings_nlp::analysis::Analyzer;
use tidings_nlp::text;
use tidings_proto::RawArticle;

use crate::corpus;

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A file (`date YYYY-MM-DD` first line allowed), or a gold-file
    /// reference such as `reuters21578/reut2-001.sgm#NEWID=1951`.
    pub document: String,
    /// The article's date, when the document does not give one.
    #[arg(long)]
    pub date: Option<chrono::NaiveDate>,
    /// Where references point (`../shared/data`).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
}

pub fn explain(args: &ExplainArgs) -> anyhow::Result<()> {
    let repo = std::env::current_dir()?;
    let path = PathBuf::from(&args.document);
    let (text, date) = if path.exists() {
        let (text, date) = corpus::split_date_line(corpus::read_lenient(&path)?);
        let date = date
            .map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").context("the date line"))
            .transpose()?;
        (text, date)
    } else {
        // A Reuters story is dated by its `<DATE>`.
        corpus::document(&args.document, &args.data, &repo)?
    };
    let date = args.date.or(date);
    let article = RawArticle {
        article_id: "explain".into(),
        published_at_ms: date
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|d| d.and_utc().timestamp_millis()),
        body: text,
        ..RawArticle::default()
    };
    let analyzer = Analyzer::bundled(usize::MAX)?;
    let prepared = analyzer.prepare(&article)?;
    let (doc, resolution) = (&prepared.doc, &prepared.resolution);
    // Written, not printed: a reader that stops early ("| head") ends the
    // command quietly instead of a panic.
    let mut out = std::io::stdout().lock();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        writeln!(
            out,
            "S{s}: {}",
            text::surface(&doc.tokens[sentence.tokens.clone()])
        )?;
        for m in resolution.mentions_in(&sentence.tokens) {
            let mention = &resolution.mentions[m];
            let entity = &resolution.entities[mention.entity];
            writeln!(
                out,
                "    {:<28} {:<40} {:<4} {:<4} {}",
                mention.text,
                entity.key,
                entity.country.as_deref().unwrap_or("-"),
                entity.sector.as_deref().unwrap_or("-"),
                mention.role.unwrap_or("")
            )?;
        }
    }
    let analysis = analyzer.analyze(&article, 0)?;
    for event in &analysis.events {
        let actor = |a: Option<&tidings_proto::v1::Actor>| {
            a.map(|a| format!("{} [{}]", a.key, a.actor_code))
                .unwrap_or_default()
        };
        writeln!(
            out,
            "EVENT {} {} -> {} {} p{} @{} \"{}\" conf={} x{}{}",
            event.cameo_code,
            actor(event.source.as_ref()),
            actor(event.target.as_ref()),
            event.date,
            event.date_precision,
            event.location.as_ref().map_or("", |l| l.name.as_str()),
            event.trigger,
            event.confidence,
            event.supporting_sentences,
            if event.is_intention { " intention" } else { "" }
        )?;
        // The sentence's char span, as the record carries it.
        let sentence: String = article
            .body
            .chars()
            .skip(event.sentence_start as usize)
            .take(event.sentence_end.saturating_sub(event.sentence_start) as usize)
            .collect();
        writeln!(
            out,
            "    in: {}",
            sentence.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
    }
    Ok(())
}
