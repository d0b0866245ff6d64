//! The input formats: `date YYYY-MM-DD` text files, HTML pages (main text
//! by the readability algorithm), JSON and JSON Lines articles.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{ArticleError, Draft, normalized};

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
