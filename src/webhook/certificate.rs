//! The public key of an X509 certificate, for checking X509-signed deliveries with WebCrypto
//! (`importKey("spki", …)`), which reads a SubjectPublicKeyInfo but not a certificate.
//!
//! By hand rather than with an X509 crate: all that is needed is to step over the DER fields of
//! `tbsCertificate` that come before `subjectPublicKeyInfo` (RFC 5280 §4.1), a few dozen lines,
//! where a certificate parser would add its ASN.1 machinery to the client's wasm. Nothing of the
//! certificate is trusted beyond finding that key: the subscription's certificate is the caller's.

use crate::error::Error;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// DER's tags for SEQUENCE and for the `[0]` of `version`.
const SEQUENCE: u8 = 0x30;
const VERSION: u8 = 0xA0;

/// One DER element at the start of `input`: its tag, its whole encoding and its contents.
fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7F);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let (bytes, rest) = rest.split_at(count);
        let length = bytes.iter().fold(0usize, |n, &b| (n << 8) | usize::from(b));
        (length, rest)
    };
    if rest.len() < length {
        return None;
    }
    let header = input.len() - rest.len();
    let whole = input.get(..header + length)?;
    let contents = rest.get(..length)?;
    Some((tag, whole, contents))
}

/// The DER of the SubjectPublicKeyInfo in a certificate given as base64 DER (`signingCertificate`
/// as Tango takes it; a PEM's header and footer lines are accepted too).
pub fn subject_public_key_info(certificate: &str) -> Result<Vec<u8>, Error> {
    let unusable = || Error::config("signingCertificate must be an X509 certificate, base64 DER");
    let text: String = certificate
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .flat_map(|line| line.chars().filter(|c| !c.is_whitespace()))
        .collect();
    let der = STANDARD.decode(text).map_err(|_| unusable())?;
    let (tag, _, certificate) = element(&der).ok_or_else(unusable)?;
    let (tbs_tag, _, mut fields) = element(certificate).ok_or_else(unusable)?;
    if tag != SEQUENCE || tbs_tag != SEQUENCE {
        return Err(unusable());
    }
    // version (optional), serialNumber, signature, issuer, validity, subject: then the key.
    let mut skipped = 0;
    while skipped < 6 {
        let (tag, whole, _) = element(fields).ok_or_else(unusable)?;
        fields = fields.get(whole.len()..).ok_or_else(unusable)?;
        if skipped == 0 && tag != VERSION {
            // No version field: this was the serial number.
            skipped += 1;
        }
        skipped += 1;
    }
    let (tag, key, _) = element(fields).ok_or_else(unusable)?;
    if tag != SEQUENCE {
        return Err(unusable());
    }
    Ok(key.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A self-signed test certificate (RSA 2048, made with openssl for the tests only) and the
    /// SubjectPublicKeyInfo openssl printed for it (`openssl x509 -pubkey`).
    const CERTIFICATE: &str = include_str!("../../tests/fixtures/webhook-test-certificate.b64");
    const KEY: &str = include_str!("../../tests/fixtures/webhook-test-spki.b64");

    #[test]
    fn the_key_of_a_certificate_is_found_in_der_and_pem() {
        let expected = STANDARD.decode(KEY.trim()).unwrap();
        assert_eq!(subject_public_key_info(CERTIFICATE).unwrap(), expected);
        let pem = format!(
            "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
            CERTIFICATE.trim()
        );
        assert_eq!(subject_public_key_info(&pem).unwrap(), expected);
    }

    #[test]
    fn what_is_not_a_certificate_is_a_config_error() {
        let der = STANDARD.decode(CERTIFICATE.trim()).unwrap();
        for text in [
            String::from("%%%"),
            String::new(),
            STANDARD.encode(&der[..40]),
            STANDARD.encode([0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]),
            STANDARD.encode([0x02, 0x01, 0x00]),
        ] {
            let error = subject_public_key_info(&text).unwrap_err();
            assert_eq!(error.kind(), crate::error::ErrorKind::Config, "{text}");
        }
    }
}
