//! The simulator answering as Tango's docs and samples do (issue 14): amounts charged to the
//! exact cent the validator reads, nothing placed for an amount with a third decimal.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod common;

use common::*;

#[test]
fn an_amount_with_a_third_decimal_is_refused_and_two_decimals_are_charged_exactly() {
    let mut sim = simulator();
    let refused = place(&mut sim, email_order("U000001", 1999.001));
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json_body()["errors"][0]["field"], "amount");
    assert_eq!(sim.order_count(), 0);
    let before = sim.balance_cents("demo-account").unwrap();
    let placed = placed(&mut sim, email_order("U000001", 1999.99));
    assert_eq!(placed["amountCharged"]["total"], 1999.99);
    assert_eq!(sim.balance_cents("demo-account").unwrap(), before - 199_999);
}
