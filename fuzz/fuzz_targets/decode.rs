//! Every response type decoded from arbitrary bytes: an error, never a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| tango_orders::fuzzing::decode_every_response(bytes));
