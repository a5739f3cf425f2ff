//! Reading `TangoClient`'s options and each call's options from JavaScript: the data settings
//! as JSON into the validators' tree, then into the core's [`ClientOptions`] and [`CallSettings`]
//! (`validate::json_de`; the core's readers check
//! every value and resolve the configuration), plus what only JavaScript has: `fetch`, `logger`,
//! a token function and the `AbortSignal`.

use super::convert::with_json_for_validation;
#[cfg(feature = "js-client")]
use crate::client::{CallOptions, CallSettings, LogEvent, Signal, WaitSettings};
use crate::client::{
    CheckedConfig, ClientConfig, ClientOptions, Logger, TokenSetting, TokenSource,
};
use crate::error::Error;
use js_sys::{Array, Function, Object, Reflect};
use serde::de::DeserializeOwned;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

pub(super) use super::convert::get;

/// Whether `value` can be used as an `AbortSignal`: checked once per call.
#[cfg(feature = "js-client")]
pub(super) fn is_signal(value: &JsValue) -> bool {
    let member = |key: &str| Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    value.is_object()
        && member("aborted").as_bool().is_some()
        && member("addEventListener").is_function()
}

/// A page (or a worker with a DOM) rather than a server: where a platform key would be public.
pub(super) fn in_browser() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some()
}

fn is_absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// The options' own properties with primitive values as they are, lists copied item by item, and
/// every other value replaced by `{}`, which no setting accepts (so it fails as the wrong type), read through calls that
/// catch: a getter or proxy that throws must end in a `config` error, not in an exception thrown
/// through the wasm. Own properties, as `{ ...options }` reads them. Numbers JSON cannot hold
/// (NaN, ±Infinity), BigInts and symbols count as the wrong type too: the copy is read as JSON.
fn plain_copy(options: &JsValue, what: &str, aside: Option<&str>) -> Result<JsValue, Error> {
    let unreadable = || Error::config(format!("{what} could not be read: a property threw"));
    let keys = Reflect::own_keys(options).map_err(|_| unreadable())?;
    // No prototype: an own `__proto__` key is copied as a plain property, not made the prototype.
    let copy: Object = Object::create(JsValue::NULL.unchecked_ref::<Object>());
    let kept = |key: &JsValue| key.is_string() && key.as_string().as_deref() != aside;
    for key in keys.iter().filter(kept) {
        let value = Reflect::get(options, &key).map_err(|_| unreadable())?;
        // A list (extraFields) is copied item by item, each item as a value is.
        let value = if Array::is_array(&value) {
            let items = Array::from(&value);
            items
                .iter()
                .map(|item| plain_value(&item))
                .collect::<Array>()
                .into()
        } else {
            plain_value(&value)
        };
        let _ = Reflect::set(&copy, &key, &value);
    }
    Ok(copy.into())
}

/// A value as `plain_copy` keeps it: a string, a boolean, `null` or a finite number as it is;
/// anything else (an object, a function, `NaN`) as an empty object, which no setting reads, so
/// its reader names the setting.
fn plain_value(value: &JsValue) -> JsValue {
    let usable = match value.as_f64() {
        Some(number) => number.is_finite(),
        None => {
            !(value.is_object() || value.is_function() || value.is_bigint() || value.is_symbol())
        }
    };
    if usable {
        value.clone()
    } else {
        Object::new().into()
    }
}

/// Reads the data settings of an options object, through its JSON text into the borrowed tree the
/// validators read (see `validate::json_de` for why not serde-wasm-bindgen). The readers' messages
/// name the setting and its range (see `client::options`); they never quote a value.
/// `aside` names a setting the caller reads itself (a token function): left out of the copy.
fn settings<T: DeserializeOwned + Default>(
    options: &JsValue,
    what: &str,
    aside: Option<&str>,
) -> Result<T, Error> {
    if is_absent(options) {
        return Ok(T::default());
    }
    if !options.is_object() || Array::is_array(options) {
        return Err(Error::config(format!("{what} must be an object")));
    }
    let unreadable = || Error::config(format!("{what} could not be read"));
    with_json_for_validation(&plain_copy(options, what, aside)?, |json, _| {
        json.read_as::<T>()
    })
    .map_err(|_| unreadable())?
    .map_err(Error::config)
}

/// A function-valued option, or `None` when absent.
fn function(options: &JsValue, key: &str) -> Result<Option<Function>, Error> {
    let value = get(options, key);
    if is_absent(&value) {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| Error::config(format!("{key} must be a function")))
}

/// The methods a `limiter` option must have (see `TangoLimiter` in the TypeScript types).
const LIMITER_METHODS: [&str; 5] = [
    "takeCreate",
    "reportCreate",
    "leaveCreate",
    "claimResend",
    "forgetResend",
];

/// The store calls' timeout when the limiter does not set `storeTimeoutMs`.
pub(super) const STORE_TIMEOUT_MS: u64 = 1_000;

/// A `limiter` option, checked: the object, its five methods (in `LIMITER_METHODS` order) and its
/// `storeTimeoutMs`.
// The first-load module only checks the options: it reads none of what it checked.
#[cfg_attr(not(feature = "js-client"), allow(dead_code))]
pub(super) struct LimiterObject {
    pub object: JsValue,
    pub methods: [Function; 5],
    pub timeout_ms: u64,
}

/// The `limiter` option, or `None` when absent: an object with the five methods of a shared
/// limiter's store (`createRedisLimiter` from `tango-orders/redis` makes one) and, optionally,
/// `storeTimeoutMs` from 1 to 60000.
fn limiter(options: &JsValue) -> Result<Option<LimiterObject>, Error> {
    let object = get(options, "limiter");
    if is_absent(&object) {
        return Ok(None);
    }
    let shape = || {
        Error::config(
            "limiter must be an object with takeCreate, reportCreate, leaveCreate, claimResend \
             and forgetResend methods, such as createRedisLimiter's (tango-orders/redis)",
        )
    };
    if !object.is_object() {
        return Err(shape());
    }
    let method = |name: &str| -> Result<Function, Error> {
        Reflect::get(&object, &name.into())
            .map_err(|_| shape())?
            .dyn_into::<Function>()
            .map_err(|_| shape())
    };
    let methods = [
        method(LIMITER_METHODS[0])?,
        method(LIMITER_METHODS[1])?,
        method(LIMITER_METHODS[2])?,
        method(LIMITER_METHODS[3])?,
        method(LIMITER_METHODS[4])?,
    ];
    let timeout = Reflect::get(&object, &"storeTimeoutMs".into()).map_err(|_| shape())?;
    let timeout_ms = if is_absent(&timeout) {
        STORE_TIMEOUT_MS
    } else {
        match timeout.as_f64() {
            Some(ms) if (1.0..=60_000.0).contains(&ms) => ms.ceil() as u64,
            _ => {
                return Err(Error::config(
                    "limiter.storeTimeoutMs must be a number from 1 to 60000",
                ))
            }
        }
    };
    Ok(Some(LimiterObject {
        object,
        methods,
        timeout_ms,
    }))
}

/// What `new TangoClient(options)` reads: the configuration, the fetch function, the limiter.
#[cfg_attr(not(feature = "js-client"), allow(dead_code))]
pub(super) struct ClientFromJs {
    pub config: CheckedConfig,
    pub fetch: Function,
    pub limiter: Option<LimiterObject>,
}

/// The client's configuration and fetch function from `new TangoClient(options)`; `token_source`
/// makes the source of a token given as a function (the client module's calls it; the first-load
/// module only checks the options, and never asks it for a token).
pub(super) fn config_from_js(
    options: &JsValue,
    token_source: fn(Function) -> Rc<dyn TokenSource>,
    logger: fn(Function) -> Logger,
) -> Result<ClientFromJs, Error> {
    if options.is_null() {
        return Err(Error::config("the options must be an object"));
    }
    // The function-valued settings are taken aside; the rest is data, read once.
    let token_function = get(options, "token").dyn_into::<Function>().ok();
    let aside = token_function.as_ref().map(|_| "token");
    let mut settings: ClientOptions = settings(options, "the options", aside)?;
    if let Some(token) = token_function {
        settings.token = Some(TokenSetting::Source(token_source(token)));
    }
    settings.logger = function(options, "logger")?.map(logger);
    let fetch = match function(options, "fetch")? {
        Some(fetch) => fetch,
        None => Reflect::get(&js_sys::global(), &"fetch".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(|| Error::config("no global fetch: pass options.fetch"))?,
    };
    let limiter = limiter(options)?;
    Ok(ClientFromJs {
        config: ClientConfig::resolve(settings, in_browser())?,
        fetch,
        limiter,
    })
}

#[cfg(feature = "js-client")]
/// The logger: each event as a plain object (serde-wasm-bindgen: a handful of fields, no JSON
/// text needed), `null` where a field has no value, as its TypeScript type says.
pub(super) fn logger(function: Function) -> Logger {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    Rc::new(move |event: &LogEvent| {
        if let Ok(event) = serde::Serialize::serialize(event, &serializer) {
            // A logger that throws must not break the call.
            let _ = function.call1(&JsValue::NULL, &event);
        }
    })
}

/// A call's settings from its `options` argument, and its signal (or `undefined`).
#[cfg(feature = "js-client")]
pub(super) fn call_options(options: &JsValue) -> Result<(CallOptions, JsValue), Error> {
    let settings: CallSettings = settings(options, "the call options", None)?;
    with_signal(CallOptions::from(settings), options)
}

/// `call` with the signal of `options`, checked to be an `AbortSignal`, and the signal itself (or
/// `undefined`).
#[cfg(feature = "js-client")]
fn with_signal(mut call: CallOptions, options: &JsValue) -> Result<(CallOptions, JsValue), Error> {
    let signal = get(options, "signal");
    if !is_absent(&signal) {
        if !is_signal(&signal) {
            return Err(Error::config("signal must be an AbortSignal"));
        }
        call.signal = Some(Rc::new(signal.clone()) as Signal);
    }
    Ok((call, signal))
}

/// What `waitForOrder` reads from its `options` argument.
#[cfg(feature = "js-client")]
pub(super) struct WaitOptions {
    /// How long to wait in all (`None`: the default).
    pub timeout_ms: Option<u64>,
    /// Each read's options: the signal only (each read has the client's own settings).
    pub call: CallOptions,
    /// The signal, or `undefined`.
    pub signal: JsValue,
    /// Called with the order at each change of status.
    pub on_status: Option<Function>,
}

/// `waitForOrder`'s options: `timeoutMs` (the whole wait, 1 to 86400000), `signal` and
/// `onStatus`.
#[cfg(feature = "js-client")]
pub(super) fn wait_options(options: &JsValue) -> Result<WaitOptions, Error> {
    let settings: WaitSettings = settings(options, "the wait options", None)?;
    let (call, signal) = with_signal(CallOptions::default(), options)?;
    Ok(WaitOptions {
        timeout_ms: settings.timeout_ms,
        call,
        signal,
        on_status: function(options, "onStatus")?,
    })
}
