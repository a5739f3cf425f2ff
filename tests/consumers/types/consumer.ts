// What a TypeScript user writes against the package, with no global types assumed: it must
// type-check under every tsconfig here, including one with neither DOM nor Node types. Each
// expected-error directive fails the check if the types become loose enough to accept its line.
import {
  TangoClient,
  validateCreateOrder,
  validateOrdersCsv,
  type CreateOrderRequest,
  type FetchLike,
  type FetchResponse,
  type Issue,
  type TangoError,
} from "tango-orders";
import { validateCreateOrder as validateOnly, type Report } from "tango-orders/validate";
import { createSimulator, type Simulator } from "tango-orders/sim";
import { ordersFromCsv, validateOrdersCsv as checkCsv, type CsvOptions, type CsvReport } from "tango-orders/csv";
import init, { parseOrder } from "tango-orders/web";

const order: CreateOrderRequest = {
  customerIdentifier: "demo-customer",
  accountIdentifier: "demo-account",
  utid: "U000001",
  amount: 5,
  deliveryMethod: "EMAIL",
  recipient: { firstName: "Ada", email: "ada@example.com" },
};
// @ts-expect-error: amount is a number
const wrong: CreateOrderRequest = { ...order, amount: "5" };

const report: Report = validateOnly(order);
const issues: Issue[] = validateCreateOrder(order).issues.concat(report.issues);

// The simulator's fetch and a hand-written test double both fit the client's fetch option.
const sim: Simulator = createSimulator({ virtualClock: true });
const viaSim = new TangoClient({ baseUrl: sim.baseUrl, fetch: sim.fetch, token: sim.token });
const answer: FetchResponse = { status: 200, headers: { forEach() {} }, text: async () => "{}" };
// The client calls fetch(request) with one argument: a Request (or, without DOM types, the part of
// one it fills).
const double: FetchLike = async (request) => (request.url.length > 0 && request.method === "GET" ? answer : answer);
const viaDouble = new TangoClient({ baseUrl: "http://localhost:4010/raas/v2", fetch: double });

async function place(): Promise<string | undefined> {
  try {
    const { order: placed, created } = await viaSim.createOrder(order);
    return created ? placed.referenceOrderID : undefined;
  } catch (error) {
    const failure = error as TangoError;
    return failure.mayHaveBeenPlaced ? failure.externalRefID : failure.kind;
  }
}

// tango-orders/web: the same API after an awaited init.
async function web(): Promise<string | undefined> {
  await init({ href: "https://cdn.example/tango_orders_bg.wasm" });
  return parseOrder("{}").status;
}

// A bulk upload's CSV, from bytes, with a progress callback; its bad rows by line and column.
async function checkFile(bytes: Uint8Array): Promise<string[]> {
  const options: CsvOptions = {
    columns: { Email: "recipient.email", Notes: null },
    defaults: { utid: "U000001", deliveryMethod: "EMAIL" },
    onProgress: (done, total) => void (done / total),
  };
  const report: CsvReport = await checkCsv(bytes, options);
  const orders: Partial<CreateOrderRequest>[] = await ordersFromCsv(bytes, options);
  const viaMain = await validateOrdersCsv("amount\n5\n");
  // @ts-expect-error: a column maps to a wire path or null
  const badColumns: CsvOptions = { columns: { Email: 5 } };
  return report.issues
    .filter((issue) => issue.index !== undefined && orders.length + viaMain.rowCount > 0)
    .map((issue) => `${issue.line}:${issue.column ?? ""}:${issue.path}:${issue.code}:${badColumns.defaults ? "" : ""}`);
}

export { issues, viaDouble, wrong, place, web, checkFile };
