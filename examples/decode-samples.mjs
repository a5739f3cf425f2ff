// Decodes every JSON sample of Tango's order documentation with the built package and prints, for
// each order in it, its order source and the order status its line items imply.
//
//   make demo            (builds the package first)
//   node examples/decode-samples.mjs
import { readdirSync, readFileSync } from "node:fs";
import {
  deriveOrderStatus,
  isOrderStatusFinal,
  orderSource,
  parseApiErrorBody,
  parseOrder,
  parseOrderListPage,
  parseOrderResendResult,
} from "tango-orders";

const SOURCES = {
  RA: "API", RG: "Tango portal", BE: "bulk upload", BI: "bulk internal", CI: "codes internal",
  QW: "Qualtrics / integration", AA: "async API",
};
const samples = new URL("../tests/fixtures/docs/", import.meta.url);

function describeSource(id) {
  const source = id === undefined ? undefined : orderSource(id);
  if (source === undefined) return "none (not two capital letters followed by digits)";
  return `${source} (${SOURCES[source] ?? "not documented by Tango"})`;
}

function describeOrder(order) {
  const lineItemStatuses = order.lineItemStatus ? [order.lineItemStatus] : [];
  const derived = lineItemStatuses.length ? deriveOrderStatus(lineItemStatuses) : "n/a (no line item status in the sample)";
  const status = order.status ?? order.orderStatus;
  console.log(`    referenceOrderID ${JSON.stringify(order.referenceOrderID)} → source: ${describeSource(order.referenceOrderID)}`);
  console.log(`    status           ${JSON.stringify(status)}${status ? `, final: ${isOrderStatusFinal(status)}` : ""}`);
  console.log(`    derived status   ${derived}`);
  const credentials = order.reward?.credentialList ?? [];
  if (credentials.length) {
    console.log(`    credentials      ${credentials.map((c) => `${c.credentialType} (${c.type})`).join(", ")}`);
  }
}

console.log("Tango's documented sample payloads, decoded by tango-orders\n");
for (const file of readdirSync(samples).filter((f) => f.endsWith(".json")).sort()) {
  const body = readFileSync(new URL(file, samples), "utf8");
  console.log(file);
  if (file.includes("list-orders")) {
    const { page, orders } = parseOrderListPage(body);
    console.log(`  order list page ${page?.number}: ${orders.length} order(s) of ${page?.totalCount}`);
    orders.forEach(describeOrder);
  } else if (file.includes("error")) {
    const error = parseApiErrorBody(body);
    const keys = (error.errors ?? []).map((e) => e.i18nKey).filter(Boolean);
    console.log(`  error body: HTTP ${error.httpCode}, i18nKey ${error.i18nKey ?? keys.join(", ")}`);
  } else if (file.includes("resend")) {
    const resend = parseOrderResendResult(body);
    console.log(`  resend ${resend.id} created ${resend.createdAt}`);
  } else {
    console.log("  order");
    describeOrder(parseOrder(body));
  }
}

// The samples use placeholder IDs and statuses, so show the helpers on realistic values too.
console.log("\nOrder sources of realistic reference order IDs");
for (const id of ["RA230918-1234-56", "RG240101-0007-01", "BE250301-0420-99", "AA260101-0001-01", "XY000000"]) {
  console.log(`  ${id.padEnd(18)} → ${describeSource(id)}`);
}
console.log("\nOrder status derived from line item statuses");
for (const statuses of [
  ["COMPLETE", "COMPLETE"], ["COMPLETE", "PENDING"], ["COMPLETE", "FAILED"],
  ["FAILED", "FAILED"], ["CANCELLED", "CANCELED"], ["COMPLETE", "RETURNED"],
]) {
  console.log(`  ${JSON.stringify(statuses).padEnd(26)} → ${deriveOrderStatus(statuses)}`);
}
