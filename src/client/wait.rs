//! `wait_for_order`: reads an order until its status is final. Orders stay `PENDING` while Tango
//! works on them (a physical reward is printed and mailed; some digital ones take a while), and
//! Tango has no push for it: a caller polls. This does it the way Tango's limits want it — starting
//! about a second apart, backing off to at most 30 s, jittered so that many waiters do not read in
//! step, and pausing as long as a 429 asks.

use super::config::Limits;
use super::{decode_body, CallOptions, Client, Endpoint, Runtime, Transport};
use crate::error::Error;
use crate::model::{Order, OrderStatus};
use serde::Deserialize;

/// How long a wait lasts when the caller does not say: 10 minutes.
pub const WAIT_TIMEOUT_MS: u64 = 600_000;
/// The waits a caller may ask for: 1 ms to one day.
pub const WAIT_TIMEOUT: Limits = Limits {
    min: 1.0,
    max: 86_400_000.0,
    whole: true,
    text: "from 1 to 86400000",
};
/// The pause after the first read that was not final, before jitter.
pub const FIRST_POLL_MS: u64 = 1_000;
/// The longest pause between two reads, before jitter.
pub const MAX_POLL_MS: u64 = 30_000;

/// The pause before read number `reads + 1`: `FIRST_POLL_MS` doubling up to `MAX_POLL_MS`, of
/// which a random half ("equal jitter": never less than half, so a waiter never reads in a burst).
pub fn poll_pause_ms(reads: u32, random: f64) -> u64 {
    let doubled = FIRST_POLL_MS.saturating_mul(1 << reads.saturating_sub(1).min(16));
    let pause = doubled.min(MAX_POLL_MS);
    pause / 2 + (random.clamp(0.0, 1.0) * (pause / 2) as f64) as u64
}

impl<T: Transport, R: Runtime> Client<T, R> {
    /// Reads the order `id` until its status is final (COMPLETE, FAILED, CANCELLED, PARTIAL,
    /// DELETED) and returns it. `on_status` sees the order at each read whose status differs from
    /// the read before (the first read included).
    ///
    /// - `timeout_ms` (default [`WAIT_TIMEOUT_MS`], in [`WAIT_TIMEOUT`]): how long to
    ///   wait in all; then [`Error::WaitTimeout`] with the last status seen (kind `timeout`). The
    ///   last read is made when the time runs out.
    /// - `options`: each read's settings and the signal, which ends the wait at once (`aborted`).
    /// - A read rate-limited (429) after its own retries does not end the wait: the next read
    ///   comes after the pause it asked for, at the least. Any other failed read ends it with that
    ///   read's error.
    pub async fn wait_for_order(
        &self,
        id: &str,
        timeout_ms: Option<u64>,
        options: &CallOptions,
        on_status: &mut dyn FnMut(&Order),
    ) -> Result<Order, Error> {
        let read = |body: String| {
            let order: Order = decode_body(&body)?;
            let status = order.status.clone();
            Ok((order, status))
        };
        self.wait_with(id, timeout_ms, options, &read, on_status)
            .await
    }

    /// [`Client::wait_for_order`] with the order's body left for the caller to decode (JavaScript's
    /// decode.js does, for a smaller module): each read's body is read only for its status.
    pub async fn wait_for_order_body(
        &self,
        id: &str,
        timeout_ms: Option<u64>,
        options: &CallOptions,
        on_status: &mut dyn FnMut(&String),
    ) -> Result<String, Error> {
        /// The one field a wait reads of each body.
        #[derive(Deserialize)]
        struct StatusOnly {
            status: Option<OrderStatus>,
        }
        let read = |body: String| {
            let only: StatusOnly = decode_body(&body)?;
            Ok((body, only.status))
        };
        self.wait_with(id, timeout_ms, options, &read, on_status)
            .await
    }

    /// The wait, over `read`, which makes each read's body into what the wait returns and the
    /// order's status.
    async fn wait_with<O>(
        &self,
        id: &str,
        timeout_ms: Option<u64>,
        options: &CallOptions,
        read: &dyn Fn(String) -> Result<(O, Option<OrderStatus>), Error>,
        on_status: &mut dyn FnMut(&O),
    ) -> Result<O, Error> {
        options.check()?;
        let timeout_ms = timeout_ms.unwrap_or(WAIT_TIMEOUT_MS);
        WAIT_TIMEOUT.check("timeoutMs", timeout_ms as f64)?;
        let deadline = self.runtime.now_ms() + timeout_ms as f64;
        let mut last_status: Option<String> = None;
        let mut reads = 0;
        loop {
            reads += 1;
            let mut at_least_ms = 0;
            match self
                .call(Endpoint::GetOrder(id), options)
                .await
                .and_then(read)
            {
                Ok((order, order_status)) => {
                    let status = order_status.as_ref().map(|s| s.as_str().to_owned());
                    let changed = reads == 1 || status != last_status;
                    last_status = status;
                    if changed {
                        on_status(&order);
                    }
                    if order_status.as_ref().is_some_and(|s| s.is_final()) {
                        return Ok(order);
                    }
                }
                Err(Error::Api(api)) if api.status == 429 => {
                    at_least_ms = api.retry_after_ms.unwrap_or(FIRST_POLL_MS);
                }
                Err(error) => return Err(error),
            }
            let left_ms = deadline - self.runtime.now_ms();
            if left_ms <= 0.0 {
                return Err(Error::WaitTimeout {
                    timeout_ms,
                    last_status,
                });
            }
            let pause_ms = poll_pause_ms(reads, self.runtime.random()).max(at_least_ms);
            let wake_at = self.runtime.now_ms() + (pause_ms as f64).min(left_ms);
            // The runtime may wake early (timers in a busy page): sleep again until it is time. (A
            // signal that fired while nothing was sleeping ends the next read before it is sent.)
            loop {
                let now = self.runtime.now_ms();
                if now >= wake_at {
                    break;
                }
                let sleep = self.runtime.sleep((wake_at - now).ceil() as u64);
                self.abortable(options.signal.as_ref(), sleep).await?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_start_near_a_second_double_and_stop_at_thirty() {
        assert_eq!(poll_pause_ms(1, 0.0), 500);
        assert_eq!(poll_pause_ms(1, 0.999_999), 999);
        assert_eq!(poll_pause_ms(2, 0.0), 1_000);
        assert_eq!(poll_pause_ms(3, 1.0), 4_000);
        assert_eq!(poll_pause_ms(5, 1.0), 16_000);
        assert_eq!(poll_pause_ms(6, 1.0), 30_000);
        assert_eq!(poll_pause_ms(40, 0.0), 15_000);
        assert_eq!(poll_pause_ms(u32::MAX, 1.0), 30_000);
        // Out-of-range chance is clamped rather than trusted.
        assert_eq!(poll_pause_ms(1, 7.0), 1_000);
        assert_eq!(poll_pause_ms(1, f64::NAN), 500);
    }
}
