//! The corpus a run ingests, as one JSON Lines dump: `CORPUS` if given,
//! else all of Reuters-21578 from `../shared/data`, else generated text.

use std::path::{Path, PathBuf};

/// The corpus as one JSON Lines dump; returns its path, its article count
/// and the mean body size.
pub fn corpus(dir: &Path) -> anyhow::Result<(PathBuf, usize, usize)> {
    let out = dir.join("corpus.jsonl");
    if let Ok(given) = std::env::var("CORPUS") {
        let given = PathBuf::from(given);
        if given.extension().is_some_and(|e| e == "jsonl") {
            let text = std::fs::read_to_string(&given)?;
            let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
            return Ok((given, lines, text.len() / lines.max(1)));
        }
        let mut bodies = Vec::new();
        let mut files: Vec<PathBuf> = walk(&given)?;
        files.sort();
        for file in files {
            bodies.push(tidings_lab::corpus::read_lenient(&file)?);
        }
        return write_dump(&out, bodies.into_iter().map(|b| (b, None)));
    }
    let reuters = PathBuf::from("../shared/data/reuters21578");
    if reuters.exists() {
        let mut stories = Vec::new();
        for n in 0..=21 {
            let path = reuters.join(format!("reut2-{n:03}.sgm"));
            let sgml = tidings_lab::corpus::latin1(&std::fs::read(&path)?);
            stories.extend(
                tidings_lab::corpus::reuters_stories(&sgml)
                    .into_iter()
                    .filter(|s| !s.body.trim().is_empty())
                    .map(|s| (s.body, s.date)),
            );
        }
        return write_dump(&out, stories.into_iter());
    }
    // No corpus here: generated news-like text, so the bench still runs.
    let generated = (0..5000).map(|n| {
        let body = format!(
            "WASHINGTON - U.S. Secretary of State official {n} met Chinese Foreign Minister Qin Gang in Beijing on Sunday. \
             Japan criticised Russia and the European Union urged talks. Officials said trade would grow by {n} pct.",
        );
        (body, None)
    });
    write_dump(&out, generated)
}

pub fn walk(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path)? {
        out.extend(walk(&entry?.path())?);
    }
    Ok(out)
}

pub fn write_dump(
    out: &Path,
    articles: impl Iterator<Item = (String, Option<chrono::NaiveDate>)>,
) -> anyhow::Result<(PathBuf, usize, usize)> {
    use std::io::Write as _;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let (mut count, mut bytes) = (0, 0);
    for (n, (body, date)) in articles.enumerate() {
        let line = serde_json::json!({
            "url": format!("https://bench.example/{n}"),
            "published_at": date.map(|d| d.to_string()),
            "body": body,
        });
        writeln!(file, "{line}")?;
        count += 1;
        bytes += body.len();
    }
    file.flush()?;
    Ok((out.to_path_buf(), count, bytes / count.max(1)))
}
