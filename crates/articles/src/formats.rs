//! The input formats: `date YYYY-MM-DD` text files, HTML pages (main text
//! by the readability algorithm), JSON and JSON Lines articles.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{ArticleError, Draft, normalized};

/// Main text and metadata of an HTML page (readability algorithm).
pub fn from_html(html: &str, url: Option<&str>) -> Result<Draft, String> {
    from_html_within(html, url, HtmlLimits::default())
}

/// How much HTML a page may hold before it is refused unparsed: a page of
/// millions of elements, or nested thousands deep, costs a parser far more
/// than any article is worth (and can exhaust its stack).
#[derive(Debug, Clone, Copy)]
pub struct HtmlLimits {
    pub max_bytes: usize,
    pub max_elements: usize,
    pub max_depth: usize,
}

impl Default for HtmlLimits {
    fn default() -> Self {
        Self {
            max_bytes: 8 << 20,
            max_elements: 200_000,
            max_depth: 512,
        }
    }
}

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Counts the elements and the deepest nesting of `html` with a cheap scan
/// of its tags, and refuses it when either passes `limits`.
pub fn check_html(html: &str, limits: HtmlLimits) -> Result<(), String> {
    if html.len() > limits.max_bytes {
        return Err(format!(
            "the page is {} bytes, more than the {} accepted",
            html.len(),
            limits.max_bytes
        ));
    }
    let bytes = html.as_bytes();
    let (mut elements, mut depth, mut deepest) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name_end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| start + n);
        if name_end == start {
            continue;
        }
        let name = html[start..name_end].to_ascii_lowercase();
        let tag_end = bytes[name_end..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |n| name_end + n);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            elements += 1;
            if !self_closing && !VOID.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        if elements > limits.max_elements {
            return Err(format!(
                "the page has more than {} elements",
                limits.max_elements
            ));
        }
        if deepest > limits.max_depth {
            return Err(format!(
                "the page nests deeper than {} elements",
                limits.max_depth
            ));
        }
        i = tag_end;
    }
    Ok(())
}

/// [`from_html`] within explicit limits.
pub fn from_html_within(
    html: &str,
    url: Option<&str>,
    limits: HtmlLimits,
) -> Result<Draft, String> {
    check_html(html, limits)?;
    let mut readability =
        dom_smoothie::Readability::new(html, url, None).map_err(|e| e.to_string())?;
    let article = readability.parse().map_err(|e| e.to_string())?;
    let published_at = article
        .published_time
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|d| d.with_timezone(&Utc));
    Ok(Draft {
        url: url.unwrap_or_default().to_owned(),
        title: article.title.clone(),
        authors: article.byline.into_iter().collect(),
        published_at,
        language: article.lang.unwrap_or_default().chars().take(2).collect(),
        body: article.text_content.to_string(),
        ..Draft::default()
    })
}

/// Text of an HTML fragment (feed summaries).
pub fn html_fragment_text(html: &str) -> String {
    let document = dom_query::Document::from(html);
    normalized(&document.root().text())
}

/// The sample format: a first line `date YYYY-MM-DD`, then the body.
pub fn from_dated_text(text: &str) -> Result<Draft, String> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim();
    let Some(date) = first.strip_prefix("date ") else {
        return Ok(Draft {
            body: text.to_owned(),
            ..Draft::default()
        });
    };
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|e| format!("bad date line {first:?}: {e}"))?;
    // Noon UTC: the day is right in every time zone that reads the news.
    let published = date.and_hms_opt(12, 0, 0).map(|d| d.and_utc());
    let title = rest
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(200).collect())
        .unwrap_or_default();
    Ok(Draft {
        title,
        published_at: published,
        body: rest.to_owned(),
        ..Draft::default()
    })
}

/// An article given as JSON (`.json` files, `.jsonl` lines, HTTP POST).
#[derive(Debug, serde::Deserialize)]
pub struct JsonArticle {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub authors: Vec<String>,
    /// RFC 3339 timestamp or `YYYY-MM-DD`.
    #[serde(default)]
    pub published_at: Option<String>,
    #[serde(default)]
    pub language: String,
    #[serde(alias = "text")]
    pub body: String,
}

impl JsonArticle {
    pub fn into_draft(self, source: &str) -> Result<Draft, String> {
        let published_at = match self.published_at.as_deref() {
            None | Some("") => None,
            Some(value) => Some(
                DateTime::parse_from_rfc3339(value)
                    .map(|d| d.with_timezone(&Utc))
                    .or_else(|_| {
                        NaiveDate::parse_from_str(value, "%Y-%m-%d")
                            .map(|d| d.and_hms_opt(12, 0, 0).map(|t| t.and_utc()))
                            .map_err(|e| e.to_string())
                            .and_then(|d| d.ok_or_else(|| "invalid time".to_owned()))
                    })
                    .map_err(|e| format!("bad published_at {value:?}: {e}"))?,
            ),
        };
        Ok(Draft {
            url: self.url,
            source: source.to_owned(),
            title: self.title,
            authors: self.authors,
            published_at,
            language: self.language,
            body: self.body,
        })
    }
}

/// Reads one file into drafts (a `.jsonl` file may hold many). Kept for
/// callers that want them all; [`drafts`] streams them.
pub fn read_file(
    path: &Path,
    max_bytes: usize,
) -> Result<Vec<Result<Draft, ArticleError>>, ArticleError> {
    Ok(drafts(path, max_bytes)?
        .map(|named| named.map(|(_, draft)| draft))
        .collect())
}

/// A draft and the input it came from (`dump.jsonl:7`, or the file).
pub type Named = (String, Draft);

/// Is this a JSON Lines dump (one article per line, any size)?
pub fn is_jsonl(path: &Path) -> bool {
    matches!(extension(path).as_str(), "jsonl" | "ndjson")
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase()
}

/// The drafts of one file, one at a time. A JSON Lines dump of any size is
/// read line by line in bounded memory: a line longer than an article may
/// be is skipped (and named by its number) without being held. Any other
/// file is one article and may be at most four times `max_bytes`.
pub fn drafts(
    path: &Path,
    max_bytes: usize,
) -> Result<Box<dyn Iterator<Item = Result<Named, ArticleError>>>, ArticleError> {
    let what = path.display().to_string();
    let io = |source| ArticleError::Io {
        what: what.clone(),
        source,
    };
    if is_jsonl(path) {
        let file = std::fs::File::open(path).map_err(io)?;
        return Ok(Box::new(JsonLines {
            reader: std::io::BufReader::with_capacity(1 << 16, file),
            path: what,
            line: 0,
            // A JSON line carries its body escaped plus its other fields.
            max_line: max_bytes.saturating_mul(2).saturating_add(64 * 1024),
            max_bytes,
        }));
    }
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > max_bytes.saturating_mul(4) as u64 {
        return Err(ArticleError::Oversized {
            what,
            size: usize::try_from(size).unwrap_or(usize::MAX),
            max: max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let invalid = |problem: String| ArticleError::Invalid {
        what: what.clone(),
        problem,
    };
    let extension = extension(path);
    if extension == "html" || extension == "htm" {
        // Pages may declare another charset; decode by the meta tag.
        let (text, _, _) = encoding_rs::Encoding::for_label(sniff_charset(&bytes).as_bytes())
            .unwrap_or(encoding_rs::UTF_8)
            .decode(&bytes);
        let mut draft = from_html(&text, None).map_err(invalid)?;
        draft.source = "file".to_owned();
        return Ok(Box::new(std::iter::once(Ok((what, draft)))));
    }
    let text = String::from_utf8(bytes).map_err(|_| ArticleError::NotUtf8(what.clone()))?;
    let draft = if extension == "json" {
        let article: JsonArticle =
            serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        article.into_draft("file").map_err(invalid)
    } else {
        from_dated_text(&text).map_err(invalid).map(|mut draft| {
            draft.source = "file".to_owned();
            draft
        })
    };
    Ok(Box::new(std::iter::once(draft.map(|draft| (what, draft)))))
}

/// The articles of a JSON Lines file, read a line at a time.
struct JsonLines<R> {
    reader: R,
    path: String,
    line: usize,
    max_line: usize,
    max_bytes: usize,
}

impl<R: std::io::BufRead> Iterator for JsonLines<R> {
    type Item = Result<Named, ArticleError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.line += 1;
            let what = format!("{}:{}", self.path, self.line);
            let mut buffer = Vec::new();
            let (read, complete) =
                match read_line_capped(&mut self.reader, &mut buffer, self.max_line) {
                    Ok(Some(read)) => read,
                    Ok(None) => return None,
                    Err(source) => return Some(Err(ArticleError::Io { what, source })),
                };
            if !complete {
                return Some(Err(ArticleError::Oversized {
                    what,
                    size: read,
                    max: self.max_bytes,
                }));
            }
            let Ok(text) = std::str::from_utf8(&buffer) else {
                return Some(Err(ArticleError::NotUtf8(what)));
            };
            if text.trim().is_empty() {
                continue;
            }
            return Some(
                serde_json::from_str::<JsonArticle>(text)
                    .map_err(|e| e.to_string())
                    .and_then(|a| a.into_draft("file"))
                    .map(|draft| (what.clone(), draft))
                    .map_err(|problem| ArticleError::Invalid { what, problem }),
            );
        }
    }
}

/// Reads one line into `buffer`, holding at most `cap` bytes of it; the
/// rest of a longer line is read and dropped. Returns the line's length
/// and whether it was kept whole, or `None` at the end of the input.
fn read_line_capped<R: std::io::BufRead>(
    reader: &mut R,
    buffer: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Option<(usize, bool)>> {
    let mut total = 0;
    let mut started = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(started.then_some((total, total <= cap)));
        }
        started = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], Some(at + 1)),
            None => (available, None),
        };
        if total + chunk.len() <= cap {
            buffer.extend_from_slice(chunk);
        }
        total += chunk.len();
        let consumed = done.unwrap_or(chunk.len());
        reader.consume(consumed);
        if done.is_some() {
            return Ok(Some((total, total <= cap)));
        }
    }
}

/// The charset a page declares in its first bytes, or UTF-8.
pub fn sniff_charset(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    head.find("charset=")
        .map(|i| {
            head[i + 8..]
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .unwrap_or_else(|| "utf-8".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_too_large_deep_or_busy_are_refused_unparsed() {
        let limits = HtmlLimits {
            max_bytes: 10_000,
            max_elements: 50,
            max_depth: 20,
        };
        let page = "<html><body><p>News.<br><img src=x></p></body></html>";
        assert!(check_html(page, limits).is_ok());
        let deep = "<div>".repeat(30);
        assert!(
            check_html(&deep, limits)
                .expect_err("too deep")
                .contains("deeper")
        );
        let busy = "<p>x</p>".repeat(60);
        assert!(
            check_html(&busy, limits)
                .expect_err("too busy")
                .contains("elements")
        );
        let big = format!("<p>{}</p>", "x".repeat(20_000));
        assert!(
            check_html(&big, limits)
                .expect_err("too big")
                .contains("bytes")
        );
        assert!(from_html_within(&deep, None, limits).is_err());
    }

    #[test]
    fn json_lines_stream_and_skip_an_oversized_line_by_number() {
        let big = "x".repeat(5_000);
        let text = format!(
            "{{\"url\":\"https://a.example/1\",\"body\":\"One.\"}}\n\n{{\"body\":\"{big}\"}}\n{{\"body\":\"Three.\"}}\n"
        );
        let lines = JsonLines {
            reader: std::io::BufReader::with_capacity(64, text.as_bytes()),
            path: "dump.jsonl".into(),
            line: 0,
            max_line: 1_000,
            max_bytes: 500,
        };
        let out: Vec<Result<Named, ArticleError>> = lines.collect();
        assert_eq!(out.len(), 3);
        assert_eq!(
            out[0].as_ref().map(|(_, d)| d.body.as_str()).ok(),
            Some("One.")
        );
        match &out[1] {
            Err(ArticleError::Oversized { what, .. }) => assert_eq!(what, "dump.jsonl:3"),
            other => panic!("expected an oversized line, got {other:?}"),
        }
        assert_eq!(
            out[2]
                .as_ref()
                .map(|(w, d)| (w.as_str(), d.body.as_str()))
                .ok(),
            Some(("dump.jsonl:4", "Three."))
        );
    }

    #[test]
    fn dated_text_format() {
        let draft = from_dated_text("date 2023-06-18\n\nFirst line.\nMore.").expect("valid");
        assert_eq!(draft.title, "First line.");
        assert_eq!(
            draft
                .published_at
                .map(|d| d.date_naive().to_string())
                .as_deref(),
            Some("2023-06-18")
        );
        assert!(from_dated_text("date 2023-13-40\nx").is_err());
    }

    #[test]
    fn charset_sniffing() {
        assert_eq!(
            sniff_charset(b"<meta charset=\"ISO-8859-1\">"),
            "iso-8859-1"
        );
        assert_eq!(sniff_charset(b"<html>"), "utf-8");
    }
}
