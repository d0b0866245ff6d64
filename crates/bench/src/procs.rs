//! The services as child processes, as they run in production, and what
//! the kernel says they cost: CPU seconds and peak resident memory.

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running service.
pub struct Service {
    pub name: String,
    pub addr: SocketAddr,
    child: Child,
}

/// A free loopback port.
pub fn free_addr() -> anyhow::Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?)
}

impl Service {
    /// Starts `binary run` with the environment `env`.
    pub fn start(
        bin: &Path,
        binary: &str,
        name: &str,
        env: &[(&str, String)],
        log: &Path,
    ) -> anyhow::Result<Self> {
        let addr = free_addr()?;
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)?;
        let child = Command::new(bin.join(binary))
            .arg("run")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .env("TIDINGS_HTTP_ADDR", addr.to_string())
            .env(
                "RUST_LOG",
                env.iter()
                    .find(|(k, _)| *k == "RUST_LOG")
                    .map_or("warn", |(_, v)| v.as_str()),
            )
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()?;
        Ok(Self {
            name: name.to_owned(),
            addr,
            child,
        })
    }

    pub async fn wait_ready(&self) -> anyhow::Result<()> {
        let url = format!("http://{}/readyz", self.addr);
        for _ in 0..600 {
            if reqwest::get(&url)
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::bail!("{} never became ready", self.name)
    }

    pub async fn metrics(&self) -> anyhow::Result<String> {
        Ok(reqwest::get(format!("http://{}/metrics", self.addr))
            .await?
            .text()
            .await?)
    }

    /// CPU seconds (user + system) and peak RSS in MiB so far.
    pub fn usage(&self) -> Option<(f64, f64)> {
        usage_of(self.child.id())
    }

    /// SIGKILL: no drain, no goodbye, as when a node dies.
    pub fn kill(mut self) -> anyhow::Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }

    /// SIGTERM, then wait for the drain.
    pub fn stop(mut self) -> anyhow::Result<()> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..300 {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.child.kill()?;
        Ok(())
    }
}

/// A harness that fails half-way leaves no service running behind it.
impl Drop for Service {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// CPU seconds and peak RSS (MiB) of process `pid`, from /proc.
pub fn usage_of(pid: u32) -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    let ticks = 100.0; // USER_HZ on Linux
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let peak_kib: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(((utime + stime) / ticks, peak_kib / 1024.0))
}

/// CPU seconds used so far by every process whose command is `name`
/// (`beam.smp` for RabbitMQ, `postgres` for PostgreSQL and its backends).
pub fn cpu_of_command(name: &str) -> f64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim() == name)
        })
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let rest = stat.rsplit_once(')')?.1;
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let utime: f64 = fields.get(11)?.parse().ok()?;
            let stime: f64 = fields.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .sum()
}

/// Quantile `q` of a Prometheus histogram in `text` named `name`, by
/// linear interpolation inside the bucket that holds it.
pub fn histogram_quantile(text: &str, name: &str, q: f64) -> Option<f64> {
    let mut buckets: Vec<(f64, f64)> = text
        .lines()
        .filter(|l| l.starts_with(&format!("{name}_bucket")))
        .filter_map(|l| {
            let le = l.split("le=\"").nth(1)?.split('"').next()?;
            let bound = if le == "+Inf" {
                f64::INFINITY
            } else {
                le.parse().ok()?
            };
            let count: f64 = l.rsplit(' ').next()?.parse().ok()?;
            Some((bound, count))
        })
        .collect();
    buckets.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total = buckets.last()?.1;
    if total == 0.0 {
        return None;
    }
    let rank = q * total;
    let mut previous = (0.0, 0.0);
    for &(bound, count) in &buckets {
        if count >= rank {
            if bound.is_infinite() {
                return Some(previous.0);
            }
            let span = count - previous.1;
            let share = if span > 0.0 {
                (rank - previous.1) / span
            } else {
                1.0
            };
            return Some(previous.0 + (bound - previous.0) * share);
        }
        previous = (bound, count);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_inside_buckets() {
        let text = "x_bucket{le=\"1\"} 50\nx_bucket{le=\"2\"} 100\nx_bucket{le=\"+Inf\"} 100\n";
        assert_eq!(histogram_quantile(text, "x", 0.5), Some(1.0));
        assert_eq!(histogram_quantile(text, "x", 0.75), Some(1.5));
        assert_eq!(histogram_quantile("", "x", 0.5), None);
    }

    #[test]
    fn this_process_has_a_cost() {
        let (cpu, rss) = usage_of(std::process::id()).expect("/proc");
        assert!(cpu >= 0.0 && rss > 0.0);
    }
}
