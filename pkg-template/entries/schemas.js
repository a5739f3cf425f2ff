// The Standard Schema objects (schema.js) over the entry's own module's validators. Each is its
// own pure call, numbered as the kinds of src/js/validate.rs: a bundler leaves out the schemas a
// page does not import, and schema.js with them when it imports none.
import { __standardValidate, validateOrderFilter as checkSchemaOptions } from "tango:module";
import { schemaOf } from "../schema.js";

export const createOrderSchema = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, 0);
export const orderFilterSchema = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, 1);
export const lineItemFilterSchema = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, 2);
export const orderResendSchema = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, 3);
export const lineItemResendSchema = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, 4);
export const lineItemReissueSchema = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, 5);
export const lineItemUpdateSchema = /* @__PURE__ */ schemaOf(__standardValidate, checkSchemaOptions, 6);
