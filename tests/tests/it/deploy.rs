//! The deployment files, checked as far as this machine can run them:
//! compose binds every port to loopback and takes every credential from
//! the environment, with laptop-only values in one file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize as _;
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

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `program args` and returns its output, failing the test with what
/// it printed when it fails (or is missing: `make services` installs it).
fn run_tool(program: &str, args: &[&str], dir: &Path) -> String {
    let output = std::process::Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|error| {
            panic!("{program}: {error} (`make services` installs it from Debian's packages)")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "{program} {args:?} failed:\n{text}"
    );
    text
}

/// A command line as a deployment file gives it, parsed by the binary's
/// own parser: the binary exists and accepts the subcommand and flags.
fn parses(args: &[&str]) -> Result<(), String> {
    use clap::Parser as _;
    let result = match args.first().copied() {
        Some("tidings-fetcher") => tidings_fetcher::cli::Cli::try_parse_from(args).map(drop),
        Some("tidings-extractor") => tidings_extractor::cli::Cli::try_parse_from(args).map(drop),
        Some("tidings-projector") => tidings_projector::cli::Cli::try_parse_from(args).map(drop),
        other => return Err(format!("{other:?} is not a tidings binary")),
    };
    result.map_err(|error| error.to_string())
}

/// Every environment variable a binary reads, over all its subcommands.
fn variables_read() -> BTreeSet<String> {
    use clap::CommandFactory as _;
    fn walk(command: &clap::Command, into: &mut BTreeSet<String>) {
        for arg in command.get_arguments() {
            if let Some(env) = arg.get_env() {
                into.insert(env.to_string_lossy().into_owned());
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, into);
        }
    }
    let mut names = BTreeSet::new();
    walk(&tidings_fetcher::cli::Cli::command(), &mut names);
    walk(&tidings_extractor::cli::Cli::command(), &mut names);
    walk(&tidings_projector::cli::Cli::command(), &mut names);
    // Read by the logging setup rather than by a flag.
    names.insert("RUST_LOG".to_owned());
    names
}

#[test]
fn compose_runs_real_commands_with_real_settings() {
    let (_, compose) = compose();
    let known = variables_read();
    let mut commands = 0;
    for (name, service) in services(&compose) {
        if let Some(command) = service["command"].as_sequence() {
            let args: Vec<&str> = command.iter().filter_map(Value::as_str).collect();
            if args.first().is_some_and(|a| a.starts_with("tidings-")) {
                parses(&args).unwrap_or_else(|error| panic!("{name}: {args:?}: {error}"));
                commands += 1;
                for (key, _) in service["environment"].as_mapping().into_iter().flatten() {
                    let key = key.as_str().expect("variable name");
                    assert!(
                        known.contains(key),
                        "{name} sets {key}, which no binary reads"
                    );
                }
            }
        }
    }
    assert_eq!(commands, 4, "migrate and the three services");
}

#[test]
fn the_image_builds_what_ci_builds_and_runs_as_nobody() {
    let text = read(&deploy_dir().join("docker/Dockerfile"));
    // Instructions, with continuation lines joined.
    let joined = text.replace("\\\n", " ");
    let instructions: Vec<(String, String)> = joined
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (keyword, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            (keyword.to_uppercase(), rest.trim().to_owned())
        })
        .collect();
    let stages: Vec<usize> = instructions
        .iter()
        .enumerate()
        .filter(|(_, (keyword, _))| keyword == "FROM")
        .map(|(i, _)| i)
        .collect();
    assert!(stages.len() >= 2, "a multi-stage build");
    let (build, last) = (
        &instructions[stages[0]..stages[stages.len() - 1]],
        &instructions[stages[stages.len() - 1]..],
    );

    // The build stage runs the release build the Makefile and CI run.
    let makefile = read(&repo_root().join("Makefile"));
    let make_build = makefile
        .lines()
        .skip_while(|line| !line.starts_with("build:"))
        .nth(1)
        .expect("a build recipe")
        .trim()
        .replace("$(CARGO)", "cargo");
    assert!(
        build
            .iter()
            .any(|(keyword, rest)| keyword == "RUN" && rest.contains(&make_build)),
        "the build stage runs `{make_build}`"
    );

    // The final stage: a non-root user, SIGTERM, no secrets in ENV.
    // The last value of an instruction in the final stage.
    let final_value = |wanted: &str| {
        last.iter()
            .rfind(|(keyword, _)| keyword == wanted)
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| panic!("{wanted} in the final stage"))
    };
    let user = final_value("USER");
    let uid = user.split(':').next().unwrap_or_default();
    assert!(uid != "0" && uid != "root", "runs as {user}");
    assert!(
        last.iter()
            .any(|(k, v)| k == "STOPSIGNAL" && v == "SIGTERM")
    );
    for (_, env) in last.iter().filter(|(keyword, _)| keyword == "ENV") {
        let upper = env.to_uppercase();
        for secret in ["PASSWORD", "TOKEN", "SECRET", "AMQP_URL", "DATABASE_URL"] {
            assert!(!upper.contains(secret), "ENV carries a secret: {env}");
        }
    }
    assert!(
        last.iter()
            .any(|(k, v)| k == "RUN" && v.contains("ca-certificates")),
        "CA certificates for HTTPS feeds"
    );

    // Every COPY source exists; the binaries copied are ours.
    let binaries = ["tidings-fetcher", "tidings-extractor", "tidings-projector"];
    for (_, copy) in instructions.iter().filter(|(keyword, _)| keyword == "COPY") {
        let words: Vec<&str> = copy.split_whitespace().collect();
        let (from_stage, sources) = match words.first() {
            Some(flag) if flag.starts_with("--from=") => (true, &words[1..words.len() - 1]),
            _ => (false, &words[..words.len() - 1]),
        };
        for source in sources {
            if from_stage {
                let binary = source.rsplit('/').next().unwrap_or_default();
                assert!(
                    binaries.contains(&binary),
                    "{source} is not a binary this workspace builds"
                );
            } else {
                assert!(
                    repo_root().join(source).exists(),
                    "COPY source {source} does not exist"
                );
            }
        }
    }
    for binary in binaries {
        assert!(
            joined.contains(&format!("target/release/{binary}")),
            "{binary} is in the image"
        );
    }

    // The default command is a real binary and subcommand.
    let cmd = final_value("CMD");
    let args: Vec<String> = serde_json::from_str(&cmd).expect("CMD in exec form");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    parses(&args).unwrap_or_else(|error| panic!("CMD {args:?}: {error}"));
}

#[test]
fn prometheus_configuration_rules_and_rule_tests_pass_promtool() {
    let dir = deploy_dir().join("prometheus");
    run_tool("promtool", &["check", "config", "prometheus.yml"], &dir);
    let mut rules: Vec<String> = std::fs::read_dir(dir.join("rules"))
        .expect("rules")
        .map(|e| format!("rules/{}", e.expect("entry").file_name().to_string_lossy()))
        .collect();
    rules.sort();
    let mut args = vec!["check", "rules"];
    args.extend(rules.iter().map(String::as_str));
    run_tool("promtool", &args, &dir);
    let mut tests: Vec<String> = std::fs::read_dir(dir.join("tests"))
        .expect("rule tests")
        .map(|e| format!("tests/{}", e.expect("entry").file_name().to_string_lossy()))
        .collect();
    tests.sort();
    let mut args = vec!["test", "rules"];
    args.extend(tests.iter().map(String::as_str));
    let output = run_tool("promtool", &args, &dir);
    assert!(output.contains("SUCCESS"), "{output}");

    // Every alert is tested and has its runbook section.
    let alerts: Value =
        serde_yaml_ng::from_str(&read(&dir.join("rules/alerts.yml"))).expect("alerts parse");
    let tested: String = tests
        .iter()
        .map(|test| read(&dir.join(test)))
        .collect::<Vec<_>>()
        .join("\n");
    let runbook = read(&deploy_dir().join("RUNBOOK.md"));
    let mut count = 0;
    for group in alerts["groups"].as_sequence().expect("groups") {
        for rule in group["rules"].as_sequence().expect("rules") {
            let Some(name) = rule["alert"].as_str() else {
                continue;
            };
            count += 1;
            assert!(
                tested.contains(&format!("alertname: {name}\n")),
                "{name} has no rule test"
            );
            assert!(
                runbook.contains(&format!("\n## {name}\n")),
                "{name} has no RUNBOOK section"
            );
            for key in ["summary", "description", "runbook"] {
                assert!(
                    rule["annotations"][key]
                        .as_str()
                        .is_some_and(|v| !v.is_empty()),
                    "{name} has no {key}"
                );
            }
            let anchor = format!("deploy/RUNBOOK.md#{}", name.to_lowercase());
            assert_eq!(
                rule["annotations"]["runbook"].as_str(),
                Some(anchor.as_str())
            );
        }
    }
    assert!(count >= 10, "{count} alerts");
}

/// The objects `kubectl kustomize DIR` renders.
fn render(dir: &str) -> Vec<Value> {
    let text = run_tool("kubectl", &["kustomize", dir], &repo_root());
    // kubectl prints deprecation warnings as comments before the YAML.
    let yaml: String = text
        .lines()
        .filter(|line| !line.starts_with("# Warning"))
        .collect::<Vec<_>>()
        .join("\n");
    serde_yaml_ng::Deserializer::from_str(&yaml)
        .map(|document| Value::deserialize(document).expect("an object"))
        .filter(|value| !value.is_null())
        .collect()
}

fn labels_match(selector: &Value, labels: &Value) -> bool {
    selector
        .as_mapping()
        .is_some_and(|wanted| wanted.iter().all(|(k, v)| &labels[k] == v))
}

fn named<'a>(objects: &'a [Value], kind: &str, name: &str) -> &'a Value {
    objects
        .iter()
        .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} {name}"))
}

#[test]
fn kubernetes_manifests_render_and_match_the_binaries() {
    use tidings_common::amqp::{QueueName, Topology};
    let known = variables_read();
    for dir in ["deploy/k8s/base", "deploy/k8s/overlays/prod"] {
        let objects = render(dir);
        let kinds: BTreeSet<&str> = objects.iter().filter_map(|o| o["kind"].as_str()).collect();
        for kind in [
            "Deployment",
            "Job",
            "ConfigMap",
            "PodDisruptionBudget",
            "ScaledObject",
            "PodMonitor",
        ] {
            assert!(kinds.contains(kind), "{dir}: no {kind}");
        }
        if dir.ends_with("prod") {
            assert!(kinds.contains("RabbitmqCluster") && kinds.contains("Cluster"));
        }
        for object in &objects {
            for field in ["apiVersion", "kind"] {
                assert!(
                    object[field].as_str().is_some(),
                    "{dir}: {object:?} has no {field}"
                );
            }
            assert!(
                object["metadata"]["name"].as_str().is_some(),
                "{dir}: an object without a name"
            );
        }
        let config = named(&objects, "ConfigMap", "tidings-config");
        let settings = config["data"].as_mapping().expect("settings");
        for (key, _) in settings {
            let key = key.as_str().expect("key");
            assert!(
                known.contains(key),
                "{dir}: the ConfigMap sets {key}, which no binary reads"
            );
        }
        let http_addr = config["data"]["TIDINGS_HTTP_ADDR"]
            .as_str()
            .expect("address");
        let port: u64 = http_addr
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("port");
        assert!(!http_addr.starts_with("127."), "probes reach the pod IP");

        let pods: Vec<(&str, &Value)> = objects
            .iter()
            .filter(|o| o["kind"] == "Deployment" || o["kind"] == "Job")
            .map(|o| {
                (
                    o["metadata"]["name"].as_str().unwrap_or_default(),
                    &o["spec"]["template"],
                )
            })
            .collect();
        assert_eq!(pods.len(), 4, "three Deployments and the migrate Job");
        for (name, template) in &pods {
            let spec = &template["spec"];
            assert_eq!(
                spec["securityContext"]["runAsNonRoot"],
                Value::Bool(true),
                "{name}"
            );
            for container in spec["containers"].as_sequence().expect("containers") {
                assert!(
                    container["image"]
                        .as_str()
                        .is_some_and(|i| i.contains("tidings"))
                );
                let args: Vec<&str> = container["args"]
                    .as_sequence()
                    .expect("args")
                    .iter()
                    .filter_map(Value::as_str)
                    .collect();
                parses(&args).unwrap_or_else(|error| panic!("{name}: {args:?}: {error}"));
                for key in ["requests", "limits"] {
                    for resource in ["cpu", "memory"] {
                        assert!(
                            !container["resources"][key][resource].is_null(),
                            "{name}: no {key}.{resource}"
                        );
                    }
                }
                for variable in container["env"].as_sequence().into_iter().flatten() {
                    let variable = variable["name"].as_str().expect("name");
                    assert!(
                        known.contains(variable),
                        "{name}: {variable} is read by no binary"
                    );
                }
                // Credentials come from the one Secret, never in plain text.
                for variable in container["env"].as_sequence().into_iter().flatten() {
                    if let Some(secret) = variable["valueFrom"]["secretKeyRef"].as_mapping() {
                        assert_eq!(
                            secret[&Value::from("name")],
                            "tidings-credentials",
                            "{name}"
                        );
                    }
                    let value = variable["value"].as_str().unwrap_or_default();
                    assert!(
                        !value.contains('@') && !value.to_lowercase().contains("password"),
                        "{name}: a credential in plain text"
                    );
                }
                if name.ends_with("migrate") {
                    continue;
                }
                // Probes: /healthz and /readyz, on the port the binary listens on.
                let ports: Vec<(&str, u64)> = container["ports"]
                    .as_sequence()
                    .expect("ports")
                    .iter()
                    .map(|p| {
                        (
                            p["name"].as_str().unwrap_or_default(),
                            p["containerPort"].as_u64().unwrap_or(0),
                        )
                    })
                    .collect();
                for (probe, path) in [("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")]
                {
                    let get = &container[probe]["httpGet"];
                    assert_eq!(get["path"].as_str(), Some(path), "{name} {probe}");
                    let probed = match &get["port"] {
                        Value::Number(n) => n.as_u64().unwrap_or(0),
                        Value::String(s) => {
                            ports.iter().find(|(n, _)| n == s).map_or(0, |(_, p)| *p)
                        }
                        _ => 0,
                    };
                    assert_eq!(
                        probed, port,
                        "{name} {probe} probes the port the service listens on"
                    );
                }
            }
            if name.ends_with("migrate") {
                continue;
            }
            let grace = spec["terminationGracePeriodSeconds"]
                .as_u64()
                .expect("grace period");
            assert!(
                grace > tidings_common::service::DRAIN_BOUND.as_secs(),
                "{name}: a grace period of {grace} s is not longer than the drain"
            );
        }

        // Disruption budgets, autoscaling and scraping point at real pods.
        let deployments: Vec<&Value> = objects
            .iter()
            .filter(|o| o["kind"] == "Deployment")
            .collect();
        for deployment in &deployments {
            let labels = &deployment["spec"]["template"]["metadata"]["labels"];
            assert!(labels_match(
                &deployment["spec"]["selector"]["matchLabels"],
                labels
            ));
            assert!(
                objects.iter().any(|o| o["kind"] == "PodDisruptionBudget"
                    && labels_match(&o["spec"]["selector"]["matchLabels"], labels)),
                "{:?} has no disruption budget",
                deployment["metadata"]["name"]
            );
            let monitor = named(&objects, "PodMonitor", "tidings");
            assert!(labels_match(
                &monitor["spec"]["selector"]["matchLabels"],
                labels
            ));
        }
        let scaled = named(&objects, "ScaledObject", "tidings-extractor");
        let target = scaled["spec"]["scaleTargetRef"]["name"]
            .as_str()
            .expect("target");
        named(&objects, "Deployment", target);
        let namespace = config["data"]["TIDINGS_NAMESPACE"]
            .as_str()
            .expect("namespace");
        assert_eq!(
            scaled["spec"]["triggers"][0]["metadata"]["queueName"].as_str(),
            Some(
                Topology::new(namespace)
                    .queue(QueueName::ExtractorArticles)
                    .as_str()
            ),
            "KEDA watches the extractor's queue"
        );
        let monitor = named(&objects, "PodMonitor", "tidings");
        let endpoint = &monitor["spec"]["podMetricsEndpoints"][0];
        assert_eq!(endpoint["path"].as_str(), Some("/metrics"));
        assert_eq!(endpoint["port"].as_str(), Some("http"));
    }
}

#[test]
fn the_reprocess_job_runs_the_current_analysis_version() {
    let known = variables_read();
    let job: Value = serde_yaml_ng::from_str(&read(&deploy_dir().join("k8s/jobs/reprocess.yaml")))
        .expect("job parses");
    assert_eq!(job["kind"], "Job");
    let container = &job["spec"]["template"]["spec"]["containers"][0];
    let args: Vec<&str> = container["args"]
        .as_sequence()
        .expect("args")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    parses(&args).unwrap_or_else(|error| panic!("{args:?}: {error}"));
    let version = format!(
        "--older-than-version={}",
        *tidings_nlp::analysis::EXTRACTOR_VERSION
    );
    assert!(
        args.contains(&version.as_str()),
        "the Job names this build's analysis version ({version})"
    );
    for variable in container["env"].as_sequence().into_iter().flatten() {
        let name = variable["name"].as_str().expect("name");
        assert!(known.contains(name), "{name} is read by no binary");
    }
    // Scraped while it runs: the PodMonitor's labels and port.
    let labels = &job["spec"]["template"]["metadata"]["labels"];
    assert_eq!(labels["app.kubernetes.io/part-of"], "tidings");
    assert_eq!(container["ports"][0]["name"], "http");
}
