//! The seams the client runs on: a transport that sends one HTTP request, and a runtime that tells
//! time, sleeps and draws random numbers. Browsers and Node use `fetch` and timers; native tests use
//! the simulator in process and a virtual clock.

use std::future::Future;
use std::pin::Pin;

/// A boxed future that need not be `Send` (wasm is single-threaded).
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// One request as the client sends it.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The full URL: base URL, encoded path and query.
    pub url: String,
    /// The path alone (for the logger: no query, which may hold personal data).
    pub path: String,
    /// Header names and values (including `authorization`: never log them).
    pub headers: Vec<(String, String)>,
    /// The JSON body, if any.
    pub body: Option<String>,
}

/// One answer.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Header names (lower case) and values.
    pub headers: Vec<(String, String)>,
    /// The body text.
    pub body: String,
}

impl HttpResponse {
    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Why a request got no answer.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum TransportError {
    /// The connection failed or broke; the request may or may not have been processed.
    Network(String),
    /// The request certainly never left (connection refused, a name that does not resolve):
    /// nothing was processed.
    NotSent(String),
    /// The per-attempt timeout ran out.
    Timeout,
    /// The caller's abort signal fired: stop at once, no retry. `sent` says whether the request had
    /// started (it may then have been processed).
    Aborted {
        /// Whether the request had been handed to the network when the abort came.
        sent: bool,
    },
}

/// Sends one request and waits for its answer (or the timeout).
pub trait Transport {
    /// Sends `request`, giving up after `timeout_ms` or when `signal` (a handle this transport
    /// understands) says stop.
    fn send(
        &self,
        request: HttpRequest,
        timeout_ms: u64,
        signal: Option<&super::Signal>,
    ) -> LocalFuture<'_, Result<HttpResponse, TransportError>>;
}

/// Time, chance and cancellation.
pub trait Runtime {
    /// The current time in epoch milliseconds.
    fn now_ms(&self) -> f64;
    /// The current time in milliseconds, as finely as the runtime can tell, for measuring short
    /// spans (the create queue's spacing and margins). Only differences between its readings
    /// mean anything. Default: [`Runtime::now_ms`].
    fn precise_ms(&self) -> f64 {
        self.now_ms()
    }
    /// Waits `ms` milliseconds (or less: every caller checks the time again after waking).
    fn sleep(&self, ms: u64) -> LocalFuture<'_, ()>;
    /// A uniformly random number in `[0, 1)`.
    fn random(&self) -> f64;
    /// Whether `signal` (a handle this runtime understands) has fired. Runtimes without signals
    /// answer false.
    fn is_aborted(&self, _signal: &super::Signal) -> bool {
        false
    }
    /// Resolves when `signal` fires; never, for runtimes without signals. The client races every
    /// wait (queue, backoff, token, request) against it, so an abort ends the call at once.
    fn on_abort<'a>(&'a self, _signal: &'a super::Signal) -> LocalFuture<'a, ()> {
        Box::pin(std::future::pending())
    }
}
