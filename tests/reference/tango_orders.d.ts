/* tslint:disable */
/* eslint-disable */

/** A TangoError of kind `K`: `Always` are the fields that kind always has; the rest of
 * TangoErrorFields may be present as their comments say. */
export type TangoErrorOf<K extends TangoErrorKind, Always extends keyof TangoErrorFields = never> =
Error & Omit<TangoErrorFields, "kind" | Always> & Required<Pick<TangoErrorFields, Always>> & {
    kind: K;
    /** "AbortError" for kind "aborted" (its `cause` is the signal's reason), else "TangoError". */
    name: K extends "aborted" ? "AbortError" : "TangoError";
};
/** Every error this package throws: a real `Error` with fields a program can branch on, one
 * type per `kind` (check `kind` and TypeScript knows which fields are there). */
export type TangoError =
| TangoErrorOf<"validation", "issues">
| TangoErrorOf<"api", "status" | "statusName" | "errors">
| TangoErrorOf<"network">
| TangoErrorOf<"timeout", "timeoutMs">
| TangoErrorOf<"decode">
| TangoErrorOf<"config">
| TangoErrorOf<"resend_too_soon", "retryAfterMs">
| TangoErrorOf<"conflict", "fields">
| TangoErrorOf<"aborted">
| TangoErrorOf<"unverified">;
/** `TangoError` as a value: for `error instanceof TangoError` (TypeScript 5.3+ narrows on it). */
export interface TangoErrorConstructor {
    readonly prototype: Error;
    [Symbol.hasInstance](value: unknown): value is TangoError;
}
/** `error instanceof TangoError`: whether `error` was thrown by tango-orders. Not constructible. */
export declare const TangoError: TangoErrorConstructor;
/** Whether `value` is an error thrown by tango-orders: narrows `unknown` (a `catch` variable) to
 * TangoError. */
export declare function isTangoError(value: unknown): value is TangoError;



/** The part of an AbortSignal the package uses, for environments whose types declare none. */
export interface AbortSignalLike {
    readonly aborted: boolean;
    readonly reason?: unknown;
    addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
    removeEventListener(type: "abort", listener: () => void): void;
}

/** The environment's AbortSignal where its types declare one (DOM, @types/node, workers), else
 * AbortSignalLike: the package's types name no DOM type, so they compile in any project. */
export type AbortSignalType = typeof globalThis extends { AbortSignal: { prototype: infer S } } ? S : AbortSignalLike;


/**
 * A brand and its items (`BrandViewWithItemsVerbose`).
 */
export interface Brand {
    /**
     * The brand's ID.
     */
    brandKey?: string;
    /**
     * Its display name.
     */
    brandName?: string;
    /**
     * Its disclaimer (HTML).
     */
    disclaimer?: string;
    /**
     * Its description (HTML).
     */
    description?: string;
    /**
     * A short description.
     */
    shortDescription?: string;
    /**
     * Its terms and conditions (HTML).
     */
    terms?: string;
    /**
     * When it was added (as Tango writes it).
     */
    createdDate?: string;
    /**
     * When it last changed.
     */
    lastUpdateDate?: string;
    /**
     * How a page showing the brand must present its texts.
     */
    brandRequirements?: BrandRequirements;
    /**
     * Its images, by size (`"300w-326ppi"` → URL).
     */
    imageUrls?: Record<string, string>;
    /**
     * `active`, `inactive`, `test` or `deleted`.
     */
    status?: string;
    /**
     * Its rewards.
     */
    items?: CatalogItem[];
    /**
     * The barcode type of its rewards.
     */
    barcodeType?: string;
    /**
     * Its categories.
     */
    categories?: Category[];
}

/**
 * A brand category (`CategoryView`).
 */
export interface Category {
    /**
     * Its ID (a UUID).
     */
    identifier?: string;
    /**
     * Its name.
     */
    description?: string;
}

/**
 * A call's settings as read from input (in TypeScript, `CallSettings`; `CallOptions` adds the
 * `signal`, which the host sets).
 */
export interface CallSettings {
    /**
     * Per-attempt timeout for this call, 1 to 600000 ms.
     */
    timeoutMs?: number;
    /**
     * Retries after the first attempt for this call, 0 to 100.
     */
    maxRetries?: number;
    /**
     * The longest wait before a retry for this call, 0 to 3600000 ms.
     */
    maxRetryDelayMs?: number;
    /**
     * Wire paths of fields this release does not know yet, sent as they are in this call (on
     * top of the client's `extraFields`).
     */
    extraFields?: string[];
}

/**
 * A cancel, freeze, unfreeze or reissue of a line item (`LineItemAction`).
 */
export interface LineItemAction {
    /**
     * What was done.
     */
    action?: string;
    /**
     * Why.
     */
    reason?: string;
    /**
     * When (RFC 3339).
     */
    actionDate?: string;
    /**
     * The line item before a reissue.
     */
    oldReferenceLineItemId?: string;
    /**
     * The line item after a reissue.
     */
    newReferenceLineItemId?: string;
}

/**
 * A change of a reward's status (`RewardViewHistory`).
 */
export interface RewardStatusChange {
    /**
     * When (RFC 3339).
     */
    date?: string;
    /**
     * The new status.
     */
    status?: RewardStatus;
}

/**
 * A client's settings, every one optional (in TypeScript, `ClientSettings`; `TangoClientOptions`
 * adds `fetch` and `logger`).
 */
export interface ClientSettings {
    /**
     * Tango's sandbox (default) or production; ignored when baseUrl is given.
     */
    environment?: Environment;
    /**
     * Any base URL: your backend proxy, or tango-sim.
     */
    baseUrl?: string;
    /**
     * HTTP Basic credentials. Refused in a browser unless dangerouslyAllowBrowser is true.
     */
    platformName?: string;
    /**
     * The platform key that goes with platformName: a secret.
     */
    platformKey?: string;
    /**
     * A bearer token, or a function returning one (called before every request).
     */
    token?: string | (() => string | Promise<string>);
    /**
     * Per-attempt timeout, 1 to 600000 ms (default 30000).
     */
    timeoutMs?: number;
    /**
     * Retries after the first attempt, 0 to 100 (default 2).
     */
    maxRetries?: number;
    /**
     * Creates started per second, 0.01 to 1000 (default 1, Tango's limit).
     */
    ordersPerSecond?: number;
    /**
     * The longest wait before a retry, 0 to 3600000 ms (default 60000). When Tango asks for a
     * longer wait (Retry-After), the call fails at once with the error and its retryAfterMs.
     */
    maxRetryDelayMs?: number;
    /**
     * Allow credentials in a web page, where every visitor can read them. Prefer a backend proxy.
     */
    dangerouslyAllowBrowser?: boolean;
    /**
     * Wire paths of fields this release does not know yet (`"loyaltyTier"`,
     * `"recipient.pronouns"`), sent as they are in every call instead of failing as
     * `unknown_field`.
     */
    extraFields?: string[];
}

/**
 * A fee (`CostAdjustmentEntity`).
 */
export interface CostAdjustment {
    /**
     * How it is counted (`percentage`, `flat`, …).
     */
    type?: string;
    /**
     * Its value.
     */
    value?: number;
}

/**
 * A header Tango sends with every delivery of a subscription (its value is often a credential).
 */
export interface WebhookHeader {
    /**
     * The header's name.
     */
    name?: string;
    /**
     * Its value: redacted in `Debug`.
     */
    value?: string;
}

/**
 * A limiter event for the client's logger: the shared store stopped answering, or answers again.
 */
export interface LimiterEvent {
    /**
     * `"unavailable"`: the shared store failed or did not answer in time, and this client paces
     * its creates and resends alone; `"restored"`: it answers again and is shared again.
     */
    state: "unavailable" | "restored";
    /**
     * `"timeout"`, `"error"` (the store's call failed) or `"answered"` (for `"restored"`).
     */
    reason: "timeout" | "error" | "answered";
    /**
     * What it means, in a sentence (never the store's own message, which may name hosts).
     */
    message: string;
}

/**
 * A line item as Tango returns it: each entry of `GET /lineItems` (`LineItemView`),
 * `GET /lineItems/{id}` (`LineItemViewVerbose`, with the reward and its histories) and each entry
 * of a redemption history (`LineItemRedemptionHistoryView`).
 *
 * One type for the three, every field optional: they differ only in which fields are present.
 */
export interface LineItem {
    /**
     * Tango's ID for the line item.
     */
    referenceLineItemID?: string;
    /**
     * Your reference for the line item.
     */
    externalReferenceLineItemID?: string;
    /**
     * The order it belongs to.
     */
    referenceOrderID?: string;
    /**
     * Where the order came from.
     */
    orderSource?: OrderSource;
    /**
     * Whether the reward was created.
     */
    status?: LineItemStatus;
    /**
     * The status of the whole order.
     */
    orderStatus?: OrderStatus;
    /**
     * What happened to the reward email.
     */
    emailStatus?: EmailStatus;
    /**
     * How the reward is delivered.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * How far delivery got.
     */
    deliveryStatus?: DeliveryStatus;
    /**
     * Whether the reward can be used.
     */
    rewardStatus?: RewardStatus;
    /**
     * Whether Tango allows cancelling it now.
     */
    canCancel?: boolean;
    /**
     * Whether Tango allows freezing it now.
     */
    canFreeze?: boolean;
    /**
     * Position in the order.
     */
    lineNumber?: number;
    /**
     * The reward's name.
     */
    rewardName?: string;
    /**
     * The reward's face value.
     */
    amountIssued?: Money;
    /**
     * What the account was charged.
     */
    amountCharged?: Money;
    /**
     * What is left on the reward.
     */
    remainingBalance?: number;
    /**
     * When it was issued (RFC 3339).
     */
    dateIssued?: string;
    /**
     * When the reward expires (RFC 3339).
     */
    expirationDate?: string;
    /**
     * Tango's account number.
     */
    accountNumber?: string;
    /**
     * The account it was paid from.
     */
    accountIdentifier?: string;
    /**
     * Email template ID.
     */
    etid?: string;
    /**
     * Printed template ID.
     */
    ptid?: string;
    /**
     * The reward's catalog ID.
     */
    utid?: string;
    /**
     * The customer the account belongs to.
     */
    customerIdentifier?: string;
    /**
     * Who receives it.
     */
    recipient?: Recipient;
    /**
     * Who sent it.
     */
    sender?: Sender;
    /**
     * Purchase order number.
     */
    purchaseOrderNumber?: string;
    /**
     * Free label for reporting.
     */
    campaign?: string;
    /**
     * The order's notes.
     */
    orderNotes?: string;
    /**
     * Why it was last cancelled, frozen or reissued.
     */
    lineItemActionReason?: string;
    /**
     * The line item this one replaced.
     */
    reissuedFromReferenceLineItemId?: string;
    /**
     * The line item that replaced this one.
     */
    reissuedToReferenceLineItemId?: string;
    /**
     * Why it failed.
     */
    lineItemErrors?: LineItemErrorDetail[];
    /**
     * How many rewards.
     */
    quantity?: number;
    /**
     * The reward and its credentials (detail only).
     */
    reward?: Reward;
    /**
     * Every resend (detail only).
     */
    resendHistory?: ResendAuditEvent[];
    /**
     * Related line items of the same reward (detail only).
     */
    redemptionHistory?: LineItem[];
    /**
     * Cancels, freezes and reissues (detail only).
     */
    lineItemActionHistory?: LineItemAction[];
    /**
     * Changes of the reward's status (detail only).
     */
    rewardViewHistory?: RewardStatusChange[];
}

/**
 * A line item of an asynchronous order that failed (`LineItemError`).
 */
export interface AsyncLineItemError {
    /**
     * The line item.
     */
    lineItemId?: string;
    /**
     * Your reference for the line item.
     */
    externalRefLineItemID?: string;
    /**
     * The reward's catalog ID.
     */
    utid?: string;
    /**
     * What was wrong.
     */
    errors?: FieldError[];
}

/**
 * A postal address (`AddressCriteria`, `RecipientAddressView`). Every line is personal data.
 */
export interface Address {
    /**
     * Company, when the reward goes to a workplace.
     */
    companyName?: Sensitive;
    /**
     * At most 35 characters.
     */
    streetLine1?: Sensitive;
    /**
     * At most 35 characters.
     */
    streetLine2?: Sensitive;
    /**
     * At most 30 characters.
     */
    city?: Sensitive;
    /**
     * A USPS code in the US, a province code in Canada, a region elsewhere.
     */
    stateOrProvince?: Sensitive;
    /**
     * Five digits in the US.
     */
    postalCode?: Sensitive;
    /**
     * ISO 3166-1 alpha-2, upper case.
     */
    country?: Sensitive;
}

/**
 * A string holding personal data (a name, an email, a phone number, an address line, a gift
 * message) or a reward credential.
 *
 * On the wire and in JavaScript it is a plain string: the name only marks the fields that carry
 * personal data. In Rust its `Debug` output is `"[redacted]"` and it has no `Display`, so it cannot
 * end up in a log line or an error message by accident; it is read deliberately with `expose()`.
 */
export type Sensitive = string;

/**
 * A subscription (`GET /webhooks/{id}`, each item of `GET /webhooks`, `PATCH`'s answer).
 */
export interface Webhook {
    /**
     * The subscription's ID.
     */
    webhookId?: string;
    /**
     * Where Tango delivers.
     */
    url?: string;
    /**
     * The headers sent with every delivery.
     */
    headers: WebhookHeader[];
    /**
     * The categories subscribed to.
     */
    categories: string[];
    /**
     * The event types subscribed to.
     */
    eventTypes: string[];
    /**
     * `HMAC`, `X509` or `NONE`.
     */
    payloadVerificationMethod?: string;
    /**
     * The HMAC key, base64 (when Tango returns it): redacted in `Debug`.
     */
    hmacSharedSecretKey?: string;
    /**
     * The X509 certificate, base64 DER.
     */
    signingCertificate?: string;
    /**
     * When it was created (RFC 3339).
     */
    createdAt?: string;
    /**
     * When it was last changed.
     */
    updatedAt?: string;
    /**
     * When it stops delivering unless renewed.
     */
    expiresAt?: string;
}

/**
 * A wait's settings as read from input (in TypeScript, `WaitSettings`; `WaitOptions` adds the
 * `signal` and `onStatus`, which the host sets).
 */
export interface WaitSettings {
    /**
     * How long to wait in all, 1 to 86400000 ms (default 600000: 10 minutes).
     */
    timeoutMs?: number;
}

/**
 * An amount in a currency: `amountCharged`, `denomination`, `amountIssued`.
 *
 * `value` is the face value; `total` is what the account was charged (`value` + `fee`, converted at
 * `exchangeRate` when the reward's currency differs from the account's).
 */
export interface Money {
    /**
     * The amount, in `currencyCode`.
     */
    value?: number;
    /**
     * ISO 4217 code, e.g. `USD`.
     */
    currencyCode?: string;
    /**
     * Rate used to convert into the account's currency.
     */
    exchangeRate?: number;
    /**
     * Fee charged on top of the value.
     */
    fee?: number;
    /**
     * Total charged.
     */
    total?: number;
}

/**
 * An order as Tango returns it: from `POST /orders` (`OrderViewSummary`), `GET /orders/{id}`
 * (`OrderViewVerbose`, with `reward.credentialList`) and each entry of `GET /orders`
 * (`OrderListItemView`, without `reward`).
 *
 * One type for the three: they differ only in which fields are present, and every field is
 * optional because real responses leave out fields the OpenAPI document calls required.
 */
export interface Order {
    /**
     * Tango's ID for the order; its first two letters are the order source (`RA` for the API).
     */
    referenceOrderID?: string;
    /**
     * The ID of the order's line item, for single-reward orders.
     */
    referenceLineItemID?: string;
    /**
     * Your idempotency key, as sent.
     */
    externalRefID?: string;
    /**
     * The customer the account belongs to.
     */
    customerIdentifier?: string;
    /**
     * The account the order was paid from.
     */
    accountIdentifier?: string;
    /**
     * Tango's account number.
     */
    accountNumber?: string;
    /**
     * What the account was charged.
     */
    amountCharged?: Money;
    /**
     * The reward's face value.
     */
    denomination?: Money;
    /**
     * The reward's catalog ID.
     */
    utid?: string;
    /**
     * Printed template ID, for printed rewards.
     */
    ptid?: string;
    /**
     * The reward's name, e.g. `Amazon.com Gift Card`.
     */
    rewardName?: string;
    /**
     * Who sent it.
     */
    sender?: Sender;
    /**
     * Who receives it.
     */
    recipient?: Recipient;
    /**
     * Subject of the reward email.
     */
    emailSubject?: string;
    /**
     * Gift message.
     */
    message?: Sensitive;
    /**
     * Deprecated by Tango; whether Tango emailed the reward.
     */
    sendEmail?: boolean;
    /**
     * How the reward is delivered.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * Email template ID.
     */
    etid?: string;
    /**
     * The order's status.
     */
    status?: OrderStatus;
    /**
     * The order's status, as the list endpoint also reports it.
     */
    orderStatus?: OrderStatus;
    /**
     * The status of the order's line item.
     */
    lineItemStatus?: LineItemStatus;
    /**
     * Free label for reporting.
     */
    campaign?: string;
    /**
     * When the order was placed (RFC 3339).
     */
    createdAt?: string;
    /**
     * Order notes.
     */
    notes?: string;
    /**
     * Which client placed it.
     */
    orderClientSource?: string;
    /**
     * Purchase order number.
     */
    purchaseOrderNumber?: string;
    /**
     * Whether this `externalRefID` was already used by another order.
     */
    orderExternalRefIdDupe?: boolean;
    /**
     * Progress of an asynchronous (`AA`) order.
     */
    asyncOrderEntity?: AsyncOrderEntity;
    /**
     * The reward and its credentials (create and get only).
     */
    reward?: Reward;
    /**
     * How to redeem, as HTML (create only; also inside `reward`).
     */
    redemptionInstructions?: string;
}

/**
 * Every field an error may have; each is set only for the kinds its comment names.
 */
export interface TangoErrorFields {
    /**
     * What kind of failure: branch on this, not on the message.
     */
    kind: TangoErrorKind;
    /**
     * Whether trying the same call again could succeed.
     */
    retryable: boolean;
    /**
     * For `validation`: every problem, by wire path, with a stable code.
     */
    issues?: Issue[];
    /**
     * For `api`: the HTTP status.
     */
    status?: number;
    /**
     * For `api`: a name for the status — bad_request, unauthorized, insufficient_funds (402),
     * forbidden, not_found, conflict (409), unprocessable (422, e.g. a frozen account),
     * rate_limited (429), server_error.
     */
    statusName?: string;
    /**
     * For `api`: Tango's reason phrase.
     */
    httpPhrase?: string;
    /**
     * For `api`: Tango's ID for the request, to quote to its support.
     */
    requestId?: string;
    /**
     * For `api`: Tango's stable key for the error (the body's, else its first entry's).
     */
    i18nKey?: string;
    /**
     * For `api`: Tango's entries, one per problem (empty when it sent none).
     */
    errors?: ApiErrorDetail[];
    /**
     * For `api`: the path Tango says failed.
     */
    path?: string;
    /**
     * For `api`: when, as Tango wrote it.
     */
    timestamp?: string;
    /**
     * For `api`: Tango's own message.
     */
    apiMessage?: string;
    /**
     * For `resend_too_soon`, and for a 429 whose Retry-After said how long to wait.
     */
    retryAfterMs?: number;
    /**
     * For `decode`: the start of the body with every string value replaced by "…" (keys,
     * numbers and punctuation kept), or a note of its length when it is not JSON.
     */
    excerpt?: string;
    /**
     * For `timeout`: the per-attempt timeout that ran out (the request may have been processed),
     * or for `waitForOrder`, how long the wait lasted.
     */
    timeoutMs?: number;
    /**
     * For the `timeout` of `waitForOrder`: the order's status at its last read (absent when no
     * read succeeded). The order may still finish.
     */
    lastStatus?: string;
    /**
     * For `conflict`: the existing order that holds this externalRefID.
     */
    referenceOrderID?: string;
    /**
     * For `conflict`: which fields of that order differ from the request (names only).
     */
    fields?: string[];
    /**
     * For every error of createOrder: the externalRefID the order was (or would have been) sent
     * with — yours, or the one generated.
     */
    externalRefID?: string;
    /**
     * For every error of createOrder: true when an attempt may have reached Tango and placed the
     * order (a timeout, a network error after sending, a lost or unreadable answer, 409, 5xx but
     * 503). Then call createOrder again with `{ ...order, externalRefID: error.externalRefID }`:
     * it resolves with the order (created: false) if it was placed, and places it once if not. A
     * call without that key may place a second order.
     */
    mayHaveBeenPlaced?: boolean;
}

/**
 * Every problem found in one input, in the order found. Empty means valid. In JavaScript, every
 * valid input gets the same frozen report object.
 */
export interface Report {
    /**
     * Whether there were no issues.
     */
    valid: boolean;
    /**
     * The problems.
     */
    issues: Issue[];
}

/**
 * How a page showing a brand must present its texts (`BrandRequirements`).
 */
export interface BrandRequirements {
    /**
     * How to display the brand.
     */
    displayInstructions?: string;
    /**
     * How to present the terms and conditions.
     */
    termsAndConditionsInstructions?: string;
    /**
     * How to present the disclaimer.
     */
    disclaimerInstructions?: string;
    /**
     * Whether the disclaimer must always be shown.
     */
    alwaysShowDisclaimer?: boolean;
}

/**
 * How many of an item one line item may hold (`QuantityConstraints`).
 */
export interface QuantityConstraints {
    /**
     * At least.
     */
    minQuantity?: number;
    /**
     * At most.
     */
    maxQuantity?: number;
}

/**
 * How one column was read.
 */
export interface CsvColumn {
    /**
     * Its header, trimmed.
     */
    header: string;
    /**
     * The wire path its cells fill; `null` for a column ignored (`options.columns` maps it to
     * `null`) or not understood (an issue says so).
     */
    path: string | null;
}

/**
 * How to read a CSV of orders (in TypeScript, `CsvSettings`; `CsvOptions` adds `onProgress` and
 * `signal`, which the host sets). The validation options apply to every row.
 */
export interface CsvSettings extends ValidateOptions {
    /**
     * Headers that are not wire paths, each mapped to the wire path it fills (`"Email":
     * "recipient.email"`), or to `null` to ignore the column.
     */
    columns?: Record<string, string | null>;
    /**
     * Fields every row gets unless its own cell is filled, e.g. `customerIdentifier`, `utid`,
     * `deliveryMethod` (an object like an order; nested objects merge).
     */
    defaults?: Partial<CreateOrderRequest> | Record<string, unknown>;
}

/**
 * How to validate.
 */
export interface ValidateOptions {
    /**
     * Digital or physical, overriding the inference (physical when the delivery method is ADDRESS
     * or a `ptid` is given). Create orders only.
     */
    fulfillment?: FulfillmentOption;
    /**
     * For a form being filled in: a field that is not filled yet (absent, empty or only spaces) is
     * not reported as `required`; everything filled is checked in full.
     */
    partial?: boolean;
    /**
     * Report only these wire paths and what is inside them (`recipient.address` covers
     * `recipient.address.city`). Rules that span fields still see the whole input. A path the
     * request does not have is reported (`unknown_field`); `null` and `undefined` items are
     * skipped, and one path alone may be given as a string.
     */
    fields?: string | ReadonlyArray<string | null | undefined>;
    /**
     * The current time in epoch milliseconds, for "expiration date in the future". JavaScript
     * callers leave it out: the package reads the clock.
     */
    nowMs?: number;
    /**
     * The catalog (`getCatalog`'s answer, or a list of its items), for create orders: the
     * amount must fit the item of the order's `utid` (its range, or its face value: `amount:
     * out_of_range`), the delivery method must be one the item serves (`deliveryMethod:
     * unsupported`), a mailed reward's country one it is sent to, and the UTID must be in the
     * catalog (`utid: invalid_value`). Without it, none of these apply.
     */
    catalog?: Catalog | CatalogItem[];
    /**
     * Wire paths of fields this release does not know yet (`"loyaltyTier"`,
     * `"recipient.pronouns"`), accepted as they are instead of being reported `unknown_field`:
     * a field Tango adds can be sent without waiting for a new release. Nothing inside them is
     * checked.
     */
    extraFields?: string | ReadonlyArray<string | null | undefined>;
}

/**
 * One credential of a reward (`CredentialView`).
 */
export interface Credential {
    /**
     * What to call it in a UI, e.g. `Security Code`.
     */
    label?: string;
    /**
     * The credential itself: a secret, redacted in `Debug`.
     */
    value?: Sensitive;
    /**
     * How to show it: `text`, `url`, `date`, …
     */
    type?: string;
    /**
     * A stable name for the credential, e.g. `rewardSecurityCode`, `redemptionUrl`, `expirationDate`.
     */
    credentialType?: string;
}

/**
 * One invalid field of an asynchronous line item (`ValidationErrorDto`).
 */
export interface FieldError {
    /**
     * The field's name.
     */
    field?: string;
    /**
     * Tango's numeric error code.
     */
    errorCodeValue?: number;
    /**
     * Tango's error code name.
     */
    errorCodeName?: string;
    /**
     * Tango's message.
     */
    message?: string;
}

/**
 * One page of `GET /lineItems` (`LineItemListView`).
 */
export interface LineItemListPage {
    /**
     * Where this page is.
     */
    keysetPage?: KeysetPage;
    /**
     * The line items on it.
     */
    lineItems: LineItem[];
}

/**
 * One page of `GET /orders` (`OrderListView`).
 */
export interface OrderListPage {
    /**
     * Where this page is.
     */
    page?: Page;
    /**
     * The orders on it (without `reward`: get an order for its credentials).
     */
    orders: Order[];
}

/**
 * One page of a cursor-paged webhook list: pass `nextCursor` back for the next.
 */
export interface WebhookPage<T> {
    /**
     * The items on this page.
     */
    items: T[];
    /**
     * How many items this page holds.
     */
    numberOfElements?: number;
    /**
     * The page size asked for.
     */
    maxResults?: number;
    /**
     * The cursor of the next page.
     */
    nextCursor?: string;
    /**
     * The cursor of the previous page.
     */
    prevCursor?: string;
    /**
     * Whether there is a next page.
     */
    nextPageAvailable?: boolean;
    /**
     * Whether there is a previous page.
     */
    prevPageAvailable?: boolean;
}

/**
 * One problem in a CSV of orders: in a row (its `index` and `line`), or in the header or the
 * file as a whole (no `index`).
 */
export interface CsvIssue {
    /**
     * The row's position among the file's orders, from 0 (blank lines and empty rows are not
     * orders); absent for a problem of the header or of the file.
     */
    index?: number;
    /**
     * The line the row starts on, from 1 (a quoted field may span lines).
     */
    line: number;
    /**
     * Wire path of the field within the order; empty for the row, the header or the file.
     */
    path: string;
    /**
     * The header of the column the field was read from, when it was read from one.
     */
    column?: string;
    /**
     * What is wrong.
     */
    code: Code;
    /**
     * A short sentence for people, without the value.
     */
    message: string;
}

/**
 * One problem in one row of a bulk validation.
 */
export interface BulkIssue {
    /**
     * The row's position in the input, from 0.
     */
    index: number;
    /**
     * Wire path of the field within the row.
     */
    path: string;
    /**
     * What is wrong.
     */
    code: Code;
    /**
     * A short sentence for people, without the value.
     */
    message: string;
}

/**
 * One problem inside an error body. The OpenAPI document leaves these untyped; the docs show
 * `{code, i18nKey, message}`, and validation errors are `{field, errorCodeValue, errorCodeName,
 * message}` (`ValidationErrorDto`).
 */
export interface ApiErrorDetail {
    /**
     * Tango's code: a number in the docs (`422001`), kept as sent.
     */
    code?: number | string;
    /**
     * A stable key for the error, e.g. `404.142` (frozen account).
     */
    i18nKey?: string;
    /**
     * Tango's message.
     */
    message?: string;
    /**
     * The field the problem is about.
     */
    field?: string;
    /**
     * A validation error's code as a number (`ValidationErrorDto.errorCodeValue`).
     */
    errorCodeValue?: number | string;
    /**
     * A validation error's code as a name (`ValidationErrorDto.errorCodeName`).
     */
    errorCodeName?: string;
}

/**
 * One problem: where (the wire path, e.g. `recipient.address.postalCode`), what (a stable code),
 * and a short English sentence. The message never contains the value, which may be personal data.
 */
export interface Issue {
    /**
     * Wire path of the field, dotted, with `[i]` for list items; empty for the input as a whole.
     */
    path: string;
    /**
     * What is wrong.
     */
    code: Code;
    /**
     * A short sentence for people, without the value.
     */
    message: string;
}

/**
 * One resend of a line item (`RaasLineItemResendAuditEventDto`).
 */
export interface ResendAuditEvent {
    /**
     * When (RFC 3339).
     */
    dateIssued?: string;
    /**
     * Who sent it.
     */
    sender?: Sender;
    /**
     * Where it went (email and mobile number only).
     */
    recipient?: Recipient;
    /**
     * How it went.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * How far delivery got.
     */
    deliveryStatus?: DeliveryStatus;
    /**
     * Email template ID.
     */
    etid?: string;
    /**
     * Why it was resent.
     */
    reasonCode?: ResendReason;
    /**
     * The reason in words, for `OTHER`.
     */
    otherReason?: string;
}

/**
 * One reward of the catalog (`ItemViewVerbose`): what an order for its UTID may be.
 */
export interface CatalogItem {
    /**
     * The reward's ID, the `utid` of an order.
     */
    utid?: string;
    /**
     * Its name.
     */
    rewardName?: string;
    /**
     * The currency of its amounts (`USD`, …).
     */
    currencyCode?: string;
    /**
     * `active`, `inactive`, `test` or `deleted`.
     */
    status?: string;
    /**
     * `VARIABLE_VALUE` (any amount from `minValue` to `maxValue`) or `FIXED_VALUE` (`faceValue`).
     */
    valueType?: string;
    /**
     * `gift card`, `promo`, `reward link`, `physical gift card`, …
     */
    rewardType?: string;
    /**
     * Whether the reward expires.
     */
    isExpirable?: boolean;
    /**
     * How many of it one line item may hold.
     */
    quantityConstraints?: QuantityConstraints;
    /**
     * Whether amounts must be whole (no cents).
     */
    isWholeAmountValueRequired?: boolean;
    /**
     * How amounts in another currency are converted.
     */
    exchangeRateRule?: string;
    /**
     * The smallest amount, for `VARIABLE_VALUE`.
     */
    minValue?: number;
    /**
     * The largest amount, for `VARIABLE_VALUE`.
     */
    maxValue?: number;
    /**
     * The only amount, for `FIXED_VALUE`.
     */
    faceValue?: number;
    /**
     * Its fee.
     */
    fee?: CostAdjustment;
    /**
     * When it was added.
     */
    createdDate?: string;
    /**
     * When it last changed.
     */
    lastUpdateDate?: string;
    /**
     * Where it can be sent: ISO 3166-1 two-letter codes.
     */
    countries?: string[];
    /**
     * What its credentials are (`barcode`, `pin`, `url`, …).
     */
    credentialTypes?: string[];
    /**
     * How to redeem it (HTML).
     */
    redemptionInstructions?: string;
    /**
     * `DIGITAL` or `PHYSICAL` (deprecated by Tango, still sent).
     */
    fulfillmentType?: string;
    /**
     * How it can be delivered: `EMAIL`, `PHONE` (text messages), `ADDRESS`, `EMBEDDED`, …
     */
    attributes?: string[];
}

/**
 * Position of a page of `GET /lineItems` (`KeysetPageView`): pass `nextPageKeys` back as
 * `pageKeys` for the next page.
 */
export interface KeysetPage {
    /**
     * Keys of the next page; empty or absent on the last page.
     */
    nextPageKeys?: string[];
    /**
     * Keys of the previous page.
     */
    previousPageKeys?: string[];
    /**
     * How many line items this page holds.
     */
    resultCount?: number;
    /**
     * How many line items match the query.
     */
    totalCount?: number;
}

/**
 * Position of a page of `GET /orders` (`PageView`).
 */
export interface Page {
    /**
     * Page number, from 0.
     */
    number?: number;
    /**
     * Page size asked for.
     */
    elementsPerBlock?: number;
    /**
     * How many orders this page holds.
     */
    resultCount?: number;
    /**
     * How many orders match the query (Tango returns at most 10,000 of them).
     */
    totalCount?: number;
}

/**
 * Progress of an asynchronous order (`AsyncOrderEntity`).
 */
export interface AsyncOrderEntity {
    /**
     * Your idempotency key.
     */
    externalRefID?: string;
    /**
     * Processing status of the asynchronous order.
     */
    status?: string;
    /**
     * How many line items the order has.
     */
    totalLineItems?: number;
    /**
     * When it was accepted (RFC 3339).
     */
    createdAt?: string;
    /**
     * The line items that failed, with why.
     */
    failedLineItems?: AsyncLineItemError[];
    /**
     * Line item reference IDs sent more than once, with how often.
     */
    duplicateLineItemRefIds?: Record<string, number>;
}

/**
 * Tango's answer to a line item resend (`ResendView`).
 */
export interface LineItemResendResult {
    /**
     * The resend's ID.
     */
    id?: number;
    /**
     * The resend's ID in Tango's older system.
     */
    legacyId?: string;
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * How it was sent.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * Where it was sent.
     */
    email?: Sensitive;
    /**
     * Where it was sent.
     */
    mobileNumber?: Sensitive;
    /**
     * Why.
     */
    reasonCode?: ResendReason;
    /**
     * The reason in words.
     */
    otherReason?: string;
}

/**
 * Tango's answer to an order resend (`ResendOrderView`).
 */
export interface OrderResendResult {
    /**
     * The resend's ID.
     */
    id?: number;
    /**
     * The resend's ID in Tango's older system.
     */
    legacyId?: string;
    /**
     * When (RFC 3339).
     */
    createdAt?: string;
    /**
     * Where it was sent.
     */
    email?: Sensitive;
    /**
     * Where it was sent.
     */
    mobileNumber?: Sensitive;
}

/**
 * The answer of `GET /catalogs` (`CatalogViewVerbose`): the platform's catalog.
 */
export interface Catalog {
    /**
     * The catalog's name.
     */
    catalogName?: string;
    /**
     * Its brands, each with its items.
     */
    brands?: Brand[];
}

/**
 * The answer of `GET /lineItems/{id}/embeddedUrl` (`EmbeddableResponseDTO`).
 */
export interface EmbeddedUrl {
    /**
     * The page to embed; it shows the reward, so treat it as a secret.
     */
    url?: Sensitive;
}

/**
 * The body of `PATCH /lineItems/{id}` (`UpdateLineItemRequest`).
 */
export interface UpdateLineItemRequest {
    /**
     * Purchase order number.
     */
    purchaseOrderNumber?: string;
    /**
     * Letters, digits and spaces, at most 100.
     */
    campaign?: string;
    /**
     * At most 150 characters.
     */
    orderNotes?: string;
}

/**
 * The body of `POST /lineItems/{id}/cancel` (`CancelLineItemRequestCriteria`).
 */
export interface CancelLineItemRequest {
    /**
     * Why.
     */
    reasonCode: CancelReason;
    /**
     * The reason in words; required with `OTHER`.
     */
    otherReason?: string;
}

/**
 * The body of `POST /lineItems/{id}/freeze` and `/unfreeze` (`FreezeLineItemRequestCriteria`,
 * `UnfreezeLineItemRequestCriteria`, which are the same).
 */
export interface FreezeLineItemRequest {
    /**
     * Why.
     */
    reasonCode: FreezeReason;
    /**
     * The reason in words; required with `OTHER`.
     */
    otherReason?: string;
}

/**
 * The body of `POST /lineItems/{id}/reissue` (`ReissueLineItemRequestCriteria`).
 */
export interface ReissueLineItemRequest {
    /**
     * Why.
     */
    reasonCode: ReissueReason;
    /**
     * The reason in words; required with `OTHER`.
     */
    otherReason?: string;
    /**
     * A new face value.
     */
    amount?: number;
    /**
     * A new delivery method.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * A new recipient (names, email, mobile number).
     */
    recipient?: Recipient;
    /**
     * At most 150 characters.
     */
    notes?: string;
}

/**
 * The body of `POST /lineItems/{referenceLineItemId}/resends` (`LineItemResendRequestCriteria`):
 * can switch the delivery method, e.g. from email to phone.
 */
export interface LineItemResendRequest {
    /**
     * Switch delivery method: NONE, EMAIL, PHONE or WHATSAPP.
     */
    newDeliveryMethod?: DeliveryMethod;
    /**
     * Send to this email address instead.
     */
    newEmail?: Sensitive;
    /**
     * Send to this mobile number instead (E.164).
     */
    newMobileNumber?: Sensitive;
    /**
     * Use this email template.
     */
    newEtid?: string;
    /**
     * Why it is resent.
     */
    reasonCode?: ResendReason;
    /**
     * The reason in words; required with `OTHER`.
     */
    otherReason?: string;
}

/**
 * The body of `POST /orders/{referenceOrderID}/resends` (`OrderResendRequestCriteria`). Every field
 * is optional: an empty body resends to the original recipient.
 */
export interface OrderResendRequest {
    /**
     * Send to this email address instead (same recipient).
     */
    newEmail?: Sensitive;
    /**
     * Send to this mobile number instead (E.164).
     */
    newMobile?: Sensitive;
    /**
     * Use this email template.
     */
    newEtid?: string;
    /**
     * Switch delivery method: NONE, EMAIL, PHONE or WHATSAPP.
     */
    newDeliveryMethod?: DeliveryMethod;
}

/**
 * The body of `POST /orders` (`CreateOrderCriteria`).
 *
 * Required fields are `Option` in Rust so that an incomplete order still decodes and validation
 * can report every missing field at once; the TypeScript type marks them required.
 */
export interface CreateOrderRequest {
    /**
     * Your idempotency key: letters and digits, at most 100. A second create with the same value
     * returns the first order (HTTP 200) instead of placing another.
     */
    externalRefID?: string;
    /**
     * The customer the account belongs to.
     */
    customerIdentifier: string;
    /**
     * The account the order is paid from.
     */
    accountIdentifier: string;
    /**
     * The reward's catalog ID, e.g. `U000001`.
     */
    utid: string;
    /**
     * How to deliver. When omitted it is inferred: an address means ADDRESS, `sendEmail: true`
     * EMAIL, `sendEmail: false` NONE.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * Face value of the reward, at most two decimal places.
     */
    amount: number;
    /**
     * Printed template ID, required for a printed reward link.
     */
    ptid?: string;
    /**
     * Who sends it (for tracking only).
     */
    sender?: Sender;
    /**
     * Who receives it.
     */
    recipient?: Recipient;
    /**
     * Subject of the reward email.
     */
    emailSubject?: string;
    /**
     * Gift message, at most 3000 characters.
     */
    message?: Sensitive;
    /**
     * Deprecated by Tango in favour of `deliveryMethod`; still sent, derived from it.
     */
    sendEmail?: boolean;
    /**
     * Email template ID, e.g. `E000000`; only with EMAIL delivery.
     */
    etid?: string;
    /**
     * Free label for reporting, at most 100 characters.
     */
    campaign?: string;
    /**
     * At most 100 characters.
     */
    purchaseOrderNumber?: string;
    /**
     * At most 150 characters.
     */
    notes?: string;
    /**
     * RFC 3339 date-time when a promo link expires; promo links only.
     */
    expirationDate?: string;
    /**
     * Your own fields, stored with the order.
     */
    customFields?: Record<string, unknown>;
}

/**
 * The deprecated `credentials` value, kept verbatim and redacted in `Debug`.
 */
export type LegacyCredentials = unknown;

/**
 * The event types of a category (`GET /webhooks/eventtypes`).
 */
export interface WebhookEventTypes {
    /**
     * The category.
     */
    category?: string;
    /**
     * Its event types.
     */
    eventTypes: string[];
}

/**
 * The query of `GET /catalogs`: every member optional; lists (one value or several) are sent as
 * repeated parameters.
 */
export interface CatalogFilter {
    /**
     * With the brands' long texts and images (Tango's default: true).
     */
    verbose?: boolean;
    /**
     * One brand, by ID.
     */
    brandKey?: string;
    /**
     * One brand, by name.
     */
    brandName?: string;
    /**
     * One reward, by UTID.
     */
    utid?: string;
    /**
     * One reward, by name.
     */
    rewardName?: string;
    /**
     * `test`, `active`, `inactive` or `deleted`.
     */
    status?: string;
    /**
     * Reward types: `all`, `gift card`, `promo`, `reward link`, `physical gift card`, …
     */
    rewardType?: string | string[];
    /**
     * One currency.
     */
    currencyCode?: string;
    /**
     * One country.
     */
    country?: string;
    /**
     * `DIGITAL` and/or `PHYSICAL` (deprecated by Tango).
     */
    fulfillmentType?: string | string[];
    /**
     * Delivery attributes the items must have: `EMAIL`, `PHONE`, `ADDRESS`, `EMBEDDED`.
     */
    itemAttribute?: string | string[];
    /**
     * Brand categories, by ID.
     */
    categoryIds?: string | string[];
}

/**
 * The query of `GET /lineItems`: every filter of the OpenAPI operation. All optional.
 */
export interface LineItemFilter {
    /**
     * Only this order's line items.
     */
    referenceOrderID?: string;
    /**
     * Only the order with this idempotency key.
     */
    externalRefID?: string;
    /**
     * The reward's catalog ID.
     */
    utid?: string;
    /**
     * Printed template ID.
     */
    ptid?: string;
    /**
     * Email template ID.
     */
    etid?: string;
    /**
     * The line item's status.
     */
    status?: LineItemStatus;
    /**
     * What happened to the email.
     */
    emailStatus?: EmailStatus;
    /**
     * How the reward is delivered.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * How far delivery got.
     */
    deliveryStatus?: DeliveryStatus;
    /**
     * The order's status.
     */
    orderStatus?: OrderStatus;
    /**
     * Where the order came from.
     */
    orderSource?: OrderSource;
    /**
     * Recipient's email.
     */
    recipientEmail?: Sensitive;
    /**
     * Recipient's mobile number.
     */
    recipientMobileNumber?: Sensitive;
    /**
     * Recipient's first name.
     */
    recipientFirstName?: Sensitive;
    /**
     * Recipient's last name.
     */
    recipientLastName?: Sensitive;
    /**
     * The account.
     */
    accountIdentifier?: string;
    /**
     * Campaign label.
     */
    campaign?: string;
    /**
     * Purchase order number.
     */
    purchaseOrderNumber?: string;
    /**
     * Order notes.
     */
    orderNotes?: string;
    /**
     * Recipient's street, line 1.
     */
    recipientStreetLine1?: Sensitive;
    /**
     * Recipient's street, line 2.
     */
    recipientStreetLine2?: Sensitive;
    /**
     * Recipient's city.
     */
    recipientCity?: Sensitive;
    /**
     * Recipient's state or province.
     */
    recipientStateOrProvince?: Sensitive;
    /**
     * Recipient's postal code.
     */
    recipientPostalCode?: Sensitive;
    /**
     * Recipient's country.
     */
    recipientCountry?: Sensitive;
    /**
     * From this RFC 3339 date or date-time.
     */
    startDate?: string;
    /**
     * Up to this RFC 3339 date or date-time.
     */
    endDate?: string;
    /**
     * Sort column; Tango's default is `dateIssued`.
     */
    columnSortName?: LineItemSortColumn;
    /**
     * Sort ascending; Tango's default is descending.
     */
    columnSortAscending?: boolean;
    /**
     * Page size.
     */
    elementsPerBlock?: number;
    /**
     * Walk backwards from `pageKeys`.
     */
    pagePrevious?: boolean;
    /**
     * The `nextPageKeys` (or `previousPageKeys`) of the page before.
     */
    pageKeys?: string[];
    /**
     * Smallest remaining balance.
     */
    minRemainingBalance?: number;
    /**
     * Largest remaining balance.
     */
    maxRemainingBalance?: number;
    /**
     * Only rewards with money left on them.
     */
    hasRemainingBalance?: boolean;
}

/**
 * The query of `GET /orders`: every filter of the OpenAPI operation. All optional.
 */
export interface OrderFilter {
    /**
     * Only this account's orders.
     */
    accountIdentifier?: string;
    /**
     * Only this customer's orders.
     */
    customerIdentifier?: string;
    /**
     * Only the order with this idempotency key.
     */
    externalRefID?: string;
    /**
     * From this RFC 3339 date or date-time.
     */
    startDate?: string;
    /**
     * Up to this RFC 3339 date or date-time.
     */
    endDate?: string;
    /**
     * Page size.
     */
    elementsPerBlock?: number;
    /**
     * Page number, from 0.
     */
    page?: number;
    /**
     * Smallest face value.
     */
    minAmount?: number;
    /**
     * Largest face value.
     */
    maxAmount?: number;
    /**
     * `AUD`, `CAD`, `EUR`, `GBP` or `USD`.
     */
    currencyCode?: string;
    /**
     * The reward's catalog ID.
     */
    utid?: string;
    /**
     * Printed template ID.
     */
    ptid?: string;
    /**
     * The reward's name.
     */
    rewardName?: string;
    /**
     * Sender's first name.
     */
    senderFirstName?: Sensitive;
    /**
     * Sender's last name.
     */
    senderLastName?: Sensitive;
    /**
     * Sender's email.
     */
    senderEmail?: Sensitive;
    /**
     * Recipient's email.
     */
    recipientEmail?: Sensitive;
    /**
     * Recipient's mobile number.
     */
    recipientMobileNumber?: Sensitive;
    /**
     * Recipient's first name.
     */
    recipientFirstName?: Sensitive;
    /**
     * Recipient's last name.
     */
    recipientLastName?: Sensitive;
    /**
     * Whether Tango emailed the reward.
     */
    sendEmail?: boolean;
    /**
     * How the reward is delivered.
     */
    deliveryMethod?: DeliveryMethod;
    /**
     * Deprecated by Tango: use `orderStatus`.
     */
    status?: OrderStatus;
    /**
     * The order's status.
     */
    orderStatus?: OrderStatus;
    /**
     * The status of a line item of the order.
     */
    lineItemStatus?: LineItemStatus;
    /**
     * Campaign label.
     */
    campaign?: string;
    /**
     * Order notes.
     */
    notes?: string;
    /**
     * Line item notes.
     */
    lineItemNotes?: string;
    /**
     * Purchase order number.
     */
    purchaseOrderNumber?: string;
}

/**
 * The reason codes each line item action accepts, code → description
 * (`GET /lineItems/reasonCodes`, `RewardReasonsMap`).
 */
export interface ReasonCodes {
    /**
     * Reasons to freeze.
     */
    FREEZE?: Record<string, string>;
    /**
     * Reasons to unfreeze.
     */
    UNFREEZE?: Record<string, string>;
    /**
     * Reasons to cancel.
     */
    CANCEL?: Record<string, string>;
    /**
     * Reasons to cancel and reissue.
     */
    CANCEL_AND_REISSUE?: Record<string, string>;
}

/**
 * The result of checking a CSV of orders.
 */
export interface CsvReport {
    /**
     * Whether there are no issues at all: every row valid, the header and the file fine.
     */
    valid: boolean;
    /**
     * The orders (rows) checked: at most 50,000.
     */
    rowCount: number;
    /**
     * Rows without issues.
     */
    validCount: number;
    /**
     * Rows with at least one issue; every row when the first line names no field (none could be
     * read as an order, and none is reported one by one).
     */
    invalidCount: number;
    /**
     * The columns, in file order, and the field each fills; empty when the first line names no
     * field at all (it is then most likely a row of data, which the report does not repeat).
     */
    columns: CsvColumn[];
    /**
     * Every problem: the header's and the file's first, then each row's, in row order.
     */
    issues: CsvIssue[];
}

/**
 * The result of validating many rows at once.
 */
export interface BulkReport {
    /**
     * Rows without issues.
     */
    validCount: number;
    /**
     * Rows with at least one issue.
     */
    invalidCount: number;
    /**
     * Every problem of every row, in row order.
     */
    issues: BulkIssue[];
}

/**
 * The reward issued for an order or line item (`RewardView`).
 */
export interface Reward {
    /**
     * Deprecated by Tango: read `credentialList`. Kept as it came (an object in the docs, a string
     * in the OpenAPI document).
     */
    credentials?: LegacyCredentials;
    /**
     * The credentials to show or send to the recipient: codes, URLs, PINs, expiration dates.
     */
    credentialList?: Credential[];
    /**
     * How to redeem, as HTML.
     */
    redemptionInstructions?: string;
}

/**
 * What Tango says went wrong. Every field is optional: error bodies vary by endpoint and status.
 */
export interface ApiErrorBody {
    /**
     * When (RFC 3339).
     */
    timestamp?: string;
    /**
     * Tango's ID for the request: quote it to Tango's support.
     */
    requestId?: string;
    /**
     * The path that failed.
     */
    path?: string;
    /**
     * The HTTP status.
     */
    httpCode?: number;
    /**
     * The HTTP reason phrase.
     */
    httpPhrase?: string;
    /**
     * A stable key for the error, e.g. `403.005` (resend within 30 s).
     */
    i18nKey?: string;
    /**
     * Tango's message.
     */
    message?: string;
    /**
     * Values for the placeholders of the `i18nKey` message (`ErrorDTO`).
     */
    i18nTokenReplacements?: unknown[];
    /**
     * One entry per problem, e.g. per invalid field.
     */
    errors?: ApiErrorDetail[];
}

/**
 * What a create or a renew answers: the subscription's ID and its new expiry.
 */
export interface WebhookExpiry {
    /**
     * The subscription's ID.
     */
    webhookId?: string;
    /**
     * When it stops delivering unless renewed (RFC 3339).
     */
    expiresAt?: string;
}

/**
 * What a create returns: the order, and whether this call placed it (`false` when Tango answered
 * 200 because an order with this `externalRefID` already existed before the call).
 */
export interface CreateOrderResult {
    /**
     * The order.
     */
    order: Order;
    /**
     * Whether this call placed the order; false when an order with this externalRefID already
     * existed before the call (Tango answered 200 with it).
     */
    created: boolean;
}

/**
 * What happened on one attempt, for an optional logger: never a body, a query, a header or any
 * personal data.
 */
export interface RequestEvent {
    /**
     * `GET` or `POST`.
     */
    method: string;
    /**
     * The path, without the query.
     */
    path: string;
    /**
     * The status, or `None` when no answer came.
     */
    status: number | undefined;
    /**
     * Tango's request ID, when it sent one.
     */
    requestId: string | undefined;
    /**
     * 1 for the first attempt.
     */
    attempt: number;
    /**
     * How long the attempt took.
     */
    durationMs: number;
}

/**
 * What is wrong with a field. The codes are stable: programs and forms branch on them.
 */
export type Code = "required" | "too_short" | "too_long" | "invalid_characters" | "invalid_format" | "invalid_value" | "not_allowed" | "out_of_range" | "unsupported" | "conflict" | "unknown_field";

/**
 * What the logger is told: each attempt (`type: "request"`), and the shared limiter's changes
 * (`type: "limiter"`: its store stopped answering, or answers again).
 */
export type LogEvent = ({ type: "request" } & RequestEvent) | ({ type: "limiter" } & LimiterEvent);

/**
 * Which kind of failure, as JavaScript sees it in `error.kind`.
 *
 * `Validation`, `Config` and `ResendTooSoon` mean nothing was sent; `Timeout` means the request may
 * have been processed. A create's error says more: see [`crate::client::CreateOrderError`].
 */
export type TangoErrorKind = "validation" | "api" | "network" | "timeout" | "decode" | "config" | "resend_too_soon" | "conflict" | "aborted" | "unverified";

/**
 * Which of Tango's hosts.
 */
export type Environment = "sandbox" | "production";

/**
 * Who receives the reward (`RecipientInfoCriteria`, `RecipientInfoView`, `RecipientDTO`,
 * `ReissueLineItemRecipientInfoCriteria`).
 */
export interface Recipient {
    /**
     * Required for EMAIL and ADDRESS delivery.
     */
    firstName?: Sensitive;
    /**
     * Required for ADDRESS delivery.
     */
    lastName?: Sensitive;
    /**
     * Required for EMAIL delivery.
     */
    email?: Sensitive;
    /**
     * E.164 (`+12025550123`); required for PHONE and WHATSAPP delivery.
     */
    mobileNumber?: Sensitive;
    /**
     * Required for a physical reward; must be absent or `null` for a digital one.
     */
    address?: Address | null;
}

/**
 * Who sent the reward (`SenderInfoCriteria`, `SenderInfoView`, `SenderDTO`). For tracking only: it
 * does not change the address Tango's email comes from.
 */
export interface Sender {
    /**
     * At most 100 characters, without `<`, `>` or `/`.
     */
    firstName?: Sensitive;
    /**
     * At most 100 characters, without `<`, `>` or `/`.
     */
    lastName?: Sensitive;
    /**
     * The sender's email address.
     */
    email?: Sensitive;
}

/**
 * Why a line item failed (`LineItemErrorDTO`; Tango spells these two fields in snake case).
 */
export interface LineItemErrorDetail {
    /**
     * Tango's error code.
     */
    error_code?: string;
    /**
     * Tango's message.
     */
    error_message?: string;
}

/**
 * `"digital"` or `"physical"`: see [`Fulfillment`].
 */
export type FulfillmentOption = "digital" | "physical";

/**
 * `APICredentials` (tested as `CredentialStatus`): an API credential changed.
 */
export interface CredentialStatusEventData {
    /**
     * The platform.
     */
    platformName?: string;
    /**
     * The credential.
     */
    credentialName?: string;
    /**
     * Its type.
     */
    credentialType?: string;
    /**
     * Its status.
     */
    status?: string;
    /**
     * Who changed it.
     */
    lastUpdatedBy?: string;
}

/**
 * `AccountStatus`: an account changed status.
 */
export interface AccountStatusEventData {
    /**
     * The account.
     */
    accountIdentifier?: string;
    /**
     * Its status.
     */
    status?: string;
}

/**
 * `AsyncOrderStatus`: an asynchronous order finished (SUCCESSFUL, RETRYING, FAILED,
 * PARTIALFAILED).
 */
export interface AsyncOrderStatusEventData {
    /**
     * The order's key.
     */
    externalRefID?: string;
    /**
     * The order's status.
     */
    status?: string;
    /**
     * Its line items in all.
     */
    totalLineItems?: number;
    /**
     * Those that failed.
     */
    failedLineItems?: number;
    /**
     * Those that succeeded.
     */
    successfulLineItems?: number;
    /**
     * The order.
     */
    referenceOrderId?: string;
    /**
     * The account it was paid from.
     */
    accountIdentifier?: string;
    /**
     * The customer.
     */
    customerIdentifier?: string;
}

/**
 * `ExchangeRatesStatus`: exchange rates were updated.
 */
export interface ExchangeRatesStatusData {
    /**
     * The status.
     */
    status?: string;
}

/**
 * `ItemAvailability`: a catalog item became available or not.
 */
export interface ItemAvailabilityEventData {
    /**
     * The item.
     */
    utid?: string;
    /**
     * Its availability.
     */
    status?: string;
}

/**
 * `LineItemDeliveryStatus`: a mailed reward moved (IN_PROGRESS, SHIPPED, COMPLETED, CANCELED,
 * FAILED).
 */
export interface LineItemDeliveryStatusEventData {
    /**
     * The line item.
     */
    referenceLineItemId?: string;
    /**
     * Its delivery status now.
     */
    status?: string;
}

/**
 * `LowBalance`: an account's balance fell below its alert.
 */
export interface LowBalanceEventData {
    /**
     * The account.
     */
    accountIdentifier?: string;
    /**
     * Its balance.
     */
    balance?: number;
    /**
     * The alert's threshold.
     */
    balanceThreshold?: number;
    /**
     * The alert.
     */
    balanceAlertIdentifier?: string;
}

/**
 * `RewardStatus`: a reward was frozen, unfrozen, cancelled, activated or redeemed.
 */
export interface RewardStatusEventData {
    /**
     * The line item.
     */
    referenceLineItemId?: string;
    /**
     * The order's key.
     */
    externalRefID?: string;
    /**
     * What was done.
     */
    action?: string;
    /**
     * The action's reason code.
     */
    reasonCode?: string;
    /**
     * The action's reason.
     */
    reason?: string;
    /**
     * The reward's status now: FROZEN, UNFROZEN, CANCELLED, ACTIVATED, PARTIAL_REDEMPTION or
     * FULL-REDEMPTION.
     */
    status?: string;
    /**
     * The kind of reward.
     */
    type?: string;
    /**
     * The line item that replaces this one (a reissue).
     */
    newReferenceLineItemId?: string;
}

/**
 * `Transaction`: money moved on an account.
 */
export interface TransactionEventData {
    /**
     * The customer.
     */
    customerIdentifier?: string;
    /**
     * The account.
     */
    accountIdentifier?: string;
    /**
     * What kind of transaction.
     */
    transactionType?: string;
    /**
     * The transaction.
     */
    transactionId?: number;
    /**
     * How it was funded.
     */
    fundingMethod?: string;
    /**
     * The funding type.
     */
    fundingType?: string;
    /**
     * The account it went to.
     */
    transferToAccountIdentifier?: string;
    /**
     * The account it came from.
     */
    transferFromAccountIdentifier?: string;
    /**
     * The invoice.
     */
    invoiceNumber?: string;
    /**
     * The currency.
     */
    currency?: string;
    /**
     * The amount.
     */
    amount?: number;
    /**
     * A note.
     */
    note?: string;
}

/** CancelReason: one of the known values, or any other string the server sends. */
export type CancelReason = "DELIVERY_INFO" | "REWARD_AMOUNT" | "REWARD_TYPE" | "RECIPIENT" | "CURRENCY" | "RECIPIENT_REQUESTED" | "RECIPIENT_OBLIGATIONS" | "DUPLICATE" | "FRAUD" | "OTHER" | (string & {});

/** DeliveryMethod: one of the known values, or any other string the server sends. */
export type DeliveryMethod = "NONE" | "EMAIL" | "PHONE" | "ADDRESS" | "EMBEDDED" | "EMBEDDED_COMPONENT" | "WHATSAPP" | "BULKSHIPMENT" | "QRCODE" | "BULKDIGITAL" | (string & {});

/** DeliveryStatus: one of the known values, or any other string the server sends. */
export type DeliveryStatus = "PENDING" | "PROCESSING" | "DISPATCHED" | "DELIVERED" | "FAILED" | "ENGAGED" | (string & {});

/** EmailStatus: one of the known values, or any other string the server sends. */
export type EmailStatus = "DELIVERED" | "NOT_DELIVERED" | "PENDING" | "SENT" | "DEFERRED" | "DROPPED" | "BOUNCE" | "BLOCKED" | (string & {});

/** FreezeReason: one of the known values, or any other string the server sends. */
export type FreezeReason = "DELIVERY_INFO" | "REWARD_AMOUNT" | "REWARD_TYPE" | "VERIFY_ORDER" | "FRAUD" | "OTHER" | (string & {});

/** LineItemSortColumn: one of the known values, or any other string the server sends. */
export type LineItemSortColumn = "accountNumber" | "amountIssued" | "dateIssued" | "emailStatus" | "deliveryMethod" | "externalReferenceId" | "status" | "orderSource" | "orderStatus" | "recipientFirstName" | "recipientLastName" | "rewardName" | (string & {});

/** LineItemStatus: one of the known values, or any other string the server sends. */
export type LineItemStatus = "COMPLETE" | "PENDING" | "FAILED" | "DELETED" | "CANCELLED" | "CANCELED" | "RETURNED" | (string & {});

/** OrderSource: one of the known values, or any other string the server sends. */
export type OrderSource = "RA" | "RG" | "BE" | "BI" | "CI" | "QW" | "AA" | (string & {});

/** OrderStatus: one of the known values, or any other string the server sends. */
export type OrderStatus = "COMPLETE" | "PENDING" | "FAILED" | "CANCELLED" | "PARTIAL" | "QUEUED" | "PENDING_MR" | "ON_HOLD" | "DELETED" | "PENDING_KYB" | "PENDING_PAYMENT" | (string & {});

/** ReissueReason: one of the known values, or any other string the server sends. */
export type ReissueReason = "DELIVERY_INFO" | "REWARD_AMOUNT" | "REWARD_TYPE" | "RECIPIENT" | "CURRENCY" | "RECIPIENT_REQUESTED" | "OTHER" | (string & {});

/** ResendReason: one of the known values, or any other string the server sends. */
export type ResendReason = "NOT_RECEIVED" | "LOST_DELETED" | "DELIVERY_INFO" | "DELIVERY_METHOD" | "REMINDER" | "OTHER" | (string & {});

/** RewardStatus: one of the known values, or any other string the server sends. */
export type RewardStatus = "ACTIVE" | "INACTIVE" | "DELETED" | "SUSPENDED" | "CANCELLED" | "CANCELED" | "PROCESSING" | "FAILED" | "FROZEN" | (string & {});

/** WebhookCategory: one of the known values, or any other string the server sends. */
export type WebhookCategory = "REWARD" | "ORDER" | "ITEM" | "ACCOUNT" | "PLATFORM" | (string & {});


/**
 * Whether Tango can resend this order: it delivered the reward itself (EMAIL, PHONE, WHATSAPP, or
 * `sendEmail: true`) and the order did not fail or get cancelled.
 */
export function canResendOrder(order: Order): boolean;

/**
 * The order status that a set of line item statuses implies: `COMPLETE` only when every line item
 * is complete, `FAILED` when none completed and some failed, `CANCELLED` when all were cancelled,
 * `PARTIAL` when some completed and others did not, `PENDING` while any is pending or unknown.
 */
export function deriveOrderStatus(lineItemStatuses: LineItemStatus[]): OrderStatus;

/**
 * Whether a line item status is final (anything but PENDING or an unknown status).
 */
export function isLineItemStatusFinal(status: LineItemStatus): boolean;

/**
 * Whether an order status is final (COMPLETE, FAILED, CANCELLED, PARTIAL, DELETED). Unknown
 * statuses are not final.
 */
export function isOrderStatusFinal(status: OrderStatus): boolean;

/**
 * Returns a cleaned copy of a create-order body: strings trimmed (spaces-only ones removed),
 * `deliveryMethod` and the address's `country` and `postalCode` upper-cased (postal code without
 * spaces), and the state upper-cased for US and Canadian addresses. Unknown fields are kept.
 */
export function normalizeCreateOrder(order: Partial<CreateOrderRequest> | Record<string, unknown>): Partial<CreateOrderRequest>;

/**
 * The source of an order from the first two letters of its reference order ID: `"RA"` (API),
 * `"RG"` (portal), `"BE"`, `"BI"`, `"CI"`, `"QW"`, `"AA"`, or another two-letter prefix as is.
 * `undefined` when the ID is not two upper-case letters followed by digits.
 */
export function orderSource(referenceOrderID: string): OrderSource | undefined;

/**
 * Checks a create-order body against every rule of Tango's and returns every problem at once,
 * each with its wire path, a stable code and a message. Never changes the input.
 *
 * `options.partial`: for a form being filled in, fields not filled yet are not `required`.
 * `options.fields`: report only these paths (and what is inside them), e.g. the field that lost
 * focus. `options.fulfillment`: `"digital"` or `"physical"`, overriding the inference.
 */
export function validateCreateOrder(order: Partial<CreateOrderRequest> | Record<string, unknown>, options?: ValidateOptions | null): Report;

/**
 * Checks up to 50,000 create-order bodies at once (a bulk upload). Issues carry the row `index`;
 * a row that repeats an earlier row's `externalRefID` is a `conflict`. Throws a `validation`
 * TangoError when `orders` is not an array or has more than 50,000 rows.
 */
export function validateCreateOrders(orders: Array<Partial<CreateOrderRequest> | Record<string, unknown>>, options?: ValidateOptions | null): BulkReport;

/**
 * Checks the filters of a `GET /lineItems` query.
 */
export function validateLineItemFilter(filter: LineItemFilter | Record<string, unknown> | undefined, options?: ValidateOptions | null): Report;

/**
 * Checks the body of a line item reissue.
 */
export function validateLineItemReissue(body: ReissueLineItemRequest | Record<string, unknown> | undefined, options?: ValidateOptions | null): Report;

/**
 * Checks the body of a line item resend.
 */
export function validateLineItemResend(body: LineItemResendRequest | Record<string, unknown> | undefined, options?: ValidateOptions | null): Report;

/**
 * Checks the body of a line item update (PATCH).
 */
export function validateLineItemUpdate(body: UpdateLineItemRequest | Record<string, unknown> | undefined, options?: ValidateOptions | null): Report;

/**
 * Checks the filters of a `GET /orders` query.
 */
export function validateOrderFilter(filter: OrderFilter | Record<string, unknown> | undefined, options?: ValidateOptions | null): Report;

/**
 * Checks the body of an order resend.
 */
export function validateOrderResend(body: OrderResendRequest | Record<string, unknown> | undefined, options?: ValidateOptions | null): Report;

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

// ---- Webhook ledger (pkg-template/webhook-ledger.d.ts, appended by scripts/declarations.mjs) ----

/** Where a webhook ledger keeps what it saw: a shared limiter from tango-orders/redis. */
export interface WebhookLedgerStore {
  recordWebhookEvent(record: { subscription: string; eventId: string; revision: number | undefined; ttlMs: number }): Promise<unknown[]>;
}
export interface WebhookLedgerOptions {
  /** Keep what was seen in Redis, shared by every process that receives deliveries: the limiter
   * from `createRedisLimiter` (tango-orders/redis). Default: in this process's memory. */
  store?: WebhookLedgerStore;
  /** How long an event is remembered, in ms (default 31 days). */
  ttlMs?: number;
  /** How many events the in-memory ledger remembers at most (default 100000; the oldest go first). */
  maxEvents?: number;
}
/** What `record` tells about an event. */
export interface WebhookEventRecord {
  /** This `eventId` was recorded before for the subscription: it was handled already. */
  duplicate: boolean;
  /** An event of a higher revision was recorded before this one. */
  outOfOrder: boolean;
  /** The highest revision recorded for the subscription, this one included. */
  latestRevision: number | undefined;
}
export interface WebhookLedger {
  /** Records a verified event; `subscription` names the subscription it came to (default "default"). */
  record(event: { eventId: string; revision?: number }, options?: { subscription?: string }): Promise<WebhookEventRecord>;
}
/** A ledger of webhook events: whether each was seen before, and the latest revision of each
 * subscription. Rejects a call when its store fails, so that the delivery is answered with an
 * error and delivered again rather than handled twice. */
export declare function createWebhookLedger(options?: WebhookLedgerOptions): WebhookLedger;

/**
 * Reads the body Tango sends with an error status.
 */
export function parseApiErrorBody(body: string): ApiErrorBody;

/**
 * Reads the body of `GET /lineItems/{id}`.
 */
export function parseLineItem(body: string): LineItem;

/**
 * Reads the body of `GET /lineItems`.
 */
export function parseLineItemListPage(body: string): LineItemListPage;

/**
 * Reads the body of `POST /lineItems/{id}/resends`.
 */
export function parseLineItemResendResult(body: string): LineItemResendResult;

/**
 * Reads the body of `POST /orders` or `GET /orders/{id}`.
 */
export function parseOrder(body: string): Order;

/**
 * Reads the body of `GET /orders`.
 */
export function parseOrderListPage(body: string): OrderListPage;

/**
 * Reads the body of `POST /orders/{id}/resends`.
 */
export function parseOrderResendResult(body: string): OrderResendResult;

/** A webhook category, as Tango's docs list them. */
export type WebhookCategoryName = "ITEM" | "ACCOUNT" | "REWARD" | "ORDER" | "PLATFORM";

/** A webhook event type, as Tango's docs list them. */
export type WebhookEventTypeName = "ItemAvailability" | "AccountStatus" | "Transaction" | "LowBalance" | "RewardStatus"
| "AsyncOrderStatus" | "LineItemDeliveryStatus" | "OrderActionStatus" | "APICredentials" | "ExchangeRatesStatus";

/** The test events `testWebhook` can ask for. */
export type WebhookTestName = "ConnectivityTest" | "ItemAvailability" | "RewardStatus" | "Transaction" | "LowBalance"
| "AccountStatus" | "CredentialStatus" | "LineItemDeliveryStatus" | "AsyncOrderStatus" | "ExchangeRatesStatus";

/** A subscription (`createWebhook`; `updateWebhook` takes any part of it). */
export interface WebhookSubscriptionRequest {
    /** Where Tango POSTs deliveries: `https://`, or `http://` to localhost for local work. */
    url: string;
    /** Categories to subscribe to (this or `eventTypes`, or both). */
    categories?: WebhookCategoryName[];
    /** Event types to subscribe to. */
    eventTypes?: WebhookEventTypeName[];
    /** Headers Tango sends with every delivery (a token your receiver checks, say). */
    headers?: { name: string; value: string }[];
    /** How deliveries are signed; HMAC needs `hmacSharedSecretKey`, X509 `signingCertificate`. */
    payloadVerificationMethod?: "HMAC" | "X509" | "NONE";
    /** The HMAC key, base64 of at least 32 bytes. Never logged or put in errors. */
    hmacSharedSecretKey?: string;
    /** The X509 certificate, base64 of its DER (no PEM lines). */
    signingCertificate?: string;
}

/** The query of `listWebhooks`: a cursor, a page size (1–200) and filters. */
export interface WebhookListQuery {
    maxResults?: number;
    nextCursor?: string;
    prevCursor?: string;
    url?: string;
    headerName?: string;
    headerValue?: string;
    categories?: string[];
    eventTypes?: string[];
    expiresAtFrom?: string;
    expiresAtTo?: string;
    createdAtFrom?: string;
    createdAtTo?: string;
}

/** Which of a subscription's past events, by revision (both ends included), and a cursor. */
export interface WebhookEventRange {
    fromRevision?: number;
    toRevision?: number;
    maxResults?: number;
    nextCursor?: string;
    prevCursor?: string;
}

export interface TangoClient {
    /** Every subscription, following `nextCursor` from page to page. */
    iterateWebhooks(query?: WebhookListQuery, options?: CallOptions): AsyncGenerator<Webhook, void, undefined>;
}

/** The part of a fetch Request the client's requests have, for environments whose types declare
 * none. */
export interface FetchRequestLike {
    readonly url: string;
    readonly method: string;
    readonly headers: { get(name: string): string | null; forEach(callback: (value: string, name: string) => void): void };
    readonly signal: AbortSignalType;
    text(): Promise<string>;
}

/** What the client passes to fetch on every attempt, as its only argument: a Request (the
 * environment's own type where its types declare one). */
export type FetchRequest = typeof globalThis extends { Request: { prototype: infer R } } ? R : FetchRequestLike;

/** The part of a fetch Response the client reads. */
export interface FetchResponse {
    readonly status: number;
    readonly headers: { forEach(callback: (value: string, name: string) => void): void };
    text(): Promise<string>;
}

/** A fetch function: the global fetch, undici's, tango-orders/sim's, a proxy's or a test double.
 * The client calls it with one argument, `fetch(request)`. */
export type FetchLike = (request: FetchRequest) => Promise<FetchResponse>;

/** Settings of a TangoClient: the generated ClientSettings and the two settings that are
 * functions (written here by hand: tsify cannot express a function type). */
export interface TangoClientOptions extends ClientSettings {
    /** The fetch to use (default: the global fetch), e.g. tango-orders/sim's. */
    fetch?: FetchLike;
    /** Called once per attempt (`type: "request"`: method, path, status, requestId, attempt and
     * duration only), and when a shared limiter's store stops answering or answers again
     * (`type: "limiter"`). */
    logger?: (event: LogEvent) => void;
    /** Keeps Tango's limits (1 create per second, 1 resend per reward per 30 s) together with every
     * other client that uses the same store: `createRedisLimiter(redis)` from `tango-orders/redis`.
     * Default: this client's own queue and resend guard. */
    limiter?: TangoLimiter;
}

/** A create asking a shared limiter's store whether it may be sent now (its first ask queues it). */
export interface LimiterCreateAsk {
    /** The limit the creates share: the platform name, or "default" with a bearer token. */
    account: string;
    /** The create's place: random, unique across processes. */
    ticket: string;
    /** Its process has had no create answered lately (its request may be slow on the way). */
    leads: boolean;
    /** One interval between creates, ms. */
    intervalMs: number;
    /** The margin after each create while it has not answered, ms. */
    marginMs: number;
    /** How long an unanswered leader may hold the next create, ms from its start. */
    holdMs: number;
}

/** What a started create tells the store: the next start, counted from its own. */
export interface LimiterCreateReport {
    account: string;
    ticket: string;
    nextAfterGoMs: number;
    /** True once it has its answer; false when only its request's late departure is reported. */
    answered: boolean;
}

/** A resend's claim on its order or line item (`key`: "order:<id>" or "lineItem:<id>"). */
export interface LimiterResendClaim {
    account: string;
    key: string;
    /** Random: only this claim can end itself early. */
    claim: string;
}

/** The store a client shares Tango's limits through: each method one atomic decision, timed by the
 * store's own clock. `createRedisLimiter` (tango-orders/redis) implements it on Redis. The client
 * waits at most `storeTimeoutMs` (default 1000) for `takeCreate` and `claimResend`, then keeps the
 * limits alone, tells the logger once, and asks the store again every 2 s. */
export interface TangoLimiter {
    /** How long to wait for the store before deciding alone, 1 to 60000 ms (default 1000). */
    readonly storeTimeoutMs?: number;
    /** Resolves to 0 (or less) when the create may be sent now, else to the ms to wait before
     * asking again. */
    takeCreate(ask: LimiterCreateAsk): Promise<number> | number;
    /** Not waited for. */
    reportCreate(report: LimiterCreateReport): unknown;
    /** An aborted create leaves the queue. Not waited for. */
    leaveCreate(place: { account: string; ticket: string }): unknown;
    /** Resolves to 0 (or less) when the resend is claimed for 30 s, else to the ms until it may be. */
    claimResend(claim: LimiterResendClaim): Promise<number> | number;
    /** Ends the claim if it is still this one (the resend was refused before Tango acted). Not waited
     * for. */
    forgetResend(claim: LimiterResendClaim): unknown;
}

/** Per-call settings: the generated CallSettings and the signal (written here by hand: its type
 * is the environment's own AbortSignal, which tsify cannot name). */
export interface CallOptions extends CallSettings {
    /** Ends the call at once wherever it waits (create queue, backoff, token, request): it rejects
     * with a TangoError of kind "aborted" (name "AbortError", cause the signal's reason). */
    signal?: AbortSignalType;
}

/** Options of waitForOrder: the generated WaitSettings (timeoutMs, the whole wait), the signal
 * and onStatus (written here by hand: tsify cannot express a function type). */
export interface WaitOptions extends WaitSettings {
    /** Ends the wait at once, between reads or in one: it rejects with a TangoError of kind
     * "aborted" (name "AbortError", cause the signal's reason). */
    signal?: AbortSignalType;
    /** Called with the order at the first read and at each read whose status differs from the
     * one before (an exception it throws is ignored: it cannot end the wait). */
    onStatus?: (order: Order) => void;
}

export interface OrderIterator {
    [Symbol.asyncIterator](): AsyncIterator<Order>;
}

export interface LineItemIterator {
    [Symbol.asyncIterator](): AsyncIterator<LineItem>;
}

/**
 * An async iterator over pages of line items, each page's body as JSON text (client-wrap.js
 * yields the line items).
 */
export class LineItemIterator {
    private constructor();
    free(): void;
    /**
     * The next item: `{ done, value }`, as the async iterator protocol wants.
     */
    next(): Promise<IteratorResult<LineItem>>;
}

/**
 * An async iterator over pages of orders, each `{ done, value }` with the page's body as JSON
 * text (client-wrap.js yields the orders).
 */
export class OrderIterator {
    private constructor();
    free(): void;
    /**
     * The next item: `{ done, value }`, as the async iterator protocol wants.
     */
    next(): Promise<IteratorResult<Order>>;
}

/**
 * The Tango client: every endpoint, with validation first, idempotent retries, the 1-per-second
 * create queue, the 30 s resend guard, paging past 10,000 results and typed errors.
 */
export class TangoClient {
    free(): void;
    /**
     * Cancels a line item (`{ reasonCode, otherReason? }`); the account is refunded.
     */
    cancelLineItem(id: string, body: CancelLineItemRequest, options?: CallOptions): Promise<void>;
    /**
     * Places an order: validated first; an `externalRefID` is generated when absent and reused by
     * every retry. Resolves to `{ order, created }`.
     */
    createOrder(order: CreateOrderRequest, options?: CallOptions): Promise<CreateOrderResult>;
    /**
     * Subscribes to webhook events: validated first (an `https://` url, or `http://` to
     * localhost; Tango's categories or event types; the key or certificate the verification
     * method needs). Resolves to `{ webhookId, expiresAt }`.
     */
    createWebhook(subscription: WebhookSubscriptionRequest, options?: CallOptions): Promise<WebhookExpiry>;
    /**
     * Deletes a subscription.
     */
    deleteWebhook(id: string, options?: CallOptions): Promise<void>;
    /**
     * Freezes a line item's reward.
     */
    freezeLineItem(id: string, body: FreezeLineItemRequest, options?: CallOptions): Promise<void>;
    /**
     * Reads the platform's catalog (`GET /catalogs`): brands, each with its items (UTIDs) and
     * what an order for each may be (value range or face value, currency, digital or physical,
     * countries, delivery attributes). `filter` narrows it (`{ utid }`, `{ itemAttribute:
     * ["PHONE"] }`, …). Pass the result to `validateCreateOrder(order, { catalog })`.
     */
    getCatalog(filter?: CatalogFilter, options?: CallOptions): Promise<Catalog>;
    /**
     * The URL of the page that shows an EMBEDDED line item's reward (treat it as a secret).
     */
    getEmbeddedUrl(id: string, options?: CallOptions): Promise<EmbeddedUrl>;
    /**
     * Reads one line item, with its reward and histories.
     */
    getLineItem(id: string, options?: CallOptions): Promise<LineItem>;
    /**
     * Reads one order, with `reward.credentialList`.
     */
    getOrder(id: string, options?: CallOptions): Promise<Order>;
    /**
     * One subscription.
     */
    getWebhook(id: string, options?: CallOptions): Promise<Webhook>;
    /**
     * Every line item matching `filter`, following page keys.
     */
    iterateLineItems(filter?: LineItemFilter, options?: CallOptions): LineItemIterator;
    /**
     * Every order matching `filter`: `for await (const order of client.iterateOrders(filter))`.
     * Splits the date range when a query matches more than the 10,000 results Tango returns.
     */
    iterateOrders(filter?: OrderFilter, options?: CallOptions): OrderIterator;
    /**
     * Reads one page of line items.
     */
    listLineItems(filter?: LineItemFilter, options?: CallOptions): Promise<LineItemListPage>;
    /**
     * Reads one page of orders.
     */
    listOrders(filter?: OrderFilter, options?: CallOptions): Promise<OrderListPage>;
    /**
     * The reason codes each line item action accepts, code → description.
     */
    listReasonCodes(options?: CallOptions): Promise<ReasonCodes>;
    /**
     * The event types one can subscribe to, by category.
     */
    listWebhookEventTypes(options?: CallOptions): Promise<WebhookPage<WebhookEventTypes>>;
    /**
     * A page of a subscription's past events (kept three months), oldest first:
     * `{ fromRevision, toRevision, maxResults, nextCursor }`.
     */
    listWebhookEvents(id: string, range?: WebhookEventRange, options?: CallOptions): Promise<WebhookPage<WebhookEvent>>;
    /**
     * One page of subscriptions; pass `nextCursor` back for the next (or use `iterateWebhooks`).
     */
    listWebhooks(query?: WebhookListQuery, options?: CallOptions): Promise<WebhookPage<Webhook>>;
    /**
     * A client. Throws a `config` TangoError on unusable options, and in a browser when
     * credentials are given without `dangerouslyAllowBrowser: true`.
     */
    constructor(options: TangoClientOptions);
    /**
     * Cancels a line item and issues a replacement with the body's changes (amount, delivery
     * method, recipient, notes); resolves to the new order. Retried only where Tango did not act.
     */
    reissueLineItem(id: string, body: ReissueLineItemRequest, options?: CallOptions): Promise<Order>;
    /**
     * Renews a subscription before it expires; resolves to its new `expiresAt`.
     */
    renewWebhook(id: string, options?: CallOptions): Promise<WebhookExpiry>;
    /**
     * Delivers a subscription's past events again, `{ fromRevision, toRevision }`, each with its
     * own `eventId` and `revision` (a receiver's ledger sees them as repeats).
     */
    replayWebhookEvents(id: string, range?: WebhookEventRange, options?: CallOptions): Promise<void>;
    /**
     * Resends a line item's reward, possibly by another method.
     */
    resendLineItem(id: string, body: LineItemResendRequest, options?: CallOptions): Promise<LineItemResendResult>;
    /**
     * Resends an order's reward (once per 30 s per order; a second try within 30 s throws
     * `resend_too_soon` without a request).
     */
    resendOrder(id: string, body?: OrderResendRequest, options?: CallOptions): Promise<OrderResendResult>;
    /**
     * Asks Tango to send a test event: `ConnectivityTest` by default, or the test named
     * (`RewardStatus`, `LineItemDeliveryStatus`, …).
     */
    testWebhook(id: string, test?: WebhookTestName, options?: CallOptions): Promise<void>;
    /**
     * Unfreezes a line item's reward.
     */
    unfreezeLineItem(id: string, body: FreezeLineItemRequest, options?: CallOptions): Promise<void>;
    /**
     * Changes a line item's `purchaseOrderNumber`, `campaign` or `orderNotes`.
     */
    updateLineItem(id: string, body: UpdateLineItemRequest, options?: CallOptions): Promise<void>;
    /**
     * Changes a subscription: what the body has, checked as for a create.
     */
    updateWebhook(id: string, changes: Partial<WebhookSubscriptionRequest>, options?: CallOptions): Promise<Webhook>;
    /**
     * Reads the order until its status is final (COMPLETE, FAILED, CANCELLED, PARTIAL, DELETED)
     * and resolves to it: reads about a second apart at first, backing off to at most 30 s,
     * jittered; a read rate-limited (429) does not end the wait. `options.timeoutMs` (default
     * 600000, 10 minutes; up to a day) ends it with a `timeout` TangoError carrying `lastStatus`;
     * `options.signal` ends it at once; `options.onStatus(order)` sees each change of status.
     */
    waitForOrder(id: string, options?: WaitOptions): Promise<Order>;
}

/** A webhook delivery as `verifyWebhook` takes it: a Fetch `Request` (Workers, Next.js route
 * handlers, Deno, Bun, Hono), or its raw body, as bytes or text, with its headers (Express with
 * `express.raw({ type: "application/json" })`, Node's `http`). */
export type WebhookDelivery =
| { arrayBuffer(): Promise<ArrayBuffer>; headers: { get(name: string): string | null } }
| {
    body: string | Uint8Array | ArrayBuffer;
    headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>;
};

/** The subscription's key that `verifyWebhook` checks a delivery with, as given to Tango: its
 * `hmacSharedSecretKey` (base64), or its `signingCertificate` (base64 DER, or PEM). */
export type WebhookKeys = { hmacSharedSecretKey: string } | { signingCertificate: string };

/** One event of type `T` with data `D`. */
export interface WebhookEventOf<T extends string, D> {
    /** The event's ID: the same on every delivery of it (a retry, a replay). */
    eventId: string;
    /** Its position among the subscription's events: deliveries may arrive out of order. */
    revision?: number;
    /** Its category. */
    category?: WebhookCategory;
    /** When it happened (RFC 3339). */
    eventOccurredAt?: string;
    eventType: T;
    eventData: D;
}

/** A verified delivery's event: narrow on `eventType` for its `eventData`. An event of a type this
 * release does not know is passed on as Tango sent it, but typed only by the types it knows (as
 * stripe-node types its events): handle a `default` case at run time. */
export type WebhookEvent =
| WebhookEventOf<"RewardStatus", RewardStatusEventData>
| WebhookEventOf<"LineItemDeliveryStatus", LineItemDeliveryStatusEventData>
| WebhookEventOf<"AsyncOrderStatus", AsyncOrderStatusEventData>
| WebhookEventOf<"ItemAvailability", ItemAvailabilityEventData>
| WebhookEventOf<"AccountStatus", AccountStatusEventData>
| WebhookEventOf<"Transaction", TransactionEventData>
| WebhookEventOf<"LowBalance", LowBalanceEventData>
| WebhookEventOf<"APICredentials", CredentialStatusEventData>
| WebhookEventOf<"ExchangeRatesStatus", ExchangeRatesStatusData>;

/** Verifies a webhook delivery and resolves to its event. The raw body is checked against the
 * `X-Signed-Payload` header with the subscription's key before anything in it is read; a delivery
 * that is not verified (no header, a wrong signature, a body over 256 KiB or one already parsed)
 * rejects with a TangoError of kind `"unverified"` that quotes nothing of it. */
export function verifyWebhook(delivery: WebhookDelivery, keys: WebhookKeys): Promise<WebhookEvent>;

export { validateOrdersCsv, ordersFromCsv } from "./csv.js";
export type { CsvOptions } from "./csv.js";
