// Validation through the installed package: the shared case table that the Rust tests also run,
// the other validators, the normalizer, and a bulk call on 50,000 generated rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  normalizeCreateOrder,
  validateCreateOrder,
  validateCreateOrders,
  validateLineItemResend,
  validateLineItemReissue,
  validateLineItemFilter,
  validateLineItemUpdate,
  validateOrderFilter,
  validateOrderResend,
} from "tango-orders";
import { apply, table } from "./cases.mjs";

test("every shared case gives exactly its expected issues", () => {
  const nowMs = Date.parse(table.now);
  for (const c of table.cases) {
    const order = apply(table.bases[c.base], c.set);
    const report = validateCreateOrder(order, { ...c.options, nowMs });
    const found = report.issues.map((i) => [i.path, i.code]);
    assert.deepEqual(found, c.expect, c.name);
    assert.equal(report.valid, c.expect.length === 0, c.name);
    for (const issue of report.issues) assert.equal(typeof issue.message, "string");
  }
});

test("validation never changes its input and reads the clock itself", () => {
  const order = apply(table.bases.digital, { "/expirationDate": "2001-01-01T00:00:00Z" });
  const before = JSON.stringify(order);
  const report = validateCreateOrder(order);
  assert.deepEqual(report.issues.map((i) => i.code), ["out_of_range"]);
  assert.equal(JSON.stringify(order), before);
});

test("every valid input gets the one shared, frozen report; an invalid one its own", () => {
  const first = validateCreateOrder(table.bases.digital);
  const second = validateCreateOrder(table.bases.physical, { partial: true });
  assert.deepEqual(first, { valid: true, issues: [] });
  assert.equal(first, second, "valid reports are one shared object");
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.issues), "so no caller can change it for the others");
  assert.throws(() => first.issues.push({}), TypeError);
  assert.equal(validateOrderFilter({}), first, "every validator shares it");
  const bad = validateCreateOrder({});
  const worse = validateCreateOrder({});
  assert.equal(bad.valid, false);
  assert.notEqual(bad, worse);
  assert.ok(!Object.isFrozen(bad), "a report with issues is the caller's own");
  // A future expiration date still reads the clock (only asked when there is a date).
  const future = apply(table.bases.digital, { "/expirationDate": "2999-01-01T00:00:00Z" });
  assert.equal(validateCreateOrder(future).valid, true);
});

test("input JSON cannot hold is a one-issue report, not a crash", () => {
  const cyclic = { utid: "U1" };
  cyclic.self = cyclic;
  for (const input of [cyclic, { amount: 10n }, { get utid() { throw new Error("boom"); } }]) {
    const report = validateCreateOrder(input);
    assert.equal(report.valid, false);
    assert.deepEqual(report.issues.map((i) => [i.path, i.code]), [["", "invalid_format"]]);
  }
  assert.deepEqual(validateCreateOrder(undefined).issues.map((i) => i.path), [""]);
  assert.throws(() => validateCreateOrder({}, { partial: "yes" }), (e) => e.kind === "validation");
  assert.equal(validateCreateOrder(table.bases.digital).valid, true);
});

test("filters, resends and line item resends", () => {
  assert.equal(validateOrderFilter({ orderStatus: "COMPLETE", startDate: "2026-01-01" }).valid, true);
  assert.equal(validateOrderFilter(undefined).valid, true);
  assert.deepEqual(
    validateOrderFilter({ orderStatus: "COMPLETED", minAmount: 5, maxAmount: 1 }).issues.map((i) => [i.path, i.code]),
    [["maxAmount", "out_of_range"], ["orderStatus", "invalid_value"]],
  );
  assert.equal(validateOrderResend().valid, true);
  assert.deepEqual(validateOrderResend({ newDeliveryMethod: "PHONE" }).issues.map((i) => [i.path, i.code]), [["newMobile", "required"]]);
  assert.deepEqual(
    validateLineItemResend({ reasonCode: "OTHER", newEmail: "x@" }).issues.map((i) => [i.path, i.code]),
    [["newEmail", "invalid_format"], ["otherReason", "required"]],
  );
});

test("line item filters: enums, lengths, E.164, sort columns, and a date-only end as the whole day", () => {
  assert.equal(validateLineItemFilter({ status: "COMPLETE", columnSortName: "dateIssued", elementsPerBlock: 10 }).valid, true);
  assert.deepEqual(
    validateLineItemFilter({ externalRefID: "x".repeat(101), status: "PARTIAL", recipientMobileNumber: "555",
      columnSortName: "amount", startDate: "2026-03-04T12:00:00Z", endDate: "2026-03-03" }).issues.map((i) => [i.path, i.code]),
    [["externalRefID", "too_long"], ["recipientMobileNumber", "invalid_format"], ["status", "invalid_value"],
      ["columnSortName", "invalid_value"], ["endDate", "out_of_range"]],
  );
  assert.equal(validateLineItemFilter({ startDate: "2026-03-04T12:00:00Z", endDate: "2026-03-04" }).valid, true);
  assert.equal(validateOrderFilter({ startDate: "2026-03-04T12:00:00Z", endDate: "2026-03-04" }).valid, true);
  assert.deepEqual(validateOrderFilter({ lineItemStatus: "CANCELED" }).issues.map((i) => i.code), ["invalid_value"]);
});

test("NaN, ±Infinity and broken strings get their true codes, not 'required' or 'cannot be read'", () => {
  const base = { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
    deliveryMethod: "EMAIL", recipient: { firstName: "Ada", email: "ada@example.com" } };
  const issues = (report) => report.issues.map((i) => [i.path, i.code, i.message]);
  assert.deepEqual(issues(validateCreateOrder({ ...base, amount: NaN })),
    [["amount", "invalid_format", "Amount must be a number, not NaN."]]);
  for (const amount of [Infinity, -Infinity]) {
    assert.deepEqual(issues(validateCreateOrder({ ...base, amount })), [["amount", "out_of_range", "Amount must be a finite number."]]);
  }
  assert.deepEqual(issues(validateCreateOrder({ ...base, amount: 1e308 })), [["amount", "out_of_range", "Amount is too large."]]);
  const broken = validateCreateOrder({ ...base, amount: 5, recipient: { firstName: "Ada\ud800", email: "ada@example.com" } });
  assert.deepEqual(broken.issues.map((i) => [i.path, i.code]), [["recipient.firstName", "invalid_characters"]]);
  // A null the caller wrote is still just missing; a NaN page is not silently dropped.
  assert.deepEqual(validateCreateOrder({ ...base, amount: null }).issues.map((i) => i.code), ["required"]);
  assert.deepEqual(validateOrderFilter({ page: NaN }).issues.map((i) => [i.path, i.code]), [["page", "invalid_format"]]);
  const bulk = validateCreateOrders([{ ...base, amount: 5 }, { ...base, amount: Infinity }]);
  assert.deepEqual(bulk.issues.map((i) => [i.index, i.path, i.code]), [[1, "amount", "out_of_range"]]);
});

test("line item reissues and updates", () => {
  assert.equal(validateLineItemReissue({ reasonCode: "RECIPIENT", recipient: { email: "ada@example.com" } }).valid, true);
  assert.deepEqual(
    validateLineItemReissue({ reasonCode: "OTHER", amount: 0, deliveryMethod: "PHONE",
      recipient: { firstName: "A<b", mobileNumber: "+442071234567" }, notes: "n".repeat(151) })
      .issues.map((i) => [i.path, i.code]),
    [["otherReason", "required"], ["amount", "out_of_range"], ["recipient.firstName", "invalid_characters"],
      ["recipient.mobileNumber", "unsupported"], ["notes", "too_long"]],
  );
  assert.deepEqual(validateLineItemReissue({}).issues.map((i) => [i.path, i.code]), [["reasonCode", "required"]]);
  assert.equal(validateLineItemUpdate({ campaign: "Spring 2026", orderNotes: "ok" }).valid, true);
  assert.deepEqual(validateLineItemUpdate({ campaign: "Spring-2026", purchaseOrderNumber: "p".repeat(101) })
    .issues.map((i) => [i.path, i.code]), [["purchaseOrderNumber", "too_long"], ["campaign", "invalid_characters"]]);
});

test("normalizeCreateOrder trims and upper-cases where safe", () => {
  const normal = normalizeCreateOrder({
    deliveryMethod: "address ",
    recipient: { firstName: " Ada", address: { country: "us", stateOrProvince: "il", postalCode: " 62701 " } },
    extra: { kept: true },
  });
  assert.deepEqual(normal, {
    deliveryMethod: "ADDRESS",
    recipient: { firstName: "Ada", address: { country: "US", stateOrProvince: "IL", postalCode: "62701" } },
    extra: { kept: true },
  });
  // Members keep the order they were given in (a copy, not a re-sorted one).
  assert.deepEqual(Object.keys(normal), ["deliveryMethod", "recipient", "extra"]);
  assert.deepEqual(Object.keys(normalizeCreateOrder({ z: 1, a: 2.5, m: " x " })), ["z", "a", "m"]);
  assert.deepEqual(normalizeCreateOrder({ n: [0.1, 1e21, 123.45, 2 ** 53 + 2] }), { n: [0.1, 1e21, 123.45, 2 ** 53 + 2] });
});

test("bulk: 50,000 generated rows, every invalid row reported at its index", () => {
  const rows = [];
  const invalid = new Map(); // index → expected path
  for (let i = 0; i < 50_000; i++) {
    const row = {
      customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001",
      amount: 10 + (i % 100), deliveryMethod: "EMAIL", externalRefID: `bulk${i}`,
      recipient: { firstName: `Person${i}`, email: `person${i}@example.com` },
    };
    if (i % 10 === 3) { row.recipient.email = `person${i}@`; invalid.set(i, "recipient.email"); }
    if (i % 10 === 7) { row.amount = 0; invalid.set(i, "amount"); }
    rows.push(row);
  }
  const started = performance.now();
  const report = validateCreateOrders(rows);
  const elapsed = performance.now() - started;
  console.log(`# validateCreateOrders: 50,000 rows (10,000 invalid) in ${elapsed.toFixed(1)} ms`);
  assert.equal(report.validCount, 40_000);
  assert.equal(report.invalidCount, 10_000);
  assert.equal(report.issues.length, 10_000);
  for (const issue of report.issues) assert.equal(issue.path, invalid.get(issue.index), `row ${issue.index}`);
  assert.deepEqual(new Set(report.issues.map((i) => i.index)), new Set(invalid.keys()));
  assert.throws(() => validateCreateOrders(new Array(50_001).fill({})), (e) => e.kind === "validation");
  assert.throws(() => validateCreateOrders({}), (e) => e.kind === "validation");
});

test("tango-orders/validate: the same rules, the same answers, and no client", async () => {
  const lean = await import("tango-orders/validate");
  assert.equal(lean.TangoClient, undefined);
  assert.equal(lean.parseOrder, undefined);
  const nowMs = Date.parse(table.now);
  for (const c of table.cases) {
    const order = apply(table.bases[c.base], c.set ?? {});
    const options = { ...c.options, nowMs };
    assert.deepEqual(lean.validateCreateOrder(order, options), validateCreateOrder(order, options), c.name);
  }
  const rows = [table.bases.digital, { ...table.bases.digital, amount: -1 }];
  assert.deepEqual(lean.validateCreateOrders(rows), validateCreateOrders(rows));
  assert.deepEqual(lean.validateOrderFilter({ page: -1 }), validateOrderFilter({ page: -1 }));
  assert.deepEqual(lean.normalizeCreateOrder({ utid: " U1 " }), normalizeCreateOrder({ utid: " U1 " }));
  // Its errors are the main entry's, message and fields alike (this build words them on its own).
  const errorOf = (call) => {
    try { call(); } catch (error) { return { name: error.name, message: error.message, ...error }; }
    assert.fail("did not throw");
  };
  const main = { validateCreateOrders, validateCreateOrder, normalizeCreateOrder };
  for (const call of [
    (entry) => entry.validateCreateOrders({}),
    (entry) => entry.validateCreateOrders(new Array(50_001).fill({})),
    (entry) => entry.validateCreateOrder({}, { partial: "yes" }),
    (entry) => entry.normalizeCreateOrder({ amount: NaN }),
    (entry) => entry.normalizeCreateOrder({ amount: NaN, recipient: { email: "\ud800" }, utid: Infinity }),
  ]) {
    const error = errorOf(() => call(lean));
    assert.deepEqual(error, errorOf(() => call(main)), call.toString());
    assert.ok(error.kind === "validation" && error.issues.length > 0 && error.retryable === false, call.toString());
  }
  assert.match(errorOf(() => lean.normalizeCreateOrder({ a: NaN, b: NaN, c: NaN })).message, /\(and 2 more problems\)$/);
  // Options are read by hand in this build: a wrong type is still a TangoError naming the option.
  assert.throws(() => lean.validateCreateOrder({}, { partial: "yes" }),
    (e) => e.name === "TangoError" && e.kind === "validation" && e.message.includes("partial"));
});
