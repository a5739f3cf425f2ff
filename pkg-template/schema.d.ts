
// ---- Standard Schema (appended to each entry's types by scripts/declarations.mjs) ----

/**
 * The Standard Schema V1 interface, copied from `@standard-schema/spec` 1.x (MIT), as its README
 * invites libraries to do instead of depending on it: this package has no dependencies. Any
 * library that accepts a Standard Schema accepts the schemas below.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** An issue of a tango-orders schema: Standard Schema's, with the path as segments
 * (`["recipient", "address", "postalCode"]`, numbers for list indexes) and the stable code. */
export interface TangoSchemaIssue extends StandardSchemaV1.Issue {
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
  readonly code: Code;
}

/** What `schema.with(settings)` takes: the validators' options, plus the clock and the wording. */
export interface SchemaSettings extends ValidateOptions {
  /** The current time (epoch ms or a Date), read at each validation, for "expiration date in the
   * future". Default: the real clock. `nowMs` fixes it instead. */
  now?: () => number | Date;
  /** Words an issue in the form's own language, from its `code` and `path`; return nothing (or
   * throw) to keep the English message. Never given the value. */
  message?: (issue: TangoSchemaIssue) => string | undefined | null | void;
}

/** The `~standard` property of a tango-orders schema: Standard Schema's, with a validate that
 * answers at once (never a promise) and issues that carry their code. */
export interface TangoSchemaProps<Input, Output = Input> {
  readonly version: 1;
  readonly vendor: "tango-orders";
  readonly validate: (value: unknown) => StandardSchemaV1.SuccessResult<Output> | { readonly issues: ReadonlyArray<TangoSchemaIssue> };
  readonly types?: StandardSchemaV1.Types<Input, Output> | undefined;
}

/** A tango-orders validator as a Standard Schema V1 object. `~standard.validate` is synchronous
 * and never throws; on success its value is the request (for a create, normalized as
 * `normalizeCreateOrder` does: the input itself when that changes nothing). */
export interface TangoSchema<Input, Output = Input> {
  readonly "~standard": TangoSchemaProps<Input, Output>;
  /** The same schema with these settings on top of its own (a catalog, the fulfillment, partial,
   * extraFields, the clock, the wording). Throws a validation TangoError for settings that are
   * not settings. */
  with(settings: SchemaSettings): TangoSchema<Input, Output>;
}

/** The body of `POST /orders` (as `validateCreateOrder`). */
export declare const createOrderSchema: TangoSchema<CreateOrderRequest>;
/** The query of `GET /orders` (as `validateOrderFilter`). */
export declare const orderFilterSchema: TangoSchema<OrderFilter>;
/** The query of `GET /lineItems` (as `validateLineItemFilter`). */
export declare const lineItemFilterSchema: TangoSchema<LineItemFilter>;
/** The body of an order resend (as `validateOrderResend`). */
export declare const orderResendSchema: TangoSchema<OrderResendRequest>;
/** The body of a line item resend (as `validateLineItemResend`). */
export declare const lineItemResendSchema: TangoSchema<LineItemResendRequest>;
/** The body of a line item reissue (as `validateLineItemReissue`). */
export declare const lineItemReissueSchema: TangoSchema<ReissueLineItemRequest>;
/** The body of a line item update (as `validateLineItemUpdate`). */
export declare const lineItemUpdateSchema: TangoSchema<UpdateLineItemRequest>;
