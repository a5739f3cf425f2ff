// The `tango-orders` command from the packed tarball, run with npx in the scratch project as a user
// would: `check` on good, bad and broken CSVs (each exit code, never a cell's value, --json, the
// option files, the progress bar only on a terminal), and `sim` answering create, 429, list and 401,
// refusing what a hostile client sends, and stopping cleanly. The Rust binary's own HTTP tests
// (sim/tests/binary.rs) also run against `tango-orders sim` (run.sh sets TANGO_SIM_COMMAND).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const dir = mkdtempSync(join(tmpdir(), "tango-cli-"));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const HEADER = "externalRefID,customerIdentifier,accountIdentifier,utid,amount,deliveryMethod,recipient.firstName,recipient.lastName,recipient.email";
const row = (key, email, amount = "25") => `${key},demo-customer,demo-account,U000001,${amount},EMAIL,Ada,Lovelace,${email}`;
const SECRET = "zz-private-value";

/** `npx tango-orders …`, as a user runs it, to the end: its exit code and output. */
function npx(args, options = {}) {
  return new Promise((resolve) => {
    execFile("npx", ["--no-install", "tango-orders", ...args], { encoding: "utf8", maxBuffer: 64 << 20, ...options },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });
}

test("check: a valid file exits 0 with the summary only", async () => {
  const csv = file("good.csv", [HEADER, row("k1", "ada@example.com"), row("k2", "grace@example.com")].join("\n") + "\n");
  const { code, stdout, stderr } = await npx(["check", csv]);
  assert.equal(code, 0, stderr);
  assert.equal(stdout, `${csv}: 2 rows: 2 valid, 0 invalid (0 issues)\n`);
  assert.equal(stderr, "", "nothing extra when piped");
});

test("check: bad rows by line, column and field, exit 1, never a cell's value", async () => {
  const csv = file("bad.csv", [HEADER, row("k1", "ada@example.com"), row("k2", `${SECRET}@`), row("k3", "c@example.com", "0")].join("\n") + "\n");
  const { code, stdout } = await npx(["check", csv]);
  assert.equal(code, 1);
  const lines = stdout.trimEnd().split("\n");
  assert.match(lines[0], new RegExp(`^${csv.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3 recipient.email: .+ \\[invalid_format\\]$`));
  assert.match(lines[1], /:4 amount: .+\[out_of_range\]$/);
  assert.match(lines.at(-1), /: 3 rows: 1 valid, 2 invalid \(2 issues\)$/);
  assert.ok(!stdout.includes(SECRET), "a cell's value is never printed");
});

test("check --json prints the CSV report", async () => {
  const csv = file("bad.json.csv", [HEADER, row("k1", `${SECRET}@`)].join("\n"));
  const { code, stdout } = await npx(["check", csv, "--json"]);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.valid, false);
  assert.equal(report.rowCount, 1);
  assert.deepEqual(report.issues.map((i) => [i.line, i.column, i.path, i.code]), [[2, "recipient.email", "recipient.email", "invalid_format"]]);
  assert.ok(!stdout.includes(SECRET));
});

test("check: --columns, --defaults and --catalog files", async () => {
  const csv = file("people.csv", "First,Last,Email,amount\nAda,Lovelace,ada@example.com,25\nAlan,Turing,alan@example.com,900\n");
  const columns = file("columns.json", JSON.stringify({ First: "recipient.firstName", Last: "recipient.lastName", Email: "recipient.email" }));
  const defaults = file("defaults.json", JSON.stringify({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", deliveryMethod: "EMAIL" }));
  const catalog = file("catalog.json", JSON.stringify([{ utid: "U000001", valueType: "VARIABLE_VALUE", minValue: 5, maxValue: 500, currencyCode: "USD" }]));
  const without = await npx(["check", csv, "--columns", columns, "--defaults", defaults]);
  assert.equal(without.code, 0, without.stdout + without.stderr);
  const withCatalog = await npx(["check", csv, "--columns", columns, "--defaults", defaults, "--catalog", catalog]);
  assert.equal(withCatalog.code, 1, withCatalog.stdout + withCatalog.stderr);
  assert.match(withCatalog.stdout, /:3 amount: .+\[out_of_range\]/);
  const unmapped = await npx(["check", csv]);
  assert.equal(unmapped.code, 1);
  assert.match(unmapped.stdout, /:1 column "First"/, "a header that is no field is an issue of line 1");
});

test("check: every kind of file problem is an issue at its line (exit 1)", async () => {
  const cases = {
    "an unclosed quote": `${HEADER}\n${row("k1", "a@example.com")}\nk2,demo-customer,demo-account,U000001,25,EMAIL,"Ada,Lovelace,b@example.com\n`,
    "a row with too many fields": `${HEADER}\n${row("k1", "a@example.com")},extra\n`,
    "a header with an unknown column": `${HEADER},favouriteColour\n${row("k1", "a@example.com")},blue\n`,
    "an empty file": "",
    "bytes that are not UTF-8": Buffer.concat([Buffer.from(`${HEADER}\n${row("k1", "a@example.com").slice(0, -14)}`), Buffer.from([0xff, 0xfe]), Buffer.from("@example.com\n")]),
    "a repeated externalRefID": `${HEADER}\n${row("k1", "a@example.com")}\n${row("k1", "b@example.com")}\n`,
  };
  for (const [what, text] of Object.entries(cases)) {
    const { code, stdout, stderr } = await npx(["check", file("broken.csv", text)]);
    assert.equal(code, 1, `${what}: ${stdout}${stderr}`);
    assert.match(stdout.split("\n")[0], /broken\.csv:\d+/, what);
    assert.equal(stderr, "", what);
  }
});

test("check: usage errors and unreadable files exit 2 with one line and no stack", async () => {
  const good = file("ok.csv", `${HEADER}\n${row("k1", "a@example.com")}\n`);
  const notJson = file("columns.txt", "First: recipient.firstName");
  for (const [args, expected] of [
    [["check"], /check takes one file/],
    [["check", good, "other.csv"], /check takes one file/],
    [["check", join(dir, "missing.csv")], /cannot read the CSV file .*missing\.csv.*: no such file/],
    [["check", dir], /it is a directory/],
    [["check", good, "--colums", "x.json"], /--colums/],
    [["check", good, "--columns", notJson], /--columns file .* is not JSON/],
    [["check", good, "--columns", join(dir, "none.json")], /cannot read the --columns file/],
    [["check", good, "--catalog", file("catalog-bad.json", "\"catalog\"")], /catalog/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ]) {
    const { code, stdout, stderr } = await npx(args);
    assert.equal(code, 2, `${args.join(" ")}: ${stdout}${stderr}`);
    assert.match(stderr, expected, args.join(" "));
    assert.equal(stderr.trimEnd().split("\n").length, 1, `one line: ${stderr}`);
    assert.ok(!/\n\s+at /.test(stderr), "no stack trace");
  }
  const help = await npx(["help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /tango-orders check <file\.csv>/);
});

test("check: a progress bar on a terminal for a large file, none when piped", { skip: spawnSync("script", ["--version"]).status !== 0 && "no script(1)" }, async () => {
  const lines = [HEADER];
  for (let i = 0; i < 20_000; i++) lines.push(row(`p${i}`, `person${i}@example.com`));
  const big = file("big.csv", lines.join("\n") + "\n");
  // script(1) gives the command a terminal; its output (the terminal's) is the transcript.
  const transcript = join(dir, "transcript");
  const shown = spawnSync("script", ["-qfec", `npx --no-install tango-orders check ${big}`, transcript], { encoding: "utf8" });
  assert.equal(shown.status, 0, shown.stdout + shown.stderr);
  assert.match(readFileSync(transcript, "utf8"), /\[#+-*\] +\d+%/);
  const piped = await npx(["check", big]);
  assert.equal(piped.code, 0);
  assert.equal(piped.stderr, "");
  assert.equal(piped.stdout, `${big}: 20,000 rows: 20,000 valid, 0 invalid (0 issues)\n`);
});

// --- sim ---

const servers = [];
after(() => servers.forEach((child) => child.kill("SIGKILL")));

/** `tango-orders sim --port 0 …` started; its base URL from the first line it prints. The bin npm
 * linked, run directly rather than through npx, so that the signals reach the server itself. */
async function startSim(args = []) {
  const bin = join(process.cwd(), "node_modules", ".bin", "tango-orders");
  const child = spawn(bin, ["sim", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  servers.push(child);
  const output = [];
  const lines = createInterface({ input: child.stdout });
  const firstLine = new Promise((resolve) => lines.once("line", resolve));
  lines.on("line", (line) => output.push(line));
  const url = (await firstLine).trim().split(" ").pop();
  return { child, url, origin: new URL(url).origin, output };
}
const AUTH = { authorization: `Basic ${Buffer.from("demo-platform:demo-key").toString("base64")}`, "content-type": "application/json" };
const ORDER = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 10, deliveryMethod: "NONE" };

/** Raw bytes to the server and whatever comes back until it closes (or `ms` pass). */
function raw(origin, bytes, ms = 5_000) {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(origin);
    const socket = connect(Number(port), hostname);
    let text = "";
    const timer = setTimeout(() => { socket.destroy(); resolve({ text, closed: false }); }, ms);
    socket.on("data", (chunk) => { text += chunk.toString("latin1"); });
    socket.on("error", () => {});
    socket.on("close", () => { clearTimeout(timer); resolve({ text, closed: true }); });
    socket.on("connect", () => socket.write(bytes));
  });
}

test("sim: create, 429, list and 401 over HTTP; loopback; Ctrl-C stops it", async () => {
  const sim = await startSim(["--seed", "7"]);
  assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+\/raas\/v2$/);
  const created = await fetch(`${sim.url}/orders`, { method: "POST", headers: AUTH, body: JSON.stringify({ ...ORDER, externalRefID: "cli1" }) });
  assert.equal(created.status, 201);
  assert.match((await created.json()).referenceOrderID, /^RA/);
  const again = await fetch(`${sim.url}/orders`, { method: "POST", headers: AUTH, body: JSON.stringify({ ...ORDER, externalRefID: "cli2" }) });
  assert.equal(again.status, 429);
  assert.ok(Number(again.headers.get("retry-after")) >= 1);
  const listed = await fetch(`${sim.url}/orders?externalRefID=cli1`, { headers: AUTH });
  assert.equal(listed.status, 200);
  assert.equal((await listed.json()).page.totalCount, 1);
  const denied = await fetch(`${sim.url}/orders`, { headers: { authorization: "Basic bm86bm8=" } });
  assert.equal(denied.status, 401);
  assert.equal((await denied.json()).httpCode, 401);
  sim.child.kill("SIGINT");
  const [code] = await once(sim.child, "exit");
  assert.equal(code, 0);
  assert.match(sim.output.join("\n"), /demo-platform \/ key demo-key/);
  assert.match(sim.output.join("\n"), /stopped/);
});

test("sim: the binary's fast-test settings and faults flags", async () => {
  const sim = await startSim(["--creates-per-second", "1000", "--server-error-rate", "1"]);
  const answer = await fetch(`${sim.url}/orders`, { headers: AUTH });
  assert.ok([500, 502, 503, 504].includes(answer.status), String(answer.status));
  sim.child.kill("SIGTERM");
  await once(sim.child, "exit");
  for (const args of [["--server-error-rate", "2"], ["--latency-ms", "-1"], ["--port", "70000"], ["--seed", "1.5"], ["--creates-per-second", "0"], ["--host"]]) {
    const { code, stderr } = await npx(["sim", ...args]);
    assert.equal(code, 2, args.join(" "));
    assert.match(stderr, new RegExp(args[0]), args.join(" "));
  }
});

test("sim: refuses what a hostile client sends, and keeps serving", async () => {
  const sim = await startSim();
  const host = `Host: ${new URL(sim.url).host}\r\n`;
  // A body past 1 MiB: 413 (the rest is not read), the server goes on.
  const big = await fetch(`${sim.url}/orders`, { method: "POST", headers: AUTH, body: "x".repeat((1 << 20) + 100) }).catch((error) => error);
  assert.ok(big instanceof Error || big.status === 413, String(big.status ?? big));
  // Headers past Node's limit: 431.
  const flood = await raw(sim.origin, `GET /raas/v2/orders HTTP/1.1\r\n${host}X-Pad: ${"a".repeat(20_000)}\r\n\r\n`);
  assert.match(flood.text, /^HTTP\/1\.1 431/);
  // Not HTTP at all: 400 and closed.
  const garbage = await raw(sim.origin, "\x16\x03\x01 hello\r\n\r\n");
  assert.match(garbage.text, /^HTTP\/1\.1 400/);
  assert.ok(garbage.closed);
  // Paths that climb out of their route or smuggle another one: Tango's 404, never another route.
  for (const path of ["/raas/v2/orders/../lineItems", "/raas/v2/orders/%2e%2e/lineItems", "//evil.example/raas/v2/orders", "*"]) {
    const answer = await raw(sim.origin, `GET ${path} HTTP/1.1\r\n${host}Authorization: ${AUTH.authorization}\r\nConnection: close\r\n\r\n`);
    assert.match(answer.text, /^HTTP\/1\.1 (404|400)/, `${path}: ${answer.text.slice(0, 80)}`);
  }
  // A request whose headers never end is cut off (slowloris), within the headers timeout.
  const started = Date.now();
  const slow = await raw(sim.origin, `GET /raas/v2/orders HTTP/1.1\r\n${host}X-Slow: 1\r\n`, 30_000);
  assert.ok(slow.closed, "the server closed the connection");
  assert.ok(Date.now() - started < 25_000, `cut off after ${Date.now() - started} ms`);
  // Still serving.
  const listed = await fetch(`${sim.url}/orders`, { headers: AUTH });
  assert.equal(listed.status, 200);
  sim.child.kill("SIGTERM");
  const [code] = await once(sim.child, "exit");
  assert.equal(code, 0);
});

test("sim: a dropped answer fails the request, and the order exists", async () => {
  const sim = await startSim(["--drop-after-commit-rate", "1", "--seed", "3"]);
  const lost = await fetch(`${sim.url}/orders`, { method: "POST", headers: AUTH, body: JSON.stringify({ ...ORDER, externalRefID: "drop1" }) })
    .then(() => "answered", (error) => error);
  assert.ok(lost instanceof TypeError, String(lost));
  const listed = await fetch(`${sim.url}/orders?externalRefID=drop1`, { headers: AUTH });
  assert.equal((await listed.json()).page.totalCount, 1);
  sim.child.kill("SIGTERM");
  await once(sim.child, "exit");
});
