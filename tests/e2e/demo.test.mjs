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
  // The page's own files (not its /api calls, whose errors it shows on purpose): none missing, the
  // favicon included (a 404 there is an error in the console).
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400 && !path.startsWith("/api/")) problems.push(`${response.status()} ${path}`);
  });
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

test("a physical order shows PENDING, then COMPLETE, and its webhook events arrive live", { timeout: 60_000 }, async () => {
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
  // The simulator's deliveries, verified by the demo's server and streamed to the page: the mailed
  // reward IN_PROGRESS when ordered, SHIPPED once printed.
  const lineItem = (await page.locator("#line-items li").allTextContents())[0].split(":")[0];
  await page.waitForFunction(() => [...document.querySelectorAll("#events tr")].some((row) => row.textContent.includes("SHIPPED")),
    null, { timeout: 30_000 });
  const rows = await page.locator("#events tr").allTextContents();
  assert.ok(rows.some((row) => row.includes("LineItemDeliveryStatus") && row.includes("IN_PROGRESS")), rows.join("\n"));
  assert.ok(rows.some((row) => row.includes(lineItem)), `${lineItem}\n${rows.join("\n")}`);
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

test("a dropped CSV shows its bad rows by line, column and field; a big one moves the progress bar", { timeout: 60_000 }, async () => {
  const { page, problems } = await openPage();
  // The sample file, as a person would choose it.
  await page.setInputFiles("#csv-file", `${root}/examples/recipients.csv`);
  await page.waitForFunction(() => /9 rows: 5 ready, 4 with problems/.test(document.querySelector("#csv-status").textContent));
  const rows = await page.$$eval("#csv-issues tr", (trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((td) => td.textContent).join(" ")));
  assert.deepEqual(rows, ["4 email recipient.email", "5 amount amount", "7 firstName recipient.firstName", "9 amount amount"]);
  // Dropped (a DataTransfer, as a drag from the desktop gives): 50,000 rows, a header of wire paths,
  // the reward's range from the catalog (U000001: 1 to 2,000 USD); the progress bar moves on the way.
  await page.waitForFunction(() => /1\.00 USD to 2,000\.00 USD/.test(document.querySelector("#amount-range").textContent));
  const status = await page.evaluate(async () => {
    const lines = ["recipient.firstName,recipient.lastName,recipient.email,amount"];
    for (let i = 0; i < 50_000; i++) lines.push(`"Ada, ${i}",Lovelace,ada${i}@example.com,${i === 49_999 ? 2500 : 25}`);
    const transfer = new DataTransfer();
    transfer.items.add(new File([lines.join("\n")], "big.csv", { type: "text/csv" }));
    const seen = new Set();
    const watch = new MutationObserver(() => seen.add(document.querySelector("#csv-progress").value));
    watch.observe(document.querySelector("#csv-progress"), { attributes: true });
    const progress = document.querySelector("#csv-progress");
    const poll = setInterval(() => seen.add(progress.value), 1);
    document.querySelector("#csv-drop").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    while (!/50000 rows/.test(document.querySelector("#csv-status").textContent)) await new Promise((r) => setTimeout(r, 5));
    clearInterval(poll);
    watch.disconnect();
    return { text: document.querySelector("#csv-status").textContent, steps: [...seen].filter((v) => v > 0 && v < 1).length,
      rows: [...document.querySelectorAll("#csv-issues tr")].map((tr) => tr.children[0].textContent + " " + tr.children[2].textContent) };
  });
  assert.match(status.text, /^50000 rows: 49999 ready, 1 with problems/);
  assert.deepEqual(status.rows, ["50001 amount"]);
  assert.ok(status.steps >= 1, `the progress bar showed ${status.steps} values between 0 and 1`);
  assert.deepEqual(problems, []);
});
