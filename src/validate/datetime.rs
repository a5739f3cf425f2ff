//! RFC 3339 dates and date-times, read into milliseconds since the Unix epoch.
//!
//! Hand-written (about forty lines) instead of `chrono` or `time`: only parsing and comparison are
//! needed, and either crate would add tens of kilobytes to the wasm.

/// Reads an RFC 3339 date-time (`2026-11-21T23:04:05Z`, `…T23:04:05.123+01:00`) as epoch milliseconds.
pub fn parse_date_time(text: &str) -> Option<i64> {
    let (date, rest) = (text.get(..10)?, text.get(10..)?);
    let days = parse_date_days(date)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let hour = number(rest.get(0..2)?, 0, 23)?;
    let minute = number(rest.get(3..5)?, 0, 59)?;
    let second = number(rest.get(6..8)?, 0, 60)?; // 60: a leap second
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" {
        return None;
    }
    let mut rest = rest.get(8..)?;
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded = format!("{:0<3}", fraction.get(..digits.min(3))?);
        millis = number(&padded, 0, 999)?;
        rest = fraction.get(digits..)?;
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.get(3..4)? != ":" {
                return None;
            }
            sign * (number(rest.get(1..3)?, 0, 23)? * 60 + number(rest.get(4..6)?, 0, 59)?)
        }
    };
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1_000 + millis)
}

/// Reads an RFC 3339 date (`2026-11-21`, as midnight UTC) or date-time as epoch milliseconds.
pub fn parse_date_or_date_time(text: &str) -> Option<i64> {
    if text.len() == 10 {
        parse_date_days(text).map(|days| days * 86_400_000)
    } else {
        parse_date_time(text)
    }
}

/// Reads the end of a range: a date alone (`2026-11-21`) means the whole of that day, so its last
/// millisecond; a date-time means itself.
pub fn parse_range_end(text: &str) -> Option<i64> {
    let at = parse_date_or_date_time(text)?;
    Some(if text.len() == 10 {
        at + 86_399_999
    } else {
        at
    })
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, checking the day exists.
fn parse_date_days(date: &str) -> Option<i64> {
    if date.len() != 10 || date.get(4..5)? != "-" || date.get(7..8)? != "-" {
        return None;
    }
    let year = number(date.get(0..4)?, 0, 9999)?;
    let month = number(date.get(5..7)?, 1, 12)?;
    let day = number(date.get(8..10)?, 1, 31)?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > month_length {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// Writes epoch milliseconds as an RFC 3339 date-time in UTC with milliseconds,
/// `2026-11-21T23:04:05.000Z` (Howard Hinnant's civil_from_days).
pub fn format_date_time(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// A run of ASCII digits as a number within `low..=high`.
fn number(digits: &str, low: i64, high: i64) -> Option<i64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = digits.parse().ok()?;
    (low..=high).contains(&value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times() {
        assert_eq!(parse_date_time("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_date_time("2026-11-21T23:04:05Z"),
            Some(1_795_302_245_000)
        );
        assert_eq!(
            parse_date_time("2026-11-21T23:04:05.5Z"),
            Some(1_795_302_245_500)
        );
        assert_eq!(
            parse_date_time("2026-11-22T00:04:05+01:00"),
            Some(1_795_302_245_000)
        );
        assert_eq!(
            parse_date_time("2024-02-29T12:00:00-05:30"),
            Some(1_709_227_800_000)
        );
        for bad in [
            "2026-11-21",
            "2026-11-21T23:04Z",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2026-11-21T24:00:00Z",
            "2026-11-21T23:04:05",
            "2026-11-21T23:04:05.Z",
            "2026-11-21T23:04:05+0100",
            "26-11-21T23:04:05Z",
            "2026-11-21T23:04:05Zjunk",
            "",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn formatting_round_trips() {
        assert_eq!(format_date_time(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            format_date_time(1_767_225_600_000),
            "2026-01-01T00:00:00.000Z"
        );
        for ms in [951_782_400_123, 1_709_227_800_000, 4_102_444_799_999] {
            assert_eq!(parse_date_time(&format_date_time(ms)), Some(ms));
        }
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date_or_date_time("2016-01-01"),
            Some(1_451_606_400_000)
        );
        assert_eq!(
            parse_date_or_date_time("2016-01-01T00:00:00Z"),
            Some(1_451_606_400_000)
        );
        assert_eq!(parse_date_or_date_time("2016-1-01"), None);
        assert_eq!(parse_range_end("2016-01-01"), Some(1_451_692_799_999));
        assert_eq!(
            parse_range_end("2016-01-01T00:00:00Z"),
            Some(1_451_606_400_000)
        );
        assert_eq!(parse_date_or_date_time("２０１６-01-01"), None);
    }
}
