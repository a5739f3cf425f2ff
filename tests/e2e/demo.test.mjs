// The demo page end to end, in Debian's Chromium driven by playwright-core: what a person does with
// the form and the order view. Saves a screenshot of a placed order to target/demo-order.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../..", import.meta.url));
let server;
let browser;
let url;

before(async () => {
  server = spawn(process.execPath, ["www/server.mjs", "--port", "0", "--sim", process.env.TANGO_SIM_BIN],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(createInterface({ input: server.stdout }), "line");
  url = line.trim().split(" ").pop();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  return { page, problems };
}

test("an invalid ZIP shows its error under the field, and fixing it clears it", { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await page.selectOption("#method", "ADDRESS");
  await page.fill("#zip", "1234");
  await page.locator("#zip").blur();
  await assert.doesNotReject(page.waitForFunction(() => /five-digit/.test(document.querySelector("#zip-error").textContent)));
  assert.equal(await page.getAttribute("#zip", "aria-invalid"), "true");
  // Fields not touched yet show nothing.
  assert.equal(await page.textContent("#street-error"), "");
  await page.fill("#zip", "62701");
  await page.waitForFunction(() => document.querySelector("#zip-error").textContent === "");
  assert.equal(await page.getAttribute("#zip", "aria-invalid"), "false");
  assert.deepEqual(problems, []);
});

test("the catalog shows each reward's range beside the amount, and its range is checked as one types", { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await page.waitForFunction(() => /1\.00 USD to 2,000\.00 USD/.test(document.querySelector("#amount-range").textContent));
  await page.selectOption("#utid", "U000002");
  await page.waitForFunction(() => /5\.00 USD to 500\.00 USD/.test(document.querySelector("#amount-range").textContent));
  await page.fill("#amount", "750");
  await page.locator("#amount").blur();
  await page.waitForFunction(() => /from 5\.00 USD to 500\.00 USD for this reward/.test(document.querySelector("#amount-error").textContent));
  assert.equal(await page.getAttribute("#amount", "aria-invalid"), "true");
  // A digital delivery method for the mailed reward is refused by the catalog's rules too.
  await page.selectOption("#method", "EMAIL");
  await page.waitForFunction(() => /printed and mailed/.test(document.querySelector("#submit-status").textContent));
  await page.fill("#amount", "50");
  await page.waitForFunction(() => document.querySelector("#amount-error").textContent === "");
  assert.deepEqual(problems, []);
});

test("a digital order shows its RA ID and credentials; a resend shows the countdown", { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  await page.click("#submit");
  await page.waitForFunction(() => document.querySelector("#order-panel").dataset.state === "ready"
    && /^RA\d{6}-/.test(document.querySelector("#order-id").textContent));
  assert.match(await page.textContent("#order-source"), /^RA \(API\)/);
  assert.equal(await page.textContent("#order-status"), "COMPLETE");
  const credentials = await page.locator("#credentials li").allTextContents();
  assert.equal(credentials.length, 2);
  assert.match(credentials[0], /^rewardSecurityCode: [A-Z]{8}$/);
  mkdirSync(`${root}/target`, { recursive: true });
  await page.locator("#order-panel").screenshot({ path: `${root}/target/demo-order.png` });
  await page.click("#resend");
  await page.waitForFunction(() => /resend again in \d+ s/.test(document.querySelector("#resend-status").textContent));
  assert.ok(await page.isDisabled("#resend"));
  await page.fill("#line-contact", "+12025550123");
  await page.selectOption("#line-method", "PHONE");
  await page.click("#line-resend button");
  await page.waitForFunction(() => /Resent by PHONE/.test(document.querySelector("#line-resend-status").textContent));
  assert.deepEqual(problems, []);
});

test("a physical order shows PENDING, then COMPLETE", { timeout: 60_000 }, async () => {
  const { page } = await openPage();
  await page.selectOption("#utid", "U000002");
  await page.selectOption("#method", "ADDRESS");
  await page.fill("#street", "12 Main St");
  await page.fill("#city", "Springfield");
  await page.fill("#state", "IL");
  await page.fill("#zip", "62701");
  await page.click("#submit");
  await page.waitForFunction(() => document.querySelector("#order-status").textContent === "PENDING");
  await page.waitForFunction(() => document.querySelector("#order-panel").dataset.state === "ready"
    && document.querySelector("#order-status").textContent === "COMPLETE", null, { timeout: 30_000 });
  assert.match((await page.locator("#line-items li").allTextContents())[0], /COMPLETE — delivery DISPATCHED/);
});

test("a frozen account and an empty one are explained in plain words", { timeout: 60_000 }, async () => {
  const { page } = await openPage();
  await page.selectOption("#account", "frozen-account");
  await page.click("#submit");
  await page.waitForFunction(() => /frozen/.test(document.querySelector("#submit-status").textContent));
  await page.selectOption("#account", "empty-account");
  await page.click("#submit");
  await page.waitForFunction(() => /enough funds/.test(document.querySelector("#submit-status").textContent), null, { timeout: 10_000 });
});

test("the orders view lists, filters and opens orders, and fits a phone", { timeout: 60_000 }, async () => {
  const { page } = await openPage();
  await page.waitForFunction(() => document.querySelectorAll("#orders tr").length > 0);
  await page.selectOption("#filters select[name=utid]", "U000002");
  await page.click("#filters button");
  await page.waitForFunction(() => [...document.querySelectorAll("#orders tr")].every((row) => row.textContent.includes("Physical")));
  await page.click("#orders tr");
  await page.waitForFunction(() => document.querySelector("#order-panel").hidden === false);
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > width + 1
      && !el.closest(".table-wrap")).map((el) => el.id || el.tagName);
    return { extra: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  assert.ok(overflow.extra <= 0, `the page is ${overflow.extra}px wider than a phone: ${overflow.wide}`);
  // Every form control has a label.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll("#order-form input, #order-form select")]
    .filter((el) => !document.querySelector(`label[for="${el.id}"]`)).map((el) => el.id));
  assert.deepEqual(unlabelled, []);
});
