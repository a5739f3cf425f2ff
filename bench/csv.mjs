// The CSV part of make bench: a bulk upload of 50,000 rows (5.2 MB, quoted fields, 10 % invalid)
// checked from its bytes three ways, each first agreeing with the others on every issue:
//   - tango-orders: validateOrdersCsv(bytes), which reads the bytes in the wasm and builds no
//     JavaScript object for a row (it yields to the event loop every ~8 ms, as in a page);
//   - papaparse + tango-orders' existing bulk path: TextDecoder, Papa.parse with a header, each row
//     made an order (dotted headers nested, numbers from text, empty cells left out), then
//     validateCreateOrders(orders);
//   - papaparse + the plain-JavaScript baseline (bench/baseline/plain.mjs) on the same orders.
// And, for where the time goes, papaparse alone (decode, parse and make the orders).
import Papa from "papaparse";
import { validateCreateOrders } from "tango-orders";
import { validateOrdersCsv } from "tango-orders/csv";
import * as plain from "./baseline/plain.mjs";

const HEADER = "externalRefID,customerIdentifier,accountIdentifier,utid,amount,deliveryMethod,recipient.firstName,recipient.lastName,recipient.email";

/** The file: every tenth row with an email Tango refuses, every fifth name with a quoted comma,
 * every other amount written with a grouping comma (quoted). */
export function csvBytes(count = 50_000) {
  const lines = [HEADER];
  for (let i = 0; i < count; i++) {
    const first = i % 5 === 0 ? `"Person, ${i}"` : `Person${i}`;
    const email = i % 10 === 3 ? `person${i}@` : `person${i}@example.com`;
    lines.push(`bulk${i},demo-customer,demo-account,U000001,${i % 2 ? "25.00" : '"1,000.50"'},EMAIL,${first},Lovelace,${email}`);
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

/** What a user writes with papaparse: rows with a header, each made a create-order body. */
function ordersWithPapaparse(bytes) {
  const { data } = Papa.parse(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: "greedy" });
  return data.map((row) => {
    const order = {};
    for (const [header, cell] of Object.entries(row)) {
      const text = cell.trim();
      if (text === "") continue;
      const keys = header.split(".");
      const last = keys.pop();
      const parent = keys.reduce((object, key) => (object[key] ??= {}), order);
      // Numbers as people write them: grouping commas dropped.
      parent[last] = last === "amount" ? Number(text.replaceAll(",", "")) : text;
    }
    return order;
  });
}

export const CONTENDERS = {
  "tango-orders validateOrdersCsv": (bytes) => validateOrdersCsv(bytes),
  "papaparse + validateCreateOrders": async (bytes) => validateCreateOrders(ordersWithPapaparse(bytes)),
  "papaparse + plain JS": async (bytes) => plain.validateOrders(ordersWithPapaparse(bytes)),
  "papaparse alone (no validation)": async (bytes) => ({ issues: [], rows: ordersWithPapaparse(bytes).length }),
};

/** The longest the page went without painting (between animation frames, in a browser), or the
 * event loop without a turn (a MessageChannel ping-pong, in Node), while `work()` ran. */
async function longestPause(work) {
  let last, longest = 0, running = true;
  const beat = () => {
    const now = performance.now();
    if (last !== undefined) longest = Math.max(longest, now - last);
    last = now;
  };
  let stop;
  if (typeof requestAnimationFrame === "function") {
    const frame = () => { beat(); if (running) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    stop = () => {};
  } else {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { beat(); if (running) channel.port2.postMessage(null); };
    channel.port2.postMessage(null);
    stop = () => channel.port1.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  last = performance.now();
  await work();
  beat();
  running = false;
  stop();
  return longest;
}

const issueKey = (report) => report.issues.map((i) => `${i.index}:${i.path}:${i.code}`).sort().join(",");

/** Runs the CSV benchmark; `report(what, ours, baseline, unit, target)` records a row. */
export async function benchCsv({ report, rounds = 5 }) {
  const bytes = csvBytes();
  // Agreement first: the three validations find the same issues at the same rows.
  const expected = issueKey(await CONTENDERS["tango-orders validateOrdersCsv"](bytes));
  for (const name of ["papaparse + validateCreateOrders", "papaparse + plain JS"]) {
    if (issueKey(await CONTENDERS[name](bytes)) !== expected) throw new Error(`the CSV benchmark's ${name} disagrees with validateOrdersCsv`);
  }
  if (expected.split(",").length !== 5_000) throw new Error("the CSV benchmark's file should have 5,000 bad rows");
  // Interleaved rounds, rotating the order, medians.
  const names = Object.keys(CONTENDERS);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(r + i) % names.length];
      const started = performance.now();
      await CONTENDERS[name](bytes);
      runs[name].push(performance.now() - started);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const t = Object.fromEntries(names.map((n) => [n, median(runs[n])]));
  // How long a page goes without painting while each runs (in Node: the event loop without a
  // turn), medians of three: see longestPause.
  const pause = {};
  for (const name of ["tango-orders validateOrdersCsv", "papaparse + validateCreateOrders"]) {
    const pauses = [];
    for (let r = 0; r < 3; r++) pauses.push(await longestPause(() => CONTENDERS[name](bytes)));
    pause[name] = median(pauses);
  }
  const ours = t["tango-orders validateOrdersCsv"];
  const mb = (bytes.length / 1e6).toFixed(1);
  report(`CSV, 50,000 rows (${mb} MB) from bytes (ms) vs papaparse + validateCreateOrders`, ours, t["papaparse + validateCreateOrders"], "ms", "report");
  report("CSV, 50,000 rows from bytes (ms) vs papaparse + plain JS", ours, t["papaparse + plain JS"], "ms", "report");
  report("CSV, 50,000 rows from bytes (ms) vs papaparse alone, no validation", ours, t["papaparse alone (no validation)"], "ms", "report");
  report(`CSV, 50,000 rows: the longest ${typeof requestAnimationFrame === "function" ? "time between frames" : "pause of the event loop"} (ms) vs papaparse + validateCreateOrders`, pause["tango-orders validateOrdersCsv"], pause["papaparse + validateCreateOrders"], "ms", "report");
  return { bytes: bytes.length, times: t, pause };
}
