//! The JavaScript exports. The only code that knows about wasm-bindgen: each export converts its
//! input, calls the core, and converts the result. No logic lives here.

#[cfg(feature = "js-client")]
mod client;
// The webhooks module alone uses a few of the conversions; the rest are the other modules'.
#[cfg_attr(
    not(any(feature = "js-validate", feature = "js-client")),
    allow(dead_code)
)]
mod convert;
#[cfg(feature = "js-csv")]
mod csv;
#[cfg(any(feature = "js-client", feature = "js-webhook"))]
mod decode_error;
mod error;
#[cfg(feature = "js-main")]
mod first_load;
#[cfg(feature = "js-main")]
mod helpers;
#[cfg(feature = "js-client")]
mod limiter;
#[cfg(any(feature = "js-main", feature = "js-client"))]
mod options;
#[cfg(feature = "js-parsers")]
mod parse;
#[cfg(all(feature = "js-validate", tango_probe_no_rules))]
mod probe;
#[cfg(feature = "js-validate")]
mod rules;
#[cfg(feature = "js-client")]
mod runtime;
#[cfg(feature = "js-validate")]
mod standard;
#[cfg_attr(
    not(any(feature = "js-validate", feature = "js-client")),
    allow(dead_code)
)]
mod text;
#[cfg(feature = "js-client")]
mod timers;
#[cfg(feature = "js-client")]
mod transport;
#[cfg(feature = "js-validate")]
mod validate;
#[cfg(feature = "js-webhook")]
mod webhook;
#[cfg(feature = "js-client")]
mod webhook_client;

#[cfg(all(test, feature = "js-client"))]
mod tests;
#[cfg(all(test, feature = "js-client"))]
mod transport_tests;

/// The signal type every module's declarations name (the CSV functions' and the client's options),
/// declared in each so that each module's .d.ts stands on its own.
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const SIGNAL_TS: &'static str = r#"
/** The part of an AbortSignal the package uses, for environments whose types declare none. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** The environment's AbortSignal where its types declare one (DOM, @types/node, workers), else
 * AbortSignalLike: the package's types name no DOM type, so they compile in any project. */
export type AbortSignalType = typeof globalThis extends { AbortSignal: { prototype: infer S } } ? S : AbortSignalLike;
"#;
