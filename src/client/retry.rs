//! When to retry, and how long to wait: Tango's rules (SPEC section 4) as pure functions.

use crate::error::Error;
use crate::rules::{RETRYABLE_STATUSES, UNPROCESSED_STATUSES};

/// Which calls may be retried on what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retryability {
    /// Idempotent calls (reads, and creates with their `externalRefID`): network errors, timeouts,
    /// 409, 429, 500, 502, 503, 504.
    Idempotent,
    /// Resends have no idempotency key: only 429 and 503, where Tango did not act.
    OnlyUnprocessed,
}

/// First backoff, before doubling.
pub const BASE_DELAY_MS: f64 = 500.0;
/// The longest wait between attempts.
pub const MAX_DELAY_MS: f64 = 8_000.0;
/// Wait at least this long after a 409 (the same `externalRefID` is still being processed).
pub const CONFLICT_DELAY_MS: f64 = 2_000.0;
/// Wait at least this long after a 429 without `Retry-After` (Tango: "wait 1 second").
pub const RATE_LIMIT_DELAY_MS: f64 = 1_000.0;

/// Whether `error` may be retried for a call of this kind.
pub fn should_retry(error: &Error, kind: Retryability) -> bool {
    match (error, kind) {
        (Error::Api(api), Retryability::OnlyUnprocessed) => {
            UNPROCESSED_STATUSES.contains(&api.status)
        }
        (_, Retryability::OnlyUnprocessed) => false,
        (Error::Api(api), Retryability::Idempotent) => RETRYABLE_STATUSES.contains(&api.status),
        (Error::Network { .. } | Error::Timeout { .. }, Retryability::Idempotent) => true,
        _ => false,
    }
}

/// How long to wait before retry number `retry` (1 for the first), given the error and a random
/// number in `[0, 1)`: exponential backoff with "equal jitter" (half fixed, half random) under a
/// cap, never less than Tango asks (`Retry-After`) or documents (1 s after 429, 2 s after 409).
pub fn delay_ms(error: &Error, retry: u32, random: f64) -> f64 {
    let exponential =
        (BASE_DELAY_MS * 2f64.powi(retry.saturating_sub(1).min(16) as i32)).min(MAX_DELAY_MS);
    let jittered = exponential / 2.0 + random.clamp(0.0, 1.0) * exponential / 2.0;
    let floor = match error {
        Error::Api(api) if api.status == 409 => CONFLICT_DELAY_MS,
        Error::Api(api) if api.status == 429 => api
            .retry_after_ms
            .map_or(RATE_LIMIT_DELAY_MS, |ms| ms as f64),
        _ => 0.0,
    };
    jittered.max(floor)
}

/// Reads a `Retry-After` header: seconds (`"1"`, `"0.5"`), in milliseconds, rounded up. HTTP
/// dates are not used by Tango and read as absent.
///
/// Digits read by hand rather than with `str::parse::<f64>`: the float parser is otherwise unused
/// in the wasm module and costs about 5 KiB gzip there.
pub fn parse_retry_after(value: Option<&str>) -> Option<u64> {
    let text = value?.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    // Only digits: parsing fails only past u64::MAX, which is "wait for ever".
    let seconds: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().unwrap_or(u64::MAX)
    };
    let mut millis = 0u64;
    let mut scale = 100u64;
    let mut rest_nonzero = false;
    for digit in fraction.bytes().map(|b| u64::from(b - b'0')) {
        if scale > 0 {
            millis += digit * scale;
            scale /= 10;
        } else {
            rest_nonzero |= digit > 0;
        }
    }
    Some(
        seconds
            .saturating_mul(1000)
            .saturating_add(millis + u64::from(rest_nonzero)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;

    fn api(status: u16, retry_after_ms: Option<u64>) -> Error {
        Error::Api(Box::new(ApiError {
            status,
            body: Default::default(),
            retry_after_ms,
        }))
    }

    #[test]
    fn retry_rules_follow_the_spec() {
        for status in [409, 429, 500, 502, 503, 504] {
            assert!(
                should_retry(&api(status, None), Retryability::Idempotent),
                "{status}"
            );
        }
        for status in [400, 401, 402, 403, 404, 422] {
            assert!(
                !should_retry(&api(status, None), Retryability::Idempotent),
                "{status}"
            );
        }
        assert!(should_retry(
            &Error::Timeout { timeout_ms: 1 },
            Retryability::Idempotent
        ));
        assert!(should_retry(
            &Error::Network {
                message: String::new()
            },
            Retryability::Idempotent
        ));
        assert!(should_retry(&api(429, None), Retryability::OnlyUnprocessed));
        assert!(should_retry(&api(503, None), Retryability::OnlyUnprocessed));
        for error in [
            api(500, None),
            api(409, None),
            Error::Timeout { timeout_ms: 1 },
        ] {
            assert!(!should_retry(&error, Retryability::OnlyUnprocessed));
        }
        assert!(!should_retry(&Error::config("x"), Retryability::Idempotent));
    }

    #[test]
    fn delays_grow_with_jitter_under_the_cap_and_respect_tangos_minimums() {
        let network = Error::Network {
            message: String::new(),
        };
        assert_eq!(delay_ms(&network, 1, 0.0), 250.0);
        assert_eq!(delay_ms(&network, 1, 1.0), 500.0);
        assert_eq!(delay_ms(&network, 3, 1.0), 2_000.0);
        assert_eq!(delay_ms(&network, 30, 1.0), MAX_DELAY_MS);
        assert_eq!(delay_ms(&api(409, None), 1, 0.0), 2_000.0);
        assert_eq!(delay_ms(&api(429, None), 1, 0.0), 1_000.0);
        assert_eq!(delay_ms(&api(429, Some(3_000)), 1, 0.0), 3_000.0);
    }

    #[test]
    fn retry_after_is_read_in_seconds() {
        assert_eq!(parse_retry_after(Some("1")), Some(1_000));
        assert_eq!(parse_retry_after(Some(" 0.25 ")), Some(250));
        assert_eq!(parse_retry_after(Some("0.0001")), Some(1));
        assert_eq!(parse_retry_after(Some(".5")), Some(500));
        assert_eq!(parse_retry_after(Some("2.")), Some(2_000));
        assert_eq!(
            parse_retry_after(Some("99999999999999999999999")),
            Some(u64::MAX)
        );
        for bad in ["", ".", "1e3", "+1", "1.2.3", "NaN", "inf"] {
            assert_eq!(parse_retry_after(Some(bad)), None, "{bad}");
        }
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            None
        );
        assert_eq!(parse_retry_after(Some("-1")), None);
        assert_eq!(parse_retry_after(None), None);
    }
}
