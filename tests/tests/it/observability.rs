//! What operators and analysts watch, against the running pipeline: a real
//! Prometheus server (Debian's) with the project's configuration and rules
//! scrapes the three services (and RabbitMQ's plugin where it is enabled);
//! every target is up, every recording rule returns series, every alert
//! rule evaluates, every PromQL query of the pipeline dashboard is valid
//! and answers; `promtool check metrics` passes on each service's output;
//! and every SQL query of the news dashboard, with Grafana's macros and
//! variables expanded as Grafana would, runs as `tidings_reader` against a
//! read model fed the sample and a few hundred real stories, and returns
//! rows.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::helpers::{TestEnv, role_url, sample_dir};

fn deploy_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy")
}

/// Up to 300 dated Reuters-21578 stories as a JSON Lines dump, when
/// `../shared/data` is here; else nothing (the sample alone feeds the
/// read model).
fn reuters_dump(dir: &Path) -> Option<PathBuf> {
    let sgm =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/reuters21578/reut2-000.sgm");
    let bytes = std::fs::read(sgm).ok()?;
    let stories = tidings_lab::corpus::reuters_stories(&tidings_lab::corpus::latin1(&bytes));
    let path = dir.join("reuters.jsonl");
    let mut file = std::fs::File::create(&path).ok()?;
    for story in stories
        .iter()
        .filter(|s| s.date.is_some() && s.body.len() > 200)
        .take(300)
    {
        let line = serde_json::json!({
            "url": format!("https://reuters.example/{}", story.newid),
            "title": story.title,
            "published_at": story.date.map(|d| d.to_string()),
            "body": story.body,
        });
        writeln!(file, "{line}").ok()?;
    }
    Some(path)
}

/// The pipeline with a fetcher service too, fed articles.
struct Running {
    env: TestEnv,
    fetcher_addr: SocketAddr,
    fetcher_stop: CancellationToken,
    fetcher: tokio::task::JoinHandle<anyhow::Result<()>>,
    site_stop: CancellationToken,
    dir: PathBuf,
}

async fn running_pipeline() -> Running {
    let env = TestEnv::start_with(|_, projector| projector.batch_size = 100).await;
    let dir = std::env::temp_dir().join(format!("{}-observability", env.namespace));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // One feed, empty, served here: the fetcher polls it and reports it.
    let site = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let site_addr = site.local_addr().expect("addr");
    let site_stop = CancellationToken::new();
    let stop = site_stop.clone();
    let app = axum::Router::new().route(
        "/feed.xml",
        axum::routing::get(|| async {
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quiet</title>\
             <link>http://example.org/</link><description>none</description></channel></rss>"
        }),
    );
    tokio::spawn(async move {
        axum::serve(site, app)
            .with_graceful_shutdown(async move { stop.cancelled().await })
            .await
    });
    let feeds = dir.join("feeds.txt");
    std::fs::write(&feeds, format!("http://{site_addr}/feed.xml Quiet\n")).expect("feeds");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let fetcher_addr = listener.local_addr().expect("addr");
    let settings = tidings_fetcher::RunSettings {
        base: env.fetcher_settings(),
        http_addr: fetcher_addr,
        feeds,
        poll_interval_seconds: 3600,
        per_host_delay_ms: 10,
        fetch_timeout_seconds: 5,
        allow_private_addresses: true,
        allowed_networks: Vec::new(),
        ingest_token: None,
        html_max_elements: 200_000,
        html_max_depth: 512,
    };
    let fetcher_stop = CancellationToken::new();
    let fetcher = tokio::spawn(tidings_fetcher::run(
        settings,
        listener,
        fetcher_stop.clone(),
    ));

    let mut paths = vec![sample_dir()];
    paths.extend(reuters_dump(&dir));
    let report = tidings_fetcher::ingest_paths(&env.fetcher_settings(), &paths)
        .await
        .expect("ingest");
    // One article through the fetcher service itself.
    let mut posted = None;
    for _ in 0..100 {
        match reqwest::Client::new()
            .post(format!("http://{fetcher_addr}/articles"))
            .header("content-type", "application/json")
            .body(r#"{"title":"Posted","published_at":"2023-06-18","body":"Antony Blinken met Qin Gang in Beijing on Sunday and urged China to keep talking."}"#)
            .send()
            .await
        {
            Ok(response) if response.status() == 202 => {
                posted = Some(());
                break;
            }
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    posted.expect("the fetcher service takes a POST");
    let expected = report.published as i64 + 1;
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let done = env
            .count("SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL")
            .await;
        if done == expected {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{done} of {expected} articles projected"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Running {
        env,
        fetcher_addr,
        fetcher_stop,
        fetcher,
        site_stop,
        dir,
    }
}

impl Running {
    fn addrs(&self) -> [(&'static str, SocketAddr); 3] {
        [
            ("fetcher", self.fetcher_addr),
            ("extractor", self.env.extractor_addr),
            ("projector", self.env.projector_addr),
        ]
    }

    async fn finish(self) {
        self.fetcher_stop.cancel();
        self.fetcher
            .await
            .expect("fetcher task")
            .expect("fetcher exits cleanly");
        self.site_stop.cancel();
        let _ = std::fs::remove_dir_all(&self.dir);
        self.env.finish().await;
    }
}

/// A Prometheus server, stopped when dropped.
struct Prometheus {
    child: Child,
    url: String,
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn rabbitmq_plugin_enabled() -> bool {
    std::net::TcpStream::connect_timeout(
        &"127.0.0.1:15692".parse().expect("address"),
        Duration::from_millis(500),
    )
    .is_ok()
}

/// Starts Prometheus with the project's configuration and rules, scraping
/// every second, pointed at `targets`.
async fn start_prometheus(dir: &Path, targets: &[(&str, SocketAddr)]) -> Prometheus {
    let config = std::fs::read_to_string(deploy_dir().join("prometheus/prometheus.yml"))
        .expect("prometheus.yml")
        .replace("scrape_interval: 15s", "scrape_interval: 1s")
        .replace("evaluation_interval: 15s", "evaluation_interval: 1s");
    let root = dir.join("prometheus");
    std::fs::create_dir_all(root.join("rules")).expect("rules dir");
    std::fs::create_dir_all(root.join("targets")).expect("targets dir");
    std::fs::write(root.join("prometheus.yml"), config).expect("config");
    for entry in std::fs::read_dir(deploy_dir().join("prometheus/rules")).expect("rules") {
        let path = entry.expect("entry").path();
        std::fs::copy(
            &path,
            root.join("rules").join(path.file_name().expect("name")),
        )
        .expect("copy rule file");
    }
    let tidings: String = targets
        .iter()
        .map(|(service, addr)| {
            format!("- targets: [\"{addr}\"]\n  labels: {{ service: {service} }}\n")
        })
        .collect();
    std::fs::write(root.join("targets/tidings.yml"), tidings).expect("targets");
    let rabbitmq = if rabbitmq_plugin_enabled() {
        "- targets: [\"127.0.0.1:15692\"]\n  labels: { service: rabbitmq }\n"
    } else {
        "[]\n"
    };
    std::fs::write(root.join("targets/rabbitmq.yml"), rabbitmq).expect("targets");
    let listen = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port");
    let child = Command::new("prometheus")
        .arg(format!(
            "--config.file={}",
            root.join("prometheus.yml").display()
        ))
        .arg(format!(
            "--storage.tsdb.path={}",
            root.join("data").display()
        ))
        .arg(format!("--web.listen-address={listen}"))
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(root.join("prometheus.log")).expect("log"))
        .spawn()
        .expect("prometheus starts (`make services` installs Debian's prometheus)");
    let prometheus = Prometheus {
        child,
        url: format!("http://{listen}"),
    };
    for _ in 0..200 {
        if reqwest::get(format!("{}/-/ready", prometheus.url))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return prometheus;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("prometheus never became ready");
}

async fn api(prometheus: &Prometheus, path: &str, query: &[(&str, &str)]) -> Value {
    let mut url = reqwest::Url::parse(&format!("{}/api/v1/{path}", prometheus.url)).expect("url");
    url.query_pairs_mut().extend_pairs(query);
    let response = reqwest::get(url).await.expect("prometheus answers");
    let text = response.text().await.expect("body");
    serde_json::from_str(&text).expect("json")
}

/// Every PromQL expression of a dashboard.
fn dashboard_expressions(name: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(deploy_dir().join(format!("grafana/dashboards/{name}.json")))
            .expect("dashboard");
    let dashboard: Value = serde_json::from_str(&text).expect("dashboard parses");
    dashboard["panels"]
        .as_array()
        .expect("panels")
        .iter()
        .flat_map(|panel| panel["targets"].as_array().cloned().unwrap_or_default())
        .filter_map(|target| target["expr"].as_str().map(str::to_owned))
        .collect()
}

/// Grafana's PostgreSQL macros and the dashboard's variables, expanded as
/// Grafana expands them.
fn expand(sql: &str, from: &str, to: &str, variables: &[(&str, &str)]) -> String {
    let mut out = sql.to_owned();
    out = out.replace("$__timeFrom()", &format!("'{from}'"));
    out = out.replace("$__timeTo()", &format!("'{to}'"));
    while let Some(start) = out.find("$__timeFilter(") {
        let end = start + out[start..].find(')').expect("closed macro");
        let column = &out[start + "$__timeFilter(".len()..end];
        let expanded = format!("{column} BETWEEN '{from}' AND '{to}'");
        out.replace_range(start..=end, &expanded);
    }
    while let Some(start) = out.find("$__timeGroupAlias(") {
        let args_start = start + "$__timeGroupAlias(".len();
        // The column may hold parentheses: find the macro's own close.
        let mut depth = 1;
        let mut end = args_start;
        for (i, c) in out[args_start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = args_start + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let args = &out[args_start..end];
        let (column, interval) = args.rsplit_once(',').expect("column, interval");
        let seconds = match interval.trim().trim_matches('\'') {
            "1d" => 86_400,
            "1h" => 3_600,
            "1m" => 60,
            other => panic!("interval {other} not expanded here"),
        };
        let expanded = format!(
            "floor(extract(epoch from {})/{seconds})*{seconds} AS \"time\"",
            column.trim()
        );
        out.replace_range(start..=end, &expanded);
    }
    for (name, value) in variables {
        out = out.replace(&format!("${{{name}}}"), value);
        out = out.replace(&format!("${name}"), value);
    }
    assert!(!out.contains('$'), "unexpanded macro or variable in {out}");
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prometheus_and_grafana_see_the_running_pipeline() {
    let running = running_pipeline().await;

    // promtool's linter on each service's exposition.
    for (service, addr) in running.addrs() {
        let text = crate::helpers::metrics(addr).await;
        let mut child = Command::new("promtool")
            .args(["check", "metrics"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("promtool (`make services` installs it)");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write metrics");
        let output = child.wait_with_output().expect("promtool ends");
        assert!(
            output.status.success(),
            "promtool check metrics on the {service}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    // The news dashboard's SQL, as the dashboards' read-only role.
    let reader = tidings_common::db::connect(&role_url("tidings_reader", &running.env.database))
        .await
        .expect("reader connects");
    let range = reader
        .query_one(
            "SELECT to_char(min(published_at) - interval '1 day', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                    to_char(max(published_at) + interval '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
               FROM articles",
            &[],
        )
        .await
        .expect("time range");
    let (from, to): (String, String) = (range.get(0), range.get(1));
    let news: Value = serde_json::from_str(
        &std::fs::read_to_string(deploy_dir().join("grafana/dashboards/news.json")).expect("news"),
    )
    .expect("news parses");
    let mut choices: Vec<(String, String)> = Vec::new();
    for variable in news["templating"]["list"].as_array().expect("variables") {
        let name = variable["name"].as_str().expect("name");
        let query = expand(variable["query"].as_str().expect("query"), &from, &to, &[]);
        let rows = reader
            .query(&query, &[])
            .await
            .unwrap_or_else(|error| panic!("variable {name}: {error}\n{query}"));
        assert!(!rows.is_empty(), "variable {name} offers nothing");
        let first: String = rows[0].get(0);
        let value = if variable["includeAll"] == Value::Bool(true) {
            variable["allValue"].as_str().expect("allValue").to_owned()
        } else {
            first
        };
        choices.push((name.to_owned(), value));
    }
    let variables: Vec<(&str, &str)> = choices
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let mut queries = 0;
    for panel in news["panels"].as_array().expect("panels") {
        let title = panel["title"].as_str().unwrap_or_default();
        for target in panel["targets"].as_array().expect("targets") {
            let sql = expand(
                target["rawSql"].as_str().expect("rawSql"),
                &from,
                &to,
                &variables,
            );
            let rows = reader
                .query(&sql, &[])
                .await
                .unwrap_or_else(|error| panic!("panel {title}: {error}\n{sql}"));
            assert!(!rows.is_empty(), "panel {title} shows nothing:\n{sql}");
            queries += 1;
        }
    }
    assert!(queries >= 8, "{queries} queries");

    // A real Prometheus with the project's configuration and rules.
    let targets = running.addrs();
    let prometheus = start_prometheus(&running.dir, &targets).await;
    let expected_targets = targets.len() + usize::from(rabbitmq_plugin_enabled());
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let answer = api(&prometheus, "targets", &[]).await;
        let active = answer["data"]["activeTargets"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let up = active.iter().filter(|t| t["health"] == "up").count();
        if active.len() == expected_targets && up == expected_targets {
            break;
        }
        assert!(Instant::now() < deadline, "targets not all up: {active:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // Some traffic after the first scrapes, so rates have something to see.
    tidings_fetcher::ingest_paths(&running.env.fetcher_settings(), &[sample_dir()])
        .await
        .expect("ingest again");

    let rules = api(&prometheus, "rules", &[]).await;
    let groups = rules["data"]["groups"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut recording = Vec::new();
    let mut alerts = 0;
    for group in &groups {
        for rule in group["rules"].as_array().cloned().unwrap_or_default() {
            match rule["type"].as_str() {
                Some("recording") => {
                    recording.push(rule["name"].as_str().unwrap_or_default().to_owned())
                }
                Some("alerting") => alerts += 1,
                _ => {}
            }
        }
    }
    assert!(
        recording.len() >= 10 && alerts >= 10,
        "{recording:?}, {alerts} alerts"
    );
    for name in &recording {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let answer = api(&prometheus, "query", &[("query", name)]).await;
            let series = answer["data"]["result"].as_array().map_or(0, Vec::len);
            if series > 0 {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "recording rule {name} returns no series: {answer}"
            );
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
    // Every rule evaluates without error.
    let rules = api(&prometheus, "rules", &[]).await;
    for group in rules["data"]["groups"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        for rule in group["rules"].as_array().cloned().unwrap_or_default() {
            assert_eq!(
                rule["health"], "ok",
                "rule {} : {}",
                rule["name"], rule["lastError"]
            );
        }
    }

    // The pipeline dashboard's PromQL: valid for promtool, and answered.
    let expressions = dashboard_expressions("pipeline");
    let rule_file = running.dir.join("dashboard-expressions.yml");
    let rules: String = expressions
        .iter()
        .enumerate()
        .map(|(i, expr)| {
            format!(
                "      - record: dashboard:expression_{i}\n        expr: {}\n",
                serde_json::to_string(expr).expect("quoted")
            )
        })
        .collect();
    std::fs::write(
        &rule_file,
        format!("groups:\n  - name: dashboard\n    rules:\n{rules}"),
    )
    .expect("rule file");
    let output = Command::new("promtool")
        .args(["check", "rules"])
        .arg(&rule_file)
        .output()
        .expect("promtool");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    for expr in &expressions {
        let answer = api(&prometheus, "query", &[("query", expr)]).await;
        assert_eq!(answer["status"], "success", "{expr}: {answer}");
        // The broker's series exist where its plugin runs; a reprocess's
        // only while one runs.
        let from_broker = expr.contains("rabbitmq_");
        let from_reprocess = expr.contains("tidings_reprocess_");
        if !from_reprocess && (!from_broker || rabbitmq_plugin_enabled()) {
            let series = answer["data"]["result"].as_array().map_or(0, Vec::len);
            assert!(series > 0, "{expr} returns no series");
        }
    }

    drop(prometheus);
    running.finish().await;
}
