//! How a client is set up: where Tango is, how to authenticate, and its limits.

use super::transport::LocalFuture;
use crate::error::Error;
use crate::model::Sensitive;
use std::rc::Rc;

/// Tango's sandbox.
pub const SANDBOX_URL: &str = "https://integration-api.tangocard.com/raas/v2";
/// Tango's production API.
pub const PRODUCTION_URL: &str = "https://api.tangocard.com/raas/v2";

/// Supplies a bearer token for each request (a fixed string, or a function that refreshes it).
pub trait TokenSource {
    /// The token to send now.
    fn token(&self) -> LocalFuture<'_, Result<Sensitive, Error>>;
}

impl TokenSource for Sensitive {
    fn token(&self) -> LocalFuture<'_, Result<Sensitive, Error>> {
        let token = self.clone();
        Box::pin(async move { Ok(token) })
    }
}

/// How the client authenticates.
#[derive(Clone, Default)]
pub enum Auth {
    /// None: a backend proxy in between adds credentials.
    #[default]
    None,
    /// HTTP Basic with the platform name and key.
    Basic {
        /// The platform name.
        platform_name: String,
        /// The platform key: a secret, redacted in `Debug`.
        platform_key: Sensitive,
    },
    /// `Authorization: Bearer …` from a token source.
    Bearer(Rc<dyn TokenSource>),
}

impl core::fmt::Debug for Auth {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Auth::None => f.write_str("None"),
            Auth::Basic { platform_name, .. } => write!(f, "Basic({platform_name}:[redacted])"),
            Auth::Bearer(_) => f.write_str("Bearer([redacted])"),
        }
    }
}

/// What happened on one attempt, for an optional logger: never a body, a query, a header or any
/// personal data.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RequestEvent {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The path, without the query.
    pub path: String,
    /// The status, or `None` when no answer came.
    pub status: Option<u16>,
    /// Tango's request ID, when it sent one.
    pub request_id: Option<String>,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// How long the attempt took.
    pub duration_ms: f64,
}

/// What the logger is told: each attempt (`type: "request"`), and the shared limiter's changes
/// (`type: "limiter"`: its store stopped answering, or answers again).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum LogEvent {
    /// One attempt of a call.
    Request(RequestEvent),
    /// The shared limiter's store became unavailable or was restored.
    Limiter(super::limiter::LimiterEvent),
}

impl LogEvent {
    /// The attempt, when this event is one.
    pub fn as_request(&self) -> Option<&RequestEvent> {
        match self {
            LogEvent::Request(event) => Some(event),
            LogEvent::Limiter(_) => None,
        }
    }
}

/// The optional logger: called once per attempt, and on the shared limiter's changes.
pub type Logger = Rc<dyn Fn(&LogEvent)>;

/// A client's settings.
#[derive(Clone)]
pub struct ClientConfig {
    /// Where the API is, without a trailing slash: sandbox, production, a proxy or a simulator.
    pub base_url: String,
    /// How to authenticate.
    pub auth: Auth,
    /// Per-attempt timeout (default 30 s).
    pub timeout_ms: u64,
    /// Retries after the first attempt (default 2).
    pub max_retries: u32,
    /// Creates started per second (default 1, Tango's limit).
    pub orders_per_second: f64,
    /// The longest wait before a retry (default 60 s). When Tango asks for longer (`Retry-After`),
    /// the call fails at once with the error and its `retry_after_ms` instead of sleeping.
    pub max_retry_delay_ms: u64,
    /// Called once per attempt with what happened.
    pub logger: Option<Logger>,
    /// Wire paths of fields this release does not know yet (`"loyaltyTier"`,
    /// `"recipient.pronouns"`), sent as they are instead of failing as `unknown_field`: a field
    /// Tango adds can be used before a release of this package knows it.
    pub extra_fields: Vec<String>,
}

/// The values a numeric setting accepts, and how its `config` error names them. The text is
/// written out rather than formatted from the bounds: formatting a float would pull Rust's float
/// printing (several KiB) into the WebAssembly module.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// The smallest value accepted.
    pub min: f64,
    /// The largest value accepted.
    pub max: f64,
    /// Whether only whole numbers are accepted.
    pub whole: bool,
    /// The range in words, for the error: `from 1 to 600000`.
    pub text: &'static str,
}

impl Limits {
    /// `value` when given and accepted, `default` when absent, else the `config` error of
    /// [`Limits::check`]: how a setting read as a plain number becomes the configuration's.
    pub fn read(&self, name: &str, value: Option<f64>, default: f64) -> Result<f64, Error> {
        match value {
            Some(value) => self.check(name, value).map(|()| value),
            None => Ok(default),
        }
    }

    /// A `config` error unless `value` is accepted, naming the setting and the range.
    pub fn check(&self, name: &str, value: f64) -> Result<(), Error> {
        if value.is_nan() || value < self.min || value > self.max {
            return Err(Error::config(format!("{name} must be {}", self.text)));
        }
        if self.whole && value.fract() != 0.0 {
            return Err(Error::config(format!("{name} must be a whole number")));
        }
        Ok(())
    }
}

/// `timeout_ms`: up to 10 minutes (an HTTP answer slower than that is lost anyway).
pub const TIMEOUT_MS: Limits = Limits {
    min: 1.0,
    max: 600_000.0,
    whole: true,
    text: "from 1 to 600000",
};
/// `max_retries`.
pub const MAX_RETRIES: Limits = Limits {
    min: 0.0,
    max: 100.0,
    whole: true,
    text: "from 0 to 100",
};
/// `orders_per_second`: one create per 100 s up to 1,000 per second.
pub const ORDERS_PER_SECOND: Limits = Limits {
    min: 0.01,
    max: 1_000.0,
    whole: false,
    text: "from 0.01 to 1000",
};
/// `max_retry_delay_ms`: up to one hour.
pub const MAX_RETRY_DELAY_MS: Limits = Limits {
    min: 0.0,
    max: 3_600_000.0,
    whole: true,
    text: "from 0 to 3600000",
};

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            base_url: SANDBOX_URL.into(),
            auth: Auth::None,
            timeout_ms: 30_000,
            max_retries: 2,
            orders_per_second: crate::rules::CREATES_PER_SECOND,
            max_retry_delay_ms: 60_000,
            logger: None,
            extra_fields: Vec::new(),
        }
    }
}

impl core::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("auth", &self.auth)
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field("orders_per_second", &self.orders_per_second)
            .field("max_retry_delay_ms", &self.max_retry_delay_ms)
            .field("logger", &self.logger.is_some())
            .field("extra_fields", &self.extra_fields)
            .finish()
    }
}

/// A configuration that passed its checks, from [`ClientConfig::checked`] or
/// [`ClientConfig::resolve`]: what a [`Client`](super::Client) is built from, so that a client
/// trusts its settings instead of checking them again.
#[derive(Clone, Debug)]
pub struct CheckedConfig(ClientConfig);

impl CheckedConfig {
    /// The configuration.
    pub fn into_inner(self) -> ClientConfig {
        self.0
    }
}

impl core::ops::Deref for CheckedConfig {
    type Target = ClientConfig;
    fn deref(&self) -> &ClientConfig {
        &self.0
    }
}

impl ClientConfig {
    /// This configuration, checked: a `config` error says what to change.
    pub fn checked(self) -> Result<CheckedConfig, Error> {
        self.check()?;
        Ok(CheckedConfig(self))
    }

    /// A configuration `resolve` built: its numbers were each checked as they were read, so only
    /// what they do not cover is checked here.
    pub(super) fn checked_connection(self) -> Result<CheckedConfig, Error> {
        self.check_connection()?;
        Ok(CheckedConfig(self))
    }

    /// Checks the settings; a `config` error says what to change.
    pub fn check(&self) -> Result<(), Error> {
        ORDERS_PER_SECOND.check("ordersPerSecond", self.orders_per_second)?;
        TIMEOUT_MS.check("timeoutMs", self.timeout_ms as f64)?;
        MAX_RETRIES.check("maxRetries", f64::from(self.max_retries))?;
        MAX_RETRY_DELAY_MS.check("maxRetryDelayMs", self.max_retry_delay_ms as f64)?;
        self.check_connection()
    }

    /// The base URL and the credentials.
    fn check_connection(&self) -> Result<(), Error> {
        let url = self.base_url.as_str();
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(['?', '#'])
        {
            return Err(Error::config("baseUrl must be an http(s) URL without a query, e.g. https://api.tangocard.com/raas/v2"));
        }
        if let Auth::Basic {
            platform_name,
            platform_key,
        } = &self.auth
        {
            if platform_name.is_empty() || platform_key.expose().is_empty() {
                return Err(Error::config(
                    "platformName and platformKey must both be given",
                ));
            }
        }
        Ok(())
    }
}
