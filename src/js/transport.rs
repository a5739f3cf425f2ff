//! One HTTP attempt over `fetch`, in Rust: the request built with gloo-net (method, headers, body,
//! an `AbortController`'s signal), a per-attempt timeout, the caller's `AbortSignal` forwarded, and
//! the answer read into an [`HttpResponse`]. The decisions (retries, limits) stay in the core.

use super::runtime::OnAbort;
use super::timers::Timeout;
use crate::client::{HttpRequest, HttpResponse, LocalFuture, Signal, Transport, TransportError};
use gloo_net::http::{Method, RequestBuilder};
use js_sys::{Function, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

/// `fetch` as the client's transport: the global one or the caller's (the simulator's, a
/// proxy's, a test double), called the same way, `fetch(request)`.
///
/// Why not gloo-net's `Request::send`: it calls only the global `fetch`, and it panics when the
/// answer is not a `Response` instance (a polyfill's or a test double's), and a panic would kill
/// the module for the whole page. Its `Response::text` unwraps too; the body is read through
/// web-sys, whose call returns the error instead.
pub(super) struct FetchTransport {
    /// The fetch function: the global one or the caller's.
    pub fetch: Function,
}

impl Transport for FetchTransport {
    fn send(
        &self,
        request: HttpRequest,
        timeout_ms: u64,
        signal: Option<&Signal>,
    ) -> LocalFuture<'_, Result<HttpResponse, TransportError>> {
        let caller_signal = super::runtime::abort_signal(signal);
        Box::pin(async move {
            if caller_signal
                .as_ref()
                .is_some_and(super::runtime::has_fired)
            {
                return Err(TransportError::Aborted { sent: false });
            }
            let attempt = Attempt::start(timeout_ms, caller_signal)?;
            let request = attempt.build(request).map_err(|_| {
                TransportError::NotSent(
                    "the request could not be made: an unusable URL or header value".into(),
                )
            })?;
            let outcome = attempt.run(&self.fetch, &request).await;
            outcome.map_err(|error| attempt.classify(&error))
        })
    }
}

/// One attempt's cancellation: its own controller, aborted by the timer or the caller's signal.
/// Dropping it clears the timer and removes the listener, so nothing outlives the attempt.
struct Attempt {
    controller: AbortController,
    timed_out: Rc<Cell<bool>>,
    caller_signal: Option<AbortSignal>,
    _on_abort: Option<OnAbort>,
    _timeout: Timeout,
}

impl Attempt {
    fn start(timeout_ms: u64, caller_signal: Option<AbortSignal>) -> Result<Self, TransportError> {
        let controller = AbortController::new().map_err(|_| {
            TransportError::NotSent("no AbortController in this environment".into())
        })?;
        let timed_out = Rc::new(Cell::new(false));
        let timeout = {
            let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
            Timeout::new(timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let on_abort = caller_signal.clone().map(|signal| {
            let controller = controller.clone();
            OnAbort::new(signal, move || controller.abort())
        });
        Ok(Attempt {
            controller,
            timed_out,
            caller_signal,
            _on_abort: on_abort,
            _timeout: timeout,
        })
    }

    async fn run(
        &self,
        fetch: &Function,
        request: &web_sys::Request,
    ) -> Result<HttpResponse, JsValue> {
        let answer = fetch.call1(&JsValue::NULL, request)?;
        let answer = JsFuture::from(Promise::resolve(&answer)).await?;
        let (status, headers, body) = match answer.dyn_ref::<web_sys::Response>() {
            Some(response) => {
                let response = gloo_net::http::Response::from(Clone::clone(response));
                let status = response.status();
                let headers = response.headers().into_raw();
                let pairs = collect_headers(|callback| headers.for_each(callback))?;
                let body = JsFuture::from(web_sys::Response::from(response).text()?).await?;
                (status, pairs, body)
            }
            None => read_look_alike(&answer).await?,
        };
        Ok(HttpResponse {
            status,
            headers,
            body: body.as_string().unwrap_or_default(),
        })
    }

    /// The `Request`, or the error `new Request` threw (an unusable URL or header value).
    fn build(&self, request: HttpRequest) -> Result<web_sys::Request, JsValue> {
        let method = match request.method {
            "POST" => Method::POST,
            "PATCH" => Method::PATCH,
            "DELETE" => Method::DELETE,
            "PUT" => Method::PUT,
            _ => Method::GET,
        };
        // Headers built here rather than with the builder's `header`, which throws on a value
        // `Headers` refuses (a token with a newline); this returns the error.
        let headers = web_sys::Headers::new()?;
        for (name, value) in &request.headers {
            headers.append(name, value)?;
        }
        let builder = RequestBuilder::new(&request.url)
            .method(method)
            .headers(gloo_net::http::Headers::from_raw(headers))
            .abort_signal(Some(&self.controller.signal()));
        let built = match request.body {
            Some(body) => builder.body(body),
            None => builder.build(),
        };
        built.map(web_sys::Request::from).map_err(|_| JsValue::NULL)
    }

    /// What a failed attempt means. The error itself is not kept: its message can name the host
    /// or echo the request.
    fn classify(&self, error: &JsValue) -> TransportError {
        if self
            .caller_signal
            .as_ref()
            .is_some_and(super::runtime::has_fired)
        {
            TransportError::Aborted { sent: true }
        } else if self.timed_out.get() {
            TransportError::Timeout
        } else if never_sent(error) {
            TransportError::NotSent("connection refused".into())
        } else {
            TransportError::Network("fetch failed".into())
        }
    }
}

/// An answer that is not a `Response` (a test double, another fetch's own class), read by name
/// through calls that catch: typed web-sys calls on an odd object (`undefined`, a getter that
/// throws) would throw through the wasm instead of failing the attempt.
async fn read_look_alike(
    answer: &JsValue,
) -> Result<(u16, Vec<(String, String)>, JsValue), JsValue> {
    let member = |object: &JsValue, key: &str| Reflect::get(object, &key.into());
    let function = |object: &JsValue, key: &str| -> Result<Function, JsValue> {
        member(object, key)?.dyn_into::<Function>()
    };
    let status = member(answer, "status")?.as_f64().unwrap_or(0.0);
    let headers = member(answer, "headers")?;
    let for_each = function(&headers, "forEach")?;
    let pairs = collect_headers(|callback| for_each.call1(&headers, callback).map(drop))?;
    let text = function(answer, "text")?.call0(answer)?;
    let body = JsFuture::from(Promise::resolve(&text)).await?;
    // A status outside 0..=65535 is no HTTP status: read as 0, which no rule retries or accepts.
    let status = if (0.0..=65_535.0).contains(&status) {
        status as u16
    } else {
        0
    };
    Ok((status, pairs, body))
}

/// The headers as pairs, through `forEach` (`call` makes the call, which catches): every `Headers`
/// has it, including the plain objects of typed test doubles (gloo-net's `entries` needs the
/// iterator protocol).
fn collect_headers(
    call: impl FnOnce(&Function) -> Result<(), JsValue>,
) -> Result<Vec<(String, String)>, JsValue> {
    let collected = Rc::new(std::cell::RefCell::new(Vec::new()));
    let collect = {
        let collected = Rc::clone(&collected);
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |value: JsValue, name: JsValue| {
            if let (Some(name), Some(value)) = (name.as_string(), value.as_string()) {
                collected.borrow_mut().push((name, value));
            }
        })
    };
    call(collect.as_ref().unchecked_ref())?;
    drop(collect);
    let pairs = collected.take();
    Ok(pairs)
}

/// Errors that prove the request never left: Node's fetch (undici) names the socket error in
/// `cause.code`. Browsers say only "Failed to fetch", which counts as possibly sent.
fn never_sent(error: &JsValue) -> bool {
    const NEVER_SENT: [&str; 5] = [
        "ECONNREFUSED",
        "ENOTFOUND",
        "EAI_AGAIN",
        "EAI_NONAME",
        "ERR_INVALID_URL",
    ];
    let code = |value: &JsValue| {
        Reflect::get(value, &"code".into())
            .ok()
            .and_then(|code| code.as_string())
    };
    let cause = Reflect::get(error, &"cause".into()).unwrap_or(JsValue::UNDEFINED);
    let code = if cause.is_object() {
        code(&cause)
    } else {
        None
    }
    .or_else(|| error.is_object().then(|| code(error)).flatten());
    code.is_some_and(|code| NEVER_SENT.contains(&code.as_str()))
}
