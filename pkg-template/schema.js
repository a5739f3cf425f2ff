// tango-orders' validators as Standard Schema V1 objects (https://standardschema.dev): what
// react-hook-form's standardSchemaResolver, TanStack Form, tRPC, Hono and the rest accept as they
// are. Each entry that has the validators (tango-orders, tango-orders/validate, tango-orders/csv,
// tango-orders/web) makes them with its own module's `__standardValidate` (src/js/standard.rs),
// which reads the input once and answers in Standard Schema's shape.

/** What validate answers when even reading the input failed in a way the module did not catch. */
const UNREADABLE = Object.freeze({
  issues: Object.freeze([Object.freeze({ message: "The input cannot be read.", path: Object.freeze([]), code: "invalid_format" })]),
});

/**
 * One schema, made with a module's `standardValidate(kind, input, options)` (`kind`: the request's
 * number in `VALIDATORS` of src/js/validate.rs) and one of its validators (`checkOptions(undefined,
 * options)` throws the validation TangoError for options that are not options, which `with`
 * passes on at once rather than at the first keystroke). `jsonSchema(settings)` (tango-orders/
 * json-schema only, from schema-json.js) gives Standard JSON Schema's `~standard.jsonSchema`.
 * The entries call it once per schema, marked pure, so that a bundle that uses no schema leaves
 * this file out.
 */
export function schemaOf(standardValidate, checkOptions, kind, jsonSchema) {
  return makeSchema({ standardValidate, checkOptions, kind, jsonSchema, settings: {} });
}

function makeSchema(made) {
  const { standardValidate, kind, settings } = made;
  const { message, now, ...rest } = settings;
  // No options at all when there are none: the module then reads none (reading `{}` as JSON on
  // every call cost a fifth of a validation).
  const options = Object.keys(rest).length === 0 ? undefined : rest;
  const validate = (value) => {
    let answer;
    try {
      const time = now === undefined ? undefined : +now();
      const settingsNow = Number.isFinite(time) ? { ...options, nowMs: time } : options;
      answer = standardValidate(kind, value, settingsNow);
    } catch {
      // A clock that throws, or a defect: still an answer, never an exception.
      return UNREADABLE;
    }
    // undefined: valid as it is; [order]: the normalized create; otherwise the report.
    if (answer === undefined) return { value };
    if (Array.isArray(answer)) return { value: answer[0] };
    if (!Array.isArray(answer?.issues)) return UNREADABLE;
    const issues = answer.issues.map(({ message: text, path, code }) => ({ message: text, path: segments(path), code }));
    return { issues: message === undefined ? issues : issues.map((issue) => reworded(issue, message)) };
  };
  const standard = { version: 1, vendor: "tango-orders", validate };
  if (made.jsonSchema !== undefined) standard.jsonSchema = made.jsonSchema(settings);
  return Object.freeze({
    "~standard": Object.freeze(standard),
    /** A schema with these settings on top of this one's (see SchemaSettings in the types). */
    with(more) {
      if (more === null || typeof more !== "object") {
        throw new TypeError("tango-orders: with() takes an object of settings");
      }
      for (const name of ["message", "now"]) {
        if (more[name] !== undefined && typeof more[name] !== "function") {
          throw new TypeError(`tango-orders: ${name} must be a function`);
        }
      }
      const next = { ...settings, ...more };
      const { message: _message, now: _now, ...checked } = next;
      made.checkOptions(undefined, checked);
      return makeSchema({ ...made, settings: next });
    },
  });
}

/** A wire path as segments: `recipient.address.postalCode` → ["recipient", "address",
 * "postalCode"], `pageKeys[1]` → ["pageKeys", 1], "" (the input as a whole) → []. */
function segments(path) {
  if (path === "") return [];
  if (!path.includes("[")) return path.split(".");
  const found = [];
  for (const [, name, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    found.push(index === undefined ? name : Number(index));
  }
  return found;
}

/** The issue with the caller's wording, when its function gives one (and the issue as it was when
 * it throws or gives nothing). */
function reworded(issue, message) {
  let text;
  try {
    text = message(issue);
  } catch {
    return issue;
  }
  return typeof text === "string" && text !== "" ? { ...issue, message: text } : issue;
}
