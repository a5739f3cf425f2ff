// Before timing anything: each baseline must give the same (path, code) issues as tango-orders on
// every case of the shared table.
import { readFileSync } from "node:fs";
import { validateCreateOrder } from "tango-orders";
import * as zod from "./baseline/validator.mjs";
import * as plain from "./baseline/plain.mjs";
import * as ajv from "./baseline/ajv.mjs";

/** The baselines, by name: each with validateOrder(order, { now }) and validateOrders(rows). */
export const BASELINES = { "plain JS": plain, ajv, zod };

export function checkAgreement(validateOrder = zod.validateOrder) {
  const table = JSON.parse(readFileSync(new URL("../tests/fixtures/validation-cases.json", import.meta.url), "utf8"));
  const now = Date.parse(table.now);
  const apply = (order, set) => {
    const copy = structuredClone(order);
    for (const [pointer, value] of Object.entries(set)) {
      const keys = pointer.split("/").slice(1);
      const last = keys.pop();
      const parent = keys.reduce((o, k) => o[k], copy);
      if (value === null) delete parent[last]; else parent[last] = value === "NULL" ? null : value;
    }
    return copy;
  };
  const key = (issues) => issues.map((i) => `${i.path}:${i.code}`).sort().join(",");
  const disagreements = [];
  let compared = 0;
  for (const c of table.cases) {
    if (c.options) continue; // partial/fields modes are tango-orders features the baseline does not have
    const order = apply(table.bases[c.base], c.set);
    const ours = key(validateCreateOrder(order, { nowMs: now }).issues);
    const theirs = key(validateOrder(order, { now }));
    compared += 1;
    if (ours !== theirs) disagreements.push(`${c.name}: ours ${ours} / baseline ${theirs}`);
  }
  return { compared, disagreements };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false;
  for (const [name, baseline] of Object.entries(BASELINES)) {
    const { compared, disagreements } = checkAgreement(baseline.validateOrder);
    console.log(`${name}: ${compared} cases compared, ${disagreements.length} disagreements`);
    disagreements.forEach((d) => console.log("  " + d));
    failed ||= disagreements.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
