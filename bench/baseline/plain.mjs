// The plain-JavaScript baseline: SPEC section 3's create-order rules as a careful engineer writes
// them by hand for one form with no library: direct property reads, one text check with positional
// arguments, no option objects, kits or closures per field. The same rules as rules.mjs (its tables
// are shared), and it must agree with tango-orders on the shared cases (agree.mjs) before timing.
import { US, CA, COUNTRIES, METHODS, NO_RECIPIENT, EMAIL, chars, SURROGATE, bulkOf } from "./rules.mjs";

const UTID = /^[uU]\d+$/, PTID = /^[pP]\d+$/, ETID = /^[eE]\d{6}$/;
const E164 = /^\+[1-9]\d{6,14}$/, US_MOBILE = /^\+1\d{10}$/, ZIP = /^\d{5}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** One text field: its value when it passed, else undefined with at most one issue pushed.
 * `pattern` is a RegExp of the allowed characters, or null. Lengths count characters. */
function text(issues, path, value, required, min, max, pattern) {
  if (value === undefined || value === null) {
    if (required) issues.push({ path, code: "required" });
    return undefined;
  }
  if (typeof value !== "string") {
    issues.push({ path, code: "invalid_format" });
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === "") {
    if (required) issues.push({ path, code: "required" });
    else if (value !== "") issues.push({ path, code: "invalid_format" });
    else if (min > 0) issues.push({ path, code: "too_short" });
    return undefined;
  }
  if (trimmed !== value) {
    issues.push({ path, code: "invalid_format" });
    return undefined;
  }
  const count = SURROGATE.test(value) ? [...value].length : value.length;
  if (count < min) {
    issues.push({ path, code: "too_short" });
    return undefined;
  }
  if (count > max) {
    issues.push({ path, code: "too_long" });
    return undefined;
  }
  if (pattern !== null && !pattern.test(value)) {
    issues.push({ path, code: "invalid_characters" });
    return undefined;
  }
  return value;
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const NO_LIMIT = Infinity;

export function validateOrder(order, options) {
  const now = options?.now ?? Date.now();
  if (!isObject(order)) return [{ path: "", code: "invalid_format" }];
  const issues = [];
  const sendEmail = order.sendEmail;
  if (sendEmail !== undefined && sendEmail !== null && typeof sendEmail !== "boolean") issues.push({ path: "sendEmail", code: "invalid_format" });

  // The delivery method: given, or inferred from an address and sendEmail.
  let method;
  const explicit = order.deliveryMethod;
  const recipient = order.recipient;
  if ((typeof explicit === "string" && explicit.trim() !== "") || (explicit !== undefined && explicit !== null && typeof explicit !== "string")) {
    if (typeof explicit !== "string" || explicit.trim() !== explicit) issues.push({ path: "deliveryMethod", code: "invalid_format" });
    else if (!METHODS.has(explicit)) issues.push({ path: "deliveryMethod", code: "invalid_value" });
    else {
      method = explicit;
      if (sendEmail === true && method !== "EMAIL") issues.push({ path: "sendEmail", code: "conflict" });
      if (sendEmail === false && method === "EMAIL") issues.push({ path: "sendEmail", code: "conflict" });
    }
  } else if (isObject(recipient) && isObject(recipient.address)) method = "ADDRESS";
  else if (sendEmail === true) method = "EMAIL";
  else if (sendEmail === false) method = "NONE";
  else issues.push({ path: "deliveryMethod", code: "required" });
  const addressGiven = isObject(recipient) && recipient.address !== undefined && recipient.address !== null;
  const physical = method === "ADDRESS" || (typeof order.ptid === "string" && order.ptid.trim() !== "") || (method === undefined && addressGiven);

  text(issues, "customerIdentifier", order.customerIdentifier, true, 5, 100, chars.identifier);
  text(issues, "accountIdentifier", order.accountIdentifier, true, 5, 100, chars.identifier);
  text(issues, "externalRefID", order.externalRefID, false, 1, 100, chars.alnum);
  const utid = text(issues, "utid", order.utid, true, 0, NO_LIMIT, null);
  if (utid !== undefined && !UTID.test(utid)) issues.push({ path: "utid", code: "invalid_format" });
  const ptid = text(issues, "ptid", order.ptid, false, 0, NO_LIMIT, null);
  if (ptid !== undefined && !PTID.test(ptid)) issues.push({ path: "ptid", code: "invalid_format" });
  const before = issues.length;
  const etid = text(issues, "etid", order.etid, false, 0, NO_LIMIT, null);
  if (etid !== undefined && !ETID.test(etid)) issues.push({ path: "etid", code: "invalid_format" });
  if (etid !== undefined && issues.length === before && method && method !== "EMAIL") issues.push({ path: "etid", code: "not_allowed" });

  const amount = order.amount;
  if (amount === undefined || amount === null) issues.push({ path: "amount", code: "required" });
  else if (typeof amount !== "number" || !Number.isFinite(amount)) issues.push({ path: "amount", code: "invalid_format" });
  else if (!(amount > 0)) issues.push({ path: "amount", code: "out_of_range" });
  else if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6 * Math.max(1, Math.abs(amount * 100))) issues.push({ path: "amount", code: "invalid_format" });

  const sender = order.sender;
  if (sender !== undefined && sender !== null) {
    if (!isObject(sender)) issues.push({ path: "sender", code: "invalid_format" });
    else {
      text(issues, "sender.firstName", sender.firstName, false, 0, 100, chars.digitalName);
      text(issues, "sender.lastName", sender.lastName, false, 0, 100, chars.digitalName);
      const email = text(issues, "sender.email", sender.email, false, 0, 100, null);
      if (email !== undefined && !EMAIL.test(email)) issues.push({ path: "sender.email", code: "invalid_format" });
    }
  }

  const needsRecipient = (method !== undefined && !NO_RECIPIENT.has(method)) || physical;
  if (recipient === undefined || recipient === null) {
    if (needsRecipient) issues.push({ path: "recipient", code: "required" });
  } else if (!isObject(recipient)) issues.push({ path: "recipient", code: "invalid_format" });
  else {
    const nameMax = physical ? 25 : 100, namePattern = physical ? chars.physicalName : chars.digitalName;
    text(issues, "recipient.firstName", recipient.firstName, method === "EMAIL" || method === "ADDRESS" || physical, 0, nameMax, namePattern);
    text(issues, "recipient.lastName", recipient.lastName, physical, 0, nameMax, namePattern);
    const email = text(issues, "recipient.email", recipient.email, method === "EMAIL", 0, 100, null);
    if (email !== undefined && !EMAIL.test(email)) issues.push({ path: "recipient.email", code: "invalid_format" });
    const mobile = text(issues, "recipient.mobileNumber", recipient.mobileNumber, method === "PHONE" || method === "WHATSAPP", 0, NO_LIMIT, null);
    if (mobile !== undefined) {
      if (!E164.test(mobile)) issues.push({ path: "recipient.mobileNumber", code: "invalid_format" });
      else if (method === "PHONE" && !US_MOBILE.test(mobile)) issues.push({ path: "recipient.mobileNumber", code: "unsupported" });
    }
    const address = recipient.address;
    if (!physical) {
      if (address !== undefined && address !== null) issues.push({ path: "recipient.address", code: "not_allowed" });
    } else if (address === undefined || address === null) issues.push({ path: "recipient.address", code: "required" });
    else if (!isObject(address)) issues.push({ path: "recipient.address", code: "invalid_format" });
    else {
      text(issues, "recipient.address.companyName", address.companyName, false, 0, 100, null);
      text(issues, "recipient.address.streetLine1", address.streetLine1, true, 0, 35, chars.street);
      text(issues, "recipient.address.streetLine2", address.streetLine2, false, 0, 35, chars.street);
      text(issues, "recipient.address.city", address.city, true, 0, 30, chars.city);
      let country = text(issues, "recipient.address.country", address.country, true, 0, NO_LIMIT, null);
      if (country !== undefined && !COUNTRIES.has(country)) {
        issues.push({ path: "recipient.address.country", code: "invalid_value" });
        country = undefined;
      }
      const state = text(issues, "recipient.address.stateOrProvince", address.stateOrProvince, true, 0, 35, null);
      if (state !== undefined && country === "US" && !US.has(state)) issues.push({ path: "recipient.address.stateOrProvince", code: "invalid_value" });
      if (state !== undefined && country === "CA" && !CA.has(state)) issues.push({ path: "recipient.address.stateOrProvince", code: "invalid_value" });
      const postal = text(issues, "recipient.address.postalCode", address.postalCode, true, 0, 12, chars.alnum);
      if (postal !== undefined && country === "US" && !ZIP.test(postal)) issues.push({ path: "recipient.address.postalCode", code: "invalid_format" });
    }
  }

  text(issues, "emailSubject", order.emailSubject, false, 0, NO_LIMIT, null);
  text(issues, "message", order.message, false, 0, 3000, null);
  text(issues, "campaign", order.campaign, false, 0, 100, null);
  text(issues, "purchaseOrderNumber", order.purchaseOrderNumber, false, 0, 100, null);
  text(issues, "notes", order.notes, false, 0, 150, null);
  const expiration = text(issues, "expirationDate", order.expirationDate, false, 0, NO_LIMIT, null);
  if (expiration !== undefined) {
    if (physical) issues.push({ path: "expirationDate", code: "not_allowed" });
    else if (!DATE_TIME.test(expiration) || Number.isNaN(Date.parse(expiration))) issues.push({ path: "expirationDate", code: "invalid_format" });
    else if (Date.parse(expiration) <= now) issues.push({ path: "expirationDate", code: "out_of_range" });
  }
  const customFields = order.customFields;
  if (customFields !== undefined && customFields !== null && !isObject(customFields)) issues.push({ path: "customFields", code: "invalid_format" });
  return issues;
}

export const validateOrders = bulkOf(validateOrder);
