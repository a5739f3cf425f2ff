//! Tango's rules and limits that more than one part of the SDK applies — the validator, the
//! client and the simulator — each in one place, so that the three cannot drift apart.

/// At most one `POST /orders` per second (Tango's documented limit): the client's default create
/// rate and the simulator's default limit.
pub const CREATES_PER_SECOND: f64 = 1.0;

/// A reward can be resent once per 30 seconds (per order, and per line item).
pub const RESEND_INTERVAL_MS: i64 = 30_000;

/// `GET /orders` returns at most this many results for one query, however many match.
pub const MAX_RESULTS_PER_QUERY: i64 = 10_000;

/// Statuses after which an idempotent call (a read, a create with its `externalRefID`, an update)
/// may be sent again: 409 (that `externalRefID` is still being processed), 429 (rate limited) and
/// the server errors.
pub const RETRYABLE_STATUSES: [u16; 6] = [409, 429, 500, 502, 503, 504];

/// Statuses that say Tango did not act on the request (rate limited, unavailable): the only ones
/// after which a call without an idempotency key (a resend, cancel, freeze, reissue) is retried.
pub const UNPROCESSED_STATUSES: [u16; 2] = [429, 503];

/// Tango's inference of a create's delivery method when the request names none (SPEC section 3):
/// a recipient address means `ADDRESS`; otherwise `sendEmail` true means `EMAIL` and false `NONE`;
/// with neither, there is none (the method is required).
pub fn infer_delivery_method(has_address: bool, send_email: Option<bool>) -> Option<&'static str> {
    match (has_address, send_email) {
        (true, _) => Some("ADDRESS"),
        (false, Some(true)) => Some("EMAIL"),
        (false, Some(false)) => Some("NONE"),
        (false, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_wins_then_send_email_decides() {
        assert_eq!(infer_delivery_method(true, Some(true)), Some("ADDRESS"));
        assert_eq!(infer_delivery_method(true, None), Some("ADDRESS"));
        assert_eq!(infer_delivery_method(false, Some(true)), Some("EMAIL"));
        assert_eq!(infer_delivery_method(false, Some(false)), Some("NONE"));
        assert_eq!(infer_delivery_method(false, None), None);
    }

    #[test]
    fn calls_without_a_key_retry_on_a_subset_of_what_idempotent_calls_retry_on() {
        assert!(UNPROCESSED_STATUSES
            .iter()
            .all(|s| RETRYABLE_STATUSES.contains(s)));
    }
}
