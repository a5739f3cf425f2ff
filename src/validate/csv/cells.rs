//! A cell's text as the JSON value of its field: numbers and yes/no as people write them in a
//! spreadsheet.

use crate::validate::Json;

/// The number a person means by `text`: `25`, `25.00`, `.5`, `25.`, `1,000`, `1,000.50`, and
/// `-5` (read, so that the amount rule can say it must be more than 0). `None` for anything else,
/// such as `25,5`, `$25`, `1e3` or `1,00`: the cell stays text and the rule says it must be a number.
///
/// Read through the JSON parser the validators already use rather than `f64::from_str`, which
/// would add core's decimal-to-float code (several KiB) to the wasm for the same result.
pub fn number(text: &str) -> Option<f64> {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (unsigned, ""),
    };
    let whole = whole_digits(whole)?;
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(fraction) {
        return None;
    }
    // JSON's form: no leading zeros, a digit on each side of the point.
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let point = if fraction.is_empty() { "" } else { "." };
    let json = [sign, whole, point, fraction].concat();
    match Json::parse(&json) {
        Ok(Json::Number(number)) => Some(number),
        _ => None,
    }
}

/// The digits of the whole part: plain (`1000`) or grouped by threes with commas (`1,000`).
fn whole_digits(whole: &str) -> Option<String> {
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) {
        return None;
    }
    let mut all = first.to_owned();
    for (n, group) in groups.enumerate() {
        // Grouped: the first group has one to three digits, every later one exactly three.
        let first_ok = n > 0 || (1..=3).contains(&first.len());
        if !first_ok || group.len() != 3 || !digits(group) {
            return None;
        }
        all.push_str(group);
    }
    Some(all)
}

/// `true` for `true`, `yes` or `1`, `false` for `false`, `no` or `0`, in any case.
pub fn boolean(text: &str) -> Option<bool> {
    let is = |word: &str| text.eq_ignore_ascii_case(word);
    if is("true") || is("yes") || is("1") {
        Some(true)
    } else if is("false") || is("no") || is("0") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        for (text, value) in [
            ("25", 25.0),
            ("25.00", 25.0),
            ("25.5", 25.5),
            ("0.10", 0.1),
            (".5", 0.5),
            ("25.", 25.0),
            ("007", 7.0),
            ("1,000", 1000.0),
            ("1,000.50", 1000.5),
            ("12,345,678.9", 12_345_678.9),
            ("-5", -5.0),
            ("0", 0.0),
            ("19.999", 19.999),
        ] {
            assert_eq!(number(text), Some(value), "{text}");
        }
    }

    #[test]
    fn anything_else_is_not_a_number() {
        for text in [
            "", ".", "-", "$25", "25 USD", "25,5", "1,00", "1000,000", ",100", "1,,000", "1e3",
            "+5", "2.5.1", "NaN", "Infinity", "0x10", "twenty", "1 000", "--5", "١٢",
        ] {
            assert_eq!(number(text), None, "{text}");
        }
    }

    #[test]
    fn yes_and_no_in_any_case() {
        for text in ["true", "TRUE", "Yes", "1"] {
            assert_eq!(boolean(text), Some(true), "{text}");
        }
        for text in ["false", "No", "0"] {
            assert_eq!(boolean(text), Some(false), "{text}");
        }
        for text in ["", "y", "2", "maybe"] {
            assert_eq!(boolean(text), None, "{text}");
        }
    }
}
