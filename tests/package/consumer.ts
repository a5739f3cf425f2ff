// A consumer of the package's types, checked with `tsc --strict`. The @ts-expect-error lines fail
// the check if the types ever become loose enough to accept them.
import {
  TangoClient,
  canResendOrder,
  deriveOrderStatus,
  orderSource,
  parseOrder,
  parseOrderListPage,
  type CreateOrderRequest,
  type DeliveryMethod,
  type Issue,
  type LineItemStatus,
  type Order,
  type OrderSource,
  type OrderStatus,
  TangoError,
  isTangoError,
} from "tango-orders";
import { createSimulator, type Simulator } from "tango-orders/sim";

// Open enums: known literals autocomplete, and a value the server adds later still type-checks.
const known: OrderStatus = "COMPLETE";
const fromTheFuture: OrderStatus = "PENDING_SOMETHING_NEW";
const statuses: LineItemStatus[] = ["COMPLETE", "CANCELED", "RETURNED_TO_SENDER"];
const derived: OrderStatus = deriveOrderStatus(statuses);
const source: OrderSource | undefined = orderSource("RA123");
const method: DeliveryMethod = "EMAIL";

// Required fields of a create request are required in TypeScript too.
const order: CreateOrderRequest = {
  customerIdentifier: "demo-customer",
  accountIdentifier: "demo-account",
  utid: "U000001",
  amount: 10,
  deliveryMethod: method,
  recipient: { email: "ada@example.com", firstName: "Ada", address: null },
};
// @ts-expect-error: amount is a number
const wrongType: CreateOrderRequest = { ...order, amount: "10" };
// @ts-expect-error: utid is required
const missing: CreateOrderRequest = { customerIdentifier: "a", accountIdentifier: "b", amount: 1 };

// Responses: every field optional, nested models typed.
const parsed: Order = parseOrder('{"status":"COMPLETE"}');
const value: number | undefined = parsed.amountCharged?.value;
const code: string | undefined = parsed.reward?.credentialList?.[0]?.value;
const page = parseOrderListPage('{"orders":[]}');
const first: Order | undefined = page.orders[0];
const resendable: boolean = canResendOrder(parsed);

// Errors: a kind to branch on, issues for validation.
function describe(error: unknown): string {
  const e = error as TangoError;
  if (e.kind === "validation") {
    const issues: Issue[] = e.issues ?? [];
    return issues.map((i) => `${i.path}: ${i.code}`).join(", ");
  }
  // @ts-expect-error: not a kind
  if (e.kind === "oops") return "";
  return e.retryable ? "retry" : e.message;
}

// A runtime guard and instanceof, and a union narrowed by kind: what each kind always has.
function statusOf(error: unknown): number | undefined {
  if (error instanceof TangoError && error.kind === "api") {
    const status: number = error.status;
    const name: string = error.statusName;
    return status + name.length;
  }
  if (isTangoError(error) && error.kind === "validation") {
    const issues: Issue[] = error.issues;
    return issues.length;
  }
  if (isTangoError(error) && error.kind === "resend_too_soon") return error.retryAfterMs;
  if (isTangoError(error)) {
    // @ts-expect-error: without narrowing on kind, status may be absent
    const status: number = error.status;
    return status;
  }
  // @ts-expect-error: not narrowed, an unknown has no kind
  return error.kind;
}

// The client: typed options, results, iterators and errors.
async function useClient(): Promise<number> {
  const client = new TangoClient({ baseUrl: "http://localhost/raas/v2", token: async () => "t", maxRetries: 3 });
  const { order: placed, created } = await client.createOrder(
    { customerIdentifier: "c", accountIdentifier: "a", utid: "U1", amount: 1 },
    { signal: AbortSignal.timeout(1000) },
  );
  let total = created ? 1 : 0;
  for await (const each of client.iterateOrders({ orderStatus: "COMPLETE" })) {
    const id: string | undefined = each.referenceOrderID;
    total += id ? 1 : 0;
  }
  for await (const item of client.iterateLineItems()) total += item.status === "PENDING" ? 1 : 0;
  const resend = await client.resendOrder(placed.referenceOrderID ?? "");
  // @ts-expect-error: ordersPerSecond is a number
  new TangoClient({ ordersPerSecond: "1" });
  try {
    await client.getOrder("RA1", { maxRetryDelayMs: 5_000 });
  } catch (error) {
    const e = error as TangoError;
    if (e.kind === "api" && e.status === 402) total += e.retryable ? 0 : 1;
    if (e.kind === "aborted" && e.name === "AbortError") total += 1;
  }
  const order = { customerIdentifier: "c", accountIdentifier: "a", utid: "U1", amount: 1 };
  try {
    await client.createOrder(order);
  } catch (error) {
    const e = error as TangoError;
    const key: string | undefined = e.externalRefID;
    const maybe: boolean | undefined = e.mayHaveBeenPlaced;
    if (maybe && key) total += (await client.createOrder({ ...order, externalRefID: key })).created ? 1 : 0;
    if (e.kind === "conflict") total += (e.fields ?? []).length + (e.referenceOrderID ? 1 : 0);
  }
  new TangoClient({ maxRetryDelayMs: 60_000 });
  return total + (resend.id ?? 0);
}

// The simulator: a fetch drop-in and its controls.
const sim: Simulator = createSimulator({ seed: 3, virtualClock: true, faults: { latencyMs: 10 } });
const pending: Promise<Response> = sim.fetch(`${sim.baseUrl}/orders`);
sim.advanceTime(30_000);
// @ts-expect-error: faults are numbers
createSimulator({ faults: { latencyMs: "10" } });

export { useClient, pending, known, fromTheFuture, derived, source, wrongType, missing, value, code, first, resendable, describe };

// The Standard Schema objects: a library's own StandardSchemaV1 (here the package's copy of the
// spec's types) infers the request types from them, and with() keeps them.
import {
  createOrderSchema,
  lineItemFilterSchema,
  type StandardSchemaV1,
  type TangoSchemaIssue,
} from "tango-orders";
import { orderFilterSchema as filterFromValidate } from "tango-orders/validate";

type CreateOutput = StandardSchemaV1.InferOutput<typeof createOrderSchema>;
const createOutput: CreateOrderRequest = {} as CreateOutput;
const backToOutput: CreateOutput = createOutput;
void backToOutput;
function acceptsAnyStandardSchema<Output>(schema: StandardSchemaV1<unknown, Output>): Output | undefined {
  const answer = schema["~standard"].validate({});
  return answer instanceof Promise || answer.issues ? undefined : answer.value;
}
const placed: CreateOrderRequest | undefined = acceptsAnyStandardSchema(createOrderSchema.with({ partial: true }));
void placed;
const answer = filterFromValidate["~standard"].validate({ status: "COMPLETE" });
if (answer.issues) {
  const first: TangoSchemaIssue | undefined = answer.issues[0];
  const segments: ReadonlyArray<string | number> | undefined = first?.path;
  const code: Issue["code"] | undefined = first?.code;
  void segments;
  void code;
}
lineItemFilterSchema.with({
  catalog: [],
  now: () => new Date(),
  message: (issue) => (issue.code === "required" ? "Obligatoire" : undefined),
  fields: ["status", undefined],
  extraFields: ["newFilter"],
});
// @ts-expect-error: the wording is a function of the issue
createOrderSchema.with({ message: "Obligatoire" });
// @ts-expect-error: a create's output has no page keys
createOutput.pageKeys;

// tango-orders/json-schema: the same schemas, each also a Standard JSON Schema.
import { createOrderSchema as createWithJson, type StandardJSONSchemaV1 } from "tango-orders/json-schema";

function jsonSchemaOf(schema: StandardJSONSchemaV1): Record<string, unknown> {
  return schema["~standard"].jsonSchema.input({ target: "draft-2020-12" });
}
const createJson: Record<string, unknown> = jsonSchemaOf(createWithJson.with({ extraFields: ["loyaltyTier"] }));
void createJson;
const fromJsonEntry: CreateOrderRequest | undefined = acceptsAnyStandardSchema(createWithJson);
void fromJsonEntry;
// @ts-expect-error: the schemas of tango-orders carry no JSON Schema
jsonSchemaOf(createOrderSchema);

// Webhooks: checking `eventType` narrows an event to its data.
import { verifyWebhook, type WebhookEvent } from "tango-orders";
export async function rewardStatusOf(request: Request, secret: string): Promise<string | undefined> {
  const event: WebhookEvent = await verifyWebhook(request, { hmacSharedSecretKey: secret });
  if (event.eventType === "RewardStatus") return event.eventData.status;
  if (event.eventType === "AsyncOrderStatus") {
    const total: number | undefined = event.eventData.totalLineItems;
    return String(total);
  }
  // @ts-expect-error: a transaction's data has no status
  if (event.eventType === "Transaction") return event.eventData.status;
  return undefined;
}
export async function fromNodeHttp(body: Uint8Array, headers: Record<string, string | string[] | undefined>): Promise<number | undefined> {
  const event = await verifyWebhook({ body, headers }, { hmacSharedSecretKey: "c2VjcmV0" });
  return event.revision;
}

// tango-orders/webhooks: the same function and types alone.
import { verifyWebhook as verifyAlone, createWebhookLedger as ledgerAlone, type WebhookEvent as AloneEvent } from "tango-orders/webhooks";
export async function recordAlone(request: Request, secret: string): Promise<boolean> {
  const event: AloneEvent = await verifyAlone(request, { hmacSharedSecretKey: secret });
  return (await ledgerAlone().record(event)).duplicate;
}

// Subscriptions: typed requests and answers.
import { TangoClient as SubscribingClient, type Webhook, type WebhookPage } from "tango-orders";
export async function subscribe(client: SubscribingClient): Promise<string[]> {
  const { webhookId } = await client.createWebhook({ url: "https://example.com/hook", categories: ["REWARD"],
    payloadVerificationMethod: "HMAC", hmacSharedSecretKey: "c2VjcmV0" });
  // @ts-expect-error: not one of Tango's categories
  await client.createWebhook({ url: "https://example.com/hook", categories: ["REWARDS"] });
  const page: WebhookPage<Webhook> = await client.listWebhooks({ maxResults: 50 });
  const events = await client.listWebhookEvents(webhookId ?? "", { fromRevision: 1 });
  const types: string[] = events.items.map((event) => event.eventType);
  for await (const webhook of client.iterateWebhooks()) types.push(webhook.url ?? "");
  await client.testWebhook(webhookId ?? "", "RewardStatus");
  // @ts-expect-error: not one of Tango's tests
  await client.testWebhook(webhookId ?? "", "Nope");
  return [...types, ...page.items.map((webhook) => webhook.webhookId ?? "")];
}
