//! Waiting for a turn in the create queue: only the create at the front holds a timer, the others
//! wait to be woken when they reach it; the ticket is given back if the wait ends early (an abort,
//! or a caller that dropped the call), and the create behind it takes its turn at once.

use super::limiter::CreatePermit;
use super::rate_limit::{CreateQueue, Ticket, Wait};
use super::{LocalFuture, Runtime};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Tells the queue when a started create has its answer, however its attempt ends: the next
/// create's margin and, behind a leader, its start depend on it.
pub(super) struct AnswerGuard<'a, R: Runtime> {
    queue: &'a RefCell<CreateQueue>,
    runtime: &'a R,
    ticket: Ticket,
    started_ms: f64,
}

impl<R: Runtime> CreatePermit for AnswerGuard<'_, R> {
    fn sending(&mut self) {
        let now = self.runtime.precise_ms();
        self.started_ms = now;
        if let Ok(mut queue) = self.queue.try_borrow_mut() {
            queue.sending(&self.ticket, now);
        }
    }
}

impl<R: Runtime> Drop for AnswerGuard<'_, R> {
    fn drop(&mut self) {
        let now = self.runtime.precise_ms();
        if let Ok(mut queue) = self.queue.try_borrow_mut() {
            queue.finish(&self.ticket, self.started_ms, now);
        }
    }
}

/// Gives a ticket back when dropped: a ticket whose create started is no longer in the queue, so
/// giving it back then does nothing.
struct TicketGuard<'a> {
    queue: &'a RefCell<CreateQueue>,
    ticket: Ticket,
}

impl Drop for TicketGuard<'_> {
    fn drop(&mut self) {
        if let Ok(mut queue) = self.queue.try_borrow_mut() {
            queue.release(&self.ticket);
        }
    }
}

/// Resolves when the create holding `ticket` may start. At the front it sleeps on one timer
/// until its turn (a new one only when its turn moved); behind others it holds no timer and is
/// woken by the queue when it reaches the front.
struct Turn<'a, R: Runtime> {
    queue: &'a RefCell<CreateQueue>,
    runtime: &'a R,
    ticket: Ticket,
    /// The timer of a create at the front, and the time it ends.
    timer: Option<(f64, LocalFuture<'a, ()>)>,
}

impl<R: Runtime> Future for Turn<'_, R> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        loop {
            let now = this.runtime.precise_ms();
            let wait = {
                let Ok(mut queue) = this.queue.try_borrow_mut() else {
                    // Borrowed elsewhere for a moment (never across an await): look again soon.
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                };
                let wait = queue.wait(&this.ticket, now);
                if wait != Wait::Go {
                    queue.park(&this.ticket, cx.waker());
                }
                wait
            };
            let ms = match wait {
                Wait::Go => {
                    this.timer = None;
                    return Poll::Ready(());
                }
                Wait::Queued => {
                    this.timer = None;
                    return Poll::Pending;
                }
                Wait::Sleep(ms) => ms,
            };
            let ends = now + ms;
            // Keep the timer unless the turn moved by more than the clocks' resolution.
            let keep = matches!(&this.timer, Some((at, _)) if (at - ends).abs() < 1.0);
            if !keep {
                let timer = this.runtime.sleep(ms.ceil() as u64);
                this.timer = Some((ends, timer));
            }
            let Some((_, timer)) = this.timer.as_mut() else {
                return Poll::Pending;
            };
            match timer.as_mut().poll(cx) {
                Poll::Ready(()) => this.timer = None,
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

/// Waits for a create's turn in `queue`; returns the guard to drop when its attempt has an
/// answer. Dropping the future before then gives the turn to the next create.
pub(super) async fn wait_for_turn<'a, R: Runtime>(
    queue: &'a RefCell<CreateQueue>,
    runtime: &'a R,
) -> AnswerGuard<'a, R> {
    let ticket = queue.borrow_mut().reserve(runtime.precise_ms());
    let _give_back_unless_started = TicketGuard { queue, ticket };
    Turn {
        queue,
        runtime,
        ticket,
        timer: None,
    }
    .await;
    AnswerGuard {
        queue,
        runtime,
        ticket,
        started_ms: runtime.precise_ms(),
    }
}
