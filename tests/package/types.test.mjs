// The shipped TypeScript types are the checked-in reference: a change to the generated .d.ts must be
// deliberate (`make update-types` rewrites the reference, and the diff shows in review).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// index.d.ts, with the client's types written into it (scripts/declarations.mjs).
for (const [shippedName, referenceName] of [["index.d.ts", "tango_orders.d.ts"]]) {
  test(`generated ${shippedName} matches tests/reference/${referenceName}`, () => {
    const require = createRequire(import.meta.url);
    const shipped = readFileSync(require.resolve("tango-orders/package.json").replace(/package\.json$/, shippedName), "utf8");
    const reference = readFileSync(join(dirname(process.env.TANGO_TYPES_REFERENCE), referenceName), "utf8");
    if (shipped !== reference) {
      const a = reference.split("\n"), b = shipped.split("\n");
      const line = a.findIndex((l, i) => l !== b[i]);
      assert.fail(`the generated types changed at line ${line + 1}:\n  reference: ${a[line]}\n  generated: ${b[line]}\n` +
        `If the change is intended, run \`make update-types\` and commit tests/reference/${referenceName}.`);
    }
  });
}
