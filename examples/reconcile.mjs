// Walks every order in a date range (every page, past Tango's 10,000-result cap) and writes a CSV
// summary by status: count and total charged.
//
//   node examples/reconcile.mjs [startDate] [endDate] [--out summary.csv]
import { writeFileSync } from "node:fs";
import { connect } from "./connect.mjs";

const [startDate = "2000-01-01", endDate = new Date().toISOString()] = process.argv.slice(2).filter((a) => !a.startsWith("--") && !a.endsWith(".csv"));
const out = process.argv.includes("--out") ? process.argv[process.argv.indexOf("--out") + 1] : "summary.csv";

const tango = connect();
const byStatus = new Map();
let count = 0;
for await (const order of tango.iterateOrders({ startDate, endDate })) {
  const entry = byStatus.get(order.status) ?? { orders: 0, charged: 0 };
  entry.orders += 1;
  entry.charged += order.amountCharged?.total ?? 0;
  byStatus.set(order.status, entry);
  count += 1;
}
const lines = ["status,orders,charged"];
for (const [status, { orders, charged }] of [...byStatus].sort()) lines.push(`${status},${orders},${charged.toFixed(2)}`);
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${count} orders from ${startDate} to ${endDate}; summary in ${out}`);
console.log(lines.join("\n"));
