// tango-orders/validate: the validators alone, over the validation-only module.
export * from "tango:api";
export * from "./schemas.js";
export { isTangoError, TangoError } from "../errors.js";
