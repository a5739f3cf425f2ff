//! The client (`tango_orders::client`) against the simulator in process: a transport that hands
//! each request to a `Simulator` and records what happened, and a runtime on tokio's clock (paused
//! in the tests, so the 1 s and 30 s rules, retries and backoff run exactly and fast).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use tango_orders::client::*;
use tango_orders::model::Sensitive;
use tango_sim::{Faults, Request, SimOptions, Simulator};

/// The simulator's virtual start, 2026-01-01T00:00:00Z; the runtime's clock starts there too.
pub const START_MS: f64 = 1_767_225_600_000.0;

/// Time from tokio's clock, chance from a seeded source.
pub struct TestRuntime {
    pub origin: tokio::time::Instant,
    pub rng: RefCell<fastrand::Rng>,
}

impl TestRuntime {
    /// A runtime whose clock starts at `origin`.
    pub fn new(origin: tokio::time::Instant, seed: u64) -> Self {
        TestRuntime {
            origin,
            rng: RefCell::new(fastrand::Rng::with_seed(seed)),
        }
    }
}

impl Runtime for TestRuntime {
    fn now_ms(&self) -> f64 {
        START_MS + self.origin.elapsed().as_millis() as f64
    }
    fn sleep(&self, ms: u64) -> LocalFuture<'_, ()> {
        Box::pin(tokio::time::sleep(std::time::Duration::from_millis(ms)))
    }
    fn random(&self) -> f64 {
        self.rng.borrow_mut().f64()
    }
    fn is_aborted(&self, signal: &Signal) -> bool {
        signal
            .downcast_ref::<AbortAt>()
            .is_some_and(|at| self.origin.elapsed().as_millis() as u64 >= at.0)
    }
    fn on_abort<'a>(&'a self, signal: &'a Signal) -> LocalFuture<'a, ()> {
        let Some(at) = signal.downcast_ref::<AbortAt>() else {
            return Box::pin(std::future::pending());
        };
        let deadline = self.origin + std::time::Duration::from_millis(at.0);
        Box::pin(tokio::time::sleep_until(deadline))
    }
}

/// A signal that fires at a virtual time: this many milliseconds after the runtime's origin.
pub struct AbortAt(pub u64);

impl AbortAt {
    /// As the opaque handle `CallOptions::signal` holds.
    pub fn signal(ms: u64) -> Signal {
        Rc::new(AbortAt(ms))
    }
}

/// The simulator as a transport, recording what was sent and answered.
pub struct SimTransport {
    pub sim: Rc<RefCell<Simulator>>,
    pub origin: tokio::time::Instant,
    /// Requests sent.
    pub requests: Cell<usize>,
    /// Statuses of the answers that arrived.
    pub statuses: RefCell<Vec<u16>>,
    /// When each `POST /orders` reached the simulator.
    pub create_starts: RefCell<Vec<f64>>,
    /// Bodies of the answers with a status of 400 or more.
    pub error_bodies: RefCell<Vec<String>>,
    /// Holds the next request this long before it reaches the simulator (a cold connection).
    pub next_arrival_delay_ms: Cell<u64>,
}

impl SimTransport {
    /// A transport to `sim` whose clock starts at `origin`.
    pub fn new(sim: Rc<RefCell<Simulator>>, origin: tokio::time::Instant) -> Self {
        SimTransport {
            sim,
            origin,
            requests: Cell::new(0),
            statuses: RefCell::new(Vec::new()),
            create_starts: RefCell::new(Vec::new()),
            error_bodies: RefCell::new(Vec::new()),
            next_arrival_delay_ms: Cell::new(0),
        }
    }
}

impl Transport for SimTransport {
    fn send(
        &self,
        request: HttpRequest,
        timeout_ms: u64,
        _signal: Option<&Signal>,
    ) -> LocalFuture<'_, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let delay = self.next_arrival_delay_ms.replace(0);
            if delay > 0 {
                tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
            }
            let now = START_MS + self.origin.elapsed().as_millis() as f64;
            self.requests.set(self.requests.get() + 1);
            if request.method == "POST" && request.path == "/orders" {
                self.create_starts.borrow_mut().push(now);
            }
            let answer = {
                let mut sim = self.sim.borrow_mut();
                sim.advance_to(now as i64);
                let body = request.body.unwrap_or_default().into_bytes();
                sim.handle(&Request::new(
                    request.method,
                    &request.url,
                    request.headers,
                    body,
                ))
            };
            if answer.delay_ms > timeout_ms {
                tokio::time::sleep(std::time::Duration::from_millis(timeout_ms)).await;
                return Err(TransportError::Timeout);
            }
            if answer.delay_ms > 0 {
                tokio::time::sleep(std::time::Duration::from_millis(answer.delay_ms)).await;
            }
            if answer.dropped {
                return Err(TransportError::Network("the connection dropped".into()));
            }
            self.statuses.borrow_mut().push(answer.status);
            let body = String::from_utf8_lossy(&answer.body).into_owned();
            if answer.status >= 400 {
                self.error_bodies.borrow_mut().push(body.clone());
            }
            Ok(HttpResponse {
                status: answer.status,
                headers: answer.headers,
                body,
            })
        })
    }
}

/// A client on the simulator in process.
pub type TestClient = Client<SimTransport, TestRuntime>;

/// The simulator's demo credentials at a made-up base URL (the transport ignores the host).
pub fn demo_config() -> ClientConfig {
    ClientConfig {
        base_url: "http://tango-sim.local/raas/v2".into(),
        auth: Auth::Basic {
            platform_name: "demo-platform".into(),
            platform_key: Sensitive::from("demo-key"),
        },
        ..ClientConfig::default()
    }
}

/// A client with `config` on a fresh simulator with `faults`, both seeded with `seed`; also the
/// simulator and the clock's origin.
pub fn sim_client(
    faults: Faults,
    seed: u64,
    config: ClientConfig,
) -> (TestClient, Rc<RefCell<Simulator>>, tokio::time::Instant) {
    let sim = Rc::new(RefCell::new(Simulator::new(SimOptions {
        seed,
        faults,
        ..SimOptions::default()
    })));
    let origin = tokio::time::Instant::now();
    let transport = SimTransport::new(Rc::clone(&sim), origin);
    let runtime = TestRuntime::new(origin, seed);
    let client = Client::new(config.checked().unwrap(), transport, runtime);
    (client, sim, origin)
}
