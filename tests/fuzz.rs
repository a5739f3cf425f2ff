//! The fuzz targets' bodies (`tango_orders::fuzzing`, run by cargo-fuzz in `fuzz/`) on stable, as a
//! bounded pass for CI: every seed and every saved crash input, every truncation of the seeds, and
//! random bytes. A crash found by `make fuzz` goes into `fuzz/regressions/<target>/` and stays here.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::path::Path;
use tango_orders::fuzzing::{decode_every_response, validate_everything};

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            inputs.push(std::fs::read(entry.path()).expect("readable fuzz input"));
        }
    }
    inputs
}

/// Every prefix of an input (cut at each of up to 200 points): truncated bodies are what a dropped
/// connection leaves.
fn truncations(input: &[u8]) -> impl Iterator<Item = &[u8]> {
    let step = (input.len() / 200).max(1);
    (0..input.len()).step_by(step).map(move |end| &input[..end])
}

#[test]
fn decode_survives_every_seed_regression_and_truncation() {
    let inputs = inputs("decode");
    assert!(inputs.len() >= 12, "the docs samples are the decode seeds");
    for input in &inputs {
        decode_every_response(input);
        truncations(input).for_each(decode_every_response);
    }
}

#[test]
fn validators_survive_every_seed_regression_and_truncation() {
    let inputs = inputs("validate");
    assert!(
        inputs.len() >= 70,
        "the shared validation cases are the seeds"
    );
    for input in &inputs {
        validate_everything(input);
        truncations(input).for_each(validate_everything);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn decode_survives_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        decode_every_response(&bytes);
    }

    #[test]
    fn validators_survive_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        validate_everything(&bytes);
    }

    #[test]
    fn decode_survives_a_seed_with_one_byte_changed(seed in 0usize..64, at in any::<usize>(), byte in any::<u8>()) {
        let inputs = inputs("decode");
        let mut input = inputs[seed % inputs.len()].clone();
        let len = input.len().max(1);
        if let Some(slot) = input.get_mut(at % len) {
            *slot = byte;
        }
        decode_every_response(&input);
    }
}
