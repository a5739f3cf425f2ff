// The plain-JavaScript baseline: the shared rules (rules.mjs) with nothing but the language —
// typeof, RegExp.test and a regular expression for US mobile numbers (+1 and ten digits, what the
// zod baseline's libphonenumber check accepts).
import { makeValidator } from "./rules.mjs";

export const { validateOrder, validateOrders } = makeValidator({
  isString: (value) => typeof value === "string",
  isNumber: (value) => typeof value === "number" && Number.isFinite(value),
  matches: (regex, value) => regex.test(value),
  isUsMobile: (value) => /^\+1\d{10}$/.test(value),
});
