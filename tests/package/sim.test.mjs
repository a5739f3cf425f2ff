// tango-orders/sim from the installed package: the simulator's fetch places and reads orders in
// Node, with no network, and behaves as Tango does at its limits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSimulator } from "tango-orders/sim";
import { parseOrder } from "tango-orders";

function client(sim) {
  const headers = {
    authorization: "Basic " + btoa(`${sim.platformName}:${sim.platformKey}`),
    "content-type": "application/json",
  };
  return {
    post: (path, body) => sim.fetch(`${sim.baseUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
    get: (path) => sim.fetch(`${sim.baseUrl}${path}`, { headers }),
  };
}

const order = (extra = {}) => ({
  customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", amount: 10,
  deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" }, ...extra,
});

test("createSimulator().fetch places and reads an order", async () => {
  const sim = createSimulator({ virtualClock: true });
  const api = client(sim);
  const created = await api.post("/orders", order({ externalRefID: "node1" }));
  assert.equal(created.status, 201);
  assert.equal(created.headers.get("content-type"), "application/json");
  const placed = parseOrder(await created.text());
  assert.match(placed.referenceOrderID, /^RA\d{6}-\d{4}-\d{2}$/);
  const read = parseOrder(await (await api.get(`/orders/${encodeURIComponent(placed.referenceOrderID)}`)).text());
  assert.equal(read.reward.credentialList.length, 2);
  const list = await (await api.get("/orders?externalRefID=node1")).json();
  assert.equal(list.page.totalCount, 1);
  assert.equal(sim.orderCount(), 1);
  assert.equal(sim.balance("demo-account"), 99_990);
});

test("limits: a second create within a second is 429, a replay is 200", async () => {
  const sim = createSimulator({ virtualClock: true });
  const api = client(sim);
  assert.equal((await api.post("/orders", order({ externalRefID: "a1" }))).status, 201);
  const limited = await api.post("/orders", order());
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "1");
  sim.advanceTime(1_000);
  assert.equal((await api.post("/orders", order({ externalRefID: "a1" }))).status, 200);
  assert.equal(sim.orderCount(), 1);
});

test("faults: a dropped answer rejects like a broken connection, and the order exists", async () => {
  const sim = createSimulator({ virtualClock: true, faults: { dropAfterCommitRate: 1 } });
  const api = client(sim);
  await assert.rejects(api.post("/orders", order({ externalRefID: "d1" })), (e) => e instanceof TypeError);
  assert.equal(sim.orderCount(), 1);
  sim.setFaults({ latencyMs: 30 });
  sim.advanceTime(1_000);
  const started = performance.now();
  assert.equal((await api.post("/orders", order({ externalRefID: "d1" }))).status, 200);
  assert.ok(performance.now() - started >= 25);
});

test("time: a slow reward completes after advanceTime", async () => {
  const sim = createSimulator({ virtualClock: true });
  const api = client(sim);
  const slow = await (await api.post("/orders", order({ utid: "U000005" }))).json();
  assert.equal(slow.status, "PENDING");
  sim.advanceTime(60_000);
  const later = await (await api.get(`/orders/${slow.referenceOrderID}`)).json();
  assert.equal(later.status, "COMPLETE");
});

test("createsPerSecond sets the simulator's create limit (Tango's is 1 per second)", async () => {
  // Creates 10 ms apart on the virtual clock: too soon at Tango's 1/s, fine at 100/s.
  const statuses = async (options) => {
    const sim = createSimulator({ virtualClock: true, ...options });
    const api = client(sim);
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push((await api.post("/orders", order())).status);
      sim.advanceTime(10);
    }
    return answers;
  };
  assert.deepEqual(await statuses({}), [201, 429, 429]);
  assert.deepEqual(await statuses({ createsPerSecond: 100 }), [201, 201, 201]);
});
