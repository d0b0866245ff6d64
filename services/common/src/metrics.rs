//! Naming and registration of Prometheus metrics.
//!
//! Every service owns one `Registry` (not the global default, so several
//! services can live in one test process) and builds its metrics through a
//! [`Registrar`], which names them `tidings_<service>_<what>_<unit>`.

use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry,
};

/// Builds metrics for one service into one registry.
#[derive(Clone)]
pub struct Registrar {
    registry: Registry,
    service: &'static str,
}

/// Latency buckets for per-message work, in seconds.
pub const SECONDS_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

impl Registrar {
    /// A fresh registry for `service`, with the process collector.
    pub fn new(service: &'static str) -> Self {
        let registry = Registry::new();
        #[cfg(target_os = "linux")]
        {
            let collector = prometheus::process_collector::ProcessCollector::for_self();
            // Registration only fails on a duplicate, impossible on a new registry.
            let _ = registry.register(Box::new(collector));
        }
        Self { registry, service }
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    fn name(&self, what: &str) -> String {
        format!("tidings_{}_{}", self.service, what)
    }

    fn register<C: prometheus::core::Collector + Clone + 'static>(&self, collector: C) -> C {
        if let Err(error) = self.registry.register(Box::new(collector.clone())) {
            // Only a programming error (a name registered twice) gets here.
            tracing::error!(message = "Metric registration failed.", %error);
        }
        collector
    }

    pub fn counter(&self, what: &str, help: &str) -> IntCounter {
        let counter = IntCounter::with_opts(Opts::new(self.name(what), help))
            .unwrap_or_else(|error| panic!("invalid metric {what}: {error}"));
        self.register(counter)
    }

    pub fn counter_vec(&self, what: &str, help: &str, labels: &[&str]) -> IntCounterVec {
        let counter = IntCounterVec::new(Opts::new(self.name(what), help), labels)
            .unwrap_or_else(|error| panic!("invalid metric {what}: {error}"));
        self.register(counter)
    }

    pub fn gauge(&self, what: &str, help: &str) -> IntGauge {
        let gauge = IntGauge::with_opts(Opts::new(self.name(what), help))
            .unwrap_or_else(|error| panic!("invalid metric {what}: {error}"));
        self.register(gauge)
    }

    pub fn gauge_vec(&self, what: &str, help: &str, labels: &[&str]) -> IntGaugeVec {
        let gauge = IntGaugeVec::new(Opts::new(self.name(what), help), labels)
            .unwrap_or_else(|error| panic!("invalid metric {what}: {error}"));
        self.register(gauge)
    }

    pub fn histogram(&self, what: &str, help: &str, buckets: &[f64]) -> Histogram {
        let opts = HistogramOpts::new(self.name(what), help).buckets(buckets.to_vec());
        let histogram = Histogram::with_opts(opts)
            .unwrap_or_else(|error| panic!("invalid metric {what}: {error}"));
        self.register(histogram)
    }

    pub fn histogram_vec(
        &self,
        what: &str,
        help: &str,
        labels: &[&str],
        buckets: &[f64],
    ) -> HistogramVec {
        let opts = HistogramOpts::new(self.name(what), help).buckets(buckets.to_vec());
        let histogram = HistogramVec::new(opts, labels)
            .unwrap_or_else(|error| panic!("invalid metric {what}: {error}"));
        self.register(histogram)
    }
}

/// The metrics every AMQP-connected service keeps, named alike.
#[derive(Clone)]
pub struct PlumbingMetrics {
    /// Connections rebuilt after a broker or database fault.
    pub reconnects: IntCounter,
    /// Messages sent to a dead-letter queue, by reason.
    pub dead_letters: IntCounterVec,
    /// 1 while the service is ready (as `/readyz` says), read at each scrape.
    pub ready: IntGauge,
}

impl PlumbingMetrics {
    pub fn new(registrar: &Registrar) -> Self {
        let metrics = Self {
            reconnects: registrar.counter(
                "reconnects_total",
                "Connections to the broker or database rebuilt after a fault.",
            ),
            dead_letters: registrar.counter_vec(
                "dead_letters_total",
                "Messages sent to a dead-letter queue, by reason.",
                &["reason"],
            ),
            ready: registrar.gauge(
                "ready",
                "1 while the service is ready to work (as /readyz answers), else 0.",
            ),
        };
        for reason in crate::amqp::DeadLetterReason::ALL {
            metrics.dead_letters.with_label_values(&[reason.as_str()]);
        }
        metrics
    }
}

/// Creates the series of `counter` for each of `label_sets` at 0, so that
/// rates and alerts see them before the first increment.
pub fn initialise(counter: &IntCounterVec, label_sets: &[&[&str]]) {
    for labels in label_sets {
        counter.with_label_values(labels);
    }
}

impl PlumbingMetrics {
    /// Logs and counts a message on its way to a dead-letter queue, from
    /// one spot, so every logged dead letter is also counted.
    pub fn dead_lettering(&self, queue: &str, reason: &str, detail: &str, delivery_tag: u64) {
        tracing::warn!(
            message = "Dead-lettering a message.",
            queue,
            reason,
            error = detail,
            delivery_tag
        );
        self.dead_letters.with_label_values(&[reason]).inc();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_convention() {
        let registrar = Registrar::new("demo");
        let counter = registrar.counter("things_total", "Things.");
        counter.inc();
        let names: Vec<String> = registrar
            .registry()
            .gather()
            .iter()
            .map(|family| family.name().to_owned())
            .collect();
        assert!(
            names.contains(&"tidings_demo_things_total".to_owned()),
            "{names:?}"
        );
    }
}
