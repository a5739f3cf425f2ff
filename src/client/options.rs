//! A client's settings as a caller writes them, and how they become a checked [`ClientConfig`]:
//! environment → URL, which authentication, the browser credential guard, the ranges and the
//! defaults. In JavaScript these are `TangoClientOptions` and `CallOptions` (their TypeScript is
//! generated from these structs), read as JSON at the boundary (src/js/options.rs), which adds only
//! what is a function (`fetch`, `logger`, a token function) or an `AbortSignal`.

use super::config::{
    Auth, CheckedConfig, ClientConfig, Limits, Logger, TokenSource, MAX_RETRIES,
    MAX_RETRY_DELAY_MS, ORDERS_PER_SECOND, PRODUCTION_URL, SANDBOX_URL, TIMEOUT_MS,
};
use super::CallOptions;
use crate::error::Error;
use crate::model::Sensitive;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use std::rc::Rc;

/// Which of Tango's hosts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// `integration-api.tangocard.com`: test orders, no real rewards.
    #[default]
    Sandbox,
    /// `api.tangocard.com`.
    Production,
}

/// A bearer token: text, or a source called before every request.
#[derive(Clone)]
pub enum TokenSetting {
    /// A fixed token.
    Text(Sensitive),
    /// A function that returns the current token (JavaScript's token function, which the
    /// boundary takes aside before it reads the rest as data).
    Source(Rc<dyn TokenSource>),
}

/// A client's settings, every one optional (in TypeScript, `ClientSettings`; `TangoClientOptions`
/// adds `fetch` and `logger`).
#[derive(Clone, Default, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify), tsify(rename = "ClientSettings"))]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Tango's sandbox (default) or production; ignored when baseUrl is given.
    #[serde(default, deserialize_with = "read::environment")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub environment: Option<Environment>,
    /// Any base URL: your backend proxy, or tango-sim.
    #[serde(default, deserialize_with = "read::base_url")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub base_url: Option<String>,
    /// HTTP Basic credentials. Refused in a browser unless dangerouslyAllowBrowser is true.
    #[serde(default, deserialize_with = "read::platform_name")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub platform_name: Option<String>,
    /// The platform key that goes with platformName: a secret.
    #[serde(default, deserialize_with = "read::platform_key")]
    #[cfg_attr(feature = "js", tsify(optional, type = "string"))]
    pub platform_key: Option<Sensitive>,
    /// A bearer token, or a function returning one (called before every request).
    #[serde(default, deserialize_with = "read::token")]
    #[cfg_attr(
        feature = "js",
        tsify(optional, type = "string | (() => string | Promise<string>)")
    )]
    pub token: Option<TokenSetting>,
    /// Per-attempt timeout, 1 to 600000 ms (default 30000).
    #[serde(default, deserialize_with = "read::timeout_ms_number")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub timeout_ms: Option<f64>,
    /// Retries after the first attempt, 0 to 100 (default 2).
    #[serde(default, deserialize_with = "read::max_retries_number")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub max_retries: Option<f64>,
    /// Creates started per second, 0.01 to 1000 (default 1, Tango's limit).
    #[serde(default, deserialize_with = "read::orders_per_second_number")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub orders_per_second: Option<f64>,
    /// The longest wait before a retry, 0 to 3600000 ms (default 60000). When Tango asks for a
    /// longer wait (Retry-After), the call fails at once with the error and its retryAfterMs.
    #[serde(default, deserialize_with = "read::max_retry_delay_ms_number")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub max_retry_delay_ms: Option<f64>,
    /// Allow credentials in a web page, where every visitor can read them. Prefer a backend proxy.
    #[serde(default, deserialize_with = "read::allow_browser")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub dangerously_allow_browser: Option<bool>,
    /// Wire paths of fields this release does not know yet (`"loyaltyTier"`,
    /// `"recipient.pronouns"`), sent as they are in every call instead of failing as
    /// `unknown_field`.
    #[serde(default, deserialize_with = "read::extra_fields")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub extra_fields: Option<Vec<String>>,
    /// Called once per attempt (set by the host: a function is not data).
    #[serde(skip)]
    pub logger: Option<Logger>,
}

/// Each setting read on its own, failing with a message that names it and its range and never
/// quotes the value (serde's own messages quote it, and a wrong-typed key is still a key).
mod read {
    use super::*;

    macro_rules! readers {
        ($($name:ident: $ty:ty => $message:literal;)*) => {$(
            pub fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<$ty>, D::Error> {
                Option::<$ty>::deserialize(d).map_err(|_| D::Error::custom($message))
            }
        )*};
    }
    readers! {
        environment: Environment => "environment must be \"sandbox\" or \"production\"";
        base_url: String => "baseUrl must be a string";
        platform_name: String => "platformName must be a string";
        platform_key: Sensitive => "platformKey must be a string";
        allow_browser: bool => "dangerouslyAllowBrowser must be true or false";
        extra_fields: Vec<String> => "extraFields must be a list of field paths (strings)";
    }

    /// A number setting: its type only. The client's options keep it as read, and
    /// `ClientConfig::resolve` checks its range once.
    fn number<'de, D: Deserializer<'de>>(d: D, name: &str) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)
            .map_err(|_| D::Error::custom(format!("{name} must be a number")))
    }

    pub fn timeout_ms_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        number(d, "timeoutMs")
    }
    pub fn max_retries_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        number(d, "maxRetries")
    }
    pub fn orders_per_second_number<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<f64>, D::Error> {
        number(d, "ordersPerSecond")
    }
    pub fn max_retry_delay_ms_number<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<f64>, D::Error> {
        number(d, "maxRetryDelayMs")
    }

    /// A number setting within `limits`, as a call's settings read it (they are checked where
    /// they are read: a call has no resolve step).
    fn within<'de, D: Deserializer<'de>>(
        d: D,
        name: &str,
        limits: &Limits,
    ) -> Result<Option<f64>, D::Error> {
        match number(d, name)? {
            Some(n) => match limits.check(name, n) {
                Ok(()) => Ok(Some(n)),
                Err(error) => Err(D::Error::custom(error.to_string())),
            },
            None => Ok(None),
        }
    }

    pub fn timeout_ms<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Ok(within(d, "timeoutMs", &TIMEOUT_MS)?.map(|n| n as u64))
    }
    pub fn wait_timeout_ms<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Ok(within(d, "timeoutMs", &super::super::wait::WAIT_TIMEOUT)?.map(|n| n as u64))
    }
    pub fn max_retries<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        Ok(within(d, "maxRetries", &MAX_RETRIES)?.map(|n| n as u32))
    }
    pub fn max_retry_delay_ms<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Ok(within(d, "maxRetryDelayMs", &MAX_RETRY_DELAY_MS)?.map(|n| n as u64))
    }

    /// A string token (a token function is not data: the host sets it after reading).
    pub fn token<'de, D: Deserializer<'de>>(d: D) -> Result<Option<TokenSetting>, D::Error> {
        match Option::<String>::deserialize(d) {
            Ok(text) => Ok(text.map(|text| TokenSetting::Text(Sensitive::new(text)))),
            Err(_) => Err(D::Error::custom("token must be a string or a function")),
        }
    }
}

/// The message of a `config` error for credentials in a web page.
const CREDENTIALS_IN_PAGE: &str = "credentials in a web page are readable by every visitor: call your own backend proxy (baseUrl, no credentials), or set dangerouslyAllowBrowser: true";

impl ClientConfig {
    /// The configuration `options` ask for, checked. `in_browser` is whether the code runs in a
    /// web page, where credentials are refused unless `dangerously_allow_browser` is set.
    pub fn resolve(options: ClientOptions, in_browser: bool) -> Result<CheckedConfig, Error> {
        let base_url = match options.base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => match options.environment.unwrap_or_default() {
                Environment::Sandbox => SANDBOX_URL.to_owned(),
                Environment::Production => PRODUCTION_URL.to_owned(),
            },
        };
        let auth = match (options.platform_name, options.platform_key, options.token) {
            (Some(platform_name), Some(platform_key), None) => Auth::Basic {
                platform_name,
                platform_key,
            },
            (None, None, None) => Auth::None,
            (None, None, Some(TokenSetting::Text(token))) => Auth::Bearer(Rc::new(token)),
            (None, None, Some(TokenSetting::Source(source))) => Auth::Bearer(source),
            (Some(_), Some(_), Some(_)) => {
                return Err(Error::config(
                    "give platformName and platformKey, or a token, not both",
                ))
            }
            _ => return Err(Error::config("platformName and platformKey go together")),
        };
        if !matches!(auth, Auth::None)
            && in_browser
            && options.dangerously_allow_browser != Some(true)
        {
            return Err(Error::config(CREDENTIALS_IN_PAGE));
        }
        // Each number is checked here, once, as it becomes the configuration's (whole numbers
        // are whole after the check, so the conversions below lose nothing).
        let defaults = ClientConfig::default();
        let config = ClientConfig {
            base_url,
            auth,
            timeout_ms: TIMEOUT_MS.read(
                "timeoutMs",
                options.timeout_ms,
                defaults.timeout_ms as f64,
            )? as u64,
            max_retries: MAX_RETRIES.read(
                "maxRetries",
                options.max_retries,
                f64::from(defaults.max_retries),
            )? as u32,
            orders_per_second: ORDERS_PER_SECOND.read(
                "ordersPerSecond",
                options.orders_per_second,
                defaults.orders_per_second,
            )?,
            max_retry_delay_ms: MAX_RETRY_DELAY_MS.read(
                "maxRetryDelayMs",
                options.max_retry_delay_ms,
                defaults.max_retry_delay_ms as f64,
            )? as u64,
            logger: options.logger,
            extra_fields: options.extra_fields.unwrap_or_default(),
        };
        config.checked_connection()
    }
}

/// A call's settings as read from input (in TypeScript, `CallSettings`; `CallOptions` adds the
/// `signal`, which the host sets).
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CallSettings {
    /// Per-attempt timeout for this call, 1 to 600000 ms.
    #[serde(default, deserialize_with = "read::timeout_ms")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt for this call, 0 to 100.
    #[serde(default, deserialize_with = "read::max_retries")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub max_retries: Option<u32>,
    /// The longest wait before a retry for this call, 0 to 3600000 ms.
    #[serde(default, deserialize_with = "read::max_retry_delay_ms")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub max_retry_delay_ms: Option<u64>,
    /// Wire paths of fields this release does not know yet, sent as they are in this call (on
    /// top of the client's `extraFields`).
    #[serde(default, deserialize_with = "read::extra_fields")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub extra_fields: Option<Vec<String>>,
}

/// A wait's settings as read from input (in TypeScript, `WaitSettings`; `WaitOptions` adds the
/// `signal` and `onStatus`, which the host sets).
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WaitSettings {
    /// How long to wait in all, 1 to 86400000 ms (default 600000: 10 minutes).
    #[serde(default, deserialize_with = "read::wait_timeout_ms")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub timeout_ms: Option<u64>,
}

impl From<CallSettings> for CallOptions {
    fn from(settings: CallSettings) -> Self {
        CallOptions {
            timeout_ms: settings.timeout_ms,
            max_retries: settings.max_retries,
            max_retry_delay_ms: settings.max_retry_delay_ms,
            signal: None,
            extra_fields: settings.extra_fields.unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn options(value: serde_json::Value) -> Result<ClientOptions, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    fn resolve(value: serde_json::Value, in_browser: bool) -> Result<ClientConfig, String> {
        let options = options(value)?;
        ClientConfig::resolve(options, in_browser)
            .map(CheckedConfig::into_inner)
            .map_err(|e| e.to_string())
    }

    /// serde_json's message without the position it adds.
    fn without_position(error: serde_json::Error) -> String {
        let message = error.to_string();
        let at = message.rfind(" at line ").unwrap_or(message.len());
        message[..at].to_owned()
    }

    /// The JavaScript modules read options from the validators' `Json` tree (`Json::read_as`), not
    /// through serde_json: both must accept the same options and give the same messages (serde_json
    /// adds its position to each).
    #[test]
    fn options_read_from_the_json_tree_as_from_serde_json() {
        let cases = [
            json!({}),
            json!({"environment": "production", "baseUrl": "http://x/", "timeoutMs": 5000}),
            json!({"platformName": "p", "platformKey": "k", "maxRetries": 3, "ordersPerSecond": 0.5}),
            json!({"token": "t", "maxRetryDelayMs": 0, "dangerouslyAllowBrowser": true}),
            json!({"token": "t", "unknown": {"deep": [1, null]}}),
            json!({"environment": "staging"}),
            json!({"environment": 1}),
            json!({"baseUrl": 5}),
            json!({"platformKey": true}),
            json!({"timeoutMs": "5"}),
            json!({"timeoutMs": 0}),
            json!({"timeoutMs": 1.5}),
            json!({"maxRetries": -1}),
            json!({"ordersPerSecond": 5000}),
            json!({"dangerouslyAllowBrowser": "yes"}),
            json!({"timeoutMs": null, "baseUrl": null}),
        ];
        for case in cases {
            let text = case.to_string();
            let json = crate::validate::Json::parse(&text).unwrap();
            let ours = json.read_as::<ClientOptions>().map(|o| o.timeout_ms);
            let theirs = serde_json::from_str::<ClientOptions>(&text)
                .map(|o| o.timeout_ms)
                .map_err(without_position);
            assert_eq!(ours, theirs, "{text}");
            let ours = json.read_as::<CallSettings>().map(|o| o.max_retries);
            let theirs = serde_json::from_str::<CallSettings>(&text)
                .map(|o| o.max_retries)
                .map_err(without_position);
            assert_eq!(ours, theirs, "{text}");
        }
        // A token that is neither text nor absent (a function is taken aside before reading).
        let json = crate::validate::Json::parse(r#"{"token":[],"timeoutMs":5}"#).unwrap();
        let read = json.read_as::<ClientOptions>().map(|o| o.timeout_ms);
        assert_eq!(read, Err("token must be a string or a function".into()));
    }

    #[test]
    fn the_environment_picks_the_url_and_a_base_url_wins() {
        assert_eq!(resolve(json!({}), false).unwrap().base_url, SANDBOX_URL);
        let production = resolve(json!({"environment": "production"}), false).unwrap();
        assert_eq!(production.base_url, PRODUCTION_URL);
        let proxy =
            json!({"environment": "production", "baseUrl": "http://127.0.0.1:4010/raas/v2/"});
        assert_eq!(
            resolve(proxy, false).unwrap().base_url,
            "http://127.0.0.1:4010/raas/v2"
        );
        let error = resolve(json!({"environment": "staging"}), false).unwrap_err();
        assert!(
            error.contains("environment must be \"sandbox\" or \"production\""),
            "{error}"
        );
        assert!(!error.contains("staging"), "{error}");
    }

    #[test]
    fn authentication_is_basic_a_token_or_none() {
        let basic = resolve(json!({"platformName": "p", "platformKey": "k"}), false).unwrap();
        assert!(
            matches!(basic.auth, Auth::Basic { ref platform_name, .. } if platform_name == "p")
        );
        let bearer = resolve(json!({"token": "t"}), false).unwrap();
        assert!(matches!(bearer.auth, Auth::Bearer(_)));
        assert!(matches!(
            resolve(json!({}), false).unwrap().auth,
            Auth::None
        ));
        let half = resolve(json!({"platformName": "p"}), false).unwrap_err();
        assert!(half.contains("go together"), "{half}");
        let both = resolve(
            json!({"platformName": "p", "platformKey": "k", "token": "t"}),
            false,
        );
        assert!(both.unwrap_err().contains("not both"));
        let number = resolve(json!({"token": 5}), false).unwrap_err();
        assert!(
            number.contains("token must be a string or a function"),
            "{number}"
        );
    }

    #[test]
    fn credentials_in_a_page_need_the_dangerous_flag() {
        for credentials in [
            json!({"token": "t"}),
            json!({"platformName": "p", "platformKey": "k"}),
        ] {
            let error = resolve(credentials.clone(), true).unwrap_err();
            assert!(error.contains("readable by every visitor"), "{error}");
            let mut allowed = credentials.clone();
            allowed["dangerouslyAllowBrowser"] = json!(true);
            assert!(resolve(allowed, true).is_ok());
            assert!(resolve(credentials, false).is_ok());
        }
        // No credentials (a backend proxy adds them): fine in a page.
        assert!(resolve(json!({"baseUrl": "https://shop.example/api"}), true).is_ok());
    }

    #[test]
    fn defaults_fill_what_is_absent_or_null() {
        let config = resolve(json!({"timeoutMs": null, "maxRetries": 5}), false).unwrap();
        assert_eq!(
            (
                config.timeout_ms,
                config.max_retries,
                config.orders_per_second,
                config.max_retry_delay_ms
            ),
            (30_000, 5, 1.0, 60_000)
        );
    }

    #[test]
    fn each_number_is_checked_against_its_range_and_named() {
        for (setting, value, expected) in [
            ("timeoutMs", json!(0), "timeoutMs must be from 1 to 600000"),
            ("timeoutMs", json!(1.5), "timeoutMs must be a whole number"),
            ("maxRetries", json!(101), "maxRetries must be from 0 to 100"),
            (
                "ordersPerSecond",
                json!(0.001),
                "ordersPerSecond must be from 0.01 to 1000",
            ),
            (
                "maxRetryDelayMs",
                json!(-1),
                "maxRetryDelayMs must be from 0 to 3600000",
            ),
            ("timeoutMs", json!("30000"), "timeoutMs must be a number"),
        ] {
            let error = resolve(json!({ setting: value }), false).unwrap_err();
            assert!(error.contains(expected), "{setting}={value}: {error}");
        }
    }

    #[test]
    fn a_wrong_typed_secret_is_not_quoted() {
        for options in [
            json!({"platformName": "p", "platformKey": 98765}),
            json!({"baseUrl": 98765}),
        ] {
            let error = resolve(options, false).unwrap_err();
            assert!(!error.contains("98765"), "{error}");
        }
        let error = resolve(json!({"dangerouslyAllowBrowser": "yes"}), false).unwrap_err();
        assert!(
            error.contains("dangerouslyAllowBrowser must be true or false"),
            "{error}"
        );
    }

    #[test]
    fn an_unusable_base_url_is_refused() {
        let error = resolve(json!({"baseUrl": "ftp://x"}), false).unwrap_err();
        assert!(error.contains("baseUrl must be an http(s) URL"), "{error}");
    }

    #[test]
    fn call_settings_read_the_same_ranges() {
        let read = |value| serde_json::from_value::<CallSettings>(value).map_err(|e| e.to_string());
        let settings = read(json!({"timeoutMs": 500, "maxRetries": 0}))
            .ok()
            .unwrap();
        let options = CallOptions::from(settings);
        assert_eq!(
            (
                options.timeout_ms,
                options.max_retries,
                options.max_retry_delay_ms
            ),
            (Some(500), Some(0), None)
        );
        assert!(read(json!({"maxRetries": -1}))
            .unwrap_err()
            .contains("maxRetries must be from 0 to 100"));
    }
}
