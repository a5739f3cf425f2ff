//! The resend guard: a second resend of the same order or line item within 30 s fails at once,
//! without a request (Tango would answer 403 `403.005`).

use std::collections::HashMap;

/// Tango's limit: one resend per order (or line item) per 30 seconds.
pub const RESEND_INTERVAL_MS: f64 = crate::rules::RESEND_INTERVAL_MS as f64;

/// When each order or line item was last resent by this client.
#[derive(Clone, Debug, Default)]
pub struct ResendGuard {
    last: HashMap<String, f64>,
}

impl ResendGuard {
    /// How long until `key` may be resent, or `None` when it may be now.
    pub fn wait_ms(&self, key: &str, now_ms: f64) -> Option<u64> {
        let last = *self.last.get(key)?;
        let wait = last + RESEND_INTERVAL_MS - now_ms;
        (wait > 0.0).then(|| wait.ceil() as u64)
    }

    /// Records a resend of `key` at `now_ms` (before it is sent: a lost answer still counts).
    pub fn record(&mut self, key: &str, now_ms: f64) {
        self.last.retain(|_, at| now_ms - *at < RESEND_INTERVAL_MS);
        self.last.insert(key.to_owned(), now_ms);
    }

    /// Forgets `key` (its resend was refused before Tango acted on it).
    pub fn forget(&mut self, key: &str) {
        self.last.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_resend_within_30_seconds_must_wait() {
        let mut guard = ResendGuard::default();
        assert_eq!(guard.wait_ms("order:RA1", 0.0), None);
        guard.record("order:RA1", 0.0);
        assert_eq!(guard.wait_ms("order:RA1", 10_000.0), Some(20_000));
        assert_eq!(guard.wait_ms("order:RA2", 10_000.0), None);
        assert_eq!(guard.wait_ms("order:RA1", 30_000.0), None);
        guard.forget("order:RA1");
        assert_eq!(guard.wait_ms("order:RA1", 1.0), None);
    }
}
