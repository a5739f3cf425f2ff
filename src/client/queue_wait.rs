//! Waiting for a turn in the create queue: only the create at the front holds a timer, the others
//! wait to be woken when they reach it; the ticket is given back if the wait ends early (an abort,
//! or a caller that dropped the call), and the create behind it takes its turn at once.

use super::rate_limit::{Ticket, Wait};
use super::{Client, LocalFuture, Runtime, Signal, Transport};
use crate::error::Error;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Tells the queue when a started create has its answer, however its attempt ends: the next
/// create's margin and, behind a leader, its start depend on it.
pub(super) struct AnswerGuard<'a, T: Transport, R: Runtime> {
    client: &'a Client<T, R>,
    ticket: Ticket,
    started_ms: f64,
}

impl<T: Transport, R: Runtime> AnswerGuard<'_, T, R> {
    /// Marks the moment the request is handed to the transport.
    pub(super) fn sending(&mut self) {
        let now = self.client.runtime.precise_ms();
        self.started_ms = now;
        if let Ok(mut state) = self.client.state.try_borrow_mut() {
            state.queue.sending(&self.ticket, now);
        }
    }
}

impl<T: Transport, R: Runtime> Drop for AnswerGuard<'_, T, R> {
    fn drop(&mut self) {
        let now = self.client.runtime.precise_ms();
        if let Ok(mut state) = self.client.state.try_borrow_mut() {
            state.queue.finish(&self.ticket, self.started_ms, now);
        }
    }
}

/// Gives a ticket back when dropped: a ticket whose create started is no longer in the queue, so
/// giving it back then does nothing.
struct TicketGuard<'a, T: Transport, R: Runtime> {
    client: &'a Client<T, R>,
    ticket: Ticket,
}

impl<T: Transport, R: Runtime> Drop for TicketGuard<'_, T, R> {
    fn drop(&mut self) {
        if let Ok(mut state) = self.client.state.try_borrow_mut() {
            state.queue.release(&self.ticket);
        }
    }
}

/// Resolves when the create holding `ticket` may start. At the front it sleeps on one timer
/// until its turn (a new one only when its turn moved); behind others it holds no timer and is
/// woken by the queue when it reaches the front.
struct Turn<'a, T: Transport, R: Runtime> {
    client: &'a Client<T, R>,
    ticket: Ticket,
    /// The timer of a create at the front, and the time it ends.
    timer: Option<(f64, LocalFuture<'a, ()>)>,
}

impl<T: Transport, R: Runtime> Future for Turn<'_, T, R> {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        loop {
            let now = this.client.runtime.precise_ms();
            let wait = {
                let Ok(mut state) = this.client.state.try_borrow_mut() else {
                    // Borrowed elsewhere for a moment (never across an await): look again soon.
                    cx.waker().wake_by_ref();
                    return Poll::Pending;
                };
                let wait = state.queue.wait(&this.ticket, now);
                if wait != Wait::Go {
                    state.queue.park(&this.ticket, cx.waker());
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
                let timer = this.client.runtime.sleep(ms.ceil() as u64);
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

impl<T: Transport, R: Runtime> Client<T, R> {
    /// Waits for this create's turn; returns the guard to drop when its attempt has an answer.
    /// Ends with `Error::Aborted` when the signal fires first, giving the turn to the next create.
    pub(super) async fn wait_for_create_slot(
        &self,
        signal: Option<&Signal>,
    ) -> Result<AnswerGuard<'_, T, R>, Error> {
        let ticket = self
            .state
            .borrow_mut()
            .queue
            .reserve(self.runtime.precise_ms());
        let _give_back_unless_started = TicketGuard {
            client: self,
            ticket,
        };
        let turn = Turn {
            client: self,
            ticket,
            timer: None,
        };
        self.abortable(signal, turn).await?;
        Ok(AnswerGuard {
            client: self,
            ticket,
            started_ms: self.runtime.precise_ms(),
        })
    }
}
