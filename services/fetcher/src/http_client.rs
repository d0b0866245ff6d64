//! Fetching over HTTP with the limits a crawler owes the web and itself:
//! timeouts, a redirect limit, a body size limit, conditional GET, a
//! per-host politeness delay, and no requests to private addresses unless
//! allowed (so a feed cannot point the fetcher at the internal network).

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Duration;

use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use tokio::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("invalid URL {0}")]
    InvalidUrl(String),
    #[error("{0} resolves to a private or local address")]
    PrivateAddress(String),
    #[error("cannot resolve {host}: {source}")]
    Resolve {
        host: String,
        #[source]
        source: std::io::Error,
    },
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
            FetchError::Resolve { .. } => "unresolvable",
            FetchError::Http(e) if e.is_timeout() => "timeout",
            FetchError::Http(_) => "http_error",
            FetchError::Status(_) => "http_status",
            FetchError::TooLarge(_) => "too_large",
        }
    }
}

/// Limits of the client.
#[derive(Debug, Clone)]
pub struct Limits {
    pub timeout: Duration,
    pub max_redirects: usize,
    pub max_bytes: usize,
    pub per_host_delay: Duration,
    pub allow_private: bool,
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

fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.octets()[0] == 100 && (64..128).contains(&v4.octets()[1])
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
        }
    }
}

impl Fetcher {
    pub fn new(limits: Limits) -> Result<Self, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(concat!("tidings-fetcher/", env!("CARGO_PKG_VERSION")))
            .timeout(limits.timeout)
            .connect_timeout(limits.timeout)
            .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
            .build()?;
        Ok(Self {
            client,
            limits,
            last_request: HashMap::new(),
        })
    }

    async fn check_address(&self, url: &reqwest::Url) -> Result<(), FetchError> {
        let host = url
            .host_str()
            .ok_or_else(|| FetchError::InvalidUrl(url.to_string()))?;
        if self.limits.allow_private {
            return Ok(());
        }
        let port = url.port_or_known_default().unwrap_or(80);
        let addresses = tokio::net::lookup_host((host, port))
            .await
            .map_err(|source| FetchError::Resolve {
                host: host.to_owned(),
                source,
            })?;
        for address in addresses {
            if is_private(address.ip()) {
                return Err(FetchError::PrivateAddress(host.to_owned()));
            }
        }
        Ok(())
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
        let parsed =
            reqwest::Url::parse(url).map_err(|_| FetchError::InvalidUrl(url.to_owned()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(FetchError::InvalidUrl(url.to_owned()));
        }
        self.check_address(&parsed).await?;
        self.be_polite(parsed.host_str().unwrap_or_default()).await;
        let mut request = self.client.get(parsed);
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(last_modified) = last_modified {
            request = request.header(IF_MODIFIED_SINCE, last_modified);
        }
        let mut response = request.send().await?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_ranges() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.4",
            "169.254.1.1",
            "100.64.0.1",
            "::1",
            "fd00::1",
        ] {
            assert!(is_private(ip.parse().expect("ip")), "{ip}");
        }
        for ip in ["8.8.8.8", "2001:4860::8888"] {
            assert!(!is_private(ip.parse().expect("ip")), "{ip}");
        }
    }
}
