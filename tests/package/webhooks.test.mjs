// verifyWebhook on deliveries signed as Tango signs them (HMAC-SHA256 of the raw body with the
// subscription's decoded key, base64 in X-Signed-Payload): a Fetch Request and Node's raw body
// both verify; a body changed by one bit, another key, no header, an oversized body and a parsed
// body are refused as `unverified`, quoting nothing of the delivery. Then the ledger that tells a
// replayed or late event, in memory and in a real redis-server shared by two clients.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, createSign, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { createWebhookLedger, verifyWebhook, isTangoError } from "tango-orders";
import { startRedis } from "./servers.mjs";

const secret = randomBytes(32).toString("base64");
const sign = (body, key = secret) => createHmac("sha256", Buffer.from(key, "base64")).update(body).digest("base64");
const event = {
  eventId: "0b6e1c0e-8e7f-4c7a-9a39-5a7f6f1d2e11", revision: 12, eventType: "RewardStatus", category: "REWARD",
  eventOccurredAt: "2026-12-07T10:00:00Z",
  eventData: { referenceLineItemId: "RL231208-1234-56-01", externalRefID: "order-7", status: "FROZEN", type: "GIFT_CARD" },
};
const body = JSON.stringify(event);
const request = (text, headers) => new Request("https://receiver.example/tango", { method: "POST", body: text, headers });

test("a genuine delivery verifies from a Request, from raw bytes and from text, and reads as its event", async () => {
  const fromRequest = await verifyWebhook(request(body, { "X-Signed-Payload": sign(body) }), { hmacSharedSecretKey: secret });
  assert.deepEqual(fromRequest, event);
  const fromBytes = await verifyWebhook({ body: Buffer.from(body), headers: { "x-signed-payload": sign(body) } }, { hmacSharedSecretKey: secret });
  assert.deepEqual(fromBytes, event);
  const fromText = await verifyWebhook({ body, headers: new Headers({ "x-signed-payload": sign(body) }) }, { hmacSharedSecretKey: secret });
  assert.deepEqual(fromText, event);
  // Node's http gives repeated headers as a list.
  const listed = await verifyWebhook({ body: new Uint8Array(Buffer.from(body)), headers: { "X-SIGNED-PAYLOAD": [sign(body)] } }, { hmacSharedSecretKey: secret });
  assert.equal(listed.eventId, event.eventId);
});

test("the docs' plural spellings read as the singular ones; an unknown type keeps its data", async () => {
  const plural = JSON.stringify({ ...event, eventType: undefined, category: undefined, eventTypes: ["RewardStatus"], categories: ["REWARD"] });
  assert.deepEqual(await verifyWebhook({ body: plural, headers: { "x-signed-payload": sign(plural) } }, { hmacSharedSecretKey: secret }), event);
  const unknown = JSON.stringify({ eventId: "e2", revision: 1, eventType: "OrderActionStatus", eventData: { a: [1, { b: null }] } });
  const read = await verifyWebhook({ body: unknown, headers: { "x-signed-payload": sign(unknown) } }, { hmacSharedSecretKey: secret });
  assert.deepEqual(read, { eventId: "e2", revision: 1, eventType: "OrderActionStatus", eventData: { a: [1, { b: null }] } });
});

/** The rejection of `delivery`, checked to be an `unverified` TangoError that quotes nothing. */
async function refused(delivery, keys = { hmacSharedSecretKey: secret }) {
  const error = await verifyWebhook(delivery, keys).then(() => assert.fail("verified"), (e) => e);
  assert.ok(isTangoError(error), String(error));
  assert.equal(error.kind, "unverified");
  assert.equal(error.retryable, false);
  for (const leaked of ["order-7", "RL231208", secret, "FROZEN"]) assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(leaked), error.message);
  assert.equal(error.externalRefID, undefined);
  return error;
}

test("a body changed by one bit, another key, no header or a malformed one is not verified", async () => {
  const tampered = Buffer.from(body);
  tampered[40] ^= 1;
  await refused({ body: tampered, headers: { "x-signed-payload": sign(body) } });
  await refused(request(body, { "X-Signed-Payload": sign(body, randomBytes(32).toString("base64")) }));
  await refused(request(body, {}));
  await refused({ body, headers: { "x-signed-payload": "%%%" } });
  await refused({ body, headers: {} });
});

test("an oversized body is refused before it is checked, and a parsed body is not a raw one", async () => {
  const big = JSON.stringify({ ...event, eventData: { note: "x".repeat(300 * 1024) } });
  await refused({ body: big, headers: { "x-signed-payload": sign(big) } });
  await refused(request(big, { "X-Signed-Payload": sign(big) }));
  const parsed = await refused({ body: event, headers: { "x-signed-payload": sign(body) } });
  assert.match(parsed.message, /express\.raw/);
});

test("a missing or unusable key is a config error that quotes no key", async () => {
  for (const keys of [undefined, {}, { hmacSharedSecretKey: "c2hvcnQ=" }, { hmacSharedSecretKey: "not base64!" }, { signingCertificate: "MIIB" }]) {
    const error = await verifyWebhook({ body, headers: { "x-signed-payload": sign(body) } }, keys).then(() => assert.fail("verified"), (e) => e);
    assert.equal(error.kind, "config", String(error));
    assert.ok(!error.message.includes("c2hvcnQ") && !error.message.includes("not base64!"), error.message);
  }
});

test("a ledger tells a repeated event and one out of order, per subscription, and forgets the oldest", async () => {
  const ledger = createWebhookLedger({ maxEvents: 3 });
  assert.deepEqual(await ledger.record({ eventId: "a", revision: 5 }), { duplicate: false, outOfOrder: false, latestRevision: 5 });
  assert.deepEqual(await ledger.record({ eventId: "a", revision: 5 }), { duplicate: true, outOfOrder: false, latestRevision: 5 });
  assert.deepEqual(await ledger.record({ eventId: "b", revision: 4 }), { duplicate: false, outOfOrder: true, latestRevision: 5 });
  // Another subscription has its own events and revisions.
  assert.deepEqual(await ledger.record({ eventId: "a", revision: 1 }, { subscription: "other" }), { duplicate: false, outOfOrder: false, latestRevision: 1 });
  // Beyond maxEvents the oldest ("a" of the default subscription) is forgotten.
  await ledger.record({ eventId: "c" });
  assert.equal((await ledger.record({ eventId: "a", revision: 5 })).duplicate, false);
  await assert.rejects(ledger.record({ revision: 1 }), TypeError);
  assert.throws(() => createWebhookLedger({ store: {} }), TypeError);
  assert.throws(() => createWebhookLedger({ ttlMs: 0 }), RangeError);
});

test("a ledger on a shared limiter's Redis: every process sees what one recorded, keys expire, IDs only", async () => {
  const { createRedisLimiter } = await import("tango-orders/redis");
  const require = createRequire(import.meta.url);
  const Redis = require("ioredis");
  const server = await startRedis();
  // No retries of a command once Redis is gone: the ledger's call rejects at once.
  const clients = [0, 1].map(() => new Redis(server.url, { maxRetriesPerRequest: 0 }));
  try {
    const [one, two] = clients.map((redis) => createWebhookLedger({ store: createRedisLimiter(redis), ttlMs: 60_000 }));
    const delivered = await verifyWebhook({ body, headers: { "x-signed-payload": sign(body) } }, { hmacSharedSecretKey: secret });
    assert.deepEqual(await one.record(delivered, { subscription: "orders" }), { duplicate: false, outOfOrder: false, latestRevision: 12 });
    assert.deepEqual(await two.record(delivered, { subscription: "orders" }), { duplicate: true, outOfOrder: false, latestRevision: 12 });
    assert.deepEqual(await two.record({ eventId: "late", revision: 3 }, { subscription: "orders" }), { duplicate: false, outOfOrder: true, latestRevision: 12 });
    const keys = await clients[0].keys("*");
    assert.equal(keys.length, 3, keys.join());
    for (const key of keys) {
      const ttl = await clients[0].pttl(key);
      assert.ok(ttl > 0 && ttl <= 60_000, `${key}: ${ttl}`);
      const value = await clients[0].get(key);
      for (const leaked of ["order-7", "RL231208", "FROZEN", secret]) assert.ok(!key.includes(leaked) && !String(value).includes(leaked), key);
    }
    // A Redis that is gone rejects the call: the delivery is answered with an error and comes again.
    await server.kill();
    await assert.rejects(one.record({ eventId: "after", revision: 13 }, { subscription: "orders" }));
  } finally {
    for (const redis of clients) redis.disconnect();
    await server.kill();
  }
});

test("an X509 subscription: a delivery signed with its key verifies against its certificate, DER or PEM", async () => {
  const fixtures = process.env.TANGO_WEBHOOK_FIXTURES;
  const privateKey = readFileSync(join(fixtures, "webhook-test-key.pem"), "utf8");
  const certificate = readFileSync(join(fixtures, "webhook-test-certificate.b64"), "utf8").trim();
  const signed = createSign("RSA-SHA256").update(body).sign(privateKey, "base64");
  assert.deepEqual(await verifyWebhook(request(body, { "X-Signed-Payload": signed }), { signingCertificate: certificate }), event);
  const pem = `-----BEGIN CERTIFICATE-----\n${certificate.match(/.{1,64}/g).join("\n")}\n-----END CERTIFICATE-----\n`;
  assert.deepEqual(await verifyWebhook({ body, headers: { "x-signed-payload": signed } }, { signingCertificate: pem }), event);
  await refused({ body: body.replace("FROZEN", "FROZEM"), headers: { "x-signed-payload": signed } }, { signingCertificate: certificate });
  // An HMAC signature is no X509 one, and an X509 signature no HMAC one.
  await refused({ body, headers: { "x-signed-payload": sign(body) } }, { signingCertificate: certificate });
  await refused({ body, headers: { "x-signed-payload": signed } });
});

test("subscribe through the client, and the in-process simulator delivers signed events that verify", async () => {
  const { TangoClient } = await import("tango-orders");
  const { createSimulator } = await import("tango-orders/sim");
  const received = [];
  let answer = 500; // the first delivery fails once: it comes again after the simulator's backoff
  const sim = createSimulator({
    virtualClock: true,
    onWebhook: async (request, { attempt }) => {
      received.push({ event: await verifyWebhook(request, { hmacSharedSecretKey: secret }), attempt, auth: request.headers.get("authorization") });
      const status = answer;
      answer = 200;
      return new Response(null, { status });
    },
  });
  const client = new TangoClient({ platformName: sim.platformName, platformKey: sim.platformKey, baseUrl: sim.baseUrl, fetch: sim.fetch });
  const created = await client.createWebhook({
    url: "http://localhost:8787/tango", categories: ["REWARD"], payloadVerificationMethod: "HMAC", hmacSharedSecretKey: secret,
    headers: [{ name: "Authorization", value: "Bearer receiver-token" }],
  });
  assert.match(created.webhookId, /^[0-9a-f-]{36}$/);
  assert.ok(Date.parse(created.expiresAt) > sim.now());

  const { order } = await client.createOrder({ customerIdentifier: sim.customerIdentifier, accountIdentifier: sim.accounts.funded,
    utid: sim.utids.digital, amount: 5, deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" } });
  await client.freezeLineItem(order.referenceLineItemID, { reasonCode: "FRAUD" });
  await sim.deliverWebhooks();
  sim.advanceTime(1_000);
  await sim.deliverWebhooks();
  assert.equal(received.length, 2, "delivered, refused with 500, delivered again");
  assert.deepEqual(received.map((r) => r.attempt), [1, 2]);
  assert.deepEqual(received[0].event, received[1].event);
  const [{ event, auth }] = received;
  assert.equal(auth, "Bearer receiver-token");
  assert.equal(event.eventType, "RewardStatus");
  assert.equal(event.category, "REWARD");
  assert.equal(event.revision, 1);
  assert.equal(event.eventData.status, "FROZEN");
  assert.equal(event.eventData.referenceLineItemId, order.referenceLineItemID);

  // Past events read as events; a replay delivers them again, same eventId and revision, which a
  // ledger calls repeats.
  const past = await client.listWebhookEvents(created.webhookId, { fromRevision: 1 });
  assert.deepEqual(past.items, [{ ...event, category: "REWARD" }]);
  const ledger = createWebhookLedger();
  assert.equal((await ledger.record(event, { subscription: created.webhookId })).duplicate, false);
  await client.replayWebhookEvents(created.webhookId, { fromRevision: 1, toRevision: 1 });
  await sim.deliverWebhooks();
  assert.equal(received.length, 3);
  assert.deepEqual(received[2].event, event);
  assert.equal((await ledger.record(received[2].event, { subscription: created.webhookId })).duplicate, true);

  // Every other call, typed answers.
  const webhook = await client.getWebhook(created.webhookId);
  assert.equal(webhook.url, "http://localhost:8787/tango");
  assert.deepEqual(webhook.categories, ["REWARD"]);
  assert.deepEqual(webhook.eventTypes, []);
  assert.equal(webhook.hmacSharedSecretKey, undefined);
  const updated = await client.updateWebhook(created.webhookId, { eventTypes: ["LineItemDeliveryStatus"] });
  assert.deepEqual(updated.eventTypes, ["LineItemDeliveryStatus"]);
  sim.advanceTime(86_400_000);
  const renewed = await client.renewWebhook(created.webhookId);
  assert.ok(Date.parse(renewed.expiresAt) > Date.parse(created.expiresAt));
  const types = await client.listWebhookEventTypes();
  assert.ok(types.items.some((t) => t.category === "ORDER" && t.eventTypes.includes("LineItemDeliveryStatus")));
  await client.testWebhook(created.webhookId, "ConnectivityTest");
  await sim.deliverWebhooks();
  assert.equal(received.at(-1).event.eventType, "ConnectivityTest");
  for (let i = 0; i < 3; i++) await client.createWebhook({ url: `http://127.0.0.1:${9000 + i}/`, eventTypes: ["RewardStatus"] });
  const page = await client.listWebhooks({ maxResults: 2 });
  assert.equal(page.items.length, 2);
  assert.equal(typeof page.nextCursor, "string");
  const all = [];
  for await (const each of client.iterateWebhooks({ maxResults: 2 })) all.push(each.webhookId);
  assert.equal(all.length, 4);
  assert.equal(new Set(all).size, 4);
  await client.deleteWebhook(created.webhookId);
  const gone = await client.getWebhook(created.webhookId).then(() => assert.fail("found"), (e) => e);
  assert.equal(gone.kind, "api");
  assert.equal(gone.status, 404);
});

test("a subscription the rules refuse is a validation error before anything is sent, naming no key", async () => {
  const { TangoClient } = await import("tango-orders");
  let sent = 0;
  const client = new TangoClient({ platformName: "p", platformKey: "k", baseUrl: "http://127.0.0.1:9/raas/v2", fetch: () => { sent++; throw new Error("sent"); } });
  const shortKey = Buffer.from("too-short-a-key").toString("base64");
  for (const [subscription, path] of [
    [{ url: "http://example.com/hook", categories: ["REWARD"] }, "url"],
    [{ url: "https://example.com/hook" }, "categories"],
    [{ url: "https://example.com/hook", eventTypes: ["RewardStatuss"] }, "eventTypes[0]"],
    [{ url: "https://example.com/hook", categories: ["REWARD"], payloadVerificationMethod: "HMAC", hmacSharedSecretKey: shortKey }, "hmacSharedSecretKey"],
    [{ url: "https://example.com/hook", categories: ["REWARD"], payloadVerificationMethod: "X509" }, "signingCertificate"],
  ]) {
    const error = await client.createWebhook(subscription).then(() => assert.fail("accepted"), (e) => e);
    assert.equal(error.kind, "validation", JSON.stringify(subscription));
    assert.ok(error.issues.some((issue) => issue.path === path), `${path}: ${JSON.stringify(error.issues)}`);
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(shortKey));
  }
  const badTest = await client.testWebhook("w1", "NoSuchTest").then(() => assert.fail("sent"), (e) => e);
  assert.equal(badTest.kind, "validation");
  const badRange = await client.listWebhookEvents("w1", { fromRevision: 3, toRevision: 1 }).then(() => assert.fail("sent"), (e) => e);
  assert.equal(badRange.kind, "validation");
  assert.equal(sent, 0);
});

test("tango-orders/webhooks verifies alone, in its Node and browser files, and the main entry loads it, not the client", async () => {
  const require = createRequire(import.meta.url);
  const packageDir = join(require.resolve("tango-orders/package.json"), "..");
  const signed = { body, headers: { "x-signed-payload": sign(body) } };
  const entry = await import("tango-orders/webhooks");
  assert.deepEqual(Object.keys(entry).sort(), ["TangoError", "createWebhookLedger", "isTangoError", "verifyWebhook"]);
  assert.deepEqual(await entry.verifyWebhook(signed, { hmacSharedSecretKey: secret }), event);
  const browserFile = await import(join(packageDir, "webhooks.js"));
  assert.deepEqual(await browserFile.verifyWebhook(signed, { hmacSharedSecretKey: secret }), event);
  const error = await browserFile.verifyWebhook({ body, headers: {} }, { hmacSharedSecretKey: secret }).catch((e) => e);
  assert.ok(entry.isTangoError(error) && error.kind === "unverified", String(error));

  // A fresh process that only verifies, through the main entry: the first call loads the webhooks
  // module (the client module is not needed; a hook counts which of the package's files load).
  const script = `
import * as nodeModule from "node:module";
const loaded = [];
const { registerHooks } = nodeModule; // Node 22.15+; older Nodes verify without counting
registerHooks?.({ load(url, context, next) { loaded.push(url.split("/").pop()); return next(url, context); } });
const { verifyWebhook } = await import("tango-orders");
const event = await verifyWebhook(${JSON.stringify(signed)}, { hmacSharedSecretKey: ${JSON.stringify(secret)} });
console.log(JSON.stringify({ eventId: event.eventId, hooks: typeof registerHooks === "function", loaded }));`;
  const { execFileSync } = await import("node:child_process");
  const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
  assert.equal(out.eventId, event.eventId);
  if (out.hooks) {
    assert.ok(out.loaded.includes("webhooks.node.js"), out.loaded.join(" "));
    assert.ok(!out.loaded.some((file) => file.startsWith("client.")), out.loaded.join(" "));
  }
});

test("iterateWebhooks as a client's first call: the main entry loads the client module, then walks the pages", async () => {
  const script = `
import { TangoClient } from "tango-orders";
import { createSimulator } from "tango-orders/sim";
const sim = createSimulator();
const seed = new TangoClient({ platformName: sim.platformName, platformKey: sim.platformKey, baseUrl: sim.baseUrl, fetch: sim.fetch });
const client = new TangoClient({ platformName: sim.platformName, platformKey: sim.platformKey, baseUrl: sim.baseUrl, fetch: sim.fetch });
const ids = [];
const walk = client.iterateWebhooks({ maxResults: 2 }); // before any module has loaded
for (let i = 0; i < 5; i++) await seed.createWebhook({ url: "http://127.0.0.1:" + (9100 + i) + "/", categories: ["REWARD"] });
for await (const webhook of walk) ids.push(webhook.webhookId);
console.log(JSON.stringify(ids));`;
  const { execFileSync } = await import("node:child_process");
  const ids = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
  assert.equal(ids.length, 5);
  assert.equal(new Set(ids).size, 5);
});
