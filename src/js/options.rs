//! Reading `TangoClient`'s options and each call's options from JavaScript values: every setting
//! checked, with a `config` error that names it and its range.

use super::runtime::{in_browser, is_signal, TokenFunction};
use crate::client::{
    Auth, CallOptions, ClientConfig, Limits, LogEvent, Signal, MAX_RETRIES, MAX_RETRY_DELAY_MS,
    ORDERS_PER_SECOND, PRODUCTION_URL, SANDBOX_URL, TIMEOUT_MS,
};
use crate::error::Error;
use crate::model::Sensitive;
use js_sys::{Function, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// `object[key]`, or `undefined` when `object` is not an object.
pub(super) fn get(object: &JsValue, key: &str) -> JsValue {
    if object.is_object() {
        Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn optional_string(object: &JsValue, key: &str) -> Result<Option<String>, Error> {
    let value = get(object, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| Error::config(format!("{key} must be a string")))
}

/// A number setting within `limits` (`None` when absent).
fn optional_number(object: &JsValue, key: &str, limits: &Limits) -> Result<Option<f64>, Error> {
    let value = get(object, key);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let number = value.as_f64().filter(|n| n.is_finite());
    let number = number.ok_or_else(|| Error::config(format!("{key} must be a number")))?;
    limits.check(key, number)?;
    Ok(Some(number))
}

/// The client's settings and fetch function from `new TangoClient(options)`.
pub(super) fn config_from_js(options: &JsValue) -> Result<(ClientConfig, Function), Error> {
    if !(options.is_undefined() || options.is_object()) {
        return Err(Error::config("the options must be an object"));
    }
    let base_url = match optional_string(options, "baseUrl")? {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => match optional_string(options, "environment")?.as_deref() {
            None | Some("sandbox") => SANDBOX_URL.to_owned(),
            Some("production") => PRODUCTION_URL.to_owned(),
            Some(_) => {
                return Err(Error::config(
                    "environment must be \"sandbox\" or \"production\"",
                ))
            }
        },
    };
    let platform_name = optional_string(options, "platformName")?;
    let platform_key = optional_string(options, "platformKey")?;
    let token = get(options, "token");
    let auth = match (platform_name, platform_key) {
        (Some(platform_name), Some(platform_key)) => Auth::Basic {
            platform_name,
            platform_key: Sensitive::new(platform_key),
        },
        (None, None) if token.is_undefined() || token.is_null() => Auth::None,
        (None, None) => match token.as_string() {
            Some(token) => Auth::Bearer(Rc::new(Sensitive::new(token))),
            None => match token.dyn_into::<Function>() {
                Ok(function) => Auth::Bearer(Rc::new(TokenFunction(function))),
                Err(_) => return Err(Error::config("token must be a string or a function")),
            },
        },
        _ => return Err(Error::config("platformName and platformKey go together")),
    };
    let allow_browser = get(options, "dangerouslyAllowBrowser").as_bool() == Some(true);
    if !matches!(auth, Auth::None) && in_browser() && !allow_browser {
        return Err(Error::config(
            "credentials in a web page are readable by every visitor: call your own backend proxy (baseUrl, no credentials), or set dangerouslyAllowBrowser: true",
        ));
    }
    let fetch = match get(options, "fetch") {
        value if value.is_undefined() || value.is_null() => {
            Reflect::get(&js_sys::global(), &"fetch".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .ok_or_else(|| Error::config("no global fetch: pass options.fetch"))?
        }
        value => value
            .dyn_into::<Function>()
            .map_err(|_| Error::config("fetch must be a function"))?,
    };
    let logger = match get(options, "logger") {
        value if value.is_undefined() || value.is_null() => None,
        value => {
            let function = value
                .dyn_into::<Function>()
                .map_err(|_| Error::config("logger must be a function"))?;
            let logger: Rc<dyn Fn(&LogEvent)> = Rc::new(move |event: &LogEvent| {
                if let Ok(event) = super::convert::to_js(event) {
                    // A logger that throws must not break the call.
                    let _ = function.call1(&JsValue::NULL, &event);
                }
            });
            Some(logger)
        }
    };
    let defaults = ClientConfig::default();
    let config = ClientConfig {
        base_url,
        auth,
        timeout_ms: optional_number(options, "timeoutMs", &TIMEOUT_MS)?
            .map(|n| n as u64)
            .unwrap_or(defaults.timeout_ms),
        max_retries: optional_number(options, "maxRetries", &MAX_RETRIES)?
            .map(|n| n as u32)
            .unwrap_or(defaults.max_retries),
        orders_per_second: optional_number(options, "ordersPerSecond", &ORDERS_PER_SECOND)?
            .unwrap_or(defaults.orders_per_second),
        max_retry_delay_ms: optional_number(options, "maxRetryDelayMs", &MAX_RETRY_DELAY_MS)?
            .map(|n| n as u64)
            .unwrap_or(defaults.max_retry_delay_ms),
        logger,
    };
    Ok((config, fetch))
}

/// A call's settings from its `options` argument, and its signal (or `undefined`).
pub(super) fn call_options(options: &JsValue) -> Result<(CallOptions, JsValue), Error> {
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(Error::config("the call options must be an object"));
    }
    let signal = get(options, "signal");
    let has_signal = !signal.is_undefined() && !signal.is_null();
    if has_signal && !is_signal(&signal) {
        return Err(Error::config("signal must be an AbortSignal"));
    }
    let signal_handle: Option<Signal> = has_signal.then(|| Rc::new(signal.clone()) as Signal);
    Ok((
        CallOptions {
            timeout_ms: optional_number(options, "timeoutMs", &TIMEOUT_MS)?.map(|n| n as u64),
            max_retries: optional_number(options, "maxRetries", &MAX_RETRIES)?.map(|n| n as u32),
            max_retry_delay_ms: optional_number(options, "maxRetryDelayMs", &MAX_RETRY_DELAY_MS)?
                .map(|n| n as u64),
            signal: signal_handle,
        },
        signal,
    ))
}
