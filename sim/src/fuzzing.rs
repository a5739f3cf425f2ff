//! Entry point for the `sim_handler` fuzz target (`fuzz/`) and its replay on stable
//! (`sim/tests/fuzz.rs`): arbitrary requests must get an HTTP answer, never a panic.

use crate::{Request, SimOptions, Simulator};

const METHODS: [&str; 6] = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const DEMO_AUTH: &str = "Basic ZGVtby1wbGF0Zm9ybTpkZW1vLWtleQ==";

/// Reads `bytes` as a request and hands it to a simulator that already holds a few orders.
///
/// Layout: byte 0 picks the method and whether the demo credentials are sent; the rest is
/// `url \n header-value \n body`, where the header value becomes `x-any` and the URL is taken
/// relative to `/raas/v2` unless it starts with `/`.
pub fn handle_bytes(bytes: &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let method = METHODS
        .get(usize::from(first) % METHODS.len())
        .copied()
        .unwrap_or("GET");
    let mut parts = rest.splitn(3, |b| *b == b'\n');
    let url = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let header = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let body = parts.next().unwrap_or_default().to_vec();
    let url = if url.starts_with('/') {
        url
    } else {
        format!("/raas/v2/{url}")
    };
    let mut headers = vec![("x-any".to_owned(), header)];
    if first & 0x80 == 0 {
        headers.push(("authorization".to_owned(), DEMO_AUTH.to_owned()));
        headers.push(("content-type".to_owned(), "application/json".to_owned()));
    }
    let mut sim = Simulator::new(SimOptions::default());
    sim.seed_orders(3, 1_000);
    let response = sim.handle(&Request::new(method, &url, headers, body));
    assert!((100..600).contains(&response.status), "{}", response.status);
    // A second request on the same state, after time moved: progressions and limits run too.
    sim.advance(31_000);
    let again = Request::new(
        method,
        &url,
        vec![("authorization".into(), DEMO_AUTH.into())],
        vec![],
    );
    let _ = sim.handle(&again);
}
