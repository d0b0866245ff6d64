//! The deployment files, checked as far as this machine can run them:
//! compose binds every port to loopback and takes every credential from
//! the environment, with laptop-only values in one file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_yaml_ng::Value;

fn deploy_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// `${NAME...}` references in `text`, with what follows the name.
fn variables(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let end = after.find('}').expect("closed ${...}");
        let inner = &after[..end];
        let name_end = inner
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(inner.len());
        found.push((inner[..name_end].to_owned(), inner[name_end..].to_owned()));
        rest = &after[end..];
    }
    found
}

fn laptop_env() -> BTreeSet<String> {
    read(&deploy_dir().join("laptop.env"))
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (name, value) = line.split_once('=').expect("NAME=value");
            assert!(!value.is_empty(), "{name} has a value");
            name.to_owned()
        })
        .collect()
}

fn compose() -> (String, Value) {
    let text = read(&deploy_dir().join("compose.yaml"));
    let mut value: Value = serde_yaml_ng::from_str(&text).expect("compose.yaml parses");
    value.apply_merge().expect("merge keys resolve");
    (text, value)
}

fn services(compose: &Value) -> Vec<(String, &Value)> {
    compose["services"]
        .as_mapping()
        .expect("services")
        .iter()
        .map(|(name, service)| (name.as_str().expect("name").to_owned(), service))
        .collect()
}

#[test]
fn compose_publishes_only_on_loopback() {
    let (_, compose) = compose();
    let mut published = 0;
    for (name, service) in services(&compose) {
        for port in service["ports"].as_sequence().into_iter().flatten() {
            let port = port.as_str().expect("ports are strings");
            assert!(
                port.starts_with("127.0.0.1:"),
                "{name} publishes {port} beyond loopback"
            );
            published += 1;
        }
    }
    assert!(published >= 6, "the stack publishes its ports");
}

#[test]
fn compose_takes_every_credential_from_the_environment() {
    let (text, compose) = compose();
    let defined = laptop_env();
    let referenced = variables(&text);
    assert!(!referenced.is_empty());
    for (name, tail) in &referenced {
        assert!(
            tail.starts_with(":?"),
            "${{{name}{tail}}} must be required (no default value)"
        );
        assert!(defined.contains(name), "{name} is not in deploy/laptop.env");
    }
    let used: BTreeSet<String> = referenced.into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        used, defined,
        "laptop.env defines what compose uses, no more"
    );
    let config: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect();
    assert!(!config.contains("guest"), "no guest account");

    // Each service reaches PostgreSQL as its own role; the fetcher, which
    // listens beyond loopback inside the network, has an ingest token.
    let env = |service: &str, key: &str| -> String {
        compose["services"][service]["environment"][key]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(env("projector", "TIDINGS_DATABASE_URL").starts_with("postgres://tidings_projector:"));
    assert!(env("fetcher", "TIDINGS_DATABASE_URL").starts_with("postgres://tidings_fetcher:"));
    assert!(env("extractor", "TIDINGS_DATABASE_URL").is_empty());
    assert!(!env("fetcher", "TIDINGS_INGEST_TOKEN").is_empty());
}

#[test]
fn compose_mounts_files_that_exist() {
    let (_, compose) = compose();
    for (name, service) in services(&compose) {
        for volume in service["volumes"].as_sequence().into_iter().flatten() {
            let volume = volume.as_str().expect("short volume syntax");
            let source = volume.split(':').next().unwrap_or_default();
            if source.starts_with('.') {
                assert!(
                    deploy_dir().join(source).exists(),
                    "{name} mounts {source}, which does not exist"
                );
            }
        }
    }
}
