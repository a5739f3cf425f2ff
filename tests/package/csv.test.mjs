// validateOrdersCsv and ordersFromCsv through the installed package: from tango-orders/csv and from
// the main entry (which imports the CSV module on first use); the example file's bad rows by line;
// the same issues as validateCreateOrders on 50,000 generated rows; every kind of input; progress,
// yielding to the event loop, and abort.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as main from "tango-orders";
import * as csv from "tango-orders/csv";

const recipients = readFileSync(process.env.TANGO_RECIPIENTS_CSV);
const RECIPIENTS_OPTIONS = {
  columns: { firstName: "recipient.firstName", lastName: "recipient.lastName", email: "recipient.email" },
  defaults: { customerIdentifier: "demo-customer", accountIdentifier: "demo-account", utid: "U000001", deliveryMethod: "EMAIL" },
};
const HEADER = "externalRefID,customerIdentifier,accountIdentifier,utid,amount,deliveryMethod,recipient.firstName,recipient.lastName,recipient.email";

/** A CSV of `count` rows, every tenth with a bad email and every tenth (other) with a zero amount;
 * names with quoted commas and doubled quotes. */
function generated(count) {
  const lines = [HEADER];
  for (let i = 0; i < count; i++) {
    const email = i % 10 === 3 ? `person${i}@` : `person${i}@example.com`;
    const amount = i % 10 === 7 ? "0" : i % 2 ? `"1,0${i % 10}0.50"` : "25.00";
    lines.push(`bulk${i},demo-customer,demo-account,U000001,${amount},EMAIL,"Ada ""A."", ${i}",Lovelace,${email}`);
  }
  return lines.join("\r\n") + "\r\n";
}

const where = (report) => report.issues.map((i) => `${i.line}:${i.column ?? "-"}:${i.path}:${i.code}`);

test("the example file: its bad rows by line, column and code, from both entries", async () => {
  for (const entry of [csv, main]) {
    const report = await entry.validateOrdersCsv(recipients, RECIPIENTS_OPTIONS);
    assert.deepEqual(where(report), [
      "4:email:recipient.email:invalid_format",
      "5:amount:amount:out_of_range",
      "7:firstName:recipient.firstName:invalid_characters",
      "9:amount:amount:invalid_format",
    ]);
    assert.deepEqual(report.issues.map((i) => i.index), [2, 3, 5, 7]);
    assert.deepEqual([report.valid, report.rowCount, report.validCount, report.invalidCount], [false, 9, 5, 4]);
    assert.deepEqual(report.columns[2], { header: "email", path: "recipient.email" });
  }
});

test("50,000 rows from bytes: exactly the issues validateCreateOrders finds on the orders they read as", async () => {
  const bytes = new TextEncoder().encode(generated(50_000));
  let started = performance.now();
  const report = await csv.validateOrdersCsv(bytes);
  const elapsed = performance.now() - started;
  console.log(`# validateOrdersCsv: 50,000 rows (${(bytes.length / 1e6).toFixed(1)} MB, 10,000 invalid) in ${elapsed.toFixed(1)} ms`);
  const orders = await csv.ordersFromCsv(bytes);
  assert.equal(orders.length, 50_000);
  assert.equal(orders[1].amount, 1010.5);
  assert.equal(orders[0].recipient.firstName, 'Ada "A.", 0');
  const bulk = main.validateCreateOrders(orders);
  assert.deepEqual([report.validCount, report.invalidCount], [40_000, 10_000]);
  assert.deepEqual([bulk.validCount, bulk.invalidCount], [40_000, 10_000]);
  assert.equal(report.issues.length, bulk.issues.length);
  report.issues.forEach((issue, n) => {
    const expected = bulk.issues[n];
    assert.deepEqual([issue.index, issue.path, issue.code, issue.message], [expected.index, expected.path, expected.code, expected.message]);
    assert.equal(issue.line, issue.index + 2);
  });
  started = performance.now();
  assert.deepEqual(await main.validateOrdersCsv(bytes), report, "the main entry answers the same");
  console.log(`# the same through the main entry: ${(performance.now() - started).toFixed(1)} ms`);
});

test("a string, a Uint8Array, an ArrayBuffer and a byte order mark read the same", async () => {
  const text = recipients.toString("utf8");
  const expected = await csv.validateOrdersCsv(text, RECIPIENTS_OPTIONS);
  const bytes = new TextEncoder().encode(text);
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  for (const input of [bytes, bytes.buffer, withBom, "\ufeff" + text, text.replaceAll("\n", "\r\n")]) {
    assert.deepEqual(await csv.validateOrdersCsv(input, RECIPIENTS_OPTIONS), expected);
  }
});

test("the file's own problems are issues, never rejections", async () => {
  const report = await csv.validateOrdersCsv(`${HEADER},note\nk1,demo-customer,demo-account,U000001,5,EMAIL,Ada,"Love, lace,ada@example.com,x\n`);
  assert.deepEqual(where(report), ["1:note::invalid_value", "2:-::invalid_format"]);
  assert.match(report.issues[1].message, /never closes/);
  assert.deepEqual(where(await csv.validateOrdersCsv("")), ["1:-::required"]);
  // A file without its header line: one issue, and no cell's value in any message.
  const headless = await csv.validateOrdersCsv(recipients.toString().split("\n").slice(1).join("\n"));
  assert.equal(headless.issues.length, 1);
  assert.doesNotMatch(JSON.stringify(headless), /Lovelace|ada@example/);
});

test("input that is not text or bytes, and options that are not options, reject with a validation TangoError", async () => {
  for (const [input, options] of [[42, undefined], [{}, undefined], [null, undefined], ["a", { columns: { a: "recipient" } }],
    ["a", { defaults: [] }], ["a", { onProgress: 5 }], ["a", { fulfillment: "paper" }], ["a", "options"]]) {
    for (const call of [csv.validateOrdersCsv, csv.ordersFromCsv, main.validateOrdersCsv, main.ordersFromCsv]) {
      const pending = call(input, options);
      assert.ok(pending instanceof Promise);
      await assert.rejects(pending, (e) => e.name === "TangoError" && e.kind === "validation", `${call.name}(${input}, ${JSON.stringify(options)})`);
    }
  }
});

test("progress after each slice, ending at the total; the event loop turns between slices; a throwing callback is ignored", async () => {
  const bytes = new TextEncoder().encode(generated(20_000));
  const seen = [];
  let turns = 0;
  let finished = false;
  const tick = () => { turns++; if (!finished) setImmediate(tick); };
  setImmediate(tick);
  const report = await csv.validateOrdersCsv(bytes, { onProgress: (done, total) => { seen.push([done, total]); throw new Error("a broken progress bar"); } });
  finished = true;
  assert.equal(report.rowCount, 20_000);
  assert.ok(seen.length >= 2, `${seen.length} progress calls`);
  assert.deepEqual(seen.at(-1), [20_000, 20_000]);
  for (let n = 1; n < seen.length; n++) assert.ok(seen[n][0] > seen[n - 1][0]);
  assert.ok(turns >= seen.length - 1, `the event loop turned ${turns} times for ${seen.length} slices`);
});

test("a signal ends the check between slices with an AbortError carrying the reason", async () => {
  const bytes = new TextEncoder().encode(generated(20_000));
  const controller = new AbortController();
  const reason = new Error("the user closed the dialog");
  let progress = 0;
  await assert.rejects(
    csv.validateOrdersCsv(bytes, { signal: controller.signal, onProgress: () => { if (++progress === 1) controller.abort(reason); } }),
    (e) => e.name === "AbortError" && e.kind === "aborted" && e.cause === reason,
  );
  assert.equal(progress, 1, "no slice after the abort");
  await assert.rejects(main.validateOrdersCsv(bytes, { signal: AbortSignal.abort(reason) }), (e) => e.kind === "aborted");
  // The instance is whole afterwards.
  assert.equal((await csv.validateOrdersCsv(recipients, RECIPIENTS_OPTIONS)).invalidCount, 4);
});

test("ordersFromCsv: numbers and yes/no from text, defaults merged, custom fields, indexes as the report's", async () => {
  const text = "recipient.email,amount,sendEmail,customFields.team,recipient.address.country\n\na@example.com,\"1,000\",yes,blue,\n,,,,\nb@example.com,twenty,no,,US\n";
  const orders = await csv.ordersFromCsv(text, { defaults: { utid: "U000001", recipient: { firstName: "Ada" } } });
  assert.deepEqual(orders, [
    { utid: "U000001", recipient: { firstName: "Ada", email: "a@example.com" }, amount: 1000, sendEmail: true, customFields: { team: "blue" } },
    { utid: "U000001", recipient: { firstName: "Ada", email: "b@example.com", address: { country: "US" } }, amount: "twenty", sendEmail: false },
  ]);
  const report = await csv.validateOrdersCsv(text, { defaults: { utid: "U000001" } });
  assert.ok(report.issues.some((i) => i.index === 1 && i.line === 5 && i.path === "amount" && i.code === "invalid_format"));
});

test("tango-orders/csv has validation and the CSV functions, and no client", () => {
  assert.equal(csv.TangoClient, undefined);
  assert.equal(csv.__CsvCheck, undefined);
  assert.equal(typeof csv.validateCreateOrder, "function");
  assert.deepEqual(csv.validateCreateOrder({}, { partial: true }), { valid: true, issues: [] });
});

test("the README's CSV example returns what the README says", async () => {
  const readme = readFileSync(process.env.TANGO_README, "utf8");
  const block = [...readme.matchAll(/```js\n([^]*?)```/g)].map((m) => m[1]).find((code) => code.includes("validateOrdersCsv(file"));
  const lines = block.split("\n").filter((line) => !line.startsWith("import "));
  const at = lines.findIndex((line) => line.trim() === "report.issues;");
  const comment = lines.slice(at + 1).filter((line) => line.startsWith("//")).map((line) => line.slice(2)).join("\n");
  const AsyncFunction = (async () => {}).constructor;
  const run = new AsyncFunction(...Object.keys(main), `${lines.slice(0, at).join("\n")}\nreturn report.issues;`);
  assert.deepEqual(await run(...Object.values(main)), new Function(`return (${comment});`)());
});
