// Conformance: every kind of request the client makes goes through Prism as a validating proxy for
// Tango's OpenAPI document, in front of the tango-sim binary. Prism answers any request that breaks
// the document with a violation error instead of forwarding it; the test asserts there are none.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { TangoClient } from "tango-orders";

// Schemas the client sends: their `required` lists stay, so Prism checks our requests against them.
const REQUEST_SCHEMAS = new Set([
  "CreateOrderCriteria", "AddressCriteria", "RecipientInfoCriteria", "SenderInfoCriteria",
  "OrderResendRequestCriteria", "LineItemResendRequestCriteria", "CancelLineItemRequestCriteria",
  "FreezeLineItemRequestCriteria", "UnfreezeLineItemRequestCriteria", "ReissueLineItemRequestCriteria",
  "ReissueLineItemRecipientInfoCriteria", "UpdateLineItemRequest",
]);

/** Tango's document, with one inconsistency of its own relaxed: response schemas list as required
 * fields that real responses leave out (campaign, emailSubject, message, sender, externalRefID of
 * an order sent without them; the deprecated reward.credentials). Only response schemas change. */
function documentForPrism() {
  const doc = JSON.parse(readFileSync(process.env.TANGO_OPENAPI, "utf8"));
  const strip = (value) => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (value && typeof value === "object") {
      delete value.required;
      Object.values(value).forEach(strip);
    }
  };
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    if (!REQUEST_SCHEMAS.has(name)) strip(schema);
  }
  // Where the docs and the document disagree, tango-sim follows the docs: the deprecated
  // reward.credentials is a map of label to value in every docs sample, a string in the document.
  doc.components.schemas.RewardView.properties.credentials = { type: "object", additionalProperties: { type: "string" } };
  const path = join(mkdtempSync(join(tmpdir(), "tango-prism-")), "openapi.json");
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

const children = [];
let prismUrl;
const prismLog = [];

async function firstLine(child, pattern) {
  for await (const line of createInterface({ input: child.stdout })) {
    prismLog.push(line);
    const match = line.match(pattern);
    if (match) return match;
  }
  throw new Error("the process ended before it was ready");
}

before(async () => {
  const sim = spawn(process.env.TANGO_SIM_BIN, ["--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(sim);
  const [simLine] = await once(createInterface({ input: sim.stdout }), "line");
  const simUrl = simLine.trim().split(" ").pop();
  const port = 4100 + Math.floor(Math.random() * 800);
  const prism = spawn(process.env.PRISM_BIN,
    ["proxy", "-h", "127.0.0.1", "-p", String(port), "--errors", documentForPrism(), simUrl],
    { stdio: ["ignore", "pipe", "pipe"] });
  children.push(prism);
  await firstLine(prism, /Prism is listening on (\S+)/);
  prismUrl = `http://127.0.0.1:${port}`;
  // Keep reading the log so nothing blocks, and so violations can be counted.
  createInterface({ input: prism.stdout }).on("line", (line) => prismLog.push(line));
});

after(() => children.forEach((child) => child.kill("SIGTERM")));

test("every kind of request the client makes is valid by Tango's OpenAPI document", { timeout: 120_000 }, async () => {
  const client = new TangoClient({ baseUrl: prismUrl, platformName: "demo-platform", platformKey: "demo-key" });
  const email = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 12.5,
    deliveryMethod: "EMAIL", etid: "E000001", campaign: "spring", notes: "n", purchaseOrderNumber: "PO1", message: "Hi",
    emailSubject: "For you", sender: { firstName: "Sam", lastName: "S", email: "sam@example.com" },
    recipient: { firstName: "Ada", lastName: "L", email: "ada@example.com" }, customFields: { team: "blue" } };
  const { order } = await client.createOrder(email);
  // Inferred method (from sendEmail) and a physical order.
  await client.createOrder({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
    amount: 5, sendEmail: false });
  await client.createOrder({ customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000002",
    amount: 20, recipient: { firstName: "Ada", lastName: "L", address: { streetLine1: "1 Main St", city: "Springfield",
      stateOrProvince: "IL", postalCode: "62701", country: "US" } } });
  await client.getOrder(order.referenceOrderID);
  await client.listOrders({ accountIdentifier: "demo-account", customerIdentifier: "demo-customer", startDate: "2020-01-01",
    endDate: "2030-01-01T00:00:00Z", minAmount: 1, maxAmount: 100, currencyCode: "USD", utid: "U000001", orderStatus: "COMPLETE",
    // Not `sendEmail` or `status`: the document marks both query parameters deprecated, and Prism
    // reports any use of a deprecated parameter as a violation (the client still sends them if asked).
    lineItemStatus: "COMPLETE", deliveryMethod: "EMAIL", recipientEmail: "ada@example.com",
    senderFirstName: "Sam", campaign: "spring", page: 0, elementsPerBlock: 10 });
  for await (const each of client.iterateOrders({ utid: "U000001" })) assert.ok(each.referenceOrderID);
  await client.resendOrder(order.referenceOrderID, { newEmail: "ada@new.example.com", newEtid: "E000000" });
  await client.listLineItems({ referenceOrderID: order.referenceOrderID, status: "COMPLETE", elementsPerBlock: 5 });
  for await (const item of client.iterateLineItems({ orderSource: "RA" })) assert.ok(item.referenceLineItemID);
  await client.getLineItem(order.referenceLineItemID);
  await client.resendLineItem(order.referenceLineItemID, { newDeliveryMethod: "PHONE", newMobileNumber: "+12025550123",
    reasonCode: "DELIVERY_METHOD" });
  await client.freezeLineItem(order.referenceLineItemID, { reasonCode: "FRAUD" });
  await client.unfreezeLineItem(order.referenceLineItemID, { reasonCode: "OTHER", otherReason: "checked" });
  await client.cancelLineItem(order.referenceLineItemID, { reasonCode: "DUPLICATE" });
  const violations = prismLog.filter((line) => /VIOLATION|not valid/i.test(line));
  assert.deepEqual(violations, []);
});
