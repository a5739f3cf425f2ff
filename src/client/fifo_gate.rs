//! A gate one create passes at a time, in arrival order: the shared limiter lets only the first
//! create of its process wait in the shared store, so that a process has one place there at a time.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// Who waits at the gate, in arrival order, and whether someone is through it.
#[derive(Debug, Default)]
pub struct FifoGate {
    waiting: VecDeque<(u64, Option<Waker>)>,
    next_id: u64,
    held: bool,
}

impl FifoGate {
    fn wake_front(&mut self) {
        if let Some(waker) = self.waiting.front_mut().and_then(|(_, waker)| waker.take()) {
            waker.wake();
        }
    }

    fn position(&self, id: u64) -> Option<usize> {
        self.waiting.binary_search_by_key(&id, |(id, _)| *id).ok()
    }
}

/// Waits for the gate; dropping it before it is through gives its place up.
pub struct Enter<'a> {
    gate: &'a RefCell<FifoGate>,
    id: Option<u64>,
}

/// Holding the gate; dropping it lets the next through.
pub struct Pass<'a> {
    gate: &'a RefCell<FifoGate>,
}

/// Waits at `gate` behind everyone who came before.
pub fn enter(gate: &RefCell<FifoGate>) -> Enter<'_> {
    Enter { gate, id: None }
}

impl<'a> Future for Enter<'a> {
    type Output = Pass<'a>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Pass<'a>> {
        let gate_cell = self.gate;
        let Ok(mut gate) = gate_cell.try_borrow_mut() else {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        };
        let id = match self.id {
            Some(id) => id,
            None => {
                let id = gate.next_id;
                gate.next_id += 1;
                gate.waiting.push_back((id, None));
                self.id = Some(id);
                id
            }
        };
        let at_front = gate.waiting.front().map(|(front, _)| *front) == Some(id);
        if at_front && !gate.held {
            gate.waiting.pop_front();
            gate.held = true;
            self.id = None;
            return Poll::Ready(Pass { gate: gate_cell });
        }
        if let Some(index) = gate.position(id) {
            if let Some((_, waker)) = gate.waiting.get_mut(index) {
                *waker = Some(cx.waker().clone());
            }
        }
        Poll::Pending
    }
}

impl Drop for Enter<'_> {
    fn drop(&mut self) {
        let Some(id) = self.id else { return };
        if let Ok(mut gate) = self.gate.try_borrow_mut() {
            if let Some(index) = gate.position(id) {
                gate.waiting.remove(index);
                if index == 0 && !gate.held {
                    gate.wake_front();
                }
            }
        }
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        if let Ok(mut gate) = self.gate.try_borrow_mut() {
            gate.held = false;
            gate.wake_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::task::noop_waker;

    fn poll<F: Future + Unpin>(future: &mut F) -> Poll<F::Output> {
        let waker = noop_waker();
        Pin::new(future).poll(&mut Context::from_waker(&waker))
    }

    #[test]
    fn one_at_a_time_in_arrival_order_and_a_waiter_that_leaves_hands_on_its_place() {
        let gate = RefCell::new(FifoGate::default());
        let (mut a, mut b, mut c) = (enter(&gate), enter(&gate), enter(&gate));
        let pass_a = match poll(&mut a) {
            Poll::Ready(pass) => pass,
            Poll::Pending => panic!("the first should pass"),
        };
        assert!(poll(&mut b).is_pending());
        assert!(poll(&mut c).is_pending());
        // b leaves while a holds the gate: c is next.
        drop(b);
        assert!(poll(&mut c).is_pending());
        drop(pass_a);
        assert!(poll(&mut c).is_ready());
        assert!(gate.borrow().waiting.is_empty());
    }
}
