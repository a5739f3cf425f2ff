// The shared validation cases (tests/fixtures/validation-cases.json, also run natively by
// tests/validation_cases.rs), for the package tests that check validators and schemas on them.
import { readFileSync } from "node:fs";

/** The table: its bases, its cases and the time they are checked at. */
export const table = JSON.parse(readFileSync(process.env.TANGO_VALIDATION_CASES, "utf8"));

/** A copy of `order` with a case's `set` applied: JSON pointers to values; null removes the
 * member, the string "NULL" sets JSON null. */
export function apply(order, set) {
  const copy = structuredClone(order);
  for (const [pointer, value] of Object.entries(set)) {
    const keys = pointer.split("/").slice(1);
    const last = keys.pop();
    const parent = keys.reduce((o, k) => o[k], copy);
    if (value === null) delete parent[last];
    else parent[last] = value === "NULL" ? null : value;
  }
  return copy;
}
