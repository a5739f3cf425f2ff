//! Thousands of creates at once on one client: each is woken only when its turn may have come,
//! the queue holds one timer at a time, every create is placed once in call order, and an abort in
//! the crowd hands its turn on. Counted on the paused clock against the simulator in process.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use tango_orders::client::*;
use tango_orders::error::ErrorKind;
use tango_sim::{SimOptions, Simulator};

mod common;
use common::in_process::{demo_config, AbortAt, SimTransport, TestRuntime};

/// The test runtime, counting the timers it makes and how many are alive at once.
struct CountingRuntime {
    inner: TestRuntime,
    timers: Rc<Timers>,
}

#[derive(Default)]
struct Timers {
    made: Cell<usize>,
    alive: Cell<usize>,
    most_alive: Cell<usize>,
}

/// Counts a timer as alive until it is dropped (fired or cancelled).
struct Alive(Rc<Timers>);

impl Drop for Alive {
    fn drop(&mut self) {
        self.0.alive.set(self.0.alive.get() - 1);
    }
}

impl Runtime for CountingRuntime {
    fn now_ms(&self) -> f64 {
        self.inner.now_ms()
    }
    fn sleep(&self, ms: u64) -> LocalFuture<'_, ()> {
        let timers = &self.timers;
        timers.made.set(timers.made.get() + 1);
        timers.alive.set(timers.alive.get() + 1);
        timers
            .most_alive
            .set(timers.most_alive.get().max(timers.alive.get()));
        let alive = Alive(Rc::clone(timers));
        let sleep = self.inner.sleep(ms);
        Box::pin(async move {
            let _alive = alive;
            sleep.await;
        })
    }
    fn random(&self) -> f64 {
        self.inner.random()
    }
    fn is_aborted(&self, signal: &Signal) -> bool {
        self.inner.is_aborted(signal)
    }
    fn on_abort<'a>(&'a self, signal: &'a Signal) -> LocalFuture<'a, ()> {
        self.inner.on_abort(signal)
    }
}

/// Counts the polls of a future: each is a wake-up of the create it runs.
struct Polled<'a, F> {
    future: Pin<Box<F>>,
    polls: &'a Cell<usize>,
}

impl<F: Future> Future for Polled<'_, F> {
    type Output = F::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.polls.set(self.polls.get() + 1);
        self.future.as_mut().poll(cx)
    }
}

fn order(row: usize) -> Value {
    json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
           "utid": "U000001", "amount": 5, "deliveryMethod": "NONE",
           "externalRefID": format!("load{row:05}")})
}

/// A client at `per_second` on a simulator with the same limit, counting its timers.
fn client_at(
    per_second: f64,
) -> (
    Client<SimTransport, CountingRuntime>,
    Rc<RefCell<Simulator>>,
    Rc<Timers>,
) {
    let sim = Rc::new(RefCell::new(Simulator::new(SimOptions {
        seed: 3,
        creates_per_second: per_second,
        ..SimOptions::default()
    })));
    let origin = tokio::time::Instant::now();
    let timers = Rc::new(Timers::default());
    let runtime = CountingRuntime {
        inner: TestRuntime::new(origin, 3),
        timers: Rc::clone(&timers),
    };
    let config = ClientConfig {
        orders_per_second: per_second,
        ..demo_config()
    };
    let transport = SimTransport::new(Rc::clone(&sim), origin);
    (
        Client::new(config.checked().unwrap(), transport, runtime),
        sim,
        timers,
    )
}

#[tokio::test(start_paused = true)]
async fn two_thousand_creates_at_once_wake_each_a_few_times_and_hold_one_timer() {
    const N: usize = 2_000;
    let (client, sim, timers) = client_at(1_000.0);
    let polls = Cell::new(0);
    let options = CallOptions::default();
    let creates = (0..N).map(|row| {
        let (client, options) = (&client, &options);
        Polled {
            future: Box::pin(async move { client.create_order(&order(row), options).await }),
            polls: &polls,
        }
    });
    let results = futures::future::join_all(creates).await;
    assert!(results.iter().all(|r| r.as_ref().is_ok_and(|r| r.created)));
    assert_eq!(sim.borrow().order_count(), N);
    let statuses = client.transport().statuses.borrow();
    assert!(statuses.iter().all(|&s| s == 201), "a 429 or other refusal");
    // Placed in call order, at least one interval apart.
    let placed: Vec<String> = (0..N)
        .map(|row| {
            let order = &results[row].as_ref().unwrap().order;
            order.external_ref_id.clone().unwrap_or_default()
        })
        .collect();
    assert_eq!(
        placed,
        (0..N)
            .map(|row| format!("load{row:05}"))
            .collect::<Vec<_>>()
    );
    let starts = client.transport().create_starts.borrow();
    assert!(starts.windows(2).all(|w| w[1] - w[0] >= 1.0), "{starts:?}");
    // Only the create at the front sleeps; the rest wait without a timer. (Each wait used to
    // sleep on a timer of its own and be woken by every change of the queue: here 2 million
    // timers and polls.)
    assert_eq!(timers.most_alive.get(), 1, "timers alive at once");
    assert!(timers.made.get() <= 2 * N, "{} timers", timers.made.get());
    assert!(
        polls.get() <= 4 * N,
        "{} polls for {N} creates",
        polls.get()
    );
}

#[tokio::test(start_paused = true)]
async fn creates_aborted_in_a_crowd_leave_at_once_and_the_rest_keep_their_order() {
    const N: usize = 300;
    let (client, sim, timers) = client_at(100.0);
    let plain = CallOptions::default();
    // Every third create is aborted after 500 ms, while most of the crowd is still queued.
    let aborted = CallOptions {
        signal: Some(AbortAt::signal(500)),
        ..CallOptions::default()
    };
    let creates = (0..N).map(|row| {
        let client = &client;
        let options = if row % 3 == 1 { &aborted } else { &plain };
        async move { (row, client.create_order(&order(row), options).await) }
    });
    let results = futures::future::join_all(creates).await;
    let mut placed = Vec::new();
    for (row, result) in &results {
        match result {
            Ok(_) => placed.push(*row),
            Err(error) => {
                assert_eq!(row % 3, 1, "row {row}: {error}");
                assert_eq!(error.kind(), ErrorKind::Aborted);
                assert!(!error.may_have_been_placed);
            }
        }
    }
    // The aborted creates that had started by 500 ms were placed; none after.
    let aborted_placed = placed.iter().filter(|row| *row % 3 == 1).count();
    assert!(aborted_placed < 60, "{aborted_placed}");
    assert_eq!(sim.borrow().order_count(), placed.len());
    assert_eq!(
        placed.len(),
        N - (N / 3) + aborted_placed,
        "every create not aborted is placed"
    );
    let statuses = client.transport().statuses.borrow();
    assert!(statuses.iter().all(|&s| s == 201));
    assert_eq!(timers.most_alive.get(), 1, "timers alive at once");
}
