// The README's validation example is run against the installed package: its call must return
// exactly the result written in the comment under it, so the README cannot drift from the code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as tango from "tango-orders";

test("the README's validation example returns what the README says", () => {
  const readme = readFileSync(process.env.TANGO_README, "utf8");
  const section = readme.slice(readme.indexOf("## Validation"));
  const block = section.slice(section.indexOf("```js") + 5, section.indexOf("```", section.indexOf("```js") + 5));
  const lines = block.split("\n").filter((line) => line.trim() && !line.startsWith("import "));
  const call = lines.filter((line) => !line.startsWith("//")).join("\n").replace(/;\s*$/, "");
  const expected = lines.filter((line) => line.startsWith("//")).map((line) => line.slice(2)).join("\n");
  const run = new Function(...Object.keys(tango), `return (${call});`);
  const actual = run(...Object.values(tango));
  assert.deepEqual(actual, new Function(`return (${expected});`)());
});
