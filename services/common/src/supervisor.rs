//! Keeps a unit of work running across broker and database faults: run it,
//! and when it fails, wait with bounded exponential backoff and run it again
//! (it rebuilds its own connections, channels and consumers).

use std::future::Future;
use std::time::Duration;

use prometheus::IntCounter;
use tokio_util::sync::CancellationToken;

use crate::Health;

/// Bounded exponential backoff: 250 ms doubling to 30 s.
#[derive(Debug, Clone)]
pub struct Backoff {
    current: Duration,
    min: Duration,
    max: Duration,
}

impl Default for Backoff {
    fn default() -> Self {
        Self::new(Duration::from_millis(250), Duration::from_secs(30))
    }
}

impl Backoff {
    pub fn new(min: Duration, max: Duration) -> Self {
        Self {
            current: min,
            min,
            max,
        }
    }

    /// The next delay; doubles up to the maximum.
    pub fn next_delay(&mut self) -> Duration {
        let delay = self.current;
        self.current = (self.current * 2).min(self.max);
        delay
    }

    pub fn reset(&mut self) {
        self.current = self.min;
    }
}

/// Runs `work` until it returns `Ok` (a clean stop after shutdown) or
/// `shutdown` is cancelled. Each failure is logged and counted, readiness is
/// dropped, and the work restarts after a backoff. A run that lasted longer
/// than a minute resets the backoff.
pub async fn supervise<F, Fut>(
    name: &'static str,
    shutdown: CancellationToken,
    health: &Health,
    reconnects: &IntCounter,
    mut work: F,
) where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let mut backoff = Backoff::default();
    loop {
        let started = tokio::time::Instant::now();
        match work().await {
            Ok(()) => return,
            Err(error) => {
                health.set_amqp(false);
                health.set_database(false);
                if shutdown.is_cancelled() {
                    tracing::info!(message = "Worker stopped during shutdown.", worker = name, error = %format!("{error:#}"));
                    return;
                }
                if started.elapsed() > Duration::from_secs(60) {
                    backoff.reset();
                }
                let delay = backoff.next_delay();
                reconnects.inc();
                tracing::warn!(
                    message = "Worker failed; reconnecting.",
                    worker = name,
                    error = %format!("{error:#}"),
                    retry_in_ms = delay.as_millis() as u64,
                );
                tokio::select! {
                    () = tokio::time::sleep(delay) => {}
                    () = shutdown.cancelled() => return,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_bounded() {
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_millis(350));
        let delays: Vec<u128> = (0..5).map(|_| backoff.next_delay().as_millis()).collect();
        assert_eq!(delays, [100, 200, 350, 350, 350]);
        backoff.reset();
        assert_eq!(backoff.next_delay().as_millis(), 100);
    }

    #[tokio::test(start_paused = true)]
    async fn failing_work_is_retried_until_it_succeeds() {
        let health = Health::new(false);
        let reconnects = IntCounter::new("r", "r").expect("valid metric");
        let mut attempts = 0;
        supervise(
            "test",
            CancellationToken::new(),
            &health,
            &reconnects,
            || {
                attempts += 1;
                let fail = attempts < 4;
                async move {
                    if fail {
                        anyhow::bail!("broker down")
                    }
                    Ok(())
                }
            },
        )
        .await;
        assert_eq!(attempts, 4);
        assert_eq!(reconnects.get(), 3);
    }
}
