// tango-orders' createOrderSchema in the form libraries React developers use, as it is: a React
// page with react-hook-form (standardSchemaResolver) and one with TanStack Form (validators:
// { onChange: createOrderSchema }), each built by Vite with its React plugin and driven in
// Chromium as a person fills the form in.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { WORK, sh, serveStatic, chromium, closeChromium, shippedBytes } from "./shared/harness.mjs";

after(closeChromium);

/** The order the filled-in form must submit (the TanStack form keeps the email typed before). */
const PLACED = {
  customerIdentifier: "demo-customer", accountIdentifier: "demo-account", amount: 25,
  utid: "U000002", deliveryMethod: "ADDRESS",
  recipient: {
    firstName: "Ada", lastName: "Lovelace",
    address: { streetLine1: "12 Main St", city: "Springfield", stateOrProvince: "IL", postalCode: "62701", country: "US" },
  },
};
const ADDRESS = ["streetLine1", "city", "stateOrProvince", "postalCode", "country"];

for (const [library, project] of [["react-hook-form", "form-react-hook-form"], ["TanStack Form", "form-tanstack"]]) {
  test(`${library}: createOrderSchema as it is, in a React page built by Vite`, { timeout: 180_000 }, async () => {
    const cwd = join(WORK, project);
    const output = sh("vite build --logLevel warn", { cwd });
    if (output.trim()) console.log(`${project} build:\n${output.trim()}`);
    const site = await serveStatic(join(cwd, "dist"));
    const page = await (await chromium()).newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    try {
      await page.goto(site.url);
      const message = (path) => page.locator(`[data-error="${path}"]`);
      await page.fill("#recipient-firstName", "Ada");
      await page.fill("#recipient-lastName", "Lovelace");

      // An invalid email: its message under the email field; corrected, the message goes.
      await page.fill("#recipient-email", "ada@");
      await assert.doesNotReject(message("recipient.email").filter({ hasText: "Recipient email" }).waitFor());
      await page.fill("#recipient-email", "ada@example.com");
      await page.waitForFunction(() => document.querySelector('[data-error="recipient.email"]')?.textContent === "");

      // The mailed reward with half an address: one message under each field still wrong.
      await page.selectOption("#reward", "physical");
      await page.fill("#recipient-address-streetLine1", "12 Main St");
      await page.fill("#recipient-address-city", "Springfield");
      await page.click("#send");
      await message("recipient.address.country").filter({ hasText: /\S/ }).waitFor();
      const shown = {};
      for (const key of ADDRESS) shown[key] = await message(`recipient.address.${key}`).textContent();
      assert.deepEqual(shown, {
        streetLine1: "", city: "", stateOrProvince: "State or province is required.",
        postalCode: "Postal code is required.", country: "Country is required.",
      }, "one message under each field still wrong, the schema's own");
      assert.equal(await page.textContent("#submitted"), "", "nothing submitted yet");

      // Filled in: the valid order is submitted.
      await page.fill("#recipient-address-stateOrProvince", "IL");
      await page.fill("#recipient-address-postalCode", "62701");
      await page.fill("#recipient-address-country", "US");
      await page.click("#send");
      await page.locator("#submitted").filter({ hasText: /\S/ }).waitFor();
      const submitted = JSON.parse(await page.textContent("#submitted"));
      const expected = library === "TanStack Form"
        ? { ...PLACED, recipient: { ...PLACED.recipient, email: "ada@example.com" } }
        : PLACED;
      assert.deepEqual(submitted, expected);
      for (const key of ADDRESS) assert.equal(await message(`recipient.address.${key}`).textContent(), "");
      assert.deepEqual(problems, [], "no error in the page");
    } finally {
      await page.close();
      site.close();
    }
    const bytes = await shippedBytes(join(cwd, "dist"));
    console.log(`${project}: ships ${bytes.raw} B (${bytes.gzip} B gzip) of JS and wasm, React included`);
  });
}
