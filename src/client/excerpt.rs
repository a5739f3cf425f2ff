//! The excerpt a decode error keeps of a body Tango sent: its shape for support (keys, numbers,
//! punctuation), with every string value blanked, since those hold names, emails, addresses and
//! reward credentials. Hand-written: a tolerant scan of possibly broken JSON, which no JSON crate
//! offers (they stop at the first error, and the body is broken by definition here).

/// The longest excerpt kept, in characters.
pub const EXCERPT_CHARS: usize = 200;

/// What replaces each string value.
const BLANK: &str = "\"…\"";

/// The first [`EXCERPT_CHARS`] characters of `body` with string values blanked (object keys kept);
/// for a body that is not JSON at all (an HTML error page), only its length.
pub fn redacted_excerpt(body: &str) -> String {
    let trimmed = body.trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return format!("(not JSON: {} bytes)", body.len());
    }
    let mut out = String::new();
    let mut chars = trimmed.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if out.chars().count() >= EXCERPT_CHARS {
            break;
        }
        if c != '"' {
            out.push(c);
            continue;
        }
        // A string: find its end, then whether a ':' follows (a key) or not (a value).
        let mut end = None;
        let mut escaped = false;
        for (index, next) in chars.by_ref() {
            match next {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    end = Some(index);
                    break;
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            // Cut off inside a string: its value is not shown.
            out.push_str(BLANK);
            break;
        };
        let after = trimmed.get(end + 1..).unwrap_or("").trim_start();
        if after.starts_with(':') {
            out.push_str(trimmed.get(start..=end).unwrap_or(BLANK));
        } else {
            out.push_str(BLANK);
        }
    }
    out.chars().take(EXCERPT_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_values_are_blanked_and_the_shape_is_kept() {
        let body = r#"{"recipient": {"email": "ann.marker@example.com", "firstName": "Ann \"A\" Marker"}, "amount": 5.5, "tags": ["x", 1, null], "ok": true}"#;
        assert_eq!(
            redacted_excerpt(body),
            r#"{"recipient": {"email": "…", "firstName": "…"}, "amount": 5.5, "tags": ["…", 1, null], "ok": true}"#
        );
    }

    #[test]
    fn cut_and_broken_bodies_show_nothing_of_a_value() {
        assert_eq!(
            redacted_excerpt(r#"{"email": "ann.mar"#),
            r#"{"email": "…""#
        );
        assert_eq!(
            redacted_excerpt("<html>Ann Marker</html>"),
            "(not JSON: 23 bytes)"
        );
        let long = format!("[{}]", vec!["\"secret.marker\""; 500].join(","));
        let excerpt = redacted_excerpt(&long);
        assert_eq!(excerpt.chars().count(), EXCERPT_CHARS);
        assert!(!excerpt.contains("marker"));
    }
}
