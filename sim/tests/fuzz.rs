//! The `sim_handler` fuzz target's body on stable, as a bounded pass for CI: every seed and saved
//! crash input, their truncations, and random requests.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;
use std::path::Path;
use tango_sim::fuzzing::handle_bytes;

fn inputs() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut inputs = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join("sim_handler")) else {
            continue;
        };
        for entry in entries.flatten() {
            inputs.push(std::fs::read(entry.path()).expect("readable fuzz input"));
        }
    }
    inputs
}

#[test]
fn the_handler_survives_every_seed_regression_and_truncation() {
    let inputs = inputs();
    assert!(inputs.len() >= 8);
    for input in &inputs {
        for end in 0..=input.len() {
            handle_bytes(&input[..end]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn the_handler_survives_random_requests(method in any::<u8>(), url in "[ -~]{0,80}", header in any::<String>(), body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut bytes = vec![method];
        bytes.extend_from_slice(url.replace('\n', "").as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(header.replace('\n', "").as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&body);
        handle_bytes(&bytes);
    }
}
