// The demo page: live validation as a person types, orders placed and read through the client,
// the webhook events its orders produce (verified by the demo's server, streamed to /events),
// resends with the 30 s countdown, a bulk upload's CSV checked in the page, and a paged orders view. Everything talks to /api (this demo's
// backend proxy), so the page itself holds no platform key.
import { TangoClient, normalizeCreateOrder, orderSource, validateCreateOrder, validateOrdersCsv } from "/tango-orders/index.js";

const tango = new TangoClient({ baseUrl: `${location.origin}/api/raas/v2` });
const $ = (selector) => document.querySelector(selector);
const form = $("#order-form");
const inputs = [...form.querySelectorAll("[data-path]")];
const left = new Set(); // fields the person has been in and left
const SOURCES = { RA: "API", RG: "Tango portal", BE: "bulk upload", BI: "bulk internal", CI: "codes internal",
  QW: "integration", AA: "async API" };

// ---- the form ---------------------------------------------------------------------------------

function visible(element) {
  return !element.closest("[hidden]");
}

function setPath(target, path, value) {
  const keys = path.split(".");
  const last = keys.pop();
  const parent = keys.reduce((object, key) => (object[key] ??= {}), target);
  parent[last] = value;
}

/** The order the form describes: visible, filled fields only. */
function readForm() {
  const order = {};
  for (const input of inputs) {
    if (!visible(input) || input.value.trim() === "") continue;
    let value = input.value;
    if (input.type === "number") value = Number(value);
    if (input.type === "datetime-local") value = new Date(value).toISOString();
    setPath(order, input.dataset.path, value);
  }
  return order;
}

function showFieldsForChoices() {
  const method = $("#method").value;
  const utid = $("#utid").value;
  for (const group of form.querySelectorAll("[data-for]")) group.hidden = !group.dataset.for.split(" ").includes(method);
  for (const group of form.querySelectorAll("[data-utid]")) group.hidden = group.dataset.utid !== utid;
}

function showIssues(issues) {
  for (const input of inputs) {
    const issue = issues.find((i) => i.path === input.dataset.path);
    input.setAttribute("aria-invalid", issue ? "true" : "false");
    const [errorId] = input.getAttribute("aria-describedby").split(" ");
    document.getElementById(errorId).textContent = issue?.message ?? "";
  }
}

// ---- the catalog: each reward's range beside the amount, and its rules in every validation ------

/** The catalog (getCatalog), once it has loaded; until then the rules apply without it. */
let catalog;
const amountText = (value, currency) =>
  `${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency ?? ""}`.trim();

function showRange() {
  const item = catalog?.brands.flatMap((brand) => brand.items).find((i) => i.utid === $("#utid").value);
  $("#amount-range").textContent = !item ? ""
    : item.faceValue != null && item.minValue == null ? `${amountText(item.faceValue, item.currencyCode)} only`
    : `${amountText(item.minValue, item.currencyCode)} to ${amountText(item.maxValue, item.currencyCode)} for this reward`;
}

tango.getCatalog({ verbose: false }).then((loaded) => {
  catalog = loaded;
  showRange();
  validateLive();
}, () => {}); // without the catalog, the form still checks everything else

/** Validation options with the catalog, once loaded. */
const withCatalog = (options = {}) => (catalog ? { ...options, catalog } : options);

/** While typing: what is filled in, plus required errors for the fields the person left. */
function validateLive() {
  const order = readForm();
  const issues = [...validateCreateOrder(order, withCatalog({ partial: true })).issues];
  if (left.size) issues.push(...validateCreateOrder(order, withCatalog({ fields: [...left] })).issues);
  showIssues(issues);
  const full = validateCreateOrder(normalizeCreateOrder(order), withCatalog());
  $("#submit-status").textContent = full.valid ? "" : `Still to fix: ${full.issues.map((i) => i.message).join(" ")}`;
  $("#submit-status").className = full.valid ? "" : "problem";
}

form.addEventListener("input", validateLive);
form.addEventListener("change", () => { showFieldsForChoices(); showRange(); validateLive(); });
form.addEventListener("focusout", (event) => {
  if (event.target.dataset?.path) left.add(event.target.dataset.path);
  validateLive();
});

/** An error in plain words. */
function explain(error) {
  if (error?.kind === "validation") return `Please fix: ${error.issues.map((i) => i.message).join(" ")}`;
  if (error?.kind === "resend_too_soon") return `Tango allows one resend per 30 seconds.`;
  if (error?.kind === "api") {
    if (error.i18nKey === "404.142") return "This account is frozen, so it cannot place orders. Contact Tango's support team.";
    if (error.statusName === "insufficient_funds") return "The account does not have enough funds for this reward. Add funds, or choose another account.";
    if (error.statusName === "rate_limited") return "Tango is limiting how fast orders are placed. Wait a second and try again.";
    if (error.status === 403 && error.i18nKey === "403.003") return "Tango did not deliver this reward (you did), so it cannot resend it.";
    return `Tango refused the request (${error.status} ${error.httpPhrase ?? ""}). Reference: ${error.requestId ?? "none"}.`;
  }
  if (error?.kind === "conflict") return `This order's key already belongs to another order (${error.referenceOrderID}); nothing new was placed.`;
  if (error?.mayHaveBeenPlaced) return "Tango's answer was lost, so the order may have been placed. Send again: the same key is used, so it cannot be placed twice.";
  if (error?.kind === "timeout" || error?.kind === "network") return "Tango could not be reached; nothing was placed. Sending again is safe.";
  return String(error?.message ?? error);
}

/** The last create that failed but may have been placed: its form and its key. */
let maybePlaced;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  for (const input of inputs) if (visible(input)) left.add(input.dataset.path);
  const order = normalizeCreateOrder(readForm());
  const report = validateCreateOrder(order, withCatalog());
  showIssues(report.issues);
  if (!report.valid) {
    $("#submit-status").textContent = `Still to fix: ${report.issues.map((i) => i.message).join(" ")}`;
    $("#submit-status").className = "problem";
    return;
  }
  const button = $("#submit");
  button.disabled = true;
  $("#submit-status").textContent = "Sending…";
  $("#submit-status").className = "";
  // A create that may have been placed is sent again with its key, so a second click cannot place
  // a second order; a changed form is a new order with a new key.
  const body = JSON.stringify(order);
  if (maybePlaced?.body === body) order.externalRefID = maybePlaced.externalRefID;
  try {
    const { order: placed, created } = await tango.createOrder(order);
    maybePlaced = undefined;
    $("#submit-status").textContent = created ? "Sent." : "It had been placed already: here it is.";
    await showOrder(placed.referenceOrderID);
    loadOrders();
  } catch (error) {
    maybePlaced = error?.mayHaveBeenPlaced ? { body, externalRefID: error.externalRefID } : undefined;
    $("#submit-status").textContent = explain(error);
    $("#submit-status").className = "problem";
  } finally {
    button.disabled = false;
  }
});

// ---- one order ----------------------------------------------------------------------------------

let shown;
let poll;

function money(value) {
  return value?.total ?? value?.value !== undefined ? `$${Number(value.total ?? value.value).toFixed(2)} ${value.currencyCode ?? ""}` : "";
}

async function showOrder(id) {
  clearTimeout(poll);
  $("#order-panel").dataset.state = "loading";
  const order = await tango.getOrder(id);
  shown = order;
  $("#order-panel").hidden = false;
  $("#order-id").textContent = order.referenceOrderID;
  const source = orderSource(order.referenceOrderID);
  $("#order-source").textContent = source ? `${source} (${SOURCES[source] ?? "other"})` : "unknown";
  $("#order-status").textContent = order.status ?? "";
  $("#order-charged").textContent = money(order.amountCharged);
  const items = $("#line-items");
  items.replaceChildren();
  if (order.referenceLineItemID) {
    const item = await tango.getLineItem(order.referenceLineItemID);
    const li = document.createElement("li");
    li.textContent = `${item.referenceLineItemID}: ${item.status} — delivery ${item.deliveryStatus ?? "n/a"}, reward ${item.rewardStatus ?? ""}`;
    items.append(li);
  }
  const credentials = $("#credentials");
  credentials.replaceChildren();
  for (const credential of order.reward?.credentialList ?? []) {
    const li = document.createElement("li");
    const label = document.createElement("strong");
    label.textContent = `${credential.label}: `;
    li.append(label);
    if (credential.type === "url") {
      const link = document.createElement("a");
      link.href = credential.value;
      link.textContent = credential.value;
      link.rel = "noreferrer";
      li.append(link);
    } else if (credential.type === "date") {
      li.append(new Date(credential.value).toLocaleString());
    } else {
      li.append(credential.value ?? "");
    }
    credentials.append(li);
  }
  $("#resend").disabled = !(order.deliveryMethod === "EMAIL" || order.deliveryMethod === "PHONE" || order.deliveryMethod === "WHATSAPP");
  $("#order-panel").dataset.state = "ready";
  if (order.status === "PENDING") poll = setTimeout(() => showOrder(id), 2_000);
}

function countdown(statusElement, button, ms) {
  const until = Date.now() + ms;
  button.disabled = true;
  const tick = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      statusElement.textContent = "You can resend again.";
      button.disabled = false;
      return;
    }
    statusElement.textContent = `Resent. You can resend again in ${left} s.`;
    setTimeout(tick, 250);
  };
  tick();
}

$("#resend").addEventListener("click", async () => {
  try {
    await tango.resendOrder(shown.referenceOrderID);
    countdown($("#resend-status"), $("#resend"), 30_000);
  } catch (error) {
    if (error.kind === "resend_too_soon") countdown($("#resend-status"), $("#resend"), error.retryAfterMs);
    else $("#resend-status").textContent = explain(error);
  }
});

$("#line-resend").addEventListener("submit", async (event) => {
  event.preventDefault();
  const method = $("#line-method").value;
  const contact = $("#line-contact").value.trim();
  const body = { newDeliveryMethod: method, reasonCode: "DELIVERY_METHOD" };
  if (method === "EMAIL") body.newEmail = contact;
  else body.newMobileNumber = contact;
  try {
    const result = await tango.resendLineItem(shown.referenceLineItemID, body);
    $("#line-resend-status").textContent = `Resent by ${result.deliveryMethod}.`;
    await showOrder(shown.referenceOrderID);
  } catch (error) {
    $("#line-resend-status").textContent = explain(error);
  }
});

// ---- a bulk upload's CSV, checked in the page --------------------------------------------------

/** The issues shown at most: a file of 50,000 bad rows should not make 50,000 table rows. */
const MAX_SHOWN = 200;
/** The check under way, stopped when another file comes. */
let csvCheck;

async function checkCsv(file) {
  csvCheck?.abort();
  const controller = new AbortController();
  csvCheck = controller;
  const progress = $("#csv-progress");
  progress.hidden = false;
  progress.value = 0;
  $("#csv-result").hidden = true;
  $("#csv-status").textContent = `Checking ${file.name}…`;
  try {
    const report = await validateOrdersCsv(new Uint8Array(await file.arrayBuffer()), withCatalog({
      // The sample's own header (examples/recipients.csv); a header of wire paths needs no mapping.
      columns: { firstName: "recipient.firstName", lastName: "recipient.lastName", email: "recipient.email" },
      defaults: { customerIdentifier: $("#customer").value, accountIdentifier: $("#account").value,
        utid: $("#utid").value, deliveryMethod: "EMAIL" },
      onProgress: (done, total) => { progress.value = total ? done / total : 1; },
      signal: controller.signal,
    }));
    const rows = report.issues.slice(0, MAX_SHOWN).map((issue) => {
      const row = document.createElement("tr");
      for (const text of [issue.line, issue.column ?? "", issue.path, issue.message]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    });
    $("#csv-issues").replaceChildren(...rows);
    $("#csv-result").hidden = rows.length === 0;
    const more = report.issues.length > MAX_SHOWN ? ` (the first ${MAX_SHOWN} of ${report.issues.length} problems shown)` : "";
    $("#csv-status").textContent = report.valid
      ? `All ${report.rowCount} rows are ready to send.`
      : `${report.rowCount} rows: ${report.validCount} ready, ${report.invalidCount} with problems${more}.`;
  } catch (error) {
    if (error.kind !== "aborted") $("#csv-status").textContent = explain(error);
  } finally {
    if (csvCheck === controller) progress.hidden = true;
  }
}

$("#csv-file").addEventListener("change", (event) => { if (event.target.files[0]) checkCsv(event.target.files[0]); });
const drop = $("#csv-drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const [file] = event.dataTransfer.files;
  if (file) checkCsv(file);
});

// ---- the orders list ------------------------------------------------------------------------------

let page = 0;
const PAGE_SIZE = 10;

function filters() {
  const filter = {};
  for (const [key, value] of new FormData($("#filters"))) {
    if (value === "") continue;
    filter[key] = key.endsWith("Amount") ? Number(value) : value;
  }
  return filter;
}

async function loadOrders() {
  try {
    const result = await tango.listOrders({ ...filters(), page, elementsPerBlock: PAGE_SIZE });
    const rows = result.orders.map((order) => {
      const row = document.createElement("tr");
      row.tabIndex = 0;
      for (const text of [order.referenceOrderID, new Date(order.createdAt).toLocaleString(), order.rewardName,
        money(order.amountCharged), order.status]) {
        const cell = document.createElement("td");
        cell.textContent = text ?? "";
        row.append(cell);
      }
      const open = () => showOrder(order.referenceOrderID);
      row.addEventListener("click", open);
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
      return row;
    });
    $("#orders").replaceChildren(...rows);
    const total = result.page?.totalCount ?? 0;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    $("#page-info").textContent = `Page ${page + 1} of ${pages} (${total} orders)`;
    $("#previous").disabled = page === 0;
    $("#next").disabled = page + 1 >= pages;
    $("#filters-status").textContent = "";
  } catch (error) {
    $("#filters-status").textContent = explain(error);
  }
}

$("#filters").addEventListener("submit", (event) => { event.preventDefault(); page = 0; loadOrders(); });
$("#previous").addEventListener("click", () => { page = Math.max(0, page - 1); loadOrders(); });
$("#next").addEventListener("click", () => { page += 1; loadOrders(); });

showFieldsForChoices();
loadOrders();
document.body.dataset.ready = "true";

// ---- webhook events, as the demo's server verified them -------------------------------------------

/** Adds each event the server streams: its revision, type, line item and status. */
function showEvents() {
  const stream = new EventSource("/events");
  stream.addEventListener("message", (message) => {
    const event = JSON.parse(message.data);
    const row = document.createElement("tr");
    const cells = [event.revision ?? "", event.eventType, event.eventData?.referenceLineItemId ?? "",
      event.eventData?.status ?? "", event.eventOccurredAt ? new Date(event.eventOccurredAt).toLocaleTimeString() : ""];
    for (const text of cells) row.insertCell().textContent = String(text);
    $("#events").prepend(row);
    $("#events-status").textContent = `${$("#events").rows.length} event(s).`;
  });
}
showEvents();
