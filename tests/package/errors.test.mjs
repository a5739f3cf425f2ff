// isTangoError and `instanceof TangoError` from every entry that can throw: true for what the
// package throws (a validation error, an API error through the simulator, an abort), false for
// anything else, and TangoError cannot be constructed.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as main from "tango-orders";
import * as validate from "tango-orders/validate";
import * as csv from "tango-orders/csv";
import * as jsonSchema from "tango-orders/json-schema";
import { createSimulator } from "tango-orders/sim";

const caught = async (call) => {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
};

test("every entry's guard and instanceof know the package's errors, and only those", async () => {
  const sim = createSimulator({ createsPerSecond: 100 });
  const client = new main.TangoClient({ baseUrl: sim.baseUrl, fetch: sim.fetch, platformName: sim.platformName, platformKey: sim.platformKey, maxRetries: 0 });
  const controller = new AbortController();
  controller.abort();
  const thrown = {
    validation: await caught(() => validate.validateCreateOrders("not an array")),
    api: await caught(() => client.getOrder("RA000000-0000-00")),
    aborted: await caught(() => client.listOrders({}, { signal: controller.signal })),
    config: await caught(() => new main.TangoClient({ ordersPerSecond: -1 })),
  };
  assert.equal(thrown.api.kind, "api");
  assert.equal(thrown.api.status, 404);
  assert.equal(thrown.aborted.name, "AbortError");
  for (const entry of [main, validate, csv, jsonSchema]) {
    for (const [kind, error] of Object.entries(thrown)) {
      assert.equal(error.kind, kind);
      assert.equal(entry.isTangoError(error), true, kind);
      assert.ok(error instanceof entry.TangoError, kind);
    }
    for (const other of [new Error("x"), new TypeError("x"), { name: "TangoError", kind: "api", retryable: false },
      Object.assign(new Error("x"), { name: "TangoError", kind: "nonsense", retryable: true }), null, undefined, "TangoError"]) {
      assert.equal(entry.isTangoError(other), false, String(other?.kind ?? other));
      assert.equal(other instanceof entry.TangoError, false);
    }
    assert.throws(() => new entry.TangoError(), TypeError);
  }
});
