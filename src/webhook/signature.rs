//! How a delivery's signature is checked: what Tango's docs say, and the choices they leave open,
//! each one constant here.
//!
//! Tango signs each delivery per the subscription's `payloadVerificationMethod` and puts the
//! signature, base64, in the `X-Signed-Payload` header. For HMAC the docs say HMAC-SHA256 with the
//! subscription's `hmacSharedSecretKey`, which is given base64; they do not say whether the key is
//! its decoded bytes or its text, nor how the signature is encoded beyond "base64". This package
//! takes the key's decoded bytes ([`HMAC_KEY_IS_BASE64_DECODED`]) and the signature as standard
//! base64 of the 32-byte MAC. For X509, RSASSA-PKCS1-v1_5 with [`X509_HASH`], checked against the
//! subscription's `signingCertificate`. The check itself runs where the crypto is: WebCrypto in JavaScript
//! (`crypto.subtle.verify`, which compares in constant time), the `hmac` crate natively (feature
//! `webhook-sign`, which the simulator uses to sign).

use crate::error::Error;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// The header that carries the signature (HTTP header names are case-insensitive).
pub const SIGNATURE_HEADER: &str = "x-signed-payload";

/// The largest delivery body read: Tango's events are a few hundred bytes; a larger body is
/// refused before any work is done on it.
pub const MAX_DELIVERY_BYTES: usize = 256 * 1024;

/// Whether the HMAC key is the base64-decoded `hmacSharedSecretKey` (`true`) or its text.
pub const HMAC_KEY_IS_BASE64_DECODED: bool = true;

/// X509 signatures: RSASSA-PKCS1-v1_5 (Tango's docs: "PKCS#1 v1.5") over this hash, which the
/// docs do not name.
pub const X509_HASH: &str = "SHA-256";

/// The fewest key bytes accepted: HMAC-SHA256's own output size.
pub const MIN_HMAC_KEY_BYTES: usize = 32;

/// A subscription's HMAC key, as the MAC is computed with it. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct HmacKey(Vec<u8>);

impl core::fmt::Debug for HmacKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("HmacKey([redacted])")
    }
}

impl HmacKey {
    /// The key of a subscription's `hmacSharedSecretKey` (base64, at least 32 bytes once decoded).
    pub fn from_shared_secret(secret: &str) -> Result<HmacKey, Error> {
        let bytes = STANDARD
            .decode(secret.trim())
            .map_err(|_| Error::config("hmacSharedSecretKey must be base64 (as given to Tango)"))?;
        if bytes.len() < MIN_HMAC_KEY_BYTES {
            return Err(Error::config(
                "hmacSharedSecretKey must be at least 32 bytes once decoded",
            ));
        }
        Ok(HmacKey(if HMAC_KEY_IS_BASE64_DECODED {
            bytes
        } else {
            secret.trim().as_bytes().to_vec()
        }))
    }

    /// The bytes the MAC is computed with.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

/// Why a delivery was not verified; each is an `unverified` error that quotes nothing of it.
pub fn unverified(why: &str) -> Error {
    Error::Unverified {
        message: format!("the webhook delivery was not verified: {why}"),
    }
}

/// The signature bytes of a header value, or an `unverified` error.
pub fn signature_bytes(header: Option<&str>) -> Result<Vec<u8>, Error> {
    let header = header
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .ok_or_else(|| unverified("no X-Signed-Payload header"))?;
    STANDARD
        .decode(header)
        .map_err(|_| unverified("the X-Signed-Payload header is not base64"))
}

/// Refuses a body over [`MAX_DELIVERY_BYTES`] before it is read further.
pub fn check_size(len: usize) -> Result<(), Error> {
    if len > MAX_DELIVERY_BYTES {
        return Err(unverified("the body is larger than 256 KiB"));
    }
    Ok(())
}

/// The signature Tango sends for `body` under `key`: base64 of HMAC-SHA256 (for the simulator and
/// for tests).
#[cfg(feature = "webhook-sign")]
pub fn sign_hmac(key: &HmacKey, body: &[u8]) -> String {
    use hmac::{Mac, SimpleHmac};
    let mut mac = match SimpleHmac::<sha2::Sha256>::new_from_slice(key.expose()) {
        Ok(mac) => mac,
        // HMAC takes a key of any length; this arm is never taken.
        Err(_) => return String::new(),
    };
    mac.update(body);
    STANDARD.encode(mac.finalize().into_bytes())
}

/// Checks `body` against the `X-Signed-Payload` header natively: the size, the header, then the
/// MAC, compared in constant time by the `hmac` crate.
#[cfg(feature = "webhook-sign")]
pub fn verify_hmac(key: &HmacKey, body: &[u8], header: Option<&str>) -> Result<(), Error> {
    use hmac::{Mac, SimpleHmac};
    check_size(body.len())?;
    let signature = signature_bytes(header)?;
    let mut mac = SimpleHmac::<sha2::Sha256>::new_from_slice(key.expose())
        .map_err(|_| unverified("the key is unusable"))?;
    mac.update(body);
    mac.verify_slice(&signature)
        .map_err(|_| unverified("the signature does not match the body"))
}

#[cfg(all(test, feature = "webhook-sign"))]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    const SECRET: &str = "c2VjcmV0LWtleS1mb3ItdGFuZ28td2ViaG9va3MtMzItYnl0ZXMh";

    #[test]
    fn hmac_matches_a_known_vector() {
        // Computed with Python's hmac module:
        // base64(hmac.new(b64decode(SECRET), b'{"a":1}', sha256).digest()).
        let key = HmacKey::from_shared_secret(SECRET).unwrap();
        assert_eq!(
            sign_hmac(&key, br#"{"a":1}"#),
            "5MOmHeBHtLfd71O/wti1Vaeetcs26PLJU09rRkuNf9o="
        );
    }

    #[test]
    fn genuine_passes_and_every_tampering_fails() {
        let key = HmacKey::from_shared_secret(SECRET).unwrap();
        let body = br#"{"eventId":"e1","revision":3,"eventType":"RewardStatus"}"#;
        let signature = sign_hmac(&key, body);
        assert!(verify_hmac(&key, body, Some(&signature)).is_ok());
        let mut flipped = body.to_vec();
        flipped[10] ^= 1;
        let other = HmacKey::from_shared_secret(&STANDARD.encode([7u8; 32])).unwrap();
        for (key, body, header) in [
            (&key, &flipped[..], Some(signature.as_str())),
            (&other, &body[..], Some(signature.as_str())),
            (&key, &body[..], None),
            (&key, &body[..], Some("not base64!")),
            (&key, &body[..], Some("")),
        ] {
            let error = verify_hmac(key, body, header).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Unverified);
            assert!(!error.to_string().contains("eventId"), "{error}");
        }
        let big = vec![b' '; MAX_DELIVERY_BYTES + 1];
        let error = verify_hmac(&key, &big, Some(&sign_hmac(&key, &big))).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Unverified);
    }

    #[test]
    fn a_short_or_malformed_secret_is_a_config_error_that_quotes_nothing() {
        for secret in ["c2hvcnQ=", "%%%", ""] {
            let error = HmacKey::from_shared_secret(secret).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Config);
            assert!(!error.to_string().contains(secret) || secret.is_empty());
        }
        let key = HmacKey::from_shared_secret(SECRET).unwrap();
        assert_eq!(format!("{key:?}"), "HmacKey([redacted])");
    }
}
