//! The limiter seam: the client asks its limiter when a create may be sent and whether a resend
//! may be sent now. [`LocalLimiter`](super::LocalLimiter) keeps Tango's limits for one client;
//! [`SharedLimiter`](super::SharedLimiter) keeps them for every process that shares a store.

use super::{LocalFuture, Logger, Runtime};

/// What a limiter is told about the call that asks.
pub struct LimiterContext<'a, R> {
    /// Time, sleep and chance.
    pub runtime: &'a R,
    /// The client's logger, for the limiter's own events.
    pub logger: Option<&'a Logger>,
    /// The name of the limit the creates share: the platform (Tango counts creates per platform),
    /// or `"default"` for a client authenticated by a bearer token. A store may replace it.
    pub account: &'a str,
    /// Creates per second the client allows (Tango's limit is 1).
    pub per_second: f64,
}

/// Decides when a create may be sent and whether a resend may be sent now, for one client or for
/// many. Every implementation keeps one contract, which the client relies on:
///
/// - creates start in the order they asked (within a process; between processes, see the
///   implementation), at most `per_second` a second;
/// - dropping the future of [`Limiter::create_turn`] gives its place up at once and the create
///   behind it takes it (that is how an `AbortSignal` ends a wait: the client drops the future);
/// - a retry asks again, behind the creates already waiting;
/// - a resend of the same order or line item less than 30 s after the last is refused.
pub trait Limiter<R: Runtime> {
    /// Waits until a create may be sent. The permit is told when the request is handed to the
    /// transport and is dropped when its answer came (or the attempt ended without one).
    fn create_turn<'a>(
        &'a self,
        context: &'a LimiterContext<'a, R>,
    ) -> LocalFuture<'a, Box<dyn CreatePermit + 'a>>;

    /// Claims the resend of `key` (`order:{id}` or `lineItem:{id}`) now. `Err(ms)`: it was
    /// resent less than 30 s ago, and may be again in `ms` milliseconds.
    fn claim_resend<'a>(
        &'a self,
        context: &'a LimiterContext<'a, R>,
        key: &'a str,
    ) -> LocalFuture<'a, Result<(), u64>>;

    /// Gives back the claim on `key`: its resend was refused before Tango acted on it.
    fn forget_resend(&self, context: &LimiterContext<'_, R>, key: &str);
}

/// A create's permission to be sent. Dropping it says the attempt has its answer (or ended).
pub trait CreatePermit {
    /// The request is being handed to the transport now: what happened since the turn came (a
    /// token, headers) moves the next create's start.
    fn sending(&mut self);
}

/// A limiter event for the client's logger: the shared store stopped answering, or answers again.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LimiterEvent {
    /// `"unavailable"`: the shared store failed or did not answer in time, and this client paces
    /// its creates and resends alone; `"restored"`: it answers again and is shared again.
    #[cfg_attr(feature = "js", tsify(type = "\"unavailable\" | \"restored\""))]
    pub state: &'static str,
    /// `"timeout"`, `"error"` (the store's call failed) or `"answered"` (for `"restored"`).
    #[cfg_attr(feature = "js", tsify(type = "\"timeout\" | \"error\" | \"answered\""))]
    pub reason: &'static str,
    /// What it means, in a sentence (never the store's own message, which may name hosts).
    pub message: String,
}
