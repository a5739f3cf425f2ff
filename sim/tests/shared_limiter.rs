//! Several clients (standing for processes) sharing one limiter store, on the paused clock
//! against the simulator in process: creates spaced one second apart across all of them with no
//! 429, taking turns; an abort leaving at once; a store that stops answering, then answers again;
//! a resend refused for every client once one has sent it.
//!
//! The store here is a model of `tango-orders/redis`'s scripts in Rust (the same decisions on
//! the same clock); the scripts themselves are tested against a real redis-server in
//! `tests/package/redis.test.mjs`.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use serde_json::{json, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use tango_orders::client::*;
use tango_orders::error::{Error, ErrorKind};
use tango_sim::{SimOptions, Simulator};

mod common;
use common::in_process::{demo_config, AbortAt, SimTransport, TestRuntime, START_MS};

/// How long past its expected next ask a queued create keeps its place (as in the Redis scripts).
const GRACE_MS: f64 = 3_000.0;

/// The shared state, as the Redis scripts keep it.
#[derive(Default)]
struct Model {
    /// When the next create may go.
    tat: f64,
    last: String,
    go: f64,
    leader: bool,
    answered: bool,
    seq: u64,
    /// Queued tickets: (arrival, ticket, lease end).
    queue: Vec<(u64, String, f64)>,
    resends: HashMap<String, (String, f64)>,
}

/// A model of the Redis store, on the test clock, that can be made to fail or hang.
struct ModelStore {
    origin: tokio::time::Instant,
    state: RefCell<Model>,
    failing: Cell<bool>,
    hanging: Cell<bool>,
    calls: Cell<usize>,
}

impl ModelStore {
    fn new(origin: tokio::time::Instant) -> Rc<Self> {
        Rc::new(ModelStore {
            origin,
            state: RefCell::new(Model::default()),
            failing: Cell::new(false),
            hanging: Cell::new(false),
            calls: Cell::new(0),
        })
    }

    fn now(&self) -> f64 {
        self.origin.elapsed().as_millis() as f64
    }

    /// Failing, hanging, or answering with `answer()`.
    fn answer<'a, T: 'a>(
        &'a self,
        answer: impl FnOnce() -> T + 'a,
    ) -> LocalFuture<'a, Result<T, StoreFailed>> {
        self.calls.set(self.calls.get() + 1);
        if self.hanging.get() {
            return Box::pin(std::future::pending());
        }
        if self.failing.get() {
            return Box::pin(std::future::ready(Err(StoreFailed)));
        }
        let answer = answer();
        Box::pin(async move {
            // A round trip to the store.
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            Ok(answer)
        })
    }
}

/// A handle for one client ("process") to the shared model.
struct Handle(Rc<ModelStore>);

impl LimiterStore for Handle {
    fn timeout_ms(&self) -> u64 {
        500
    }

    fn take_create<'a>(&'a self, ask: CreateAsk<'a>) -> LocalFuture<'a, Result<f64, StoreFailed>> {
        let store = &self.0;
        let ticket = ask.ticket.to_owned();
        store.answer(move || {
            let now = store.now();
            let mut m = store.state.borrow_mut();
            m.queue.retain(|(_, _, lease)| *lease > now);
            if !m.queue.iter().any(|(_, t, _)| *t == ticket) {
                m.seq += 1;
                let seq = m.seq;
                m.queue.push((seq, ticket.clone(), now + GRACE_MS));
            }
            let rank = m.queue.iter().position(|(_, t, _)| *t == ticket).unwrap();
            let mut wait = m.tat - now;
            if m.leader && !m.answered && now < m.go + ask.hold_ms {
                // A leader that has not answered holds the queue: ask again soon.
                wait = wait.max((ask.interval_ms / 20.0).max(5.0));
            }
            if rank == 0 && wait <= 0.0 {
                m.queue.remove(0);
                m.tat = now + ask.interval_ms + ask.margin_ms;
                m.go = now;
                m.last = ticket;
                m.leader = ask.leads;
                m.answered = false;
                return 0.0;
            }
            let mut wait = wait.max(0.0);
            if rank > 0 {
                let behind = (rank - 1) as f64 * (ask.interval_ms + ask.margin_ms);
                wait += behind + (ask.interval_ms / 10.0).clamp(5.0, 50.0);
            }
            let wait = wait.ceil().max(1.0);
            if let Some(entry) = m.queue.iter_mut().find(|(_, t, _)| *t == ticket) {
                entry.2 = now + wait + GRACE_MS;
            }
            wait
        })
    }

    fn report_create(&self, report: CreateReport<'_>) {
        let mut m = self.0.state.borrow_mut();
        if m.last != report.ticket || self.0.hanging.get() || self.0.failing.get() {
            return;
        }
        let at = m.go + report.next_after_go_ms;
        if report.answered {
            m.tat = at;
            m.answered = true;
        } else {
            m.tat = m.tat.max(at);
        }
    }

    fn leave_create(&self, _account: &str, ticket: &str) {
        self.0
            .state
            .borrow_mut()
            .queue
            .retain(|(_, t, _)| t != ticket);
    }

    fn claim_resend<'a>(
        &'a self,
        _account: &'a str,
        key: &'a str,
        claim: &'a str,
    ) -> LocalFuture<'a, Result<f64, StoreFailed>> {
        let store = &self.0;
        store.answer(move || {
            let now = store.now();
            let mut m = store.state.borrow_mut();
            match m.resends.get(key) {
                Some((_, until)) if *until > now => until - now,
                _ => {
                    m.resends
                        .insert(key.to_owned(), (claim.to_owned(), now + 30_000.0));
                    0.0
                }
            }
        })
    }

    fn forget_resend(&self, _account: &str, key: &str, claim: &str) {
        let mut m = self.0.state.borrow_mut();
        if m.resends.get(key).is_some_and(|(held, _)| held == claim) {
            m.resends.remove(key);
        }
    }
}

type Process = Client<SimTransport, TestRuntime>;

/// `count` clients on one simulator, each with its own shared limiter on `store`, each logging
/// into `log`.
fn processes(
    count: usize,
    store: &Rc<ModelStore>,
    sim: &Rc<RefCell<Simulator>>,
    log: &Rc<RefCell<Vec<(usize, LogEvent)>>>,
) -> Vec<Process> {
    (0..count)
        .map(|index| {
            let sink = Rc::clone(log);
            let config = ClientConfig {
                logger: Some(Rc::new(move |event: &LogEvent| {
                    sink.borrow_mut().push((index, event.clone()))
                })),
                ..demo_config()
            };
            let limiter = Rc::new(SharedLimiter::new(Handle(Rc::clone(store)), 1.0));
            let transport = SimTransport::new(Rc::clone(sim), store.origin);
            let runtime = TestRuntime::new(store.origin, 10 + index as u64);
            Client::with_limiter(config.checked().unwrap(), transport, runtime, limiter)
        })
        .collect()
}

fn setup(count: usize) -> (Vec<Process>, Rc<ModelStore>, Rc<RefCell<Simulator>>, Log) {
    let origin = tokio::time::Instant::now();
    let store = ModelStore::new(origin);
    let sim = Rc::new(RefCell::new(Simulator::new(SimOptions {
        seed: 5,
        ..SimOptions::default()
    })));
    let log = Rc::new(RefCell::new(Vec::new()));
    (processes(count, &store, &sim, &log), store, sim, log)
}

type Log = Rc<RefCell<Vec<(usize, LogEvent)>>>;

fn order(process: usize, row: usize) -> Value {
    json!({"customerIdentifier": "demo-customer", "accountIdentifier": "demo-account",
           "utid": "U000001", "amount": 5, "deliveryMethod": "EMAIL",
           "recipient": {"firstName": "Ada", "email": "ada@example.com"},
           "externalRefID": format!("p{process}r{row:03}")})
}

/// Every create of every process, all at once; each result with when it ended (ms from start).
async fn create_all(
    clients: &[Process],
    per_process: usize,
    options: &CallOptions,
) -> Vec<(
    usize,
    usize,
    Result<CreateOrderResult, CreateOrderError>,
    f64,
)> {
    let creates = clients.iter().enumerate().flat_map(|(process, client)| {
        (0..per_process).map(move |row| async move {
            let result = client.create_order(&order(process, row), options).await;
            let at = client.runtime().now_ms() - START_MS;
            (process, row, result, at)
        })
    });
    futures::future::join_all(creates).await
}

/// When each create reached the simulator, from every process, in order.
fn arrivals(clients: &[Process]) -> Vec<f64> {
    let mut all: Vec<f64> = clients
        .iter()
        .flat_map(|c| c.transport().create_starts.borrow().clone())
        .collect();
    all.sort_by(f64::total_cmp);
    all
}

fn statuses(clients: &[Process]) -> Vec<u16> {
    clients
        .iter()
        .flat_map(|c| c.transport().statuses.borrow().clone())
        .collect()
}

#[tokio::test(start_paused = true)]
async fn four_processes_share_one_second_between_creates_and_take_turns() {
    let (clients, store, sim, log) = setup(4);
    let results = create_all(&clients, 6, &CallOptions::default()).await;
    assert!(results.iter().all(|(_, _, r, _)| r.is_ok()));
    assert_eq!(sim.borrow().order_count(), 24);
    assert!(statuses(&clients).iter().all(|&s| s == 201), "a 429");
    let arrived = arrivals(&clients);
    assert!(arrived.windows(2).all(|w| w[1] - w[0] >= 1_000.0));
    // At least 0.95 of the limit while work waits: 23 intervals in at most 23 / 0.95 s.
    let span = arrived[23] - arrived[0];
    assert!(span <= 23_000.0 / 0.95, "{span} ms for 24 creates");
    // Processes take turns: every process has one of its creates placed in each round of four.
    let mut ended: Vec<(f64, usize)> = results.iter().map(|(p, _, _, at)| (*at, *p)).collect();
    ended.sort_by(|a, b| a.0.total_cmp(&b.0));
    for round in ended.chunks(4) {
        let mut seen: Vec<usize> = round.iter().map(|(_, p)| *p).collect();
        seen.sort_unstable();
        assert_eq!(seen, [0, 1, 2, 3], "{ended:?}");
    }
    assert!(store.state.borrow().queue.is_empty());
    assert!(log.borrow().iter().all(|(_, e)| e.as_request().is_some()));
}

#[tokio::test(start_paused = true)]
async fn an_abort_while_waiting_in_the_store_ends_at_once_and_gives_the_turn_on() {
    let (clients, store, sim, _log) = setup(2);
    let abort = CallOptions {
        signal: Some(AbortAt::signal(1_500)),
        ..CallOptions::default()
    };
    let plain = CallOptions::default();
    let (a, b) = (&clients[0], &clients[1]);
    let (a0, b0) = (order(0, 0), order(1, 0));
    let (first, second, aborted, last) = futures::join!(
        a.create_order(&a0, &plain),
        b.create_order(&b0, &plain),
        async {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            let result = a.create_order(&order(0, 1), &abort).await;
            (result, a.runtime().now_ms() - START_MS)
        },
        async {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            b.create_order(&order(1, 1), &plain).await
        },
    );
    assert!(first.is_ok() && second.is_ok() && last.is_ok());
    let (result, at) = aborted;
    let error = result.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Aborted);
    assert!(!error.may_have_been_placed);
    assert_eq!(error.external_ref_id, "p0r001");
    assert!(at <= 1_550.0, "the abort ended the wait at {at} ms");
    assert_eq!(sim.borrow().order_count(), 3);
    // The aborted create's turn (the third, at about 2 s) went to the next one.
    let arrived = arrivals(&clients);
    assert!(arrived[2] < 2_100.0 + START_MS, "{arrived:?}");
    assert!(store.state.borrow().queue.is_empty());
}

#[tokio::test(start_paused = true)]
async fn a_store_that_hangs_is_left_after_its_timeout_and_used_again_when_it_answers() {
    let (clients, store, sim, log) = setup(2);
    let plain = CallOptions::default();
    let run = create_all(&clients, 8, &plain);
    let outage = async {
        tokio::time::sleep(std::time::Duration::from_millis(3_200)).await;
        store.hanging.set(true);
        tokio::time::sleep(std::time::Duration::from_millis(5_000)).await;
        store.hanging.set(false);
    };
    let (results, ()) = futures::join!(run, outage);
    // Every create placed once; the ones during the outage may meet Tango's 429 and be retried
    // with the same key.
    assert!(results.iter().all(|(_, _, r, _)| r.is_ok()), "{results:?}");
    assert_eq!(sim.borrow().order_count(), 16);
    // Then each process places two more: the store is asked again, answers, and is used again.
    let shared_from = clients[0].runtime().now_ms() + 1.0;
    let more = futures::future::join_all(clients.iter().enumerate().flat_map(|(p, client)| {
        let plain = &plain;
        (20..22).map(move |row| async move { client.create_order(&order(p, row), plain).await })
    }))
    .await;
    assert!(more.iter().all(Result::is_ok));
    let events: Vec<(usize, LimiterEvent)> = log
        .borrow()
        .iter()
        .filter_map(|(p, e)| match e {
            LogEvent::Limiter(event) => Some((*p, event.clone())),
            LogEvent::Request(_) => None,
        })
        .collect();
    for process in 0..2 {
        let states: Vec<&str> = events
            .iter()
            .filter(|(p, _)| *p == process)
            .map(|(_, e)| e.state)
            .collect();
        assert_eq!(states, ["unavailable", "restored"], "process {process}");
    }
    let unavailable = &events[0].1;
    assert_eq!(unavailable.reason, "timeout");
    assert!(unavailable.message.contains("500 ms"));
    // Shared again: the last four spaced a second apart, with no 429 among them.
    let arrived: Vec<f64> = arrivals(&clients)
        .into_iter()
        .filter(|at| *at >= shared_from)
        .collect();
    assert_eq!(arrived.len(), 4, "{arrived:?}");
    assert!(arrived.windows(2).all(|w| w[1] - w[0] >= 1_000.0));
    assert_eq!(sim.borrow().order_count(), 20);
}

#[tokio::test(start_paused = true)]
async fn a_resend_by_one_process_is_refused_for_every_other_without_a_request() {
    let (clients, store, _sim, _log) = setup(2);
    let plain = CallOptions::default();
    let placed = clients[0].create_order(&order(0, 0), &plain).await.unwrap();
    let id = placed.order.reference_order_id.unwrap();
    clients[0]
        .resend_order(&id, &Value::Null, &plain)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(5_000)).await;
    let sent = clients[1].transport().requests.get();
    let error = clients[1]
        .resend_order(&id, &Value::Null, &plain)
        .await
        .unwrap_err();
    match error {
        Error::ResendTooSoon { retry_after_ms } => {
            assert!(
                (24_000..=25_000).contains(&retry_after_ms),
                "{retry_after_ms}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(clients[1].transport().requests.get(), sent);
    // With the store failing, each process still refuses its own second resend.
    store.failing.set(true);
    let error = clients[0]
        .resend_order(&id, &Value::Null, &plain)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::ResendTooSoon { .. }), "{error:?}");
    // A resend Tango refuses before acting (not delivered) gives its claim back.
    store.failing.set(false);
    tokio::time::sleep(std::time::Duration::from_millis(30_000)).await;
    let missing = "RA000000-0000-01";
    let no_retry = CallOptions {
        max_retries: Some(0),
        ..CallOptions::default()
    };
    assert!(clients[0]
        .resend_order(missing, &Value::Null, &no_retry)
        .await
        .is_err());
    assert!(!store
        .state
        .borrow()
        .resends
        .contains_key(&format!("order:{missing}")));
}
