// The ajv baseline: the same rules as rules.mjs the way a team using JSON Schema would write them —
// every field's shape in a schema (types, blank and surrounding-space rules, lengths, character
// sets, formats, enums), one compiled schema per kind of order (digital or physical, and the
// delivery method, which decide what is required), validated with `allErrors`, the errors mapped to
// one (path, code) per field; the cross-field rules JSON Schema has no word for (method inference
// and conflicts, etid only for EMAIL, amounts in cents, expiration in the future, US mobile for
// texting) in code. It must agree with tango-orders on the shared case table before timing.
import Ajv from "ajv";
import { bulkOf } from "./rules.mjs";

const US = "AA AE AK AL AP AR AS AZ CA CO CT DC DE FL FM GA GU HI IA ID IL IN KS KY LA MA MD ME MH MI MN MO MP MS MT NC ND NE NH NJ NM NV NY OH OK OR PA PR PW RI SC SD TN TX UM UT VA VI VT WA WI WV WY".split(" ");
const CA = "AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" ");
const COUNTRIES = ("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").split(" ");
const METHODS = ["NONE", "EMAIL", "PHONE", "ADDRESS", "EMBEDDED", "EMBEDDED_COMPONENT", "WHATSAPP"];
const EMAIL = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?=[^@]*\\.)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";
const CHARS = {
  identifier: "^[A-Za-z0-9-]*$",
  alnum: "^[A-Za-z0-9]*$",
  digitalName: "^[^<>/\\p{Cc}]*$",
  physicalName: "^[A-Za-z0-9 .,-]*$",
  street: "^[A-Za-z0-9 .,\\-/']*$",
  city: "^[A-Za-z0-9 .\\-']*$",
};

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
// Three keywords of our own, for what JSON Schema cannot say: a blank value (required, too short
// or a bad format depending on the field), surrounding spaces, and a second pattern whose failure
// is a bad format rather than bad characters.
const fail = (self, code) => ((self.errors = [{ keyword: self.name, params: { code } }]), false);
ajv.addKeyword({ keyword: "blank", schemaType: "object", errors: true,
  validate: function blank(rule, value) {
    if (value === "") return rule.required ? fail(blank, "required") : rule.min > 0 ? fail(blank, "too_short") : true;
    return fail(blank, rule.required ? "required" : "invalid_format");
  } });
ajv.addKeyword({ keyword: "trimmed", schemaType: "boolean", errors: true,
  validate: function trimmed(_rule, value) { return value.trim() === value || fail(trimmed, "invalid_format"); } });
ajv.addKeyword({ keyword: "shape", schemaType: "string", errors: true,
  compile(source) {
    const regex = new RegExp(source, "u");
    return function shape(value) { return regex.test(value) || fail(shape, "invalid_format"); };
  } });

/** A text field: the same checks, in the same order of precedence, as rules.mjs's `field`. */
const text = ({ required = false, min = 0, max, chars, shape, oneOf }) => ({
  type: "string",
  if: { pattern: "^\\s*$" },
  then: { blank: { required, min } },
  else: {
    trimmed: true,
    ...(min > 0 && { minLength: min }),
    ...(max !== undefined && { maxLength: max }),
    ...(chars && { pattern: chars }),
    ...(shape && { shape }),
    ...(oneOf && { enum: oneOf }),
  },
});

function schemaFor(physical, method) {
  const name = physical ? { max: 25, chars: CHARS.physicalName } : { max: 100, chars: CHARS.digitalName };
  const address = {
    type: "object",
    required: ["streetLine1", "city", "country", "stateOrProvince", "postalCode"],
    properties: {
      companyName: text({ max: 100 }),
      streetLine1: text({ required: true, max: 35, chars: CHARS.street }),
      streetLine2: text({ max: 35, chars: CHARS.street }),
      city: text({ required: true, max: 30, chars: CHARS.city }),
      country: text({ required: true, oneOf: COUNTRIES }),
      stateOrProvince: text({ required: true, max: 35 }),
      postalCode: text({ required: true, max: 12, chars: CHARS.alnum }),
    },
    allOf: [
      { if: { properties: { country: { const: "US" } }, required: ["country"] },
        then: { properties: { stateOrProvince: { enum: US }, postalCode: { shape: "^\\d{5}$" } } } },
      { if: { properties: { country: { const: "CA" } }, required: ["country"] },
        then: { properties: { stateOrProvince: { enum: CA } } } },
    ],
  };
  const firstNameRequired = method === "EMAIL" || method === "ADDRESS" || physical;
  const recipient = {
    type: "object",
    required: [...(firstNameRequired ? ["firstName"] : []), ...(physical ? ["lastName", "address"] : []),
      ...(method === "EMAIL" ? ["email"] : []), ...(method === "PHONE" || method === "WHATSAPP" ? ["mobileNumber"] : [])],
    properties: {
      firstName: text({ ...name, required: firstNameRequired }),
      lastName: text({ ...name, required: physical }),
      email: text({ required: method === "EMAIL", max: 100, shape: EMAIL }),
      mobileNumber: text({ required: method === "PHONE" || method === "WHATSAPP", shape: "^\\+[1-9]\\d{6,14}$" }),
      ...(physical && { address }),
    },
  };
  const needsRecipient = (method !== undefined && !["NONE", "EMBEDDED", "EMBEDDED_COMPONENT"].includes(method)) || physical;
  return ajv.compile({
    type: "object",
    required: ["customerIdentifier", "accountIdentifier", "utid", "amount", ...(needsRecipient ? ["recipient"] : [])],
    properties: {
      customerIdentifier: text({ required: true, min: 5, max: 100, chars: CHARS.identifier }),
      accountIdentifier: text({ required: true, min: 5, max: 100, chars: CHARS.identifier }),
      externalRefID: text({ min: 1, max: 100, chars: CHARS.alnum }),
      utid: text({ required: true, shape: "^[uU]\\d+$" }),
      ptid: text({ shape: "^[pP]\\d+$" }),
      etid: text({ shape: "^[eE]\\d{6}$" }),
      amount: { type: "number", exclusiveMinimum: 0 },
      sendEmail: { type: "boolean" },
      sender: { type: "object", properties: {
        firstName: text({ max: 100, chars: CHARS.digitalName }),
        lastName: text({ max: 100, chars: CHARS.digitalName }),
        email: text({ max: 100, shape: EMAIL }),
      } },
      recipient,
      emailSubject: text({}),
      message: text({ max: 3000 }),
      campaign: text({ max: 100 }),
      purchaseOrderNumber: text({ max: 100 }),
      notes: text({ max: 150 }),
      expirationDate: text({}),
      customFields: { type: "object" },
    },
  });
}

// Which error wins at a path: the first failure rules.mjs's `field` would meet.
const PRECEDENCE = ["type", "required", "tango", "minLength", "maxLength", "pattern", "enum", "exclusiveMinimum"];
const codeOf = (error) => ({ type: "invalid_format", required: "required", minLength: "too_short", maxLength: "too_long",
  pattern: "invalid_characters", enum: "invalid_value", exclusiveMinimum: "out_of_range" })[error.keyword] ?? error.params?.code;
const pathOf = (error) => {
  const base = error.instancePath.slice(1).replaceAll("/", ".");
  return error.keyword === "required" ? (base ? `${base}.${error.params.missingProperty}` : error.params.missingProperty) : base;
};

const compiled = new Map();
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
// JSON Schema's `required` means "present"; the rules treat null as absent, so nulls are dropped
// from a copy first (a team using ajv on JavaScript values has to).
const withoutNulls = (value) => {
  if (Array.isArray(value) || !isObject(value)) return value;
  const out = {};
  for (const key in value) if (value[key] !== null && value[key] !== undefined) out[key] = withoutNulls(value[key]);
  return out;
};

export function validateOrder(input, { now = Date.now() } = {}) {
  if (!isObject(input)) return [{ path: "", code: "invalid_format" }];
  const order = withoutNulls(input);
  const issues = [];
  const sendEmail = order.sendEmail;
  let method;
  const explicit = order.deliveryMethod;
  if (explicit !== undefined && !(typeof explicit === "string" && explicit.trim() === "")) {
    if (typeof explicit !== "string" || explicit.trim() !== explicit) issues.push({ path: "deliveryMethod", code: "invalid_format" });
    else if (!METHODS.includes(explicit)) issues.push({ path: "deliveryMethod", code: "invalid_value" });
    else {
      method = explicit;
      if (sendEmail === true && method !== "EMAIL") issues.push({ path: "sendEmail", code: "conflict" });
      if (sendEmail === false && method === "EMAIL") issues.push({ path: "sendEmail", code: "conflict" });
    }
  } else if (isObject(order.recipient) && isObject(order.recipient.address)) method = "ADDRESS";
  else if (sendEmail === true) method = "EMAIL";
  else if (sendEmail === false) method = "NONE";
  else issues.push({ path: "deliveryMethod", code: "required" });
  const addressGiven = isObject(order.recipient) && order.recipient.address !== undefined;
  const ptid = typeof order.ptid === "string" && order.ptid.trim() !== "";
  const physical = method === "ADDRESS" || ptid || (method === undefined && addressGiven);

  const key = `${physical}:${method}`;
  const validate = compiled.get(key) ?? compiled.set(key, schemaFor(physical, method)).get(key);
  const byPath = new Map();
  if (!validate(order)) {
    for (const error of validate.errors) {
      const path = pathOf(error);
      const rank = PRECEDENCE.indexOf(error.keyword === "blank" || error.keyword === "trimmed" || error.keyword === "shape" ? "tango" : error.keyword);
      if (rank < 0) continue;
      const seen = byPath.get(path);
      // A format (`shape`) counts only when nothing else failed at the path, as in `field`.
      const order = error.keyword === "shape" ? PRECEDENCE.length : rank;
      if (!seen || order < seen.order) byPath.set(path, { order, code: codeOf(error) });
    }
  }
  for (const [path, { code }] of byPath) issues.push({ path, code });
  const ok = (path) => !byPath.has(path);

  if (typeof order.etid === "string" && order.etid.trim() !== "" && ok("etid") && method && method !== "EMAIL") issues.push({ path: "etid", code: "not_allowed" });
  if (typeof order.amount === "number" && ok("amount") && Math.abs(order.amount * 100 - Math.round(order.amount * 100)) > 1e-6 * Math.max(1, Math.abs(order.amount * 100))) {
    issues.push({ path: "amount", code: "invalid_format" });
  }
  const r = order.recipient;
  if (isObject(r)) {
    if (!physical && r.address !== undefined) issues.push({ path: "recipient.address", code: "not_allowed" });
    if (method === "PHONE" && typeof r.mobileNumber === "string" && ok("recipient.mobileNumber") && r.mobileNumber.trim() !== "" &&
      !/^\+1\d{10}$/.test(r.mobileNumber)) issues.push({ path: "recipient.mobileNumber", code: "unsupported" });
  }
  const expiration = order.expirationDate;
  if (typeof expiration === "string" && expiration.trim() !== "" && ok("expirationDate")) {
    const valid = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(expiration) && !Number.isNaN(Date.parse(expiration));
    if (physical) issues.push({ path: "expirationDate", code: "not_allowed" });
    else if (!valid) issues.push({ path: "expirationDate", code: "invalid_format" });
    else if (Date.parse(expiration) <= now) issues.push({ path: "expirationDate", code: "out_of_range" });
  }
  return issues;
}

export const validateOrders = bulkOf(validateOrder);
