// tango-orders/json-schema: the schemas with Standard JSON Schema's converter, over the
// validation-only module; the JSON Schemas themselves are data only this entry carries.
export * from "./schemas-json.js";
export { isTangoError, TangoError } from "../errors.js";
