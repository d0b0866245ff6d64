//! Fetching over HTTP with the limits a crawler owes the web and itself:
//! timeouts, a redirect limit, a body size limit, conditional GET, a
//! per-host politeness delay, and no connection to private addresses
//! unless allowed ([`crate::addresses`]): names are checked by the resolver
//! the client connects through, and redirects are followed here, hop by
//! hop, each hop checked again.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION};
use tokio::time::Instant;

use crate::addresses::{AddressPolicy, GuardedResolver, Lookup, SystemLookup};

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("invalid URL {0}")]
    InvalidUrl(String),
    #[error("{0}")]
    PrivateAddress(#[from] crate::addresses::Refused),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("HTTP error: {0}")]
    Http(#[from] reqwest::Error),
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("response larger than {0} bytes")]
    TooLarge(usize),
}

impl FetchError {
    /// Bounded label for metrics.
    pub fn reason(&self) -> &'static str {
        match self {
            FetchError::InvalidUrl(_) => "invalid_url",
            FetchError::PrivateAddress(_) => "private_address",
            FetchError::TooManyRedirects(_) => "too_many_redirects",
            FetchError::Http(e) if e.is_timeout() => "timeout",
            FetchError::Http(e) if refused(e) => "private_address",
            FetchError::Http(_) => "http_error",
            FetchError::Status(_) => "http_status",
            FetchError::TooLarge(_) => "too_large",
        }
    }
}

/// Did the guarded resolver refuse the name's addresses?
fn refused(error: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if cause.is::<crate::addresses::Refused>() {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Limits of the client.
#[derive(Debug, Clone)]
pub struct Limits {
    pub timeout: Duration,
    pub max_redirects: usize,
    pub max_bytes: usize,
    pub per_host_delay: Duration,
    pub addresses: AddressPolicy,
}

/// A fetched response.
#[derive(Debug)]
pub enum Fetched {
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
        content_type: Option<String>,
    },
}

pub struct Fetcher {
    client: reqwest::Client,
    limits: Limits,
    last_request: HashMap<String, Instant>,
}

impl Fetcher {
    pub fn new(limits: Limits) -> Result<Self, FetchError> {
        Self::with_lookup(limits, Arc::new(SystemLookup))
    }

    /// A fetcher resolving names through `lookup` (tests give their own).
    pub fn with_lookup(limits: Limits, lookup: Arc<dyn Lookup>) -> Result<Self, FetchError> {
        let resolver = GuardedResolver {
            inner: lookup,
            policy: limits.addresses.clone(),
        };
        let client = reqwest::Client::builder()
            .user_agent(concat!("tidings-fetcher/", env!("CARGO_PKG_VERSION")))
            .timeout(limits.timeout)
            .connect_timeout(limits.timeout)
            // Redirects are followed by `get`, each hop checked.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would resolve names where the resolver cannot see.
            .no_proxy()
            .dns_resolver(Arc::new(resolver))
            .build()?;
        Ok(Self {
            client,
            limits,
            last_request: HashMap::new(),
        })
    }

    async fn be_polite(&mut self, host: &str) {
        if let Some(last) = self.last_request.get(host) {
            let ready = *last + self.limits.per_host_delay;
            tokio::time::sleep_until(ready).await;
        }
        self.last_request.insert(host.to_owned(), Instant::now());
        // Forget hosts not seen for a while so the map stays small.
        let horizon = self.limits.per_host_delay.max(Duration::from_secs(60));
        self.last_request.retain(|_, t| t.elapsed() < horizon);
    }

    /// GETs `url`, conditionally when `etag` or `last_modified` are given.
    pub async fn get(
        &mut self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let mut current =
            reqwest::Url::parse(url).map_err(|_| FetchError::InvalidUrl(url.to_owned()))?;
        let mut hops = 0;
        let mut response = loop {
            if !matches!(current.scheme(), "http" | "https") || current.host_str().is_none() {
                return Err(FetchError::InvalidUrl(current.to_string()));
            }
            self.limits.addresses.check_url(&current)?;
            self.be_polite(current.host_str().unwrap_or_default()).await;
            let mut request = self.client.get(current.clone());
            if hops == 0 {
                if let Some(etag) = etag {
                    request = request.header(IF_NONE_MATCH, etag);
                }
                if let Some(last_modified) = last_modified {
                    request = request.header(IF_MODIFIED_SINCE, last_modified);
                }
            }
            let response = request.send().await?;
            if !response.status().is_redirection()
                || response.status() == reqwest::StatusCode::NOT_MODIFIED
            {
                break response;
            }
            hops += 1;
            if hops > self.limits.max_redirects {
                return Err(FetchError::TooManyRedirects(self.limits.max_redirects));
            }
            let location = response
                .headers()
                .get(LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| FetchError::InvalidUrl(format!("{current} redirects nowhere")))?;
            current = current
                .join(location)
                .map_err(|_| FetchError::InvalidUrl(location.to_owned()))?;
        };
        if response.status() == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !response.status().is_success() {
            return Err(FetchError::Status(response.status().as_u16()));
        }
        if response
            .content_length()
            .is_some_and(|n| n as usize > self.limits.max_bytes)
        {
            return Err(FetchError::TooLarge(self.limits.max_bytes));
        }
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let etag = header(ETAG);
        let last_modified = header(LAST_MODIFIED);
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            if bytes.len() + chunk.len() > self.limits.max_bytes {
                return Err(FetchError::TooLarge(self.limits.max_bytes));
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
            content_type,
        })
    }
}
