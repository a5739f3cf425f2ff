//! Email addresses and mobile numbers.
//!
//! Hand-written, not a crate: the email rule is the WHATWG HTML one (what `<input type="email">`
//! accepts, so a form and this check agree) plus a dot in the domain, which a deliverable address
//! needs; a regex engine or libphonenumber would cost far more wasm than these few lines, and
//! Tango's phone rule is plain E.164 plus its own "+1 and ten digits" for text messages.

/// What is wrong with a mobile number, if anything.
#[derive(Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Not E.164: `+`, a first digit 1–9, 7 to 15 digits in all, nothing else.
    NotE164,
    /// E.164, but text-message delivery (PHONE) takes only `+1` and ten digits.
    NotNorthAmerican,
}

/// Checks a mobile number for a delivery method: E.164 for WhatsApp, and for PHONE also `+1`
/// followed by exactly ten digits (Tango texts only numbers of country code 1).
pub fn check_mobile(number: &str, text_message: bool) -> Result<(), PhoneProblem> {
    let digits = number.strip_prefix('+').ok_or(PhoneProblem::NotE164)?;
    let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
    // E.164 allows at most 15 digits; 7 is the shortest complete number in use.
    if !all_digits || !(7..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Err(PhoneProblem::NotE164);
    }
    if text_message && !(digits.len() == 11 && digits.starts_with('1')) {
        return Err(PhoneProblem::NotNorthAmerican);
    }
    Ok(())
}

/// Whether `address` is a valid email address: the WHATWG rule, with at least one dot in the domain.
///
/// Read as bytes: every allowed character is ASCII, so a byte of a non-ASCII character fails
/// either way, and byte tests keep core's string searchers (2 KiB of wasm) out of the module.
pub fn is_email(address: &str) -> bool {
    const LOCAL_SPECIALS: &[u8] = b".!#$%&'*+/=?^_`{|}~-";
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(&b));
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    });
    local_ok && labels_ok && domain.bytes().any(|b| b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in [
            "a@b.co",
            "jane.doe+tag@example.com",
            "x_y@sub.example.org",
            "o'neil@x.ie",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@", "@b.co", "a@b", "a@b..co", "a@-b.co", "a@b-.co", "a b@c.co", "a@b c.co",
            "a@@b.co", "é@b.co", "a@b.co.", "<a>@b.co",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn mobiles() {
        assert_eq!(check_mobile("+12025550123", true), Ok(()));
        assert_eq!(check_mobile("+442071838750", false), Ok(()));
        assert_eq!(
            check_mobile("+442071838750", true),
            Err(PhoneProblem::NotNorthAmerican)
        );
        assert_eq!(
            check_mobile("+1202555012", true),
            Err(PhoneProblem::NotNorthAmerican)
        );
        for bad in [
            "2025550123",
            "+02025550123",
            "+1234567890123456",
            "+1202555O123",
            "+",
            "+123456",
            "+1 202 555 0123",
        ] {
            assert_eq!(
                check_mobile(bad, false),
                Err(PhoneProblem::NotE164),
                "{bad}"
            );
        }
        assert_eq!(check_mobile("+123456789012345", false), Ok(()));
    }
}
