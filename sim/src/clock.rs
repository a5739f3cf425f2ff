//! Time, injectable: a virtual clock for tests (no sleeping), or the real one shifted by an offset.

/// The simulator's clock, in milliseconds since the Unix epoch.
#[derive(Clone, Debug)]
pub enum Clock {
    /// Time stands still until advanced: tests of the 1 s and 30 s rules never sleep.
    Virtual {
        /// The current time.
        now_ms: i64,
    },
    /// The machine's clock, plus whatever `advance` added (so a demo can skip 30 s).
    Real {
        /// Added to the machine's time.
        offset_ms: i64,
    },
}

impl Clock {
    /// A virtual clock at 2026-01-01T00:00:00Z.
    pub fn virtual_default() -> Self {
        Clock::Virtual {
            now_ms: 1_767_225_600_000,
        }
    }

    /// The current time.
    pub fn now_ms(&self) -> i64 {
        match self {
            Clock::Virtual { now_ms } => *now_ms,
            Clock::Real { offset_ms } => real_now_ms() + offset_ms,
        }
    }

    /// Moves time forward by `ms`.
    pub fn advance(&mut self, ms: i64) {
        match self {
            Clock::Virtual { now_ms } => *now_ms += ms.max(0),
            Clock::Real { offset_ms } => *offset_ms += ms.max(0),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn real_now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[cfg(target_arch = "wasm32")]
fn real_now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` for epoch milliseconds.
pub fn rfc3339(ms: i64) -> String {
    tango_orders::validate::format_date_time(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_round_trips_through_the_crate_parser() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_767_225_600_000), "2026-01-01T00:00:00.000Z");
        for ms in [951_782_400_123, 1_709_227_800_000, 4_102_444_799_999] {
            assert_eq!(
                tango_orders::validate::parse_date_time(&rfc3339(ms)),
                Some(ms)
            );
        }
    }

    #[test]
    fn virtual_time_moves_only_when_advanced() {
        let mut clock = Clock::virtual_default();
        let start = clock.now_ms();
        clock.advance(30_000);
        assert_eq!(clock.now_ms(), start + 30_000);
        clock.advance(-5);
        assert_eq!(clock.now_ms(), start + 30_000);
    }
}
