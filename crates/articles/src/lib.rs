//! Building `RawArticle`s: stable ids, canonical URLs, content hashes
//! ([`build`]), and the input formats every reader of articles shares
//! ([`formats`]: `date YYYY-MM-DD` text files, HTML pages, JSON and JSON
//! Lines articles). The fetcher publishes what this builds; the extractor's
//! `analyze` and the lab's evaluations read files through the same code, so
//! a file means the same thing everywhere.

pub mod formats;

pub use formats::{
    HtmlLimits, JsonArticle, Named, check_html, drafts, from_dated_text, from_html,
    from_html_within, html_fragment_text, is_jsonl, read_file, sniff_charset,
};

use chrono::{DateTime, Utc};
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
pub(crate) fn normalized(body: &str) -> String {
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
    build_from(draft, what, max_bytes, Origin::Published)
}

/// Who an article comes from, which decides whose id it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The operator's own sources: feeds, pages, files. An article's id is
    /// its canonical URL's, so a later fetch is a new revision of it.
    Published,
    /// Anyone allowed to `POST /articles`: the article gets an id of its
    /// own (`post:` + the canonical URL), so a post can never replace the
    /// text of an article a feed published under that URL.
    Posted,
}

/// [`build`] for an article of the given origin.
pub fn build_from(
    draft: Draft,
    what: &str,
    max_bytes: usize,
    origin: Origin,
) -> Result<RawArticle, ArticleError> {
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
    let article_id = match origin {
        Origin::Published => id_of(&canonical, &content_hash),
        Origin::Posted => hex128(format!("post:{canonical}\u{1f}{content_hash}").as_bytes()),
    };
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
    fn a_post_never_takes_a_published_articles_id() {
        let draft = || Draft {
            url: "https://x.org/a".into(),
            body: "Some text.".into(),
            ..Draft::default()
        };
        let published = build(draft(), "feed", 1000).expect("valid");
        let posted = build_from(draft(), "post", 1000, Origin::Posted).expect("valid");
        assert_ne!(published.article_id, posted.article_id);
        assert_eq!(published.url, posted.url);
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
}
