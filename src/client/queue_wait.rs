//! Waiting for a turn in the create queue: the ticket is given back if the wait ends early (an
//! abort, or a caller that dropped the call), and waiters are woken when the queue changes so that
//! the create behind a given-back ticket takes its turn at once.

use super::rate_limit::{Ticket, Wait};
use super::{Client, Runtime, Signal, State, Transport};
use crate::error::Error;
use futures_util::future::select;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// The wakers of the creates sleeping in the queue, and a count of the queue's changes.
///
/// A slab: each [`QueueChanged`] owns one slot from its creation to its drop, so registering and
/// leaving are O(1) and the slots never outnumber the creates waiting at once. (A map would do,
/// at several KB more of WebAssembly.)
#[derive(Default)]
pub(super) struct Waiters {
    changes: u64,
    slots: Vec<Option<Waker>>,
    free: Vec<usize>,
}

impl Waiters {
    /// Wakes every sleeping create: the queue changed (a ticket given back, a create answered).
    fn notify(&mut self) {
        self.changes += 1;
        for slot in &mut self.slots {
            if let Some(waker) = slot.take() {
                waker.wake();
            }
        }
    }

    /// A slot for a new [`QueueChanged`].
    fn take_slot(&mut self) -> usize {
        self.free.pop().unwrap_or_else(|| {
            self.slots.push(None);
            self.slots.len() - 1
        })
    }

    fn set(&mut self, slot: usize, waker: Option<Waker>) {
        if let Some(place) = self.slots.get_mut(slot) {
            *place = waker;
        }
    }
}

/// Resolves when the queue changes after it was made.
struct QueueChanged<'a> {
    state: &'a RefCell<State>,
    slot: usize,
    seen: u64,
}

impl Future for QueueChanged<'_> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Ok(mut state) = self.state.try_borrow_mut() else {
            // Borrowed elsewhere for a moment (never across an await): look again soon.
            cx.waker().wake_by_ref();
            return Poll::Pending;
        };
        let waiters = &mut state.queue_waiters;
        if waiters.changes != self.seen {
            return Poll::Ready(());
        }
        waiters.set(self.slot, Some(cx.waker().clone()));
        Poll::Pending
    }
}

impl Drop for QueueChanged<'_> {
    fn drop(&mut self) {
        if let Ok(mut state) = self.state.try_borrow_mut() {
            state.queue_waiters.set(self.slot, None);
            state.queue_waiters.free.push(self.slot);
        }
    }
}

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
        let now = self.client.runtime.now_ms();
        self.started_ms = now;
        if let Ok(mut state) = self.client.state.try_borrow_mut() {
            state.queue.sending(&self.ticket, now);
        }
    }
}

impl<T: Transport, R: Runtime> Drop for AnswerGuard<'_, T, R> {
    fn drop(&mut self) {
        let now = self.client.runtime.now_ms();
        if let Ok(mut state) = self.client.state.try_borrow_mut() {
            if state.queue.finish(&self.ticket, self.started_ms, now) {
                state.queue_waiters.notify();
            }
        }
    }
}

/// Gives a ticket back unless its create started.
struct TicketGuard<'a, T: Transport, R: Runtime> {
    client: &'a Client<T, R>,
    ticket: Ticket,
    started: bool,
}

impl<T: Transport, R: Runtime> Drop for TicketGuard<'_, T, R> {
    fn drop(&mut self) {
        if self.started {
            return;
        }
        if let Ok(mut state) = self.client.state.try_borrow_mut() {
            if state.queue.release(&self.ticket) {
                state.queue_waiters.notify();
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
        let ticket = self.state.borrow_mut().queue.reserve(self.runtime.now_ms());
        let mut guard = TicketGuard {
            client: self,
            ticket,
            started: false,
        };
        loop {
            let (wait, changed) = {
                let mut state = self.state.borrow_mut();
                let wait = state.queue.wait(&ticket, self.runtime.now_ms());
                let waiters = &mut state.queue_waiters;
                let changed = QueueChanged {
                    state: &self.state,
                    slot: waiters.take_slot(),
                    seen: waiters.changes,
                };
                (wait, changed)
            };
            match wait {
                Wait::Go => {
                    guard.started = true;
                    return Ok(AnswerGuard {
                        client: self,
                        ticket,
                        started_ms: self.runtime.now_ms(),
                    });
                }
                Wait::Sleep(ms) => {
                    let sleep = self.runtime.sleep(ms.ceil() as u64);
                    self.abortable(signal, select(sleep, Box::pin(changed)))
                        .await?;
                }
            }
        }
    }
}
