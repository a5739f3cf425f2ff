//! The store a [`SharedLimiter`](super::SharedLimiter) keeps Tango's limits in: a few atomic
//! decisions that every process sharing an account asks (in JavaScript, `tango-orders/redis`
//! implements them as scripts in Redis, timed by Redis's own clock).

use super::LocalFuture;

/// A create asking whether it may be sent now. Its first ask puts it in the shared queue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CreateAsk<'a> {
    /// The limit the creates share (see [`LimiterContext::account`](super::LimiterContext)).
    pub account: &'a str,
    /// This create's place in the queue: random, unique across processes.
    pub ticket: &'a str,
    /// Whether it leads: its process has not had a create answered lately, so its request may be
    /// slow on the way (a new connection). The next create then waits for its answer, up to
    /// `hold_ms` after it went.
    pub leads: bool,
    /// One interval between creates, in milliseconds.
    pub interval_ms: f64,
    /// The margin added to each interval while the last create has not answered.
    pub margin_ms: f64,
    /// The longest a leader that has not answered holds the next create, counted from its start.
    pub hold_ms: f64,
}

/// What a started create tells the store.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CreateReport<'a> {
    /// The limit the creates share.
    pub account: &'a str,
    /// The create's ticket.
    pub ticket: &'a str,
    /// When the next create may start, counted from when this one was allowed to: moved by when
    /// its request left and, once `answered`, by how long its answer took.
    pub next_after_go_ms: f64,
    /// Whether the create has its answer (a leader stops holding the next create then).
    pub answered: bool,
}

/// The store did not answer usably: the shared limiter falls back to its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoreFailed;

/// The decisions a shared limiter asks of its store. Each must be atomic across every process
/// that uses the store and timed by one clock (the store's), so that machines whose clocks differ
/// still agree. The calls that return nothing are not waited for.
pub trait LimiterStore {
    /// How long a call may take before the limiter stops waiting for it and decides alone.
    fn timeout_ms(&self) -> u64;

    /// Whether the create may be sent now: `<= 0` for now, else how many milliseconds to wait
    /// before asking again. The first ask joins the queue; a create that is allowed leaves it.
    fn take_create<'a>(&'a self, ask: CreateAsk<'a>) -> LocalFuture<'a, Result<f64, StoreFailed>>;

    /// Tells the store when a started create's request left or its answer came.
    fn report_create(&self, report: CreateReport<'_>);

    /// Takes a create that will not start (aborted) out of the queue.
    fn leave_create(&self, account: &str, ticket: &str);

    /// Claims the resend of `key` for 30 s under `claim` (random): `<= 0` when claimed, else how
    /// many milliseconds until the last claim ends.
    fn claim_resend<'a>(
        &'a self,
        account: &'a str,
        key: &'a str,
        claim: &'a str,
    ) -> LocalFuture<'a, Result<f64, StoreFailed>>;

    /// Ends the claim on `key` if it is still `claim` (a resend refused before Tango acted).
    fn forget_resend(&self, account: &str, key: &str, claim: &str);
}
