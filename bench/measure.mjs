// One measurement in a fresh process, for cold start and peak memory: `node measure.mjs <case>`.
// Prints JSON: { ms, maxRssKb }.
import { readFileSync } from "node:fs";

const which = process.argv[2];
const started = performance.now();
if (which === "bare") {
  // nothing: the cost of starting Node
} else if (which === "cold") {
  const { validateCreateOrder } = await import("tango-orders");
  validateCreateOrder({ customerIdentifier: "demo-customer" });
} else if (which.startsWith("bulk-") || which.startsWith("decode-")) {
  const data = JSON.parse(readFileSync(process.argv[3], "utf8"));
  if (which === "bulk-ours") (await import("tango-orders")).validateCreateOrders(data);
  if (which === "bulk-baseline") (await import("./baseline/validator.mjs")).validateOrders(data);
  const text = JSON.stringify(data);
  if (which === "decode-ours") (await import("tango-orders")).parseOrderListPage(text);
  if (which === "decode-baseline") JSON.parse(text);
}
console.log(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS }));
