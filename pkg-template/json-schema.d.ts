// Types of tango-orders/json-schema: the seven schemas of tango-orders/validate, each also a
// Standard JSON Schema (https://standardschema.dev/json-schema).
import type {
  CreateOrderRequest,
  LineItemFilter,
  LineItemResendRequest,
  OrderFilter,
  OrderResendRequest,
  ReissueLineItemRequest,
  SchemaSettings,
  TangoSchemaProps,
  UpdateLineItemRequest,
} from "./validate.js";

export type { SchemaSettings, StandardSchemaV1, TangoSchemaIssue, TangoSchemaProps } from "./validate.js";
export { isTangoError, TangoError } from "./validate.js";

/**
 * The Standard JSON Schema V1 interface, copied from `@standard-schema/spec` 1.1 (MIT), as its
 * README invites libraries to do instead of depending on it.
 */
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardJSONSchemaV1.Props<Input, Output>;
}

export declare namespace StandardJSONSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly types?: Types<Input, Output> | undefined;
    readonly jsonSchema: Converter;
  }
  export interface Converter {
    readonly input: (options: Options) => Record<string, unknown>;
    readonly output: (options: Options) => Record<string, unknown>;
  }
  export type Target = "draft-2020-12" | "draft-07" | "openapi-3.0" | ({} & string);
  export interface Options {
    readonly target: Target;
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

/** A tango-orders schema that also gives its request's JSON Schema: `~standard.jsonSchema.input({
 * target })` for "draft-2020-12", "draft-07" or "openapi-3.0" (any other target throws), a new
 * copy each call, with the settings' extraFields as members and, when partial, nothing required. */
export interface TangoJsonSchema<Input, Output = Input> {
  readonly "~standard": TangoSchemaProps<Input, Output> & { readonly jsonSchema: StandardJSONSchemaV1.Converter };
  /** The same schema with these settings on top of its own (see tango-orders/validate). */
  with(settings: SchemaSettings): TangoJsonSchema<Input, Output>;
}

/** The body of `POST /orders`. */
export declare const createOrderSchema: TangoJsonSchema<CreateOrderRequest>;
/** The query of `GET /orders`. */
export declare const orderFilterSchema: TangoJsonSchema<OrderFilter>;
/** The query of `GET /lineItems`. */
export declare const lineItemFilterSchema: TangoJsonSchema<LineItemFilter>;
/** The body of an order resend. */
export declare const orderResendSchema: TangoJsonSchema<OrderResendRequest>;
/** The body of a line item resend. */
export declare const lineItemResendSchema: TangoJsonSchema<LineItemResendRequest>;
/** The body of a line item reissue. */
export declare const lineItemReissueSchema: TangoJsonSchema<ReissueLineItemRequest>;
/** The body of a line item update. */
export declare const lineItemUpdateSchema: TangoJsonSchema<UpdateLineItemRequest>;
