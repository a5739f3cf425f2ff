// The installed package, imported by name from Node ESM, used as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tango from "tango-orders";

test("the entry exports the helpers and parsers", () => {
  for (const name of ["orderSource", "deriveOrderStatus", "isOrderStatusFinal", "isLineItemStatusFinal",
    "canResendOrder", "parseOrder", "parseOrderListPage", "parseLineItem", "parseLineItemListPage",
    "parseOrderResendResult", "parseLineItemResendResult", "parseApiErrorBody"]) {
    assert.equal(typeof tango[name], "function", name);
  }
});

test("helpers", () => {
  assert.equal(tango.orderSource("RA230918-1234-56"), "RA");
  assert.equal(tango.orderSource("x"), undefined);
  assert.equal(tango.deriveOrderStatus(["COMPLETE", "CANCELED"]), "PARTIAL");
  assert.equal(tango.deriveOrderStatus(["COMPLETE", "COMPLETE"]), "COMPLETE");
  assert.equal(tango.isOrderStatusFinal("COMPLETE"), true);
  assert.equal(tango.isLineItemStatusFinal("PENDING"), false);
});

test("a documented order decodes with its credential list, and unknown values survive", () => {
  const order = tango.parseOrder(JSON.stringify({
    referenceOrderID: "RA260101-0001-01", status: "SOMETHING_NEW", deliveryMethod: "EMAIL",
    reward: { credentialList: [{ label: "Code", value: "331XHT75", type: "text", credentialType: "rewardSecurityCode" }] },
  }));
  assert.equal(order.status, "SOMETHING_NEW");
  assert.deepEqual(order.reward.credentialList[0], {
    label: "Code", value: "331XHT75", type: "text", credentialType: "rewardSecurityCode",
  });
  assert.equal(tango.canResendOrder(order), true);
});

test("errors are TangoErrors with a kind, never a crashed instance", () => {
  assert.throws(() => tango.parseOrder("{"), (e) => e instanceof Error && e.name === "TangoError" && e.kind === "decode");
  assert.throws(() => tango.deriveOrderStatus([1]), (e) => e.kind === "validation" && e.issues[0].path === "[0]");
  assert.throws(() => tango.canResendOrder(undefined), (e) => e.kind === "validation");
  // The instance still works after the errors.
  assert.equal(tango.orderSource("BE1"), "BE");
});
