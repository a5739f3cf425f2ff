// One measurement in a fresh process, for cold start and peak memory: `node measure.mjs <case>`.
// Prints JSON: { ms, maxRssKb }.
import { readFileSync } from "node:fs";

const which = process.argv[2];
const started = performance.now();
if (which === "bare") {
  // nothing: the cost of starting Node
} else if (which === "cold-parts") {
  // What importing the main entry costs in Node, part by part, on the module as the package
  // inlines it for Node: base64 of its bytes, decoded by the package's own loader, compiled,
  // instantiated by the glue. The main entry's first load is its first-load module (wasm-main).
  const dir = new URL("./node_modules/tango-orders/", import.meta.url);
  const wasm = readFileSync(new URL("wasm-main/tango_orders_main_bg.wasm", dir));
  const base64 = wasm.toString("base64");
  // The package's Node loader, as bundled into index.node.js (the repository's source of it).
  const { wasmBytes } = await import(new URL("../pkg-template/inline.node.js", import.meta.url));
  const t0 = performance.now();
  const bytes = wasmBytes(base64, wasm.length);
  const t1 = performance.now();
  new WebAssembly.Module(bytes);
  const t2 = performance.now();
  const { validateCreateOrder } = await import("tango-orders");
  const t3 = performance.now();
  validateCreateOrder({ customerIdentifier: "demo-customer" });
  const t4 = performance.now();
  console.log(JSON.stringify({ decodeMs: t1 - t0, compileMs: t2 - t1, importMs: t3 - t2, firstValidationMs: t4 - t3, wasmBytes: wasm.length }));
  process.exit(0);
} else if (which === "first-client-call") {
  // A client's first call in a fresh process: the client module imported, inflated, compiled and
  // instantiated, then one call against the in-process simulator; and a second call for contrast.
  const { TangoClient } = await import("tango-orders");
  const { createSimulator } = await import("tango-orders/sim");
  const sim = createSimulator({ virtualClock: true });
  // Node's fetch classes load on first use (tens of ms): not the client's cost, so warmed here.
  new Request(sim.baseUrl, { method: "POST", body: "{}" });
  new Response("{}");
  const client = new TangoClient({ baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: sim.platformKey, fetch: sim.fetch });
  const t0 = performance.now();
  await client.listOrders();
  const t1 = performance.now();
  await client.listOrders();
  const t2 = performance.now();
  console.log(JSON.stringify({ firstCallMs: t1 - t0, secondCallMs: t2 - t1 }));
  process.exit(0);
} else if (which === "cold") {
  const { validateCreateOrder } = await import("tango-orders");
  validateCreateOrder({ customerIdentifier: "demo-customer" });
} else if (which.startsWith("csv-")) {
  // A bulk upload's CSV from its bytes: validateOrdersCsv, or papaparse + validateCreateOrders.
  const { CONTENDERS } = await import("./csv.mjs");
  const bytes = readFileSync(process.argv[3]);
  await CONTENDERS[which === "csv-ours" ? "tango-orders validateOrdersCsv" : "papaparse + validateCreateOrders"](bytes);
} else if (which.startsWith("bulk-") || which.startsWith("decode-")) {
  const data = JSON.parse(readFileSync(process.argv[3], "utf8"));
  if (which === "bulk-ours") (await import("tango-orders")).validateCreateOrders(data);
  if (which === "bulk-baseline") (await import("./baseline/validator.mjs")).validateOrders(data);
  const text = JSON.stringify(data);
  if (which === "decode-ours") (await import("tango-orders")).parseOrderListPage(text);
  if (which === "decode-baseline") JSON.parse(text);
}
console.log(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
