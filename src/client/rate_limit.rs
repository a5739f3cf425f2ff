//! The create queue: at most `orders_per_second` creates start per second, in call order, retries
//! included, so a burst of creates meets no 429.

use std::collections::VecDeque;
use std::task::Waker;

/// The queue of creates waiting to start, in call order. A create takes a [`Ticket`] when it asks
/// and starts when it is at the front and one interval plus a margin has passed since the last
/// start; a retry takes a new ticket and queues behind later calls. A ticket given back before it
/// started (its call was aborted) leaves the queue at once, so the create behind it takes its place.
///
/// Only the create at the front ever waits on a timer; the others wait, without a timer, to be
/// woken when they reach the front. Every change that can move the front's turn (a start, a ticket
/// given back, an answer) wakes that one create and no other, so a queue of any length costs
/// the same per create.
///
/// The margin: Tango counts *arrivals*, and a `fetch` cannot tell when its request arrived, only
/// when its answer did. Two requests sent one interval apart arrive closer than that when the first
/// was delayed on the way more than the second. A request that has been answered arrived before its
/// answer, so after an answer the margin is that answer's time plus the resolution of the client's
/// clock: nothing to guess, and little to lose on a quick connection. It is capped at 10 % of
/// the interval (3 to 20 ms), so that a slow network costs at most that: beyond it the margin is a
/// guess again. Without an answer yet, the margin is 2 % of the interval (3 to 20 ms). Spacing is
/// measured from when the last request left (not from its turn, and not from a planned start): a
/// busy event loop fires several late timers at once, and Tango would refuse the ones that then
/// leave together.
///
/// A create that finds the queue idle *leads*: it may be delayed by far more than any margin before
/// it reaches Tango (a new connection, a TLS handshake, a token fetch), with no earlier answer to
/// compare with. So the create behind a leader waits for its answer, and starts one interval plus
/// the leader's time to answer after the leader started: a burst pays that once instead of a 429
/// and a retry. The extra waits are capped at one interval or one second, whichever is longer (a
/// cold connection takes a few hundred ms; a create slower than that has surely arrived).
#[derive(Clone, Debug)]
pub struct CreateQueue {
    interval_ms: f64,
    /// The margin while the last create has not answered.
    blind_margin_ms: f64,
    /// The most margin an answer can ask for.
    answered_margin_cap_ms: f64,
    /// Tickets that have not started, in call order (so in increasing `id`), each with the waker
    /// of the create waiting on it.
    waiting: VecDeque<Waiting>,
    next_ticket: u64,
    /// When the last create started.
    last_go_ms: f64,
    /// The last create to start, and its time to answer once it has.
    last: Option<(u64, Option<f64>)>,
    /// The leading create in flight: its ticket and start.
    leader: Option<(u64, f64)>,
    /// Added to the gap before the next start: the last leader's time to answer (capped).
    leader_delay_ms: f64,
    /// The clock's resolution as far as seen: the smallest step between two readings, at most
    /// 1 ms (see [`CreateQueue::observe`]).
    resolution_ms: f64,
    /// The last reading of the clock.
    last_now_ms: f64,
}

/// A ticket that has not started, and who to wake when its turn may have come.
#[derive(Clone, Debug)]
struct Waiting {
    id: u64,
    waker: Option<Waker>,
}

/// A create's place in the queue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ticket {
    id: u64,
    /// Whether this create leads (found the queue idle).
    pub leads: bool,
}

/// What a waiting create should do now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// Start now.
    Go,
    /// At the front: sleep this long (or until woken), then ask again.
    Sleep(f64),
    /// Behind others: wait, without a timer, until woken (see [`CreateQueue::park`]).
    Queued,
}

/// How far apart creates start at a given rate: the same numbers for the queue of one process and
/// for a shared store (see `CreateQueue` for why each is what it is).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spacing {
    /// One interval, in whole milliseconds.
    pub interval_ms: f64,
    /// The margin while the last create has not answered: 2 % of the interval, 3 to 20 ms.
    pub blind_margin_ms: f64,
    /// The most margin an answer can ask for: 10 % of the interval, 3 to 20 ms.
    pub answered_margin_cap_ms: f64,
    /// The longest extra wait after a slow or unanswered leader: an interval or a second.
    pub hold_cap_ms: f64,
}

impl Spacing {
    /// The spacing at `per_second` creates per second.
    pub fn new(per_second: f64) -> Self {
        // Whole milliseconds, rounded up: Tango's clock (and the simulator's) counts whole
        // milliseconds, and two arrivals a whole interval apart by the true time always read at
        // least that far apart there; a fraction could read as one millisecond less.
        let interval_ms = (1_000.0 / per_second).ceil();
        Spacing {
            interval_ms,
            blind_margin_ms: (interval_ms * 0.02).clamp(3.0, 20.0),
            answered_margin_cap_ms: (interval_ms * 0.1).clamp(3.0, 20.0),
            hold_cap_ms: Self::hold_cap_ms(interval_ms),
        }
    }

    fn hold_cap_ms(interval_ms: f64) -> f64 {
        interval_ms.max(1_000.0)
    }
}

/// The shortest sleep a waiter is told, so that rounding never makes it spin.
const MIN_SLEEP_MS: f64 = 1.0;

/// The clock's resolution until a finer one is seen: whole milliseconds, as `Date.now` counts.
const COARSEST_RESOLUTION_MS: f64 = 1.0;

impl CreateQueue {
    /// A queue allowing `per_second` starts per second (Tango allows 1).
    pub fn new(per_second: f64) -> Self {
        let Spacing {
            interval_ms,
            blind_margin_ms,
            answered_margin_cap_ms,
            ..
        } = Spacing::new(per_second);
        CreateQueue {
            interval_ms,
            blind_margin_ms,
            answered_margin_cap_ms,
            waiting: VecDeque::new(),
            next_ticket: 0,
            last_go_ms: f64::MIN,
            last: None,
            leader: None,
            leader_delay_ms: 0.0,
            resolution_ms: COARSEST_RESOLUTION_MS,
            last_now_ms: f64::MIN,
        }
    }

    /// Learns the clock's resolution from its readings, which reach the queue in order: the
    /// smallest step between two of them. A request sent "one interval" after another's answer by
    /// a clock of resolution `r` may have left up to `r` earlier, so `r` is the least margin
    /// after an answer; a clock that reads finer than it counts (performance.now in Node reads
    /// microseconds) costs only that.
    fn observe(&mut self, now_ms: f64) {
        let step = now_ms - self.last_now_ms;
        if step > 0.0 {
            self.resolution_ms = self.resolution_ms.min(step);
            self.last_now_ms = now_ms;
        }
    }

    /// Joins the queue at `now_ms`.
    pub fn reserve(&mut self, now_ms: f64) -> Ticket {
        self.observe(now_ms);
        let idle =
            self.waiting.is_empty() && self.leader.is_none() && self.earliest_start() <= now_ms;
        let id = self.next_ticket;
        self.next_ticket += 1;
        self.waiting.push_back(Waiting { id, waker: None });
        Ticket { id, leads: idle }
    }

    /// Whether the create holding `ticket` may start at `now_ms`.
    pub fn wait(&mut self, ticket: &Ticket, now_ms: f64) -> Wait {
        self.observe(now_ms);
        match self.waiting.front() {
            Some(front) if front.id == ticket.id => {}
            // Not waiting (started or given back): nothing to wait for.
            _ if self.index_of(ticket).is_none() => return Wait::Go,
            // Behind others: woken when it reaches the front.
            _ => return Wait::Queued,
        }
        if let Some((_, leader_start)) = self.leader {
            let deadline = leader_start + self.interval_ms + self.cap_ms();
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
        self.last = Some((ticket.id, None));
        self.leader_delay_ms = 0.0;
        if ticket.leads {
            self.leader = Some((ticket.id, now_ms));
        }
        // The next create is at the front now: its turn is one interval away.
        self.wake_front();
        Wait::Go
    }

    /// Keeps `waker` to wake the create holding `ticket` when its turn may have come (it reached
    /// the front, or the front's turn moved). Replaces the waker it kept before.
    pub fn park(&mut self, ticket: &Ticket, waker: &Waker) {
        if let Some(index) = self.index_of(ticket) {
            if let Some(waiting) = self.waiting.get_mut(index) {
                match &waiting.waker {
                    Some(kept) if kept.will_wake(waker) => {}
                    _ => waiting.waker = Some(waker.clone()),
                }
            }
        }
    }

    /// Gives back a ticket that has not started (its call was aborted). Returns whether it was
    /// still waiting.
    pub fn release(&mut self, ticket: &Ticket) -> bool {
        let Some(index) = self.index_of(ticket) else {
            return false;
        };
        self.waiting.remove(index);
        if index == 0 {
            self.wake_front();
        }
        true
    }

    /// Records that the create holding `ticket` (the last to start) is being sent at `now_ms`:
    /// what happened between its turn and its request (headers, a token) moves the next start.
    pub fn sending(&mut self, ticket: &Ticket, now_ms: f64) {
        self.observe(now_ms);
        if self.last.map(|(id, _)| id) == Some(ticket.id) {
            self.last_go_ms = self.last_go_ms.max(now_ms);
        }
        if let Some((id, start)) = &mut self.leader {
            if *id == ticket.id {
                *start = start.max(now_ms);
            }
        }
    }

    /// Records that the create holding `ticket`, which was sent at `started_ms`, has answered (or
    /// failed, or was abandoned) at `now_ms`. Returns whether that changes when the next create may
    /// start; if so, the create at the front is woken to look again.
    pub fn finish(&mut self, ticket: &Ticket, started_ms: f64, now_ms: f64) -> bool {
        self.observe(now_ms);
        let took = (now_ms - started_ms).max(0.0);
        let mut changed = false;
        if let Some((id, answer)) = &mut self.last {
            if *id == ticket.id {
                *answer = Some(took);
                changed = true;
            }
        }
        if self.leader.map(|(id, _)| id) == Some(ticket.id) {
            self.end_leader(now_ms);
            changed = true;
        }
        if changed {
            self.wake_front();
        }
        if self.waiting.is_empty() {
            // A burst is over: give back what its tickets took.
            self.waiting.shrink_to(16);
        }
        changed
    }

    /// Where `ticket` waits: tickets are queued in increasing order, so a binary search finds it.
    fn index_of(&self, ticket: &Ticket) -> Option<usize> {
        self.waiting
            .binary_search_by_key(&ticket.id, |waiting| waiting.id)
            .ok()
    }

    /// Wakes the create at the front, if it waits.
    fn wake_front(&mut self) {
        if let Some(waker) = self
            .waiting
            .front_mut()
            .and_then(|front| front.waker.take())
        {
            waker.wake();
        }
    }

    fn end_leader(&mut self, now_ms: f64) {
        if let Some((_, leader_start)) = self.leader.take() {
            self.leader_delay_ms = (now_ms - leader_start).clamp(0.0, self.cap_ms());
        }
    }

    /// The margin after the last start (see the type's documentation).
    fn margin_ms(&self) -> f64 {
        match self.last {
            Some((_, Some(took))) => (took + self.resolution_ms).min(self.answered_margin_cap_ms),
            _ => self.blind_margin_ms,
        }
    }

    /// When the next create may start, leader aside.
    fn earliest_start(&self) -> f64 {
        self.last_go_ms + self.interval_ms + self.margin_ms() + self.leader_delay_ms
    }

    /// The longest extra wait after a slow or unanswered create.
    fn cap_ms(&self) -> f64 {
        Spacing::hold_cap_ms(self.interval_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::Wake;

    /// Runs the wait protocol for `ticket`, at the front, from `now`, assuming nothing else
    /// happens meanwhile.
    fn start(queue: &mut CreateQueue, ticket: &Ticket, mut now: f64) -> f64 {
        loop {
            match queue.wait(ticket, now) {
                Wait::Go => return now,
                Wait::Sleep(ms) => now += ms,
                Wait::Queued => panic!("{ticket:?} is not at the front"),
            }
        }
    }

    /// A waker that counts how often it was woken.
    #[derive(Default)]
    struct Count(AtomicUsize);

    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn woken(count: &Arc<Count>) -> usize {
        count.0.load(Ordering::Relaxed)
    }

    #[test]
    fn starts_are_one_interval_apart_in_call_order() {
        let mut queue = CreateQueue::new(1.0);
        let first = queue.reserve(0.0);
        assert!(first.leads);
        assert_eq!(queue.wait(&first, 0.0), Wait::Go);
        // The leader's 5 ms to answer move the next start by 5 ms, and the margin is those 5 ms
        // plus 1 ms for a clock that counts whole milliseconds (less than the usual 20 at 1/s).
        assert!(queue.finish(&first, 0.0, 5.0));
        let second = queue.reserve(0.0);
        let third = queue.reserve(10.0);
        assert!(!second.leads && !third.leads);
        // The third, behind the second, holds no timer: it is woken when it reaches the front.
        assert_eq!(queue.wait(&third, 10.0), Wait::Queued);
        assert_eq!(start(&mut queue, &second, 0.0), 1_011.0);
        // The second has not answered: the third keeps the blind margin (2 % at 1/s: 20 ms).
        assert_eq!(queue.wait(&third, 1_500.0), Wait::Sleep(531.0));
        // It answers in 5 ms: the margin is 5 + 1 ms.
        assert!(queue.finish(&second, 1_011.0, 1_016.0));
        assert_eq!(start(&mut queue, &third, 1_500.0), 2_017.0);
        // After a quiet spell, the next create starts at once, and leads.
        let later = queue.reserve(60_000.0);
        assert!(later.leads);
        assert_eq!(queue.wait(&later, 60_000.0), Wait::Go);
        let mut fast = CreateQueue::new(4.0);
        let (a, b) = (fast.reserve(0.0), fast.reserve(0.0));
        assert_eq!(start(&mut fast, &a, 0.0), 0.0);
        fast.finish(&a, 0.0, 1.0);
        assert_eq!(start(&mut fast, &b, 0.0), 253.0);
        // At high limits the blind margin is at least 3 ms.
        let mut faster = CreateQueue::new(250.0);
        let (c, d, e) = (
            faster.reserve(0.0),
            faster.reserve(0.0),
            faster.reserve(0.0),
        );
        assert_eq!(start(&mut faster, &c, 0.0), 0.0);
        faster.finish(&c, 0.0, 0.0);
        assert_eq!(start(&mut faster, &d, 0.0), 5.0);
        assert_eq!(start(&mut faster, &e, 0.0), 12.0);
    }

    #[test]
    fn after_a_quick_answer_the_margin_is_that_answer_after_a_slow_one_the_usual() {
        let mut queue = CreateQueue::new(1.0);
        let a = queue.reserve(0.0);
        assert_eq!(queue.wait(&a, 0.0), Wait::Go);
        queue.finish(&a, 0.0, 0.0);
        let (b, c, d) = (queue.reserve(0.0), queue.reserve(0.0), queue.reserve(0.0));
        assert_eq!(start(&mut queue, &b, 0.0), 1_001.0);
        // b has not answered: c would go after the usual margin (20 ms at 1/s) …
        assert_eq!(queue.wait(&c, 1_500.0), Wait::Sleep(521.0));
        // … but b answers in 7 ms, so its request arrived by then: c waits 7 + 1 ms.
        assert!(queue.finish(&b, 1_001.0, 1_008.0));
        assert_eq!(start(&mut queue, &c, 1_500.0), 2_009.0);
        // c takes 40 ms: its request may have arrived any time in them; d keeps the usual 20.
        queue.finish(&c, 2_009.0, 2_049.0);
        assert_eq!(start(&mut queue, &d, 2_100.0), 3_029.0);
        // An answer of a create that is not the last one changes nothing.
        assert!(!queue.finish(&b, 1_001.0, 1_003.0));
    }

    #[test]
    fn at_ten_per_second_an_answer_can_widen_the_margin_to_ten_percent() {
        let mut queue = CreateQueue::new(10.0);
        let a = queue.reserve(0.0);
        assert_eq!(queue.wait(&a, 0.0), Wait::Go);
        queue.finish(&a, 0.0, 0.0);
        let (b, c, d) = (queue.reserve(0.0), queue.reserve(0.0), queue.reserve(0.0));
        assert_eq!(start(&mut queue, &b, 0.0), 101.0);
        // 5 ms to answer: 6 ms of margin, more than the 3 ms a blind guess would give.
        queue.finish(&b, 101.0, 106.0);
        assert_eq!(start(&mut queue, &c, 0.0), 207.0);
        // 30 ms: capped at 10 ms, 10 % of the interval.
        queue.finish(&c, 207.0, 237.0);
        assert_eq!(start(&mut queue, &d, 0.0), 317.0);
    }

    #[test]
    fn the_next_start_counts_from_when_the_request_left() {
        let mut queue = CreateQueue::new(1.0);
        let (a, b) = (queue.reserve(0.0), queue.reserve(0.0));
        assert_eq!(queue.wait(&a, 0.0), Wait::Go);
        queue.sending(&a, 3.0); // its headers took 3 ms
        queue.finish(&a, 3.0, 4.0);
        // From 3 ms: one interval, the 1 ms answer + 1 ms as margin, the leader's 1 ms.
        assert_eq!(start(&mut queue, &b, 0.0), 1_006.0);
        queue.sending(&a, 2_000.0); // not the last to start: nothing moves
        assert_eq!(queue.last_go_ms, 1_006.0);
    }

    #[test]
    fn the_create_behind_a_slow_leader_waits_for_its_answer_and_keeps_its_spacing() {
        let mut queue = CreateQueue::new(1.0);
        let leader = queue.reserve(0.0);
        assert_eq!(queue.wait(&leader, 0.0), Wait::Go);
        let (second, third) = (queue.reserve(0.0), queue.reserve(0.0));
        // While the leader has not answered, the second may wait up to two intervals.
        assert_eq!(queue.wait(&second, 1_020.0), Wait::Sleep(980.0));
        // It answers at 1,500 ms: the extra wait is capped at one interval.
        queue.finish(&leader, 0.0, 1_500.0);
        assert_eq!(start(&mut queue, &second, 1_500.0), 2_020.0);
        assert_eq!(start(&mut queue, &third, 1_500.0), 3_040.0);
        let fourth = queue.reserve(3_100.0);
        assert_eq!(start(&mut queue, &fourth, 3_100.0), 4_060.0);
    }

    #[test]
    fn timers_that_fire_together_late_still_start_one_interval_apart() {
        let mut queue = CreateQueue::new(1.0);
        let a = queue.reserve(0.0);
        assert_eq!(queue.wait(&a, 0.0), Wait::Go);
        queue.finish(&a, 0.0, 0.0);
        let (b, c) = (queue.reserve(0.0), queue.reserve(0.0));
        // The event loop was busy until 2,500 ms: both wake then.
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
        assert_eq!(started, 2_020.0);
        // The queue is free again: the next create is spaced from the second, not stuck; the old
        // leader's late answer changes nothing.
        assert!(!queue.finish(&leader, 0.0, 2_100.0));
        let third = queue.reserve(started);
        assert!(!third.leads);
        assert_eq!(start(&mut queue, &third, started), 3_040.0);
    }

    #[test]
    fn a_ticket_given_back_before_it_started_hands_its_turn_to_the_next() {
        let mut queue = CreateQueue::new(1.0);
        let first = queue.reserve(0.0);
        assert_eq!(queue.wait(&first, 0.0), Wait::Go);
        queue.finish(&first, 0.0, 0.0);
        let (second, third, fourth) = (queue.reserve(0.0), queue.reserve(0.0), queue.reserve(0.0));
        assert_eq!(queue.wait(&fourth, 50.0), Wait::Queued);
        // The second is aborted at 50 ms: the third now starts at the second's time, the fourth
        // one interval later.
        assert!(queue.release(&second));
        assert!(!queue.release(&second));
        assert_eq!(queue.wait(&fourth, 50.0), Wait::Queued);
        assert_eq!(start(&mut queue, &third, 50.0), 1_001.0);
        assert_eq!(start(&mut queue, &fourth, 50.0), 2_021.0);
        // Giving back a ticket that started does nothing.
        assert!(!queue.release(&third));
        assert!(queue.waiting.is_empty());
    }

    #[test]
    fn only_the_create_at_the_front_is_woken_and_only_when_its_turn_may_have_moved() {
        let mut queue = CreateQueue::new(1.0);
        let tickets: Vec<Ticket> = (0..5).map(|_| queue.reserve(0.0)).collect();
        let counts: Vec<Arc<Count>> = (0..5).map(|_| Arc::new(Count::default())).collect();
        for (ticket, count) in tickets.iter().zip(&counts) {
            queue.park(ticket, &Arc::clone(count).into());
        }
        let woken_all = || counts.iter().map(woken).collect::<Vec<_>>();
        // The first starts: only the second (now at the front) is woken.
        assert_eq!(queue.wait(&tickets[0], 0.0), Wait::Go);
        assert_eq!(woken_all(), [0, 1, 0, 0, 0]);
        // A ticket in the middle given back moves nobody's turn: no one is woken.
        assert!(queue.release(&tickets[3]));
        assert_eq!(woken_all(), [0, 1, 0, 0, 0]);
        // The front, asleep on its timer, parks again; the first's answer moves its turn: woken.
        assert!(matches!(queue.wait(&tickets[1], 5.0), Wait::Sleep(_)));
        queue.park(&tickets[1], &Arc::clone(&counts[1]).into());
        assert!(queue.finish(&tickets[0], 0.0, 5.0));
        assert_eq!(woken_all(), [0, 2, 0, 0, 0]);
        // A waker is used once: a second change before the front looked again wakes no one.
        assert!(queue.finish(&tickets[0], 0.0, 6.0));
        assert_eq!(woken_all(), [0, 2, 0, 0, 0]);
        // The front given back (its call aborted): the next is woken at once.
        queue.park(&tickets[1], &Arc::clone(&counts[1]).into());
        assert!(queue.release(&tickets[1]));
        assert_eq!(woken_all(), [0, 2, 1, 0, 0]);
        assert_eq!(queue.waiting.len(), 2);
    }

    #[test]
    fn a_clock_that_reads_finer_than_milliseconds_narrows_the_margin_to_its_steps() {
        let mut queue = CreateQueue::new(1_000.0);
        let (a, b, c) = (queue.reserve(0.0), queue.reserve(0.0), queue.reserve(0.0));
        assert_eq!(queue.wait(&a, 0.0), Wait::Go);
        // A reading 0.25 ms on: the margin after an answer is the answer's 0.25 ms plus 0.25 ms
        // (not a whole millisecond), and the leader's 0.25 ms to answer delay the next start.
        queue.finish(&a, 0.0, 0.25);
        assert_eq!(start(&mut queue, &b, 0.25), 1.75);
        // A finer step still: 0.125 ms to answer, 0.125 ms of margin.
        queue.finish(&b, 1.75, 1.875);
        assert_eq!(start(&mut queue, &c, 1.875), 3.0);
        // An interval that is not whole milliseconds is rounded up, as Tango's clock counts them.
        assert_eq!(CreateQueue::new(1.5).interval_ms, 667.0);
        assert_eq!(CreateQueue::new(1.0).interval_ms, 1_000.0);
    }
}
