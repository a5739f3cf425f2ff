//! `tango-sim`: the simulator on loopback, for the demo and for tests of the real `fetch` path.
//!
//! ```text
//! tango-sim [--port 4010] [--host 127.0.0.1] [--seed 1] [--virtual-clock]
//!           [--latency-ms N] [--server-error-rate F] [--rate-limit-burst-rate F]
//!           [--rate-limit-burst-length N] [--drop-after-commit-rate F]
//!           [--creates-per-second F]   (Tango: 1)  [--transport-test-routes]
//! ```
//! `--transport-test-routes` adds two answers no Tango host gives, for the tests of the client's
//! fetch transport (`make test-wasm-*`): `GET /__transport/slow` answers after 3 s and
//! `GET /__transport/html` with an HTML page. Off by default; the demo never turns it on.
//! Prints its base URL and the demo credentials, answers with CORS headers so a page on another
//! origin can call it, and stops cleanly on Ctrl-C or SIGTERM.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = server::run(std::env::args().skip(1).collect()) {
        eprintln!("tango-sim: {message}");
        std::process::exit(2);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod server {
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use tango_sim::simulator::{BASE_PATH, MAX_BODY_BYTES};
    use tango_sim::{data, Faults, Request, SimOptions, Simulator};

    struct Settings {
        host: String,
        port: u16,
        options: SimOptions,
        transport_test_routes: bool,
    }

    fn parse(args: Vec<String>) -> Result<Settings, String> {
        let mut settings = Settings {
            host: "127.0.0.1".into(),
            port: 4010,
            options: SimOptions {
                virtual_clock: false,
                ..SimOptions::default()
            },
            transport_test_routes: false,
        };
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            if flag == "--virtual-clock" {
                settings.options.virtual_clock = true;
                continue;
            }
            if flag == "--allow-webhook-hosts" {
                settings.options.allow_any_webhook_host = true;
                continue;
            }
            if flag == "--transport-test-routes" {
                settings.transport_test_routes = true;
                continue;
            }
            if flag == "--help" || flag == "-h" {
                return Err("usage: tango-sim [--port N] [--host ADDR] [--seed N] [--virtual-clock] [--latency-ms N] [--server-error-rate F] [--rate-limit-burst-rate F] [--rate-limit-burst-length N] [--drop-after-commit-rate F] [--creates-per-second F] [--allow-webhook-hosts] [--transport-test-routes]".into());
            }
            let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
            let bad = || format!("{flag}: not a valid value");
            let faults: &mut Faults = &mut settings.options.faults;
            match flag.as_str() {
                "--port" => settings.port = value.parse().map_err(|_| bad())?,
                "--host" => settings.host = value,
                "--seed" => settings.options.seed = value.parse().map_err(|_| bad())?,
                "--creates-per-second" => {
                    settings.options.creates_per_second = value.parse().map_err(|_| bad())?
                }
                "--latency-ms" => faults.latency_ms = value.parse().map_err(|_| bad())?,
                "--server-error-rate" => {
                    faults.server_error_rate = value.parse().map_err(|_| bad())?
                }
                "--rate-limit-burst-rate" => {
                    faults.rate_limit_burst_rate = value.parse().map_err(|_| bad())?
                }
                "--rate-limit-burst-length" => {
                    faults.rate_limit_burst_length = value.parse().map_err(|_| bad())?
                }
                "--drop-after-commit-rate" => {
                    faults.drop_after_commit_rate = value.parse().map_err(|_| bad())?
                }
                other => return Err(format!("unknown flag {other} (see --help)")),
            }
        }
        Ok(settings)
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let settings = parse(args)?;
        let address = format!("{}:{}", settings.host, settings.port);
        let server = Arc::new(
            tiny_http::Server::http(&address)
                .map_err(|e| format!("cannot listen on {address}: {e}"))?,
        );
        let port = server
            .server_addr()
            .to_ip()
            .map_or(settings.port, |a| a.port());
        let allow_any_host = settings.options.allow_any_webhook_host;
        let simulator = Arc::new(Mutex::new(Simulator::new(settings.options)));

        let deliverer = Arc::clone(&simulator);
        std::thread::spawn(move || deliver_forever(&deliverer, allow_any_host));

        let stopper = Arc::clone(&server);
        ctrlc::set_handler(move || stopper.unblock())
            .map_err(|e| format!("cannot handle signals: {e}"))?;

        println!(
            "tango-sim listening on http://{}:{port}{BASE_PATH}",
            settings.host
        );
        println!(
            "  platform {} / key {}  (Basic auth)  customer {}  accounts demo-account, frozen-account, empty-account",
            data::PLATFORM_NAME,
            data::PLATFORM_KEY,
            data::CUSTOMER
        );
        println!("  UTIDs: U000001 digital, U000002 physical, U000003 promo link, U000004 fails, U000005 slow");
        let _ = std::io::stdout().flush();

        let mut workers = Vec::new();
        let test_routes = settings.transport_test_routes;
        for request in server.incoming_requests() {
            let simulator = Arc::clone(&simulator);
            workers.push(std::thread::spawn(move || {
                serve(request, &simulator, test_routes)
            }));
            workers.retain(|w| !w.is_finished());
        }
        for worker in workers {
            let _ = worker.join();
        }
        println!("tango-sim stopped");
        Ok(())
    }

    /// The answer of a transport test route, when those are on and the request names one.
    /// Sends the simulator's webhook deliveries as they fall due: a POST each, with its headers,
    /// no redirects followed (a receiver must not send them elsewhere), 5 s at most; anything but
    /// 200 goes back to the simulator, which retries it with backoff.
    fn deliver_forever(simulator: &Mutex<Simulator>, allow_any_host: bool) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(std::time::Duration::from_secs(5)))
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        loop {
            std::thread::sleep(std::time::Duration::from_millis(100));
            let due = match simulator.lock() {
                Ok(mut simulator) => simulator.take_deliveries(),
                Err(_) => return,
            };
            for delivery in due {
                // The simulator only accepts loopback subscriptions unless allowed; checked again
                // here, where the request leaves.
                let allowed =
                    allow_any_host || tango_orders::validate::is_loopback_url(&delivery.url);
                let mut request = agent.post(&delivery.url);
                for (name, value) in &delivery.headers {
                    request = request.header(name, value);
                }
                let answered_200 = allowed
                    && request
                        .send(&delivery.body[..])
                        .is_ok_and(|response| response.status().as_u16() == 200);
                if !answered_200 {
                    if let Ok(mut simulator) = simulator.lock() {
                        simulator.delivery_failed(delivery);
                    }
                }
            }
        }
    }

    fn transport_test_answer(request: &tiny_http::Request) -> Option<tango_sim::Response> {
        let page = |status: u16, content_type: &str, body: &str| tango_sim::Response {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
            delay_ms: 0,
            dropped: false,
        };
        match (request.method(), request.url()) {
            (tiny_http::Method::Get, "/__transport/slow") => {
                std::thread::sleep(std::time::Duration::from_secs(3));
                Some(page(200, "application/json", "{}"))
            }
            (tiny_http::Method::Get, "/__transport/html") => Some(page(
                502,
                "text/html",
                "<html><body>502 Bad Gateway</body></html>",
            )),
            _ => None,
        }
    }

    fn serve(mut request: tiny_http::Request, simulator: &Mutex<Simulator>, test_routes: bool) {
        let mut body = Vec::new();
        let _ = request
            .as_reader()
            .take(MAX_BODY_BYTES as u64 + 1)
            .read_to_end(&mut body);
        let headers = request
            .headers()
            .iter()
            .map(|h| {
                (
                    h.field.as_str().as_str().to_owned(),
                    h.value.as_str().to_owned(),
                )
            })
            .collect();
        let origin = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Origin"))
            .map(|h| h.value.as_str().to_owned());
        let test_answer = if test_routes {
            transport_test_answer(&request)
        } else {
            None
        };
        let response = match test_answer {
            Some(answer) => answer,
            None => {
                let incoming =
                    Request::new(request.method().as_str(), request.url(), headers, body);
                // Hold the lock only while the simulator decides; latency is spent outside it,
                // so a second request can arrive while the first is "in progress".
                match simulator.lock() {
                    Ok(mut simulator) => simulator.handle(&incoming),
                    Err(_) => return,
                }
            }
        };
        if response.delay_ms > 0 {
            std::thread::sleep(std::time::Duration::from_millis(response.delay_ms));
        }
        if response.dropped {
            // The order is committed; the answer is lost. tiny_http keeps the socket open for
            // keep-alive, so instead of a silent close (which would hang the client until its
            // timeout) write bytes that are not HTTP: every client fails the request at once, as it
            // does when a connection breaks mid-response.
            let mut writer = request.into_writer();
            let _ = writer.write_all(b"\0dropped\r\n\r\n");
            let _ = writer.flush();
            return;
        }
        let mut reply =
            tiny_http::Response::from_data(response.body).with_status_code(response.status);
        let mut add = |name: &str, value: &str| {
            if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                reply.add_header(header);
            }
        };
        for (name, value) in &response.headers {
            add(name, value);
        }
        add(
            "access-control-allow-origin",
            origin.as_deref().unwrap_or("*"),
        );
        add(
            "access-control-allow-headers",
            "authorization, content-type",
        );
        add("access-control-allow-methods", "GET, POST, PATCH, OPTIONS");
        add("access-control-expose-headers", "retry-after, x-request-id");
        add("vary", "origin");
        let _ = request.respond(reply);
    }
}
