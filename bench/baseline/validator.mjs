// The zod baseline: the shared rules (rules.mjs) with zod/mini for field shapes and
// libphonenumber-js/min for phone numbers, as a team using those libraries would write them.
import * as z from "zod/mini";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { makeValidator } from "./rules.mjs";

const text = z.string();
const number = z.number();
// Schemas are built once per rule and reused, as a team would write them.
const schemas = new Map();
const schema = (regex) => schemas.get(regex) ?? schemas.set(regex, z.string().check(z.regex(regex))).get(regex);

export const { validateOrder, validateOrders } = makeValidator({
  isString: (value) => z.safeParse(text, value).success,
  isNumber: (value) => z.safeParse(number, value).success,
  matches: (regex, value) => z.safeParse(schema(regex), value).success,
  isUsMobile: (value) => {
    const parsed = parsePhoneNumberFromString(value);
    return Boolean(parsed && parsed.countryCallingCode === "1" && parsed.nationalNumber.length === 10);
  },
});
