//! Reading the research corpora in `../shared/data`: Reuters-21578 SGML
//! (whole files for clusters, single stories by NEWID for evaluations) and
//! BBC News text files. Nothing read here is ever written into the
//! repository.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::NaiveDate;

/// One Reuters-21578 story.
#[derive(Debug, Clone, PartialEq)]
pub struct ReutersStory {
    pub newid: u32,
    pub date: Option<NaiveDate>,
    pub title: String,
    /// "PARIS, March 11 -": where and when the wire filed it.
    pub dateline: String,
    pub body: String,
}

/// Text of the `<TITLE>` and `<BODY>` elements of Reuters-21578 SGML.
pub fn reuters_texts(sgml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in ["TITLE", "BODY"] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let mut rest = sgml;
        while let Some(start) = rest.find(&open) {
            let after = &rest[start + open.len()..];
            let end = after.find(&close).unwrap_or(after.len());
            out.push(unescape(&after[..end]));
            rest = &after[end..];
        }
    }
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let end = tail.find(';').filter(|&e| e <= 8);
        match end.map(|e| &tail[1..e]) {
            Some("lt") => out.push('<'),
            Some("gt") => out.push('>'),
            Some("amp") => out.push('&'),
            Some("quot") => out.push('"'),
            Some(code) if code.starts_with('#') => out.push(' '),
            _ => {
                out.push('&');
                rest = &tail[1..];
                continue;
            }
        }
        rest = &tail[end.map_or(1, |e| e + 1)..];
    }
    out.push_str(rest);
    out
}

/// The text of the first `<tag>` element in `record`, unescaped.
fn element(record: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = record.find(&open)? + open.len();
    let end = record[start..]
        .find(&close)
        .map_or(record.len(), |e| start + e);
    Some(unescape(&record[start..end]))
}

/// The stories of a Reuters-21578 SGML file.
pub fn reuters_stories(sgml: &str) -> Vec<ReutersStory> {
    let mut stories = Vec::new();
    for record in sgml.split("<REUTERS").skip(1) {
        let Some(newid) = record
            .find("NEWID=\"")
            .and_then(|at| record[at + 7..].split('"').next())
            .and_then(|id| id.parse().ok())
        else {
            continue;
        };
        let date = element(record, "DATE").and_then(|d| {
            let day = d.split_whitespace().next()?.to_owned();
            NaiveDate::parse_from_str(&day, "%d-%b-%Y").ok()
        });
        stories.push(ReutersStory {
            newid,
            date,
            title: element(record, "TITLE").unwrap_or_default(),
            dateline: element(record, "DATELINE").unwrap_or_default(),
            body: element(record, "BODY").unwrap_or_default(),
        });
    }
    stories
}

/// Latin-1 bytes as text (Reuters-21578 is ASCII with a few Latin-1 bytes).
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A file as text: UTF-8, or Latin-1 when it is not (one BBC file is).
pub fn read_lenient(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(String::from_utf8(bytes.clone()).unwrap_or_else(|_| latin1(&bytes)))
}

/// A document named in a gold file: `reuters21578/reut2-002.sgm#NEWID=2345`,
/// `bbc/politics/123.txt` (both under `data`), or `samples/…` (under the
/// repository root). Returns the text the pipeline would analyse: a Reuters
/// story's body, a file's whole text (after a `date` line, if any).
pub fn document_text(doc: &str, data: &Path, repo: &Path) -> anyhow::Result<String> {
    document(doc, data, repo).map(|(text, _)| text)
}

/// A document named in a gold file, as [`document_text`], with the date it
/// carries: a Reuters story's `<DATE>`, a file's `date` line.
pub fn document(
    doc: &str,
    data: &Path,
    repo: &Path,
) -> anyhow::Result<(String, Option<NaiveDate>)> {
    if let Some((file, id)) = doc.split_once("#NEWID=") {
        let newid: u32 = id.parse().with_context(|| format!("bad NEWID in {doc}"))?;
        let path = data.join(file);
        let sgml =
            latin1(&std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?);
        let story = reuters_stories(&sgml)
            .into_iter()
            .find(|s| s.newid == newid)
            .with_context(|| format!("no story NEWID={newid} in {}", path.display()))?;
        // The story as the wire sent it: its dateline, then its body.
        let dateline = story.dateline.trim();
        let text = if dateline.is_empty() {
            story.body
        } else {
            format!("{dateline} {}", story.body)
        };
        return Ok((text, story.date));
    }
    let path: PathBuf = if doc.starts_with("samples/") {
        repo.join(doc)
    } else {
        data.join(doc)
    };
    let (text, date) = split_date_line(read_lenient(&path)?);
    let date = date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    Ok((text, date))
}

/// A file's text after its `date YYYY-MM-DD` first line, if it has one,
/// and that line's date as written.
pub fn split_date_line(text: String) -> (String, Option<String>) {
    match text.split_once('\n') {
        Some((first, rest)) if first.trim().starts_with("date ") => {
            (rest.to_owned(), Some(first.trim()[5..].trim().to_owned()))
        }
        _ => (text, None),
    }
}

/// The records of a gold file: JSON Lines, with blank lines and `#`
/// comments (the conventions) skipped.
pub fn gold_lines<T: serde::de::DeserializeOwned>(text: &str) -> anyhow::Result<Vec<T>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(n, line)| {
            serde_json::from_str(line).with_context(|| format!("line {} of the gold file", n + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_date_comes_with_its_text() {
        let data = std::env::temp_dir().join(format!("tidings-corpus-{}", std::process::id()));
        std::fs::create_dir_all(data.join("reuters21578")).expect("temp dir");
        std::fs::write(
            data.join("reuters21578/reut2-000.sgm"),
            "<REUTERS NEWID=\"7\"><DATE> 2-MAR-1987 09:00:00.00</DATE>\
             <TEXT><BODY>Japan met China.</BODY></TEXT></REUTERS>",
        )
        .expect("sgml");
        std::fs::write(data.join("story.txt"), "date 2005-02-15\nBlair spoke.").expect("file");
        let (text, date) =
            document("reuters21578/reut2-000.sgm#NEWID=7", &data, &data).expect("reuters");
        assert_eq!(
            (text.as_str(), date),
            ("Japan met China.", NaiveDate::from_ymd_opt(1987, 3, 2))
        );
        let (text, date) = document("story.txt", &data, &data).expect("file");
        assert_eq!(
            (text.as_str(), date),
            ("Blair spoke.", NaiveDate::from_ymd_opt(2005, 2, 15))
        );
        std::fs::remove_dir_all(&data).ok();
    }

    #[test]
    fn reuters_bodies_are_unescaped() {
        let sgml = "<REUTERS><TITLE>A &lt;B&gt; C</TITLE><BODY>Oil &amp; gas rose.\n Reuter\n&#3;</BODY></REUTERS>";
        assert_eq!(
            reuters_texts(sgml),
            ["A <B> C", "Oil & gas rose.\n Reuter\n "]
        );
    }

    #[test]
    fn stories_are_found_by_newid_with_their_dates() {
        let sgml = "<REUTERS TOPICS=\"NO\" NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><TITLE>T</TITLE><DATELINE>    PARIS, Feb 26 - </DATELINE><BODY>Body &amp; more</BODY></TEXT></REUTERS>\n<REUTERS NEWID=\"8\"><TEXT><BODY>Other</BODY></TEXT></REUTERS>";
        let stories = reuters_stories(sgml);
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[0].newid, 7);
        assert_eq!(stories[0].date, NaiveDate::from_ymd_opt(1987, 2, 26));
        assert_eq!(stories[0].body, "Body & more");
        assert_eq!(stories[0].dateline.trim(), "PARIS, Feb 26 -");
        assert_eq!(stories[1].date, None);
        assert_eq!(stories[1].dateline, "");
    }
}
