//! The simulator's request handler on arbitrary requests: a response, never a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| tango_sim::fuzzing::handle_bytes(bytes));
