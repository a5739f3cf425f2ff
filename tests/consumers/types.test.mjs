// The package's types and metadata as tools see them: `tsc --strict` (with skipLibCheck off) on a
// consumer under bundler, node16 and nodenext resolution, in a Node-only project (@types/node, no
// DOM) and in one with no global types at all; arethetypeswrong on the tarball; publint.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { WORK, TARBALL, bin, run, sh } from "./shared/harness.mjs";

const cwd = join(WORK, "types");

for (const command of ["tsc -p tsconfig.bundler.json", "tsc -p tsconfig.node16.json", "tsc -p tsconfig.nodenext.json",
  "tsc -p tsconfig.node-only.json", "tsc -p tsconfig.no-globals.json"]) {
  test(`${command} (--strict, skipLibCheck off)`, { timeout: 120_000 }, () => {
    sh(command, { cwd });
  });
}

test("arethetypeswrong: every subpath resolves, with types, in node10, node16 and bundlers", { timeout: 120_000 }, () => {
  // Through a file: attw exits before a large JSON answer has drained through a pipe.
  const answer = join(WORK, "attw.json");
  run("sh", ["-c", `"$0" "$1" --format json > "$2" || true`, bin("attw"), TARBALL, answer], { cwd });
  const { analysis } = JSON.parse(readFileSync(answer, "utf8"));
  const entrypoints = Object.keys(analysis.entrypoints);
  assert.deepEqual(entrypoints.sort(), [".", "./csv", "./json-schema", "./package.json", "./redis", "./sim", "./validate", "./web", "./webhooks"]);
  // The package is ES modules only: from CommonJS under node16 TypeScript sees "dynamic import
  // only" (Node 20.19+ and 22.12+ require() it anyway). Anything else is a problem.
  const problems = analysis.problems.filter((problem) => problem.kind !== "CJSResolvesToESM");
  assert.deepEqual(problems, []);
  console.log(run(bin("attw"), [TARBALL, "--profile", "esm-only"], { cwd }).trim());
});

test("publint: no errors, warnings or suggestions", { timeout: 120_000 }, () => {
  const output = run(bin("publint"), ["run", "--strict", join(WORK, "..", "node_modules", "tango-orders")], { cwd });
  assert.match(output, /All good!/, output);
});
