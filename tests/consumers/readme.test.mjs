// The README's "Use it with …" table cannot drift from the consumer projects: every command or
// snippet it quotes in its "what the test runs" column is written, verbatim, in a test or project
// file here, and every setup the tests cover has a row.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { WORK } from "./shared/harness.mjs";

const readme = readFileSync(process.env.TANGO_README, "utf8");
const section = readme.split("\n## Use it with …\n")[1]?.split("\n## ")[0] ?? "";

/** The text of every test and project source file (not tools' output or dependencies). */
function sources() {
  const texts = [];
  for (const entry of readdirSync(WORK, { recursive: true, withFileTypes: true })) {
    const dir = entry.parentPath ?? entry.path;
    if (!entry.isFile() || /(^|\/)(node_modules|dist|\.next|\.wrangler)(\/|$)/.test(dir.slice(WORK.length))) continue;
    if (/\.(m?js|cjs|ts|json|jsonc|html)$/.test(entry.name)) texts.push(readFileSync(join(dir, entry.name), "utf8"));
  }
  return texts.join("\n");
}

test("every command the README's table quotes is one a consumer test runs", () => {
  const table = section.split("\n| setup | what the test runs |")[1]?.split("\n\n")[0] ?? "";
  const rows = table.split("\n").filter((line) => line.startsWith("| "));
  assert.ok(rows.length >= 13, `the table has ${rows.length} rows`);
  const text = sources();
  for (const row of rows) {
    const cells = row.split(" | ");
    const quoted = [...(cells[1] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    assert.ok(quoted.length > 0, `no command in: ${row}`);
    for (const command of quoted) assert.ok(text.includes(command), `the README quotes \`${command}\`, which no consumer test runs`);
  }
});

test("every setup the consumer tests cover appears in the README's table", () => {
  for (const setup of ["Node", "Deno", "Bun", "Cloudflare Workers", "Next.js", "Vite", "webpack", "esbuild", "rollup",
    "`bun build`", "no bundler", "TypeScript"]) {
    assert.ok(section.includes(`\n| ${setup}`), `no row for ${setup}`);
  }
});

test("the README's form snippets are lines of the form projects", () => {
  const forms = readme.split("\n### In a form library")[1]?.split("\n## ")[0] ?? "";
  const blocks = [...forms.matchAll(/```jsx\n([^]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 2, "a react-hook-form and a TanStack Form snippet");
  for (const [block, project] of [[blocks[0], "form-react-hook-form"], [blocks[1], "form-tanstack"]]) {
    const source = readFileSync(join(WORK, project, "form.jsx"), "utf8").split("\n").map((line) => line.trim());
    for (const line of block.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//"))) {
      assert.ok(source.includes(line), `the README shows \`${line}\`, which ${project}/form.jsx does not have`);
    }
  }
});

test("the README's Workers webhook receiver is the Cloudflare consumer's receiver.js, line for line", () => {
  const section = readme.split("\n### Webhooks: subscribing, and verifying a delivery\n")[1]?.split("\n## ")[0] ?? "";
  const block = section.split("<!-- served by the Cloudflare consumer as")[1]?.split("```js\n")[1]?.split("```")[0];
  assert.ok(block, "the README has the Workers receiver");
  const source = readFileSync(join(WORK, "cloudflare", "src", "receiver.js"), "utf8");
  const code = source.split("\n").filter((line) => !line.startsWith("//")).join("\n").trim();
  assert.equal(block.trim(), code);
});
