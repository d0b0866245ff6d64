//! Settings every service shares. Defaults, then environment, then flags
//! (clap resolves flags over `env`); validated once at start.

use std::fmt;

/// Largest article body accepted, in bytes (`TIDINGS_MAX_BODY_BYTES`): the
/// fetcher skips larger inputs and the extractor dead-letters them.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;

/// Connection settings and namespace, flattened into each service's flags.
#[derive(Clone, clap::Args)]
pub struct CommonArgs {
    /// AMQP URL of the RabbitMQ broker.
    #[arg(
        long,
        env = "TIDINGS_AMQP_URL",
        default_value = "amqp://guest:guest@127.0.0.1:5672/%2f"
    )]
    pub amqp_url: String,

    /// PostgreSQL connection URL.
    #[arg(
        long,
        env = "TIDINGS_DATABASE_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/tidings"
    )]
    pub database_url: String,

    /// Prefix of every exchange and queue this deployment declares.
    #[arg(long, env = "TIDINGS_NAMESPACE", default_value = "tidings", value_parser = parse_namespace)]
    pub namespace: String,

    /// Log format: `json` (default) or `pretty`.
    #[arg(long, env = "TIDINGS_LOG_FORMAT", default_value = "json")]
    pub log_format: crate::telemetry::LogFormat,
}

impl fmt::Debug for CommonArgs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CommonArgs")
            .field("amqp_url", &redact_url(&self.amqp_url))
            .field("database_url", &redact_url(&self.database_url))
            .field("namespace", &self.namespace)
            .field("log_format", &self.log_format)
            .finish()
    }
}

/// A secret setting (a token, a password): usable, never printed. Its
/// `Debug` shows `***`, so settings can be logged whole.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self(value.to_owned()))
    }
}

/// A namespace becomes part of queue names: keep it to a safe alphabet.
pub fn parse_namespace(value: &str) -> Result<String, String> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(value.to_owned())
    } else {
        Err(format!(
            "namespace {value:?} must be 1-64 characters of a-z, 0-9, '-', '_', '.'"
        ))
    }
}

/// Hides the password of a URL so settings can be logged.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_alphabet() {
        assert!(parse_namespace("tidings").is_ok());
        assert!(parse_namespace("test-1a_b.c").is_ok());
        assert!(parse_namespace("").is_err());
        assert!(parse_namespace("Bad Name").is_err());
        assert!(parse_namespace(&"x".repeat(65)).is_err());
    }

    #[test]
    fn secrets_are_never_printed() {
        let secret: Secret = "hunter2".parse().expect("secret");
        assert_eq!(format!("{secret:?}"), "***");
        assert_eq!(secret.expose(), "hunter2");
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact_url("amqp://guest:secret@host:5672/%2f"),
            "amqp://guest:***@host:5672/%2f"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/tidings"),
            "postgres://postgres@127.0.0.1/tidings"
        );
        assert_eq!(redact_url("not a url"), "not a url");
    }
}
