// tango-orders/csv: the validators and the CSV functions, over the CSV module (also what the main
// entry imports on a CSV function's first call).
export * from "tango:api";
export * from "./schemas.js";
export { isTangoError, TangoError } from "../errors.js";
