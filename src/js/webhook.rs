//! `verifyWebhook`: a delivery's raw bytes checked against its `X-Signed-Payload` header with
//! WebCrypto (`crypto.subtle`, which compares in constant time). The crypto is the runtime's own,
//! so the wasm carries none; the verified body is read as an event by the webhooks module's
//! JavaScript (pkg-template/webhook-read.js, with decode.js), as the client's answers are. Built
//! alone (feature `js-webhook`): a receiver loads neither the client nor its bytes.

use super::convert::get;
use super::error::to_js_error;
use super::text::utf8;
use crate::error::Error;
use crate::webhook::certificate::subject_public_key_info;
use crate::webhook::signature::{
    check_size, signature_bytes, unverified, SIGNATURE_HEADER, X509_HASH,
};
use crate::webhook::HmacKey;
use js_sys::{Array, ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(typescript_custom_section)]
const WEBHOOK_TYPES: &str = r#"
/** A webhook delivery as `verifyWebhook` takes it: a Fetch `Request` (Workers, Next.js route
 * handlers, Deno, Bun, Hono), or its raw body, as bytes or text, with its headers (Express with
 * `express.raw({ type: "application/json" })`, Node's `http`). */
export type WebhookDelivery =
  | { arrayBuffer(): Promise<ArrayBuffer>; headers: { get(name: string): string | null } }
  | {
      body: string | Uint8Array | ArrayBuffer;
      headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>;
    };
/** The subscription's key that `verifyWebhook` checks a delivery with, as given to Tango: its
 * `hmacSharedSecretKey` (base64), or its `signingCertificate` (base64 DER, or PEM). */
export type WebhookKeys = { hmacSharedSecretKey: string } | { signingCertificate: string };
/** One event of type `T` with data `D`. */
export interface WebhookEventOf<T extends string, D> {
  /** The event's ID: the same on every delivery of it (a retry, a replay). */
  eventId: string;
  /** Its position among the subscription's events: deliveries may arrive out of order. */
  revision?: number;
  /** Its category. */
  category?: WebhookCategory;
  /** When it happened (RFC 3339). */
  eventOccurredAt?: string;
  eventType: T;
  eventData: D;
}
/** A verified delivery's event: narrow on `eventType` for its `eventData`. An event of a type this
 * release does not know is passed on as Tango sent it, but typed only by the types it knows (as
 * stripe-node types its events): handle a `default` case at run time. */
export type WebhookEvent =
  | WebhookEventOf<"RewardStatus", RewardStatusEventData>
  | WebhookEventOf<"LineItemDeliveryStatus", LineItemDeliveryStatusEventData>
  | WebhookEventOf<"AsyncOrderStatus", AsyncOrderStatusEventData>
  | WebhookEventOf<"ItemAvailability", ItemAvailabilityEventData>
  | WebhookEventOf<"AccountStatus", AccountStatusEventData>
  | WebhookEventOf<"Transaction", TransactionEventData>
  | WebhookEventOf<"LowBalance", LowBalanceEventData>
  | WebhookEventOf<"APICredentials", CredentialStatusEventData>
  | WebhookEventOf<"ExchangeRatesStatus", ExchangeRatesStatusData>;
/** Verifies a webhook delivery and resolves to its event. The raw body is checked against the
 * `X-Signed-Payload` header with the subscription's key before anything in it is read; a delivery
 * that is not verified (no header, a wrong signature, a body over 256 KiB or one already parsed)
 * rejects with a TangoError of kind `"unverified"` that quotes nothing of it. */
export function verifyWebhook(delivery: WebhookDelivery, keys: WebhookKeys): Promise<WebhookEvent>;
"#;

/// `verifyWebhook`'s check: resolves to the delivery's body as text once it is verified, for the
/// webhooks module's JavaScript to read (the function the package exports is that JavaScript's).
#[wasm_bindgen(js_name = __verifyWebhook, skip_typescript)]
pub fn verify_webhook(delivery: JsValue, keys: JsValue) -> Promise {
    wasm_bindgen_futures::future_to_promise(Box::pin(async move {
        verified_body(&delivery, &keys)
            .await
            .map(JsValue::from)
            .map_err(to_js_error)
    }))
}

async fn verified_body(delivery: &JsValue, keys: &JsValue) -> Result<String, Error> {
    let key = key_of(keys)?;
    let (body, header) = read_delivery(delivery).await?;
    check_size(body.len())?;
    let signature = signature_bytes(header.as_deref())?;
    if !web_crypto_verifies(&key, &signature, &body).await? {
        return Err(unverified("the signature does not match the body"));
    }
    String::from_utf8(body).map_err(|_| Error::Decode {
        message: "the webhook delivery is not an event: its body is not UTF-8".into(),
        excerpt: None,
    })
}

/// A subscription's key, as WebCrypto imports it.
enum Key {
    /// HMAC-SHA256 with these bytes.
    Hmac(HmacKey),
    /// RSASSA-PKCS1-v1_5 with this SubjectPublicKeyInfo (DER).
    X509(Vec<u8>),
}

/// The subscription's key from `keys`.
fn key_of(keys: &JsValue) -> Result<Key, Error> {
    if !keys.is_object() {
        return Err(Error::config(
            "verifyWebhook needs the subscription's key: { hmacSharedSecretKey } or { signingCertificate }",
        ));
    }
    if let Some(secret) = get(keys, "hmacSharedSecretKey").as_string() {
        return HmacKey::from_shared_secret(&secret).map(Key::Hmac);
    }
    if let Some(certificate) = get(keys, "signingCertificate").as_string() {
        return subject_public_key_info(&certificate).map(Key::X509);
    }
    Err(Error::config(
        "verifyWebhook needs the subscription's hmacSharedSecretKey or signingCertificate (base64 text)",
    ))
}

/// The raw body and the signature header of a `Request` or of `{ body, headers }`.
async fn read_delivery(delivery: &JsValue) -> Result<(Vec<u8>, Option<String>), Error> {
    let not_a_delivery = || {
        Error::config(
            "verifyWebhook takes a Request, or { body, headers } with the raw body as bytes or text",
        )
    };
    if !delivery.is_object() {
        return Err(not_a_delivery());
    }
    let headers = get(delivery, "headers");
    let header = |name: &str| header_value(&headers, name);
    let read_body = get(delivery, "arrayBuffer");
    if let Some(read_body) = read_body.dyn_ref::<Function>() {
        // A Request: refuse a declared oversize body before reading it.
        if let Some(length) = header("content-length").and_then(|l| l.trim().parse::<usize>().ok())
        {
            check_size(length)?;
        }
        let buffer = read_body
            .call0(delivery)
            .map(JsCast::unchecked_into::<Promise>)
            .map_err(|_| unverified("its body could not be read"))?;
        let buffer = JsFuture::from(buffer)
            .await
            .map_err(|_| unverified("its body could not be read"))?;
        let bytes = Uint8Array::new(&buffer).to_vec();
        return Ok((bytes, header(SIGNATURE_HEADER)));
    }
    let body = get(delivery, "body");
    let bytes = if let Some(bytes) = utf8(&body) {
        bytes
    } else if body.is_instance_of::<Uint8Array>() || body.is_instance_of::<ArrayBuffer>() {
        let bytes = Uint8Array::new(&body);
        check_size(bytes.length() as usize)?;
        bytes.to_vec()
    } else {
        return Err(unverified(
            "its body is not the raw bytes or text (with Express, use express.raw({ type: \"application/json\" }))",
        ));
    };
    Ok((bytes, header(SIGNATURE_HEADER)))
}

/// A header of a `Headers` object (`get`, case-insensitive) or of a plain object as Node gives
/// them (names in any case; a list of values takes the first).
fn header_value(headers: &JsValue, name: &str) -> Option<String> {
    if let Some(read) = get(headers, "get").dyn_ref::<Function>() {
        return read.call1(headers, &name.into()).ok()?.as_string();
    }
    if !headers.is_object() {
        return None;
    }
    let entries = Object::entries(headers.unchecked_ref::<Object>());
    entries.iter().find_map(|entry| {
        let entry = Array::from(&entry);
        let key = entry.get(0).as_string()?;
        if !key.eq_ignore_ascii_case(name) {
            return None;
        }
        let value = entry.get(1);
        if Array::is_array(&value) {
            return Array::from(&value).get(0).as_string();
        }
        value.as_string()
    })
}

/// Whether `signature` is `body`'s under `key`, by `crypto.subtle.verify` (constant time).
async fn web_crypto_verifies(key: &Key, signature: &[u8], body: &[u8]) -> Result<bool, Error> {
    let no_webcrypto = || {
        Error::config("verifyWebhook needs WebCrypto (globalThis.crypto.subtle: Node 19 or later)")
    };
    let subtle = Reflect::get(&js_sys::global(), &"crypto".into())
        .and_then(|crypto| Reflect::get(&crypto, &"subtle".into()))
        .map_err(|_| no_webcrypto())?;
    let method = |name: &str| {
        Reflect::get(&subtle, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or_else(no_webcrypto)
    };
    let (format, bytes, name, hash) = match key {
        Key::Hmac(key) => ("raw", key.expose(), "HMAC", "SHA-256"),
        Key::X509(spki) => ("spki", spki.as_slice(), "RSASSA-PKCS1-v1_5", X509_HASH),
    };
    let algorithm = Object::new();
    let _ = Reflect::set(&algorithm, &"name".into(), &name.into());
    let _ = Reflect::set(&algorithm, &"hash".into(), &hash.into());
    let usages = Array::of1(&"verify".into());
    let import = method("importKey")?
        .apply(
            &subtle,
            &Array::of5(
                &format.into(),
                &Uint8Array::from(bytes),
                &algorithm,
                &false.into(),
                &usages,
            ),
        )
        .map_err(|_| no_webcrypto())?;
    let crypto_key = JsFuture::from(import.unchecked_into::<Promise>())
        .await
        .map_err(|_| Error::config("the subscription's key could not be used"))?;
    let verified = method("verify")?
        .apply(
            &subtle,
            &Array::of4(
                &algorithm,
                &crypto_key,
                &Uint8Array::from(signature),
                &Uint8Array::from(body),
            ),
        )
        .map_err(|_| no_webcrypto())?;
    let verified = JsFuture::from(verified.unchecked_into::<Promise>())
        .await
        .map_err(|_| unverified("the signature could not be checked"))?;
    Ok(verified.as_bool() == Some(true))
}
