//! The create queue: at most `orders_per_second` creates start per second, in call order, retries
//! included, so a burst of creates meets no 429.

/// Start slots for creates. Each attempt reserves the next free slot at the moment it asks, so
/// calls start in the order they were made; a retry asks again and queues behind later calls.
///
/// Slots are spaced a little more than the limit (2 % of the interval, at least 3 ms, at most
/// 20 ms): Tango counts arrivals, and two requests sent exactly one interval apart can arrive closer
/// than that when the first was delayed on the way (measured: 2 × 429 in 10 creates at 1/s on
/// loopback without it). The 3 ms floor covers timer and millisecond-clock jitter at high limits
/// (at 250/s without it: 9,137 × 429 in 10,000 creates).
///
/// A create that finds the queue idle *leads*: it may be delayed by far more than the margin before
/// it reaches Tango (a new connection, a TLS handshake, a token fetch, Node loading `fetch` on the
/// first call: measured 55 ms on loopback, one 429 in 10 creates), and a `fetch` cannot tell when
/// its request arrived, only when the answer did. So the creates queued behind a leader wait for
/// its answer, and every slot reserved so far moves later by the leader's time to answer: a burst
/// pays that once instead of a 429 and a retry. Both are capped at one interval or one second,
/// whichever is longer (a cold connection takes a few hundred ms; a leader slower than that has
/// surely arrived).
#[derive(Clone, Debug)]
pub struct CreateQueue {
    interval_ms: f64,
    next_free_ms: f64,
    /// The start of the leading create while it has not answered.
    leader_start_ms: Option<f64>,
    /// How far slots have moved for late leaders so far.
    shift_ms: f64,
    /// When the last create actually started.
    last_go_ms: f64,
}

/// A reserved start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slot {
    start_ms: f64,
    shift_at_reserve_ms: f64,
    /// Whether this create leads (found the queue idle); it must call [`CreateQueue::finish_leader`].
    pub leads: bool,
}

/// What a waiting create should do now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// Start now.
    Go,
    /// Sleep this long, then ask again.
    Sleep(f64),
}

/// How often a follower looks whether the leader has answered.
const LEADER_POLL_MS: f64 = 10.0;

impl CreateQueue {
    /// A queue allowing `per_second` starts per second (Tango allows 1).
    pub fn new(per_second: f64) -> Self {
        let interval_ms = 1_000.0 / per_second;
        CreateQueue {
            interval_ms: interval_ms + (interval_ms * 0.02).clamp(3.0, 20.0),
            next_free_ms: f64::MIN,
            leader_start_ms: None,
            shift_ms: 0.0,
            last_go_ms: f64::MIN,
        }
    }

    /// Reserves the next slot at or after `now_ms`.
    pub fn reserve(&mut self, now_ms: f64) -> Slot {
        let idle = self.next_free_ms <= now_ms && self.leader_start_ms.is_none();
        let start_ms = self.next_free_ms.max(now_ms);
        self.next_free_ms = start_ms + self.interval_ms;
        if idle {
            self.leader_start_ms = Some(start_ms);
        }
        Slot {
            start_ms,
            shift_at_reserve_ms: self.shift_ms,
            leads: idle,
        }
    }

    /// Whether the create holding `slot` may start at `now_ms`.
    pub fn wait(&mut self, slot: &Slot, now_ms: f64) -> Wait {
        if !slot.leads {
            if let Some(leader_start) = self.leader_start_ms {
                if now_ms < leader_start + self.interval_ms + self.leader_cap_ms() {
                    let until_slot = self.start_of(slot) - now_ms;
                    return Wait::Sleep(until_slot.max(LEADER_POLL_MS));
                }
                // The leader is taking very long: it has surely arrived by now.
                self.finish_leader(now_ms);
            }
        }
        // Slots are spaced, but timers are not exact: a busy event loop fires several late timers
        // at once. So a create also starts no sooner than one interval after the last one did
        // (measured at 250/s under load without this: 2,300 × 429 in 10,000 creates).
        let start = self.start_of(slot).max(self.last_go_ms + self.interval_ms);
        if start > now_ms {
            Wait::Sleep(start - now_ms)
        } else {
            self.last_go_ms = now_ms;
            Wait::Go
        }
    }

    /// Records that the leading create has answered (or failed, or was abandoned) at `now_ms`.
    pub fn finish_leader(&mut self, now_ms: f64) {
        let Some(leader_start) = self.leader_start_ms.take() else {
            return;
        };
        let shift = (now_ms - leader_start).clamp(0.0, self.leader_cap_ms());
        self.shift_ms += shift;
        self.next_free_ms += shift;
    }

    /// The longest a leader holds the queue.
    fn leader_cap_ms(&self) -> f64 {
        self.interval_ms.max(1_000.0)
    }

    fn start_of(&self, slot: &Slot) -> f64 {
        slot.start_ms + (self.shift_ms - slot.shift_at_reserve_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the wait protocol for `slot` from `now`, assuming nothing else happens meanwhile.
    fn start(queue: &mut CreateQueue, slot: &Slot, mut now: f64) -> f64 {
        loop {
            match queue.wait(slot, now) {
                Wait::Go => return now,
                Wait::Sleep(ms) => now += ms,
            }
        }
    }

    #[test]
    fn slots_are_one_interval_apart_in_call_order() {
        let mut queue = CreateQueue::new(1.0);
        let first = queue.reserve(0.0);
        assert!(first.leads);
        assert_eq!(queue.wait(&first, 0.0), Wait::Go);
        queue.finish_leader(5.0); // the leader's 5 ms to answer move every later slot by 5 ms
        let second = queue.reserve(0.0);
        let third = queue.reserve(10.0);
        assert!(!second.leads && !third.leads);
        assert_eq!(start(&mut queue, &second, 0.0), 1_025.0);
        assert_eq!(start(&mut queue, &third, 10.0), 2_045.0);
        // After a quiet spell, the next create starts at once, and leads.
        let later = queue.reserve(60_000.0);
        assert!(later.leads);
        assert_eq!(queue.wait(&later, 60_000.0), Wait::Go);
        let mut fast = CreateQueue::new(4.0);
        let (a, b) = (fast.reserve(0.0), fast.reserve(0.0));
        assert_eq!(start(&mut fast, &a, 0.0), 0.0);
        fast.finish_leader(1.0);
        assert_eq!(start(&mut fast, &b, 0.0), 256.0);
        // At high limits the margin is at least 3 ms.
        let mut faster = CreateQueue::new(250.0);
        let (c, d) = (faster.reserve(0.0), faster.reserve(0.0));
        faster.finish_leader(0.0);
        assert_eq!(
            (start(&mut faster, &c, 0.0), start(&mut faster, &d, 0.0)),
            (0.0, 7.0)
        );
    }

    #[test]
    fn creates_behind_a_slow_leader_wait_for_its_answer_and_keep_their_spacing() {
        let mut queue = CreateQueue::new(1.0);
        let leader = queue.reserve(0.0);
        let (second, third) = (queue.reserve(0.0), queue.reserve(0.0));
        // The leader answers at 1,500 ms: everything moves by one interval (the cap), so the
        // second starts one interval after that answer could have arrived, the third after it.
        assert_eq!(queue.wait(&second, 1_020.0), Wait::Sleep(LEADER_POLL_MS));
        queue.finish_leader(1_500.0);
        assert_eq!(start(&mut queue, &second, 1_030.0), 2_040.0);
        assert_eq!(start(&mut queue, &third, 1_030.0), 3_060.0);
        let fourth = queue.reserve(1_600.0);
        assert_eq!(start(&mut queue, &fourth, 1_600.0), 4_080.0);
        assert!(leader.leads);
    }

    #[test]
    fn timers_that_fire_together_late_still_start_one_interval_apart() {
        let mut queue = CreateQueue::new(1.0);
        let a = queue.reserve(0.0);
        assert_eq!(queue.wait(&a, 0.0), Wait::Go);
        queue.finish_leader(0.0);
        let (b, c) = (queue.reserve(0.0), queue.reserve(0.0));
        // The event loop was busy until 2,500 ms: both timers fire then.
        assert_eq!(queue.wait(&b, 2_500.0), Wait::Go);
        assert_eq!(queue.wait(&c, 2_500.0), Wait::Sleep(1_020.0));
        assert_eq!(queue.wait(&c, 3_520.0), Wait::Go);
    }

    #[test]
    fn a_leader_that_never_answers_holds_the_queue_for_at_most_two_intervals_at_one_per_second() {
        let mut queue = CreateQueue::new(1.0);
        let _leader = queue.reserve(0.0);
        let second = queue.reserve(0.0);
        let started = start(&mut queue, &second, 0.0);
        assert!((2_040.0..2_060.0).contains(&started), "{started}");
        // The queue is free again: the next create is spaced from the second, not stuck.
        let third = queue.reserve(started);
        assert!(!third.leads);
        assert!(start(&mut queue, &third, started) - started >= 1_020.0);
    }
}
