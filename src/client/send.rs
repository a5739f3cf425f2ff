//! The send engine: one call's attempts, each waiting for its turn (the limiter), its token and
//! its answer, retried with backoff as the call's kind allows, logged, and ended at once by the
//! call's signal. It sends what the endpoint table (`endpoint.rs`) prepared and returns the body.

use super::endpoint::{CallKind, Endpoint, Prepared};
use super::{
    delay_ms, may_have_reached, parse_retry_after, should_retry, Auth, CallOptions, Client,
    HttpRequest, HttpResponse, LogEvent, RequestEvent, Retryability, Runtime, Transport,
    TransportError,
};
use crate::error::{ApiError, Error};

impl<T: Transport, R: Runtime> Client<T, R> {
    /// Sends `endpoint`'s call, retrying as its kind allows, and returns the successful answer's
    /// body. Resends go through the 30 s guard first.
    pub async fn call(
        &self,
        endpoint: Endpoint<'_>,
        options: &CallOptions,
    ) -> Result<String, Error> {
        let call = endpoint.prepare(&self.validation(options))?;
        let response = match &call.resend_key {
            Some(key) => self.resend(key, &call, options).await?,
            None => self.execute(&call, options, &mut false).await?,
        };
        Ok(response.body)
    }

    /// A resend, behind the 30 s guard: refused at once, without a request, when the limiter saw the
    /// same thing resent less than 30 s ago (by this client, or by any sharing its limiter).
    async fn resend(
        &self,
        key: &str,
        call: &Prepared,
        options: &CallOptions,
    ) -> Result<HttpResponse, Error> {
        let context = self.limiter_context();
        let claim = self.limiter.claim_resend(&context, key);
        if let Err(retry_after_ms) = self.abortable(options.signal.as_ref(), claim).await? {
            return Err(Error::ResendTooSoon { retry_after_ms });
        }
        let result = self.execute(call, options, &mut false).await;
        if let Err(Error::Api(api)) = &result {
            // Refused before Tango acted (bad request, not found, undelivered): the next resend
            // need not wait.
            if api.status != 403 || api.body.i18n_key.as_deref() != Some("403.005") {
                self.limiter.forget_resend(&context, key);
            }
        }
        result
    }

    /// Sends one call, retrying as the rules allow, and returns the successful answer. Every wait
    /// (the limiter, the token, the request, the backoff) ends at once when the call's signal
    /// fires; a backoff longer than `max_retry_delay_ms` is not slept: the call fails with it.
    /// `reached` is set when a failed attempt may have reached Tango (see [`may_have_reached`]).
    pub(super) async fn execute(
        &self,
        call: &Prepared,
        options: &CallOptions,
        reached: &mut bool,
    ) -> Result<HttpResponse, Error> {
        let Prepared {
            method,
            path,
            query,
            body,
            kind,
            ..
        } = call;
        let (method, kind) = (*method, *kind);
        options.check()?;
        let max_retries = options.max_retries.unwrap_or(self.config.max_retries);
        let timeout_ms = options.timeout_ms.unwrap_or(self.config.timeout_ms);
        let max_delay_ms = options
            .max_retry_delay_ms
            .unwrap_or(self.config.max_retry_delay_ms);
        let signal = options.signal.as_ref();
        let retryability = if kind == CallKind::Resend || kind == CallKind::Action {
            Retryability::OnlyUnprocessed
        } else {
            Retryability::Idempotent
        };
        let url = if query.is_empty() {
            format!("{}{path}", self.config.base_url)
        } else {
            format!("{}{path}?{query}", self.config.base_url)
        };
        let context = self.limiter_context();
        let mut attempt = 0;
        loop {
            attempt += 1;
            // Held until this attempt has its answer: the next create's start depends on when it
            // came (see `CreateQueue`); dropping the guard also covers a call abandoned by its
            // caller.
            let mut answered = if kind == CallKind::Create {
                Some(
                    self.abortable(signal, self.limiter.create_turn(&context))
                        .await?,
                )
            } else {
                None
            };
            let headers = self
                .abortable(signal, self.headers(body.is_some()))
                .await??;
            let request = HttpRequest {
                method,
                url: url.clone(),
                path: path.clone(),
                headers,
                body: body.clone(),
            };
            if let Some(answered) = answered.as_mut() {
                answered.sending();
            }
            let started = self.runtime.now_ms();
            let send = self.transport.send(request, timeout_ms, signal);
            let outcome = self
                .abortable(signal, send)
                .await
                .unwrap_or(Err(TransportError::Aborted { sent: true }));
            drop(answered);
            let duration_ms = self.runtime.now_ms() - started;
            self.log(method, path, &outcome, attempt, duration_ms);
            let this_reached = may_have_reached(&outcome);
            let error = match outcome {
                Ok(response) if (200..300).contains(&response.status) => return Ok(response),
                Ok(response) => api_error(&response),
                Err(TransportError::Timeout) => Error::Timeout { timeout_ms },
                Err(TransportError::Network(message) | TransportError::NotSent(message)) => {
                    Error::Network { message }
                }
                Err(TransportError::Aborted { .. }) => Error::Aborted,
            };
            *reached |= this_reached;
            if attempt > max_retries || !should_retry(&error, retryability) {
                return Err(error);
            }
            let wait_ms = delay_ms(&error, attempt, self.runtime.random()).ceil() as u64;
            if wait_ms > max_delay_ms {
                return Err(with_retry_after(error, wait_ms));
            }
            self.abortable(signal, self.runtime.sleep(wait_ms)).await?;
        }
    }

    async fn headers(&self, has_body: bool) -> Result<Vec<(String, String)>, Error> {
        let mut headers = vec![("accept".to_owned(), "application/json".to_owned())];
        if has_body {
            headers.push(("content-type".to_owned(), "application/json".to_owned()));
        }
        match &self.config.auth {
            Auth::None => {}
            Auth::Basic {
                platform_name,
                platform_key,
            } => {
                use base64::Engine as _;
                let pair = format!("{platform_name}:{}", platform_key.expose());
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                headers.push(("authorization".to_owned(), format!("Basic {encoded}")));
            }
            Auth::Bearer(source) => {
                let token = source.token().await?;
                headers.push((
                    "authorization".to_owned(),
                    format!("Bearer {}", token.expose()),
                ));
            }
        }
        Ok(headers)
    }

    fn log(
        &self,
        method: &'static str,
        path: &str,
        outcome: &Result<HttpResponse, TransportError>,
        attempt: u32,
        duration_ms: f64,
    ) {
        let Some(logger) = &self.config.logger else {
            return;
        };
        let response = outcome.as_ref().ok();
        logger(&LogEvent::Request(RequestEvent {
            method,
            path: path.to_owned(),
            status: response.map(|r| r.status),
            request_id: response.and_then(|r| r.header("x-request-id").map(str::to_owned)),
            attempt,
            duration_ms,
        }));
    }
}

/// The error a call ends with when the wait before its retry would be longer than allowed: an API
/// error keeps Tango's `Retry-After`, or gets the wait the client would have slept.
fn with_retry_after(error: Error, wait_ms: u64) -> Error {
    match error {
        Error::Api(mut api) => {
            api.retry_after_ms.get_or_insert(wait_ms);
            Error::Api(api)
        }
        other => other,
    }
}

/// The typed error for a non-2xx answer.
fn api_error(response: &HttpResponse) -> Error {
    let body = crate::decode::error_body_from_json(&response.body);
    Error::Api(Box::new(ApiError {
        status: response.status,
        body,
        retry_after_ms: parse_retry_after(response.header("retry-after")),
    }))
}
