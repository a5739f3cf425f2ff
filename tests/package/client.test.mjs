// TangoClient from the installed package: against the simulator in process (tango-orders/sim's
// fetch) and through the real global fetch against the tango-sim binary on loopback.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { TangoClient, validateCreateOrder } from "tango-orders";
import * as lean from "tango-orders/validate";
import { createSimulator } from "tango-orders/sim";

const KEY = "demo-key";
const MARKERS = ["Zelda", "Hyrule", "zelda@example.com", "+12025550123", "742 Evergreen", KEY];

const order = (extra = {}) => ({
  customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 10,
  deliveryMethod: "EMAIL", recipient: { firstName: "Zelda", lastName: "Hyrule", email: "zelda@example.com" }, ...extra,
});
const physical = () => order({
  utid: "U000002", deliveryMethod: "ADDRESS",
  recipient: { firstName: "Zelda", lastName: "Hyrule", address: { streetLine1: "742 Evergreen Ter", city: "Springfield",
    stateOrProvince: "IL", postalCode: "62701", country: "US" } },
});

/** Everything a test saw that could leak: error messages and logger events. */
const seen = [];
function record(error) {
  seen.push(error.message, JSON.stringify({ ...error, excerpt: undefined }));
  return error;
}

function inProcess(options = {}) {
  const sim = createSimulator({ virtualClock: false });
  const client = new TangoClient({
    baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: KEY, fetch: sim.fetch,
    logger: (event) => seen.push(JSON.stringify(event)), ...options,
  });
  return { sim, client };
}

/** Runs `call`, expecting it to throw; returns the error. */
async function failure(call) {
  try {
    await call();
  } catch (error) {
    return record(error);
  }
  assert.fail("expected an error");
}

test("create, get, list, iterate, resend and a line item resend that switches method", async () => {
  const { sim, client } = inProcess({ ordersPerSecond: 20 });
  const { order: placed, created } = await client.createOrder(order());
  assert.equal(created, true);
  assert.match(placed.externalRefID, /^[A-Za-z0-9]{32}$/);
  const read = await client.getOrder(placed.referenceOrderID);
  assert.deepEqual(read.reward.credentialList.map((c) => c.credentialType), ["rewardSecurityCode", "rewardSecurityUrl"]);
  const again = await client.createOrder(order({ externalRefID: placed.externalRefID }));
  assert.equal(again.created, false);
  assert.equal(again.order.referenceOrderID, placed.referenceOrderID);
  sim.seedOrders(150, 1_000);
  const page = await client.listOrders({ elementsPerBlock: 20 });
  assert.equal(page.orders.length, 20);
  assert.equal(page.page.totalCount, 151);
  const ids = new Set();
  for await (const each of client.iterateOrders({ accountIdentifier: "demo-account" })) ids.add(each.referenceOrderID);
  assert.equal(ids.size, 151);
  let items = 0;
  for await (const item of client.iterateLineItems({ elementsPerBlock: 50 })) items += item.referenceLineItemID ? 1 : 0;
  assert.equal(items, 151);
  const resend = await client.resendOrder(placed.referenceOrderID, { newEmail: "zelda@new.example.com" });
  assert.equal(typeof resend.id, "number");
  const switched = await client.resendLineItem(placed.referenceLineItemID,
    { newDeliveryMethod: "PHONE", newMobileNumber: "+12025550123", reasonCode: "DELIVERY_METHOD" });
  assert.equal(switched.deliveryMethod, "PHONE");
  await client.freezeLineItem(placed.referenceLineItemID, { reasonCode: "FRAUD" });
  assert.equal((await client.getLineItem(placed.referenceLineItemID)).rewardStatus, "FROZEN");
  await client.unfreezeLineItem(placed.referenceLineItemID, { reasonCode: "VERIFY_ORDER" });
  await client.cancelLineItem(placed.referenceLineItemID, { reasonCode: "DUPLICATE" });
  assert.equal((await client.getLineItem(placed.referenceLineItemID)).status, "CANCELLED");
});

test("reissue, update, reason codes and the embedded URL, each validated before sending", async () => {
  const { sim, client } = inProcess({ ordersPerSecond: 20 });
  const { order: placed } = await client.createOrder(order());
  const id = placed.referenceLineItemID;
  await client.updateLineItem(id, { purchaseOrderNumber: "PO-9", campaign: "Spring", orderNotes: "checked" });
  const updated = await client.getLineItem(id);
  assert.deepEqual([updated.purchaseOrderNumber, updated.campaign, updated.orderNotes], ["PO-9", "Spring", "checked"]);
  const replacement = await client.reissueLineItem(id, { reasonCode: "REWARD_AMOUNT", amount: 15 });
  assert.notEqual(replacement.referenceOrderID, placed.referenceOrderID);
  assert.equal(replacement.amountCharged.total, 15);
  assert.equal((await client.getLineItem(id)).rewardStatus, "CANCELLED");
  assert.equal(sim.orderCount(), 2);
  const codes = await client.listReasonCodes();
  assert.deepEqual(Object.keys(codes).sort(), ["CANCEL", "CANCEL_AND_REISSUE", "FREEZE", "UNFREEZE"]);
  const embedded = await client.createOrder(order({ deliveryMethod: "EMBEDDED", recipient: undefined }));
  const { url } = await client.getEmbeddedUrl(embedded.order.referenceLineItemID);
  assert.match(url, /^https:\/\//);
  // Validated first: nothing reaches the simulator.
  const before = sim.orderCount();
  const bad = await failure(() => client.reissueLineItem(id, { reasonCode: "NOPE", deliveryMethod: "ADDRESS" }));
  assert.equal(bad.kind, "validation");
  assert.deepEqual(bad.issues.map((issue) => `${issue.path}:${issue.code}`), ["reasonCode:invalid_value", "deliveryMethod:invalid_value"]);
  const badUpdate = await failure(() => client.updateLineItem(id, { campaign: "no/slashes" }));
  assert.deepEqual(badUpdate.issues.map((issue) => issue.path), ["campaign"]);
  assert.equal((await failure(() => client.getEmbeddedUrl("../orders"))).kind, "validation");
  assert.equal(sim.orderCount(), before);
});

test("a create holding NaN or a broken string is refused before sending, with its key", async () => {
  const { sim, client } = inProcess();
  const nan = await failure(() => client.createOrder(order({ amount: NaN, externalRefID: "mine1" })));
  assert.deepEqual([nan.kind, nan.externalRefID, nan.mayHaveBeenPlaced], ["validation", "mine1", false]);
  assert.deepEqual(nan.issues.map((i) => [i.path, i.code]), [["amount", "invalid_format"]]);
  // Even in a field the validators do not read: it could not be sent as written.
  const hidden = await failure(() => client.createOrder(order({ customFields: [{ label: "x", value: "\udc00" }] })));
  assert.equal(hidden.kind, "validation");
  assert.match(hidden.externalRefID, /^[A-Za-z0-9]{32}$/);
  assert.deepEqual(hidden.issues.map((i) => i.path), ["customFields[0].value"]);
  assert.equal(sim.orderCount(), 0);
});

test("errors a program can branch on", async () => {
  const { client } = inProcess({ ordersPerSecond: 20 });
  const invalid = await failure(() => client.createOrder({ ...order(), amount: 0, recipient: { firstName: "<Zelda>" } }));
  assert.equal(invalid.kind, "validation");
  assert.deepEqual(invalid.issues.map((i) => i.path), ["amount", "recipient.firstName", "recipient.email"]);
  const empty = await failure(() => client.createOrder(order({ accountIdentifier: "empty-account" })));
  assert.deepEqual([empty.kind, empty.status, empty.statusName, empty.retryable], ["api", 402, "insufficient_funds", false]);
  const frozen = await failure(() => client.createOrder(order({ accountIdentifier: "frozen-account" })));
  assert.deepEqual([frozen.status, frozen.i18nKey, frozen.statusName], [422, "404.142", "unprocessable"]);
  assert.match(frozen.requestId, /^[0-9a-f-]{36}$/);
  const missing = await failure(() => client.getOrder("RA000000-0000-00"));
  assert.equal(missing.status, 404);
  const traversal = await failure(() => client.getOrder("../lineItems"));
  assert.equal(traversal.kind, "validation");
  const { order: none } = await client.createOrder(order({ deliveryMethod: "NONE" }));
  const undelivered = await failure(() => client.resendOrder(none.referenceOrderID));
  assert.deepEqual([undelivered.status, undelivered.i18nKey], [403, "403.003"]);
  const { order: sent } = await client.createOrder(order());
  await client.resendOrder(sent.referenceOrderID);
  const tooSoon = await failure(() => client.resendOrder(sent.referenceOrderID));
  assert.equal(tooSoon.kind, "resend_too_soon");
  assert.ok(tooSoon.retryAfterMs > 29_000 && tooSoon.retryAfterMs <= 30_000);
  const config = await failure(() => new TangoClient({ baseUrl: "ftp://x" }));
  assert.equal(config.kind, "config");
  const rateLimited = createSimulator({ faults: { rateLimitBurstRate: 1, rateLimitBurstLength: 1 } });
  const limited = new TangoClient({ baseUrl: rateLimited.baseUrl, token: "demo-token", fetch: rateLimited.fetch, maxRetries: 0 });
  const tooMany = await failure(() => limited.listOrders());
  assert.deepEqual([tooMany.status, tooMany.retryable, tooMany.retryAfterMs], [429, true, 1000]);
});

test("timeouts and abort signals", async () => {
  const slow = createSimulator({ faults: { latencyMs: 200 } });
  const client = new TangoClient({ baseUrl: slow.baseUrl, token: () => Promise.resolve("demo-token"), fetch: slow.fetch });
  const timeout = await failure(() => client.listOrders({}, { timeoutMs: 50, maxRetries: 0 }));
  assert.deepEqual([timeout.kind, timeout.retryable, timeout.timeoutMs], ["timeout", true, 50]);
  const controller = new AbortController();
  const pending = client.listOrders({}, { signal: controller.signal });
  const reason = new Error("user left the page");
  controller.abort(reason);
  const aborted = await failure(() => pending);
  assert.deepEqual([aborted.kind, aborted.name, aborted.retryable, aborted.cause], ["aborted", "AbortError", false, reason]);
  assert.equal((await client.listOrders({}, { timeoutMs: 5_000 })).page.totalCount, 0);
});

test("a dropped answer is retried with the same externalRefID: one order, placed by this call", async () => {
  const { sim, client } = inProcess();
  sim.setFaults({ dropAfterCommitRate: 1 });
  const pending = client.createOrder(order(), { maxRetries: 3 });
  setTimeout(() => sim.setFaults({}), 50);
  const { created } = await pending;
  // The first attempt placed it (its answer was lost); the retry's 200 returned it.
  assert.equal(created, true);
  assert.equal(sim.orderCount(), 1);
});

let server;
let baseUrl;
before(async () => {
  server = spawn(process.env.TANGO_SIM_BIN, ["--port", "0", "--seed", "9"], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: server.stdout }), "line");
  baseUrl = line.trim().split(" ").pop();
});
after(async () => {
  server.kill("SIGTERM");
  const [code] = await once(server, "exit");
  assert.equal(code, 0);
});

test("getCatalog, and validateCreateOrder with the catalog's ranges and delivery rules", async () => {
  const { client } = inProcess();
  const catalog = await client.getCatalog();
  const items = catalog.brands.flatMap((brand) => brand.items);
  assert.deepEqual(items.map((i) => i.utid).sort(), ["U000001", "U000002", "U000003", "U000004", "U000005"]);
  const digital = items.find((i) => i.utid === "U000001");
  assert.equal(digital.minValue, 1);
  assert.equal(digital.maxValue, 2_000);
  assert.ok(digital.attributes.includes("PHONE"));
  assert.deepEqual((await client.getCatalog({ itemAttribute: ["PHONE"] })).brands.flatMap((b) => b.items).map((i) => i.utid), ["U000001"]);
  assert.equal((await failure(() => client.getCatalog({ utid: 5 }))).kind, "validation");

  const paths = (report) => report.issues.map((i) => [i.path, i.code]);
  const tooMuch = order({ amount: 2_500 });
  assert.deepEqual(paths(validateCreateOrder(tooMuch)), [], "without the catalog, Tango's own limits only");
  assert.deepEqual(paths(validateCreateOrder(tooMuch, { catalog })), [["amount", "out_of_range"]]);
  assert.match(validateCreateOrder(tooMuch, { catalog }).issues[0].message, /from 1\.00 USD to 2000\.00 USD/);
  const mailedByEmail = { ...physical(), deliveryMethod: "EMAIL", recipient: { ...physical().recipient, email: "zelda@example.com", address: undefined } };
  assert.deepEqual(paths(validateCreateOrder(mailedByEmail, { catalog })), [["deliveryMethod", "unsupported"]]);
  assert.deepEqual(paths(validateCreateOrder(order({ utid: "U000042" }), { catalog })), [["utid", "invalid_value"]]);
  const textToPromo = order({ utid: "U000003", deliveryMethod: "PHONE", recipient: { firstName: "Zelda", mobileNumber: "+12025550123" } });
  assert.deepEqual(paths(validateCreateOrder(textToPromo, { catalog })), [["deliveryMethod", "unsupported"]]);
  // A list of items is a catalog too, and the validation-only entry gives the same answers.
  assert.deepEqual(validateCreateOrder(tooMuch, { catalog: items }), validateCreateOrder(tooMuch, { catalog }));
  for (const input of [tooMuch, mailedByEmail, textToPromo, order()]) {
    assert.deepEqual(lean.validateCreateOrder(input, { catalog }), validateCreateOrder(input, { catalog }));
  }
  assert.throws(() => validateCreateOrder(order(), { catalog: "all" }), (e) => e.kind === "validation" && e.issues[0].path === "catalog");
  // The README's example, word for word.
  const mailedByEmailReadme = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account",
    utid: "U000002", amount: 750, deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" } };
  assert.deepEqual(validateCreateOrder(mailedByEmailReadme, { catalog: await client.getCatalog({ verbose: false }) }).issues, [
    { path: "amount", code: "out_of_range", message: "Amount must be from 5.00 USD to 500.00 USD for this reward." },
    { path: "deliveryMethod", code: "unsupported", message: "Delivery method must be ADDRESS: this reward is printed and mailed." },
  ]);
});

test("waitForOrder: reads until final, reports each status, times out with the last one, aborts", async () => {
  // The simulator's clock moves only when told: a physical order stays PENDING until then.
  const sim = createSimulator({ virtualClock: true });
  const client = new TangoClient({ baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: KEY, fetch: sim.fetch });
  const { order: mailed } = await client.createOrder(physical());
  const statuses = [];
  const done = await client.waitForOrder(mailed.referenceOrderID, {
    onStatus(order) {
      statuses.push(order.status);
      if (order.status === "PENDING") sim.advanceTime(10_000); // printed and mailed
      throw new Error("a callback that throws does not end the wait");
    },
  });
  assert.equal(done.status, "COMPLETE");
  assert.equal(done.referenceOrderID, mailed.referenceOrderID);
  assert.deepEqual(statuses, ["PENDING", "COMPLETE"]);

  sim.advanceTime(1_000);
  const { order: slow } = await client.createOrder(order({ utid: "U000005" })); // pending 60 s
  const started = performance.now();
  const timeout = await failure(() => client.waitForOrder(slow.referenceOrderID, { timeoutMs: 1_200 }));
  const waited = performance.now() - started;
  assert.equal(timeout.name, "TangoError");
  assert.equal(timeout.kind, "timeout");
  assert.equal(timeout.lastStatus, "PENDING");
  assert.equal(timeout.timeoutMs, 1_200);
  assert.equal(timeout.retryable, true);
  assert.ok(waited >= 1_150 && waited < 3_000, `${waited} ms`);

  const controller = new AbortController();
  const aborted = await failure(() => client.waitForOrder(slow.referenceOrderID, {
    signal: controller.signal,
    onStatus: () => setTimeout(() => controller.abort(new Error("the user left")), 50),
  }));
  assert.equal(aborted.name, "AbortError");
  assert.equal(aborted.kind, "aborted");
  assert.equal(aborted.cause.message, "the user left");

  for (const [options, text] of [[{ timeoutMs: 0 }, /timeoutMs must be from 1 to 86400000/],
    [{ onStatus: "yes" }, /onStatus/], [{ signal: {} }, /signal must be an AbortSignal/]]) {
    const error = await failure(() => client.waitForOrder(slow.referenceOrderID, options));
    assert.equal(error.kind, "config");
    assert.match(error.message, text);
  }
  assert.equal((await failure(() => client.waitForOrder("RA000000-0000-00"))).kind, "api");
});

test("through the real fetch against the tango-sim binary on loopback", async () => {
  const client = new TangoClient({ baseUrl, platformName: "demo-platform", platformKey: KEY, ordersPerSecond: 1,
    logger: (event) => seen.push(JSON.stringify(event)) });
  const { order: placed } = await client.createOrder(physical());
  assert.equal(placed.status, "PENDING");
  assert.equal((await client.getOrder(placed.referenceOrderID)).recipient.address.city, "Springfield");
  const { order: digital } = await client.createOrder(order());
  const listed = await client.listOrders({ deliveryMethod: "ADDRESS" });
  assert.equal(listed.page.totalCount, 1);
  let count = 0;
  for await (const each of client.iterateOrders()) count += each ? 1 : 0;
  assert.equal(count, 2);
  await client.resendOrder(digital.referenceOrderID);
  const switched = await client.resendLineItem(digital.referenceLineItemID, { newDeliveryMethod: "WHATSAPP", newMobileNumber: "+442071838750" });
  assert.equal(switched.deliveryMethod, "WHATSAPP");
  const empty = await failure(() => client.createOrder(order({ accountIdentifier: "empty-account" })));
  assert.equal(empty.status, 402);
  const frozen = await failure(() => client.createOrder(order({ accountIdentifier: "frozen-account" })));
  assert.equal(frozen.i18nKey, "404.142");
});

test("no key, token or personal data in any error message or logger event", () => {
  assert.ok(seen.length > 20, `only ${seen.length} strings were collected`);
  for (const text of seen) {
    for (const marker of MARKERS) assert.ok(!text.includes(marker), `${marker} leaked in: ${text}`);
  }
});
