//! Building `RawArticle`s: stable ids, canonical URLs, content hashes, and
//! the local input formats (`date YYYY-MM-DD` text files, HTML pages, JSON
//! and JSON Lines articles).

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use tidings_proto::RawArticle;
use xxhash_rust::xxh3::xxh3_128;

/// Why an input could not become an article.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{0}: the article has no text")]
    Empty(String),
    #[error("{what}: {size} bytes is more than the {max} accepted")]
    Oversized {
        what: String,
        size: usize,
        max: usize,
    },
    #[error("{0}: the text is not valid UTF-8")]
    NotUtf8(String),
    #[error("{what}: {problem}")]
    Invalid { what: String, problem: String },
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}

/// xxh3-128 in hex: the hash behind every id and content hash.
pub fn hex128(bytes: &[u8]) -> String {
    format!("{:032x}", xxh3_128(bytes))
}

fn content_hash(body: &str) -> String {
    hex128(normalized(body).as_bytes())
}

/// The stable id of an article from its canonical URL, or from its content
/// hash when it has no URL.
fn id_of(canonical: &str, content_hash: &str) -> String {
    if canonical.is_empty() {
        hex128(format!("content:{content_hash}").as_bytes())
    } else {
        hex128(format!("url:{canonical}").as_bytes())
    }
}

/// The id [`build`] gives an article at `url` with `body`, without building it.
pub fn article_id(url: &str, body: &str) -> String {
    let canonical = canonical_url(url).unwrap_or_default();
    id_of(&canonical, &content_hash(body))
}

/// Canonical form of a URL: no fragment, no tracking parameters, lowercase
/// scheme and host (the `url` crate normalises those).
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut url = url::Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !(k.starts_with("utm_") || k == "fbclid" || k == "gclid"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(url.to_string())
}

/// Whitespace-normalised body, so trivial reformatting keeps the hash.
fn normalized(body: &str) -> String {
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Input for [`build`].
#[derive(Debug, Default, Clone)]
pub struct Draft {
    pub url: String,
    pub source: String,
    pub title: String,
    pub authors: Vec<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub language: String,
    pub body: String,
}

/// Turns a draft into a `RawArticle` with its ids, or says why it cannot.
pub fn build(draft: Draft, what: &str, max_bytes: usize) -> Result<RawArticle, ArticleError> {
    let body = draft.body.trim().to_owned();
    if body.is_empty() {
        return Err(ArticleError::Empty(what.to_owned()));
    }
    if body.len() > max_bytes {
        return Err(ArticleError::Oversized {
            what: what.to_owned(),
            size: body.len(),
            max: max_bytes,
        });
    }
    let content_hash = content_hash(&body);
    let canonical = canonical_url(&draft.url).unwrap_or_default();
    let article_id = id_of(&canonical, &content_hash);
    let event_id =
        hex128(format!("ArticleFetched\u{1f}{article_id}\u{1f}{content_hash}").as_bytes());
    let language = if draft.language.is_empty() {
        guess_english(&body)
    } else {
        draft.language
    };
    Ok(RawArticle {
        event_id,
        article_id,
        url: draft.url,
        canonical_url: canonical,
        source: draft.source,
        title: draft.title,
        authors: draft.authors,
        published_at_ms: draft.published_at.map(|d| d.timestamp_millis()),
        fetched_at_ms: Utc::now().timestamp_millis(),
        language,
        body,
        content_hash,
    })
}

/// English is the only language the extractor models; mark it when the
/// text is plainly English (common function words), leave it empty otherwise.
fn guess_english(body: &str) -> String {
    let words: Vec<&str> = body.split_whitespace().take(400).collect();
    let hits = words
        .iter()
        .filter(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the" | "and" | "of" | "to" | "in" | "is" | "that"
            )
        })
        .count();
    if !words.is_empty() && hits * 10 >= words.len() {
        "en".to_owned()
    } else {
        String::new()
    }
}

/// Main text and metadata of an HTML page (readability algorithm).
pub fn from_html(html: &str, url: Option<&str>) -> Result<Draft, String> {
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

/// Reads one file into drafts (a `.jsonl` file may hold many).
pub fn read_file(
    path: &Path,
    max_bytes: usize,
) -> Result<Vec<Result<Draft, ArticleError>>, ArticleError> {
    let what = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ArticleError::Io {
        what: what.clone(),
        source,
    })?;
    if bytes.len() > max_bytes.saturating_mul(4) {
        return Err(ArticleError::Oversized {
            what,
            size: bytes.len(),
            max: max_bytes,
        });
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    let invalid = |problem: String| ArticleError::Invalid {
        what: what.clone(),
        problem,
    };
    if extension == "html" || extension == "htm" {
        // Pages may declare another charset; decode by the meta tag.
        let (text, _, _) = encoding_rs::Encoding::for_label(sniff_charset(&bytes).as_bytes())
            .unwrap_or(encoding_rs::UTF_8)
            .decode(&bytes);
        let mut draft = from_html(&text, None).map_err(invalid)?;
        draft.source = "file".to_owned();
        return Ok(vec![Ok(draft)]);
    }
    let text = String::from_utf8(bytes).map_err(|_| ArticleError::NotUtf8(what.clone()))?;
    match extension.as_str() {
        "json" => {
            let article: JsonArticle =
                serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
            Ok(vec![article.into_draft("file").map_err(invalid)])
        }
        "jsonl" | "ndjson" => Ok(text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(n, line)| {
                let what = format!("{}:{}", path.display(), n + 1);
                serde_json::from_str::<JsonArticle>(line)
                    .map_err(|e| e.to_string())
                    .and_then(|a| a.into_draft("file"))
                    .map_err(|problem| ArticleError::Invalid { what, problem })
            })
            .collect()),
        _ => {
            let mut draft = from_dated_text(&text).map_err(invalid)?;
            draft.source = "file".to_owned();
            Ok(vec![Ok(draft)])
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
    fn canonical_urls_drop_tracking_and_fragments() {
        assert_eq!(
            canonical_url("HTTPS://Example.COM/a?utm_source=x&id=3#top").as_deref(),
            Some("https://example.com/a?id=3")
        );
        assert_eq!(canonical_url("ftp://example.com/a"), None);
        assert_eq!(canonical_url("not a url"), None);
    }

    #[test]
    fn ids_are_stable_and_content_addressed_without_url() {
        let draft = |url: &str, body: &str| Draft {
            url: url.into(),
            body: body.into(),
            ..Draft::default()
        };
        let a = build(draft("https://x.org/a#1", "Some  text."), "a", 1000).expect("valid");
        let b = build(draft("https://x.org/a", "Some text."), "b", 1000).expect("valid");
        assert_eq!(a.article_id, b.article_id);
        assert_eq!(a.event_id, b.event_id);
        let c = build(draft("", "Some text."), "c", 1000).expect("valid");
        assert_ne!(c.article_id, a.article_id);
        assert_eq!(article_id("https://x.org/a", "other text"), a.article_id);
        assert_eq!(article_id("", "Some  text."), c.article_id);
        assert!(matches!(
            build(draft("", "  "), "d", 1000),
            Err(ArticleError::Empty(_))
        ));
        assert!(matches!(
            build(draft("", "long"), "e", 2),
            Err(ArticleError::Oversized { .. })
        ));
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
