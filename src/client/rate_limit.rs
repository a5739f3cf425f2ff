//! The create queue: at most `orders_per_second` creates start per second, in call order, retries
//! included, so a burst of creates meets no 429.

use std::collections::VecDeque;

/// The queue of creates waiting to start, in call order. A create takes a [`Ticket`] when it asks
/// and starts when it is at the front and one interval has passed since the last start; a retry
/// takes a new ticket and queues behind later calls. A ticket given back before it started (its
/// call was aborted) leaves the queue at once, so the create behind it takes its place.
///
/// Starts are spaced a little more than the limit (2 % of the interval, at least 3 ms, at most
/// 20 ms): Tango counts arrivals, and two requests sent exactly one interval apart can arrive closer
/// than that when the first was delayed on the way (measured: 2 × 429 in 10 creates at 1/s on
/// loopback without it). The 3 ms floor covers timer and millisecond-clock jitter at high limits
/// (at 250/s without it: 9,137 × 429 in 10,000 creates). Spacing is measured from the last actual
/// start, not from a planned one: a busy event loop fires several late timers at once (measured at
/// 250/s under load: 2,300 × 429 in 10,000 creates when they all went).
///
/// A create that finds the queue idle *leads*: it may be delayed by far more than the margin before
/// it reaches Tango (a new connection, a TLS handshake, a token fetch, Node loading `fetch` on the
/// first call: measured 55 ms on loopback, one 429 in 10 creates), and a `fetch` cannot tell when
/// its request arrived, only when the answer did. So the create behind a leader waits for its
/// answer, and starts one interval plus the leader's time to answer after the leader started: a
/// burst pays that once instead of a 429 and a retry. The extra wait is capped at one interval or
/// one second, whichever is longer (a cold connection takes a few hundred ms; a leader slower than
/// that has surely arrived).
#[derive(Clone, Debug)]
pub struct CreateQueue {
    interval_ms: f64,
    /// Tickets that have not started, in call order.
    waiting: VecDeque<u64>,
    next_ticket: u64,
    /// When the last create started.
    last_go_ms: f64,
    /// The leading create in flight: its ticket and start.
    leader: Option<(u64, f64)>,
    /// Added to the gap before the next start: the last leader's time to answer (capped).
    leader_delay_ms: f64,
}

/// A create's place in the queue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ticket {
    id: u64,
    /// Whether this create leads (found the queue idle); it must call [`CreateQueue::finish_leader`].
    pub leads: bool,
}

/// What a waiting create should do now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// Start now.
    Go,
    /// Sleep this long (or until the queue changes), then ask again.
    Sleep(f64),
}

/// The shortest sleep a waiter is told, so that rounding never makes it spin.
const MIN_SLEEP_MS: f64 = 1.0;

impl CreateQueue {
    /// A queue allowing `per_second` starts per second (Tango allows 1).
    pub fn new(per_second: f64) -> Self {
        let interval_ms = 1_000.0 / per_second;
        CreateQueue {
            interval_ms: interval_ms + (interval_ms * 0.02).clamp(3.0, 20.0),
            waiting: VecDeque::new(),
            next_ticket: 0,
            last_go_ms: f64::MIN,
            leader: None,
            leader_delay_ms: 0.0,
        }
    }

    /// Joins the queue at `now_ms`.
    pub fn reserve(&mut self, now_ms: f64) -> Ticket {
        let idle =
            self.waiting.is_empty() && self.leader.is_none() && self.earliest_start() <= now_ms;
        let id = self.next_ticket;
        self.next_ticket += 1;
        self.waiting.push_back(id);
        Ticket { id, leads: idle }
    }

    /// Whether the create holding `ticket` may start at `now_ms`.
    pub fn wait(&mut self, ticket: &Ticket, now_ms: f64) -> Wait {
        let Some(position) = self.waiting.iter().position(|&id| id == ticket.id) else {
            // Not waiting (started or given back): nothing to wait for.
            return Wait::Go;
        };
        if position > 0 {
            // Behind others: sleep until its turn would come if nothing changes; the client wakes
            // waiters early when a ticket is given back or a leader answers.
            let turn = self.earliest_start().max(now_ms) + position as f64 * self.interval_ms;
            return Wait::Sleep((turn - now_ms).max(MIN_SLEEP_MS));
        }
        if let Some((_, leader_start)) = self.leader {
            let deadline = leader_start + self.interval_ms + self.leader_cap_ms();
            if now_ms < deadline {
                return Wait::Sleep((deadline - now_ms).max(MIN_SLEEP_MS));
            }
            // The leader is taking very long: it has surely arrived by now.
            self.end_leader(now_ms);
        }
        let start = self.earliest_start();
        if start > now_ms {
            return Wait::Sleep((start - now_ms).max(MIN_SLEEP_MS));
        }
        self.waiting.pop_front();
        self.last_go_ms = now_ms;
        self.leader_delay_ms = 0.0;
        if ticket.leads {
            self.leader = Some((ticket.id, now_ms));
        }
        Wait::Go
    }

    /// Gives back a ticket that has not started (its call was aborted). Returns whether it was
    /// still waiting, i.e. whether the creates behind it moved up.
    pub fn release(&mut self, ticket: &Ticket) -> bool {
        let before = self.waiting.len();
        self.waiting.retain(|&id| id != ticket.id);
        self.waiting.len() != before
    }

    /// Records that the leading create holding `ticket` has answered (or failed, or was
    /// abandoned) at `now_ms`. Returns whether it was still the leader.
    pub fn finish_leader(&mut self, ticket: &Ticket, now_ms: f64) -> bool {
        if self.leader.map(|(id, _)| id) != Some(ticket.id) {
            return false;
        }
        self.end_leader(now_ms);
        true
    }

    fn end_leader(&mut self, now_ms: f64) {
        if let Some((_, leader_start)) = self.leader.take() {
            self.leader_delay_ms = (now_ms - leader_start).clamp(0.0, self.leader_cap_ms());
        }
    }

    /// When the next create may start, leader aside.
    fn earliest_start(&self) -> f64 {
        self.last_go_ms + self.interval_ms + self.leader_delay_ms
    }

    /// The longest a leader holds the queue.
    fn leader_cap_ms(&self) -> f64 {
        self.interval_ms.max(1_000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the wait protocol for `ticket` from `now`, assuming nothing else happens meanwhile.
    fn start(queue: &mut CreateQueue, ticket: &Ticket, mut now: f64) -> f64 {
        loop {
            match queue.wait(ticket, now) {
                Wait::Go => return now,
                Wait::Sleep(ms) => now += ms,
            }
        }
    }

    #[test]
    fn starts_are_one_interval_apart_in_call_order() {
        let mut queue = CreateQueue::new(1.0);
        let first = queue.reserve(0.0);
        assert!(first.leads);
        assert_eq!(queue.wait(&first, 0.0), Wait::Go);
        // The leader's 5 ms to answer move the next start by 5 ms.
        assert!(queue.finish_leader(&first, 5.0));
        let second = queue.reserve(0.0);
        let third = queue.reserve(10.0);
        assert!(!second.leads && !third.leads);
        // The third, behind the second, is told to sleep until its turn.
        assert_eq!(queue.wait(&third, 10.0), Wait::Sleep(2_035.0));
        assert_eq!(start(&mut queue, &second, 0.0), 1_025.0);
        assert_eq!(start(&mut queue, &third, 10.0), 2_045.0);
        // After a quiet spell, the next create starts at once, and leads.
        let later = queue.reserve(60_000.0);
        assert!(later.leads);
        assert_eq!(queue.wait(&later, 60_000.0), Wait::Go);
        let mut fast = CreateQueue::new(4.0);
        let (a, b) = (fast.reserve(0.0), fast.reserve(0.0));
        assert_eq!(start(&mut fast, &a, 0.0), 0.0);
        fast.finish_leader(&a, 1.0);
        assert_eq!(start(&mut fast, &b, 0.0), 256.0);
        // At high limits the margin is at least 3 ms.
        let mut faster = CreateQueue::new(250.0);
        let (c, d) = (faster.reserve(0.0), faster.reserve(0.0));
        assert_eq!(start(&mut faster, &c, 0.0), 0.0);
        faster.finish_leader(&c, 0.0);
        assert_eq!(start(&mut faster, &d, 0.0), 7.0);
    }

    #[test]
    fn the_create_behind_a_slow_leader_waits_for_its_answer_and_keeps_its_spacing() {
        let mut queue = CreateQueue::new(1.0);
        let leader = queue.reserve(0.0);
        assert_eq!(queue.wait(&leader, 0.0), Wait::Go);
        let (second, third) = (queue.reserve(0.0), queue.reserve(0.0));
        // While the leader has not answered, the second may wait up to two intervals.
        assert_eq!(queue.wait(&second, 1_020.0), Wait::Sleep(1_020.0));
        // It answers at 1,500 ms: the extra wait is capped at one interval.
        queue.finish_leader(&leader, 1_500.0);
        assert_eq!(start(&mut queue, &second, 1_500.0), 2_040.0);
        assert_eq!(start(&mut queue, &third, 1_500.0), 3_060.0);
        let fourth = queue.reserve(3_100.0);
        assert_eq!(start(&mut queue, &fourth, 3_100.0), 4_080.0);
    }

    #[test]
    fn timers_that_fire_together_late_still_start_one_interval_apart() {
        let mut queue = CreateQueue::new(1.0);
        let a = queue.reserve(0.0);
        assert_eq!(queue.wait(&a, 0.0), Wait::Go);
        queue.finish_leader(&a, 0.0);
        let (b, c) = (queue.reserve(0.0), queue.reserve(0.0));
        // The event loop was busy until 2,500 ms: both timers fire then.
        assert_eq!(queue.wait(&b, 2_500.0), Wait::Go);
        assert_eq!(queue.wait(&c, 2_500.0), Wait::Sleep(1_020.0));
        assert_eq!(queue.wait(&c, 3_520.0), Wait::Go);
    }

    #[test]
    fn a_leader_that_never_answers_holds_the_queue_for_at_most_two_intervals_at_one_per_second() {
        let mut queue = CreateQueue::new(1.0);
        let leader = queue.reserve(0.0);
        assert_eq!(queue.wait(&leader, 0.0), Wait::Go);
        let second = queue.reserve(0.0);
        let started = start(&mut queue, &second, 0.0);
        assert_eq!(started, 2_040.0);
        // The queue is free again: the next create is spaced from the second, not stuck; the old
        // leader's late answer changes nothing.
        assert!(!queue.finish_leader(&leader, 2_100.0));
        let third = queue.reserve(started);
        assert!(!third.leads);
        assert_eq!(start(&mut queue, &third, started), 3_060.0);
    }

    #[test]
    fn a_ticket_given_back_before_it_started_hands_its_turn_to_the_next() {
        let mut queue = CreateQueue::new(1.0);
        let first = queue.reserve(0.0);
        assert_eq!(queue.wait(&first, 0.0), Wait::Go);
        queue.finish_leader(&first, 0.0);
        let (second, third, fourth) = (queue.reserve(0.0), queue.reserve(0.0), queue.reserve(0.0));
        assert_eq!(queue.wait(&fourth, 50.0), Wait::Sleep(3_010.0));
        // The second is aborted at 50 ms: the third now starts at the second's time, the fourth
        // one interval later.
        assert!(queue.release(&second));
        assert!(!queue.release(&second));
        assert_eq!(queue.wait(&fourth, 50.0), Wait::Sleep(1_990.0));
        assert_eq!(start(&mut queue, &third, 50.0), 1_020.0);
        assert_eq!(start(&mut queue, &fourth, 50.0), 2_040.0);
        // Giving back a ticket that started does nothing.
        assert!(!queue.release(&third));
    }
}
