// The Standard Schema objects from the installed package (tango-orders, tango-orders/validate and
// tango-orders/csv): the same issues as the validators on the shared cases, an answer and never an
// exception for hostile input, with(); and unknown fields in the validators, the schemas and the
// client, with extraFields for a field this release does not know.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as main from "tango-orders";
import * as validateEntry from "tango-orders/validate";
import * as csvEntry from "tango-orders/csv";
import { createSimulator } from "tango-orders/sim";
import { apply, table } from "./cases.mjs";

const {
  createOrderSchema, orderFilterSchema, lineItemFilterSchema, orderResendSchema, lineItemResendSchema,
  lineItemReissueSchema, lineItemUpdateSchema, normalizeCreateOrder, validateCreateOrder, validateOrderFilter,
  validateLineItemFilter, validateOrderResend, validateLineItemResend, validateLineItemReissue,
  validateLineItemUpdate, TangoClient,
} = main;

const NAMES = ["createOrderSchema", "orderFilterSchema", "lineItemFilterSchema", "orderResendSchema",
  "lineItemResendSchema", "lineItemReissueSchema", "lineItemUpdateSchema"];

/** A validator's issues as a schema gives them: the path as segments. */
function asStandard(issues) {
  return issues.map(({ path, code, message }) => ({
    message,
    path: path === "" ? [] : path.split(".").flatMap((part) => {
      const [name, ...indexes] = part.split("[");
      return [...(name ? [name] : []), ...indexes.map((index) => Number(index.slice(0, -1)))];
    }),
    code,
  }));
}

const run = (schema, value) => schema["~standard"].validate(value);

test("every entry with validators exports the seven schemas, as Standard Schema V1", () => {
  for (const [entry, module] of [["tango-orders", main], ["tango-orders/validate", validateEntry], ["tango-orders/csv", csvEntry]]) {
    for (const name of NAMES) {
      const schema = module[name];
      assert.equal(schema["~standard"].version, 1, `${entry} ${name}`);
      assert.equal(schema["~standard"].vendor, "tango-orders");
      assert.equal(typeof schema["~standard"].validate, "function");
      assert.equal(typeof schema.with, "function");
      assert.ok(Object.isFrozen(schema) && Object.isFrozen(schema["~standard"]), "no caller can change it for the others");
    }
    assert.deepEqual(run(module.createOrderSchema, {}).issues, run(createOrderSchema, {}).issues, entry);
  }
});

test("on every shared case a schema gives the validator's issues, or the normalized order", () => {
  const nowMs = Date.parse(table.now);
  for (const c of table.cases) {
    const order = apply(table.bases[c.base], c.set);
    const schema = createOrderSchema.with({ ...c.options, nowMs });
    const answer = run(schema, order);
    const report = validateCreateOrder(order, { ...c.options, nowMs });
    if (report.valid) {
      assert.deepEqual(answer, { value: normalizeCreateOrder(order) }, c.name);
      assert.equal(answer.issues, undefined, c.name);
    } else {
      assert.deepEqual(answer.issues, asStandard(report.issues), c.name);
      assert.equal("value" in answer, false, c.name);
    }
  }
});

test("a create's value is normalized; the other schemas give their input back", () => {
  // Valid as typed (a UK postcode in lower case), cleaned by the normalizer.
  const order = { ...table.bases.physical, recipient: { ...table.bases.physical.recipient,
    address: { ...table.bases.physical.recipient.address, country: "GB", stateOrProvince: "London", postalCode: "sw1a1aa" } } };
  const { value } = run(createOrderSchema, order);
  assert.deepEqual(value, normalizeCreateOrder(order));
  assert.equal(value.recipient.address.postalCode, "SW1A1AA");
  assert.equal(order.recipient.address.postalCode, "sw1a1aa", "the input is not changed");
  const clean = table.bases.digital;
  assert.equal(run(createOrderSchema, clean).value, clean, "nothing to change: the input itself");
  const filter = { status: "COMPLETE" };
  assert.equal(run(orderFilterSchema, filter).value, filter);
});

test("every other schema gives its validator's issues", () => {
  const pairs = [
    [orderFilterSchema, validateOrderFilter, { orderStatuss: "COMPLETE", elementsPerBlock: 0 }],
    [lineItemFilterSchema, validateLineItemFilter, { lineItemStatus: "COMPLETED", pageKeys: ["a", 3] }],
    [orderResendSchema, validateOrderResend, { newDeliveryMethod: "PHONE" }],
    [lineItemResendSchema, validateLineItemResend, { newEmail: "nope", reasonCode: "X" }],
    [lineItemReissueSchema, validateLineItemReissue, { amount: -1 }],
    [lineItemUpdateSchema, validateLineItemUpdate, { campaign: "a/b", notes: "x" }],
  ];
  for (const [schema, validator, input] of pairs) {
    const issues = run(schema, input).issues;
    assert.ok(issues.length > 0, JSON.stringify(input));
    assert.deepEqual(issues, asStandard(validator(input).issues), JSON.stringify(input));
  }
  const listed = run(lineItemFilterSchema, { pageKeys: ["a", 3] }).issues;
  assert.deepEqual(listed.map((i) => i.path), [["pageKeys"]]);
});

test("validate answers whatever it is given and never throws", () => {
  const cycle = { amount: 1 };
  cycle.self = cycle;
  const throwing = { get amount() { throw new Error("getter"); } };
  const trap = new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } });
  let deep = {};
  for (let i = 0; i < 5000; i++) deep = { recipient: deep };
  const inputs = [null, undefined, "order", 42, true, Symbol("s"), () => 1, 10n, [], [1, 2], cycle, throwing, trap,
    deep, { amount: NaN }, { amount: 10n }, { recipient: "\ud800" }, Object.create(null), new Date(0), new Map()];
  for (const schema of NAMES.map((name) => main[name])) {
    for (const input of inputs) {
      let answer;
      assert.doesNotThrow(() => { answer = run(schema, input); }, String(typeof input));
      assert.equal(typeof answer, "object");
      if (answer.issues) {
        assert.ok(Array.isArray(answer.issues) && answer.issues.length > 0);
        for (const issue of answer.issues) {
          assert.equal(typeof issue.message, "string");
          assert.ok(Array.isArray(issue.path));
          assert.equal(typeof issue.code, "string");
        }
      } else {
        assert.ok("value" in answer);
      }
    }
  }
  assert.deepEqual(run(createOrderSchema, null).issues,
    [{ message: "The request must be an object.", path: [], code: "invalid_format" }]);
  // Nothing personal in a message: the value never is.
  const secret = "ada-secret@example";
  const issues = run(createOrderSchema, { recipient: { email: secret } }).issues;
  assert.ok(!JSON.stringify(issues).includes(secret));
});

test("with(): catalog, fulfillment, clock, partial, wording and extra fields", () => {
  const catalog = [{ utid: "U000001", rewardType: "gift card", valueType: "VARIABLE_VALUE", minValue: 5, maxValue: 100 }];
  const big = { ...table.bases.digital, amount: 500 };
  assert.equal(run(createOrderSchema, big).issues, undefined, "without the catalog, no range");
  const ranged = createOrderSchema.with({ catalog });
  assert.deepEqual(run(ranged, big).issues.map((i) => [i.path, i.code]), [[["amount"], "out_of_range"]]);
  const physical = createOrderSchema.with({ fulfillment: "physical" });
  assert.ok(run(physical, table.bases.digital).issues.some((i) => i.path.join(".") === "recipient.address"));
  const order = { ...table.bases.digital, expirationDate: "2030-01-01T00:00:00Z" };
  assert.ok(run(createOrderSchema, order).value, "in the future by the real clock");
  const later = createOrderSchema.with({ now: () => new Date("2031-01-01T00:00:00Z") });
  assert.deepEqual(run(later, order).issues.map((i) => i.code), ["out_of_range"]);
  assert.ok(run(later.with({ now: () => Date.parse("2029-01-01T00:00:00Z") }), order).value, "read at each validation");
  const partial = createOrderSchema.with({ partial: true });
  assert.deepEqual(run(partial, { amount: "" }), { value: { amount: "" } });

  const words = { required: "Obligatoire", unknown_field: "Champ inconnu" };
  const french = createOrderSchema.with({ message: (issue) => words[issue.code] });
  const issues = run(french, { amount: 5, notez: "x" }).issues;
  assert.equal(issues.find((i) => i.code === "required").message, "Obligatoire");
  assert.equal(issues.find((i) => i.code === "unknown_field").message, "Champ inconnu");
  assert.equal(issues.find((i) => i.code === "out_of_range"), undefined);
  const seen = [];
  const throwing = createOrderSchema.with({ message: (issue) => { seen.push(issue); throw new Error("no"); } });
  const kept = run(throwing, {}).issues;
  assert.deepEqual(kept, run(createOrderSchema, {}).issues, "a throwing wording keeps the English");
  assert.deepEqual(Object.keys(seen[0]).sort(), ["code", "message", "path"]);
  const stacked = french.with({ partial: true });
  assert.deepEqual(run(stacked, { notez: 1 }).issues.map((i) => i.message), ["Champ inconnu"], "settings add up");

  const extra = createOrderSchema.with({ extraFields: ["loyaltyTier", "recipient.pronouns"] });
  const withExtra = { ...table.bases.digital, loyaltyTier: "gold", recipient: { ...table.bases.digital.recipient, pronouns: "she" } };
  assert.ok(run(extra, withExtra).value);
  assert.deepEqual(run(createOrderSchema, withExtra).issues.map((i) => i.path.join(".")).sort(), ["loyaltyTier", "recipient.pronouns"]);

  for (const bad of [null, 3, "x"]) assert.throws(() => createOrderSchema.with(bad), TypeError);
  assert.throws(() => createOrderSchema.with({ message: "x" }), TypeError);
  assert.throws(() => createOrderSchema.with({ now: 5 }), TypeError);
  assert.throws(() => createOrderSchema.with({ fulfillment: "paper" }), (error) => error.kind === "validation");
  assert.throws(() => createOrderSchema.with({ partial: 1 }), (error) => error.kind === "validation");
  assert.ok(createOrderSchema.with({ fields: ["amount", undefined, null] }));
});

test("what a form meets: holes in fields, an empty amount, unknown names", () => {
  // The README's recipe adds event.target.dataset.path, undefined for a button.
  const report = validateCreateOrder({ amount: 0 }, { fields: ["amount", undefined] });
  assert.deepEqual(report.issues.map((i) => [i.path, i.code]), [["amount", "out_of_range"]]);
  assert.equal(validateCreateOrder({ amount: "" }, { partial: true }).valid, true);
  assert.deepEqual(validateCreateOrder(null).issues.map((i) => i.message), ["The request must be an object."]);
  const cases = [
    [validateCreateOrder({ ...table.bases.digital, notez: "x" }), "notez", "notes"],
    [validateCreateOrder({ ...table.bases.digital, recipient: { ...table.bases.digital.recipient, emial: "a" } }), "recipient.emial", "recipient.email"],
    [validateOrderFilter({ orderStatuss: "COMPLETE" }), "orderStatuss", "orderStatus"],
    [validateLineItemFilter({ lineItemStatus: "COMPLETED" }), "lineItemStatus", "status"],
    [validateCreateOrder(table.bases.digital, { fields: ["recipent.email"] }), "recipent.email", "recipient.email"],
  ];
  for (const [report, path, meant] of cases) {
    const issue = report.issues.find((i) => i.code === "unknown_field");
    assert.equal(issue?.path, path);
    assert.ok(issue.message.endsWith(`did you mean \`${meant}\`?`), issue.message);
  }
});

test("the client refuses unknown fields before sending, and sends extraFields", async () => {
  const sim = createSimulator({ virtualClock: false });
  const requests = [];
  const fetch = async (input, init) => { const response = await sim.fetch(input, init); requests.push(response.status); return response; };
  const options = { baseUrl: sim.baseUrl, platformName: sim.platformName, platformKey: "demo-key", fetch };
  const order = { ...table.bases.digital, loyaltyTier: "gold" };
  const strict = new TangoClient(options);
  const refused = await strict.createOrder(order).then(() => assert.fail("placed"), (error) => error);
  assert.equal(refused.kind, "validation");
  assert.equal(refused.mayHaveBeenPlaced, false);
  assert.match(refused.externalRefID, /^[A-Za-z0-9]{32}$/);
  assert.deepEqual(refused.issues.map((i) => [i.path, i.code]), [["loyaltyTier", "unknown_field"]]);
  const filter = await strict.listOrders({ orderStatuss: "COMPLETE" }).then(() => assert.fail("listed"), (error) => error);
  assert.equal(filter.issues[0].code, "unknown_field");
  assert.equal(requests.length, 0, "nothing was sent");

  const perCall = await strict.createOrder(order, { extraFields: ["loyaltyTier"] });
  assert.equal(perCall.created, true);
  const perClient = new TangoClient({ ...options, extraFields: ["loyaltyTier"] });
  assert.equal((await perClient.createOrder({ ...order })).created, true);
  // Two clients each keep 1 create per second for themselves: the second may meet a 429 first.
  assert.deepEqual(requests.filter((status) => status !== 429), [201, 201]);
  assert.throws(() => new TangoClient({ ...options, extraFields: "loyaltyTier" }), (error) => error.kind === "config");
  assert.throws(() => new TangoClient({ ...options, extraFields: [1] }), (error) => error.kind === "config");
});
