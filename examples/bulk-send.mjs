// Sends a reward to every row of a CSV, safely: the file is checked first with validateOrdersCsv
// (RFC 4180 quoting; bad rows reported by line, column and field, nothing sent for them); orders go
// out at Tango's 1-per-second limit with a progress bar and ETA; a journal records each placed order;
// and every row's externalRefID is derived from the campaign and the row's content, so a rerun after
// a crash or Ctrl-C resumes without placing any order twice.
//
//   node examples/bulk-send.mjs examples/recipients.csv [--campaign spring2026] [--journal file]
//
// The file's header is either wire paths (recipient.email, amount, …) or the sample's
// firstName,lastName,email,amount; every row is an EMAIL reward of U000001 unless it says otherwise.
//
// Keys: `<campaign><first 24 hex digits of SHA-256 of the row's order><n>`, where n counts identical
// rows in the file (so two identical rows are two rewards). The same row sent again in the same
// campaign, from this file or another, is recognised as already sent (Tango answers with the existing
// order) and counted as such; a different row never shares a key, whatever the file or line. Use a
// new --campaign to send the same rows again on purpose.
//
// Resuming needs a Tango that outlives the script: a real account, or `make sim` with
// TANGO_BASE_URL=http://127.0.0.1:4010/raas/v2 (see connect.mjs).
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { ordersFromCsv, validateOrdersCsv } from "tango-orders";
import { ACCOUNT, CUSTOMER, connect } from "./connect.mjs";
import { campaignName, rowKeys } from "./row-key.mjs";

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error("usage: node examples/bulk-send.mjs <recipients.csv> [--campaign NAME] [--journal FILE]");
  process.exit(2);
}
const flag = (name, fallback) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : fallback);
const campaign = campaignName(flag("--campaign", "demo"));
const journal = flag("--journal", `${file}.${campaign}.journal`);

const csv = readFileSync(file); // bytes: validateOrdersCsv reads UTF-8 itself
const options = {
  // The sample's own header; a header of wire paths needs no mapping.
  columns: { firstName: "recipient.firstName", lastName: "recipient.lastName", email: "recipient.email" },
  defaults: { customerIdentifier: CUSTOMER, accountIdentifier: ACCOUNT, utid: "U000001", deliveryMethod: "EMAIL", campaign },
};
const report = await validateOrdersCsv(csv, options);
for (const issue of report.issues) {
  const where = issue.column ? `line ${issue.line} (${issue.column})` : `line ${issue.line}`;
  console.log(`${where}: ${issue.path || "row"}: ${issue.message}`);
}
if (report.issues.some((issue) => issue.index === undefined)) {
  console.log("the file itself has problems (above): fix them first; nothing was sent");
  process.exit(1);
}

// The row's own content, not its line or its file, names its order (see the keys, above).
const rowKey = rowKeys(campaign);
const orders = (await ordersFromCsv(csv, options)).map((order) => ({ ...order, externalRefID: rowKey(order) }));
const bad = new Set(report.issues.map((issue) => issue.index));
const done = new Set(existsSync(journal) ? readFileSync(journal, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).externalRefID) : []);
const todo = orders.filter((order, index) => !bad.has(index) && !done.has(order.externalRefID));
console.log(`${report.rowCount} rows: ${report.invalidCount} invalid (skipped), ${done.size} already sent, ${todo.length} to send`);

const tango = connect();
let interrupted = false;
process.on("SIGINT", () => { interrupted = true; console.log("\nstopping after the order in flight (rerun to resume)"); });
const started = Date.now();
const tally = { placed: 0, alreadySent: 0, failed: 0, maybePlaced: 0 };
for (const [n, order] of todo.entries()) {
  if (interrupted) break;
  const row = orders.indexOf(order) + 1;
  try {
    const { order: placed, created } = await tango.createOrder(order, { maxRetries: 5 });
    tally[created ? "placed" : "alreadySent"] += 1;
    appendFileSync(journal, JSON.stringify({ externalRefID: order.externalRefID, referenceOrderID: placed.referenceOrderID, created }) + "\n");
  } catch (error) {
    // The key is derived from the row, so a rerun retries a maybe-placed row with the same key.
    tally[error.mayHaveBeenPlaced ? "maybePlaced" : "failed"] += 1;
    const maybe = error.mayHaveBeenPlaced ? " (may have been placed: rerun to find out; its key is kept)" : "";
    console.log(`\nrow ${row}: not sent: ${error.kind} ${error.status ?? ""} ${error.message}${maybe}`);
  }
  const finished = n + 1;
  const eta = Math.round(((Date.now() - started) / finished) * (todo.length - finished) / 1000);
  const bar = "#".repeat(Math.round((finished / todo.length) * 20)).padEnd(20, ".");
  process.stdout.write(`\r[${bar}] ${finished}/${todo.length}  ETA ${eta} s `);
}
process.stdout.write("\n");
console.log(`${tally.placed} placed, ${tally.alreadySent} already sent before (Tango had the order), ${tally.failed} failed, ${tally.maybePlaced} may have been placed`);
console.log(`journal: ${journal}`);
