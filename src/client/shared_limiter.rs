//! The shared limiter: Tango's limits kept for every process that uses the same store (Redis, in
//! `tango-orders/redis`), falling back to this process's own limiter while the store does not
//! answer, and sharing again when it does.

use super::fifo_gate::{self, FifoGate};
use super::limiter::{CreatePermit, Limiter, LimiterContext, LimiterEvent};
use super::limiter_store::{CreateAsk, CreateReport, LimiterStore, StoreFailed};
use super::local_limiter::LocalLimiter;
use super::rate_limit::Spacing;
use super::resend_guard::RESEND_INTERVAL_MS;
use super::{LocalFuture, LogEvent, Runtime};
use futures_util::future::{select, Either};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::pin;

/// A process whose last create answered longer ago than this probably has no open connection to
/// Tango any more (Node's fetch keeps one 4 s), so its next create leads (see [`CreateAsk`]).
const COLD_AFTER_MS: f64 = 4_000.0;

/// While the store is unavailable, a create or resend asks it again after this long.
const PROBE_AFTER_MS: f64 = 2_000.0;

/// A request that left later than this after its turn came (a token fetched, a busy event loop)
/// tells the store at once, so that the next create's start moves; otherwise only its answer does.
const LATE_SEND_MS: f64 = 2.0;

/// The longest sleep between two asks of the store, whatever it answers.
const MAX_SLEEP_MS: f64 = 60_000.0;

/// Tango's limits across processes: creates one interval apart, fair between processes, and one
/// resend per reward per 30 s, decided by a [`LimiterStore`].
///
/// Inside a process, creates pass one at a time, in call order, to wait in the store: each process
/// has at most one create queued there, and the store serves the queued creates in the order they
/// joined. Processes with work therefore take turns: a script that queues 50,000 creates does not
/// hold back another process's one create for 14 hours, and a process that dies leaves at most one
/// place behind (the store drops it when it stops asking).
///
/// When the store fails or takes longer than its timeout, the create (or resend) is decided by
/// this process's own [`LocalLimiter`], the logger hears it once (`"unavailable"`), and the store is
/// asked again every two seconds; when it answers, it decides again and the logger hears that
/// (`"restored"`). Meanwhile each process keeps the limits alone; Tango's 429 remains the last
/// word, and the client retries it with the same `externalRefID`.
pub struct SharedLimiter<S: LimiterStore> {
    store: S,
    gate: RefCell<FifoGate>,
    local: LocalLimiter,
    health: RefCell<Health>,
    /// The claims this process holds on resends, to end them if the resend is refused.
    claims: RefCell<HashMap<String, (String, f64)>>,
}

#[derive(Debug)]
struct Health {
    /// When the store last failed, while it has not answered since.
    down_since: Option<f64>,
    /// When the store was last asked during an outage.
    last_probe_ms: f64,
    /// When this process's last create had its answer.
    last_answer_ms: f64,
}

impl<S: LimiterStore> SharedLimiter<S> {
    /// A limiter over `store`, falling back to a local one allowing `per_second` creates a second.
    pub fn new(store: S, per_second: f64) -> Self {
        SharedLimiter {
            store,
            gate: RefCell::new(FifoGate::default()),
            local: LocalLimiter::new(per_second),
            health: RefCell::new(Health {
                down_since: None,
                last_probe_ms: f64::MIN,
                last_answer_ms: f64::MIN,
            }),
            claims: RefCell::new(HashMap::new()),
        }
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Whether to ask the store now: always while it answers; during an outage, once every
    /// [`PROBE_AFTER_MS`].
    fn ask_store(&self, now_ms: f64) -> bool {
        let Ok(mut health) = self.health.try_borrow_mut() else {
            return false;
        };
        if health.down_since.is_none() {
            return true;
        }
        if now_ms - health.last_probe_ms >= PROBE_AFTER_MS {
            health.last_probe_ms = now_ms;
            return true;
        }
        false
    }

    /// Runs one call to the store, giving up after its timeout.
    async fn ask<R: Runtime, T>(
        &self,
        context: &LimiterContext<'_, R>,
        call: impl Future<Output = Result<T, StoreFailed>>,
    ) -> Result<T, &'static str> {
        let timeout = context.runtime.sleep(self.store.timeout_ms());
        let outcome = match select(pin!(call), timeout).await {
            Either::Left((Ok(answer), _)) => Ok(answer),
            Either::Left((Err(StoreFailed), _)) => Err("error"),
            Either::Right(_) => Err("timeout"),
        };
        match outcome {
            Ok(_) => self.answered(context),
            Err(reason) => self.failed(context, reason),
        }
        outcome
    }

    fn failed<R: Runtime>(&self, context: &LimiterContext<'_, R>, reason: &'static str) {
        let now = context.runtime.now_ms();
        let first = {
            let Ok(mut health) = self.health.try_borrow_mut() else {
                return;
            };
            health.last_probe_ms = now;
            health.down_since.replace(now).is_none()
        };
        if first {
            let timeout = self.store.timeout_ms();
            let cause = if reason == "timeout" {
                format!("did not answer within {timeout} ms")
            } else {
                "failed".to_owned()
            };
            log(
                context,
                "unavailable",
                reason,
                format!(
                    "the shared limiter's store {cause}: this client keeps Tango's limits alone \
                     until it answers again (asked every 2 s)"
                ),
            );
        }
    }

    fn answered<R: Runtime>(&self, context: &LimiterContext<'_, R>) {
        let was_down = self
            .health
            .try_borrow_mut()
            .map(|mut health| health.down_since.take().is_some())
            .unwrap_or(false);
        if was_down {
            log(
                context,
                "restored",
                "answered",
                "the shared limiter's store answers again: creates and resends are shared again"
                    .to_owned(),
            );
        }
    }

    /// Waits for a create's turn in the store, or `None` when the store cannot decide.
    async fn shared_turn<'a, R: Runtime>(
        &'a self,
        context: &'a LimiterContext<'a, R>,
    ) -> Option<SharedPermit<'a, S, R>> {
        let runtime = context.runtime;
        if !self.ask_store(runtime.now_ms()) {
            return None;
        }
        let spacing = Spacing::new(context.per_second);
        let leads = self
            .health
            .try_borrow()
            .map(|health| runtime.precise_ms() - health.last_answer_ms > COLD_AFTER_MS)
            .unwrap_or(true);
        let mut place = Place {
            store: &self.store,
            account: context.account,
            ticket: new_id(runtime),
            queued: true,
        };
        loop {
            let asked_ms = runtime.precise_ms();
            let ask = CreateAsk {
                account: context.account,
                ticket: &place.ticket,
                leads,
                interval_ms: spacing.interval_ms,
                margin_ms: spacing.blind_margin_ms,
                hold_ms: spacing.interval_ms + spacing.hold_cap_ms,
            };
            let wait = self.ask(context, self.store.take_create(ask)).await.ok()?;
            if wait <= 0.0 {
                // Allowed: the store took it out of the queue.
                place.queued = false;
                return Some(SharedPermit {
                    limiter: self,
                    context,
                    spacing,
                    place,
                    leads,
                    asked_ms,
                    sent_ms: None,
                });
            }
            runtime.sleep(wait.min(MAX_SLEEP_MS).ceil() as u64).await;
        }
    }
}

/// Tells the logger about the store.
fn log<R: Runtime>(
    context: &LimiterContext<'_, R>,
    state: &'static str,
    reason: &'static str,
    message: String,
) {
    if let Some(logger) = context.logger {
        logger(&LogEvent::Limiter(LimiterEvent {
            state,
            reason,
            message,
        }));
    }
}

/// A random ID, unique across processes for as long as it matters: 104 random bits as hex.
fn new_id<R: Runtime>(runtime: &R) -> String {
    let mut id = String::with_capacity(26);
    for _ in 0..2 {
        // 52 bits of each draw (a double's mantissa).
        let bits = (runtime.random() * 4_503_599_627_370_496.0) as u64;
        id.push_str(&format!("{bits:013x}"));
    }
    id
}

/// A create's place in the store's queue: given up when dropped while still queued (an abort, or
/// a store that stopped answering).
struct Place<'a, S: LimiterStore> {
    store: &'a S,
    account: &'a str,
    ticket: String,
    queued: bool,
}

impl<S: LimiterStore> Drop for Place<'_, S> {
    fn drop(&mut self) {
        if self.queued {
            self.store.leave_create(self.account, &self.ticket);
        }
    }
}

/// A create the store allowed: reports when its request left (if late) and when it answered.
struct SharedPermit<'a, S: LimiterStore, R: Runtime> {
    limiter: &'a SharedLimiter<S>,
    context: &'a LimiterContext<'a, R>,
    spacing: Spacing,
    place: Place<'a, S>,
    leads: bool,
    /// When the ask that allowed it was made: the turn came after, so time counted from here is
    /// at least the time since the turn.
    asked_ms: f64,
    sent_ms: Option<f64>,
}

impl<S: LimiterStore, R: Runtime> CreatePermit for SharedPermit<'_, S, R> {
    fn sending(&mut self) {
        let now = self.context.runtime.precise_ms();
        self.sent_ms = Some(now);
        let late = now - self.asked_ms;
        if late > LATE_SEND_MS {
            self.limiter.store.report_create(CreateReport {
                account: self.place.account,
                ticket: &self.place.ticket,
                next_after_go_ms: late + self.spacing.interval_ms + self.spacing.blind_margin_ms,
                answered: false,
            });
        }
    }
}

impl<S: LimiterStore, R: Runtime> Drop for SharedPermit<'_, S, R> {
    fn drop(&mut self) {
        let now = self.context.runtime.precise_ms();
        let sent = self.sent_ms.unwrap_or(now);
        let took = now - sent;
        // As in the queue of one process: a request answered in `took` arrived by then, so the
        // margin is `took` and the clock's step (capped); a leader's time to answer adds to it.
        let margin = (took + 1.0).min(self.spacing.answered_margin_cap_ms);
        let held = if self.leads {
            took.min(self.spacing.hold_cap_ms)
        } else {
            0.0
        };
        self.limiter.store.report_create(CreateReport {
            account: self.place.account,
            ticket: &self.place.ticket,
            next_after_go_ms: (sent - self.asked_ms) + self.spacing.interval_ms + margin + held,
            answered: true,
        });
        if self.sent_ms.is_some() {
            if let Ok(mut health) = self.limiter.health.try_borrow_mut() {
                health.last_answer_ms = now;
            }
        }
    }
}

impl<S: LimiterStore, R: Runtime> Limiter<R> for SharedLimiter<S> {
    fn create_turn<'a>(
        &'a self,
        context: &'a LimiterContext<'a, R>,
    ) -> LocalFuture<'a, Box<dyn CreatePermit + 'a>> {
        Box::pin(async move {
            let _pass = fifo_gate::enter(&self.gate).await;
            if let Some(permit) = self.shared_turn(context).await {
                return Box::new(permit) as Box<dyn CreatePermit + 'a>;
            }
            Box::new(self.local.turn(context.runtime).await) as Box<dyn CreatePermit + 'a>
        })
    }

    fn claim_resend<'a>(
        &'a self,
        context: &'a LimiterContext<'a, R>,
        key: &'a str,
    ) -> LocalFuture<'a, Result<(), u64>> {
        Box::pin(async move {
            let runtime = context.runtime;
            let now = runtime.now_ms();
            if self.ask_store(now) {
                let claim = new_id(runtime);
                let call = self.store.claim_resend(context.account, key, &claim);
                if let Ok(wait) = self.ask(context, call).await {
                    if wait > 0.0 {
                        return Err(wait.ceil() as u64);
                    }
                    // Kept here too, so that this process refuses a second resend of it even if
                    // the store stops answering within the 30 s.
                    self.local.record_resend(key, now);
                    if let Ok(mut claims) = self.claims.try_borrow_mut() {
                        claims.retain(|_, (_, at)| now - *at < RESEND_INTERVAL_MS);
                        claims.insert(key.to_owned(), (claim, now));
                    }
                    return Ok(());
                }
            }
            self.local.claim(key, now)
        })
    }

    fn forget_resend(&self, context: &LimiterContext<'_, R>, key: &str) {
        let claim = self
            .claims
            .try_borrow_mut()
            .ok()
            .and_then(|mut claims| claims.remove(key));
        if let Some((claim, _)) = claim {
            self.store.forget_resend(context.account, key, &claim);
        }
        self.local.forget(key);
    }
}
