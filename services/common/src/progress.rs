//! Progress of a long command (`ingest`, `rebuild`, `reprocess`) that a
//! person can watch: on a terminal, a bar with count, rate and ETA; in a
//! log (a Job, a pipe), a structured line every few seconds with the same
//! figures.

use std::io::IsTerminal as _;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often the log form reports.
const LOG_EVERY: Duration = Duration::from_secs(5);

/// A count moving towards an optional total.
pub struct Progress {
    what: &'static str,
    total: Option<u64>,
    done: u64,
    started: Instant,
    bar: Option<ProgressBar>,
    last_log: Instant,
}

impl Progress {
    /// Starts counting `what` ("articles", "events") towards `total` when
    /// it is known: a bar when stderr is a terminal, log lines otherwise.
    pub fn new(what: &'static str, total: Option<u64>) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| bar(what, total));
        Self {
            what,
            total,
            done: 0,
            started: Instant::now(),
            bar,
            last_log: Instant::now(),
        }
    }

    /// A progress that shows nothing (tests, library callers).
    pub fn hidden(what: &'static str, total: Option<u64>) -> Self {
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
        Self {
            what,
            total,
            done: 0,
            started: Instant::now(),
            bar: Some(bar),
            last_log: Instant::now(),
        }
    }

    pub fn set_total(&mut self, total: u64) {
        self.total = Some(total);
        if let Some(bar) = &self.bar {
            bar.set_length(total);
        }
    }

    pub fn inc(&mut self, n: u64) {
        self.done += n;
        match &self.bar {
            Some(bar) => bar.inc(n),
            None if self.last_log.elapsed() >= LOG_EVERY => {
                self.last_log = Instant::now();
                self.log("Progress.");
            }
            None => {}
        }
    }

    /// A short note beside the bar (or in the next log line): "paused:
    /// live queue deep".
    pub fn note(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.set_message(message.to_owned()),
            None => tracing::info!(message = "Progress note.", what = self.what, note = message),
        }
    }

    pub fn done(&self) -> u64 {
        self.done
    }

    /// Items per second so far.
    pub fn rate(&self) -> f64 {
        self.done as f64 / self.started.elapsed().as_secs_f64().max(1e-9)
    }

    pub fn finish(self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        self.log("Finished.");
    }

    fn log(&self, message: &'static str) {
        let rate = self.rate();
        let eta = self
            .total
            .filter(|_| rate > 0.0)
            .map(|total| total.saturating_sub(self.done) as f64 / rate);
        tracing::info!(
            message,
            what = self.what,
            done = self.done,
            total = self.total,
            per_second = (rate * 10.0).round() / 10.0,
            eta_seconds = eta.map(|s| s.round() as u64),
            elapsed_seconds = self.started.elapsed().as_secs(),
        );
    }
}

fn bar(what: &str, total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            format!(
                "{{spinner}} {what} [{{bar:40}}] {{human_pos}}/{{human_len}} {{per_sec}} ETA {{eta}} {{msg}}"
            ),
        ),
        None => (
            ProgressBar::new_spinner(),
            format!("{{spinner}} {what} {{human_pos}} {{per_sec}} {{elapsed}} {{msg}}"),
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_rates() {
        let mut progress = Progress::hidden("articles", Some(10));
        progress.inc(4);
        progress.inc(6);
        assert_eq!(progress.done(), 10);
        assert!(progress.rate() > 0.0);
        progress.finish();
    }
}
