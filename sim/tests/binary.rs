//! The `tango-sim` binary over real HTTP on loopback: it starts, prints its URL, answers a create
//! and a list, sends CORS headers, drops a committed order's response when told to, and stops on
//! SIGTERM.
//!
//! With `TANGO_SIM_COMMAND` set (a command and its first arguments, split on spaces), the same
//! tests run that instead: the package test sets it to `tango-orders sim` from the packed npm
//! package, so both servers are held to one set of tests.

// A test crate: a failing unwrap or index is a failing test (the no-panic lints are for shipped code).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const AUTH: &str = "Basic ZGVtby1wbGF0Zm9ybTpkZW1vLWtleQ==";

/// The server under test: the binary, or `TANGO_SIM_COMMAND`.
fn server() -> Command {
    match std::env::var("TANGO_SIM_COMMAND") {
        Ok(line) if !line.trim().is_empty() => {
            let mut words = line.split_whitespace();
            let mut command = Command::new(words.next().unwrap());
            command.args(words);
            command
        }
        _ => Command::new(env!("CARGO_BIN_EXE_tango-sim")),
    }
}

/// Starts the server on a free port and returns it with the `host:port` it printed.
fn start(extra: &[&str]) -> (Child, String, BufReader<std::process::ChildStdout>) {
    let mut child = server()
        .args(["--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .expect("tango-sim starts");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let url = first.trim().rsplit(' ').next().unwrap().to_owned();
    let address = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    assert!(url.ends_with("/raas/v2"), "{first}");
    (child, address, stdout)
}

/// One HTTP/1.1 exchange with `Connection: close`; returns the raw response text.
fn http(address: &str, method: &str, path: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: {AUTH}\r\nOrigin: http://127.0.0.1:5173\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

fn stop(mut child: Child, mut stdout: BufReader<std::process::ChildStdout>) {
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let status = child.wait().unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert!(status.success(), "exit status {status}");
    assert!(rest.contains(" stopped"), "{rest}");
}

const ORDER: &str = r#"{"customerIdentifier":"demo-customer","accountIdentifier":"demo-account","utid":"U000001","amount":10,"deliveryMethod":"NONE","externalRefID":"bin1"}"#;

#[test]
fn serves_a_create_and_a_list_on_loopback_and_stops_on_sigterm() {
    let (child, address, stdout) = start(&[]);
    let created = http(&address, "POST", "/raas/v2/orders", ORDER);
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");
    assert!(created
        .to_ascii_lowercase()
        .contains("access-control-allow-origin: http://127.0.0.1:5173"));
    assert!(created.contains("\"referenceOrderID\":\"RA"));
    let listed = http(&address, "GET", "/raas/v2/orders?externalRefID=bin1", "");
    assert!(listed.starts_with("HTTP/1.1 200"), "{listed}");
    assert!(listed.contains("\"totalCount\":1"), "{listed}");
    let preflight = http(&address, "OPTIONS", "/raas/v2/orders", "");
    assert!(preflight.starts_with("HTTP/1.1 204"), "{preflight}");
    stop(child, stdout);
}

#[test]
fn a_dropped_response_fails_the_request_but_keeps_the_order() {
    let (child, address, stdout) = start(&["--drop-after-commit-rate", "1", "--seed", "3"]);
    let lost = http(&address, "POST", "/raas/v2/orders", ORDER);
    assert!(
        !lost.starts_with("HTTP/1.1"),
        "a dropped answer must not look like HTTP: {lost:?}"
    );
    let listed = http(&address, "GET", "/raas/v2/orders?externalRefID=bin1", "");
    assert!(listed.contains("\"totalCount\":1"), "{listed}");
    stop(child, stdout);
}

#[test]
fn bad_flags_are_refused_with_a_message() {
    let output = server().args(["--port", "x"]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--port"));
    assert_eq!(output.status.code(), Some(2));
    let output = server().args(["--no-such-flag"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--no-such-flag"));
}

/// The status line's code.
fn status(response: &str) -> &str {
    response.split(' ').nth(1).unwrap_or("")
}

#[test]
fn limits_and_refusals_are_tangos_over_http() {
    let (child, address, stdout) = start(&[]);
    // One create a second: the second at once is a 429 with Retry-After.
    let first = http(&address, "POST", "/raas/v2/orders", ORDER);
    assert_eq!(status(&first), "201", "{first}");
    let second = http(
        &address,
        "POST",
        "/raas/v2/orders",
        &ORDER.replace("bin1", "bin2"),
    );
    assert_eq!(status(&second), "429", "{second}");
    assert!(
        second.to_ascii_lowercase().contains("retry-after:"),
        "{second}"
    );
    // Credentials that are not the demo's.
    let mut stream = TcpStream::connect(&address).unwrap();
    stream
        .write_all(b"GET /raas/v2/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Basic bm86bm8=\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut denied = String::new();
    let _ = stream.read_to_string(&mut denied);
    assert_eq!(status(&denied), "401", "{denied}");
    // A body past 1 MiB, paths that climb out of their route, and an unknown route.
    let big = format!("{{\"notes\":\"{}\"}}", "x".repeat((1 << 20) + 10));
    let refused = http(&address, "POST", "/raas/v2/orders", &big);
    assert_eq!(status(&refused), "413", "{refused}");
    for path in [
        "/raas/v2/orders/../lineItems",
        "/raas/v2/orders/%2e%2e/lineItems",
        "/raas/v2/nothing",
    ] {
        let answer = http(&address, "GET", path, "");
        assert_eq!(status(&answer), "404", "{path}: {answer}");
    }
    // Still serving.
    let listed = http(&address, "GET", "/raas/v2/orders?externalRefID=bin1", "");
    assert!(listed.contains("\"totalCount\":1"), "{listed}");
    stop(child, stdout);
}

#[test]
fn the_transport_test_routes_exist_only_when_asked_for() {
    // Off (the demo's way of running it): Tango's own 404, and no 3 s sleep to tie up a thread.
    let (child, address, stdout) = start(&[]);
    for path in ["/__transport/html", "/__transport/slow"] {
        let started = std::time::Instant::now();
        let answer = http(&address, "GET", path, "");
        assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }
    stop(child, stdout);
    // On: the HTML page the transport tests read as a non-JSON body.
    let (child, address, stdout) = start(&["--transport-test-routes"]);
    let answer = http(&address, "GET", "/__transport/html", "");
    assert!(answer.starts_with("HTTP/1.1 502"), "{answer}");
    assert!(answer.contains("<html>"), "{answer}");
    // Anything else is still the simulator.
    let created = http(&address, "POST", "/raas/v2/orders", ORDER);
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");
    stop(child, stdout);
}

/// A webhook receiver on loopback: answers each delivery with the next of `statuses` (200 once
/// they run out; a 302 points at `redirect_to`) and hands each request's headers and body over.
fn receiver(
    statuses: Vec<u16>,
    redirect_to: String,
) -> (u16, std::sync::mpsc::Receiver<(String, Vec<u8>)>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (sender, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut statuses = statuses.into_iter();
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let status = statuses.next().unwrap_or(200);
            let location = if status == 302 {
                format!("Location: {redirect_to}\r\n")
            } else {
                String::new()
            };
            let answer = format!(
                "HTTP/1.1 {status} X\r\n{location}Content-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let _ = reader.get_mut().write_all(answer.as_bytes());
            if sender.send((head, body)).is_err() {
                return;
            }
        }
    });
    (port, received)
}

#[test]
fn webhook_deliveries_are_posted_signed_retried_and_never_redirected() {
    use base64::Engine as _;
    let (trap_port, trapped) = receiver(vec![], String::new());
    let trap = format!("http://127.0.0.1:{trap_port}/trap");
    let (port, received) = receiver(vec![500, 302], trap);
    let (child, address, stdout) = start(&[]);
    let secret = base64::engine::general_purpose::STANDARD.encode([9u8; 32]);
    let subscription = format!(
        r#"{{"url":"http://127.0.0.1:{port}/hook","categories":["REWARD"],"payloadVerificationMethod":"HMAC","hmacSharedSecretKey":"{secret}","headers":[{{"name":"X-Receiver","value":"r1"}}]}}"#
    );
    let created = http(&address, "POST", "/raas/v2/webhooks", &subscription);
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");
    let id = created
        .split("\"webhookId\":\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let tested = http(
        &address,
        "POST",
        &format!("/raas/v2/webhooks/{id}/tests/RewardStatus"),
        "",
    );
    assert!(tested.starts_with("HTTP/1.1 200"), "{tested}");

    // 500, then a redirect (not followed: the trap hears nothing), then 200: three attempts.
    let key = tango_orders::webhook::HmacKey::from_shared_secret(&secret).unwrap();
    let mut bodies = Vec::new();
    for _ in 0..3 {
        let (head, body) = received
            .recv_timeout(Duration::from_secs(15))
            .expect("a delivery");
        let lower = head.to_ascii_lowercase();
        assert!(head.starts_with("POST /hook "), "{head}");
        assert!(lower.contains("x-receiver: r1"), "{head}");
        let signature = head.lines().find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("x-signed-payload")
                .then(|| value.trim())
        });
        tango_orders::webhook::signature::verify_hmac(&key, &body, signature).unwrap();
        bodies.push(body);
    }
    assert!(
        bodies.windows(2).all(|pair| pair[0] == pair[1]),
        "a retry sends the same event"
    );
    assert!(
        trapped.recv_timeout(Duration::from_millis(500)).is_err(),
        "a redirect was followed"
    );

    // Other hosts are refused unless the server was started to allow them.
    let remote = r#"{"url":"https://example.com/hook","categories":["REWARD"]}"#;
    let refused = http(&address, "POST", "/raas/v2/webhooks", remote);
    assert!(refused.starts_with("HTTP/1.1 400"), "{refused}");
    stop(child, stdout);
    let (child, address, stdout) = start(&["--allow-webhook-hosts"]);
    let accepted = http(&address, "POST", "/raas/v2/webhooks", remote);
    assert!(accepted.starts_with("HTTP/1.1 201"), "{accepted}");
    stop(child, stdout);
}
