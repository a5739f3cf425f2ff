// SPEC section 3's create-order rules written the way a JavaScript team would, once, over a "kit"
// that does the type, pattern and phone checks: zod/mini + libphonenumber-js in validator.mjs,
// nothing but the language in plain.mjs. Each baseline must agree with tango-orders on the shared
// case table (agree.mjs) before anything is timed.

export const US = new Set("AA AE AK AL AP AR AS AZ CA CO CT DC DE FL FM GA GU HI IA ID IL IN KS KY LA MA MD ME MH MI MN MO MP MS MT NC ND NE NH NJ NM NV NY OH OK OR PA PR PW RI SC SD TN TX UM UT VA VI VT WA WI WV WY".split(" "));
export const CA = new Set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" "));
export const COUNTRIES = new Set(("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").split(" "));
export const METHODS = new Set(["NONE", "EMAIL", "PHONE", "ADDRESS", "EMBEDDED", "EMBEDDED_COMPONENT", "WHATSAPP"]);
export const NO_RECIPIENT = new Set(["NONE", "EMBEDDED", "EMBEDDED_COMPONENT"]);

export const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?=[^@]*\.)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export const chars = {
  identifier: /^[A-Za-z0-9-]*$/,
  alnum: /^[A-Za-z0-9]*$/,
  digitalName: /^[^<>/\p{Cc}]*$/u,
  physicalName: /^[A-Za-z0-9 .,-]*$/,
  street: /^[A-Za-z0-9 .,\-/']*$/,
  city: /^[A-Za-z0-9 .\-']*$/,
};

export const SURROGATE = /[\uD800-\uDFFF]/;

/** The validators, with `kit = { isString, isNumber, matches(regex, value), isUsMobile }`. */
export function makeValidator(kit) {
/** Checks one text field; returns the value when it passed, pushes at most one issue. */
function field(issues, path, value, { required = false, min = 0, max = Infinity, pattern } = {}) {
  if (value === undefined || value === null) {
    if (required) issues.push({ path, code: "required" });
    return undefined;
  }
  if (!kit.isString(value)) return issues.push({ path, code: "invalid_format" }), undefined;
  if (value.trim() === "") {
    if (required) issues.push({ path, code: "required" });
    else if (value !== "" ) issues.push({ path, code: "invalid_format" });
    else if (min > 0) issues.push({ path, code: "too_short" });
    return undefined;
  }
  if (value.trim() !== value) return issues.push({ path, code: "invalid_format" }), undefined;
  // zod's length checks count UTF-16 units; Tango counts characters, so lengths are counted here.
  const count = SURROGATE.test(value) ? [...value].length : value.length;
  if (count < min) return issues.push({ path, code: "too_short" }), undefined;
  if (count > max) return issues.push({ path, code: "too_long" }), undefined;
  if (pattern && !kit.matches(pattern, value)) {
    return issues.push({ path, code: "invalid_characters" }), undefined;
  }
  return value;
}

function pattern(issues, path, value, regex, required) {
  const v = field(issues, path, value, { required });
  if (v !== undefined && !regex.test(v)) issues.push({ path, code: "invalid_format" });
  return v;
}

function email(issues, path, value, required) {
  const v = field(issues, path, value, { required, max: 100 });
  if (v !== undefined && !EMAIL.test(v)) issues.push({ path, code: "invalid_format" });
}

function mobile(issues, path, value, required, texting) {
  const v = field(issues, path, value, { required });
  if (v === undefined) return;
  if (!/^\+[1-9]\d{6,14}$/.test(v)) return issues.push({ path, code: "invalid_format" });
  if (texting) {
    if (!kit.isUsMobile(v)) issues.push({ path, code: "unsupported" });
  }
}

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function validateOrder(order, { now = Date.now() } = {}) {
  const issues = [];
  if (!isObject(order)) return [{ path: "", code: "invalid_format" }];
  const sendEmail = order.sendEmail;
  if (sendEmail !== undefined && sendEmail !== null && typeof sendEmail !== "boolean") issues.push({ path: "sendEmail", code: "invalid_format" });
  let method;
  const explicit = order.deliveryMethod;
  if (typeof explicit === "string" && explicit.trim() !== "" || (explicit !== undefined && explicit !== null && typeof explicit !== "string")) {
    if (typeof explicit !== "string") issues.push({ path: "deliveryMethod", code: "invalid_format" });
    else if (explicit.trim() !== explicit) issues.push({ path: "deliveryMethod", code: "invalid_format" });
    else if (!METHODS.has(explicit)) issues.push({ path: "deliveryMethod", code: "invalid_value" });
    else {
      method = explicit;
      if (sendEmail === true && method !== "EMAIL") issues.push({ path: "sendEmail", code: "conflict" });
      if (sendEmail === false && method === "EMAIL") issues.push({ path: "sendEmail", code: "conflict" });
    }
  } else if (isObject(order.recipient) && isObject(order.recipient.address)) method = "ADDRESS";
  else if (sendEmail === true) method = "EMAIL";
  else if (sendEmail === false) method = "NONE";
  else issues.push({ path: "deliveryMethod", code: "required" });
  const addressGiven = isObject(order.recipient) && order.recipient.address !== undefined && order.recipient.address !== null;
  const ptid = typeof order.ptid === "string" && order.ptid.trim() !== "";
  const physical = method === "ADDRESS" || ptid || (method === undefined && addressGiven);

  field(issues, "customerIdentifier", order.customerIdentifier, { required: true, min: 5, max: 100, pattern: chars.identifier });
  field(issues, "accountIdentifier", order.accountIdentifier, { required: true, min: 5, max: 100, pattern: chars.identifier });
  field(issues, "externalRefID", order.externalRefID, { min: 1, max: 100, pattern: chars.alnum });
  pattern(issues, "utid", order.utid, /^[uU]\d+$/, true);
  pattern(issues, "ptid", order.ptid, /^[pP]\d+$/, false);
  const etid = order.etid;
  const before = issues.length;
  const etidValue = pattern(issues, "etid", etid, /^[eE]\d{6}$/, false);
  if (etidValue !== undefined && issues.length === before && method && method !== "EMAIL") issues.push({ path: "etid", code: "not_allowed" });
  if (order.amount === undefined || order.amount === null) issues.push({ path: "amount", code: "required" });
  else if (!kit.isNumber(order.amount)) issues.push({ path: "amount", code: "invalid_format" });
  else if (!(order.amount > 0)) issues.push({ path: "amount", code: "out_of_range" });
  else if (Math.abs(order.amount * 100 - Math.round(order.amount * 100)) > 1e-6 * Math.max(1, Math.abs(order.amount * 100))) issues.push({ path: "amount", code: "invalid_format" });

  if (order.sender !== undefined && order.sender !== null) {
    if (!isObject(order.sender)) issues.push({ path: "sender", code: "invalid_format" });
    else {
      field(issues, "sender.firstName", order.sender.firstName, { max: 100, pattern: chars.digitalName });
      field(issues, "sender.lastName", order.sender.lastName, { max: 100, pattern: chars.digitalName });
      email(issues, "sender.email", order.sender.email, false);
    }
  }
  const needsRecipient = (method !== undefined && !NO_RECIPIENT.has(method)) || physical;
  const r = order.recipient;
  if (r === undefined || r === null) {
    if (needsRecipient) issues.push({ path: "recipient", code: "required" });
  } else if (!isObject(r)) issues.push({ path: "recipient", code: "invalid_format" });
  else {
    const name = physical ? { max: 25, pattern: chars.physicalName } : { max: 100, pattern: chars.digitalName };
    field(issues, "recipient.firstName", r.firstName, { max: name.max, pattern: name.pattern, required: method === "EMAIL" || method === "ADDRESS" || physical });
    field(issues, "recipient.lastName", r.lastName, { max: name.max, pattern: name.pattern, required: physical });
    email(issues, "recipient.email", r.email, method === "EMAIL");
    mobile(issues, "recipient.mobileNumber", r.mobileNumber, method === "PHONE" || method === "WHATSAPP", method === "PHONE");
    if (!physical) {
      if (r.address !== undefined && r.address !== null) issues.push({ path: "recipient.address", code: "not_allowed" });
    } else if (r.address === undefined || r.address === null) issues.push({ path: "recipient.address", code: "required" });
    else if (!isObject(r.address)) issues.push({ path: "recipient.address", code: "invalid_format" });
    else {
      const a = r.address;
      field(issues, "recipient.address.companyName", a.companyName, { max: 100 });
      field(issues, "recipient.address.streetLine1", a.streetLine1, { required: true, max: 35, pattern: chars.street });
      field(issues, "recipient.address.streetLine2", a.streetLine2, { max: 35, pattern: chars.street });
      field(issues, "recipient.address.city", a.city, { required: true, max: 30, pattern: chars.city });
      let country = field(issues, "recipient.address.country", a.country, { required: true });
      if (country !== undefined && !COUNTRIES.has(country)) { issues.push({ path: "recipient.address.country", code: "invalid_value" }); country = undefined; }
      const state = field(issues, "recipient.address.stateOrProvince", a.stateOrProvince, { required: true, max: 35 });
      if (state !== undefined && country === "US" && !US.has(state)) issues.push({ path: "recipient.address.stateOrProvince", code: "invalid_value" });
      if (state !== undefined && country === "CA" && !CA.has(state)) issues.push({ path: "recipient.address.stateOrProvince", code: "invalid_value" });
      const postal = field(issues, "recipient.address.postalCode", a.postalCode, { required: true, max: 12, pattern: chars.alnum });
      if (postal !== undefined && country === "US" && !/^\d{5}$/.test(postal)) issues.push({ path: "recipient.address.postalCode", code: "invalid_format" });
    }
  }
  field(issues, "emailSubject", order.emailSubject, {});
  field(issues, "message", order.message, { max: 3000 });
  field(issues, "campaign", order.campaign, { max: 100 });
  field(issues, "purchaseOrderNumber", order.purchaseOrderNumber, { max: 100 });
  field(issues, "notes", order.notes, { max: 150 });
  const expiration = field(issues, "expirationDate", order.expirationDate, {});
  if (expiration !== undefined) {
    const valid = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(expiration) && !Number.isNaN(Date.parse(expiration));
    if (physical) issues.push({ path: "expirationDate", code: "not_allowed" });
    else if (!valid) issues.push({ path: "expirationDate", code: "invalid_format" });
    else if (Date.parse(expiration) <= now) issues.push({ path: "expirationDate", code: "out_of_range" });
  }
  if (order.customFields !== undefined && order.customFields !== null && !isObject(order.customFields)) issues.push({ path: "customFields", code: "invalid_format" });
  return issues;
}

return { validateOrder, validateOrders: bulkOf(validateOrder) };
}

/** A baseline's bulk from its single-order validator: a loop, with the repeated-externalRefID
 * conflict tango-orders reports. */
export function bulkOf(validateOrder) {
  return function validateOrders(orders, options) {
    const seen = new Map();
    let validCount = 0;
    const issues = [];
    orders.forEach((order, index) => {
      const row = validateOrder(order, options);
      const key = order?.externalRefID;
      if (typeof key === "string") {
        if (seen.has(key)) row.push({ path: "externalRefID", code: "conflict" });
        else seen.set(key, index);
      }
      if (row.length === 0) validCount += 1;
      for (const issue of row) issues.push({ index, ...issue });
    });
    return { validCount, invalidCount: orders.length - validCount, issues };
  };
}
