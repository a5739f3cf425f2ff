// tango-orders/json-schema from the installed package: every schema is also a Standard JSON Schema
// (draft 2020-12, draft-07, OpenAPI 3.0), and the JSON Schemas never refuse what the validators
// accept (checked with ajv on the shared cases), while still carrying Tango's rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as jsonEntry from "tango-orders/json-schema";
import {
  createOrderSchema as plainCreateOrderSchema, validateCreateOrder, validateLineItemFilter, validateLineItemReissue,
  validateLineItemResend, validateLineItemUpdate, validateOrderFilter, validateOrderResend,
} from "tango-orders/validate";
import { apply, table } from "./cases.mjs";

const require = createRequire(import.meta.url);
const Ajv = require("ajv").default; // the repository's dev tools, via NODE_PATH
const Ajv2020 = require("ajv/dist/2020").default;
const TARGETS = ["draft-2020-12", "draft-07", "openapi-3.0"];
const NAMES = ["createOrderSchema", "orderFilterSchema", "lineItemFilterSchema", "orderResendSchema",
  "lineItemResendSchema", "lineItemReissueSchema", "lineItemUpdateSchema"];

/** ajv validators of a schema's JSON Schema, for the two JSON Schema drafts. */
function compiled(schema) {
  const convert = schema["~standard"].jsonSchema.input;
  return {
    "draft-2020-12": new Ajv2020({ strict: false, allErrors: true }).compile(convert({ target: "draft-2020-12" })),
    "draft-07": new Ajv({ strict: false, allErrors: true }).compile(convert({ target: "draft-07" })),
  };
}

test("every schema of tango-orders/json-schema is both Standard Schema and Standard JSON Schema", () => {
  for (const name of NAMES) {
    const schema = jsonEntry[name];
    const standard = schema["~standard"];
    assert.equal(standard.version, 1);
    assert.equal(typeof standard.validate, "function");
    for (const target of TARGETS) {
      const input = standard.jsonSchema.input({ target });
      assert.equal(input.type, "object", `${name} ${target}`);
      assert.ok(Object.keys(input.properties).length > 0);
      assert.deepEqual(standard.jsonSchema.output({ target }), input);
      input.properties = {};
      assert.notDeepEqual(standard.jsonSchema.input({ target }).properties, {}, "each call is a new copy");
    }
    assert.throws(() => standard.jsonSchema.input({ target: "draft-04" }), TypeError);
  }
  assert.equal(plainCreateOrderSchema["~standard"].jsonSchema, undefined, "the other entries carry no JSON Schema data");
  assert.deepEqual(jsonEntry.createOrderSchema["~standard"].validate({}), plainCreateOrderSchema["~standard"].validate({}));
});

test("the create's JSON Schema accepts every order the validator accepts, and carries Tango's rules", () => {
  const ajv = compiled(jsonEntry.createOrderSchema);
  const nowMs = Date.parse(table.now);
  let refusedByBoth = 0;
  for (const c of table.cases) {
    if (c.options?.fulfillment || c.options?.catalog) continue; // settings no JSON Schema has
    const order = apply(table.bases[c.base], c.set);
    const valid = validateCreateOrder(order, { nowMs }).valid;
    for (const [target, check] of Object.entries(ajv)) {
      const accepted = check(order);
      if (valid) assert.ok(accepted, `${c.name} (${target}): valid, but the JSON Schema refuses it: ${JSON.stringify(check.errors)}`);
      if (!valid && !accepted && target === "draft-07") refusedByBoth++;
    }
  }
  assert.ok(refusedByBoth >= 20, `the JSON Schema refuses only ${refusedByBoth} of the invalid cases`);
  const refuses = (order) => !ajv["draft-2020-12"](order) && !ajv["draft-07"](order);
  const digital = table.bases.digital;
  assert.ok(refuses({ ...digital, notez: "x" }), "a member the request does not have");
  assert.ok(refuses({ ...digital, amount: 0 }), "an amount of 0");
  assert.ok(refuses({ ...digital, deliveryMethod: "QRCODE" }), "a method API orders cannot ask for");
  assert.ok(refuses({ ...digital, externalRefID: "has-hyphens" }));
  assert.ok(refuses({ ...digital, customerIdentifier: "abc" }));
  const { utid: _utid, ...noUtid } = digital;
  assert.ok(refuses(noUtid), "a required member missing");
});

test("the other requests' JSON Schemas agree with their validators", () => {
  const cases = [
    ["orderFilterSchema", validateOrderFilter, [{}, { status: "COMPLETE", page: 0, elementsPerBlock: 100, minAmount: 5, currencyCode: "USD", deliveryMethod: "" }],
      [{ orderStatuss: "COMPLETE" }, { page: -1 }, { currencyCode: "XYZ" }, { lineItemStatus: "" }]],
    ["lineItemFilterSchema", validateLineItemFilter, [{ status: "PENDING", columnSortName: "dateIssued", pageKeys: ["a", "b"], emailStatus: "" }],
      [{ lineItemStatus: "COMPLETE" }, { status: "COMPLETED" }, { pageKeys: ["", "b"] }]],
    ["orderResendSchema", validateOrderResend, [{}, { newDeliveryMethod: "EMAIL", newEmail: "ada@example.com" }],
      [{ newMobileNumber: "+15555550100" }, { newDeliveryMethod: "ADDRESS" }]],
    ["lineItemResendSchema", validateLineItemResend, [{ newMobileNumber: "+12025550123", newDeliveryMethod: "WHATSAPP" }],
      [{ newMobile: "+12025550123" }]],
    ["lineItemReissueSchema", validateLineItemReissue, [{ reasonCode: "OTHER", otherReason: "lost", amount: 10, recipient: { firstName: "Ada" } }],
      [{ amount: 10 }, { reasonCode: "OTHER", otherReason: "x", amount: -1 }]],
    ["lineItemUpdateSchema", validateLineItemUpdate, [{ campaign: "Spring 2026", orderNotes: "x" }],
      [{ campaign: "a/b" }, { notes: "x" }]],
  ];
  for (const [name, validator, valid, invalid] of cases) {
    const ajv = compiled(jsonEntry[name]);
    for (const input of valid) {
      assert.ok(validator(input).valid, `${name}: ${JSON.stringify(input)} is valid`);
      for (const [target, check] of Object.entries(ajv)) assert.ok(check(input), `${name} (${target}) refuses ${JSON.stringify(input)}`);
    }
    for (const input of invalid) {
      assert.equal(validator(input).valid, false, `${name}: ${JSON.stringify(input)} is invalid`);
      for (const [target, check] of Object.entries(ajv)) assert.equal(check(input), false, `${name} (${target}) accepts ${JSON.stringify(input)}`);
    }
  }
});

test("the OpenAPI 3.0 target is OpenAPI's dialect, and with() settings show in the JSON Schema", () => {
  const openapi = jsonEntry.createOrderSchema["~standard"].jsonSchema.input({ target: "openapi-3.0" });
  assert.equal(openapi.$schema, undefined, "no $schema inside an OpenAPI document");
  const types = [];
  (function walk(schema) {
    if (schema && typeof schema === "object") { if ("type" in schema) types.push(schema.type); Object.values(schema).forEach(walk); }
  })(openapi);
  assert.ok(types.every((type) => typeof type === "string"), "OpenAPI 3.0 has no type arrays");
  assert.equal(openapi.properties.amount.nullable, true);
  assert.equal(openapi.properties.amount.exclusiveMinimum, true);
  assert.equal(openapi.properties.amount.minimum, 0);
  assert.match(openapi.description, /POST \/orders/);
  assert.match(openapi.properties.notes.description, /150/, "the models' doc comments are the descriptions");

  const extended = jsonEntry.createOrderSchema.with({ extraFields: ["loyaltyTier", "recipient.pronouns"], partial: true });
  const schema = extended["~standard"].jsonSchema.input({ target: "draft-2020-12" });
  assert.deepEqual(schema.properties.loyaltyTier, {});
  assert.deepEqual(schema.properties.recipient.properties.pronouns, {});
  assert.equal(schema.required, undefined, "nothing is required of a form being filled in");
  const check = new Ajv2020({ strict: false }).compile(schema);
  assert.ok(check({ amount: 5, loyaltyTier: "gold" }));
  assert.equal(extended["~standard"].validate({ amount: 5, loyaltyTier: "gold" }).issues, undefined);
});
