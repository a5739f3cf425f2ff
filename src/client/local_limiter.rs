//! The in-process limiter, every client's default: the create queue and the resend guard of one
//! client (or of every client given the same one), with nothing shared beyond the process.

use super::limiter::{CreatePermit, Limiter, LimiterContext};
use super::queue_wait::wait_for_turn;
use super::rate_limit::CreateQueue;
use super::resend_guard::ResendGuard;
use super::{LocalFuture, Runtime};
use std::cell::RefCell;

/// Tango's limits kept in this process: creates one interval apart in call order (see
/// `CreateQueue`), and one resend per order or line item per 30 s.
#[derive(Debug)]
pub struct LocalLimiter {
    queue: RefCell<CreateQueue>,
    resends: RefCell<ResendGuard>,
}

impl LocalLimiter {
    /// A limiter allowing `per_second` creates per second (Tango allows 1).
    pub fn new(per_second: f64) -> Self {
        LocalLimiter {
            queue: RefCell::new(CreateQueue::new(per_second)),
            resends: RefCell::new(ResendGuard::default()),
        }
    }

    /// Records a resend of `key` claimed elsewhere (by a shared store), so that this limiter
    /// refuses a second one too if it has to decide alone.
    pub(super) fn record_resend(&self, key: &str, now_ms: f64) {
        if let Ok(mut resends) = self.resends.try_borrow_mut() {
            resends.record(key, now_ms);
        }
    }

    /// Waits for a create's turn in this process's queue.
    pub(super) async fn turn<'a, R: Runtime>(&'a self, runtime: &'a R) -> impl CreatePermit + 'a {
        wait_for_turn(&self.queue, runtime).await
    }

    /// Claims a resend of `key` at `now_ms`, or says how long until it may be resent.
    pub(super) fn claim(&self, key: &str, now_ms: f64) -> Result<(), u64> {
        let Ok(mut resends) = self.resends.try_borrow_mut() else {
            return Ok(());
        };
        if let Some(wait_ms) = resends.wait_ms(key, now_ms) {
            return Err(wait_ms);
        }
        resends.record(key, now_ms);
        Ok(())
    }

    /// Forgets the resend of `key`.
    pub(super) fn forget(&self, key: &str) {
        if let Ok(mut resends) = self.resends.try_borrow_mut() {
            resends.forget(key);
        }
    }
}

impl<R: Runtime> Limiter<R> for LocalLimiter {
    fn create_turn<'a>(
        &'a self,
        context: &'a LimiterContext<'a, R>,
    ) -> LocalFuture<'a, Box<dyn CreatePermit + 'a>> {
        Box::pin(async move {
            let permit = self.turn(context.runtime).await;
            Box::new(permit) as Box<dyn CreatePermit + 'a>
        })
    }

    fn claim_resend<'a>(
        &'a self,
        context: &'a LimiterContext<'a, R>,
        key: &'a str,
    ) -> LocalFuture<'a, Result<(), u64>> {
        let claimed = self.claim(key, context.runtime.now_ms());
        Box::pin(std::future::ready(claimed))
    }

    fn forget_resend(&self, _context: &LimiterContext<'_, R>, key: &str) {
        self.forget(key);
    }
}
