//! Fault injection, off by default: latency, server errors, bursts of 429, and "commit the order,
//! then drop the response" (the case idempotent retries exist for).

use serde::{Deserialize, Serialize};

/// Which faults to inject, and how often. Every rate is a probability per request, from 0 to 1,
/// drawn from the simulator's seeded random source, so a run with the same seed fails the same way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Faults {
    /// Added to every answer, in milliseconds. A create stays "in progress" (409 for a repeat of
    /// its `externalRefID`) for this long.
    pub latency_ms: u64,
    /// Share of requests answered 500, 502, 503 or 504 before anything is done.
    pub server_error_rate: f64,
    /// Share of requests that start a burst of 429s.
    pub rate_limit_burst_rate: f64,
    /// How many requests a burst of 429s lasts (at least 1).
    pub rate_limit_burst_length: u32,
    /// Share of successful creates whose order is committed but whose response is lost.
    pub drop_after_commit_rate: f64,
}

impl Faults {
    /// Whether any fault is on.
    pub fn any(&self) -> bool {
        self.latency_ms > 0
            || self.server_error_rate > 0.0
            || self.rate_limit_burst_rate > 0.0
            || self.drop_after_commit_rate > 0.0
    }
}
