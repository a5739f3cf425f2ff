//! Every validator (and the normalizer and request builders) on arbitrary JSON: a report, never a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| tango_orders::fuzzing::validate_everything(bytes));
